"""The library as a notebook user meets it: the README example, and navigation."""
from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

import corpus_db


def test_readme_example(seeded_db: Path) -> None:
    # Same code as the README's "Use it as a library" section.
    db = corpus_db.open(seeded_db)
    with db.session() as session:
        people = session.scalars(select(corpus_db.Person).order_by(corpus_db.Person.name)).all()
        by_name = {p.name: p for p in people}
        phuc = by_name["Nguyễn Xuân Phúc"]
        assert any("ngoại giao tâm công" in q.text for q in phuc.quotes)
        assert {a.title for a in by_name["Bùi Thanh Sơn"].articles} >= {
            "Bộ Ngoại giao cần phát huy vai trò tiên phong trong các nhiệm vụ đối ngoại",
            "Bế mạc Hội nghị Ngoại giao 32",
        }
    db.close()


def test_open_accepts_paths_urls_and_engines(seeded_db: Path) -> None:
    for target in (seeded_db, str(seeded_db), f"sqlite:///{seeded_db}"):
        with corpus_db.open(target) as db, db.session() as session:
            assert len(session.scalars(select(corpus_db.Article)).all()) == 5
    engine = corpus_db.Database(seeded_db).engine
    with corpus_db.open(engine) as db, db.session() as session:
        assert session.scalar(select(corpus_db.Article.title).where(
            corpus_db.Article.source_path.endswith("004_5000a0de7d78018a.txt"))) == "Bế mạc Hội nghị Ngoại giao 32"


def test_public_api_is_listed() -> None:
    for name in corpus_db.__all__:
        assert hasattr(corpus_db, name), name


def test_relationships_navigate(seeded_db: Path) -> None:
    with corpus_db.open(seeded_db) as db, db.session() as session:
        article = session.scalar(select(corpus_db.Article).where(
            corpus_db.Article.source_path.endswith("001_337f9824fff35007.txt")))
        assert article.events and all(article in e.articles for e in article.events)
        event = next(e for e in article.events if e.participants)
        assert {p.name for p in event.participants} >= {"Trần Lưu Quang", "Bùi Thanh Sơn"}
        assert [a.name for a in article.authors] == []
        assert "Đường dây nóng" in (article.boilerplate or "")


def test_extract_is_pure_and_returns_dataclasses(seeds_dir: Path) -> None:
    import dataclasses

    text = (seeds_dir / "004_5000a0de7d78018a.txt").read_text(encoding="utf-8")
    result = corpus_db.extract(text)
    assert dataclasses.is_dataclass(result)
    assert result.meta.title == "Bế mạc Hội nghị Ngoại giao 32"
    assert {p.name for p in result.persons} >= {"Bùi Thanh Sơn", "Nguyễn Phú Trọng"}
    assert corpus_db.extract(text) == result  # deterministic, no hidden state
