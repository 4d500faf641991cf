"""Where the database is: a path or a URL, from an argument or the environment."""
from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy.engine import URL, make_url

ENV_VAR = "CORPUS_DB_URL"
DEFAULT_PATH = "corpus.db"


def database_url(target: str | os.PathLike[str] | URL | None = None) -> URL:
    """Turn a path or URL (or nothing: ``$CORPUS_DB_URL``, then ``corpus.db``) into a URL.

    >>> database_url("data/corpus.db").drivername
    'sqlite'
    >>> database_url("postgresql+psycopg://localhost/news").drivername
    'postgresql+psycopg'
    """
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
