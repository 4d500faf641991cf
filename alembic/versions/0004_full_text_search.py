"""Accent-insensitive full-text search (SQLite FTS5, built-in tokenizer only).

``articles_fts``, ``quotes_fts`` and ``persons_fts`` follow the sqlite-utils
convention (``{table}_fts`` with ``content="{table}"``, triggers ``{table}_ai``,
``_ad``, ``_au``), so Datasette shows a search box. The ``unicode61``
tokenizer with ``remove_diacritics 2`` folds every Vietnamese diacritic but
``đ``, which is a letter of its own; each searched column therefore has a
VIRTUAL generated twin (no storage) with ``đ``/``Đ`` replaced by ``d``/``D``,
indexed beside the original. "duong loi doi ngoai", "đường lối đối ngoại" and
"Duong lối" all match, through a plain MATCH in the sqlite3 shell.

PostgreSQL needs none of this (it searches otherwise); the revision is a no-op there.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22
"""
from collections.abc import Sequence

from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# table -> (rowid column, searched columns)
SEARCHED = {
    "articles": ("id", ("title", "body")),
    "quotes": ("id", ("text",)),
    "persons": ("id", ("name",)),
}


def _fold(expr: str) -> str:
    return f"replace(replace({expr}, 'đ', 'd'), 'Đ', 'D')"


def _sqlite() -> bool:
    return op.get_bind().dialect.name == "sqlite"


def create_search(table: str) -> None:
    rowid, columns = SEARCHED[table]
    for column in columns:
        op.execute(f"ALTER TABLE {table} ADD COLUMN {column}_folded TEXT "
                   f"GENERATED ALWAYS AS ({_fold(column)}) VIRTUAL")
    indexed = [*columns, *(f"{c}_folded" for c in columns)]
    names = ", ".join(indexed)
    new = ", ".join(f"new.{c}" for c in indexed)
    old = ", ".join(f"old.{c}" for c in indexed)
    op.execute(f"""CREATE VIRTUAL TABLE {table}_fts USING fts5({names}, content="{table}",
                   content_rowid="{rowid}", tokenize='unicode61 remove_diacritics 2')""")
    op.execute(f"""CREATE TRIGGER {table}_ai AFTER INSERT ON {table} BEGIN
                     INSERT INTO {table}_fts (rowid, {names}) VALUES (new.{rowid}, {new});
                   END""")
    op.execute(f"""CREATE TRIGGER {table}_ad AFTER DELETE ON {table} BEGIN
                     INSERT INTO {table}_fts ({table}_fts, rowid, {names}) VALUES ('delete', old.{rowid}, {old});
                   END""")
    op.execute(f"""CREATE TRIGGER {table}_au AFTER UPDATE OF {", ".join(columns)} ON {table} BEGIN
                     INSERT INTO {table}_fts ({table}_fts, rowid, {names}) VALUES ('delete', old.{rowid}, {old});
                     INSERT INTO {table}_fts (rowid, {names}) VALUES (new.{rowid}, {new});
                   END""")
    op.execute(f"INSERT INTO {table}_fts ({table}_fts) VALUES ('rebuild')")


def drop_search(table: str) -> None:
    _, columns = SEARCHED[table]
    for suffix in ("ai", "ad", "au"):
        op.execute(f"DROP TRIGGER IF EXISTS {table}_{suffix}")
    op.execute(f"DROP TABLE IF EXISTS {table}_fts")
    for column in columns:
        op.execute(f"ALTER TABLE {table} DROP COLUMN {column}_folded")


def upgrade() -> None:
    if _sqlite():
        for table in SEARCHED:
            create_search(table)


def downgrade() -> None:
    if _sqlite():
        for table in SEARCHED:
            drop_search(table)
