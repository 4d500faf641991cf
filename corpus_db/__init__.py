"""corpus_db: scraped Vietnamese foreign-affairs news as a clean relational database.

>>> import corpus_db
>>> from sqlalchemy import select
>>> db = corpus_db.open("corpus.db")   # a path or URL; creates/upgrades the schema
>>> with db.session() as session:
...     for person in session.scalars(select(corpus_db.Person).order_by(corpus_db.Person.name)):
...         print(person.name, [q.text for q in person.quotes])
"""
from importlib.metadata import PackageNotFoundError, version

from .db import Database, DatabaseError, open
from .extract import extract
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

try:
    __version__ = version("corpus_db")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0+unknown"

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
