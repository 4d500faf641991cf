"""Alembic environment for corpus_db.

The URL comes from the caller's config (``corpus-db db …`` sets it), else from
corpus_db's own config ($CORPUS_DB_URL, then corpus.db) — never from alembic.ini.
A connection (or engine) handed over in ``config.attributes["connection"]`` is
used as is (Alembic cookbook), so tests and tools such as pytest-alembic can drive it.
"""
from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, Engine

from corpus_db.config import database_url
from corpus_db.db import include_object, make_engine, migration_connection
from corpus_db.models import Base

config = context.config
target_metadata = Base.metadata

def _url() -> str:
    url = config.get_main_option("sqlalchemy.url")
    return url or database_url().render_as_string(hide_password=False)


def _configure(**kwargs) -> None:  # noqa: ANN003
    context.configure(
        target_metadata=target_metadata,
        render_as_batch=True,
        compare_type=True,
        include_object=include_object,
        **kwargs,
    )


def run_migrations_offline() -> None:
    _configure(url=_url(), literal_binds=True, dialect_opts={"paramstyle": "named"})
    with context.begin_transaction():
        context.run_migrations()


def _run_with(connection: Connection) -> None:
    _configure(connection=connection)
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connectable = config.attributes.get("connection")
    if isinstance(connectable, Connection):
        _run_with(connectable)
        return
    engine = connectable if isinstance(connectable, Engine) else make_engine(database_url(_url()))
    try:
        with migration_connection(engine) as connection:
            _run_with(connection)
    finally:
        if connectable is None:
            engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
