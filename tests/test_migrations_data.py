"""Upgrades keep data: a database at every past revision, filled with real ingested rows,
upgrades to head with every row and value intact (SQLite and PostgreSQL), and goes down to base."""
from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest
from sqlalchemy import MetaData, inspect, select

from corpus_db.db import Database, head_revision
from corpus_db.ingest import ingest

from .test_migrations import revisions

PAST = [r for r in revisions() if r != head_revision()]


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> Database:
    """The seeds ingested at head: the source of real rows for older schemas."""
    db = Database(tmp_path_factory.mktemp("ref") / "ref.db")
    db.upgrade()
    ingest(db, [Path(__file__).parents[1] / "seeds"])
    yield db
    db.close()


def _copy_rows(source: Database, target: Database) -> dict[str, list[tuple]]:
    """Copy every row of ``source`` into the (older) tables of ``target``, on the columns they share.

    Returns what was copied, table by table, sorted, for comparison after the upgrade.
    """
    old = MetaData()
    old.reflect(target.engine)
    new = MetaData()
    new.reflect(source.engine)
    copied: dict[str, list[tuple]] = {}
    with source.engine.connect() as src, target.engine.begin() as dst:
        for table in old.sorted_tables:
            if table.name == "alembic_version" or "_fts" in table.name:  # FTS tables follow their content
                continue
            columns = [c.name for c in table.columns if c.computed is None]
            rows = [tuple(r) for r in src.execute(select(*(new.tables[table.name].c[c] for c in columns)))]
            if rows:
                dst.execute(table.insert(), [dict(zip(columns, r)) for r in rows])
            copied[table.name] = sorted((tuple(map(_plain, r)) for r in rows), key=repr)
        if dst.dialect.name == "postgresql":  # keep sequences ahead of the copied ids
            for table in old.sorted_tables:
                if "id" in table.c and table.name != "alembic_version":
                    dst.exec_driver_sql(
                        f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                        f"COALESCE((SELECT MAX(id) FROM {table.name}), 1))")
    return copied


def _plain(value: object) -> object:
    """Timestamps as naive UTC: SQLite hands back naive ones, PostgreSQL aware ones."""
    if isinstance(value, datetime) and value.tzinfo is not None:
        return value.astimezone(timezone.utc).replace(tzinfo=None)
    return value


def _rows(db: Database, table: str, columns: list[str]) -> list[tuple]:
    meta = MetaData()
    meta.reflect(db.engine, only=[table])
    with db.engine.connect() as connection:
        rows = connection.execute(select(*(meta.tables[table].c[c] for c in columns)))
        return sorted((tuple(map(_plain, r)) for r in rows), key=repr)


def _upgrade_keeps_everything(reference: Database, target: Database, revision: str) -> None:
    target.upgrade(revision)
    copied = _copy_rows(reference, target)
    assert copied["articles"] and copied["persons"] and copied["quotes"]
    columns = {t: [c["name"] for c in inspect(target.engine).get_columns(t) if "computed" not in c]
               for t in copied}
    target.upgrade()
    assert target.current_revision() == head_revision()
    for table, rows in copied.items():
        assert _rows(target, table, columns[table]) == rows, table
    with target.engine.connect() as connection:  # the views read the upgraded data
        assert connection.exec_driver_sql("SELECT COUNT(*) FROM v_articles").scalar() == 5
        assert connection.exec_driver_sql("SELECT COUNT(*) FROM v_quotes").scalar() == len(copied["quotes"])
    target.downgrade("base")
    assert set(inspect(target.engine).get_table_names()) == {"alembic_version"}


@pytest.mark.parametrize("revision", PAST)
def test_sqlite_upgrade_from_every_revision_keeps_rows(reference: Database, tmp_path: Path, revision: str) -> None:
    target = Database(tmp_path / f"at_{revision}.db")
    _upgrade_keeps_everything(reference, target, revision)
    target.close()


@pytest.mark.parametrize("revision", PAST)
def test_postgresql_upgrade_from_every_revision_keeps_rows(reference: Database, pg_url: str, revision: str) -> None:
    target = Database(pg_url)
    _upgrade_keeps_everything(reference, target, revision)
    target.close()


def test_sqlite_downgrade_one_step_keeps_rows(reference: Database, tmp_path: Path) -> None:
    """Going down a revision (a table rebuild in batch mode) never cascades deletes."""
    target = Database(tmp_path / "down.db")
    target.upgrade()
    copied = _copy_rows(reference, target)
    target.downgrade(PAST[-1])
    for table in ("articles", "person_mentions", "quotes", "quote_speakers", "event_participants"):
        assert len(_rows(target, table, ["id"] if table != "quote_speakers" else ["quote_id"])) == \
            len(copied[table]), table
    target.close()
