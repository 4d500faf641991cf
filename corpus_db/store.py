"""Turning extraction results into rows: the only module that writes entity tables.

Functions take a session and never commit; the caller (``ingest``) owns the
transaction. Entities are resolved across the corpus through natural keys
(person name, directive key, event key, outlet name): an insert that meets an
existing key does nothing (``ON CONFLICT DO NOTHING``, in SQLite and
PostgreSQL alike) and the existing row's id is used, so several ingest
processes writing at once converge on one row per entity. Rows are written
with multi-row statements (``insert_rows``), not one per object.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain
from operator import itemgetter
from urllib.parse import urlsplit

from sqlalchemy import (Column, Connection, Dialect, String, Table, bindparam, delete, exists, func, insert, select,
                        update)
from sqlalchemy.orm import Session

from . import models as m
from .extract import types as x
from .extract.names import fold as _fold

EXTRACTOR_VERSION = "0.1.0"

# Keys are made of the same names, kinds and issuers over and over: fold each once.
fold = lru_cache(maxsize=4_096)(_fold)

# The writer speaks SQLAlchemy Core to the tables, never the ORM: an ORM statement costs more
# per call, and the first one configures every mapper of the package (a third of a second at
# the start of each ingest).
ARTICLES, PERSONS, OUTLETS = m.Article.__table__, m.Person.__table__, m.Outlet.__table__
DIRECTIVES, EVENTS, QUOTES = m.Directive.__table__, m.Event.__table__, m.Quote.__table__


@dataclass(frozen=True)
class ArticleInput:
    """One article ready to be written: where it came from and what was extracted."""

    source_path: str
    sha256: str
    raw_text: str
    extraction: x.Extraction
    article_id: int | None = None  # the existing row to replace, if any


@dataclass
class Resolver:
    """Natural key → row id, cached for the run. Clear it when a transaction rolls back."""

    persons: dict[str, int] = field(default_factory=dict)
    outlets: dict[str, int] = field(default_factory=dict)
    directives: dict[str, int] = field(default_factory=dict)
    events: dict[str, int] = field(default_factory=dict)

    def clear(self) -> None:
        for cache in (self.persons, self.outlets, self.directives, self.events):
            cache.clear()

    def person_ids(self, session: Session, names: Iterable[str]) -> dict[str, int]:
        """Ids of persons by canonical name, creating the missing ones."""
        if len(self.persons) > CACHE_LIMIT:
            self.persons.clear()
        missing = sorted({n for n in names if n not in self.persons})
        for chunk in _chunks(missing, 500):
            self._load_persons(session, chunk)
            new = [n for n in chunk if n not in self.persons]
            if new:
                insert_rows(session.connection(), PERSONS, [{"name": n, "name_key": fold(n)} for n in new],
                            unique=("name",))
                self._load_persons(session, new)
        return self.persons

    def _load_persons(self, session: Session, names: Sequence[str]) -> None:
        rows = session.connection().execute(_PERSON_IDS, {"keys": list(names)})
        self.persons.update({name: id_ for name, id_ in rows})

    def _load_events(self, connection: Connection, keys: Sequence[str]) -> None:
        for chunk in _chunks(keys, 500):
            self.events.update({key: id_ for key, id_ in connection.execute(_EVENT_IDS, {"keys": list(chunk)})})

    def outlet(self, session: Session, name: str, url: str | None) -> int:
        if name not in self.outlets:
            connection = session.connection()
            insert_rows(connection, OUTLETS, [{"name": name, "host": _host(url)}], unique=("name",))
            row_id, host = connection.execute(
                select(OUTLETS.c.id, OUTLETS.c.host).where(OUTLETS.c.name == name)).one()
            if host is None and _host(url):
                connection.execute(update(OUTLETS).where(OUTLETS.c.id == row_id).values(host=_host(url)))
            self.outlets[name] = row_id
        return self.outlets[name]

    def directive(self, session: Session, mention: x.DirectiveMention) -> int:
        key = directive_key(mention)
        if key in self.directives:
            return self.directives[key]
        connection = session.connection()
        if mention.issuer is None and mention.number:
            # "Chỉ thị 25" with no issuer: the one known instrument of that kind and number.
            prefix = key.rsplit("|", 1)[0] + "|"
            candidates = connection.scalars(select(DIRECTIVES.c.id).where(
                DIRECTIVES.c.key.startswith(prefix, autoescape=True)).limit(2)).all()
            if len(candidates) == 1:
                self.directives[key] = candidates[0]
                return candidates[0]
        insert_rows(connection, DIRECTIVES, [{"key": key, "kind": mention.kind, "number": mention.number,
                                              "issuer": mention.issuer, "name": mention.name,
                                              "subject": mention.subject, "year": mention.year}], unique=("key",))
        row = connection.execute(select(DIRECTIVES.c.id, DIRECTIVES.c.subject, DIRECTIVES.c.year)
                                 .where(DIRECTIVES.c.key == key)).one()
        if (row.subject is None and mention.subject) or (row.year is None and mention.year):
            connection.execute(update(DIRECTIVES).where(DIRECTIVES.c.id == row.id).values(
                subject=row.subject or mention.subject, year=row.year or mention.year))
        self.directives[key] = row.id
        return row.id

    def event_ids(self, session: Session, keyed: dict[str, tuple[dict[str, object], str | None]]) -> dict[str, int]:
        """Ids of events by natural key, creating the missing ones, in a few statements per batch.

        ``keyed`` maps each key to the event's values and its parent's key. A row that already
        exists gets what an earlier article left unknown filled in, never overwritten.
        """
        table = EVENTS
        connection = session.connection()
        missing = [k for k in keyed if k not in self.events]
        self._load_events(connection, missing)
        fresh = [k for k in missing if k not in self.events]
        if fresh:
            insert_rows(connection, EVENTS, [{"key": k, **keyed[k][0], "parent_event_id": None} for k in fresh],
                        unique=("key",))
            self._load_events(connection, fresh)
        inserted = set(fresh)
        fill = [{"row_id": self.events[k], "parent": self.events.get(parent) if parent else None, **values}
                for k, (values, parent) in keyed.items() if k not in inserted or parent]
        if fill:
            connection.execute(
                update(table).where(table.c.id == bindparam("row_id")).values(
                    parent_event_id=func.coalesce(table.c.parent_event_id, bindparam("parent")),
                    **{column: func.coalesce(table.c[column], bindparam(column)) for column in EVENT_FIELDS}),
                fill)
        ids = {k: self.events[k] for k in keyed}
        for key in keyed:  # an article's own events never recur: keep the cache the corpus' size
            if key.startswith(ARTICLE_EVENT):
                del self.events[key]
        if len(self.events) > CACHE_LIMIT:
            self.events.clear()
        return ids


# Lookups by a list of keys, built once: the list is one expanding parameter, so a batch does not
# pay for building and compiling a statement with a parameter per key.
_KEYS = bindparam("keys", expanding=True)
_PERSON_IDS = select(PERSONS.c.name, PERSONS.c.id).where(PERSONS.c.name.in_(_KEYS))
_EVENT_IDS = select(EVENTS.c.key, EVENTS.c.id).where(EVENTS.c.key.in_(_KEYS))
_ARTICLE_IDS = select(ARTICLES.c.source_path, ARTICLES.c.id).where(ARTICLES.c.source_path.in_(_KEYS))
_QUOTE_SPANS = (select(QUOTES.c.id, QUOTES.c.article_id, QUOTES.c.start, QUOTES.c.end)
                .where(QUOTES.c.article_id.in_(_KEYS)).order_by(QUOTES.c.id))

ARTICLE_EVENT = "article|"  # key prefix of an event only one article reports
CACHE_LIMIT = 4_096  # entries per cache; beyond it the cache starts again, so memory stays flat
EVENT_FIELDS = ("kind", "name", "series", "ordinal", "start_date", "end_date", "date_precision", "location")


# Rows per INSERT. On SQLite, statements of one length are prepared once and reused (longer
# ones would be parsed again for each batch), and each one writes out FTS5's pending index.
ROWS_PER_STATEMENT = 64


def insert_rows(connection: Connection, table: Table, rows: Sequence[dict[str, object]],
                unique: Sequence[str] = ()) -> None:
    """INSERT ``rows`` (dicts with the same keys) into ``table``, in as few statements as can be.

    With ``unique`` (the columns of a unique key), a row whose key is already there is left
    out (``ON CONFLICT DO NOTHING``).

    The statements go straight to the driver: rows go through no SQLAlchemy processing (it
    cost more than the database's own insert; these rows hold only strings, numbers, booleans
    and None). On SQLite, multi-row ``VALUES``: one statement, not one per row, fires the
    full-text triggers, and FTS5 writes out what it has indexed at every statement's end, so
    row by row (``executemany``) indexing the articles cost twice as much. On PostgreSQL, one
    array per column, unnested by the server: a short statement whatever the rows (SQLAlchemy's
    executemany sent them one by one, and the driver's work per row was three quarters of the
    writer's time; a long multi-row statement is parsed again by the driver at each call).
    """
    if not rows:
        return
    dialect = connection.dialect
    columns = list(rows[0])
    quote = dialect.identifier_preparer.quote
    tail = f" ON CONFLICT ({', '.join(map(quote, unique))}) DO NOTHING" if unique else ""
    if dialect.name == "postgresql" and dialect.paramstyle in ("format", "pyformat"):
        arrays = ", ".join(f"%s::{_array_type(table.c[c], dialect)}[]" for c in columns)
        connection.exec_driver_sql(
            f"INSERT INTO {quote(table.name)} ({', '.join(map(quote, columns))}) "
            f"SELECT * FROM unnest({arrays}){tail}",
            tuple([row[c] for row in rows] for c in columns))
        return
    if dialect.name != "sqlite":  # a database corpus_db does not know: SQLAlchemy's own way
        connection.execute(insert(table), rows)
        return
    head = f"INSERT INTO {quote(table.name)} ({', '.join(map(quote, columns))}) VALUES "
    one = f"({', '.join('?' * len(columns))})"
    values = itemgetter(*columns) if len(columns) > 1 else lambda row: (row[columns[0]],)
    limit = connection.connection.driver_connection.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
    per_statement = max(1, min(ROWS_PER_STATEMENT, limit // len(columns)))
    for start in range(0, len(rows), per_statement):
        part = rows[start:start + per_statement]
        connection.exec_driver_sql(head + ", ".join([one] * len(part)) + tail,
                                   tuple(chain.from_iterable(map(values, part))))


def _array_type(column: Column[object], dialect: Dialect) -> str:
    """The element type of a PostgreSQL array for ``column``'s values: ``text`` for strings,
    since a cast to ``varchar(n)`` would cut a longer value where the insert must fail."""
    return "text" if isinstance(column.type, String) else column.type.compile(dialect=dialect)


def _chunks(items: Sequence[str], size: int) -> Iterable[Sequence[str]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def _host(url: str | None) -> str | None:
    host = urlsplit(url).hostname if url else None
    return host.removeprefix("www.") if host else None


def directive_key(mention: x.DirectiveMention) -> str:
    ident = mention.number or fold(mention.subject or "")
    return "|".join((fold(mention.kind), fold(ident), fold(mention.issuer or "")))


def event_keys(events: Sequence[x.Event], article: str) -> list[str]:
    """Natural keys under which articles about the same happening find one event.

    A numbered event of a series is the series and ordinal ("Hội nghị Ngoại giao" 31);
    a part of another event is its parent's key, its kind and date; otherwise the
    kind, day and participants. An event with neither is this article's own.
    """
    keys: list[str] = []
    for index, event in enumerate(events):
        if event.series and event.ordinal is not None:
            key = f"series|{fold(event.series)}|{event.ordinal}"
        elif event.parent is not None and event.parent < index and event.start_date:
            key = f"{keys[event.parent]}>{event.kind}|{event.start_date}"
        elif event.start_date and event.date_precision == "day" and event.participants:
            people = "+".join(sorted({fold(p.name) for p in event.participants}))
            key = f"{event.kind}|{event.start_date}|{people}"
        else:
            key = f"{ARTICLE_EVENT}{article}|{index}"
        keys.append(key)
    return keys


FACT_TABLES = (m.EventParticipant, m.EventArticle, m.DirectiveMention, m.Quote, m.PersonMention, m.Caption)


def clear_facts(session: Session, article_ids: Sequence[int]) -> None:
    """Delete everything extracted from these articles (not the articles themselves)."""
    if article_ids:
        connection = session.connection()
        for model in FACT_TABLES:
            table = model.__table__
            connection.execute(delete(table).where(table.c.article_id.in_(article_ids)))


def _article_values(item: ArticleInput, outlet_id: int | None) -> dict[str, object]:
    meta, layout = item.extraction.meta, item.extraction.layout
    return {
        "source_path": item.source_path, "sha256": item.sha256, "raw_text": item.raw_text,
        "title": meta.title, "kicker": meta.kicker, "lead": meta.lead, "body": layout.body,
        "boilerplate": "\n".join(layout.boilerplate) or None, "url": meta.url, "source": meta.source,
        "outlet_id": outlet_id, "published": meta.published.iso,
        "published_precision": meta.published.precision,
        "published_evidence": meta.published.evidence or None, "extractor_version": EXTRACTOR_VERSION,
    }


def save_articles(session: Session, items: Sequence[ArticleInput], resolver: Resolver) -> list[int]:
    """Write new articles and replace the facts of changed ones; returns their ids, in order."""
    outlet_ids = [resolver.outlet(session, i.extraction.meta.outlet, i.extraction.meta.url)
                  if i.extraction.meta.outlet else None for i in items]
    replaced = [i.article_id for i in items if i.article_id is not None]
    clear_facts(session, replaced)
    table = ARTICLES
    connection = session.connection()
    new_rows = []
    for item, outlet_id in zip(items, outlet_ids):
        values = _article_values(item, outlet_id)
        if item.article_id is not None:
            connection.execute(update(table).where(table.c.id == item.article_id).values(values))
        else:
            new_rows.append(values)
    # Ids are looked up by natural key afterwards: RETURNING in parameter order makes SQLite
    # insert row by row, where one executemany stores the whole batch.
    new_ids: dict[str, int] = {}
    if new_rows:
        insert_rows(connection, table, new_rows)
        for chunk in _chunks([r["source_path"] for r in new_rows], 500):
            new_ids.update({path: id_ for path, id_ in connection.execute(
                _ARTICLE_IDS, {"keys": list(chunk)})})
    ids = [item.article_id if item.article_id is not None else new_ids[item.source_path] for item in items]
    _save_facts(session, list(zip(ids, items)), resolver)
    return ids


def _save_facts(session: Session, articles: list[tuple[int, ArticleInput]], resolver: Resolver) -> None:
    names = set()
    for _, item in articles:
        ex = item.extraction
        names.update(p.name for p in ex.persons)
        names.update(s for q in ex.quotes for s in q.speakers)
        names.update(p.name for e in ex.events for p in e.participants)
    person = resolver.person_ids(session, names)
    article_keys = [event_keys(item.extraction.events, item.source_path) for _, item in articles]
    keyed: dict[str, tuple[dict[str, object], str | None]] = {}
    for keys, (_, item) in zip(article_keys, articles):
        for key, event in zip(keys, item.extraction.events):
            values = {"kind": event.kind, "name": event.name, "series": event.series, "ordinal": event.ordinal,
                      "start_date": event.start_date, "end_date": event.end_date,
                      "date_precision": event.date_precision, "location": event.location}
            parent = keys[event.parent] if event.parent is not None and keys[event.parent] != key else None
            if key in keyed:  # the first article of the batch wins; later ones fill its gaps
                known, known_parent = keyed[key]
                values = {k: v if known[k] is None else known[k] for k, v in values.items()}
                parent = known_parent or parent
            keyed[key] = (values, parent)
    event_of_key = resolver.event_ids(session, keyed)

    captions, mentions, directive_rows, links, participants, quotes = [], [], [], [], [], []
    quote_speakers: list[tuple[int, ...]] = []
    for keys, (article_id, item) in zip(article_keys, articles):
        ex = item.extraction
        captions += [{"article_id": article_id, "position": n, "text": c.text, "photographer": c.photographer,
                      "agency": c.agency} for n, c in enumerate(ex.layout.captions)]
        mentions += [{"article_id": article_id, "person_id": person[p.name], "role": p.role, "title": p.title,
                      "surface": p.surface, "field": p.field, "start": p.start, "end": p.end}
                     for p in ex.persons]
        directive_rows += [{"article_id": article_id, "directive_id": resolver.directive(session, d),
                            "surface": d.surface, "start": d.start, "end": d.end} for d in ex.directives]
        event_ids = [event_of_key[key] for key in keys]
        seen: set[int] = set()
        for event_id, event in zip(event_ids, ex.events):
            if event_id not in seen:
                seen.add(event_id)
                links.append({"event_id": event_id, "article_id": article_id, "surface": event.surface,
                              "start": event.start, "end": event.end})
        participants += list({(e, person[p.name], p.role): {
            "event_id": e, "person_id": person[p.name], "role": p.role, "article_id": article_id}
            for e, event in zip(event_ids, ex.events) for p in event.participants}.values())
        for quote in ex.quotes:
            quotes.append({"article_id": article_id, "kind": quote.kind, "text": quote.text, "start": quote.start,
                           "end": quote.end, "speaker_label": quote.speaker_label,
                           "instruction": quote.instruction,
                           "event_id": event_ids[quote.event] if quote.event is not None else None})
            quote_speakers.append(tuple(dict.fromkeys(person[s] for s in quote.speakers)))
    connection = session.connection()  # Core statements: one executemany per table and batch
    for model, rows in ((m.Caption, captions), (m.PersonMention, mentions),
                        (m.DirectiveMention, directive_rows), (m.EventArticle, links),
                        (m.EventParticipant, participants)):
        insert_rows(connection, model.__table__, rows)
    if quotes:
        table = QUOTES
        insert_rows(connection, table, quotes)
        # The batch's articles hold no other quotes (new, or cleared above): find ours by span.
        stored: dict[tuple[int, int, int], list[int]] = {}
        for chunk in _chunks(sorted({q["article_id"] for q in quotes}), 500):
            for id_, article_id, start, end in connection.execute(
                    _QUOTE_SPANS, {"keys": list(chunk)}):
                stored.setdefault((article_id, start, end), []).append(id_)
        quote_ids = [stored[(q["article_id"], q["start"], q["end"])].pop(0) for q in quotes]
        speaker_rows = [{"quote_id": q, "person_id": p} for q, people in zip(quote_ids, quote_speakers)
                        for p in people]
        insert_rows(connection, m.QuoteSpeaker.__table__, speaker_rows)


def prune_orphans(session: Session) -> int:
    """Delete persons, directives, events and outlets that no article refers to any more."""
    mentions, speakers = m.PersonMention.__table__.c, m.QuoteSpeaker.__table__.c
    participants, cited, reports = m.EventParticipant.__table__.c, m.DirectiveMention.__table__.c, m.EventArticle.__table__.c
    statements = [
        delete(PERSONS).where(
            ~exists().where(mentions.person_id == PERSONS.c.id),
            ~exists().where(speakers.person_id == PERSONS.c.id),
            ~exists().where(participants.person_id == PERSONS.c.id)),
        delete(DIRECTIVES).where(~exists().where(cited.directive_id == DIRECTIVES.c.id)),
        delete(OUTLETS).where(~exists().where(ARTICLES.c.outlet_id == OUTLETS.c.id)),
        # An event no article reports any more (its children keep their rows: SET NULL).
        delete(EVENTS).where(~exists().where(reports.event_id == EVENTS.c.id)),
    ]
    connection = session.connection()
    return sum(connection.execute(s).rowcount or 0 for s in statements)
