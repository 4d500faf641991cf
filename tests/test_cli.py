"""The command line, end to end on the seeds, checked through the SPEC views."""
from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from corpus_db.cli import main
from corpus_db.db import head_revision

SPEC_VIEWS = ["v_articles", "v_person_mentions", "v_quotes", "v_directive_mentions",
              "v_events", "v_event_articles", "v_event_participants"]


def query(path: Path, sql: str, *params):
    with sqlite3.connect(path) as connection:
        return connection.execute(sql, params).fetchall()


def table_counts(path: Path) -> dict[str, int]:
    tables = [r[0] for r in query(path, "select name from sqlite_master where type in ('table','view') "
                                        "and name not like 'sqlite_%'")]
    return {t: query(path, f'select count(*) from "{t}"')[0][0] for t in tables}


def test_ingest_seeds_fills_every_view(seeded_db: Path) -> None:
    assert query(seeded_db, "select count(*) from v_articles") == [(5,)]
    for view in SPEC_VIEWS:
        assert query(seeded_db, f"select count(*) from {view}")[0][0] > 0, view
    assert query(seeded_db, "select version_num from alembic_version") == [(head_revision(),)]


def test_seed_values(seeded_db: Path) -> None:
    rows = dict(query(seeded_db, "select source_path, title from v_articles"))
    assert rows["seeds/001_337f9824fff35007.txt"] == \
        "Bộ Ngoại giao cần phát huy vai trò tiên phong trong các nhiệm vụ đối ngoại"
    assert rows["seeds/004_5000a0de7d78018a.txt"] == "Bế mạc Hội nghị Ngoại giao 32"
    published = dict(query(seeded_db, "select source_path, published from v_articles"))
    assert published["seeds/001_337f9824fff35007.txt"] == "2023-01-31"
    son = query(seeded_db, "select count(distinct article_id), count(distinct person_id) from v_person_mentions "
                           "where name = 'Bùi Thanh Sơn'")
    assert son == [(3, 1)]
    quotes = query(seeded_db, "select speaker from v_quotes where kind = 'direct' and text like 'ngoại giao tâm công%'")
    assert quotes and "Nguyễn Xuân Phúc" in quotes[0][0] and "Phạm Minh Chính" in quotes[0][0]
    assert query(seeded_db, "select distinct number, issuer from v_directive_mentions where kind = 'Chỉ thị' "
                            "and number = '25'") == [("25", "Ban Bí thư")]


def test_second_ingest_changes_nothing(seeded_db: Path, tmp_path: Path, runner: CliRunner) -> None:
    copy = tmp_path / "copy.db"
    shutil.copy(seeded_db, copy)
    before = table_counts(copy)
    result = runner.invoke(main, ["ingest", str(Path(__file__).parents[1] / "seeds"), "--db", str(copy)])
    assert result.exit_code == 0, result.output
    assert "5 unchanged" in result.output and "0 added" in result.output
    assert table_counts(copy) == before


