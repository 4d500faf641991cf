"""Shared fixtures: fresh databases (SQLite file, PostgreSQL when reachable) and the seeds."""
from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError

from corpus_db.cli import main
from corpus_db.db import Database, make_engine, migrations_dir
from corpus_db.config import database_url

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
PG_ADMIN_URL = os.environ.get("CORPUS_DB_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


@pytest.fixture
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "corpus.db"


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    """A SQLite database upgraded to the newest schema."""
    database = Database(db_path)
    database.upgrade()
    yield database
    database.close()


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def invoke(runner: CliRunner, *args: str):
    """Run the CLI and fail with its output (not a bare exit code) when it errs."""
    result = runner.invoke(main, list(args), catch_exceptions=False)
    return result


@pytest.fixture(scope="session")
def seeded_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The five seeds ingested once through the CLI (read-only for tests that use it)."""
    path = tmp_path_factory.mktemp("seeded") / "corpus.db"
    result = CliRunner().invoke(main, ["ingest", str(SEEDS), "--db", str(path), "--jobs", "1"],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return path


# -- PostgreSQL ---------------------------------------------------------------------------
def _pg_reachable() -> str | None:
    try:
        engine = create_engine(PG_ADMIN_URL, connect_args={"connect_timeout": 3})
        with engine.connect():
            pass
        engine.dispose()
        return None
    except (OperationalError, ImportError) as exc:
        return f"no PostgreSQL server at {PG_ADMIN_URL} ({type(exc).__name__}); set CORPUS_DB_TEST_PG"


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A URL to a new, empty PostgreSQL database, dropped afterwards.

    Skips with the reason when no server is reachable, except under CI (CI=true),
    where a missing server is a failure.
    """
    reason = _pg_reachable()
    if reason:
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    name = f"corpus_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    url = database_url(PG_ADMIN_URL).set(database=name)
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


# -- pytest-alembic -----------------------------------------------------------------------
@pytest.fixture
def alembic_config() -> dict[str, str]:
    return {"script_location": migrations_dir()}


@pytest.fixture
def alembic_engine(tmp_path: Path):
    engine = make_engine(database_url(tmp_path / "alembic.db"))
    yield engine
    engine.dispose()
