"""The extraction pipeline: work spread over worker processes and the ingest process itself."""
from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from corpus_db.db import Database
from corpus_db.ingest import ingest
from corpus_db.workers import Extractors

from .test_robustness import make_corpus, snapshot


def _slow_first(item: int) -> tuple[int, int]:
    """The item and the process that handled it; item 0 holds its worker up."""
    if item == 0:
        time.sleep(1.0)
    return item, os.getpid()


def test_the_ingest_process_takes_back_work_no_worker_has_started() -> None:
    with Extractors(jobs=2) as extractors:  # one worker process, and this one
        chunks = extractors.submit(_slow_first, list(range(200)))
        later = extractors.submit(_slow_first, list(range(200, 400)))
        results = extractors.collect(chunks, [later])
        rest = extractors.collect(later)
    items = [item for item, _ in results + rest]
    assert items == list(range(400)), "results come back in submission order"
    by_us = {item for item, pid in results + rest if pid == os.getpid()}
    # While the worker sleeps on item 0, this process extracts what is still queued.
    assert by_us, "the ingest process waited instead of extracting"
    assert 0 not in by_us


def test_one_job_extracts_in_this_process_only() -> None:
    with Extractors(jobs=1) as extractors:
        assert extractors.pool is None
        results = extractors.collect(extractors.submit(_slow_first, list(range(1, 100))))
    assert {pid for _, pid in results} == {os.getpid()}
    assert [item for item, _ in results] == list(range(1, 100))


@pytest.fixture(scope="module")
def corpus_400(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_corpus(tmp_path_factory.mktemp("c400") / "news", 400, seed=11)


@pytest.fixture(scope="module")
def one_process(corpus_400: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("one") / "one.db"
    with Database(path) as db:
        db.upgrade()
        ingest(db, [corpus_400], jobs=1)
    return path


@pytest.mark.parametrize("start_at", [None, "0003"])
def test_upgrading_while_the_workers_extract_gives_the_one_process_database(
        corpus_400: Path, one_process: Path, tmp_path: Path, start_at: str | None) -> None:
    import gc

    path = tmp_path / "overlap.db"
    frozen = gc.get_freeze_count()
    with Database(path) as db:
        if start_at:
            db.upgrade(start_at)
        report = ingest(db, [corpus_400], jobs=2, upgrade=True)
        assert db.is_current()
    assert report.added == 400
    # The collector is back as the caller had it: on, and nothing of theirs left frozen.
    assert gc.isenabled() and gc.get_freeze_count() == frozen
    # Same rows, same ids: which process extracted a file never shows in the result.
    assert snapshot(path) == snapshot(one_process)


def test_a_worker_skips_a_file_it_cannot_read_as_one_process_does(corpus_400: Path, tmp_path: Path) -> None:
    """A new file is read by the worker that extracts it: its failures are reported the same."""
    news = tmp_path / "news"
    shutil.copytree(corpus_400, news)
    (news / "empty.txt").write_bytes(b"")
    (news / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (news / "huge.txt").write_text("Hà Nội " * 4_000, encoding="utf-8")  # 40 KB, over the limit below
    (news / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    reports, snapshots = [], []
    for jobs in (1, 2):
        path = tmp_path / f"jobs{jobs}.db"
        with Database(path) as db:
            reports.append(ingest(db, [news], jobs=jobs, upgrade=True, max_bytes=20_000))
        snapshots.append(snapshot(path))
    one, two = reports
    assert sorted(one.skipped, key=repr) == sorted(two.skipped, key=repr)
    assert {o.name.rsplit("/", 1)[-1] for o in two.skipped} == {"empty.txt", "binary.txt", "huge.txt", "gone.txt"}
    assert all(o.reason for o in two.skipped)
    assert (one.added, two.added) == (400, 400)
    assert snapshots[0] == snapshots[1]


def test_clearing_the_extractors_caches_forgets_what_they_saw_and_changes_no_result(seeds_dir: Path) -> None:
    from corpus_db.extract import clear_caches, extract
    from corpus_db.extract import persons, structure

    text = next(p for p in sorted(seeds_dir.iterdir()) if p.is_file()).read_text(encoding="utf-8")
    first = extract(text)
    caches = [structure._line_facts, persons._group_names]
    assert all(cache.cache_info().currsize for cache in caches)
    clear_caches()
    assert [cache.cache_info().currsize for cache in caches] == [0, 0]
    assert extract(text) == first


def _collector_on(_item: int) -> bool:
    import gc

    return gc.isenabled()


@pytest.mark.parametrize("enabled", [True, False])
def test_the_collector_is_off_while_extracting_and_as_it_was_afterwards(enabled: bool) -> None:
    import gc

    was = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        with Extractors(jobs=2) as extractors:
            results = extractors.collect(extractors.submit(_collector_on, list(range(100))))
            assert not gc.isenabled()
        assert not any(results), "a worker or this process collected automatically"
        assert gc.isenabled() is enabled, "the caller's setting is not restored"
    finally:
        (gc.enable if was else gc.disable)()
