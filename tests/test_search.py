"""Accent-insensitive search: the CLI, a plain MATCH in the sqlite3 shell, Datasette, PostgreSQL."""
from __future__ import annotations

import asyncio
import json
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from corpus_db.cli import main
from corpus_db.search import fold_same_length, unfold_snippet

EXPECTED = {"seeds/001_337f9824fff35007.txt", "seeds/002_9e0bd7c2a755bccb.txt"}
QUERIES = ["duong loi doi ngoai", "đường lối đối ngoại", "Duong lối", "DUONG LOI DOI NGOAI"]


def cli_search(db: Path, *args: str) -> list[dict]:
    result = CliRunner().invoke(main, ["search", *args, "--json", "--db", str(db)])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


@pytest.mark.parametrize("query", QUERIES)
def test_search_with_or_without_diacritics(seeded_db: Path, query: str) -> None:
    found = {hit["source_path"] for hit in cli_search(seeded_db, query)}
    assert EXPECTED <= found


@pytest.mark.parametrize("query", QUERIES)
def test_plain_match_in_sqlite(seeded_db: Path, query: str) -> None:
    with sqlite3.connect(seeded_db) as connection:
        rows = connection.execute(
            "SELECT a.source_path FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid "
            "WHERE articles_fts MATCH ?", (query,)).fetchall()
    assert EXPECTED <= {r[0] for r in rows}


@pytest.mark.skipif(shutil.which("sqlite3") is None, reason="the sqlite3 shell is not installed")
def test_match_in_the_sqlite3_shell(seeded_db: Path) -> None:
    sql = ("SELECT a.source_path FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid "
           "WHERE articles_fts MATCH 'duong loi doi ngoai';")
    result = subprocess.run(["sqlite3", "-batch", "-bail", str(seeded_db), sql], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert EXPECTED <= set(result.stdout.split())


def test_search_filters_and_snippets(seeded_db: Path) -> None:
    hits = cli_search(seeded_db, '"duong loi doi ngoai"', "--since", "2023")
    assert {h["source_path"] for h in hits} == {"seeds/001_337f9824fff35007.txt"}
    assert "[đường lối đối ngoại]" in hits[0]["snippet"]  # the highlight shows the original spelling
    assert not cli_search(seeded_db, '"duong loi doi ngoai"', "--until", "2021")
    by_person = cli_search(seeded_db, "ngoai giao", "--person", "tran luu quang")
    assert {h["source_path"] for h in by_person} == {"seeds/001_337f9824fff35007.txt"}


@pytest.mark.parametrize("query", ['"unterminated', "Việt Nam-Israel", "AND OR"])
def test_malformed_query_is_a_one_line_error(seeded_db: Path, query: str) -> None:
    result = CliRunner().invoke(main, ["search", query, "--db", str(seeded_db)])
    assert result.exit_code == 1
    assert result.output.startswith("Error: cannot parse the search query")
    assert len(result.output.strip().splitlines()) == 1


def test_search_index_follows_reingest(tmp_path: Path) -> None:
    corpus = tmp_path / "news"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Tin A\n\nĐoàn đại biểu thăm Đà Nẵng.\n", encoding="utf-8")
    db = tmp_path / "s.db"
    assert CliRunner().invoke(main, ["ingest", str(corpus), "--db", str(db)]).exit_code == 0
    assert len(cli_search(db, "da nang")) == 1
    (corpus / "a.txt").write_text("Tin A\n\nĐoàn đại biểu thăm Huế.\n", encoding="utf-8")
    assert CliRunner().invoke(main, ["ingest", str(corpus), "--db", str(db)]).exit_code == 0
    assert cli_search(db, "da nang") == []
    assert len(cli_search(db, "hue")) == 1
    with sqlite3.connect(db) as connection:
        connection.execute("PRAGMA foreign_keys=ON")
        connection.execute("DELETE FROM articles")
        assert connection.execute("SELECT COUNT(*) FROM articles_fts WHERE articles_fts MATCH 'hue'").fetchone() == (0,)
        connection.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")


def test_datasette_search_box_finds_accent_free_query(seeded_db: Path, tmp_path: Path) -> None:
    datasette = pytest.importorskip("datasette.app")
    copy = tmp_path / "corpus.db"
    shutil.copy(seeded_db, copy)
    for suffix in ("-wal", "-shm"):
        if Path(f"{seeded_db}{suffix}").exists():
            shutil.copy(f"{seeded_db}{suffix}", f"{copy}{suffix}")

    async def fetch():
        ds = datasette.Datasette([str(copy)])
        page = await ds.client.get("/corpus/articles?_search=duong+loi+doi+ngoai")
        data = await ds.client.get("/corpus/articles.json?_search=duong+loi+doi+ngoai&_shape=array"
                                   "&_col=source_path")
        return page, data

    page, data = asyncio.run(fetch())
    assert page.status_code == 200
    assert 'name="_search"' in page.text  # Datasette saw the FTS table and shows its search box
    assert EXPECTED <= {row["source_path"] for row in data.json()}


def test_postgresql_search_is_accent_insensitive(pg_url: str, seeds_dir: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(main, ["ingest", str(seeds_dir), "--db", pg_url]).exit_code == 0
    for query in ("duong loi doi ngoai", "đường lối đối ngoại"):
        result = runner.invoke(main, ["search", query, "--json", "--db", pg_url])
        assert result.exit_code == 0, result.output
        assert EXPECTED <= {json.loads(line)["source_path"] for line in result.stdout.splitlines()}


@pytest.mark.parametrize("snippet, original, expected", [
    ("…[Dường] lối…", "Theo Đường lối mới", "…[Đường] lối…"),
    ("[dại] hội", "đại hội", "[đại] hội"),
    ("no match here", "something else", "no match here"),
])
def test_unfold_snippet(snippet: str, original: str, expected: str) -> None:
    assert unfold_snippet(snippet, original) == expected


def test_fold_same_length() -> None:
    text = "Đường lối Đối ngoại của Việt Nam"
    assert fold_same_length(text) == "duong loi doi ngoai cua viet nam"
    assert len(fold_same_length(text)) == len(text)
