"""Storage: extraction results become rows; entities resolve across articles; facts are replaced."""
from __future__ import annotations

import pytest
from sqlalchemy import func, select

from corpus_db import models as m
from corpus_db.db import Database
from corpus_db.extract import types as x
from corpus_db.store import ArticleInput, Resolver, event_keys, prune_orphans, save_articles


def mention(name: str, body: str, title: str | None = None) -> x.PersonMention:
    start = body.index(name)
    return x.PersonMention(name=name, surface=name, start=start, end=start + len(name), title=title)


def make_extraction(body: str, *, persons=(), quotes=(), directives=(), events=(), authors=()) -> x.Extraction:
    layout = x.Layout(title="Tiêu đề", kicker=None, lead=None, body=body,
                      captions=(x.Caption("Ảnh minh họa", photographer="Lê Hà", agency="TTXVN"),))
    meta = x.ArticleMeta(title="Tiêu đề", kicker=None, lead=None, outlet="Báo Quốc tế",
                         url="https://baoquocte.vn/a-1.html", authors=authors, source=None,
                         published=x.DateValue("2024-03-05", "day", "ngày 5/3/2024"))
    credits = tuple(x.PersonMention(name=a, surface=a.upper(), start=None, end=None, role="author",
                                    field="byline") for a in authors)
    return x.Extraction(text=body, layout=layout, meta=meta, persons=tuple(persons) + credits,
                        quotes=tuple(quotes), directives=tuple(directives), events=tuple(events))


BODY_A = "Sáng 5/3, Thủ tướng Lê Minh Hải hội đàm với Thủ tướng Kishida Fumio. Chỉ thị 12 của Ban Bí thư."
BODY_B = "Thủ tướng Lê Minh Hải và Thủ tướng Kishida Fumio hội đàm sáng 5/3. Thực hiện Chỉ thị 12."


def talks(body: str) -> x.Event:
    start = body.index("hội đàm")
    return x.Event(kind="talks", name="Hội đàm", surface="hội đàm", start=start, end=start + 7,
                   start_date="2024-03-05", date_precision="day",
                   participants=(x.Participant("Lê Minh Hải", "host"), x.Participant("Kishida Fumio", "guest")))


def directive(body: str, issuer: str | None) -> x.DirectiveMention:
    start = body.index("Chỉ thị 12")
    surface = body[start:start + (len("Chỉ thị 12 của Ban Bí thư") if issuer else len("Chỉ thị 12"))]
    return x.DirectiveMention(kind="Chỉ thị", number="12", issuer=issuer, surface=surface,
                              start=start, end=start + len(surface))


def article_a() -> x.Extraction:
    quote_text = "Thủ tướng Lê Minh Hải"
    return make_extraction(
        BODY_A,
        persons=[mention("Lê Minh Hải", BODY_A, "Thủ tướng"), mention("Kishida Fumio", BODY_A, "Thủ tướng")],
        directives=[directive(BODY_A, "Ban Bí thư")],
        events=[talks(BODY_A)],
        quotes=[x.Quote("direct", quote_text, 5, 5 + len(quote_text), speakers=("Lê Minh Hải",), event=0)],
        authors=("Diệu Thiện",),
    )


def article_b() -> x.Extraction:
    return make_extraction(
        BODY_B,
        persons=[mention("Lê Minh Hải", BODY_B, "Thủ tướng"), mention("Kishida Fumio", BODY_B, "Thủ tướng")],
        directives=[directive(BODY_B, None)],
        events=[talks(BODY_B)],
    )


def count(session, model) -> int:
    return session.scalar(select(func.count()).select_from(model))


def test_entities_resolve_across_articles(db) -> None:
    resolver = Resolver()
    with db.transaction() as session:
        save_articles(session, [ArticleInput("a.txt", "a" * 64, BODY_A, article_a()),
                                ArticleInput("b.txt", "b" * 64, BODY_B, article_b())], resolver)
    with db.session() as session:
        assert count(session, m.Article) == 2
        assert sorted(session.scalars(select(m.Person.name))) == ["Diệu Thiện", "Kishida Fumio", "Lê Minh Hải"]
        (d,) = session.scalars(select(m.Directive)).all()
        assert (d.kind, d.number, d.issuer) == ("Chỉ thị", "12", "Ban Bí thư")
        assert len(d.mentions) == 2
        (event,) = session.scalars(select(m.Event)).all()
        assert {a.source_path for a in event.articles} == {"a.txt", "b.txt"}
        assert {(p.name, p.role) for p in event.participants} == {("Lê Minh Hải", "host"), ("Kishida Fumio", "guest")}
        hai = session.scalar(select(m.Person).where(m.Person.name == "Lê Minh Hải"))
        assert [q.event_id for q in hai.quotes] == [event.id]
        caption = session.scalar(select(m.Caption))
        assert (caption.photographer, caption.agency) == ("Lê Hà", "TTXVN")
        row = session.execute(select(m.Outlet.name, m.Outlet.host)).one()
        assert tuple(row) == ("Báo Quốc tế", "baoquocte.vn")


def test_replacing_an_article_replaces_its_facts_and_prunes_orphans(db) -> None:
    resolver = Resolver()
    with db.transaction() as session:
        save_articles(session, [ArticleInput("a.txt", "a" * 64, BODY_A, article_a())], resolver)
    body = "Không còn ai được nhắc tới."
    with db.transaction() as session:
        article = session.scalar(select(m.Article))
        save_articles(session, [ArticleInput("a.txt", "c" * 64, body, make_extraction(body), article.id)],
                      resolver)
        assert prune_orphans(session) > 0
    with db.session() as session:
        assert count(session, m.Article) == 1
        assert session.scalar(select(m.Article.body)) == body
        for model in (m.Person, m.PersonMention, m.Quote, m.Directive, m.Event, m.EventParticipant):
            assert count(session, model) == 0, model


