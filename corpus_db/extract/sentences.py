"""Sentence spans in a body: split at . ! ? … followed by a capital or a line end, never inside quotes."""
from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from itertools import islice

# A sentence end: a run of . ! ? … (and a closing quote) before a capital, or a line end. The
# class comes first, before the alternatives, so that ``re`` can skip straight to a candidate
# instead of trying the pattern at every position (4x faster on a body).
_END = re.compile(r"[.!?…\n](?:(?<=\n)|(?<=[.!?…])[.!?…]*[”\"»’]?(?=\s+[\"“«]?[A-ZĐÀ-Ỹ0-9]))")
_OPEN, _CLOSE = "“«„", "”»"
_QUOTE = re.compile("[“«„”»\"]")


@lru_cache(maxsize=16)  # several extractors split the same body
def sentences(body: str) -> tuple[tuple[int, int], ...]:
    """[start, end) spans of the sentences of ``body``, trimmed of spaces."""
    return tuple(_spans(body))


def first_sentences(body: str, count: int) -> tuple[tuple[int, int], ...]:
    """``sentences(body)[:count]``, without splitting the rest of ``body``."""
    return tuple(islice(_spans(body), count))


def _spans(body: str) -> Iterator[tuple[int, int]]:
    start = 0
    for match in _END.finditer(body):
        mark, end = match.span()
        if body[mark] != "\n":
            # Not inside a quotation: curly quotes balanced, straight quotes even. Most
            # segments have no quote at all, and one search says so.
            if _QUOTE.search(body, start, end) and _inside_quote(body[start:end]):
                continue
        else:
            end = mark
        span = _trimmed(body, start, end)
        if span:
            yield span
        start = match.end()
    span = _trimmed(body, start, len(body))
    if span:
        yield span


def _inside_quote(segment: str) -> bool:
    return (sum(segment.count(c) for c in _OPEN) > sum(segment.count(c) for c in _CLOSE)
            or segment.count('"') % 2 == 1)


def _trimmed(body: str, start: int, end: int) -> tuple[int, int] | None:
    segment = body[start:end]
    text = segment.strip()  # str.strip() drops what str.isspace() calls space
    if not text:
        return None
    start += len(segment) - len(segment.lstrip())
    return start, start + len(text)
