"""Splitting a scraped page into headline, kicker, lead, body, captions, bylines, source lines
and boilerplate. Works line by line on normalised text; the cue words live in ``rules``."""
from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache, wraps
from typing import TypeVar

from ..rules.boilerplate import is_furniture, opens_block
from ..rules.outlets import BY_CREDIT, LEAD_CREDIT, outlet_for_credit, outlet_for_host
from ..rules.titles import CREDIT_WORDS, NOT_PERSON_START
from .names import canonical_name
from .types import Caption, Layout

SECTION_LABELS = frozenset(s.casefold() for s in (
    "Thời sự", "Chính trị", "Đối ngoại", "Thế giới", "Quốc tế", "Xã hội", "Kinh tế", "Tin tức", "Trong nước",
    "Ngoại giao", "Tin nóng", "Sự kiện", "Bình luận", "Quốc phòng", "An ninh", "Pháp luật", "Văn hóa",
    "Giáo dục", "Thể thao", "Tiêu điểm", "Tin tổng hợp", "Diễn đàn", "Phóng sự", "Người Việt bốn phương",
    "Bảo hộ công dân", "Kiều bào", "Điểm nóng", "Hồ sơ", "Chính sách", "Tin trong ngày", "Video", "Multimedia",
))
# "Ảnh: Dương Giang/TTXVN", "- Ảnh: TTXVN", "(Ảnh: VGP/Nhật Bắc)", "Ảnh minh họa", "Nguồn ảnh: Reuters".
CAPTION_CREDIT = re.compile(
    r"(?:^|[\s.,;(\-–—])\(?" + CREDIT_WORDS + r"\s*:\s*"
    r"(?P<credit>[^()\n]{1,80}?)\)?\s*\.?$", re.IGNORECASE)
# A credit word ending where the search stops (before a colon and spaces): see ``_credit_from``.
_CREDIT_WORD_END = re.compile(CREDIT_WORDS + "$", re.IGNORECASE)
_LONGEST_CREDIT_WORD = len("Ảnh minh họa")
_LONGEST_CREDIT = 82  # after the colon: at most 80 characters, ")" and "." besides spaces
CAPTION_ONLY = re.compile(r"^\(?(?:Ảnh minh (?:họa|hoạ)|Ảnh tư liệu|Ảnh internet)\)?\.?$", re.IGNORECASE)
SOURCE_LINE = re.compile(r"^(?:Link nguồn|Link bài gốc|Link|Nguồn bài viết|Nguồn|Theo|Source|Nguồn tin)\s*:?\s+\S",
                         re.IGNORECASE)
URL = re.compile(r"https?://[^\s<>\"')]+", re.IGNORECASE)
BYLINE_PREFIX = re.compile(
    r"^(?:Bài(?: và|,)? ảnh|Bài|Tác giả|Phóng viên|Nhóm phóng viên|Nhóm PV|Ghi chép|Thực hiện|Người viết|"
    r"Tin, ảnh|Tin và ảnh|Tin|Tin bài|Nội dung)\s*:\s*", re.IGNORECASE)
# "Tin: Hồng Nhung - Ảnh: Lâm Khánh": a byline that also credits the photos.
PHOTO_PART = re.compile(r"\s*[-–—,;|]\s*(?:Ảnh|Ảnh và video|Video)\s*:\s*(?P<who>[^:]+)$", re.IGNORECASE)
_PHOTO_CREDIT = re.compile(r"[^:]*ảnh", re.IGNORECASE)  # "Bài và ảnh: …"
# What follows a byline name and is not a name: "(Vietnam+)", "(Phóng viên TTXVN tại Washington)",
# "/VOV-Washington", "/VOV.VN".
BYLINE_TAIL = re.compile(r"\s*(?:\([^()]*\)|/\s*[A-ZĐ][\w.+&]*(?:[-–][\w. ]+)?)\s*$")
_TAIL_REST = re.compile(r"[\w\s.+&\-–]*")  # every character the "/VOV-Washington" form allows
ANONYMOUS_BYLINE = re.compile(r"^(?:P\.?V\.?|PV|CTV|BTV|Nhóm PV|Nhóm phóng viên|Phóng viên|PV\.?\s*\w{0,3})\.?$",
                              re.IGNORECASE)
