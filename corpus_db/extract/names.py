"""Name normalisation shared by every extractor."""
from __future__ import annotations

import unicodedata
from functools import lru_cache


@lru_cache(maxsize=4096)  # names recur within an article and across a corpus
def canonical_name(name: str) -> str:
    """NFC, single spaces, each syllable capitalised: "DIỆU THIỆN" → "Diệu Thiện".

    Hyphenated parts keep their hyphen ("Jean-Pierre"), and each part is capitalised.
    """
    name = unicodedata.normalize("NFC", " ".join(name.split()))
    words = []
    for word in name.split(" "):
        words.append("-".join(part[:1].upper() + part[1:].lower() for part in word.split("-")))
    return " ".join(words)


def fold(text: str) -> str:
    """Accent-free, lower-case key: "Bùi Thanh Sơn" → "bui thanh son" (đ → d included)."""
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).lower().split())
