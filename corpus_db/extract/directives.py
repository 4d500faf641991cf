"""Policy instruments named in a body: "Chỉ thị số 25-CT/TW của Ban Bí thư", "Nghị quyết 36-NQ/TW",
"Quyết định 1234/QĐ-TTg", "Nghị quyết Đại hội XIII của Đảng", "Đề án Chiến lược … đến năm 2030"."""
from __future__ import annotations

import re
from dataclasses import replace

from ..rules.directives import ISSUER_PATTERN, KIND_PATTERN, KINDS, SUFFIX_ISSUER
from .types import DirectiveMention

_CANONICAL_KIND = {k.lower(): k for k in KINDS}
_NUMBER = re.compile(r"\s+(?:số\s+)?(?P<number>\d{1,5}[a-z]?)(?P<code>(?:\s?[-/]\s?[\w.Đđ]+){0,4})", re.IGNORECASE)
_CONGRESS = re.compile(r"\s+(?:của\s+)?Đại hội(?:\s+(?:đại biểu toàn quốc\s+)?(?:Đảng\s+)?(?:lần thứ\s+)?)?\s*"
                       r"(?P<roman>[IVXL]{1,6})\b(?:\s+của\s+Đảng)?")
_OF_ISSUER = re.compile(r"\s*(?:,\s*)?(?:của|do)\s+")
_SUBJECT = re.compile(r"\s+về\s+(?P<subject>[^,.;:()\n“”\"]{3,160}?)(?=[,.;:()\n“”\"]|\s+(?:và|trong|nhằm|để)\s|$)")
_YEAR = re.compile(r"(?:/|\s+năm\s+|\s+ngày\s+\d{1,2}[/-]\d{1,2}[/-])(?P<year>(?:19|20)\d{2})\b")
# Where an instrument's name ends: punctuation, or a word that starts what the sentence says of it
# ("Luật Đầu tư chỉ quy định …", "Luật Chứng khoán là …"), its issuer ("của", "do"), its date
# ("ngày", "năm 2014"), or another instrument ("Luật Doanh nghiệp và Luật Đầu tư").
_NAME_ENDS = (r"[,.;:()\n“”\"?!]|\s+(?:của|do|nhằm|để|là|đã|được|sẽ|có|chỉ|vừa|đang|thì|cũng|không|khi|với|cho|"
              r"theo|ngày|quy định|trình|đều|vẫn|phải|cần|nên|bị|còn|vào|ra|phù hợp|sửa đổi)\s|"
              r"(?<!\d)\s+năm\s+(?:19|20)\d\d(?![-–\d])|\s+(?:và|hay|hoặc)\s+(?:" + "|".join(KINDS) + r")\b|$")
_NAMED = re.compile(r"\s+(?P<name>[A-ZĐ][^,.;:()\n“”\"]{3,120}?)(?=" + _NAME_ENDS + ")")
# A name in lower case ends at "trong" and "và" too, and does not open with a word that says
# something of the instrument ("Luật này", "Luật hiện hành", "Luật còn …").
_NAMED_LOWER = re.compile(r"\s+(?!(?:có|là|đã|được|sẽ|này|đó|mới|cũ|và|của|cho|thì|không|còn|hiện hành|quy định)"
                          r"(?![\w]))(?P<name>[^\W\d][^,.;:()\n“”\"]{7,120}?)(?=\s+(?:trong|và)\s|" + _NAME_ENDS + ")")
# "Luật" that is not a law: "luật sư" (a lawyer), "luật gia", "luật pháp" (the law in general), "luật lệ".
_NOT_A_LAW = re.compile(r"\s+(?:sư|gia|pháp|lệ)(?![\w])", re.IGNORECASE)
# A kind word that is part of a body's name: "Bộ Kế hoạch và Đầu tư", "Trung tâm Nghiên cứu Chiến
# lược và Quốc tế", "Vụ Kế hoạch - Tài chính".
_BODY_BEFORE = re.compile(r"(?:Bộ|Sở|Vụ|Cục|Ban|Viện|Phòng|Tổng cục|Trung tâm|Học viện|[Nn]ghiên cứu|Ủy ban|Uỷ ban)\s+$")
_PLURAL_BEFORE = re.compile(r"(?:các|những|nhiều|mọi)\s*$", re.IGNORECASE)
# The last letters of those words ("c", "g", "u", "i") in every case ``re`` matches for them,
# dotted and dotless i included: after anything else the search is not worth running.
_PLURAL_LAST = frozenset("cCgGuUiIİı")
# "Công ước Liên hợp quốc về Luật Biển": the law is the convention's subject, not an instrument.
_SUBJECT_OF_TREATY = re.compile(r"(?:Công ước|Hiệp định|Điều ước|Thỏa thuận)[^.;:\n]{0,60}\bvề\s*$")
# "Chỉ thị số 25-CT/TW ngày 8/8/2018 của Ban Bí thư", "Nghị quyết số 36-NQ/TW năm 2004 của Bộ Chính trị"
_DATED = re.compile(r"\s*,?\s+(?:ngày\s+\d{1,2}\s?[/-]\s?\d{1,2}\s?[/-]\s?|năm\s+)(?P<year>(?:19|20)\d{2})\b")
_NAMED_KINDS = ("Đề án", "Chiến lược", "Luật", "Chương trình hành động", "Kế hoạch")
# Compiled once: these run for every mention.
_NUMBERED_YEAR = re.compile(r"\s?/\s?((?:19|20)\d{2})/")
_CODE_PARTS = re.compile(r"[-/]")
_AFTER_A_WORD = re.compile(r"[a-zđà-ỹ,]\s+$")
_TRAILING_AND = re.compile(r"\s+(?:và|hay|hoặc)$")
_JOINED = re.compile(r"\s*(?:,|và|,\s*và)\s*")