NAME_WORD = re.compile(r"^[A-ZĐÀ-Ỹ][a-zđà-ỹA-ZĐÀ-Ỹ'.]*$")
_CREDIT_SEPARATOR = re.compile(r"\s*[/|,]\s*|\s+-\s+")  # "Dương Giang/TTXVN"
SEPARATORS = re.compile(r"\s*(?:\s[-–—]\s?|[-–—]$|,|;|/|\svà\s)\s*")
_SEPARATOR_MARKS = ("-", "–", "—", ",", ";", "/", "và")  # one of them is in every SEPARATORS match
_SENTENCE_MARKS = tuple(".!?…;:”\"»)")  # what ends a sentence (a closing quote or bracket too)
DATE_ONLY = re.compile(r"^[\W\d_]*(?:(?:thứ\s+\w+|chủ\s+nhật)[,\s]*)?[\d/\-.:\s|,GMTAPMampm+()]*$", re.IGNORECASE)


_T = TypeVar("_T")


def _per_line(function: Callable[[str], _T]) -> Callable[[str], _T]:
    """``function`` of one line, remembered for short lines: site furniture and stock sentences
    come back on every page of an outlet. A paragraph, which does not, is not kept."""
    remembered = lru_cache(maxsize=2048)(function)

    @wraps(function)
    def per_line(line: str) -> _T:
        return remembered(line) if len(line) <= 300 else function(line)
    per_line.cache_info, per_line.cache_clear = remembered.cache_info, remembered.cache_clear  # type: ignore[attr-defined]
    return per_line


def strip_lead_credit(lead: str) -> tuple[str | None, str]:
    """("VOV", rest) for a lead that opens with an outlet credit ("VOV.VN - …", "(BKTO) - …")."""
    match = LEAD_CREDIT.match(lead)
    if match:
        outlet = outlet_for_credit(match["credit"])
        if outlet:
            return outlet, lead[match.end():]
    return None, lead


def _words(line: str, most: int | None = None) -> int:
    """The number of words in ``line``; with ``most``, any count above it may come back as most + 1
    (a paragraph of prose is not split into hundreds of words to learn it has more than 30)."""
    return len(line.split(None, -1 if most is None else most))


def _ends_sentence(text: str) -> bool:
    """Whether ``text`` ends with a sentence mark, spaces after it allowed. (A test of the last
    character that is not a space, not a pattern ``re`` would try at every mark of a paragraph.)"""
    return text.rstrip().endswith(_SENTENCE_MARKS)


def is_paragraph(line: str) -> bool:
    """Prose: a sentence of some length, or a long line whatever its ending."""
    words = _words(line, 30)
    return words >= 30 or (words >= 8 and _ends_sentence(line) and not line.endswith("?"))


def _credit_from(line: str) -> int:
    """Where a ``CAPTION_CREDIT`` match can start at the earliest; -1 where there can be none.
    It needs a colon with a credit word ("Ảnh", "Photo"…) before it and a short credit after it;
    checking that at each colon is much cheaper than searching a whole paragraph, whose every
    position the pattern's opening (a separator, an optional parenthesis) lets through."""
    colon = line.find(":")
    while colon >= 0:
        end = colon
        while end and line[end - 1].isspace():
            end -= 1
        word = _CREDIT_WORD_END.search(line, max(0, end - _LONGEST_CREDIT_WORD), end)
        if word and len(line[colon + 1:].split(None, _LONGEST_CREDIT)) <= _LONGEST_CREDIT:
            return max(0, word.start() - 2)  # the separator and "(" before the word
        colon = line.find(":", colon + 1)
    return -1


def caption_credit(line: str) -> tuple[str, str | None] | None:
    """(caption text without its credit, credit) when ``line`` is a photo caption."""
    if CAPTION_ONLY.match(line):
        return line, None
    start = _credit_from(line)
    match = CAPTION_CREDIT.search(line, start) if start >= 0 else None
    if not match or _words(line) > 70:
        return None
    text = line[: match.start()].strip(" -–—.(") or line
    return text, match["credit"].strip(" .")