def test_event_keys() -> None:
    conference = x.Event(kind="conference", name="Hội nghị Ngoại giao lần thứ 31", surface="", start=0, end=0,
                         series="Hội nghị Ngoại giao", ordinal=31)
    plenary = x.Event(kind="plenary_session", name="Phiên họp toàn thể", surface="", start=0, end=0,
                      start_date="2021-12-18", date_precision="day", parent=0)
    undated = x.Event(kind="visit", name="Chuyến thăm", surface="", start=0, end=0)
    keys = event_keys((conference, plenary, undated), "a.txt")
    assert keys[0] == "series|hoi nghi ngoai giao|31"
    assert keys[1] == "series|hoi nghi ngoai giao|31>plenary_session|2021-12-18"
    assert keys[2] == "article|a.txt|2"
    # The same conference written with other capitalisation is the same key.
    other = x.Event(kind="conference", name="", surface="", start=0, end=0, series="Hội nghị ngoại giao", ordinal=31)
    assert event_keys((other,), "b.txt")[0] == keys[0]


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_insert_rows_stores_every_row_as_given_and_never_cuts_a_long_value(backend: str, db_path, request) -> None:
    from sqlalchemy.exc import DBAPIError

    from corpus_db.store import OUTLETS, ROWS_PER_STATEMENT, insert_rows

    target = str(db_path) if backend == "sqlite" else request.getfixturevalue("pg_url")
    with Database(target) as database:
        database.upgrade()
        rows = [{"name": f"Báo số {n}", "host": None if n % 3 else f"bao{n}.vn"}
                for n in range(2 * ROWS_PER_STATEMENT + 5)]  # more than one statement's worth
        with database.engine.begin() as connection:
            insert_rows(connection, OUTLETS, rows)
            insert_rows(connection, OUTLETS, rows[:3] + [{"name": "Báo mới", "host": None}], unique=("name",))
        with database.engine.connect() as connection:
            stored = connection.execute(select(OUTLETS.c.name, OUTLETS.c.host).order_by(OUTLETS.c.id)).all()
        assert [tuple(r) for r in stored] == [(r["name"], r["host"]) for r in rows] + [("Báo mới", None)]
        too_long = [{"name": "x" * 201, "host": None}]  # name is String(200)
        if backend == "postgresql":  # SQLite does not enforce lengths
            with pytest.raises(DBAPIError), database.engine.begin() as connection:
                insert_rows(connection, OUTLETS, too_long)


def test_sqlite_connections_keep_temporary_files_in_memory_and_a_larger_page_cache(db) -> None:
    from corpus_db.db import SQLITE_CACHE_KIB

    with db.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA temp_store").scalar() == 2  # MEMORY
        assert connection.exec_driver_sql("PRAGMA cache_size").scalar() == -SQLITE_CACHE_KIB
        assert SQLITE_CACHE_KIB > 2_000  # SQLite's own default


def test_a_new_sqlite_file_gets_larger_pages_and_an_existing_one_keeps_its_own(tmp_path) -> None:
    import sqlite3
    from contextlib import closing

    from corpus_db.db import SQLITE_PAGE_BYTES, Database

    old = tmp_path / "old.db"
    with closing(sqlite3.connect(old)) as connection:  # made by another tool, in SQLite's default pages
        connection.execute("PRAGMA page_size=4096")
        connection.execute("CREATE TABLE notes (text TEXT)")
        connection.execute("INSERT INTO notes VALUES ('kept')")
        connection.commit()
    for path, size in ((tmp_path / "new.db", SQLITE_PAGE_BYTES), (old, 4096)):
        database = Database(str(path))
        try:
            database.upgrade()
            with database.engine.connect() as connection:
                assert connection.exec_driver_sql("PRAGMA page_size").scalar() == size
                assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        finally:
            database.close()
    with closing(sqlite3.connect(old)) as connection:
        assert connection.execute("SELECT text FROM notes").fetchall() == [("kept",)]
    assert SQLITE_PAGE_BYTES != 4096  # SQLite's own default


def test_the_switch_to_wal_waits_for_a_concurrent_switch_and_gives_up_on_other_errors() -> None:
    import sqlite3

    from corpus_db.db import _switch_to_wal

    class Cursor:  # SQLite fails a concurrent switch at once, without its busy timeout
        def __init__(self, failures: list[str]) -> None:
            self.failures, self.calls = failures, 0

        def execute(self, sql: str) -> None:
            assert sql == "PRAGMA journal_mode=WAL"
            self.calls += 1
            if self.failures:
                raise sqlite3.OperationalError(self.failures.pop(0))

    raced = Cursor(["database is locked", "database is locked"])
    _switch_to_wal(raced, timeout=5)
    assert raced.calls == 3
    with pytest.raises(sqlite3.OperationalError, match="disk I/O"):
        _switch_to_wal(Cursor(["disk I/O error"]), timeout=5)
    held = Cursor(["database is locked"] * 1000)  # never released: the timeout still holds
    with pytest.raises(sqlite3.OperationalError, match="locked"):
        _switch_to_wal(held, timeout=0.05)
    assert 1 < held.calls < 10
