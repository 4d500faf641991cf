"""Where the database is: a path or a URL, from an argument or the environment."""
from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote, unquote

if TYPE_CHECKING:
    from sqlalchemy.engine import URL

# (SQLAlchemy is imported only where a URL is made: a re-ingest of an unchanged SQLite corpus
# never needs it, and starts in a third of the time.)

ENV_VAR = "CORPUS_DB_URL"
DEFAULT_PATH = "corpus.db"
SQLITE_PREFIX = "sqlite:///"

# The newest revision under alembic/versions. Kept here so that opening a current database
# needs no Alembic import (half a second at every start); a test checks it against Alembic.
SCHEMA_HEAD = "0006"


def database_url(target: str | os.PathLike[str] | URL | None = None) -> URL:
    """Turn a path or URL (or nothing: ``$CORPUS_DB_URL``, then ``corpus.db``) into a URL.

    >>> database_url("data/corpus.db").drivername
    'sqlite'
    >>> database_url("postgresql+psycopg://localhost/news").drivername
    'postgresql+psycopg'
    """
    from sqlalchemy.engine import URL, make_url

    if isinstance(target, URL):
        return target
    if target is None:
        target = os.environ.get(ENV_VAR) or DEFAULT_PATH
    text = os.fspath(target)
    if "://" in text:
        return make_url(text)
    return URL.create("sqlite", database=str(Path(text).expanduser()))


def display_url(url: URL) -> str:
    """The URL without its password, for messages."""
    return url.render_as_string(hide_password=True)


def sqlite_display(path: str) -> str:
    """What :func:`display_url` shows for the SQLite file at ``path`` (SQLAlchemy's quoting)."""
    return SQLITE_PREFIX + quote(path, safe=" +/")


def sqlite_path(target: str | os.PathLike[str] | None) -> str | None:
    """The file of a SQLite database given as a path or a plain ``sqlite:///`` URL (or by nothing:
    ``$CORPUS_DB_URL``, then ``corpus.db``), found without SQLAlchemy; None for any other URL."""
    text = os.fspath(target) if target is not None else os.environ.get(ENV_VAR) or DEFAULT_PATH
    if "://" not in text:
        return str(Path(text).expanduser())
    if text.startswith(SQLITE_PREFIX) and "?" not in text:
        return unquote(text.removeprefix(SQLITE_PREFIX)) or None  # as SQLAlchemy reads it
    return None
