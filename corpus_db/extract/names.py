"""Name normalisation shared by every extractor."""
from __future__ import annotations

import unicodedata
from functools import lru_cache


@lru_cache(maxsize=4096)  # names recur within an article and across a corpus
def canonical_name(name: str) -> str:
    """NFC, single spaces, each syllable capitalised: "DIỆU THIỆN" → "Diệu Thiện".

    A word in capitals or in lower case is capitalised part by part ("KIM JONG-UN" → "Kim
    Jong-Un"); a word already in mixed case keeps its spelling but for its first letter
    ("McCain", "O'Brien", "Jean-Claude", "Jae-in": the case of the rest is the name's, not the
    page's).
    """
    name = unicodedata.normalize("NFC", " ".join(name.split()))
    words = []
    for word in name.split(" "):
        if word.isupper() or word.islower():
            words.append("-".join(part[:1].upper() + part[1:].lower() for part in word.split("-")))
        else:
            words.append(word[:1].upper() + word[1:])
    return " ".join(words)


def fold(text: str) -> str:
    """Accent-free, lower-case key: "Bùi Thanh Sơn" → "bui thanh son" (đ → d included)."""
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).lower().split())
