"""Who held which Vietnamese office when (``offices.csv``), and the titles that name each office."""
from __future__ import annotations

import csv
import io
import re
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

# Title as written (lower case, single spaces) → office. Longer titles are tried first,
# so "phó thủ tướng thường trực" is the standing deputy, not a plain deputy or the PM.
TITLES = {
    "tổng bí thư": "general_secretary",
    "tổng bí thư ban chấp hành trung ương đảng": "general_secretary",
    "chủ tịch nước": "president",
    "chủ tịch nước cộng hòa xã hội chủ nghĩa việt nam": "president",
    "thủ tướng": "prime_minister",
    "thủ tướng chính phủ": "prime_minister",
    "chủ tịch quốc hội": "na_chair",
    "phó thủ tướng thường trực": "standing_deputy_pm",
    "phó thủ tướng thường trực chính phủ": "standing_deputy_pm",
    "phó thủ tướng": "deputy_pm",
    "phó thủ tướng chính phủ": "deputy_pm",
    "thường trực ban bí thư": "standing_secretariat",
    "bộ trưởng ngoại giao": "foreign_minister",
    "bộ trưởng bộ ngoại giao": "foreign_minister",
    "thứ trưởng ngoại giao": "deputy_foreign_minister",
    "thứ trưởng bộ ngoại giao": "deputy_foreign_minister",
    "thứ trưởng thường trực bộ ngoại giao": "deputy_foreign_minister",
    "người phát ngôn bộ ngoại giao": "spokesperson",
}
# Offices that include another: a standing deputy PM is also a deputy PM.
INCLUDES = {"standing_deputy_pm": ("deputy_pm",)}


class Term(NamedTuple):
    person: str
    office: str
    start: date
    end: date | None
    note: str


@lru_cache(maxsize=1)
def terms() -> tuple[Term, ...]:
    text = resources.files(__package__).joinpath("offices.csv").read_text(encoding="utf-8")
    rows = csv.DictReader(io.StringIO("\n".join(l for l in text.splitlines() if not l.startswith("#"))))
    return tuple(Term(r["person"], r["office"], date.fromisoformat(r["start"]),
                      date.fromisoformat(r["end"]) if r["end"] else None, r["note"]) for r in rows)


@lru_cache(maxsize=1)
def _by_person() -> dict[str, list[Term]]:
    out: dict[str, list[Term]] = {}
    for term in terms():
        out.setdefault(term.person, []).append(term)
    return out


_SPACES = re.compile(r"\s+")


def office_of(title: str | None) -> str | None:
    """The office a written title names ("Phó Thủ tướng Chính phủ" → "deputy_pm"), if any."""
    if not title:
        return None
    return _office_of(title)


@lru_cache(maxsize=1024)  # the same few titles come back in every article
def _office_of(title: str) -> str | None:
    return TITLES.get(_SPACES.sub(" ", title.strip(" ,")).lower())


def terms_of(person: str, title: str | None) -> list[tuple[date, date | None]] | None:
    """The intervals in which ``person`` held the office ``title`` names.

    None when the table says nothing about that person and office (no evidence);
    an empty list cannot happen (a known person with a known office has terms).
    """
    office = office_of(title)
    if office is None:
        return None
    wanted = {office}
    found = [(t.start, t.end) for t in _by_person().get(person, ()) if t.office in wanted
             or office in INCLUDES.get(t.office, ())]
    return found or None
