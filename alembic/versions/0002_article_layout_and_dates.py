"""Article layout and date evidence: kicker, lead, cut boilerplate, agency credit,
publication-date evidence, and photo captions with their credit.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

VIEWS = ("v_articles", "v_person_mentions", "v_quotes", "v_directive_mentions",
         "v_events", "v_event_articles", "v_event_participants")


def _agg(expr: str, order: str) -> str:
    if op.get_bind().dialect.name == "postgresql":
        return f"string_agg({expr}, '; ' ORDER BY {order})"
    return f"group_concat({expr}, '; ')"


def _v_articles(with_layout: bool) -> str:
    authors = _agg("p.name", "m.id")
    extra = ", a.kicker, a.lead, a.source, a.published_evidence" if with_layout else ""
    return f"""
        CREATE VIEW v_articles AS
        SELECT a.id AS article_id, a.source_path, a.title, o.name AS outlet, a.url,
               a.published, a.published_precision,
               (SELECT {authors} FROM person_mentions m JOIN persons p ON p.id = m.person_id
                 WHERE m.article_id = a.id AND m.role = 'author') AS authors,
               a.body{extra}
        FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id"""


def create_views(with_layout: bool) -> None:
    speakers = _agg("p.name", "p.name")
    op.execute(_v_articles(with_layout))
    op.execute("""
        CREATE VIEW v_person_mentions AS
        SELECT m.article_id, m.person_id, p.name, m.title, m.role,
               m.id AS mention_id, m.surface, m.field, m.start, m."end"
        FROM person_mentions m JOIN persons p ON p.id = m.person_id""")
    op.execute(f"""
        CREATE VIEW v_quotes AS
        SELECT q.id AS quote_id, q.article_id, q.kind, q.text,
               COALESCE((SELECT {speakers} FROM quote_speakers s JOIN persons p ON p.id = s.person_id
                          WHERE s.quote_id = q.id), q.speaker_label) AS speaker,
               q.event_id, q.start, q."end"
        FROM quotes q""")
    op.execute("""
        CREATE VIEW v_directive_mentions AS
        SELECT m.article_id, m.directive_id, d.kind, d.number, d.issuer, d.name,
               m.surface, m.start, m."end"
        FROM directive_mentions m JOIN directives d ON d.id = m.directive_id""")
    op.execute("""
        CREATE VIEW v_events AS
        SELECT e.id AS event_id, e.kind, e.name, e.start_date, e.end_date, e.date_precision,
               e.location, e.parent_event_id
        FROM events e""")
    op.execute("""
        CREATE VIEW v_event_articles AS
        SELECT l.event_id, l.article_id, l.surface, l.start, l."end"
        FROM event_articles l""")
    op.execute("""
        CREATE VIEW v_event_participants AS
        SELECT DISTINCT ep.event_id, ep.person_id, p.name, ep.role
        FROM event_participants ep JOIN persons p ON p.id = ep.person_id""")
    if with_layout:
        op.execute("""
            CREATE VIEW v_captions AS
            SELECT c.id AS caption_id, c.article_id, c.position, c.text, c.photographer, c.agency
            FROM captions c""")


def drop_views() -> None:
    for view in (*VIEWS, "v_captions"):
        op.execute(f"DROP VIEW IF EXISTS {view}")


def upgrade() -> None:
    drop_views()
    with op.batch_alter_table("articles") as batch:
        batch.add_column(sa.Column("kicker", sa.Text(), nullable=True))
        batch.add_column(sa.Column("lead", sa.Text(), nullable=True))
        batch.add_column(sa.Column("boilerplate", sa.Text(), nullable=True))
        batch.add_column(sa.Column("source", sa.String(length=200), nullable=True))
        batch.add_column(sa.Column("published_evidence", sa.Text(), nullable=True))
    op.create_table(
        "captions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("photographer", sa.String(length=200), nullable=True),
        sa.Column("agency", sa.String(length=200), nullable=True),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE",
                                name=op.f("fk_captions_article_id_articles")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_captions")),
    )
    op.create_index(op.f("ix_captions_article_id"), "captions", ["article_id"])
    create_views(with_layout=True)


def downgrade() -> None:
    drop_views()
    op.drop_index(op.f("ix_captions_article_id"), table_name="captions")
    op.drop_table("captions")
    with op.batch_alter_table("articles") as batch:
        for column in ("published_evidence", "source", "boilerplate", "lead", "kicker"):
            batch.drop_column(column)
    create_views(with_layout=False)