def split_credit(credit: str | None) -> tuple[str | None, str | None]:
    """"Dương Giang/TTXVN" → ("Dương Giang", "TTXVN"); "TTXVN" → (None, "TTXVN"); "BNG" → (None, "BNG")."""
    if not credit:
        return None, None
    photographer = agency = None
    for part in (p.strip(" .") for p in _CREDIT_SEPARATOR.split(credit) if p.strip(" .")):
        if _is_agency(part):
            agency = agency or part
        elif _looks_like_name(part):
            photographer = photographer or part
        else:
            agency = agency or part
    return photographer, agency


def _is_agency(part: str) -> bool:
    letters = part.replace(".", "").replace("&", "")
    # "TTXVN", "VNA", "BNG" are agencies; "NGỌC AN" (several words in capitals) is a person
    return (part.casefold() in BY_CREDIT or (letters.isupper() and len(letters) <= 12 and " " not in part.strip())
            or bool(outlet_for_host(part.lower())) or part.lower() in {"reuters", "afp", "ap", "getty images",
                                                                       "internet", "tư liệu"})


def _looks_like_name(text: str) -> bool:
    words = text.split()
    return 1 <= len(words) <= 5 and all(NAME_WORD.match(w) for w in words)


def byline_names(line: str, *, lone: bool = False) -> list[str] | None:
    """The names in a byline ("DIỆU THIỆN", "Vân Hương - Sỹ Cường", "Bài và ảnh: Minh Hà",
    "Thu Hằng (Vietnam+)", "Mai Anh/VOV-Washington"), [] for an anonymous one ("P.V"), None
    when ``line`` is not a byline. A single name in title case ("Đức Tuân") counts only where
    the caller knows a byline stands (``lone``: under the headline, at the end of the article)."""
    names, lone_only = _byline(line)
    if names is None or (lone_only and not lone):
        return None
    return list(names)


@_per_line  # the layout and the metadata read the same lines; furniture repeats
def _byline(line: str) -> tuple[tuple[str, ...] | None, bool]:
    """``byline_names`` whatever ``lone``: (names or None, whether they count only where ``lone``)."""
    text = BYLINE_PREFIX.sub("", line.strip()).strip(" .")
    prefixed = text != line.strip().strip(" .")
    text = PHOTO_PART.sub("", text) if prefixed else text
    while (tail := _byline_tail(text)) and tail.start() > 0:
        text = text[:tail.start()].rstrip(" .")
    if ANONYMOUS_BYLINE.match(text):
        return (), False
    if not text or _words(text, 9) > 9 or _ends_sentence(text.rstrip(".")) and not prefixed:
        return None, False
    parts = [p.strip(" .") for p in _separated(text) if p and p.strip(" .")]
    if not parts or not all(_looks_like_name(p) and 2 <= _words(p) <= 4 or ANONYMOUS_BYLINE.match(p)
                            for p in parts):
        return None, False
    # a lone title-case name could be a heading; need capitals, a list, or a prefix
    lone_only = not prefixed and not (text.isupper() or len(parts) > 1 or line.rstrip().endswith(("-", "–")))
    return tuple(p for p in parts if not ANONYMOUS_BYLINE.match(p)), lone_only


def _separated(text: str) -> list[str]:
    """``SEPARATORS.split(text)``, without trying the pattern at every character of a text that
    has no separator (a single name), where it comes back whole."""
    if any(mark in text for mark in _SEPARATOR_MARKS):
        return SEPARATORS.split(text)
    return [text]


def _byline_tail(text: str) -> re.Match[str] | None:
    """``BYLINE_TAIL.search(text)``, searched only from where a tail can open: "(…)" closes the
    text, so it opens at the last "("; after "/VOV-Washington" come only word characters, dots,
    spaces and dashes, so it opens at the last "/". Not at every character of a long line."""
    starts = []
    opening = text.rfind("(")
    if opening >= 0 and text.rstrip().endswith(")"):
        starts.append(opening)
    slash = text.rfind("/")
    if slash >= 0 and _TAIL_REST.match(text, slash + 1).end() == len(text):
        starts.append(slash)
    if not starts:
        return None
    start = min(starts)
    while start and text[start - 1].isspace():  # the spaces the tail takes before it
        start -= 1
    return BYLINE_TAIL.search(text, start)


