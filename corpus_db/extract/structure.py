"""Splitting a scraped page into headline, kicker, lead, body, captions, bylines, source lines
and boilerplate. Works line by line on normalised text; the cue words live in ``rules``."""
from __future__ import annotations

import re

from ..rules.boilerplate import is_furniture, opens_block
from ..rules.outlets import BY_CREDIT, LEAD_CREDIT, outlet_for_credit, outlet_for_host
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
    r"(?:^|[\s.,;(\-–—])\(?(?:Ảnh|Nguồn ảnh|Ảnh minh họa|Ảnh minh hoạ|Photo|Đồ họa|Video|Clip)\s*:\s*"
    r"(?P<credit>[^()\n]{1,80}?)\)?\s*\.?$", re.IGNORECASE)
CAPTION_ONLY = re.compile(r"^\(?(?:Ảnh minh (?:họa|hoạ)|Ảnh tư liệu|Ảnh internet)\)?\.?$", re.IGNORECASE)
SOURCE_LINE = re.compile(r"^(?:Link nguồn|Link bài gốc|Link|Nguồn bài viết|Nguồn|Theo|Source|Nguồn tin)\s*:?\s+\S",
                         re.IGNORECASE)
URL = re.compile(r"https?://[^\s<>\"')]+", re.IGNORECASE)
BYLINE_PREFIX = re.compile(
    r"^(?:Bài(?: và|,)? ảnh|Bài|Tác giả|Phóng viên|Nhóm phóng viên|Nhóm PV|Ghi chép|Thực hiện|Người viết|"
    r"Tin, ảnh|Tin và ảnh|Tin|Tin bài|Nội dung)\s*:\s*", re.IGNORECASE)
# "Tin: Hồng Nhung - Ảnh: Lâm Khánh": a byline that also credits the photos.
PHOTO_PART = re.compile(r"\s*[-–—,;|]\s*(?:Ảnh|Ảnh và video|Video)\s*:\s*(?P<who>[^:]+)$", re.IGNORECASE)
# What follows a byline name and is not a name: "(Vietnam+)", "(Phóng viên TTXVN tại Washington)",
# "/VOV-Washington", "/VOV.VN".
BYLINE_TAIL = re.compile(r"\s*(?:\([^()]*\)|/\s*[A-ZĐ][\w.+&]*(?:[-–][\w. ]+)?)\s*$")
ANONYMOUS_BYLINE = re.compile(r"^(?:P\.?V\.?|PV|CTV|BTV|Nhóm PV|Nhóm phóng viên|Phóng viên|PV\.?\s*\w{0,3})\.?$",
                              re.IGNORECASE)
NAME_WORD = re.compile(r"^[A-ZĐÀ-Ỹ][a-zđà-ỹA-ZĐÀ-Ỹ'.]*$")
SEPARATORS = re.compile(r"\s*(?:\s[-–—]\s?|[-–—]$|,|;|/|\svà\s)\s*")
SENTENCE_END = re.compile(r"[.!?…;:”\"»)]\s*$")
DATE_ONLY = re.compile(r"^[\W\d_]*(?:(?:thứ\s+\w+|chủ\s+nhật)[,\s]*)?[\d/\-.:\s|,GMTAPMampm+()]*$", re.IGNORECASE)


def strip_lead_credit(lead: str) -> tuple[str | None, str]:
    """("VOV", rest) for a lead that opens with an outlet credit ("VOV.VN - …", "(BKTO) - …")."""
    match = LEAD_CREDIT.match(lead)
    if match:
        outlet = outlet_for_credit(match["credit"])
        if outlet:
            return outlet, lead[match.end():]
    return None, lead


def _words(line: str) -> int:
    return len(line.split())


def is_paragraph(line: str) -> bool:
    """Prose: a sentence of some length, or a long line whatever its ending."""
    words = _words(line)
    return words >= 30 or (words >= 8 and bool(SENTENCE_END.search(line)) and not line.endswith("?"))


def caption_credit(line: str) -> tuple[str, str | None] | None:
    """(caption text without its credit, credit) when ``line`` is a photo caption."""
    if CAPTION_ONLY.match(line):
        return line, None
    match = CAPTION_CREDIT.search(line)
    if not match or _words(line) > 70:
        return None
    text = line[: match.start()].strip(" -–—.(") or line
    return text, match["credit"].strip(" .")


