"""Event kinds and the words that report them."""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from . import find_all, matches_at


class Anchored:
    r"""A pattern found through the words every match of it contains, for speed.

    ``re`` finds no quick start for "(?<![\w])(?:cuộc )?điện đàm" (a look-behind or an optional
    word comes first), so it tries the whole pattern at every position of a body; ``str.find``
    for "điện đàm" is some twenty times quicker. ``anchors`` maps each word to the most
    characters a match can have before it ("cuộc " → 5). The pattern is tried only at the
    starts these allow, in order, so the matches are exactly those of ``pattern.finditer``.
    """

    def __init__(self, source: str, anchors: dict[str, int]) -> None:
        self.pattern = re.compile(source)
        self.anchors = anchors

    def finditer(self, text: str, found: dict[str, list[int]] | None = None) -> Iterator[re.Match[str]]:
        """The matches in ``text``; ``found``, when given, is ``AnchorScan.find(text)`` for a scan
        of (at least) these anchors, and spares looking for them again."""
        starts: set[int] = set()
        for anchor, lead in self.anchors.items():
            for at in found.get(anchor, ()) if found is not None else find_all(text, anchor):
                starts.update(range(max(0, at - lead), at + 1))
        # most patterns have no anchor in a body: they return at once, without a generator
        return matches_at(self.pattern, text, starts) if starts else iter(())


class AnchorScan:
    """Where each anchor of several ``Anchored`` patterns stands in a text.

    A ``str.find`` for each word, from one place of it to the next, is quicker than one ``re``
    pass that stops at a letter of every word: whichever letter it stops at ("ế", "ệ", "H"),
    Vietnamese text has it every few words. A word that holds another of the words ("Hội nghị",
    "ội nghị") is looked for only where that one stands. ``find`` gives every position
    ``str.find`` would, overlaps included, in order.
    """

    def __init__(self, words: Iterable[str]) -> None:
        self._plan: list[tuple[str, str | None, int]] = []  # (word, a shorter word in it, where)
        done: list[str] = []
        for word in sorted(set(words), key=len):
            inner = next((shorter for shorter in done if shorter in word), None)
            self._plan.append((word, inner, word.find(inner) if inner else 0))
            done.append(word)

    def find(self, text: str) -> dict[str, list[int]]:
        """word → the positions of the word in ``text``, overlaps included, in order."""
        found: dict[str, list[int]] = {}
        for word, inner, offset in self._plan:
            if inner is not None:  # where the shorter word stands, looked for before
                positions = [at - offset for at in found.get(inner, ())
                             if at >= offset and text.startswith(word, at - offset)]
            else:
                positions = list(find_all(text, word))
            if positions:
                found[word] = positions
        return found

_TITLED = (r"(?:Đại sứ|Bộ trưởng|Ngoại trưởng|Thủ tướng|Chủ tịch|Tổng|Phó|Đoàn|đoàn|ông|bà|Trưởng|Thứ trưởng|"
           r"Giám đốc|Tổng thống|Quốc vương|Nhà vua|Hoàng|lãnh đạo|Lãnh đạo|Đặc phái viên|Nghị sĩ|Thống đốc|"
           r"Tổng Thư ký|Tổng thư ký|các Đại sứ|Đô đốc|Tư lệnh)")