def test_changed_file_replaces_its_facts(tmp_path: Path, runner: CliRunner, seeds_dir: Path) -> None:
    corpus = tmp_path / "news"
    corpus.mkdir()
    article = corpus / "a.txt"
    shutil.copy(seeds_dir / "001_337f9824fff35007.txt", article)
    db = tmp_path / "c.db"
    assert runner.invoke(main, ["ingest", str(corpus), "--db", str(db)]).exit_code == 0
    assert query(db, "select count(*) from v_person_mentions where name = 'Trần Lưu Quang'")[0][0] > 0
    article.write_text("Tin ngắn\n\nChiều 2/2/2024, Thủ tướng Phạm Minh Chính tiếp Đại sứ Nhật Bản.\n",
                       encoding="utf-8")
    result = runner.invoke(main, ["ingest", str(corpus), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "1 updated" in result.output
    assert query(db, "select count(*) from articles") == [(1,)]
    assert query(db, "select count(*) from v_person_mentions where name = 'Trần Lưu Quang'") == [(0,)]
    assert query(db, "select count(*) from persons where name = 'Trần Lưu Quang'") == [(0,)]
    assert query(db, "select count(*) from v_person_mentions where name = 'Phạm Minh Chính'")[0][0] > 0


def test_ingest_defaults_to_seeds_and_corpus_db(tmp_path: Path, runner: CliRunner, seeds_dir: Path,
                                                monkeypatch) -> None:
    shutil.copytree(seeds_dir, tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CORPUS_DB_URL", raising=False)
    result = runner.invoke(main, ["ingest"])
    assert result.exit_code == 0, result.output
    assert query(tmp_path / "corpus.db", "select count(*) from v_articles") == [(5,)]


def test_db_url_from_environment(tmp_path: Path, runner: CliRunner, seeds_dir: Path, monkeypatch) -> None:
    target = tmp_path / "env.db"
    monkeypatch.setenv("CORPUS_DB_URL", str(target))
    result = runner.invoke(main, ["ingest", str(seeds_dir / "004_5000a0de7d78018a.txt")])
    assert result.exit_code == 0, result.output
    assert query(target, "select title from v_articles") == [("Bế mạc Hội nghị Ngoại giao 32",)]


@pytest.mark.parametrize("args, message", [
    (["ingest", "/no/such/folder"], "no such file or folder"),
    (["ingest", "seeds", "--db", "/no/such/dir/x.db"], "does not exist"),
    (["stats", "--db", "nosuchdriver://x"], "cannot open database"),
    (["ingest", "seeds", "--db", "postgresql+psycopg://nobody@127.0.0.1:1/none"], "cannot reach"),
])
def test_errors_are_one_line_messages(args, message, runner: CliRunner, monkeypatch) -> None:
    monkeypatch.chdir(Path(__file__).parents[1])
    result = runner.invoke(main, args)
    assert result.exit_code != 0
    assert message in result.output
    assert "Traceback" not in result.output
    assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit)


def test_stats_and_db_commands(seeded_db: Path, runner: CliRunner) -> None:
    result = runner.invoke(main, ["stats", "--db", str(seeded_db)])
    assert result.exit_code == 0, result.output
    assert "articles" in result.output and " 5" in result.output
    result = runner.invoke(main, ["db", "current", "--db", str(seeded_db)])
    assert result.output.startswith(f"{head_revision()} (head)")
    result = runner.invoke(main, ["db", "history"])
    assert head_revision() in result.output


def test_db_upgrade_downgrade_through_cli(tmp_path: Path, runner: CliRunner) -> None:
    db = str(tmp_path / "m.db")
    assert runner.invoke(main, ["db", "upgrade", "--db", db]).exit_code == 0
    assert runner.invoke(main, ["db", "downgrade", "base", "--db", db]).exit_code == 0
    assert runner.invoke(main, ["db", "current", "--db", db]).output.startswith("base")
    result = runner.invoke(main, ["db", "downgrade", "nonsense", "--db", db])
    assert result.exit_code != 0 and "Traceback" not in result.output


def test_stats_on_an_empty_database_says_what_to_do(tmp_path: Path, runner: CliRunner) -> None:
    result = runner.invoke(main, ["stats", "--db", str(tmp_path / "empty.db")])
    assert result.exit_code != 0
    assert "corpus-db ingest" in result.output


def all_commands(group: click.Group, prefix=()):
    for name, command in group.commands.items():
        yield (*prefix, name), command
        if isinstance(command, click.Group):
            yield from all_commands(command, (*prefix, name))


@pytest.mark.parametrize("path", [p for p, _ in all_commands(main)], ids=" ".join)
def test_every_command_has_help_with_an_example(path, runner: CliRunner) -> None:
    result = runner.invoke(main, [*path, "--help"])
    assert result.exit_code == 0
    assert "Example" in result.output
    assert "corpus-db" in result.output.split("Example", 1)[1]


def test_ingest_into_postgresql_is_idempotent(pg_url: str, runner: CliRunner, seeds_dir: Path) -> None:
    result = runner.invoke(main, ["ingest", str(seeds_dir), "--db", pg_url])
    assert result.exit_code == 0, result.output
    assert "5 added" in result.output
    result = runner.invoke(main, ["ingest", str(seeds_dir), "--db", pg_url])
    assert "5 unchanged" in result.output
    from corpus_db import Database

    with Database(pg_url).engine.connect() as connection:
        assert connection.exec_driver_sql("SELECT COUNT(*) FROM v_articles").scalar() == 5
        names = connection.exec_driver_sql(
            "SELECT COUNT(DISTINCT article_id) FROM v_person_mentions WHERE name = 'Bùi Thanh Sơn'").scalar()
        assert names == 3
