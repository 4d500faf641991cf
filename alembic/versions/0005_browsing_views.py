"""Human-friendly views for GUI users (DB Browser, Datasette, pandas): one row that reads
on its own — quotes with speaker, article title and date; people with their counts and
titles; directives with their mention counts; events with their counts.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-22
"""
from collections.abc import Sequence

from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

VIEWS = ("v_quote_details", "v_people", "v_directives", "v_event_summary")


def _agg_distinct(expr: str) -> str:
    if op.get_bind().dialect.name == "postgresql":
        return f"string_agg(DISTINCT {expr}, '; ')"
    return f"group_concat(DISTINCT {expr})"


def upgrade() -> None:
    op.execute("""
        CREATE VIEW v_quote_details AS
        SELECT q.quote_id, q.speaker, q.kind, q.text, q.instruction,
               a.article_id, a.title AS article_title, a.published, a.outlet,
               q.event_id, e.name AS event_name
        FROM v_quotes q
        JOIN v_articles a ON a.article_id = q.article_id
        LEFT JOIN events e ON e.id = q.event_id""")
    op.execute(f"""
        CREATE VIEW v_people AS
        SELECT p.id AS person_id, p.name,
               COUNT(DISTINCT m.article_id) AS articles,
               COUNT(m.id) AS mentions,
               (SELECT {_agg_distinct("t.title")} FROM person_mentions t
                 WHERE t.person_id = p.id AND t.title IS NOT NULL) AS titles,
               (SELECT COUNT(*) FROM quote_speakers s WHERE s.person_id = p.id) AS quotes
        FROM persons p LEFT JOIN person_mentions m ON m.person_id = p.id
        GROUP BY p.id, p.name""")
    op.execute("""
        CREATE VIEW v_directives AS
        SELECT d.id AS directive_id, d.kind, d.number, d.issuer, d.name, d.subject, d.year,
               COUNT(m.id) AS mentions, COUNT(DISTINCT m.article_id) AS articles
        FROM directives d LEFT JOIN directive_mentions m ON m.directive_id = d.id
        GROUP BY d.id, d.kind, d.number, d.issuer, d.name, d.subject, d.year""")
    op.execute(f"""
        CREATE VIEW v_event_summary AS
        SELECT e.id AS event_id, e.kind, e.name, e.start_date, e.end_date, e.location,
               e.parent_event_id, p.name AS parent_name,
               (SELECT COUNT(*) FROM event_articles l WHERE l.event_id = e.id) AS articles,
               (SELECT {_agg_distinct("pp.name")} FROM event_participants ep
                  JOIN persons pp ON pp.id = ep.person_id WHERE ep.event_id = e.id) AS participants
        FROM events e LEFT JOIN events p ON p.id = e.parent_event_id""")


def downgrade() -> None:
    for view in reversed(VIEWS):
        op.execute(f"DROP VIEW IF EXISTS {view}")
