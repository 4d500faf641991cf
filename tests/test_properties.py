"""Property tests: the extractor never raises, and every span points at its surface form."""
from __future__ import annotations

import codecs
import unicodedata
from pathlib import Path

import ftfy.bad_codecs  # noqa: F401 - registers sloppy-windows-1252
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpus_db.extract import extract
from corpus_db.reader import decode

from .test_reader import cp1258

FRAGMENTS = [
    "Thủ tướng Phạm Minh Chính", "Bộ trưởng Ngoại giao Bùi Thanh Sơn", "ông Dũng", "Phó Thủ tướng",
    " nhấn mạnh: “", "”", "\"", "«", "»", " cho biết, ", "Chỉ thị số 25-CT/TW của Ban Bí thư", "Nghị quyết",
    "Hội nghị Ngoại giao lần thứ 32", "sáng 23/12", "ngày 5/9/2022", "Tin liên quan", "Ảnh: TTXVN", "\n",
    "\n\n", ". ", ", ", ";", "(TTXVN) - ", "VOV.VN - ", "Link nguồn: https://vov.vn/a-1.vov", "Theo ",
    "Antony Blinken", "Lý Cường", "hội đàm với", "điện đàm", "tiếp", "Đại sứ Việt Nam tại Pháp", "\u00a0",
    "\u0301", "Đ", "đ", "1", "/", "-", "…", "./.", "DIỆU THIỆN",
]
vietnamese_text = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=20)), max_size=60).map("".join)


def check_spans(text: str) -> None:
    result = extract(text)
    body = result.body
    for person in result.persons:
        if person.field == "body":
            assert 0 <= person.start <= person.end <= len(body)
            assert body[person.start:person.end] == person.surface, person
    for quote in result.quotes:
        assert 0 <= quote.start <= quote.end <= len(body)
        assert body[quote.start:quote.end] == quote.text, quote
    for directive in result.directives:
        assert body[directive.start:directive.end] == directive.surface, directive
    for event in result.events:
        assert body[event.start:event.end] == event.surface, event
        assert event.parent is None or 0 <= event.parent < len(result.events)
    for quote in result.quotes:
        assert quote.event is None or 0 <= quote.event < len(result.events)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_any_unicode_string(text: str) -> None:
    check_spans(text)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(vietnamese_text)
def test_article_like_strings(text: str) -> None:
    check_spans(text)


@pytest.mark.parametrize("name", sorted(p.name for p in (Path(__file__).parents[1] / "seeds").glob("*.txt")))
def test_seed_spans(name: str, seeds_dir: Path) -> None:
    check_spans((seeds_dir / name).read_text(encoding="utf-8"))


def facts(text: str) -> tuple:
    result = extract(text)
    return (
        result.meta.title, result.meta.published,
        sorted({(p.name, p.role) for p in result.persons}),
        sorted((q.kind, q.text, q.speakers) for q in result.quotes),
        sorted((d.kind, d.number, d.issuer) for d in result.directives),
    )


VARIANTS = {
    "utf8-bom": lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
    "utf16": lambda t: t.encode("utf-16"),
    "utf16-le-no-bom": lambda t: t.encode("utf-16-le"),
    "cp1258": cp1258,
    "nfd": lambda t: unicodedata.normalize("NFD", t).encode("utf-8"),
    "crlf": lambda t: t.replace("\n", "\r\n").encode("utf-8"),
    "nbsp": lambda t: t.replace(" ", "\u00a0", 40).encode("utf-8"),
    "nul-bytes": lambda t: t.replace("\n", "\n\x00", 3).encode("utf-8"),
    "mojibake": lambda t: t.encode("utf-8").decode("sloppy-windows-1252").encode("utf-8"),
    "html-entities": lambda t: t.replace("“", "&ldquo;").replace("”", "&rdquo;").encode("utf-8"),
}


@pytest.mark.parametrize("variant", sorted(VARIANTS))
@pytest.mark.parametrize("seed", ["000_4a652284712d2d2c.txt", "001_337f9824fff35007.txt"])
def test_encoding_variants_give_the_same_facts(seeds_dir: Path, seed: str, variant: str) -> None:
    original = (seeds_dir / seed).read_text(encoding="utf-8")
    assert facts(decode(VARIANTS[variant](original))) == facts(original)