# kind → (pattern, label used to name the event). Order matters: the first kind that matches a span wins.
KINDS: dict[str, tuple[Anchored, str]] = {
    "plenary_session": (Anchored(r"(?<![\w])[Pp]hiên (?:họp |thảo luận )?toàn thể|(?<![\w])[Pp]hiên (?:khai|bế) mạc",
                                 {"hiên ": 1}), "Phiên họp toàn thể"),
    "press_briefing": (Anchored(r"(?<![\w])(?:cuộc |buổi )?họp báo(?: thường kỳ)?", {"họp báo": len("cuộc ")}),
                       "Họp báo"),
    "phone_call": (Anchored(r"(?<![\w])(?:cuộc )?điện đàm|(?<![\w])hội đàm trực tuyến",
                            {"điện đàm": len("cuộc "), "hội đàm trực tuyến": 0}), "Điện đàm"),
    "talks": (Anchored(r"(?<![\w])(?:cuộc )?hội đàm", {"hội đàm": len("cuộc ")}), "Hội đàm"),
    "working_session": (Anchored(r"(?<![\w])(?:buổi|cuộc) làm việc|(?<![\w])(?:đã )?làm việc với",
                                 {"làm việc": len("buổi ")}), "Buổi làm việc"),
    "visit": (Anchored(r"(?<![\w])chuyến thăm|(?<![\w])thăm (?:chính thức|cấp Nhà nước|làm việc)",
                       {"chuyến thăm": 0, "thăm ": 0}), "Chuyến thăm"),
    "reception": (Anchored(r"(?<![\w])(?:đã )?tiếp (?:xã giao |thân mật )?(?=" + _TITLED + r")|(?<![\w])hội kiến|"
                           r"(?<![\w])buổi tiếp", {"tiếp": len("buổi "), "hội kiến": 0}), "Tiếp"),
    "anniversary": (Anchored(r"(?<![\w])[Ll]ễ kỷ niệm|(?<![\w])kỷ niệm \d{1,3} năm", {"kỷ niệm": len("Lễ ")}),
                    "Lễ kỷ niệm"),
}
# "Hội nghị Ngoại giao lần thứ 31", "Hội nghị ngoại giao 32", "Hội nghị Cấp cao ASEAN lần thứ 43".
# A series name: capitalised words, and the lower-case words of an organisation-style name
# ("Ngoại giao", "Bộ trưởng Ngoại giao ASEAN"), up to a word that starts the rest of the sentence.
_STOP = (r"lần|thứ|năm|vào|tại|với|và|của|đã|sẽ|được|diễn|có|là|trong|khai|bế|nhằm|để|do|cho|này|đó|lúc|từ|đến|"
         r"sau|trước|kéo|theo|về|nhất|trí|thông|qua|tiếp|các|những|ngày|sáng|chiều|tối|hôm|đang|vừa|như|mà|khi|"
         r"bàn|thảo|luận|tổng|kết|triển|nhận|tham|dự|chủ|trì|họp|nhân|dịp")
_SERIES_WORD = r"(?:[A-ZĐ][\w\-]*|(?!(?:" + _STOP + r")\b)[a-zđà-ỹ]+)"
CONFERENCE = Anchored(r"(?<![\w])(?P<head>Hội nghị|Hội thảo|Diễn đàn|Đại hội)(?P<series>\s+[A-ZĐ][\w\-]*(?:\s+"
                      + _SERIES_WORD + r"){0,6}|\s+(?:ngoại giao|cấp cao|bộ trưởng|thượng đỉnh|đối ngoại)(?:\s+"
                      + _SERIES_WORD + r"){0,5})(?:\s+(?:lần\s+thứ|lần|thứ)\s+(?P<ordinal>\d{1,3})|\s+(?P<bare>\d{1,3})(?![\d/]))?",
                      {"Hội nghị": 0, "Hội thảo": 0, "Diễn đàn": 0, "Đại hội": 0})
GENERIC_CONFERENCE = Anchored(r"(?<![\w])[Hh]ội nghị(?!\s+(?:[A-ZĐ]|ngoại giao|cấp cao|bộ trưởng|thượng đỉnh|đối ngoại))",
                              {"ội nghị": 1})
PAST_YEAR = re.compile(r"\s+năm\s+(?P<year>(?:19|20)\d{2})")
PLURAL = re.compile(r"(?:các|những|nhiều|mọi)\s+$")
DURATION = re.compile(r"(?:sau|trải qua)\s+(?P<days>\d{1,2})\s+ngày\s+(?:làm việc|họp|diễn ra)", re.IGNORECASE)
RANGE = re.compile(r"từ\s+(?:ngày\s+)?(?P<d1>\d{1,2})(?:/(?P<m1>\d{1,2}))?\s+(?:đến|tới|-)\s+(?:ngày\s+)?"
                   r"(?P<d2>\d{1,2})/(?P<m2>\d{1,2})(?:/(?P<y>\d{4}))?", re.IGNORECASE)
ENDING_WORDS = ("bế mạc", "kết thúc", "khép lại")
ENDING = re.compile("|".join(ENDING_WORDS), re.IGNORECASE)
LOCATION = re.compile(r"(?<![\w])tại\s+(?P<place>(?:trụ sở|Phủ Chủ tịch|Nhà Quốc hội|thủ đô|Thủ đô|[A-ZĐ])[^,.;:()\n“”\"]{1,60}?)"
                      r"(?=[,.;:()\n]|\s+(?:vào|ngày|sáng|chiều|tối|trưa|từ|trong|với|và|nhân|để|đã)\s|$)")
# Every anchor of the patterns scanned over a body, found in one pass.
BODY_ANCHORS = AnchorScan([anchor for pattern, _ in KINDS.values() for anchor in pattern.anchors]
                          + list(CONFERENCE.anchors) + list(GENERIC_CONFERENCE.anchors))
