"""Sentence spans in a body: split at . ! ? … followed by a capital or a line end, never inside quotes."""
from __future__ import annotations

import re
from functools import lru_cache

_END = re.compile(r"(?:[.!?…]+[”\"»’]?)(?=\s+[\"“«]?[A-ZĐÀ-Ỹ0-9])|\n")
_OPEN, _CLOSE = "“«„", "”»"


@lru_cache(maxsize=16)  # several extractors split the same body
def sentences(body: str) -> tuple[tuple[int, int], ...]:
    """[start, end) spans of the sentences of ``body``, trimmed of spaces."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _END.finditer(body):
        end = match.end() if match.group() != "\n" else match.start()
        segment = body[start:end]
        # Not inside a quotation: curly quotes balanced, straight quotes even.
        if match.group() != "\n" and (sum(segment.count(c) for c in _OPEN) > sum(segment.count(c) for c in _CLOSE)
                                      or segment.count('"') % 2):
            continue
        _add(body, spans, start, end)
        start = match.end()
    _add(body, spans, start, len(body))
    return tuple(spans)


def _add(body: str, spans: list[tuple[int, int]], start: int, end: int) -> None:
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))
