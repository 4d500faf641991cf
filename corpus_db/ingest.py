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
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from datetime import datetime, timezone
from functools import cache
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Generic, TypeVar

from sqlalchemy import bindparam, insert, select, text, update
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError

from .db import SCHEMA_HEAD, Database
from .extract import clear_caches, extract, load_rules
from .extract.types import Extraction
from .outcomes import FileOutcome, IngestReport
from .reader import (DEFAULT_MAX_BYTES, Shard, SourceFile, UnreadableFile, batches, corpus_files, decode, read_bytes,
                     sha256)

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from .store import Resolver

# The writing side (corpus_db.store, the ORM models) is imported by the first batch that has
# something to write: a re-ingest of an unchanged corpus never loads it, and starts faster.

BATCH_SIZE = 200
CHUNK_SIZE = 25  # files per piece of work handed to a worker process (or taken back from one)
PIPELINE_DEPTH = 3  # batches the workers may extract ahead of the writer (memory: a few MB each)
SWITCH_INTERVAL = 0.0005  # seconds a thread may hold the interpreter lock while another waits (default 0.005)
RESULT_PIPE_BYTES = 1 << 20  # Linux's default limit for an unprivileged process
RELEASE_EVERY = 1_000  # files written between two releases of memory (see _release_memory)
COLLECT_EVERY_CHUNKS = RELEASE_EVERY // CHUNK_SIZE  # in a worker, chunks between two collections
PARALLEL_THRESHOLD = 64  # fewer files than this are not worth starting worker processes
MAX_ATTEMPTS = 8
RETRYABLE_SQLSTATES = {"40001", "40P01", "23505", "23503"}  # serialization, deadlock, unique, foreign key


@dataclass(frozen=True)
class _Task:
    name: str
    data: bytes
    sha: str


@dataclass(frozen=True)
class _Prepared:
    name: str
    sha: str | None = None
    raw_text: str | None = None
    extraction: Extraction | None = None
    skip_reason: str | None = None


def _check(source: SourceFile, known_sha: str | None, max_bytes: int) -> _Prepared | _Task:
    """Read and hash one file (in the main process: cheap); what is left is a task for the workers."""
    try:
        data = read_bytes(source.path, max_bytes=max_bytes)
    except UnreadableFile as exc:
        return _Prepared(source.name, skip_reason=str(exc))
    digest = sha256(data)
    if digest == known_sha:
        return _Prepared(source.name, sha=digest)  # unchanged: recognised by hash, never extracted
    return _Task(source.name, data, digest)


def _prepare(task: _Task) -> _Prepared:
    """Decode and extract one file (runs in worker processes)."""
    try:
        text = decode(task.data)
    except UnreadableFile as exc:
        return _Prepared(task.name, skip_reason=str(exc))
    try:
        extraction = extract(text)
    except Exception as exc:  # noqa: BLE001 - one bad article must not stop a corpus-wide run
        return _Prepared(task.name, sha=task.sha, skip_reason=f"extraction failed: {type(exc).__name__}: {exc}")
    if extraction.text == text:
        text = extraction.text  # the same string twice is sent once
    return _Prepared(task.name, sha=task.sha, raw_text=text, extraction=extraction)


_worker_chunks: int | None = None  # chunks this worker process has run; None in the ingest process


def _start_worker(parent: int) -> None:
    """Worker initializer: no automatic collection (see _Extractors), and an end with the parent.

    A parent killed outright (SIGKILL, the OOM killer) runs no cleanup, and its idle
    workers would otherwise wait on their task queue for ever.
    """
    global _worker_chunks
    gc.disable()
    _worker_chunks = 0

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


T = TypeVar("T")
R = TypeVar("R")


def _run_chunk(fn: Callable[[T], R], items: list[T]) -> list[R]:
    global _worker_chunks
    if _worker_chunks is not None:
        _worker_chunks += 1
        if _worker_chunks % COLLECT_EVERY_CHUNKS == 0:
            gc.collect()  # a worker's own collection, now and then (the ingest process: _release_memory)
    return [fn(item) for item in items]


@dataclass
class _Chunk(Generic[T, R]):
    """A few items to extract: sent to a worker process, or extracted here."""

    fn: Callable[[T], R]
    items: list[T]
    future: Future[list[R]] | None = None
    results: list[R] | None = None

    @property
    def done(self) -> bool:
        return self.results is not None or (self.future is not None and self.future.done())

    def take_back(self) -> bool:
        """Extract it here if no worker has started it; False if one has (or it is done)."""
        if self.results is None and self.future is not None and self.future.cancel():
            self.results = _run_chunk(self.fn, self.items)
            return True
        return False

    def collect(self) -> list[R]:
        if self.results is None:
            self.results = self.future.result() if self.future else _run_chunk(self.fn, self.items)
        return self.results


