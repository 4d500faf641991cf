"""The relational schema, as typed SQLAlchemy 2 models.

Tables are ours to change (through Alembic revisions); the SQL views defined by
the migrations (``v_articles``, ``v_quotes``, …) are the stable public surface.
Dates are ISO text ("2023-01-31", or partial "2023-01", "2023") with a
precision, so that SQL on them works the same in SQLite and PostgreSQL.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    false,
    func,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Outlet(Base):
    """A news outlet ("VOV", "Báo Tin tức"), named from the text or the URL host."""

    __tablename__ = "outlets"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    host: Mapped[str | None] = mapped_column(String(200))

    articles: Mapped[list[Article]] = relationship(back_populates="outlet")

    def __repr__(self) -> str:
        return f"Outlet({self.name!r})"


class Article(Base):
    """One input file: its raw text (for re-extraction), its hash and what was extracted."""

    __tablename__ = "articles"

    id: Mapped[int] = mapped_column(primary_key=True)
    source_path: Mapped[str] = mapped_column(String(1000), unique=True)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    raw_text: Mapped[str] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    kicker: Mapped[str | None] = mapped_column(Text)
    lead: Mapped[str | None] = mapped_column(Text)
    body: Mapped[str] = mapped_column(Text)
    boilerplate: Mapped[str | None] = mapped_column(Text)  # the lines cut as site furniture
    url: Mapped[str | None] = mapped_column(String(2000))
    outlet_id: Mapped[int | None] = mapped_column(ForeignKey("outlets.id"), index=True)
    source: Mapped[str | None] = mapped_column(String(200))  # agency credit: "TTXVN"
    published: Mapped[str | None] = mapped_column(String(10), index=True)
    published_precision: Mapped[str | None] = mapped_column(String(5))
    published_evidence: Mapped[str | None] = mapped_column(Text)
    extractor_version: Mapped[str] = mapped_column(String(20))
    ingested_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())

    outlet: Mapped[Outlet | None] = relationship(back_populates="articles")
    captions: Mapped[list[Caption]] = relationship(
        back_populates="article", cascade="all, delete-orphan", passive_deletes=True,
        order_by="Caption.position",
    )
    person_mentions: Mapped[list[PersonMention]] = relationship(
        back_populates="article", cascade="all, delete-orphan", passive_deletes=True,
    )
    quotes: Mapped[list[Quote]] = relationship(
        back_populates="article", cascade="all, delete-orphan", passive_deletes=True,
    )
    directive_mentions: Mapped[list[DirectiveMention]] = relationship(
        back_populates="article", cascade="all, delete-orphan", passive_deletes=True,
    )
    event_links: Mapped[list[EventArticle]] = relationship(
        back_populates="article", cascade="all, delete-orphan", passive_deletes=True,
    )
    events: Mapped[list[Event]] = relationship(
        secondary="event_articles", viewonly=True, order_by="Event.start_date",
    )
    persons: Mapped[list[Person]] = relationship(
        secondary="person_mentions", viewonly=True, order_by="Person.name",
    )

    @property
    def authors(self) -> list[Person]:
        return [m.person for m in self.person_mentions if m.role == "author"]

    def __repr__(self) -> str:
        return f"Article({self.source_path!r}, title={self.title!r})"


class Caption(Base):
    """A photo caption and its credit ("Ảnh: Dương Giang/TTXVN")."""

    __tablename__ = "captions"

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    photographer: Mapped[str | None] = mapped_column(String(200))
    agency: Mapped[str | None] = mapped_column(String(200))

    article: Mapped[Article] = relationship(back_populates="captions")


class Person(Base):
    """A named individual: one row per person across the corpus."""

    __tablename__ = "persons"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    name_key: Mapped[str] = mapped_column(String(200), index=True)  # accent-free, lower case

    mentions: Mapped[list[PersonMention]] = relationship(back_populates="person")
    quotes: Mapped[list[Quote]] = relationship(secondary="quote_speakers", back_populates="speakers")
    articles: Mapped[list[Article]] = relationship(
        secondary="person_mentions", viewonly=True, order_by="Article.published",
    )

    @property
    def titles(self) -> list[str]:
        """The distinct titles this person is given in the corpus, in order of first mention."""
        return list(dict.fromkeys(m.title for m in self.mentions if m.title))

    def __repr__(self) -> str:
        return f"Person({self.name!r})"


class PersonMention(Base):
    """Where a person is named: the article, the span in ``field`` and the title used there."""

    __tablename__ = "person_mentions"
    __table_args__ = (Index("ix_person_mentions_person_id_role", "person_id", "role"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id", ondelete="CASCADE"))
    role: Mapped[str] = mapped_column(String(20))  # subject | author | photographer
    title: Mapped[str | None] = mapped_column(String(300))
    surface: Mapped[str] = mapped_column(String(500))
    field: Mapped[str] = mapped_column(String(20), server_default="body")
    start: Mapped[int | None] = mapped_column(Integer)
    end: Mapped[int | None] = mapped_column(Integer)

    article: Mapped[Article] = relationship(back_populates="person_mentions")
    person: Mapped[Person] = relationship(back_populates="mentions")


class QuoteSpeaker(Base):
    __tablename__ = "quote_speakers"

    quote_id: Mapped[int] = mapped_column(ForeignKey("quotes.id", ondelete="CASCADE"), primary_key=True)
    person_id: Mapped[int] = mapped_column(
        ForeignKey("persons.id", ondelete="CASCADE"), primary_key=True, index=True,
    )


class Quote(Base):
    """An attributed statement: ``direct`` (in quotation marks) or ``reported``."""

    __tablename__ = "quotes"

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(10), index=True)  # direct | reported
    text: Mapped[str] = mapped_column(Text)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    speaker_label: Mapped[str | None] = mapped_column(String(300))
    instruction: Mapped[bool] = mapped_column(Boolean, server_default=false())
    event_id: Mapped[int | None] = mapped_column(ForeignKey("events.id", ondelete="SET NULL"), index=True)

    article: Mapped[Article] = relationship(back_populates="quotes")
    speakers: Mapped[list[Person]] = relationship(secondary="quote_speakers", back_populates="quotes")
    event: Mapped[Event | None] = relationship(back_populates="quotes")

    @property
    def speaker(self) -> str | None:
        """Speakers' names joined by "; ", or the body/role label when no person is named."""
        return "; ".join(p.name for p in self.speakers) or self.speaker_label