def split_credit(credit: str | None) -> tuple[str | None, str | None]:
    """"Dương Giang/TTXVN" → ("Dương Giang", "TTXVN"); "TTXVN" → (None, "TTXVN"); "BNG" → (None, "BNG")."""
    if not credit:
        return None, None
    photographer = agency = None
    for part in (p.strip(" .") for p in re.split(r"\s*[/|,]\s*|\s+-\s+", credit) if p.strip(" .")):
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
    text = BYLINE_PREFIX.sub("", line.strip()).strip(" .")
    prefixed = text != line.strip().strip(" .")
    text = PHOTO_PART.sub("", text) if prefixed else text
    while (tail := BYLINE_TAIL.search(text)) and tail.start() > 0:
        text = text[:tail.start()].rstrip(" .")
    if ANONYMOUS_BYLINE.match(text):
        return []
    if not text or _words(text) > 9 or SENTENCE_END.search(text.rstrip(".")) and not prefixed:
        return None
    parts = [p.strip(" .") for p in SEPARATORS.split(text) if p and p.strip(" .")]
    if not parts or not all(_looks_like_name(p) and 2 <= _words(p) <= 4 or ANONYMOUS_BYLINE.match(p)
                            for p in parts):
        return None
    if not (prefixed or lone) and not (text.isupper() or len(parts) > 1 or line.rstrip().endswith(("-", "–"))):
        return None  # a lone title-case name could be a heading; need capitals, a list, or a prefix
    return [p for p in parts if not ANONYMOUS_BYLINE.match(p)]


def _is_header_noise(line: str) -> bool:
    """A line above the headline that is not a headline: outlet name, section label, date line."""
    bare = line.strip(" |-–—:").casefold()
    if bare in SECTION_LABELS or bare in BY_CREDIT or outlet_for_host(bare):
        return True
    return bool(DATE_ONLY.match(line)) or bool(URL.fullmatch(line.strip()))


def split_layout(text: str) -> Layout:
    """Split a normalised scraped page into its parts (see :class:`Layout`)."""
    boilerplate: list[str] = []
    lines: list[str] = []
    seen: set[str] = set()
    seen_prose = False
    cut = False
    for raw in text.split("\n"):
        line = raw.strip()
        if not line:
            continue
        if cut:
            boilerplate.append(line)
        elif seen_prose and opens_block(line):
            cut = True  # related news and the like, to the end of the page
            boilerplate.append(line)
        elif is_furniture(line) or line.casefold() in seen:
            boilerplate.append(line)
        else:
            seen.add(line.casefold())
            lines.append(line)
            seen_prose = seen_prose or is_paragraph(line)

    captions: list[Caption] = []
    sources: list[str] = []
    rest: list[str] = []
    credit_lines: list[str] = []
    for line in lines:
        credit = caption_credit(line)
        if BYLINE_PREFIX.match(line) and byline_names(line):
            credit_lines.append(line)  # "Bài và ảnh: Hoàng Mai", "Tin: Hồng Nhung - Ảnh: Lâm Khánh"
            photo_part = PHOTO_PART.search(line)
            who = photo_part["who"] if photo_part else (
                credit[1] if credit and re.match(r"[^:]*ảnh", line, re.IGNORECASE) else None)
            if who:
                for name in filter(_looks_like_name, (p.strip(" .") for p in SEPARATORS.split(who))):
                    captions.append(Caption(line, canonical_name(name), None))
        elif credit is not None:
            photographer, agency = split_credit(credit[1])
            captions.append(Caption(credit[0], photographer and canonical_name(photographer), agency))
        elif (SOURCE_LINE.match(line) and _words(line) <= 8 and "," not in line) or URL.fullmatch(line):
            sources.append(line)
        else:
            rest.append(line)

    first_prose = next((i for i, line in enumerate(rest) if is_paragraph(line)), len(rest))
    header = [line for line in rest[:first_prose] if not _is_header_noise(line)]
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
    header_leftover = [line for line in rest[:first_prose] if _is_header_noise(line)]
    boilerplate += [line for line in header_leftover if not DATE_ONLY.match(line)]
    lead = strip_lead_credit(body_lines[0])[1] if body_lines else None
    return Layout(title=title, kicker=kicker, lead=lead, body="\n".join(body_lines), captions=tuple(captions),
                  bylines=tuple(bylines), source_lines=tuple(sources), boilerplate=tuple(boilerplate))
