"""The database opens in the plain sqlite3 shell, with nothing loaded, and every view reads."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

VIEWS = ["v_articles", "v_person_mentions", "v_quotes", "v_directive_mentions",
         "v_events", "v_event_articles", "v_event_participants"]


@pytest.mark.skipif(shutil.which("sqlite3") is None, reason="the sqlite3 shell is not installed")
def test_sqlite3_shell_reads_every_view(seeded_db: Path) -> None:
    sql = "".join(f"select '{v}', count(*) from {v};" for v in VIEWS)
    result = subprocess.run(["sqlite3", "-batch", "-bail", str(seeded_db), sql],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    counts = dict(line.split("|") for line in result.stdout.split())
    assert counts["v_articles"] == "5"
    assert all(int(counts[v]) > 0 for v in VIEWS)
