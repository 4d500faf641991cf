"""Finding and decoding article files."""
from __future__ import annotations

import codecs

import ftfy.bad_codecs  # noqa: F401 - registers sloppy-windows-1252
import unicodedata
from pathlib import Path

import pytest

from corpus_db.reader import UnreadableFile, decode, find_files, read_bytes

TEXT = "Bộ trưởng Ngoại giao Bùi Thanh Sơn tiếp Đại sứ Nhật Bản.\n"
TONES = "\u0300\u0301\u0303\u0309\u0323"


def cp1258(text: str) -> bytes:
    """Windows-1258 as legacy sites wrote it: base letters precomposed, tone marks combining."""
    out = []
    for char in text:
        base, *marks = unicodedata.normalize("NFD", char)
        letter = unicodedata.normalize("NFC", base + "".join(m for m in marks if m not in TONES))
        out.append((letter + "".join(m for m in marks if m in TONES)).encode("cp1258"))
    return b"".join(out)


@pytest.mark.parametrize("data", [
    TEXT.encode("utf-8"),
    codecs.BOM_UTF8 + TEXT.encode("utf-8"),
    TEXT.encode("utf-16"),  # with BOM
    TEXT.encode("utf-16-le"),
    TEXT.encode("utf-16-be"),
    cp1258(TEXT),
    TEXT.encode("utf-8").decode("latin-1").encode("utf-8"),  # double-encoded
    TEXT.encode("utf-8").decode("sloppy-windows-1252").encode("utf-8"),
], ids=["utf8", "utf8-bom", "utf16", "utf16-le", "utf16-be", "cp1258", "mojibake-latin1", "mojibake-cp1252"])
def test_decode_text_encodings(data: bytes) -> None:
    text = unicodedata.normalize("NFC", decode(data))
    assert text == TEXT
    assert not text.startswith("\ufeff")


@pytest.mark.parametrize("data, reason", [
    (b"", "empty"),
    (b"  \n\t \n", "empty"),
    (codecs.BOM_UTF8 + b"\xc2\xa0 \n", "blank"),
    (bytes(range(256)) * 20, "binary"),
    (b"\x89PNG\r\n\x1a\n" + bytes(2000), "binary"),
    ("Đại sứ Nhật Bả".encode("utf-8")[:-1], "truncated"),
    (b"Tin \x81\x8d\x8f\x90 l\x9d", "undecodable"),
], ids=["empty", "blank-spaces", "blank-nbsp-bom", "binary", "png", "truncated", "undecodable"])
def test_decode_rejects_what_is_not_an_article(data: bytes, reason: str) -> None:
    with pytest.raises(UnreadableFile, match=reason):
        decode(data)


def test_mojibake_detection_leaves_real_vietnamese_alone() -> None:
    text = "Ông Ân nói: “Đà Nẵng áp dụng ấn phẩm mới” – âm thầm, Âu Lạc, ổn định.\n" * 5
    assert decode(text.encode("utf-8")) == text


def test_read_bytes_enforces_size_limit(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * 1000)
    with pytest.raises(UnreadableFile, match="too large"):
        read_bytes(big, max_bytes=999)
    assert read_bytes(big, max_bytes=1000) == b"x" * 1000


def test_find_files_names_are_stable_across_working_directories(tmp_path: Path, monkeypatch) -> None:
    corpus = tmp_path / "news"
    (corpus / "2023").mkdir(parents=True)
    (corpus / "2023" / "b.txt").write_text("b")
    (corpus / "a.txt").write_text("a")
    (corpus / ".hidden.txt").write_text("h")
    (corpus / "truth.jsonl").write_text("{}")
    by_absolute = [f.name for f in find_files([corpus])]
    monkeypatch.chdir(tmp_path)
    by_relative = [f.name for f in find_files(["news"])]
    assert by_absolute == by_relative == ["news/a.txt", "news/2023/b.txt"]


def test_find_files_missing_path(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        list(find_files([tmp_path / "nope"]))


@pytest.mark.skipif(not Path("/proc/self/cmdline").exists(), reason="needs Linux /proc")
def test_read_bytes_reads_past_a_size_that_says_less() -> None:
    # /proc files report size 0, like a file that grew after it was measured: read to the end.
    expected = Path("/proc/self/cmdline").read_bytes()
    assert len(expected) > 1
    assert read_bytes("/proc/self/cmdline") == expected
    with pytest.raises(UnreadableFile, match="too large"):
        read_bytes("/proc/self/cmdline", max_bytes=1)
