"""Speech verbs, quotation marks, and the words that make quoted text a theme or a name, not a quote."""
from __future__ import annotations

import re
from collections.abc import Iterable

from . import WORD_START, CuePattern, compile_cues, trie

SPEECH_VERBS = (
    "nhấn mạnh", "khẳng định", "tái khẳng định", "cho biết", "đề nghị", "yêu cầu", "cho rằng", "đánh giá",
    "đánh giá cao", "nêu rõ", "lưu ý", "chỉ đạo", "bày tỏ", "cam kết", "thông báo", "tuyên bố", "phát biểu",
    "chia sẻ", "nói", "nhận định", "kêu gọi", "đề xuất", "mong muốn", "nhắc lại", "giải thích", "thông tin",
    "trả lời", "nhận xét", "phát biểu chỉ đạo", "nêu", "khuyến nghị", "đề cập", "nhất trí", "hoan nghênh",
    "chỉ rõ", "quán triệt", "gợi ý", "dặn dò", "căn dặn", "lưu ý rằng", "nói rằng", "cho hay", "khẳng định rằng",
    "bình luận", "thừa nhận", "viết", "tuyên bố rằng", "cảnh báo", "trao đổi", "phát biểu tại",
)
# Instructing verbs: a leader's reported statement with one of these, directed at a body, is an instruction.
INSTRUCTING = ("đề nghị", "yêu cầu", "chỉ đạo", "giao", "quán triệt", "dặn dò", "căn dặn", "kêu gọi")
MODALS = ("cần", "phải", "cần phải", "nên", "tiếp tục", "hãy", "chủ động")
# Before an opening quotation mark, these make the quoted words a theme, a name or a title.
NOT_A_QUOTE_BEFORE = (
    "chủ đề", "với chủ đề", "khẩu hiệu", "tên gọi", "mang tên", "có tên", "tên là", "tiêu đề", "phương châm",
    "cuốn sách", "tác phẩm", "bài viết", "bài báo", "chương trình", "dự án", "giải thưởng", "danh hiệu",
    "Nghị quyết", "Chỉ thị", "Kết luận", "Luật", "Đề án", "Chiến lược", "Quyết định", "Hội thảo", "hội thảo",
    "Hội nghị", "Diễn đàn", "diễn đàn", "tọa đàm", "Tọa đàm", "bài hát", "ca khúc", "phim", "bộ phim",
    "triển lãm", "Triển lãm", "cuộc thi", "Cuộc thi", "chiến dịch", "sáng kiến", "Sáng kiến", "chuyên mục",
    "chuyên đề", "biệt danh", "gọi là", "được gọi là", "cụm từ", "từ khóa", "thuật ngữ", "hashtag", "tựa đề",
    "với tên", "lấy tên", "mô hình", "cơ chế", "Tuyên bố", "tuyên bố chung", "Hiệp định", "Công ước",
)
QUOTE_PAIRS = (("“", "”"), ("«", "»"), ("„", "“"), ('"', '"'))

# Characters of (lower-cased) Vietnamese news, the most frequent first; any other is rarer.
_FREQUENT = " nhticgauđomvràpưlbsyákạ,.dếệộốqủeớôêâảó-ịềợơấựứậăìíểờởxầãổữụồùọ"
# Characters whose lower case is not a letter they are the upper or title case of (Kelvin sign K
# → k, Ohm sign Ω → ω…): only these, over all of Unicode for the Python in use.
_ODD_CAPITALS = {"k": "\u212a", "å": "\u212b", "ω": "\u2126", "θ": "\u03f4", "ß": "\u1e9e"}