class Directive(Base):
    """A formal policy instrument (Chỉ thị 25 của Ban Bí thư): one row per instrument."""

    __tablename__ = "directives"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(300), unique=True)  # folded kind|number|issuer
    kind: Mapped[str] = mapped_column(String(100), index=True)
    number: Mapped[str | None] = mapped_column(String(50))
    issuer: Mapped[str | None] = mapped_column(String(200))
    name: Mapped[str] = mapped_column(String(400))
    subject: Mapped[str | None] = mapped_column(Text)
    year: Mapped[int | None] = mapped_column(Integer)

    mentions: Mapped[list[DirectiveMention]] = relationship(back_populates="directive")


class DirectiveMention(Base):
    __tablename__ = "directive_mentions"

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    directive_id: Mapped[int] = mapped_column(ForeignKey("directives.id", ondelete="CASCADE"), index=True)
    surface: Mapped[str] = mapped_column(String(500))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)

    article: Mapped[Article] = relationship(back_populates="directive_mentions")
    directive: Mapped[Directive] = relationship(back_populates="mentions")


class Event(Base):
    """A dated happening: conference, plenary session, working session, talks, visit…"""

    __tablename__ = "events"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(500), unique=True)  # how articles find the same event
    kind: Mapped[str] = mapped_column(String(30), index=True)
    name: Mapped[str] = mapped_column(String(500))
    series: Mapped[str | None] = mapped_column(String(300))
    ordinal: Mapped[int | None] = mapped_column(Integer)
    start_date: Mapped[str | None] = mapped_column(String(10), index=True)
    end_date: Mapped[str | None] = mapped_column(String(10))
    date_precision: Mapped[str | None] = mapped_column(String(5))
    location: Mapped[str | None] = mapped_column(String(300))
    parent_event_id: Mapped[int | None] = mapped_column(
        ForeignKey("events.id", ondelete="SET NULL"), index=True,
    )

    parent: Mapped[Event | None] = relationship(remote_side=[id], back_populates="children")
    children: Mapped[list[Event]] = relationship(back_populates="parent")
    article_links: Mapped[list[EventArticle]] = relationship(back_populates="event")
    articles: Mapped[list[Article]] = relationship(secondary="event_articles", viewonly=True)
    participants: Mapped[list[EventParticipant]] = relationship(back_populates="event")
    quotes: Mapped[list[Quote]] = relationship(back_populates="event")

    def __repr__(self) -> str:
        return f"Event({self.kind!r}, {self.name!r}, {self.start_date!r})"


class EventArticle(Base):
    """An article that reports an event, and where it names it."""

    __tablename__ = "event_articles"

    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), primary_key=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True, index=True,
    )
    surface: Mapped[str] = mapped_column(String(500))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)

    event: Mapped[Event] = relationship(back_populates="article_links")
    article: Mapped[Article] = relationship(back_populates="event_links")


class EventParticipant(Base):
    """A person taking part in an event, as reported by one article."""

    __tablename__ = "event_participants"
    __table_args__ = (UniqueConstraint("event_id", "person_id", "role", "article_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(30))
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)

    event: Mapped[Event] = relationship(back_populates="participants")
    person: Mapped[Person] = relationship()

    @property
    def name(self) -> str:
        return self.person.name


class IngestRun(Base):
    """One run of ``corpus-db ingest``: when, on what, and how it went."""

    __tablename__ = "ingest_runs"

    id: Mapped[int] = mapped_column(primary_key=True)
    started_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    status: Mapped[str] = mapped_column(String(20))  # running | completed | failed
    paths: Mapped[str] = mapped_column(Text)
    extractor_version: Mapped[str] = mapped_column(String(20))
    added: Mapped[int] = mapped_column(Integer, server_default="0")
    updated: Mapped[int] = mapped_column(Integer, server_default="0")
    unchanged: Mapped[int] = mapped_column(Integer, server_default="0")
    skipped: Mapped[int] = mapped_column(Integer, server_default="0")

    files: Mapped[list[IngestFile]] = relationship(back_populates="run", cascade="all, delete-orphan",
                                                   passive_deletes=True)


class IngestFile(Base):
    """What a run did with one file (added, updated or skipped, and why); unchanged files are only counted."""

    __tablename__ = "ingest_files"

    id: Mapped[int] = mapped_column(primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("ingest_runs.id", ondelete="CASCADE"), index=True)
    source_path: Mapped[str] = mapped_column(String(1000), index=True)
    status: Mapped[str] = mapped_column(String(10))
    reason: Mapped[str | None] = mapped_column(Text)

    run: Mapped[IngestRun] = relationship(back_populates="files")
