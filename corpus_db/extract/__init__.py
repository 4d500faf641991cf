"""Extraction: a pure function from the text of one scraped article to frozen dataclasses.

>>> from corpus_db.extract import extract
>>> result = extract(open("seeds/001_337f9824fff35007.txt", encoding="utf-8").read())
>>> result.meta.title
'Bộ Ngoại giao cần phát huy vai trò tiên phong trong các nhiệm vụ đối ngoại'
"""
from __future__ import annotations

import sys
from importlib import import_module

from .types import (
    ArticleMeta,
    Caption,
    DateMention,
    DateValue,
    DirectiveMention,
    Event,
    Extraction,
    Layout,
    Participant,
    PersonMention,
    Quote,
)

__all__ = [
    "extract",
    "ArticleMeta",
    "Caption",
    "DateMention",
    "DateValue",
    "DirectiveMention",
    "Event",
    "Extraction",
    "Layout",
    "Participant",
    "PersonMention",
    "Quote",
]


def load_rules() -> None:
    """Import the extractors and compile their rules now, not at the first article.

    A process about to fork extraction workers calls this, so that they all start with the
    rules compiled once, in the parent, instead of each compiling them again.
    """
    for name in ("directives", "events", "metadata", "normalize", "persons", "quotes", "structure"):
        import_module(f"{__name__}.{name}")


def clear_caches() -> None:
    """Empty the extractors' bounded caches (lines, name groups, titles… seen before).

    A process that extracts only now and then calls it from time to time: its caches would
    otherwise fill slowly, over tens of thousands of articles, and its memory grow with them.
    """
    for name, module in list(sys.modules.items()):
        if name.startswith((f"{__name__}.", "corpus_db.rules")):
            for value in list(vars(module).values()):
                info = getattr(value, "cache_info", None)
                if callable(info) and (info().maxsize or 0) > 1:  # not the rule tables, loaded once
                    value.cache_clear()


def extract(text: str) -> Extraction:
    """Extract article metadata, persons, quotes, directives and events from one article."""
    # Imported on first use: the rule tables take a tenth of a second to compile, which a
    # command that extracts nothing (a re-ingest of an unchanged corpus, a query) should not pay.
    from .directives import find_directives
    from .events import find_events
    from .metadata import article_meta, credit_mentions
    from .normalize import normalize_text
    from .persons import find_persons
    from .quotes import find_quotes
    from .structure import split_layout

    text = normalize_text(text)
    layout = split_layout(text)
    found = find_persons(layout.body)
    subjects = tuple(p for p in found if p.role == "subject")
    meta = article_meta(text, layout, subjects)
    persons = found + credit_mentions(layout, meta)
    directives = find_directives(layout.body)
    context = "\n".join(filter(None, [layout.title, layout.kicker, *(c.text for c in layout.captions)]))
    events = find_events(layout.body, subjects, meta.published, context)
    quotes = find_quotes(layout.body, subjects, events)
    return Extraction(
        text=text,
        layout=layout,
        meta=meta,
        persons=persons,
        quotes=quotes,
        directives=directives,
        events=events,
    )
