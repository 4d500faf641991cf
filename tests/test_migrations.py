"""Migrations: one head, upgrade and downgrade every step, models agree with the schema."""
from __future__ import annotations

import sqlite3

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from pytest_alembic.tests import (  # noqa: F401 - collected as tests
    test_model_definitions_match_ddl,
    test_single_head_revision,
    test_up_down_consistency,
    test_upgrade,
)
from sqlalchemy import inspect

from corpus_db.db import Database, alembic_config, head_revision, include_object
from corpus_db.models import Base

SPEC_VIEWS = {"v_articles", "v_person_mentions", "v_quotes", "v_directive_mentions",
              "v_events", "v_event_articles", "v_event_participants"}


def revisions() -> list[str]:
    script = ScriptDirectory.from_config(alembic_config())
    return [r.revision for r in reversed(list(script.walk_revisions()))]


def test_upgrade_to_head_and_back_to_base(db_path) -> None:
    db = Database(db_path)
    db.upgrade()
    assert db.current_revision() == head_revision()
    names = set(inspect(db.engine).get_view_names())
    assert SPEC_VIEWS <= names
    db.downgrade("base")
    assert db.current_revision() is None
    with sqlite3.connect(db_path) as raw:
        left = {r[0] for r in raw.execute("select name from sqlite_master where type in ('table','view')")}
    assert left == {"alembic_version"}
    db.close()


@pytest.mark.parametrize("revision", revisions())
def test_every_revision_has_the_spec_views(db_path, revision: str) -> None:
    db = Database(db_path)
    db.upgrade(revision)
    assert SPEC_VIEWS <= set(inspect(db.engine).get_view_names())
    db.close()


def test_models_match_migrations(db) -> None:
    with db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True, "include_object": include_object})
        assert compare_metadata(context, Base.metadata) == []


def test_postgresql_upgrade_downgrade_and_agreement(pg_url: str) -> None:
    db = Database(pg_url)
    db.upgrade()
    assert db.current_revision() == head_revision()
    assert SPEC_VIEWS <= set(inspect(db.engine).get_view_names())
    with db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True, "include_object": include_object})
        assert compare_metadata(context, Base.metadata) == []
    db.downgrade("base")
    assert db.current_revision() is None
    assert set(inspect(db.engine).get_table_names()) == {"alembic_version"}
    db.close()


def test_the_package_knows_its_newest_revision() -> None:
    """``SCHEMA_HEAD`` lets a current database open without importing Alembic: it must be the head."""
    from corpus_db.db import SCHEMA_HEAD, head_revision

    assert SCHEMA_HEAD == head_revision()