@_per_line  # outlet names and section labels top every page of a site
def _is_header_noise(line: str) -> bool:
    """A line above the headline that is not a headline: outlet name, section label, date line."""
    bare = line.strip(" |-–—:").casefold()
    if bare in SECTION_LABELS or bare in BY_CREDIT or outlet_for_host(bare):
        return True
    return bool(DATE_ONLY.match(line)) or bool(URL.fullmatch(line.strip()))


@_per_line
def _line_facts(line: str) -> tuple[bool, bool, bool]:
    """What ``split_layout`` first asks of a line: (opens a block, is furniture, is a paragraph)."""
    return opens_block(line), is_furniture(line), is_paragraph(line)


def _kept_before(line: str, kept: list[str], folds: dict[str, str]) -> bool:
    """Whether ``line`` is, but for case, one of the lines ``kept``, which have as many spaces as
    it (case folding keeps the spaces, and adds none), case-folded once each in ``folds``. Most
    lines have no such line, and need no folding (a fold of every paragraph cost more than the
    rest of the loop)."""
    if line in kept:
        return True
    for other in (line, *kept):
        if other not in folds:
            folds[other] = other.casefold()
    return any(folds[line] == folds[other] for other in kept)


@_per_line
def _line_role(line: str) -> tuple[str, tuple[Caption, ...]]:
    """What a line of the page that is not furniture is, with the captions it gives: "credit" (a
    byline, which may credit the photos too), "caption", "source" (a "Theo …" line, a URL), "text"."""
    credit = caption_credit(line)
    if BYLINE_PREFIX.match(line) and byline_names(line):
        # "Bài và ảnh: Hoàng Mai", "Tin: Hồng Nhung - Ảnh: Lâm Khánh"
        photo_part = PHOTO_PART.search(line)
        who = photo_part["who"] if photo_part else (credit[1] if credit and _PHOTO_CREDIT.match(line) else None)
        names = filter(_looks_like_name, (p.strip(" .") for p in _separated(who))) if who else ()
        return "credit", tuple(Caption(line, canonical_name(name), None) for name in names)
    if credit is not None:
        photographer, agency = split_credit(credit[1])
        return "caption", (Caption(credit[0], photographer and canonical_name(photographer), agency),)
    if (SOURCE_LINE.match(line) and _words(line, 8) <= 8 and "," not in line) or URL.fullmatch(line):
        return "source", ()
    return "text", ()


# The end of a sentence, or the wire services' end of an article ("./."), and the spaces after it.
_END_MARK = re.compile(r"(?:\./\.|[.!?…])\s+")
_TAIL_SOURCE = re.compile(r"[\s,(\-–—]*\(?\b(?:Theo|Nguồn)\b.*$", re.DOTALL)
_TAIL_PREFIX = re.compile(r"^(?:CTV|PV|BTV)\.?\s+")
_PHOTO_TAIL = re.compile(CREDIT_WORDS + r"(?![\w])", re.IGNORECASE)  # a photo credit, not the authors


