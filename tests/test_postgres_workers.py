"""Several ingest workers against one PostgreSQL database give the database one worker gives."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from .test_robustness import COMPARED, make_corpus


@pytest.fixture(scope="module")
def split_corpus(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """2,000 generated articles in three folders: A and C are halves' own, B is the overlap."""
    corpus = make_corpus(tmp_path_factory.mktemp("pgc") / "all", 2000)
    files = sorted(corpus.glob("*.txt"))
    parts = []
    for name, chunk in (("A", files[:700]), ("B", files[700:1300]), ("C", files[1300:])):
        folder = corpus.parent / name
        folder.mkdir()
        for path in chunk:
            path.rename(folder / path.name)
        parts.append(folder)
    return parts


def counts(url: str) -> dict[str, int]:
    engine = create_engine(url)
    with engine.connect() as connection:
        result = {t: connection.execute(text(f"SELECT COUNT(*) FROM {t}")).scalar() for t in COMPARED}
    engine.dispose()
    return result


def run_workers(url: str, inputs: list[list[Path]]) -> None:
    processes = [subprocess.Popen([sys.executable, "-m", "corpus_db", "ingest", *map(str, paths), "--db", url,
                                   "--quiet", "--jobs", "1"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                  text=True) for paths in inputs]
    for process in processes:
        out, err = process.communicate(timeout=900)
        assert process.returncode == 0, err


def test_four_workers_on_overlapping_halves_equal_one_worker(split_corpus: list[Path], pg_url: str,
                                                             tmp_path: Path) -> None:
    a, b, c = split_corpus
    # One worker, on a SQLite file, as the reference; then the same corpus on PostgreSQL by one worker.
    reference = f"sqlite:///{tmp_path / 'one.db'}"
    run_workers(reference, [[a, b, c]])
    expected = counts(reference)
    assert expected["articles"] == 2000
    run_workers(pg_url, [[a, b], [b, c], [a, b], [b, c]])
    assert counts(pg_url) == expected


def test_shards_split_the_input_between_workers(split_corpus: list[Path], tmp_path: Path) -> None:
    a, b, c = split_corpus
    db = f"sqlite:///{tmp_path / 'shards.db'}"
    outputs = []
    for k in (1, 2, 3):
        result = subprocess.run([sys.executable, "-m", "corpus_db", "ingest", str(a), str(b), str(c), "--db", db,
                                 "--shard", f"{k}/3", "--quiet", "--jobs", "1"],
                                capture_output=True, text=True, check=True)
        outputs.append(int(result.stdout.split(" files")[0]))
    assert sum(outputs) == 2000 and all(400 < n < 900 for n in outputs)
    assert counts(db)["articles"] == 2000
