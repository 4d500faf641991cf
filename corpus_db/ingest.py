"""Ingest: read article files, extract, and store them, batch by batch.

Files are read, hashed and extracted outside any database transaction (spread
over ``jobs`` processes, this one included); one writer then stores each batch in one
transaction, so an interrupted run leaves only whole articles. Unchanged files
(same path, same SHA-256) are recognised before extraction and left alone; a
changed file has its extracted facts replaced. Every run is recorded in
``ingest_runs``, with the files it added, updated or skipped in ``ingest_files``.

Several ingests may write to one database at once: SQLite writers queue on
the write lock; entities are upserted on natural keys; a batch that meets a
conflict (another writer stored the same article or entity first, a deadlock,
a serialization failure) is retried from scratch.
"""
from __future__ import annotations

import gc
import os
import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timezone
from functools import cache
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import bindparam, insert, select, text, update
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError

from .db import SCHEMA_HEAD, Database
from .extract import clear_caches, extract
from .extract.types import Extraction
from .outcomes import FileOutcome, IngestReport
from .reader import DEFAULT_MAX_BYTES, Shard, SourceFile, batches, corpus_files
from .workers import RELEASE_EVERY, Chunk, Extractors, Prepared, Task, check, prepare

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from .store import Resolver

# The writing side (corpus_db.store, the ORM models) is imported by the first batch that has
# something to write: a re-ingest of an unchanged corpus never loads it, and starts faster.

BATCH_SIZE = 200
PIPELINE_DEPTH = 3  # batches the workers may extract ahead of the writer (memory: a few MB each)
MAX_ATTEMPTS = 8
RETRYABLE_SQLSTATES = {"40001", "40P01", "23505", "23503"}  # serialization, deadlock, unique, foreign key


@dataclass
class _Batch:
    checked: list[Prepared | Task]  # in file order: what needs no extraction, and the tasks
    chunks: list[Chunk[Task, Prepared]]

    def outcomes(self, later: Iterable[_Batch]) -> list[Prepared]:
        """Every file's outcome, in order, taking the workers' results where a task was sent."""
        prepared = iter(Extractors.collect(self.chunks, [b.chunks for b in later]))
        return [next(prepared) if isinstance(item, Task) else item for item in self.checked]


def ingest(
    db: Database,
    paths: Iterable[str | os.PathLike[str]],
    *,
    jobs: int = 1,
    batch_size: int = BATCH_SIZE,
    max_bytes: int = DEFAULT_MAX_BYTES,
    shard: Shard | None = None,
    on_file: Callable[[FileOutcome], None] | None = None,
    upgrade: bool = False,
    verified: int = 0,
) -> IngestReport:
    """Ingest every article file under ``paths`` into ``db``.

    ``db`` must be at the newest schema, or ``upgrade`` says to bring it there first: that
    is done while the workers extract the first files (creating a database takes half a
    second). ``jobs`` processes extract, this one included (0: one per core); ``shard`` takes
    only this worker's share of the files. ``on_file`` is called once per file, but for the
    first ``verified`` ones, found unchanged already in this run (by
    :func:`corpus_db.unchanged.count_unchanged`): those are counted, not read again.
    Raises FileNotFoundError for a path that does not exist, before anything is written.
    """
    paths = [Path(p) for p in paths]
    for path in paths:
        if not path.exists() and not path.is_symlink():
            raise FileNotFoundError(f"no such file or folder: {path}")
    files = islice(corpus_files(paths, shard), verified, None)
    jobs = jobs or os.cpu_count() or 1
    run = _Run(db, paths, IngestReport(unchanged=verified), on_file)
    # Reaching the database (and failing here if it cannot be reached) comes first; a
    # database with no schema yet knows no file.
    revision = db.current_revision() if upgrade else SCHEMA_HEAD
    upgrade, empty = revision != SCHEMA_HEAD, revision is None
    with Extractors(jobs) as extractors:
        try:
            # Batches under way and not yet written. The writer works on the oldest while the
            # workers extract the ones after it, so neither waits for the other.
            pending: deque[_Batch] = deque()
            for batch in batches(files, batch_size):
                known = {} if empty else _known_hashes(db, batch)
                checked = [check(f, known.get(f.name), max_bytes) for f in batch]
                pending.append(_Batch(checked, extractors.submit(
                    prepare, [c for c in checked if isinstance(c, Task)])))
                if len(pending) > PIPELINE_DEPTH:
                    if upgrade:  # before the first write, with the first batches under way
                        _upgrade(db, extractors)
                        upgrade = empty = False
                    _write_batch(run, pending.popleft().outcomes(later=pending))
                    if run.report.total % RELEASE_EVERY < batch_size:  # once in RELEASE_EVERY files
                        _release_memory()
            if upgrade:
                _upgrade(db, extractors)
            while pending:
                _write_batch(run, pending.popleft().outcomes(later=pending))
            if run.report.updated:  # replaced facts may leave entities no article refers to; added ones never do
                from .store import prune_orphans

                with db.writer() as session:
                    prune_orphans(session)
        except BaseException:
            _finish_run(db, run.report, "failed")
            raise
    _finish_run(db, run.report, "completed")
    return run.report


