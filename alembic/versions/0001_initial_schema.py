"""Initial schema: articles, outlets, persons, quotes, directives, events and the SPEC views.

Revision ID: 0001
Revises:
Create Date: 2026-11-22
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

VIEWS = ("v_articles", "v_person_mentions", "v_quotes", "v_directive_mentions",
         "v_events", "v_event_articles", "v_event_participants")


def _agg(expr: str, order: str) -> str:
    """Names joined by "; " in a stable order, in SQLite and PostgreSQL."""
    if op.get_bind().dialect.name == "postgresql":
        return f"string_agg({expr}, '; ' ORDER BY {order})"
    return f"group_concat({expr}, '; ')"


def create_views() -> None:
    authors = _agg("p.name", "m.id")
    speakers = _agg("p.name", "p.name")
    op.execute(f"""
        CREATE VIEW v_articles AS
        SELECT a.id AS article_id, a.source_path, a.title, o.name AS outlet, a.url,
               a.published, a.published_precision,
               (SELECT {authors} FROM person_mentions m JOIN persons p ON p.id = m.person_id
                 WHERE m.article_id = a.id AND m.role = 'author') AS authors,
               a.body
        FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id""")
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


def drop_views() -> None:
    for view in VIEWS:
        op.execute(f"DROP VIEW IF EXISTS {view}")


def upgrade() -> None:
    op.create_table(
        "outlets",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("host", sa.String(length=200), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outlets")),
        sa.UniqueConstraint("name", name=op.f("uq_outlets_name")),
    )
    op.create_table(
        "articles",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source_path", sa.String(length=1000), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("raw_text", sa.Text(), nullable=False),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("url", sa.String(length=2000), nullable=True),
        sa.Column("outlet_id", sa.Integer(), nullable=True),
        sa.Column("published", sa.String(length=10), nullable=True),
        sa.Column("published_precision", sa.String(length=5), nullable=True),
        sa.Column("extractor_version", sa.String(length=20), nullable=False),
        sa.Column("ingested_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.ForeignKeyConstraint(["outlet_id"], ["outlets.id"], name=op.f("fk_articles_outlet_id_outlets")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_articles")),
        sa.UniqueConstraint("source_path", name=op.f("uq_articles_source_path")),
    )
    op.create_index(op.f("ix_articles_sha256"), "articles", ["sha256"])
    op.create_index(op.f("ix_articles_outlet_id"), "articles", ["outlet_id"])
    op.create_index(op.f("ix_articles_published"), "articles", ["published"])

    op.create_table(
        "persons",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("name_key", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_persons")),
        sa.UniqueConstraint("name", name=op.f("uq_persons_name")),
    )
    op.create_index(op.f("ix_persons_name_key"), "persons", ["name_key"])
    op.create_table(
        "person_mentions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=True),
        sa.Column("surface", sa.String(length=500), nullable=False),
        sa.Column("field", sa.String(length=20), server_default="body", nullable=False),
        sa.Column("start", sa.Integer(), nullable=True),
        sa.Column("end", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE",
                                name=op.f("fk_person_mentions_article_id_articles")),
        sa.ForeignKeyConstraint(["person_id"], ["persons.id"], ondelete="CASCADE",
                                name=op.f("fk_person_mentions_person_id_persons")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_person_mentions")),
    )
    op.create_index(op.f("ix_person_mentions_article_id"), "person_mentions", ["article_id"])
    op.create_index("ix_person_mentions_person_id_role", "person_mentions", ["person_id", "role"])

    op.create_table(
        "events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=500), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("name", sa.String(length=500), nullable=False),
        sa.Column("start_date", sa.String(length=10), nullable=True),
        sa.Column("end_date", sa.String(length=10), nullable=True),
        sa.Column("date_precision", sa.String(length=5), nullable=True),
        sa.Column("location", sa.String(length=300), nullable=True),
        sa.Column("parent_event_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["parent_event_id"], ["events.id"], ondelete="SET NULL",
                                name=op.f("fk_events_parent_event_id_events")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_events")),
        sa.UniqueConstraint("key", name=op.f("uq_events_key")),
    )
    op.create_index(op.f("ix_events_kind"), "events", ["kind"])
    op.create_index(op.f("ix_events_start_date"), "events", ["start_date"])
    op.create_index(op.f("ix_events_parent_event_id"), "events", ["parent_event_id"])
    op.create_table(
        "event_articles",
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("surface", sa.String(length=500), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE",
                                name=op.f("fk_event_articles_article_id_articles")),
        sa.ForeignKeyConstraint(["event_id"], ["events.id"], ondelete="CASCADE",
                                name=op.f("fk_event_articles_event_id_events")),
        sa.PrimaryKeyConstraint("event_id", "article_id", name=op.f("pk_event_articles")),
    )
    op.create_index(op.f("ix_event_articles_article_id"), "event_articles", ["article_id"])
    op.create_table(
        "event_participants",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=30), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE",
                                name=op.f("fk_event_participants_article_id_articles")),
        sa.ForeignKeyConstraint(["event_id"], ["events.id"], ondelete="CASCADE",
                                name=op.f("fk_event_participants_event_id_events")),
        sa.ForeignKeyConstraint(["person_id"], ["persons.id"], ondelete="CASCADE",
                                name=op.f("fk_event_participants_person_id_persons")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event_participants")),
        sa.UniqueConstraint("event_id", "person_id", "role", "article_id",
                            name=op.f("uq_event_participants_event_id_person_id_role_article_id")),
    )
    op.create_index(op.f("ix_event_participants_event_id"), "event_participants", ["event_id"])
    op.create_index(op.f("ix_event_participants_person_id"), "event_participants", ["person_id"])
    op.create_index(op.f("ix_event_participants_article_id"), "event_participants", ["article_id"])

    op.create_table(
        "quotes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("speaker_label", sa.String(length=300), nullable=True),
        sa.Column("event_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE",
                                name=op.f("fk_quotes_article_id_articles")),
        sa.ForeignKeyConstraint(["event_id"], ["events.id"], ondelete="SET NULL",
                                name=op.f("fk_quotes_event_id_events")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_quotes")),
    )
    op.create_index(op.f("ix_quotes_article_id"), "quotes", ["article_id"])
    op.create_index(op.f("ix_quotes_kind"), "quotes", ["kind"])
    op.create_index(op.f("ix_quotes_event_id"), "quotes", ["event_id"])
    op.create_table(
        "quote_speakers",
        sa.Column("quote_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["person_id"], ["persons.id"], ondelete="CASCADE",
                                name=op.f("fk_quote_speakers_person_id_persons")),
        sa.ForeignKeyConstraint(["quote_id"], ["quotes.id"], ondelete="CASCADE",
                                name=op.f("fk_quote_speakers_quote_id_quotes")),
        sa.PrimaryKeyConstraint("quote_id", "person_id", name=op.f("pk_quote_speakers")),
    )
    op.create_index(op.f("ix_quote_speakers_person_id"), "quote_speakers", ["person_id"])

    op.create_table(
        "directives",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=300), nullable=False),
        sa.Column("kind", sa.String(length=100), nullable=False),
        sa.Column("number", sa.String(length=50), nullable=True),
        sa.Column("issuer", sa.String(length=200), nullable=True),
        sa.Column("name", sa.String(length=400), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_directives")),
        sa.UniqueConstraint("key", name=op.f("uq_directives_key")),
    )
    op.create_index(op.f("ix_directives_kind"), "directives", ["kind"])
    op.create_table(
        "directive_mentions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("directive_id", sa.Integer(), nullable=False),
        sa.Column("surface", sa.String(length=500), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE",
                                name=op.f("fk_directive_mentions_article_id_articles")),
        sa.ForeignKeyConstraint(["directive_id"], ["directives.id"], ondelete="CASCADE",
                                name=op.f("fk_directive_mentions_directive_id_directives")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_directive_mentions")),
    )
    op.create_index(op.f("ix_directive_mentions_article_id"), "directive_mentions", ["article_id"])
    op.create_index(op.f("ix_directive_mentions_directive_id"), "directive_mentions", ["directive_id"])
    create_views()


def downgrade() -> None:
    drop_views()
    for table in ("directive_mentions", "directives", "quote_speakers", "quotes", "event_participants",
                  "event_articles", "events", "person_mentions", "persons", "articles", "outlets"):
        op.drop_table(table)
