"""Reading the corpus: read-only SQL, browsing queries and exports.

Everything here reads the public views (``v_*``), so what the CLI shows is what
a user's own SQL sees.
"""
from __future__ import annotations

import csv
import json
import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from . import models as m
from .db import Database
from .extract.names import fold

SPEC_VIEWS = ("v_articles", "v_person_mentions", "v_quotes", "v_directive_mentions",
              "v_events", "v_event_articles", "v_event_participants")
EXTRA_VIEWS = ("v_person_titles", "v_captions", "v_quote_details", "v_people", "v_directives",
               "v_event_summary")


class QueryError(Exception):
    """The SQL cannot be run (or would change the database); the message says why."""


@dataclass(frozen=True)
class Table:
    columns: tuple[str, ...]
    rows: list[tuple[Any, ...]]

    def dicts(self) -> Iterator[dict[str, Any]]:
        for row in self.rows:
            yield dict(zip(self.columns, row))


# -- read-only SQL ------------------------------------------------------------------------
_SQLITE_READ_ACTIONS = {sqlite3.SQLITE_SELECT, sqlite3.SQLITE_READ, sqlite3.SQLITE_FUNCTION,
                        getattr(sqlite3, "SQLITE_RECURSIVE", 33)}


def _sqlite_authorizer(action: int, *_: object) -> int:
    return sqlite3.SQLITE_OK if action in _SQLITE_READ_ACTIONS else sqlite3.SQLITE_DENY


def run_readonly(db: Database, sql: str) -> Table:
    """Run one SQL statement that cannot change the database, whatever it says.

    SQLite: the file is opened read-only and an authorizer allows only reads.
    PostgreSQL: a READ ONLY transaction, a prepared (single) statement, rolled back.
    """
    if db.is_sqlite:
        return _sqlite_readonly(db, sql)
    return _postgres_readonly(db, sql)


def _sqlite_readonly(db: Database, sql: str) -> Table:
    path = db.url.database
    if not path or path == ":memory:" or not Path(path).is_file():
        raise QueryError(f"no database file at {path}")
    connection = sqlite3.connect(f"file:{Path(path).resolve()}?mode=ro", uri=True)
    try:
        connection.set_authorizer(_sqlite_authorizer)
        cursor = connection.execute(sql)
        columns = tuple(d[0] for d in cursor.description or ())
        return Table(columns, cursor.fetchall())
    except sqlite3.DatabaseError as exc:  # includes "not authorized", syntax errors, read-only
        message = str(exc)
        if "not authorized" in message or "readonly" in message:
            message = "read-only: only SELECT statements can run here (the database was not changed)"
        raise QueryError(message) from exc
    except sqlite3.Warning as exc:  # "You can only execute one statement at a time."
        raise QueryError(str(exc)) from exc
    finally:
        connection.close()


def _postgres_readonly(db: Database, sql: str) -> Table:
    import psycopg  # the driver of postgresql+psycopg:// URLs, so present whenever one works

    with db.engine.connect() as connection:
        try:
            connection.exec_driver_sql("SET TRANSACTION READ ONLY")
            driver = connection.connection.driver_connection
            cursor = driver.execute(sql.replace("%", "%%"), (), prepare=True)
            columns = tuple(d.name for d in cursor.description or ())
            if not columns:
                raise QueryError("the statement returned no rows to show")
            return Table(columns, [tuple(r) for r in cursor.fetchall()])
        except DBAPIError as exc:
            raise QueryError(str(exc.orig).strip().splitlines()[0]) from exc
        except psycopg.Error as exc:
            raise QueryError(str(exc).strip().splitlines()[0]) from exc
        finally:
            connection.rollback()


# -- browsing -----------------------------------------------------------------------------
def _table(session: Session, sql: str, **params: Any) -> Table:
    result = session.execute(text(sql), params)
    return Table(tuple(result.keys()), [tuple(r) for r in result])


