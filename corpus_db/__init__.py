"""corpus_db: scraped Vietnamese foreign-affairs news as a clean relational database.

>>> import corpus_db
>>> from sqlalchemy import select
>>> db = corpus_db.open("corpus.db")   # a path or URL; creates/upgrades the schema
>>> with db.session() as session:
...     for person in session.scalars(select(corpus_db.Person).order_by(corpus_db.Person.name)):
...         print(person.name, [q.text for q in person.quotes])
"""
from importlib import import_module
from typing import TYPE_CHECKING, Any

# Eager, and cheap (the rules load on first use): the function must shadow the subpackage's name.
from .extract import extract

if TYPE_CHECKING:
    from .db import Database, DatabaseError, open
    from .ingest import IngestReport, ingest
    from .models import (
        Article,
        Base,
        Caption,
        Directive,
        DirectiveMention,
        Event,
        EventArticle,
        EventParticipant,
        Outlet,
        Person,
        PersonMention,
        Quote,
        QuoteSpeaker,
    )

# Names are imported when first used (PEP 562), so `corpus-db` starts fast.
_HOME = {"Database": "db", "DatabaseError": "db", "open": "db", "IngestReport": "ingest",
         "ingest": "ingest", **{name: "models" for name in (
             "Article", "Base", "Caption", "Directive", "DirectiveMention", "Event", "EventArticle",
             "EventParticipant", "Outlet", "Person", "PersonMention", "Quote", "QuoteSpeaker")}}


def __getattr__(name: str) -> Any:
    if name in _HOME:
        value = getattr(import_module(f".{_HOME[name]}", __name__), name)
        globals()[name] = value
        return value
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("corpus_db")
        except PackageNotFoundError:  # running from a source tree that is not installed
            return "0+unknown"
    raise AttributeError(f"module 'corpus_db' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)


__all__ = [
    "Article",
    "Base",
    "Caption",
    "Database",
    "DatabaseError",
    "Directive",
    "DirectiveMention",
    "Event",
    "EventArticle",
    "EventParticipant",
    "IngestReport",
    "Outlet",
    "Person",
    "PersonMention",
    "Quote",
    "QuoteSpeaker",
    "extract",
    "ingest",
    "open",
]
