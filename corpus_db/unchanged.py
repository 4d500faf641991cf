"""Recognising unchanged files with nothing but the standard library.

A re-ingest of a corpus that has not changed reads and hashes every file and writes nothing.
Into a SQLite file, that needs neither SQLAlchemy nor Alembic, which take longer to import
than the check itself takes on 10,000 files. ``corpus-db ingest`` checks here first, and
stops at the first file that is new, changed or unreadable, or at once if the database is
missing or not at the newest schema: the full ingest takes over from there, with what was
verified counted, not read again.
"""
from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterable
from pathlib import Path

from .config import SCHEMA_HEAD
from .reader import (DEFAULT_MAX_BYTES, Shard, SourceFile, UnreadableFile, batches, corpus_files, read_bytes,
                     sha256)

BATCH_SIZE = 200


def count_unchanged(db_file: str, paths: Iterable[str | os.PathLike[str]], *, shard: Shard | None = None,
                    max_bytes: int = DEFAULT_MAX_BYTES,
                    on_batch: Callable[[int], None] | None = None) -> tuple[int, bool]:
    """How many of the files an ingest of ``paths`` takes are, from the first, stored unchanged
    (same name, same SHA-256) in the SQLite database ``db_file``, and whether that is all of them.

    (0, False) when the database is not there, cannot be read or is not at the newest schema.
    ``on_batch`` is called with the number of files of each batch found unchanged.
    """
    if not os.path.isfile(db_file):
        return 0, False
    verified = 0
    try:
        connection = sqlite3.connect(Path(db_file).resolve().as_uri() + "?mode=ro", uri=True)
    except sqlite3.Error:
        return 0, False
    try:
        if connection.execute("SELECT version_num FROM alembic_version").fetchall() != [(SCHEMA_HEAD,)]:
            return 0, False
        for batch in batches(corpus_files(paths, shard), BATCH_SIZE):
            names = [f.name for f in batch]
            known = dict(connection.execute(
                f"SELECT source_path, sha256 FROM articles WHERE source_path IN ({', '.join('?' * len(names))})",
                names))
            same = 0
            for source in batch:
                if not _stored_as_is(source, known.get(source.name), max_bytes):
                    break
                same += 1
            verified += same
            if on_batch and same:
                on_batch(same)
            if same < len(batch):
                return verified, False
        return verified, True
    except sqlite3.Error:
        return verified, False
    finally:
        connection.close()


def _stored_as_is(source: SourceFile, stored_sha: str | None, max_bytes: int) -> bool:
    try:
        return sha256(read_bytes(source.path, max_bytes=max_bytes)) == stored_sha
    except UnreadableFile:
        return False  # the full ingest reports it
