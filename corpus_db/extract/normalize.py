"""Normalisation at the door: one canonical form of the text before any rule reads it."""
from __future__ import annotations

import html
import re
import unicodedata

# Spaces that are not U+0020 (no-break, thin, figure, ideographic, zero-width…) and soft hyphens.
_ODD_SPACE_CHARS = "\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t\u000b\u000c"
_INVISIBLE_CHARS = "\u00ad\u200b-\u200d\u2060\ufeff\x00-\x08\x0e-\x1f\x7f"
_ODD_SPACES = re.compile(f"[{_ODD_SPACE_CHARS}]")
_INVISIBLE = re.compile(f"[{_INVISIBLE_CHARS}]")
# Either of the two above: one scan tells whether the two substitutions have anything to do.
_ODD_OR_INVISIBLE = re.compile(f"[{_ODD_SPACE_CHARS}{_INVISIBLE_CHARS}]")
_ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});")
# A sentence mark glued to the next sentence's capital: "việc.Ảnh" → "việc. Ảnh". Not inside
# numbers (0.37), abbreviations with a capital before the dot ("TP.HCM", "P.V"), URLs or e-mails.
# The mark comes first and the two letters before it are a look-behind from after it: a pattern
# that starts with a look-behind is tried at every position, one that starts with a character
# class only where that class matches (five times faster on an article).
_GLUED = re.compile(r"([.!?;:])(?<=[a-zà-ỹđ]{2}[.!?;:])(?=[A-ZÀ-ỸĐ][a-zà-ỹđ])")
# Where either step has something to do: an odd or invisible character, or a mark where _GLUED
# matches (a character of one class, then: a mark with _GLUED's look-behind and look-ahead, or
# not a mark). One scan of the text instead of two, for the many texts that have neither.
_ODD_OR_GLUED = re.compile(f"[{_ODD_SPACE_CHARS}{_INVISIBLE_CHARS}.!?;:]"
                           r"(?:(?<=[a-zà-ỹđ]{2}[.!?;:])(?=[A-ZÀ-ỸĐ][a-zà-ỹđ])|(?<![.!?;:]))")


def normalize_text(text: str) -> str:
    """NFC, HTML entities decoded, \\n line ends, plain spaces, no control characters."""
    if _ENTITY.search(text):
        text = html.unescape(text)
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    hit = _ODD_OR_GLUED.search(text)
    if hit is not None:  # (else neither step below would change the text)
        # An odd or invisible character is the first hit or comes after it.
        if hit[0] not in ".!?;:" or _ODD_OR_INVISIBLE.search(text, hit.end()):
            text = _INVISIBLE.sub("", text)
            text = _ODD_SPACES.sub(" ", text)
        text = _GLUED.sub(r"\1 ", text)
    return "\n".join([line.strip() for line in text.split("\n")])
