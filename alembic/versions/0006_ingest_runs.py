"""Ingest runs and their per-file outcomes (added, updated, skipped with the reason),
so users can query what happened to every file; plus v_skipped_files.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-22
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "ingest_runs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("paths", sa.Text(), nullable=False),
        sa.Column("extractor_version", sa.String(length=20), nullable=False),
        sa.Column("added", sa.Integer(), server_default="0", nullable=False),
        sa.Column("updated", sa.Integer(), server_default="0", nullable=False),
        sa.Column("unchanged", sa.Integer(), server_default="0", nullable=False),
        sa.Column("skipped", sa.Integer(), server_default="0", nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ingest_runs")),
    )
    op.create_table(
        "ingest_files",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.Column("source_path", sa.String(length=1000), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["run_id"], ["ingest_runs.id"], ondelete="CASCADE",
                                name=op.f("fk_ingest_files_run_id_ingest_runs")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ingest_files")),
    )
    op.create_index(op.f("ix_ingest_files_run_id"), "ingest_files", ["run_id"])
    op.create_index(op.f("ix_ingest_files_source_path"), "ingest_files", ["source_path"])
    op.execute("""
        CREATE VIEW v_skipped_files AS
        SELECT f.source_path, f.reason, r.id AS run_id, r.started_at
        FROM ingest_files f JOIN ingest_runs r ON r.id = f.run_id
        WHERE f.status = 'skipped'""")


def downgrade() -> None:
    op.execute("DROP VIEW IF EXISTS v_skipped_files")
    op.drop_table("ingest_files")
    op.drop_table("ingest_runs")
