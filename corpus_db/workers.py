"""The extracting side of an ingest: files read, decoded and extracted, spread over processes.

Nothing here loads the database layer (SQLAlchemy): the workers need none of it.
"""
from __future__ import annotations

import gc
import os
import sys
import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from typing import Generic, TypeVar

from .extract import extract, load_rules
from .extract.types import Extraction
from .reader import SourceFile, UnreadableFile, decode, read_bytes, sha256

CHUNK_SIZE = 25  # files per piece of work handed to a worker process (or taken back from one)
SWITCH_INTERVAL = 0.0005  # seconds a thread may hold the interpreter lock while another waits (default 0.005)
RESULT_PIPE_BYTES = 1 << 20  # Linux's default limit for an unprivileged process
RELEASE_EVERY = 1_000  # files written between two releases of memory (see ingest._release_memory)
COLLECT_EVERY_CHUNKS = RELEASE_EVERY // CHUNK_SIZE  # in a worker, chunks between two collections
PARALLEL_THRESHOLD = 64  # fewer files than this are not worth starting worker processes


@dataclass(frozen=True)
class Task:
    """A file to extract. One the database does not know yet is read (and hashed) by the worker
    that extracts it: ``data`` and ``sha`` come only with a changed file, read here to compare."""

    name: str
    path: str
    max_bytes: int
    data: bytes | None = None
    sha: str | None = None


@dataclass(frozen=True)
class Prepared:
    name: str
    sha: str | None = None
    raw_text: str | None = None
    extraction: Extraction | None = None
    skip_reason: str | None = None


def check(source: SourceFile, known_sha: str | None, max_bytes: int) -> Prepared | Task:
    """Read and hash a file the database knows (in the ingest process: cheap), to leave it alone if
    it is unchanged; what is left is a task for the workers.

    A file the database does not know is not read here: the worker that extracts it reads it,
    so that the ingest process, the busiest, neither reads it nor sends its bytes down a pipe.
    """
    if known_sha is None:
        return Task(source.name, source.path, max_bytes)
    try:
        data = read_bytes(source.path, max_bytes=max_bytes)
    except UnreadableFile as exc:
        return Prepared(source.name, skip_reason=str(exc))
    digest = sha256(data)
    if digest == known_sha:
        return Prepared(source.name, sha=digest)  # unchanged: recognised by hash, never extracted
    return Task(source.name, source.path, max_bytes, data, digest)


def prepare(task: Task) -> Prepared:
    """Read (if need be), decode and extract one file (runs in worker processes)."""
    data, digest = task.data, task.sha
    try:
        if data is None:
            data = read_bytes(task.path, max_bytes=task.max_bytes)
            digest = sha256(data)
        text = decode(data)
    except UnreadableFile as exc:
        return Prepared(task.name, skip_reason=str(exc))
    try:
        extraction = extract(text)
    except Exception as exc:  # noqa: BLE001 - one bad article must not stop a corpus-wide run
        return Prepared(task.name, sha=digest, skip_reason=f"extraction failed: {type(exc).__name__}: {exc}")
    if extraction.text == text:
        text = extraction.text  # the same string twice is sent once
    return Prepared(task.name, sha=digest, raw_text=text, extraction=extraction)


_worker_chunks: int | None = None  # chunks this worker process has run; None in the ingest process


def _start_worker(parent: int) -> None:
    """Worker initializer: no automatic collection (see Extractors), and an end with the parent.

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
class Chunk(Generic[T, R]):
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


class Extractors:
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

    def __enter__(self) -> Extractors:
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

    def submit(self, fn: Callable[[T], R], items: list[T]) -> list[Chunk[T, R]]:
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
            return [Chunk(fn, items)]
        return [Chunk(fn, part, self.pool.submit(_run_chunk, fn, part))
                for part in (items[i:i + CHUNK_SIZE] for i in range(0, len(items), CHUNK_SIZE))]

    @staticmethod
    def collect(chunks: list[Chunk[T, R]], later: Iterable[list[Chunk]] = ()) -> list[R]:
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
