"""Cue tables: the language knowledge extraction rules use, kept as data in one place.

Each module holds named groups of cue words; ``compile_cues`` turns a group into
one pattern at import, refusing an empty group (which would match everything).
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

WORD_START = r"(?<![\w])"


class CuePattern:
    """An alternation of cue phrases that finds exactly what ``re`` would, several times faster.

    Python's ``re`` tries every alternative at every position when a pattern starts with a
    look-behind or ignores case. This scans for candidates with a plain, case-sensitive
    pattern (on the lower-cased text when case is ignored) and confirms each candidate with
    the exact pattern at that position, so the matches — real ``re.Match`` objects on the
    original text — are the same as ``pattern.finditer`` gives.
    """

    def __init__(self, pattern: re.Pattern[str], scan: re.Pattern[str], fold: bool = False) -> None:
        self.pattern = pattern  # the exact pattern
        self._scan = scan  # matches wherever ``pattern`` does (on the lower-cased text if ``fold``)
        self._fold = fold
        self._last: tuple[str, str] | None = None

    @classmethod
    def of_words(cls, words: list[str], template: str, flags: int) -> CuePattern:
        alternation = "(?:" + "|".join(re.escape(w) for w in words) + ")"
        exact = re.compile(template.format(alternation), flags)
        fold = bool(flags & re.IGNORECASE)
        if fold:
            lowered = sorted({w.lower() for w in words}, key=len, reverse=True)
            alternation = "(?:" + "|".join(re.escape(w) for w in lowered) + ")"
        scan = re.compile(template.replace(WORD_START, "").format(alternation), flags & ~re.IGNORECASE)
        return cls(exact, scan, fold)

    @classmethod
    def of_pattern(cls, source: str, flags: int = 0) -> CuePattern:
        """``source`` whose word-start look-behinds are checked only where the rest matches."""
        return cls(re.compile(source, flags), re.compile(source.replace(WORD_START, ""), flags))

    def _haystack(self, text: str) -> str | None:
        if not self._fold:
            return text
        if self._last is None or self._last[0] is not text:
            self._last = (text, text.lower())
        lowered = self._last[1]
        return lowered if len(lowered) == len(text) else None  # a letter whose lower case is longer

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match[str]]:
        endpos = len(text) if endpos is None else endpos
        haystack = self._haystack(text) if self._fold else text  # (the call only when needed, for speed)
        if haystack is None:
            yield from self.pattern.finditer(text, pos, endpos)
            return
        while pos <= endpos:
            candidate = self._scan.search(haystack, pos, endpos)
            if candidate is None:
                return
            start = candidate.start()
            match = self.pattern.match(text, start, endpos)
            if match is None:
                pos = start + 1
                continue
            yield match
            end = match.end()  # (the match starts at ``start``)
            pos = end if end > start else end + 1

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        return next(self.finditer(text, pos, endpos), None)

    def match(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        return self.pattern.match(text, pos, len(text) if endpos is None else endpos)


def find_all(text: str, word: str) -> Iterator[int]:
    """Every position of ``word`` in ``text``, overlaps included, in order (``str.find``)."""
    at = text.find(word)
    while at >= 0:
        yield at
        at = text.find(word, at + 1)


def matches_at(pattern: re.Pattern[str], text: str, starts: Iterable[int]) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` when every match starts at one of ``starts``: the pattern is
    tried at these, in order, and never inside the match before (as ``finditer`` does)."""
    end = 0
    for start in sorted(starts):
        if start >= end:
            match = pattern.match(text, start)
            if match:
                yield match
                end = match.end()


def trie(cues: tuple[str, ...]) -> str:
    """The cues as one alternation that shares their common beginnings ("Phó (?:Chủ tịch|Thủ tướng)…").

    It matches what the longest-first alternation of ``compile_cues`` does (the longest cue that
    fits wins), but ``re`` follows one branch at each position instead of trying every cue: the
    tables scanned over every article are found about twice as fast.
    """
    cues = tuple(cue for cue in cues if cue)
    if not cues:
        raise ValueError("an empty cue group would match everything")
    root: dict[str, dict] = {}
    for cue in cues:
        node = root
        for char in cue:
            node = node.setdefault(char, {})
        node[""] = {}  # a cue ends here

    def alternation(node: dict[str, dict]) -> str:
        branches = [re.escape(char) + alternation(child) for char, child in node.items() if char]
        if not branches:
            return ""
        either = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{either})?" if "" in node else either  # greedy: a longer cue is tried first

    return alternation(root)


def compile_cues(cues: Iterable[str], *, template: str = "{}",
                 flags: int = re.IGNORECASE) -> re.Pattern[str] | CuePattern:
    """One alternation of the cues, longest first, inside ``template`` ("(?:{})" by default)."""
    words = sorted({c for c in cues if c}, key=len, reverse=True)
    if not words:
        raise ValueError("an empty cue group would match everything")
    if template.startswith(WORD_START) or flags & re.IGNORECASE:
        return CuePattern.of_words(words, template, flags)
    return re.compile(template.format("(?:" + "|".join(re.escape(w) for w in words) + ")"), flags)
