"""Article metadata: headline, outlet, URL, authors, agency credit, publication date."""
from __future__ import annotations

import re
from collections.abc import Sequence
from urllib.parse import urlsplit

from ..rules.outlets import outlet_for_credit, outlet_for_host
from .dates import infer_published
from .names import canonical_name
from .structure import URL, byline_names, strip_lead_credit
from .types import ArticleMeta, Layout, PersonMention

_THEO = re.compile(r"^(?:Theo|Nguồn|Nguồn tin)\s*:?\s*(?P<who>.+?)\.?$", re.IGNORECASE)
_CREDIT_SEPARATOR = re.compile(r"\s*[/,;]\s*|\s+-\s+")
# "Công an nhân dân - cand.com.vn", "VOV.VN | Thời sự"
_SITE_SEPARATOR = re.compile(r"\s+[-–|]\s+")
_SITE_MARKS = "-–|"  # what a ``_SITE_SEPARATOR`` has between its spaces
_SPACES = re.compile(r"\s*")


def _url(layout: Layout, text: str) -> str | None:
    for line in layout.source_lines:
        found = URL.search(line)
        if found:
            return found.group().rstrip(".,;")
    if "://" not in text:  # then no line has it (it holds no line end): most pages
        return None
    for line in text.split("\n"):
        if "://" in line and line not in layout.body:  # the cheap test first: few lines hold a URL
            found = URL.search(line)
            if found:
                return found.group().rstrip(".,;")
    return None


def _source_credits(layout: Layout) -> list[str]:
    """What "Theo TTXVN/Báo Tin tức" lines credit, in order: ["TTXVN", "Báo Tin tức"]."""
    credits = []
    for line in layout.source_lines:
        match = _THEO.match(line)
        if match and not URL.search(line):
            credits += [c.strip() for c in _CREDIT_SEPARATOR.split(match["who"]) if c.strip()]
    return credits


def _outlet(layout: Layout, text: str, url: str | None) -> tuple[str | None, str | None]:
    """(outlet, agency source) from the lead's credit, the URL, "Theo …" lines or the page top."""
    credits = _source_credits(layout)
    agencies = [outlet_for_credit(c) or c for c in credits]
    source = agencies[0] if agencies else None
    lead_outlet = strip_lead_credit(layout.body.split("\n", 1)[0])[0] if layout.body else None
    host_outlet = outlet_for_host(urlsplit(url).hostname) if url else None
    for candidate in (lead_outlet, host_outlet, _page_top(text), agencies[-1] if agencies else None):
        if candidate:
            return candidate, source if source != candidate else None
    return None, source


def _page_top(text: str) -> str | None:
    """The site a page names at its top ("VOV.VN", "Báo Quốc tế", "Công an nhân dân - cand.com.vn"):
    the outlet that published it, even when a "Theo TTXVN" line credits the agency it took it from."""
    for line in text.split("\n", 5)[:5]:
        for part in (line, *_site_parts(line)):
            part = part.strip(" |-–")
            outlet = outlet_for_credit(part) or outlet_for_host(part)  # which lower-cases it
            if outlet:
                return outlet
    return None


def _site_parts(line: str) -> list[str]:
    """``_SITE_SEPARATOR.split(line)``, or [] when it would not split ``line`` (a line that would
    come back whole is looked at once). ``split`` tries the pattern, which opens with spaces, at
    every position of a long line; this goes from mark to mark. The pieces are the same: from where
    the separator before ended, the next one is the first mark with a space on each side whose
    space before the separator before has not taken, with the whole run of spaces before it (``\\s+``
    cannot stop short of a mark, which is not a space) and the whole run after it (greedy).
    ``\\s`` and ``str.isspace`` are the same spaces."""
    parts = []
    last = 0  # where the separator before ended
    for mark in _spaced_marks(line):
        start = mark
        while start > last and line[start - 1].isspace():
            start -= 1
        if start == mark:
            continue  # its space before belongs to the separator before: "a - - b"
        parts.append(line[last:start])
        last = _SPACES.match(line, mark + 1).end()
    if parts:
        parts.append(line[last:])
    return parts


def _spaced_marks(line: str) -> list[int]:
    """The positions of the dashes and bars with a space on each side in ``line``, in order: a
    ``str.find`` for each mark is much quicker than a search for the class of the three."""
    found = []
    for mark in _SITE_MARKS:
        at = line.find(mark, 1)
        while at >= 0:
            if line[at - 1].isspace() and line[at + 1:at + 2].isspace():
                found.append(at)
            at = line.find(mark, at + 1)
    found.sort()
    return found


def article_meta(text: str, layout: Layout, persons: Sequence[PersonMention]) -> ArticleMeta:
    url = _url(layout, text)
    outlet, source = _outlet(layout, text, url)
    authors: list[str] = []
    for line in layout.bylines:
        for name in byline_names(line, lone=True) or []:
            name = canonical_name(name)
            if name not in authors:
                authors.append(name)
    return ArticleMeta(
        title=layout.title, kicker=layout.kicker, lead=layout.lead, outlet=outlet, url=url,
        authors=tuple(authors), source=source,
        published=infer_published(text, layout, persons, url),
    )


def credit_mentions(layout: Layout, meta: ArticleMeta) -> tuple[PersonMention, ...]:
    """Authors (from the bylines) and photographers (from caption credits) as person mentions."""
    mentions = [PersonMention(name=a, surface=a, start=None, end=None, role="author", field="byline")
                for a in meta.authors]
    seen = set()
    for caption in layout.captions:
        if caption.photographer and caption.photographer not in seen:
            seen.add(caption.photographer)
            name = canonical_name(caption.photographer)
            mentions.append(PersonMention(name=name, surface=caption.photographer, start=None, end=None,
                                          role="photographer", field="caption"))
    return tuple(mentions)