def find_directives(body: str) -> tuple[DirectiveMention, ...]:
    """Every mention of a specific policy instrument (with a number, a congress, or a proper name)."""
    found: list[DirectiveMention] = []
    for kind_match in KIND_PATTERN.finditer(body):
        preceding = body[max(0, kind_match.start() - 8):kind_match.start()].rstrip()
        if preceding[-1:] in _PLURAL_LAST and _PLURAL_BEFORE.search(preceding):
            continue
        kind = _CANONICAL_KIND[kind_match.group().lower()]
        position = kind_match.end()
        number = issuer = subject = None
        year = None
        number_match = _NUMBER.match(body, position)
        if number_match:
            number = number_match["number"]
            code = number_match["code"].lower()
            position = number_match.end()
            year_match = _NUMBERED_YEAR.match(code + "/")
            if year_match:  # "30/2020/NĐ-CP": state documents are numbered anew each year
                year = int(year_match.group(1))
                number = f"{number}/{year}"
            suffix = _CODE_PARTS.split(code.replace(" ", ""))[-1].replace("đ", "d") if code else ""
            issuer = SUFFIX_ISSUER.get(suffix.rstrip("0123456789"))  # "QH14": the 14th National Assembly
        elif kind == "Nghị quyết" and (congress := _CONGRESS.match(body, position)):
            number = congress["roman"]
            issuer = f"Đại hội {number}"
            position = congress.end()
        elif kind_match.group()[0].isupper() and kind in _NAMED_KINDS:
            before = body[max(0, kind_match.start() - 80):kind_match.start()]
            if _SUBJECT_OF_TREATY.search(before) or _BODY_BEFORE.search(before) or (
                    kind == "Luật" and _NOT_A_LAW.match(body, position)):
                continue
            of = _OF_ISSUER.match(body, position)
            if not (of and ISSUER_PATTERN.match(body, of.end())):  # "Chương trình hành động của Chính phủ"
                # a capitalised kind inside a sentence names an instrument even when its name is in
                # lower case ("thực hiện Chiến lược phát triển kinh tế - xã hội 10 năm 2021-2030")
                named = _NAMED.match(body, position) or (
                    _NAMED_LOWER.match(body, position) if _AFTER_A_WORD.search(before) else None)
                if not named:
                    continue
                subject = _TRAILING_AND.sub("", named["name"].strip())
                position = named.end()
        else:
            continue
        dated = _DATED.match(body, position) if number else None
        if dated:
            year = year or int(dated["year"])
            position = dated.end()
        of = _OF_ISSUER.match(body, position)
        if of:
            issuer_match = ISSUER_PATTERN.match(body, of.end())
            if issuer_match:
                issuer = issuer_match.group()
                position = issuer_match.end()
        about = _SUBJECT.match(body, position) if subject is None else None
        if about:
            subject = about["subject"].strip()
        if year is None:
            year_match = _YEAR.match(body, position)
            year = int(year_match["year"]) if year_match else None
        end = position
        surface = body[kind_match.start():end].rstrip(" ,")
        found.append(DirectiveMention(kind=kind, number=number, issuer=issuer, surface=surface,
                                      start=kind_match.start(), end=kind_match.start() + len(surface),
                                      subject=subject, year=year))
    return tuple(_share_issuers(found, body))


def _share_issuers(mentions: list[DirectiveMention], body: str) -> list[DirectiveMention]:
    """Within one article: "Chỉ thị 25 và Chỉ thị 15 của Ban Bí thư" gives both the issuer;
    "Chỉ thị 25" after "Chỉ thị 25 của Ban Bí thư", and "Nghị quyết 72" after "Nghị quyết số
    72/2018/QH14", are the same instrument."""
    mentions = list(mentions)
    for i in range(len(mentions) - 2, -1, -1):  # from the end, so a list of three shares too
        m, after = mentions[i], mentions[i + 1]
        if m.number and not m.issuer and after.issuer and _JOINED.fullmatch(body[m.end:after.start]):
            mentions[i] = replace(m, issuer=after.issuer)
    known: dict[tuple[str, str], set[tuple[str, str | None]]] = {}
    for m in mentions:
        if m.number and (m.issuer or "/" in m.number):
            known.setdefault((m.kind, m.number.split("/")[0]), set()).add((m.number, m.issuer))
    out = []
    for m in mentions:
        fuller = {k for k in known.get((m.kind, (m.number or "").split("/")[0]), set())
                  if (k[1] == m.issuer or m.issuer is None) and (k[0] == m.number or "/" not in m.number)}
        if m.number and len(fuller) == 1:
            number, issuer = next(iter(fuller))
            if (number, m.issuer or issuer) != (m.number, m.issuer):  # (a copy costs more than the test)
                m = replace(m, number=number, issuer=m.issuer or issuer)
        out.append(m)
    return out
