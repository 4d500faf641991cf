"""Opening a corpus database and migrating it.

>>> import corpus_db
>>> db = corpus_db.open("corpus.db")          # or a URL, or an Engine
>>> with db.session() as session:
...     session.scalars(select(corpus_db.Person)).all()
"""
from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.engine import URL
from sqlalchemy.exc import OperationalError

from .config import SCHEMA_HEAD, database_url, display_url

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy.orm import Session, sessionmaker


SQLITE_BUSY_TIMEOUT_MS = 30_000
# Prepared statements the sqlite3 driver keeps per connection (its default is 128). Every
# length of an IN list is a statement of its own, with memory for each parameter, so with
# the default the cache grew over a long ingest (+6 MiB by 25,000 articles); a writer
# batch uses a handful of statements, and preparing one again costs microseconds.
SQLITE_CACHED_STATEMENTS = 16
# WAL pages after which a commit copies the WAL back into the database file and syncs it
# (SQLite's default is 1,000, 4 MB). An ingest writes a few MB per batch, so with the default
# every second or third commit waited on a checkpoint's fsync; at 8,192 (32 MB) they are rare.
SQLITE_WAL_AUTOCHECKPOINT_PAGES = 8_192
# Page cache per connection (SQLite's default is 2 MB). A writer batch touches pages all over
# the indexes of persons and events; with 2 MB they were read back from the WAL again and
# again (155,000 reads for 10,000 articles, 30,000 with 8 MB). The cache fills within the
# first few thousand articles, so memory does not grow with the corpus beyond that.
SQLITE_CACHE_KIB = 8_192
# Page size of a database file created here (SQLite's default is 4 KB; an existing file keeps its
# own). Replaying the statements of an ingest of 10,000 articles, six times each way, SQLite took
# 6% less CPU time at 8 KB (its commits, which write out every page the batch dirtied, 23% less),
# and the file was 4% smaller: an article's row (its raw text and its body) fills a 4 KB page or more.
SQLITE_PAGE_BYTES = 8_192


class DatabaseError(Exception):
    """The database cannot be opened, reached or migrated; the message says why."""


# Any fixed 64-bit number, shared by every corpus_db process that migrates a PostgreSQL database.
MIGRATION_LOCK_KEY = 0x636F72707573  # "corpus"


def _sqlite_pragmas(dbapi_connection, _record) -> None:  # noqa: ANN001 - DBAPI hook
    # Let SQLAlchemy, not the sqlite3 module, decide where transactions begin, so
    # that DDL is transactional too (SQLAlchemy's documented pysqlite recipe).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute(f"PRAGMA page_size={SQLITE_PAGE_BYTES}")  # before WAL, which fixes it; new files only
    _switch_to_wal(cursor)
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute(f"PRAGMA wal_autocheckpoint={SQLITE_WAL_AUTOCHECKPOINT_PAGES}")
    # Temporary files in memory: above all the statement journals SQLite keeps while one
    # statement of a longer transaction runs (every multi-row INSERT that fires the full-text
    # triggers), which it otherwise wrote to /var/tmp page by page: 40% of an ingest's writes.
    cursor.execute("PRAGMA temp_store=MEMORY")
    cursor.execute(f"PRAGMA cache_size=-{SQLITE_CACHE_KIB}")
    cursor.close()


def _sqlite_begin(connection: Connection) -> None:
    # Writers take the write lock when they begin, so two writers queue (busy
    # timeout) instead of failing halfway when one of them upgrades a read lock.
    immediate = connection.get_execution_options().get("corpus_writer", False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def _switch_to_wal(cursor: sqlite3.Cursor, timeout: float = SQLITE_BUSY_TIMEOUT_MS / 1000) -> None:
    """``PRAGMA journal_mode=WAL``, tried again while another connection holds the lock.

    On a new file, two processes that connect at once (two ingests into one new database) both
    switch it to WAL, and the switch needs the file to itself: SQLite then fails one of them at
    once with "database is locked", without waiting out the busy timeout, where waiting could
    deadlock (1 run in 25 of two concurrent ingests). Once the file is in WAL mode, the pragma
    changes nothing and takes no lock.
    """
    deadline, pause = time.monotonic() + timeout, 0.01
    while True:
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            message = str(exc).lower()
            if ("locked" not in message and "busy" not in message) or time.monotonic() + pause > deadline:
                raise
        time.sleep(pause)
        pause = min(2 * pause, 0.25)


@contextmanager
def migration_connection(engine: Engine) -> Iterator[Connection]:
    """A connection in a transaction for running migrations.

    On SQLite, foreign keys are switched off for its duration (they cannot be
    switched inside a transaction), as Alembic's batch mode requires: a table
    rebuild must never cascade deletes. Afterwards every foreign key is checked.

    Processes that upgrade the same database at once queue instead of racing: SQLite
    takes the write lock when the transaction begins, PostgreSQL an advisory lock.
    """
    with engine.connect() as connection:
        sqlite = engine.dialect.name == "sqlite"
        if sqlite:
            connection.connection.driver_connection.execute("PRAGMA foreign_keys=OFF")
            connection.execution_options(corpus_writer=True)
        try:
            with connection.begin():
                if engine.dialect.name == "postgresql":
                    connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK_KEY})")
                yield connection
                if sqlite:
                    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                    if broken:
                        raise DatabaseError(f"migration left broken foreign keys: {broken[:5]}")
        finally:
            if sqlite:
                connection.connection.driver_connection.execute("PRAGMA foreign_keys=ON")


