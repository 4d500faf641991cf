"""Policy instruments named in a body: "Chỉ thị số 25-CT/TW của Ban Bí thư", "Nghị quyết 36-NQ/TW",
"Quyết định 1234/QĐ-TTg", "Nghị quyết Đại hội XIII của Đảng", "Đề án Chiến lược … đến năm 2030"."""
from __future__ import annotations

import re

from ..rules.directives import ISSUER_PATTERN, KIND_PATTERN, KINDS, SUFFIX_ISSUER
from .types import DirectiveMention

_CANONICAL_KIND = {k.lower(): k for k in KINDS}
_NUMBER = re.compile(r"\s+(?:số\s+)?(?P<number>\d{1,5}[a-z]?)(?P<code>(?:\s?[-/]\s?[\w.Đđ]+){0,4})", re.IGNORECASE)
_CONGRESS = re.compile(r"\s+(?:của\s+)?Đại hội(?:\s+(?:đại biểu toàn quốc\s+)?(?:Đảng\s+)?(?:lần thứ\s+)?)?\s*"
                       r"(?P<roman>[IVXL]{1,6})\b(?:\s+của\s+Đảng)?")
_OF_ISSUER = re.compile(r"\s*(?:,\s*)?(?:của|do)\s+")
_SUBJECT = re.compile(r"\s+về\s+(?P<subject>[^,.;:()\n“”\"]{3,160}?)(?=[,.;:()\n“”\"]|\s+(?:và|trong|nhằm|để)\s|$)")
_YEAR = re.compile(r"(?:/|\s+năm\s+|\s+ngày\s+\d{1,2}[/-]\d{1,2}[/-])(?P<year>(?:19|20)\d{2})\b")
_NAMED = re.compile(r"\s+(?P<name>[A-ZĐ][^,.;:()\n“”\"]{3,120}?)(?=[,.;:()\n“”\"]|\s+(?:của|do|nhằm|để)\s|$)")
_PLURAL_BEFORE = re.compile(r"(?:các|những|nhiều|mọi)\s*$", re.IGNORECASE)


def find_directives(body: str) -> tuple[DirectiveMention, ...]:
    """Every mention of a specific policy instrument (with a number, a congress, or a proper name)."""
    found: list[DirectiveMention] = []
    for kind_match in KIND_PATTERN.finditer(body):
        if _PLURAL_BEFORE.search(body[max(0, kind_match.start() - 8):kind_match.start()]):
            continue
        kind = _CANONICAL_KIND[kind_match.group().lower()]
        position = kind_match.end()
        number = issuer = subject = None
        year = None
        number_match = _NUMBER.match(body, position)
        congress = _CONGRESS.match(body, position) if kind == "Nghị quyết" else None
        if number_match:
            number = number_match["number"]
            code = number_match["code"].lower()
            position = number_match.end()
            year_match = re.search(r"/((?:19|20)\d{2})/", code + "/")
            year = int(year_match.group(1)) if year_match else None
            suffix = re.split(r"[-/]", code.replace(" ", ""))[-1].replace("đ", "d") if code else ""
            issuer = SUFFIX_ISSUER.get(suffix)
        elif congress:
            number = congress["roman"]
            issuer = f"Đại hội {number}"
            position = congress.end()
        elif kind_match.group()[0].isupper() and kind in ("Đề án", "Chiến lược", "Luật", "Chương trình hành động",
                                                          "Hiệp định", "Công ước", "Kế hoạch"):
            named = _NAMED.match(body, position)
            if not named:
                continue
            subject = named["name"].strip()
            position = named.end()
        else:
            continue
        of = _OF_ISSUER.match(body, position)
        if of:
            issuer_match = ISSUER_PATTERN.match(body, of.end())
            if issuer_match:
                issuer = issuer_match.group()
                position = issuer_match.end()
        about = _SUBJECT.match(body, position)
        if about and subject is None:
            subject = about["subject"].strip()
        if year is None:
            year_match = _YEAR.match(body, position)
            year = int(year_match["year"]) if year_match else None
        end = position
        surface = body[kind_match.start():end].rstrip(" ,")
        found.append(DirectiveMention(kind=kind, number=number, issuer=issuer, surface=surface,
                                      start=kind_match.start(), end=kind_match.start() + len(surface),
                                      subject=subject, year=year))
    return tuple(_share_issuers(found))


def _share_issuers(mentions: list[DirectiveMention]) -> list[DirectiveMention]:
    """"Chỉ thị 25" after "Chỉ thị 25 của Ban Bí thư" in the same article is the same instrument."""
    known: dict[tuple[str, str], set[str]] = {}
    for m in mentions:
        if m.number and m.issuer:
            known.setdefault((m.kind, m.number), set()).add(m.issuer)
    out = []
    for m in mentions:
        issuers = known.get((m.kind, m.number or ""), set())
        if m.number and not m.issuer and len(issuers) == 1:
            m = DirectiveMention(m.kind, m.number, next(iter(issuers)), m.surface, m.start, m.end, m.subject, m.year)
        out.append(m)
    return out
