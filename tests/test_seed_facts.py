"""The seed facts of the metadata and entity issues, asserted through the SPEC views only
(what a user's SQL sees), on the five seeds ingested through the CLI."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest


def rows(path: Path, sql: str, *params: object) -> list[tuple]:
    with sqlite3.connect(path) as connection:
        return connection.execute(sql, params).fetchall()


def article(path: Path, seed: str) -> dict[str, object]:
    with sqlite3.connect(path) as connection:
        connection.row_factory = sqlite3.Row
        row = connection.execute("select * from v_articles where source_path like ?", (f"%/{seed}_%",)).fetchone()
        return dict(row)


def persons(path: Path, seed: str, role: str = "subject") -> dict[str, str | None]:
    found = rows(path, "select p.name, p.title from v_person_mentions p join v_articles a using (article_id) "
                       "where a.source_path like ? and p.role = ?", f"%/{seed}_%", role)
    titles: dict[str, str | None] = {}
    for name, title in found:
        titles[name] = titles.get(name) or title
    return titles


def test_article_metadata(seeded_db: Path) -> None:
    a001 = article(seeded_db, "001")
    assert a001["title"] == "Bộ Ngoại giao cần phát huy vai trò tiên phong trong các nhiệm vụ đối ngoại"
    assert a001["published"] == "2023-01-31"
    assert a001["url"].startswith("https://baotintuc.vn/")
    for furniture in ("Đường dây nóng", "Xác thực thông tin", "0.37962 sec| 647.813 kb"):
        assert furniture not in a001["body"]
    assert persons(seeded_db, "001", "photographer") == {"Dương Giang": None}
    assert "Dương Giang" not in persons(seeded_db, "001") and not a001["authors"]

    for seed in ("000", "003"):
        assert article(seeded_db, seed)["published"] == "2021-12-18"
    evidence = rows(seeded_db, "select published_evidence from articles where source_path like '%/000_%'")[0][0]
    assert "18-12" in evidence and "31" in evidence  # the day, and the numbered conference that fixed the year

    a002 = article(seeded_db, "002")
    assert (a002["published"], a002["authors"], a002["outlet"]) == ("2022-08-23", "Diệu Thiện", "Báo Kiểm toán")

    a003 = article(seeded_db, "003")
    assert a003["title"] == "Xây dựng nền ngoại giao toàn diện dựa trên 3 trụ cột là nhiệm vụ đặc biệt quan trọng"
    assert a003["outlet"] == "VOV"
    assert "Tin liên quan" not in a003["body"] and "Họ có thế mạnh" not in a003["body"]

    a004 = article(seeded_db, "004")
    assert (a004["title"], a004["published"]) == ("Bế mạc Hội nghị Ngoại giao 32", "2023-12-23")
    assert a004["authors"] == "Vân Hương; Sỹ Cường"


def test_persons_and_titles(seeded_db: Path) -> None:
    p000 = persons(seeded_db, "000")
    assert p000["Nguyễn Quốc Dũng"] == "Thứ trưởng Bộ Ngoại giao"
    assert {"Nguyễn Xuân Phúc", "Phạm Minh Chính"} <= set(p000)
    p001 = persons(seeded_db, "001")
    assert p001["Trần Lưu Quang"] == "Phó Thủ tướng Chính phủ"
    assert p001["Bùi Thanh Sơn"] == "Bộ trưởng Ngoại giao"
    assert p001["Nguyễn Phú Trọng"] == "Tổng Bí thư"
    assert len(persons(seeded_db, "004")) == 5
    assert "Nguyễn Hoàng Long" not in persons(seeded_db, "003")
    assert rows(seeded_db, "select count(distinct article_id), count(distinct person_id) from v_person_mentions "
                           "where name = 'Bùi Thanh Sơn'") == [(3, 1)]


def test_quotes(seeded_db: Path) -> None:
    for start in ("ngoại giao tâm công, từ trái tim đến trái tim", "tình cảm, chân thành"):
        (speaker,) = rows(seeded_db, "select speaker from v_quotes where kind = 'direct' and text like ?",
                          f"{start}%")[0]
        assert set(speaker.split("; ")) == {"Nguyễn Xuân Phúc", "Phạm Minh Chính"}
    assert not rows(seeded_db, "select 1 from v_quotes where text like '%đứt gãy%' and length(text) < 20")
    assert not rows(seeded_db, "select 1 from v_quotes where text like 'Đổi mới, sáng tạo hướng tới%'")
    assert not rows(seeded_db, "select 1 from v_quotes where text like '%Họ có thế mạnh, ta có nhu cầu%'")


@pytest.mark.parametrize(("seed", "number"), [("000", "25"), ("001", "25"), ("001", "15")])
def test_directives(seeded_db: Path, seed: str, number: str) -> None:
    found = rows(seeded_db, "select d.kind, d.issuer from v_directive_mentions d join v_articles a using (article_id) "
                            "where a.source_path like ? and d.number = ?", f"%/{seed}_%", number)
    assert ("Chỉ thị", "Ban Bí thư") in found


def test_one_directive_across_articles(seeded_db: Path) -> None:
    assert rows(seeded_db, "select count(distinct directive_id), count(distinct article_id) from v_directive_mentions "
                           "where kind = 'Chỉ thị' and number = '25'") == [(1, 2)]


def test_events(seeded_db: Path) -> None:
    (conference,) = rows(seeded_db, "select event_id from v_events where name = 'Hội nghị Ngoại giao lần thứ 31'")
    reported_by = rows(seeded_db, "select a.source_path from v_event_articles e join v_articles a using (article_id) "
                                  "where e.event_id = ?", conference[0])
    assert {p[-24:-21] for (p,) in reported_by} == {"000", "003"}
    assert rows(seeded_db, "select kind, start_date from v_events where parent_event_id = ?", conference[0]) == [
        ("plenary_session", "2021-12-18")]
    session = rows(seeded_db, "select e.event_id from v_events e where e.kind = 'working_session' "
                              "and e.start_date = '2023-01-31'")
    assert session
    people = {name for (name,) in rows(seeded_db, "select name from v_event_participants where event_id = ?",
                                       session[0][0])}
    assert {"Trần Lưu Quang", "Bùi Thanh Sơn"} <= people
    assert rows(seeded_db, "select end_date from v_events where name = 'Hội nghị Ngoại giao lần thứ 32'") == [
        ("2023-12-23",)]
