"""Reading article files: finding them, decoding their bytes, rejecting what is not text."""
from __future__ import annotations

import codecs
import hashlib
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

# Files that sit beside articles in scraped folders but are not articles.
NOT_ARTICLES = frozenset({".json", ".jsonl", ".csv", ".tsv", ".db", ".sqlite", ".sqlite3",
                          ".py", ".gz", ".zip", ".jpg", ".jpeg", ".png", ".gif", ".pdf"})
DEFAULT_MAX_BYTES = 10 * 1024 * 1024


class UnreadableFile(Exception):
    """A file that cannot be read as an article; the message is the one-line reason."""


@dataclass(frozen=True)
class SourceFile:
    path: str  # where it is on disk
    name: str  # stable identity in the database: relative to the folder given, prefixed by its name


@dataclass(frozen=True)
class Shard:
    """Worker K of N: takes the files whose name hashes to K (deterministic across machines)."""

    index: int
    count: int

    @classmethod
    def parse(cls, text: str) -> Shard:
        """"2/4" → the second of four shards (1-based, as users count)."""
        try:
            k, n = (int(part) for part in text.split("/"))
        except ValueError:
            raise ValueError(f"a shard is K/N with whole numbers, like 1/4: {text!r}") from None
        if not 1 <= k <= n:
            raise ValueError(f"shard {text!r}: K must be between 1 and N")
        return cls(k - 1, n)

    def takes(self, name: str) -> bool:
        digest = hashlib.blake2b(name.encode("utf-8"), digest_size=8).digest()
        return int.from_bytes(digest, "big") % self.count == self.index


def find_files(paths: Iterable[str | os.PathLike[str]]) -> Iterator[SourceFile]:
    """Every article file under ``paths`` (files or folders, recursive), in a stable order.

    Hidden files and known non-article files (JSON, CSV, databases…) are passed over.
    A path that does not exist raises FileNotFoundError. (Plain strings, not ``Path``
    objects: a re-ingest of an unchanged corpus spends most of its time here.)
    """
    for given in paths:
        root = os.fspath(given)
        if not os.path.exists(root) and not os.path.islink(root):
            raise FileNotFoundError(f"no such file or folder: {given}")
        if os.path.isdir(root):
            prefix = Path(root).resolve().name
            for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
                dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
                relative = os.path.relpath(dirpath, root).replace(os.sep, "/")
                folder = prefix if relative == "." else f"{prefix}/{relative}"
                for filename in sorted(filenames):
                    if filename.startswith(".") or os.path.splitext(filename)[1].lower() in NOT_ARTICLES:
                        continue
                    yield SourceFile(os.path.join(dirpath, filename), f"{folder}/{filename}")
        else:
            yield SourceFile(root, os.path.basename(root))


def corpus_files(paths: Iterable[str | os.PathLike[str]], shard: Shard | None = None) -> Iterable[SourceFile]:
    """The files an ingest of ``paths`` takes, in the order it takes them."""
    files = find_files(paths)
    return (f for f in files if shard.takes(f.name)) if shard else files


def batches(items: Iterable[SourceFile], size: int) -> Iterator[list[SourceFile]]:
    """``items`` in lists of ``size`` (the last one shorter)."""
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def read_bytes(path: str | os.PathLike[str], *, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The bytes of one file, or UnreadableFile with the reason (vanished, too large, unreadable).

    With a bare file descriptor, not a file object: a re-ingest reads every file of the corpus
    to hash it, and ``open()`` costs as much again as the reading.
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    except FileNotFoundError as exc:
        raise UnreadableFile("broken link or file vanished") from exc
    except OSError as exc:
        raise UnreadableFile(f"cannot read: {exc.strerror or exc}") from exc
    try:
        size = os.fstat(fd).st_size  # of the file opened: one lookup of the path, not two
        if size > max_bytes:
            raise UnreadableFile(f"too large: {size:,} bytes (limit {max_bytes:,})")
        data = os.read(fd, size + 1)  # the whole of a regular file; one byte more shows one that grew
        if len(data) > size:  # still being written, or not a regular file: read to the end
            parts = [data]
            while chunk := os.read(fd, 1 << 20):
                parts.append(chunk)
                if sum(map(len, parts)) > max_bytes:
                    raise UnreadableFile(f"too large: more than {max_bytes:,} bytes")
            data = b"".join(parts)
        return data
    except OSError as exc:
        raise UnreadableFile(f"cannot read: {exc.strerror or exc}") from exc
    finally:
        os.close(fd)


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def decode(data: bytes) -> str:
    """Decode an article file whatever a scraper saved it as.

    UTF-8 (with or without BOM), UTF-16 (with or without BOM), Windows-1258
    (legacy Vietnamese sites), and UTF-8 that was decoded as Windows-1252 or
    Latin-1 and saved again ("Viá»‡t Nam"), which is repaired. Raises
    UnreadableFile with a one-line reason for empty, blank, binary, truncated
    or undecodable files.
    """
    if not data.strip():
        raise UnreadableFile("empty file")
    utf16 = _utf16_codec(data)
    if utf16:
        try:
            text = data.decode(utf16)
        except UnicodeDecodeError as exc:
            raise UnreadableFile(f"broken UTF-16 at byte {exc.start}") from exc
    else:
        if _binary(data[:4096]):
            raise UnreadableFile("binary file, not text")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            if exc.reason == "unexpected end of data" and exc.start >= len(data) - 3:
                raise UnreadableFile("truncated: the file ends in the middle of a UTF-8 character") from exc
            text = _legacy(data)
        else:
            text = _repair_mojibake(text)
    if not text.strip(" \t\r\n\x00\ufeff\u00a0"):
        raise UnreadableFile("blank file")
    return text


def _utf16_codec(data: bytes) -> str | None:
    """"utf-16" for a BOM, the byte order for BOM-less UTF-16 (half the bytes NUL), else None."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    sample = data[:2000]
    if len(sample) < 4 or len(sample) % 2:
        return None
    odd_nuls = sample[1::2].count(0) / (len(sample) // 2)
    even_nuls = sample[0::2].count(0) / (len(sample) // 2)
    if odd_nuls > 0.3 and even_nuls < 0.05:
        return "utf-16-le"
    if even_nuls > 0.3 and odd_nuls < 0.05:
        return "utf-16-be"
    return None


def _legacy(data: bytes) -> str:
    try:
        return data.decode("cp1258")
    except UnicodeDecodeError as exc:
        raise UnreadableFile("undecodable: not UTF-8, UTF-16 or Windows-1258 text") from exc


# UTF-8 read as Windows-1252/Latin-1: a lead byte shown as Ã Ä Æ á â (0xC3 0xC4 0xC6 0xE1 0xE2)
# followed by a continuation byte shown as a Latin-1 symbol or a Windows-1252 punctuation mark.
_MOJIBAKE = re.compile("[ÃÄÆáâ][\u0080-\u00bf\u2013-\u203a\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u20ac\u2122]")


def _repair_mojibake(text: str) -> str:
    sample = text[:20000]
    if len(_MOJIBAKE.findall(sample)) < 3:
        return text
    import ftfy  # only for the rare file that needs it

    return ftfy.fix_encoding(text)


_CONTROL_BYTES = bytes(b for b in range(32) if b not in b"\t\n\r\f\v")


def _binary(sample: bytes) -> bool:
    """Mostly control bytes (a stray NUL in a text file is not enough)."""
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return controls > max(8, len(sample) // 20)
