"""The built package (not the source tree) creates and fills a database from anywhere."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project built as a wheel and unpacked into a folder of its own (no editable links)."""
    work = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q",
                    "-w", str(work / "dist"), str(ROOT)], check=True)
    (wheel,) = (work / "dist").glob("corpus_db-*.whl")
    target = work / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target),
                    str(wheel)], check=True)
    return target


def _env(installed: Path) -> dict[str, str]:
    """The environment of a process that imports the unpacked wheel, with no database chosen."""
    env = {**os.environ, "PYTHONPATH": str(installed)}
    env.pop("CORPUS_DB_URL", None)
    return env


def test_wheel_ships_the_migrations(installed: Path) -> None:
    versions = installed / "corpus_db" / "migrations" / "versions"
    assert (installed / "corpus_db" / "migrations" / "env.py").is_file()
    assert sorted(p.name for p in versions.glob("0*.py"))[0].startswith("0001")


def test_installed_package_ingests_from_another_directory(installed: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = _env(installed)
    script = ("import corpus_db, sys; from corpus_db.cli import main; "
              "assert corpus_db.__file__.startswith(sys.argv[1]), corpus_db.__file__; "
              "main(['ingest', sys.argv[2], '--jobs', '1'])")
    result = subprocess.run([sys.executable, "-c", script, str(installed), str(ROOT / "seeds")],
                            cwd=elsewhere, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "5 added" in result.stdout
    assert (elsewhere / "corpus.db").is_file()


def test_installed_command_ingests_and_leaves_the_database_closed(installed: Path, tmp_path: Path) -> None:
    """The ``corpus-db`` script the wheel installs (its entry point, ``cli.run``) runs an ingest
    to the end; skipping the last collection at exit (see ``run``) leaves no WAL behind."""
    script = installed / "bin" / "corpus-db"
    env = _env(installed)
    db = tmp_path / "news.db"
    result = subprocess.run([sys.executable, str(script), "ingest", str(ROOT / "seeds"), "--db", str(db)],
                            env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "5 added" in result.stdout
    assert sorted(p.name for p in tmp_path.iterdir()) == ["news.db"]  # no -wal or -shm left open