class AnchoredScan:
    """The scan of a ``CuePattern``: where any of ``words`` (lower case, when ``fold``) stands
    in ``template``, in the text as it is or (``fold``) lower-cased, found from the rarest
    letter of each word rather than from its first.

    ``re`` skips quickly only to where a pattern can start, and only when each branch starts
    with one given character. A scan would start with the first letters of its words, and "n",
    "t", "c", "đ"… stand at every other position of a Vietnamese text. Here one pattern looks for
    "ẳng định(?<=khẳng định)", "ến lược(?<=chiến lược)"…, which start at letters few positions
    hold; where it hits, the scan proper runs over the few characters before the hit. ``search``
    returns the match ``re`` gives for the scan (no word can begin further back than the longest
    word before the first hit; with ``word_start``, a match at or before the first that starts a
    word). When ``fold``, each letter stands for all the characters that
    lower-case to it ("[đĐ]"), so the text need not be lower-cased; a text with "İ", which
    lower-cases to two characters, is searched with ``fallback`` (a pattern that matches at least
    where the exact one does). With ``word_start``, for words the exact pattern wants at a word
    start, a rare letter counts only in a word that starts one: "ông" is not looked for in "không".
    """

    def __init__(self, words: Iterable[str], template: str, *, fold: bool,
                 fallback: re.Pattern[str] | None = None, word_start: bool = False) -> None:
        words = sorted(set(words), key=len, reverse=True)
        spelled = _spelled if fold else re.escape
        forms = _forms if fold else str
        self._scan = re.compile(template.format(_branches(
            (form, spelled(word[1:])) for word in words for form in forms(word[0]))))
        anchored = []
        for word in words:
            i = rarest_letter(word)
            # what follows the rare letter first: it rules out most places at its first character
            behind = f"(?<={spelled(word)})"
            if word_start:  # the word begins a word too, tested in the same look back
                behind += rf"(?<![\w]{spelled(word)})"
            anchored += [(form, spelled(word[i + 1:]) + behind) for form in forms(word[i])]
        self._anchors = re.compile(template.format(_branches(anchored)))
        self._reach = len(words[0])
        self._fallback = fallback if fold else None

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        endpos = len(text) if endpos is None else endpos
        if self._fallback is not None and "İ" in text:
            return self._fallback.search(text, pos, endpos)
        hit = self._anchors.search(text, pos, endpos)
        if hit is None:
            return None
        return self._scan.search(text, max(pos, hit.start() - self._reach), endpos)


def _branches(pairs: Iterable[tuple[str, str]]) -> str:
    """"(?:a(?:x|y)|b(?:z))" for [("a", "x"), ("a", "y"), ("b", "z")]: each branch starts with its
    one character, so ``re`` skips to where one stands and tries only the branches of that one."""
    by_first: dict[str, list[str]] = {}
    for first, rest in pairs:
        by_first.setdefault(first, []).append(rest)
    return "(?:" + "|".join(re.escape(first) + "(?:" + "|".join(rests) + ")" for first, rests in by_first.items()) + ")"


def _rarity(char: str) -> int:
    return _FREQUENT.find(char) if char in _FREQUENT else len(_FREQUENT)


def rarest_letter(word: str) -> int:
    """Where in ``word`` its rarest letter stands: the one a scan for the word should stop at."""
    return max(range(len(word)), key=lambda i: _rarity(word[i]))


def _forms(char: str) -> str:
    """The characters that lower-case to ``char``: "Đđ" for "đ"."""
    forms = (char, char.upper(), char.title(), *_ODD_CAPITALS.get(char, ""))
    return "".join(sorted({form for form in forms if form.lower() == char}))


def _spelled(text: str) -> str:
    """A pattern for what lower-cases to ``text``: "[Tt]heo" for "theo"."""
    return "".join(re.escape(forms) if len(forms := _forms(char)) == 1 else f"[{re.escape(forms)}]"
                   for char in text)


def anchored_cues(cues: Iterable[str], *, template: str = "{}", flags: int = re.IGNORECASE) -> CuePattern:
    """``compile_cues`` for a ``CuePattern`` scanned over long texts: the same matches, found
    with an ``AnchoredScan``."""
    cues = tuple(cues)
    exact = compile_cues(cues, template=template, flags=flags)
    if not isinstance(exact, CuePattern):
        raise ValueError("only a pattern with a word-start look-behind or ignoring case is scanned")
    fold = bool(flags & re.IGNORECASE)
    words = {c.lower() if fold else c for c in cues if c}
    scan_template = template.replace(WORD_START, "")
    fallback = re.compile(exact.pattern.pattern.replace(WORD_START, ""), flags)
    return CuePattern(exact.pattern, AnchoredScan(words, scan_template, fold=fold, fallback=fallback))


SPEECH_PATTERN = anchored_cues(SPEECH_VERBS, template=r"(?<![\w])({})(?![\w])")
# (a trie, for speed: searched before every quotation mark, it finds what ``compile_cues`` would)
NOT_A_QUOTE_PATTERN = re.compile(rf"({trie(NOT_A_QUOTE_BEFORE)})\s*[:,]?\s*$")
INSTRUCTING_PATTERN = compile_cues(INSTRUCTING, template=r"(?<![\w])({})(?![\w])")
MODAL_PATTERN = compile_cues(MODALS, template=r"(?<![\w])({})(?![\w])", flags=0)
