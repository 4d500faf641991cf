"""Cue tables: the language knowledge extraction rules use, kept as data in one place.

Each module holds named groups of cue words; ``compile_cues`` turns a group into
one pattern at import, refusing an empty group (which would match everything).
"""
from __future__ import annotations

import re
from collections.abc import Iterable


def compile_cues(cues: Iterable[str], *, template: str = "{}", flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """One alternation of the cues, longest first, inside ``template`` ("(?:{})" by default)."""
    words = sorted({c for c in cues if c}, key=len, reverse=True)
    if not words:
        raise ValueError("an empty cue group would match everything")
    return re.compile(template.format("(?:" + "|".join(re.escape(w) for w in words) + ")"), flags)