def _trailing_byline(line: str) -> tuple[str, str, str | None] | None:
    """(the line without it, the byline's names, the source after them) when the last line of an
    article ends with a byline that lost its line end: "… quốc tế./. Lê Tuyết/VOV", "… rất lớn!
    Nguyễn Lê". Not a source ("Theo TTXVN"), nor a place ("Hà Nội")."""
    last = None
    for last in _END_MARK.finditer(line, max(0, len(line) - 80)):
        pass
    if last is None:
        return None
    tail = line[last.end():].strip()
    if not tail or SOURCE_LINE.match(tail) or _PHOTO_TAIL.match(tail):
        return None
    # What may follow the names there: the source ("…, Theo Trí Thức Trẻ", "(Theo DS)"), the desk or
    # outlet after a slash ("/Báo Tin Tức", "/VOV.VN", once more repeated); and a contributor's mark
    # before them ("CTV Bảo Minh").
    source = _TAIL_SOURCE.search(tail)
    names_part = _TAIL_PREFIX.sub("", tail[:source.start()] if source else tail).split("/")[0].strip(" ,-–—")
    words = names_part.split()
    if len(words) >= 4 and words[:len(words) // 2] * 2 == words:  # twice ("Chí Hiếu Chí Hiếu", not "Quyên Quyên")
        names_part = " ".join(words[:len(words) // 2])
    names = byline_names(names_part, lone=True) if names_part else None
    if not names or any(NOT_PERSON_START.match(name.casefold()) for name in names):
        return None
    return line[:last.end()].rstrip(), names_part, source.group().strip(" ,-–—()") if source else None


def split_layout(text: str) -> Layout:
    """Split a normalised scraped page into its parts (see :class:`Layout`)."""
    boilerplate: list[str] = []
    lines: list[str] = []
    seen: dict[int, list[str]] = {}  # the lines kept, by their number of spaces
    folds: dict[str, str] = {}  # lines case-folded (see ``_kept_before``)
    prose: set[str] = set()  # the lines kept that are paragraphs (``is_paragraph``)
    seen_prose = False
    cut = False
    for raw in text.split("\n"):
        line = raw.strip()
        if not line:
            continue
        if cut:
            boilerplate.append(line)
            continue
        block, furniture, paragraph = _line_facts(line)
        if seen_prose and block:
            cut = True  # related news and the like, to the end of the page
            boilerplate.append(line)
        elif furniture:
            boilerplate.append(line)
        else:
            kept = seen.setdefault(line.count(" "), [])
            if kept and _kept_before(line, kept, folds):  # the same line again, but for case
                boilerplate.append(line)
                continue
            kept.append(line)
            lines.append(line)
            if paragraph:
                prose.add(line)
                seen_prose = True

    captions: list[Caption] = []
    sources: list[str] = []
    rest: list[str] = []
    credit_lines: list[str] = []
    for line in lines:
        role, found = _line_role(line)
        captions += found
        if role == "credit":
            credit_lines.append(line)
        elif role == "source":
            sources.append(line)
        elif role == "text":
            rest.append(line)

    first_prose = next((i for i, line in enumerate(rest) if line in prose), len(rest))
    opening = rest[:first_prose]
    noise = [_is_header_noise(line) for line in opening]
    header = [line for line, is_noise in zip(opening, noise) if not is_noise]
    bylines: list[str] = list(credit_lines)
    title = kicker = None
    titles = [line for line in header if not byline_names(line)]
    if titles:
        title = max(reversed(titles), key=_words)  # the longest; among equals the last
        before = titles[: titles.index(title)]
        kicker = before[-1] if before else None
        # under the headline, a line that is just a name is the byline ("Trần Phương")
        titles = before + [title] + [line for line in titles[titles.index(title) + 1:]
                                     if not byline_names(line, lone=True)]
    bylines += [line for line in header if line not in titles]
    body_lines = [line for line in rest[first_prose:]]
    # Bylines: short name lines at the end of the article (one may be split: "Vân Hương -" / "Sỹ Cường").
    while body_lines:
        if len(body_lines) >= 2 and body_lines[-2].endswith(("-", "–", ",")) and \
                byline_names(f"{body_lines[-2]} {body_lines[-1]}"):
            bylines.insert(0, f"{body_lines[-2]} {body_lines.pop()}")
            body_lines.pop()
        elif byline_names(body_lines[-1], lone=True) is not None:
            bylines.insert(0, body_lines.pop())
        else:
            break
    if body_lines and (split := _trailing_byline(body_lines[-1])):
        body_lines[-1], byline, source = split
        bylines.insert(0, byline)
        sources += [source] if source else []
    header_leftover = [line for line, is_noise in zip(opening, noise) if is_noise]
    boilerplate += [line for line in header_leftover if not DATE_ONLY.match(line)]
    lead = strip_lead_credit(body_lines[0])[1] if body_lines else None
    return Layout(title=title, kicker=kicker, lead=lead, body="\n".join(body_lines), captions=tuple(captions),
                  bylines=tuple(bylines), source_lines=tuple(sources), boilerplate=tuple(boilerplate))