def make_engine(url: URL) -> Engine:
    """An engine for ``url``; SQLite gets foreign keys, WAL and a busy timeout."""
    if url.get_backend_name() == "sqlite":
        if url.database and url.database != ":memory:":
            parent = Path(url.database).expanduser().resolve().parent
            if not parent.is_dir():
                raise DatabaseError(f"cannot create {url.database}: folder {parent} does not exist")
        engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000,
                                                  "cached_statements": SQLITE_CACHED_STATEMENTS})
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    return create_engine(url, pool_pre_ping=True)


def migrations_dir() -> str:
    """The Alembic script folder: ``alembic/`` in the repository, shipped as ``corpus_db/migrations``."""
    here = Path(__file__).resolve().parent
    for location in (here / "migrations", here.parent / "alembic"):  # installed; source checkout
        if (location / "env.py").is_file():
            return str(location)
    raise DatabaseError("corpus_db's migrations are missing: reinstall the package")


def alembic_config(url: URL | None = None) -> Config:
    """An Alembic config for the package's migrations, with no .ini file needed."""
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", migrations_dir())
    if url is not None:
        cfg.set_main_option("sqlalchemy.url", url.render_as_string(hide_password=False).replace("%", "%%"))
    return cfg


# Objects migrations create by hand that the models do not describe: full-text
# search tables (and FTS5's shadow tables) and the generated ``*_folded`` columns
# they index. Autogenerate must neither drop them nor call them differences.
_UNMANAGED_TABLE_SUFFIXES = ("_fts", "_fts_data", "_fts_idx", "_fts_docsize", "_fts_config", "_fts_content")


def include_object(obj, name, type_, reflected, compare_to) -> bool:  # noqa: ANN001 - Alembic hook
    """Alembic ``include_object`` hook: leave search objects out of autogenerate."""
    if type_ == "table" and name and name.endswith(_UNMANAGED_TABLE_SUFFIXES):
        return False
    if type_ == "column" and name and name.endswith("_folded") and compare_to is None:
        return False
    return True


def head_revision() -> str | None:
    """The newest revision, as Alembic reads it from the migration scripts."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


class Database:
    """A corpus database: an engine, a session factory and its migrations.

    ``target`` is a path ("corpus.db"), a URL ("postgresql+psycopg://host/db"),
    an :class:`~sqlalchemy.engine.URL` or an :class:`~sqlalchemy.Engine`; None
    reads ``$CORPUS_DB_URL`` and falls back to ``corpus.db``.
    """

    def __init__(self, target: str | os.PathLike[str] | URL | Engine | None = None) -> None:
        if isinstance(target, Engine):
            self.engine = target
            self.url = target.url
        else:
            self.url = database_url(target)
            self.engine = make_engine(self.url)
        self._sessions: sessionmaker[Session] | None = None  # made on first use: the ORM loads only if needed

    def __repr__(self) -> str:
        return f"Database({display_url(self.url)!r})"

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def is_sqlite(self) -> bool:
        return self.url.get_backend_name() == "sqlite"

    def session(self) -> Session:
        """A new ORM session (use it as a context manager; it does not commit by itself)."""
        if self._sessions is None:
            from sqlalchemy.orm import sessionmaker

            self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        return self._sessions()

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session whose work is committed when the block ends, rolled back on error."""
        with self.session() as session, session.begin():
            yield session

    @contextmanager
    def writer(self) -> Iterator[Session]:
        """A session for writing: on SQLite it holds the write lock from its first statement.

        Committed when the block ends, rolled back on error.
        """
        from sqlalchemy.orm import Session

        with self.engine.connect() as connection:
            connection.execution_options(corpus_writer=True)
            with Session(bind=connection, expire_on_commit=False) as session, session.begin():
                yield session

    # -- migrations -------------------------------------------------------------------
    def _run(self, fn, *args, **kwargs) -> None:  # noqa: ANN001
        cfg = alembic_config(self.url)
        try:
            with migration_connection(self.engine) as connection:
                cfg.attributes["connection"] = connection
                fn(cfg, *args, **kwargs)
        except OperationalError as exc:
            raise DatabaseError(f"cannot reach {display_url(self.url)}: {exc.orig}") from exc

    def upgrade(self, revision: str = "head") -> None:
        """Bring the schema to ``revision`` (default: the newest), keeping every row."""
        if revision == "head" and self.is_current():
            return  # nothing to do: no lock taken, so workers on a current database never queue here
        from alembic import command

        self._run(command.upgrade, revision)

    def downgrade(self, revision: str) -> None:
        from alembic import command

        self._run(command.downgrade, revision)

    def current_revision(self) -> str | None:
        try:
            with self.engine.connect() as connection:
                if not inspect(connection).has_table("alembic_version"):
                    return None
                return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
        except OperationalError as exc:
            raise DatabaseError(f"cannot reach {display_url(self.url)}: {exc.orig}") from exc

    def is_current(self) -> bool:
        return self.current_revision() == SCHEMA_HEAD

    def close(self) -> None:
        self.engine.dispose()


def open(target: str | os.PathLike[str] | URL | Engine | None = None, *, upgrade: bool = True) -> Database:  # noqa: A001
    """Open (and by default create or upgrade to the newest schema) a corpus database."""
    db = Database(target)
    if upgrade:
        db.upgrade()
    return db
