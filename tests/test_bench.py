"""bench/ingest.py runs end to end on a small corpus and records what it measured."""
from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.test_robustness import ROOT, make_corpus


def _bench():
    spec = importlib.util.spec_from_file_location("bench_ingest", ROOT / "bench" / "ingest.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_floor_is_the_writing_or_the_work_shared_by_the_processes() -> None:
    least_time = _bench().least_time
    assert least_time(12.0, 8.0, 2) == (4.0, 6.0)  # the processes share 12 s of work
    assert least_time(12.0, 8.0, 4) == (4.0, 4.0)  # one process writes for 4 s whatever the rest
    assert least_time(10.0, 2.0, 2) == (8.0, 8.0)
    assert least_time(3.0, 3.5, 2) == (0.0, 1.5)  # a noisy extraction run longer than the ingest
    assert least_time(9.0, 6.0, 1) == (3.0, 9.0)


def test_the_benchmark_records_every_step_and_the_floor(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "news", 80)
    out = tmp_path / "results.json"
    done = subprocess.run([sys.executable, str(ROOT / "bench" / "ingest.py"), "--corpus", str(corpus),
                           "--repeat", "1", "--jobs", "2", "--out", str(out)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    results = json.loads(out.read_text(encoding="utf-8"))
    assert results["articles"] == 80 and results["cores"] >= 1
    steps = {s["step"]: s for s in results["steps"]}
    assert list(steps) == ["raw-load baseline", "ingest (SQLite)", "re-ingest unchanged",
                           "extraction alone", "ingest, one process", "floor"]
    baseline, alone, extracting = (steps[name]["seconds"] for name in
                                   ("raw-load baseline", "ingest, one process", "extraction alone"))
    floor = steps["floor"]
    # One process writes; the two processes share the one-process work at best. (The file
    # keeps hundredths of a second: the numbers agree to its rounding.)
    assert floor["writing_seconds"] == pytest.approx(max(0.0, alone - extracting), abs=0.011)
    assert floor["seconds"] == pytest.approx(max(alone - extracting, alone / 2), abs=0.011)
    assert floor["ratio_to_baseline"] == pytest.approx(floor["seconds"] / baseline, rel=0.25)
    assert "takes at least" in done.stdout


def test_the_benchmark_can_skip_the_floor(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "news", 10)
    out = tmp_path / "results.json"
    subprocess.run([sys.executable, str(ROOT / "bench" / "ingest.py"), "--corpus", str(corpus),
                    "--repeat", "1", "--no-floor", "--out", str(out)], check=True, capture_output=True, timeout=300)
    steps = [s["step"] for s in json.loads(out.read_text(encoding="utf-8"))["steps"]]
    assert steps == ["raw-load baseline", "ingest (SQLite)", "re-ingest unchanged"]
