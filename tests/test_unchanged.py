"""Re-ingest of unchanged files into SQLite: recognised without the database layer, and the
full ingest takes over, where it must, without reading again what was verified."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from corpus_db.config import database_url, display_url, sqlite_display, sqlite_path
from corpus_db.db import Database
from corpus_db.ingest import ingest
from corpus_db.reader import Shard, corpus_files
from corpus_db.unchanged import count_unchanged

from .conftest import invoke


@pytest.fixture
def corpus(tmp_path: Path, seeds_dir: Path) -> Path:
    folder = tmp_path / "news"
    shutil.copytree(seeds_dir, folder)
    return folder


@pytest.fixture
def stored(corpus: Path, tmp_path: Path) -> Path:
    path = tmp_path / "corpus.db"
    with Database(path) as db:
        db.upgrade()
        ingest(db, [corpus])
    return path


def names(corpus: Path) -> list[Path]:
    return [Path(f.path) for f in corpus_files([corpus])]


def test_an_unchanged_corpus_is_recognised_whole(corpus: Path, stored: Path) -> None:
    seen: list[int] = []
    assert count_unchanged(str(stored), [corpus], on_batch=seen.append) == (len(names(corpus)), True)
    assert sum(seen) == len(names(corpus))


def test_the_check_stops_at_the_first_file_that_is_not_stored_as_is(corpus: Path, stored: Path) -> None:
    files = names(corpus)
    files[2].write_text(files[2].read_text(encoding="utf-8") + "\nMột dòng mới.", encoding="utf-8")
    assert count_unchanged(str(stored), [corpus]) == (2, False)
    files[1].write_bytes(b"")  # unreadable: the full ingest reports it
    assert count_unchanged(str(stored), [corpus]) == (1, False)


def test_a_new_file_after_the_stored_ones(corpus: Path, stored: Path) -> None:
    (corpus / "zz-new.txt").write_text("Hà Nội, ngày 5/9/2023\nBài mới\nNội dung bài mới.", encoding="utf-8")
    assert count_unchanged(str(stored), [corpus]) == (len(names(corpus)) - 1, False)


def test_no_database_or_an_old_schema_leaves_it_all_to_the_full_ingest(corpus: Path, stored: Path,
                                                                      tmp_path: Path) -> None:
    missing = tmp_path / "missing.db"
    assert count_unchanged(str(missing), [corpus]) == (0, False)
    assert not missing.exists(), "the check must not create a database"
    with Database(stored) as db:
        db.downgrade("0005")
    assert count_unchanged(str(stored), [corpus]) == (0, False)


def test_a_shard_checks_only_its_files(corpus: Path, stored: Path) -> None:
    shard = Shard.parse("1/2")
    taken = [f for f in corpus_files([corpus]) if shard.takes(f.name)]
    assert count_unchanged(str(stored), [corpus], shard=shard) == (len(taken), True)


def test_the_command_goes_on_from_the_first_changed_file(runner, corpus: Path, stored: Path) -> None:
    files = names(corpus)
    files[3].write_text(files[3].read_text(encoding="utf-8") + "\nMột dòng mới.", encoding="utf-8")
    files[1].write_bytes(b"")
    result = invoke(runner, "ingest", str(corpus), "--db", str(stored), "--jobs", "1")
    assert f"{len(files)} files: 0 added, 1 updated, {len(files) - 2} unchanged, 1 skipped" in result.output
    assert f"skipped {corpus.name}/{files[1].name}" in result.output
    # and the database holds the new text
    with Database(stored) as db, db.engine.connect() as connection:
        raw = connection.exec_driver_sql("SELECT raw_text FROM articles WHERE source_path = ?",
                                         (f"{corpus.name}/{files[3].name}",)).scalar()
    assert raw.endswith("Một dòng mới.")


def test_the_command_upgrades_an_old_database_even_when_nothing_changed(runner, corpus: Path,
                                                                        stored: Path) -> None:
    with Database(stored) as db:
        db.downgrade("0005")
    result = invoke(runner, "ingest", str(corpus), "--db", str(stored))
    assert "0 added, 0 updated" in result.output
    with Database(stored) as db:
        assert db.is_current()


def test_an_unchanged_re_ingest_loads_no_database_layer(corpus: Path, stored: Path) -> None:
    code = ("import sys; from corpus_db.cli import main\n"
            "try:\n    main(['ingest', sys.argv[1], '--db', sys.argv[2], '--quiet'])\n"
            "except SystemExit as exc:\n    assert not exc.code, exc.code\n"
            "print('loaded' if 'sqlalchemy' in sys.modules else 'not loaded')")
    result = subprocess.run([sys.executable, "-c", code, str(corpus), str(stored)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert f"{len(names(corpus))} unchanged" in result.stdout
    assert result.stdout.strip().endswith("not loaded")


@pytest.mark.parametrize("path", ["corpus.db", "/tmp/a b/c%d@e+f.db", "d/é:x?.db", "/srv/q#1.db"])
def test_the_summary_names_the_database_as_the_full_ingest_does(path: str) -> None:
    assert sqlite_display(path) == display_url(database_url(path))


@pytest.mark.parametrize("target", ["corpus.db", "~/x.db", "sqlite:////tmp/a%20b/c%25d%40e.db", "sqlite:///x.db",
                                    "sqlite:///d/%C3%A9.db", "sqlite:///~/x.db"])
def test_the_check_finds_the_file_the_database_layer_opens(target: str) -> None:
    assert sqlite_path(target) == database_url(target).database


@pytest.mark.parametrize("target", ["postgresql+psycopg://localhost/news", "sqlite:///x.db?mode=ro", "sqlite://"])
def test_other_urls_go_to_the_database_layer(target: str) -> None:
    assert sqlite_path(target) is None