def _upgrade(db: Database, extractors: Extractors) -> None:
    """Migrate ``db`` during an ingest."""
    db.upgrade()
    # What the migration leaves alive (Alembic's modules and caches) lives for the run too: out
    # of the collections _release_memory makes, which it made three times slower.
    extractors.freeze_survivors()


def _release_memory() -> None:
    """Keep the ingest process's memory flat over a long run.

    It extracts only now and then, so its extractors' caches filled over tens of thousands of
    articles, and the long-lived entries, made among short-lived objects, kept memory the
    allocator could not give back (+15% from 5,000 to 50,000 articles). So the caches start
    again, the cycle collector (off during the run) takes what cycles there are, and glibc is
    asked to return its free pages (elsewhere, only the caches).
    """
    clear_caches()
    gc.collect()
    if trim := _malloc_trim():
        trim(0)


@cache
def _malloc_trim() -> Callable[[int], int] | None:
    try:
        import ctypes

        return ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):  # not glibc
        return None


@dataclass
class _Run:
    """What one ingest carries from batch to batch."""

    db: Database
    paths: list[Path]
    report: IngestReport
    on_file: Callable[[FileOutcome], None] | None
    resolver: Resolver | None = None  # made with the first write


# The stored articles among some file names: their ids and hashes.
_STORED = text("SELECT source_path, id, sha256 FROM articles WHERE source_path IN :names").bindparams(
    bindparam("names", expanding=True))


def _known_hashes(db: Database, batch: list[SourceFile]) -> dict[str, str]:
    with db.engine.connect() as connection:
        return {row.source_path: row.sha256
                for row in connection.execute(_STORED, {"names": [f.name for f in batch]}).all()}


def _start_run(session: Session, paths: list[Path]) -> int:
    from . import models as m
    from .store import EXTRACTOR_VERSION

    runs = m.IngestRun.__table__
    return session.connection().scalar(insert(runs).returning(runs.c.id).values(
        status="running", paths="\n".join(str(p) for p in paths), extractor_version=EXTRACTOR_VERSION))


def _finish_run(db: Database, report: IngestReport, status: str) -> None:
    if report.run_id is None:
        return
    from . import models as m

    try:
        with db.writer() as session:
            runs = m.IngestRun.__table__
            session.connection().execute(update(runs).where(runs.c.id == report.run_id).values(
                status=status, finished_at=datetime.now(timezone.utc), added=report.added,
                updated=report.updated, unchanged=report.unchanged, skipped=len(report.skipped)))
    except (OperationalError, DBAPIError):
        if status == "completed":
            raise
        # Recording a failure must not hide the error that caused it.


def _retryable(exc: DBAPIError) -> bool:
    if isinstance(exc, IntegrityError):
        return True
    sqlstate = getattr(exc.orig, "sqlstate", None)
    if sqlstate:
        return sqlstate in RETRYABLE_SQLSTATES
    message = str(exc.orig).lower()
    return isinstance(exc, OperationalError) and ("locked" in message or "busy" in message)


def _write_batch(run: _Run, prepared: list[Prepared]) -> None:
    """Store one batch in one transaction, retrying it whole on a conflict with another writer."""
    if all(p.extraction is None and p.skip_reason is None for p in prepared):
        outcomes = [FileOutcome(p.name, "unchanged") for p in prepared]  # nothing to write, no lock to take
    else:
        if run.resolver is None:
            from .store import Resolver

            run.resolver = Resolver()
        outcomes, run.report.run_id = _store_retrying(run.db, run.report.run_id, run.paths, prepared,
                                                      run.resolver)
    for outcome in outcomes:
        run.report.count(outcome)
        if run.on_file:
            run.on_file(outcome)


