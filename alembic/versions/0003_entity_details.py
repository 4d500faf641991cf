"""Entity details: instruction flag on quotes, directive subject and year, event series
and ordinal, and the v_person_titles timeline view.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

VIEWS = ("v_articles", "v_person_mentions", "v_quotes", "v_directive_mentions", "v_events",
         "v_event_articles", "v_event_participants", "v_captions", "v_person_titles")


def _agg(expr: str, order: str) -> str:
    if op.get_bind().dialect.name == "postgresql":
        return f"string_agg({expr}, '; ' ORDER BY {order})"
    return f"group_concat({expr}, '; ')"


def create_views(with_details: bool) -> None:
    authors = _agg("p.name", "m.id")
    speakers = _agg("p.name", "p.name")
    op.execute(f"""
        CREATE VIEW v_articles AS
        SELECT a.id AS article_id, a.source_path, a.title, o.name AS outlet, a.url,
               a.published, a.published_precision,
               (SELECT {authors} FROM person_mentions m JOIN persons p ON p.id = m.person_id
                 WHERE m.article_id = a.id AND m.role = 'author') AS authors,
               a.body, a.kicker, a.lead, a.source, a.published_evidence
        FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id""")
    op.execute("""
        CREATE VIEW v_person_mentions AS
        SELECT m.article_id, m.person_id, p.name, m.title, m.role,
               m.id AS mention_id, m.surface, m.field, m.start, m."end"
        FROM person_mentions m JOIN persons p ON p.id = m.person_id""")
    instruction = ", q.instruction, q.speaker_label" if with_details else ""
    op.execute(f"""
        CREATE VIEW v_quotes AS
        SELECT q.id AS quote_id, q.article_id, q.kind, q.text,
               COALESCE((SELECT {speakers} FROM quote_speakers s JOIN persons p ON p.id = s.person_id
                          WHERE s.quote_id = q.id), q.speaker_label) AS speaker,
               q.event_id, q.start, q."end"{instruction}
        FROM quotes q""")
    directive = ", d.subject, d.year" if with_details else ""
    op.execute(f"""
        CREATE VIEW v_directive_mentions AS
        SELECT m.article_id, m.directive_id, d.kind, d.number, d.issuer, d.name,
               m.surface, m.start, m."end"{directive}
        FROM directive_mentions m JOIN directives d ON d.id = m.directive_id""")
    series = ", e.series, e.ordinal" if with_details else ""
    op.execute(f"""
        CREATE VIEW v_events AS
        SELECT e.id AS event_id, e.kind, e.name, e.start_date, e.end_date, e.date_precision,
               e.location, e.parent_event_id{series}
        FROM events e""")
    op.execute("""
        CREATE VIEW v_event_articles AS
        SELECT l.event_id, l.article_id, l.surface, l.start, l."end"
        FROM event_articles l""")
    op.execute("""
        CREATE VIEW v_event_participants AS
        SELECT DISTINCT ep.event_id, ep.person_id, p.name, ep.role
        FROM event_participants ep JOIN persons p ON p.id = ep.person_id""")
    op.execute("""
        CREATE VIEW v_captions AS
        SELECT c.id AS caption_id, c.article_id, c.position, c.text, c.photographer, c.agency
        FROM captions c""")
    if with_details:
        # Who held which title when: one row per person and title, dated by the
        # articles that give it (first and last publication date seen).
        op.execute("""
            CREATE VIEW v_person_titles AS
            SELECT m.person_id, p.name, m.title,
                   MIN(a.published) AS first_seen, MAX(a.published) AS last_seen,
                   COUNT(DISTINCT m.article_id) AS articles
            FROM person_mentions m
            JOIN persons p ON p.id = m.person_id
            JOIN articles a ON a.id = m.article_id
            WHERE m.title IS NOT NULL
            GROUP BY m.person_id, p.name, m.title""")


def drop_views() -> None:
    for view in VIEWS:
        op.execute(f"DROP VIEW IF EXISTS {view}")


def upgrade() -> None:
    drop_views()
    with op.batch_alter_table("quotes") as batch:
        batch.add_column(sa.Column("instruction", sa.Boolean(), server_default=sa.false(), nullable=False))
    with op.batch_alter_table("directives") as batch:
        batch.add_column(sa.Column("subject", sa.Text(), nullable=True))
        batch.add_column(sa.Column("year", sa.Integer(), nullable=True))
    with op.batch_alter_table("events") as batch:
        batch.add_column(sa.Column("series", sa.String(length=300), nullable=True))
        batch.add_column(sa.Column("ordinal", sa.Integer(), nullable=True))
    create_views(with_details=True)


def downgrade() -> None:
    drop_views()
    with op.batch_alter_table("events") as batch:
        batch.drop_column("ordinal")
        batch.drop_column("series")
    with op.batch_alter_table("directives") as batch:
        batch.drop_column("year")
        batch.drop_column("subject")
    with op.batch_alter_table("quotes") as batch:
        batch.drop_column("instruction")
    create_views(with_details=False)
