"""Reading the corpus from the command line: read-only SQL, browsing commands, exports."""
from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from corpus_db.cli import main
from corpus_db.query import EXTRA_VIEWS, SPEC_VIEWS


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def counts(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as connection:
        tables = [r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {t: connection.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in tables}


@pytest.mark.parametrize("statement", [
    "DELETE FROM articles",
    "DROP TABLE articles",
    "UPDATE persons SET name = 'x'",
    "INSERT INTO outlets(name) VALUES ('x')",
    "CREATE TABLE t(x)",
    "PRAGMA journal_mode=DELETE",
    "ATTACH DATABASE ':memory:' AS other",
    "SELECT 1; DELETE FROM articles",
    "WITH x AS (SELECT 1) DELETE FROM articles",
])
def test_sql_cannot_change_the_database(seeded_db: Path, statement: str) -> None:
    before = counts(seeded_db)
    result = run("sql", statement, "--db", str(seeded_db))
    assert result.exit_code == 1
    assert result.output.startswith("Error:") and len(result.output.strip().splitlines()) == 1
    assert counts(seeded_db) == before


@pytest.mark.parametrize("statement", ["DELETE FROM articles", "DROP TABLE articles", "SELECT 1; DELETE FROM articles",
                                       "COMMIT; DELETE FROM articles"])
def test_sql_cannot_change_postgresql(pg_url: str, seeds_dir: Path, statement: str) -> None:
    assert run("ingest", str(seeds_dir), "--db", pg_url).exit_code == 0
    result = run("sql", statement, "--db", pg_url)
    assert result.exit_code == 1 and result.output.startswith("Error:")
    assert json.loads(run("sql", "SELECT COUNT(*) AS n FROM articles", "--json", "--db", pg_url).stdout) == {"n": 5}


def test_sql_output_formats(seeded_db: Path) -> None:
    statement = "SELECT source_path, title FROM v_articles ORDER BY source_path"
    table = run("sql", statement, "--db", str(seeded_db))
    assert table.exit_code == 0
    header, rule, *rows = table.stdout.splitlines()
    assert header.split() == ["source_path", "title"] and set(rule) <= {"-", " "}
    assert len(rows) == 5
    lines = run("sql", statement, "--json", "--db", str(seeded_db)).stdout.splitlines()
    assert json.loads(lines[-1])["title"] == "Bế mạc Hội nghị Ngoại giao 32"
    parsed = list(csv.DictReader(run("sql", statement, "--csv", "--db", str(seeded_db)).stdout.splitlines()))
    assert parsed[-1]["source_path"] == "seeds/004_5000a0de7d78018a.txt"


def test_people_accent_insensitive(seeded_db: Path) -> None:
    for name in ("bui thanh son", "Bùi Thanh Sơn", "THANH SON"):
        rows = [json.loads(line) for line in run("people", "--name", name, "--json", "--db", str(seeded_db))
                .stdout.splitlines()]
        assert [r["name"] for r in rows] == ["Bùi Thanh Sơn"], name
        assert rows[0]["articles"] == 3


def test_quotes_by_person(seeded_db: Path) -> None:
    rows = [json.loads(line) for line in run("quotes", "--person", "pham minh chinh", "--kind", "direct",
                                             "--json", "--db", str(seeded_db)).stdout.splitlines()]
    assert any(r["text"].startswith("ngoại giao tâm công") for r in rows)
    assert all("Phạm Minh Chính" in r["speaker"] for r in rows)


def test_events_and_directives(seeded_db: Path) -> None:
    events = [json.loads(line) for line in run("events", "--json", "--db", str(seeded_db)).stdout.splitlines()]
    assert events
    directives = [json.loads(line) for line in run("directives", "--kind", "chỉ thị", "--json",
                                                   "--db", str(seeded_db)).stdout.splitlines()]
    twenty_five = [d for d in directives if d["number"] == "25"]
    assert len(twenty_five) == 1 and twenty_five[0]["articles"] == 2


def test_show_marks_mentions_and_lists_boilerplate(seeded_db: Path) -> None:
    result = run("show", "001_337f9824fff35007.txt", "--db", str(seeded_db))
    assert result.exit_code == 0, result.output
    assert "«Trần Lưu Quang»[person]" in result.output
    assert "«Chỉ thị 25" in result.output
    boilerplate = result.output.split("cut as boilerplate:", 1)[1]
    assert "Đường dây nóng" in boilerplate
    assert run("show", "nope.txt", "--db", str(seeded_db)).exit_code == 1


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_export_writes_every_view(seeded_db: Path, tmp_path: Path, fmt: str) -> None:
    result = run("export", "--format", fmt, "--out", str(tmp_path / "out"), "--db", str(seeded_db))
    assert result.exit_code == 0, result.output
    for view in SPEC_VIEWS + EXTRA_VIEWS:
        path = tmp_path / "out" / f"{view}.{fmt}"
        text = path.read_text(encoding="utf-8")
        assert text, view
    articles = (tmp_path / "out" / f"v_articles.{fmt}").read_text(encoding="utf-8")
    assert "Bế mạc Hội nghị Ngoại giao 32" in articles
    if fmt == "jsonl":
        assert len(articles.splitlines()) == 5


def test_every_view_reads_in_plain_sqlite(seeded_db: Path) -> None:
    with sqlite3.connect(seeded_db) as connection:
        views = {r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type='view'")}
        assert set(SPEC_VIEWS + EXTRA_VIEWS) <= views
        for view in views:
            connection.execute(f"SELECT * FROM {view}").fetchall()