def _store_retrying(db: Database, run_id: int | None, paths: list[Path], prepared: list[Prepared],
                    resolver: Resolver) -> tuple[list[FileOutcome], int | None]:
    for attempt in range(MAX_ATTEMPTS):
        try:
            return _store(db, run_id, paths, prepared, resolver)
        except DBAPIError as exc:
            resolver.clear()  # ids learnt in the rolled-back transaction may not exist
            if attempt == MAX_ATTEMPTS - 1 or not _retryable(exc):
                raise
            time.sleep(min(2.0, 0.05 * 2 ** attempt))
    raise AssertionError("unreachable: the last attempt returns or raises")


def _store(db: Database, run_id: int | None, paths: list[Path], prepared: list[Prepared],
           resolver: Resolver) -> tuple[list[FileOutcome], int | None]:
    """Write one batch; the run is recorded with the first batch that changes or skips a file,
    so a run that finds everything unchanged leaves the database exactly as it was."""
    from . import models as m
    from .store import ArticleInput, insert_rows, save_articles

    outcomes: list[FileOutcome] = []
    items: list[ArticleInput] = []
    with db.writer() as session:
        extracted = [p.name for p in prepared if p.extraction is not None]
        current = {row.source_path: row for row in session.connection().execute(
            _STORED, {"names": extracted})} if extracted else {}
        for p in prepared:
            row = current.get(p.name)
            if p.skip_reason:
                outcomes.append(FileOutcome(p.name, "skipped", p.skip_reason))
            elif p.extraction is None or (row is not None and row.sha256 == p.sha):
                outcomes.append(FileOutcome(p.name, "unchanged"))  # or another writer stored it meanwhile
            else:
                items.append(ArticleInput(p.name, p.sha, p.raw_text, p.extraction,
                                          row.id if row is not None else None))
                outcomes.append(FileOutcome(p.name, "updated" if row is not None else "added"))
        save_articles(session, items, resolver)
        logged = [{"source_path": o.name, "status": o.status, "reason": o.reason}
                  for o in outcomes if o.status != "unchanged"]
        if logged:
            if run_id is None:
                run_id = _start_run(session, paths)
            insert_rows(session.connection(), m.IngestFile.__table__,
                        [{**row, "run_id": run_id} for row in logged])
    return outcomes, run_id


def _extract_stored(item: tuple[int, str, str, str]) -> tuple[int, str, str, str, Extraction]:
    article_id, source_path, sha, raw_text = item
    return article_id, source_path, sha, raw_text, extract(raw_text)


def reextract(db: Database, *, jobs: int = 1, batch_size: int = BATCH_SIZE) -> int:
    """Rebuild every article's extracted facts from its stored raw text; returns the count."""
    from .store import ARTICLES, ArticleInput, Resolver, prune_orphans, save_articles

    jobs = jobs or os.cpu_count() or 1
    resolver = Resolver()
    done, last_id = 0, 0
    with Extractors(jobs) as extractors:
        while True:
            with db.session() as session:
                rows = session.connection().execute(
                    select(ARTICLES.c.id, ARTICLES.c.source_path, ARTICLES.c.sha256, ARTICLES.c.raw_text)
                    .where(ARTICLES.c.id > last_id).order_by(ARTICLES.c.id).limit(batch_size)).all()
            if not rows:
                break
            last_id = rows[-1][0]
            results = extractors.collect(extractors.submit(_extract_stored, [tuple(r) for r in rows]))
            items = [ArticleInput(path, sha, raw, extraction, article_id)
                     for article_id, path, sha, raw, extraction in results]
            for attempt in range(MAX_ATTEMPTS):
                try:
                    with db.writer() as session:
                        save_articles(session, items, resolver)
                    break
                except DBAPIError as exc:
                    resolver.clear()
                    if attempt == MAX_ATTEMPTS - 1 or not _retryable(exc):
                        raise
                    time.sleep(min(2.0, 0.05 * 2 ** attempt))
            done += len(items)
            if done % RELEASE_EVERY < batch_size:
                _release_memory()
    with db.writer() as session:
        prune_orphans(session)
    return done