def people(session: Session, *, name: str | None = None, limit: int = 50) -> Table:
    """People with their article counts and titles; ``name`` matches without accents."""
    return _table(session, """
        SELECT v.person_id, v.name, v.articles, v.quotes, v.titles
        FROM v_people v JOIN persons p ON p.id = v.person_id
        WHERE (:key IS NULL OR p.name_key LIKE :key)
        ORDER BY v.articles DESC, v.name LIMIT :limit""",
                  key=f"%{fold(name)}%" if name else None, limit=limit)


def quotes(session: Session, *, person: str | None = None, kind: str | None = None, limit: int = 50) -> Table:
    return _table(session, """
        SELECT q.quote_id, q.speaker, q.kind, q.text, q.published, q.article_title
        FROM v_quote_details q
        WHERE (:kind IS NULL OR q.kind = :kind)
          AND (:key IS NULL OR EXISTS (
                SELECT 1 FROM quote_speakers s JOIN persons p ON p.id = s.person_id
                WHERE s.quote_id = q.quote_id AND p.name_key LIKE :key))
        ORDER BY q.published DESC, q.quote_id LIMIT :limit""",
                  kind=kind, key=f"%{fold(person)}%" if person else None, limit=limit)


def events(session: Session, *, kind: str | None = None, limit: int = 50) -> Table:
    return _table(session, """
        SELECT event_id, kind, name, start_date, end_date, location, parent_name, articles, participants
        FROM v_event_summary WHERE (:kind IS NULL OR kind = :kind)
        ORDER BY start_date DESC, event_id LIMIT :limit""", kind=kind, limit=limit)


def directives(session: Session, *, kind: str | None = None, limit: int = 50) -> Table:
    return _table(session, """
        SELECT directive_id, kind, number, issuer, subject, articles, mentions
        FROM v_directives WHERE (:kind IS NULL OR lower(kind) = lower(:kind))
        ORDER BY articles DESC, kind, number LIMIT :limit""", kind=kind, limit=limit)


def find_article(session: Session, ref: str) -> m.Article | None:
    """An article by id, by source path, or by the end of its source path ("001_x.txt")."""
    if ref.isdigit():
        return session.get(m.Article, int(ref))
    found = session.scalars(select(m.Article).where(m.Article.source_path == ref)).first()
    if found is None:
        candidates = session.scalars(select(m.Article).where(
            m.Article.source_path.endswith("/" + ref.lstrip("/"), autoescape=True)).limit(2)).all()
        found = candidates[0] if len(candidates) == 1 else None
    return found


def marked_body(article: m.Article, marks: tuple[str, str] = ("«", "»")) -> str:
    """The body with every person, directive and event mention marked: «Bùi Thanh Sơn»[person]."""
    spans: list[tuple[int, int, str]] = []
    spans += [(p.start, p.end, "person") for p in article.person_mentions
              if p.field == "body" and p.start is not None]
    spans += [(d.start, d.end, "directive") for d in article.directive_mentions]
    spans += [(e.start, e.end, "event") for e in article.event_links]
    body, out, last = article.body, [], 0
    for start, end, label in sorted(spans):
        if start < last:  # overlapping mentions: keep the first
            continue
        out += [body[last:start], marks[0], body[start:end], marks[1], f"[{label}]"]
        last = end
    out.append(body[last:])
    return "".join(out)


# -- export -------------------------------------------------------------------------------
def export(db: Database, directory: Path, *, fmt: Literal["jsonl", "csv"] = "jsonl",
           views: Sequence[str] = SPEC_VIEWS + EXTRA_VIEWS) -> list[Path]:
    """Write each view to ``directory/{view}.{fmt}`` (UTF-8), streaming rows."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    with db.engine.connect() as connection:
        for view in views:
            result = connection.execution_options(stream_results=True).execute(text(f"SELECT * FROM {view}"))
            columns = list(result.keys())
            path = directory / f"{view}.{fmt}"
            with open(path, "w", encoding="utf-8", newline="") as handle:
                if fmt == "csv":
                    writer = csv.writer(handle)
                    writer.writerow(columns)
                    writer.writerows(result)
                else:
                    for row in result:
                        handle.write(json.dumps(dict(zip(columns, row)), ensure_ascii=False, default=str) + "\n")
            written.append(path)
    return written
