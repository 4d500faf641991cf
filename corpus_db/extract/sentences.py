"""Sentence spans in a body: split at . ! ? … followed by a capital or a line end, never inside quotes."""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from functools import lru_cache
from itertools import islice

from ..rules import matches_at

# A sentence end: a run of . ! ? … (and a closing quote) before a capital, or a line end. The
# class comes first, before the alternatives, so that ``re`` can skip straight to a candidate
# instead of trying the pattern at every position (4x faster on a body). Each end also takes
# the spaces after it, so that every sentence starts where the one before ends: a line end all
# the spaces (blank lines too, which hold no sentence), a run of marks (group "gap") the spaces
# up to the capital. Those are no line end: a line end is a sentence end even inside a quote,
# and "." before a line end and a capital on the next line ends the same sentence the line end
# does.
_END = re.compile(r"[.!?…\n](?:(?<=\n)\s*|(?<=[.!?…])[.!?…]*[”\"»’]?(?P<gap>[^\S\n]+)(?=[\"“«]?[A-ZĐÀ-Ỹ0-9]))")
_MARKS = ".!?…\n"  # what a sentence end starts with
_QUOTES = "“«„”»\""


@lru_cache(maxsize=16)  # several extractors split the same body
def sentences(body: str) -> tuple[tuple[int, int], ...]:
    """[start, end) spans of the sentences of ``body``, trimmed of spaces."""
    return tuple(_spans(body))


def first_sentences(body: str, count: int) -> tuple[tuple[int, int], ...]:
    """``sentences(body)[:count]``, without splitting the rest of ``body``."""
    return tuple(islice(_spans(body), count))


def _spans(body: str) -> Iterator[tuple[int, int]]:
    # ``start`` is always at a character that is not a space (an end takes the spaces after it),
    # so a sentence needs no trimming at its start, nor at its end after a run of marks.
    start = len(body) - len(body.lstrip())
    quotes = _positions(body, _QUOTES)
    # ``_END.finditer(body, start)``, tried only where a mark stands: ``re`` skips to a class of
    # characters several times slower than ``str.find`` finds each of them.
    for match in matches_at(_END, body, _positions(body, _MARKS, start)):
        end = match.start(1)
        if end >= 0:  # after a run of marks
            # Not inside a quotation: curly quotes balanced, straight quotes even. Most
            # segments have no quote at all, and the quotation marks of the body say so.
            if quotes and _has_mark(quotes, start, end) and _inside_quote(body[start:end]):
                continue
            yield start, end
        else:  # at a line end, after the spaces that may end the line
            yield start, start + len(body[start:match.start()].rstrip())
        start = match.end()
    if start < len(body):
        yield start, start + len(body[start:].rstrip())


def _positions(body: str, marks: str, start: int = 0) -> list[int]:
    """The positions of ``marks`` in ``body`` from ``start``, in order: a ``str.find`` for each
    mark is many times quicker than a search for a class of characters."""
    found: list[int] = []
    for mark in marks:
        at = body.find(mark, start)
        while at >= 0:
            found.append(at)
            at = body.find(mark, at + 1)
    found.sort()
    return found


def _has_mark(quotes: list[int], start: int, end: int) -> bool:
    """Whether one of the positions ``quotes`` (in order) is in [start, end)."""
    i = bisect_left(quotes, start)
    return i < len(quotes) and quotes[i] < end


def _inside_quote(segment: str) -> bool:
    return (segment.count("“") + segment.count("«") + segment.count("„") > segment.count("”") + segment.count("»")
            or segment.count('"') % 2 == 1)