class _Extractors:
    """Extraction spread over ``jobs`` processes, this one included.

    ``jobs - 1`` worker processes take chunks in order. When the writer (this process)
    needs a result that is not ready, it takes back chunks no worker has started and
    extracts them itself instead of waiting. So N processes on N cores extract and write,
    and none of them idles: a pool of N workers beside a busy writer puts N + 1 busy
    processes on N cores, and time-slicing them cost a quarter more CPU on 2 cores.
    """

    def __init__(self, jobs: int) -> None:
        self.pool = (ProcessPoolExecutor(jobs - 1, initializer=_start_worker, initargs=(os.getpid(),))
                     if jobs > 1 else None)
        self.started = False
        self.collecting = gc.isenabled()  # the caller's setting, restored at the end
        self.switch_interval = sys.getswitchinterval()
        if self.pool:
            _widen_result_pipe(self.pool)

    def __enter__(self) -> _Extractors:
        if self.pool:
            # The threads that pass work and results to the workers need the interpreter lock
            # the writer holds; every wait for it holds up a worker. (Restored at the end.)
            sys.setswitchinterval(SWITCH_INTERVAL)
        return self

    def __exit__(self, *exc: object) -> None:
        if self.pool:
            self.pool.shutdown(cancel_futures=True)
            sys.setswitchinterval(self.switch_interval)
        if self.started:
            gc.unfreeze()  # a library caller's objects are collectable again
            if self.collecting:
                gc.enable()

    def freeze_survivors(self) -> None:
        """Once the run has started, collect, and tell the collector that what is left lives for
        the run (like the rules, frozen at the start; all are collectable again at the end)."""
        if self.started:
            gc.collect()
            gc.freeze()

    def submit(self, fn: Callable[[T], R], items: list[T]) -> list[_Chunk[T, R]]:
        """Chunks of ``items`` under way to the workers (left here if too few to be worth it)."""
        if not self.started and items:
            # The rules are compiled before the workers fork, so that they share them. Then the
            # collector is told that everything made so far lives for the run: it no longer
            # walks the rule tables at each full collection (8% of extraction's instructions).
            load_rules()
            gc.freeze()
            # Nor does it collect by itself during the run: the results unpickled here and in
            # the workers are many small objects, and the collections they set off cost 15% of
            # the run's time, for nothing: extraction and the writer leave no cycles behind
            # that _release_memory (and the workers, every COLLECT_EVERY_CHUNKS) does not take.
            gc.disable()
            self.started = True
        if self.pool is None or len(items) < PARALLEL_THRESHOLD:
            return [_Chunk(fn, items)]
        return [_Chunk(fn, part, self.pool.submit(_run_chunk, fn, part))
                for part in (items[i:i + CHUNK_SIZE] for i in range(0, len(items), CHUNK_SIZE))]

    @staticmethod
    def collect(chunks: list[_Chunk[T, R]], later: Iterable[list[_Chunk]] = ()) -> list[R]:
        """The results of ``chunks``, in order. While workers are still on them, this process
        takes back unstarted chunks: the last of ``chunks`` first, then the last of ``later``
        (the work the workers would reach last)."""
        spare = [*reversed(chunks), *(chunk for group in reversed(list(later)) for chunk in reversed(group))]
        while not all(chunk.done for chunk in chunks):
            if not any(chunk.take_back() for chunk in spare):
                break  # all started: wait for the workers
        return [result for chunk in chunks for result in chunk.collect()]


def _widen_result_pipe(pool: ProcessPoolExecutor) -> None:
    """Let a worker hand over a chunk's results (a few hundred KB) without waiting.

    A pipe holds 64 KB on Linux: a worker blocked on a full pipe until the ingest process,
    busy writing, had read the rest (the workers waited a tenth of the time on two cores,
    half of it here). Linux only, and through the executor's private queue: where either
    is missing, nothing changes.
    """
    try:
        import fcntl

        reader = pool._result_queue._reader  # type: ignore[attr-defined]
        fcntl.fcntl(reader.fileno(), fcntl.F_SETPIPE_SZ, RESULT_PIPE_BYTES)
    except (ImportError, AttributeError, OSError):
        pass


@dataclass
class _Batch:
    checked: list[_Prepared | _Task]  # in file order: what needs no extraction, and the tasks
    chunks: list[_Chunk[_Task, _Prepared]]

    def outcomes(self, later: Iterable[_Batch]) -> list[_Prepared]:
        """Every file's outcome, in order, taking the workers' results where a task was sent."""
        prepared = iter(_Extractors.collect(self.chunks, [b.chunks for b in later]))
        return [next(prepared) if isinstance(item, _Task) else item for item in self.checked]


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
    changed = False
    # Reaching the database (and failing here if it cannot be reached) comes first; a
    # database with no schema yet knows no file.
    revision = db.current_revision() if upgrade else SCHEMA_HEAD
    upgrade, empty = revision != SCHEMA_HEAD, revision is None
    with _Extractors(jobs) as extractors:
        try:
            # Batches under way and not yet written. The writer works on the oldest while the
            # workers extract the ones after it, so neither waits for the other.
            pending: deque[_Batch] = deque()
            for batch in batches(files, batch_size):
                known = {} if empty else _known_hashes(db, batch)
                checked = [_check(f, known.get(f.name), max_bytes) for f in batch]
                pending.append(_Batch(checked, extractors.submit(
                    _prepare, [c for c in checked if isinstance(c, _Task)])))
                if len(pending) > PIPELINE_DEPTH:
                    if upgrade:  # before the first write, with the first batches under way
                        _upgrade(db, extractors)
                        upgrade = empty = False
                    changed |= _write_batch(run, pending.popleft().outcomes(later=pending))
                    if run.report.total % RELEASE_EVERY < batch_size:  # once in RELEASE_EVERY files
                        _release_memory()
            if upgrade:
                _upgrade(db, extractors)
            while pending:
                changed |= _write_batch(run, pending.popleft().outcomes(later=pending))
            if changed:
                from .store import prune_orphans

                with db.writer() as session:
                    prune_orphans(session)
        except BaseException:
            _finish_run(db, run.report, "failed")
            raise
    _finish_run(db, run.report, "completed")
    return run.report


def _upgrade(db: Database, extractors: _Extractors) -> None:
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


def _write_batch(run: _Run, prepared: list[_Prepared]) -> bool:
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
    return any(o.status in ("added", "updated") for o in outcomes)


def _store_retrying(db: Database, run_id: int | None, paths: list[Path], prepared: list[_Prepared],
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


def _store(db: Database, run_id: int | None, paths: list[Path], prepared: list[_Prepared],
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
    with _Extractors(jobs) as extractors:
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
