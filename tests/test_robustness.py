"""Ingest survives a kill, concurrent runs and hostile files; the database stays whole."""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from corpus_db.cli import main

ROOT = Path(__file__).resolve().parents[1]
COMPARED = ["articles", "outlets", "persons", "person_mentions", "quotes", "quote_speakers", "directives",
            "directive_mentions", "events", "event_articles", "event_participants", "captions"]


def make_corpus(out: Path, count: int, seed: int = 7) -> Path:
    subprocess.run([sys.executable, str(ROOT / "bench" / "make_corpus.py"), str(out), "--count", str(count),
                    "--seed", str(seed)], check=True, capture_output=True)
    (out / "truth.jsonl").unlink(missing_ok=True)
    return out


@pytest.fixture(scope="module")
def corpus_2000(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_corpus(tmp_path_factory.mktemp("c2000") / "news", 2000)


def ingest_cmd(corpus: Path, db: str, *extra: str) -> list[str]:
    return [sys.executable, "-m", "corpus_db", "ingest", str(corpus), "--db", db, "--quiet", *extra]


def snapshot(db: Path) -> dict[str, list[tuple]]:
    """Every row of every entity table, without the ingest timestamps."""
    with sqlite3.connect(db) as connection:
        out = {}
        for table in COMPARED:
            columns = [r[1] for r in connection.execute(f"PRAGMA table_info({table})") if r[1] != "ingested_at"]
            out[table] = sorted(connection.execute(f"SELECT {', '.join(map(quote, columns))} FROM {table}"),
                                key=repr)
        return out


def quote(name: str) -> str:
    return f'"{name}"'


@pytest.fixture(scope="module")
def clean_run(corpus_2000: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("clean") / "clean.db"
    subprocess.run(ingest_cmd(corpus_2000, str(db)), check=True, capture_output=True)
    return db


def test_killed_ingest_leaves_whole_articles_and_resumes_to_a_clean_result(
        corpus_2000: Path, clean_run: Path, tmp_path: Path) -> None:
    db = tmp_path / "killed.db"
    process = subprocess.Popen(ingest_cmd(corpus_2000, str(db), "--jobs", "2"),
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    stored = 0
    while time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.2)
        try:
            with sqlite3.connect(db, timeout=1) as connection:
                stored = connection.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        except sqlite3.OperationalError:
            continue
        if stored >= 400:
            break
    assert process.poll() is None, "ingest finished before it could be killed: use a larger corpus"
    workers = _children(process.pid)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    # Its extraction workers end too, rather than wait for work for ever.
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and any(_alive(pid) for pid in workers):
        time.sleep(0.2)
    assert not [pid for pid in workers if _alive(pid)], "worker processes outlived the killed ingest"

    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        partial = connection.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    assert 0 < partial < 2000
    # Every stored article holds exactly the facts a clean run gives it: no half-written article.
    for table in ("person_mentions", "quotes", "directive_mentions", "captions"):
        per_article = _count_by_article(clean_run, table)
        for article, count in _count_by_article(db, table).items():
            assert per_article[article] == count, (table, article)

    result = subprocess.run(ingest_cmd(corpus_2000, str(db)), capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert f"{2000 - partial} added" in result.stdout
    assert snapshot(db) == snapshot(clean_run)


def _children(pid: int) -> list[int]:
    """Child processes of ``pid`` (Linux; elsewhere none are known and none are checked)."""
    try:
        return [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def _alive(pid: int) -> bool:
    """Running, not merely a zombie waiting for whoever adopted it to reap it."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def _count_by_article(db: Path, table: str) -> dict:
    with sqlite3.connect(db) as connection:
        rows = connection.execute(
            f"SELECT a.source_path, COUNT(t.article_id) FROM articles a LEFT JOIN {table} t "
            f"ON t.article_id = a.id GROUP BY a.source_path").fetchall()
    return dict(rows)


def test_two_concurrent_runs_on_one_sqlite_file(corpus_2000: Path, clean_run: Path, tmp_path: Path) -> None:
    db = tmp_path / "both.db"
    runs = [subprocess.Popen(ingest_cmd(corpus_2000, str(db), "--jobs", "1"), stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True) for _ in range(2)]
    outputs = [run.communicate(timeout=600) for run in runs]
    for run, (out, err) in zip(runs, outputs):
        assert run.returncode == 0, err
        assert "locked" not in err
    counts = {t: len(rows) for t, rows in snapshot(db).items()}
    assert counts == {t: len(rows) for t, rows in snapshot(clean_run).items()}


def test_hostile_files_are_reported_and_the_run_goes_on(tmp_path: Path, seeds_dir: Path) -> None:
    corpus = tmp_path / "mixed"
    corpus.mkdir()
    original = (seeds_dir / "001_337f9824fff35007.txt").read_text(encoding="utf-8")
    (corpus / "good.txt").write_text(original, encoding="utf-8")
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "blank.txt").write_bytes(b"   \n\n  ")
    (corpus / "binary.txt").write_bytes(bytes(range(256)) * 50)
    encoded = original.encode("utf-8")
    cut = next(i for i in range(1000, len(encoded)) if encoded[i] >= 0xC0) + 1  # inside a multi-byte letter
    (corpus / "truncated.txt").write_bytes(encoded[:cut])
    (corpus / "huge.txt").write_bytes(b"a" * 2_000_000)
    (corpus / "broken-link.txt").symlink_to(tmp_path / "nowhere.txt")
    db = tmp_path / "m.db"
    runner = CliRunner()
    result = runner.invoke(main, ["ingest", str(corpus), "--db", str(db), "--max-size", "1000000"])
    assert result.exit_code == 0, result.output
    assert "1 added" in result.output and "6 skipped" in result.output
    for name, reason in [("empty.txt", "empty"), ("blank.txt", "empty"), ("binary.txt", "binary"),
                         ("truncated.txt", "truncated"), ("huge.txt", "too large"),
                         ("broken-link.txt", "broken link")]:
        assert f"mixed/{name}: " in result.output and reason in result.output.split(f"mixed/{name}: ")[1]
    with sqlite3.connect(db) as connection:
        skipped = dict(connection.execute("SELECT source_path, reason FROM v_skipped_files"))
    assert len(skipped) == 6 and "binary" in skipped["mixed/binary.txt"]
    strict = runner.invoke(main, ["ingest", str(corpus), "--db", str(db), "--strict", "--max-size", "1000000"])
    assert strict.exit_code == 1 and "skipped (--strict)" in strict.output
