"""Persons named in an article body: with or without a title, Vietnamese or foreign,
and the later references to them ("Phó Thủ tướng", "Bộ trưởng Sơn", "ông Dũng").

A Vietnamese personal name capitalises every syllable ("Bùi Thanh Sơn"), where an
organisation capitalises only its first ("Bộ Ngoại giao"): names are runs of
capitalised words, starting with a known surname, or following a title or an
honorific. Titles, surnames and the places that look like names are data in
``rules.titles``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..rules.titles import (
    BEFORE_NOT_PERSON,
    HEAD_PATTERN,
    HONORIFIC_PATTERN,
    NOT_PERSONS,
    ONE_NAME_TITLES,
    PLACE_PREFIX,
    PLURAL,
    SURNAMES,
)
from .names import canonical_name
from .types import PersonMention

_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_GAP = re.compile(r"[ \t]+")  # used with fullmatch
# Lowercase words that end a title: what follows them is not the title's complement.
_TITLE_BREAKS = frozenset("""và với cùng đã sẽ đang là có được cho khi trong này đó các những đến tới tiếp gặp
hội đàm điện thăm dự nói cho biết khẳng định nhấn mạnh phát biểu ký chủ trì tham gửi trao nhận đón chào
""".split())
_CLAUSE_END = re.compile(r"[.;:!?“”\"«»()\[\]\n]")
_MAX_TITLE_CHARS = 90


def _is_cap(word: str) -> bool:
    """A capitalised word ("Sơn", "Jong-un"), not an acronym ("TTXVN") nor a lower-case one."""
    if not word[0].isupper():
        return False
    return len(word) == 1 or not word[1:].replace("-", "").replace("'", "").isupper()


_VIETNAMESE_LETTERS = frozenset("ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ")
_NOT_VIETNAMESE = frozenset("fjwz")


def _foreign(word: str) -> bool:
    """A Latin-script word that is not a Vietnamese syllable: no Vietnamese letters, or letters
    Vietnamese never writes (f, j, w, z, ñ, ü…)."""
    if word.isascii():
        return True
    letters = set(word.lower())
    if letters & _NOT_VIETNAMESE or any(not c.isascii() and c not in _VIETNAMESE_LETTERS for c in letters):
        return all(ord(c) < 0x250 for c in letters)
    return False


@dataclass
class _Run:
    start: int
    end: int
    words: list[tuple[int, int]]  # spans of the words


_UPPER = "".join(re.escape(chr(i)) for i in range(0x10000) if chr(i).isupper())
# A word that starts with a capital; the look-behinds (after its first letter, so the scan stays
# fast) make it a whole word in the sense of _WORD: not the tail of "o'Neil" or "xSơn".
_CAPITAL_WORD = re.compile(rf"[{_UPPER}](?<![^\W\d_][{_UPPER}])(?<![^\W\d_][-'’][{_UPPER}])"
                           r"[^\W\d_]*(?:[-'’][^\W\d_]+)*")


def _runs(body: str, masked: list[tuple[int, int]]) -> list[_Run]:
    """Maximal runs of capitalised words separated by plain spaces, outside title spans."""
    runs: list[_Run] = []
    mask_index = 0
    current: list[tuple[int, int]] = []
    for match in _CAPITAL_WORD.finditer(body):
        start, end = match.span()
        while mask_index < len(masked) and masked[mask_index][1] <= start:
            mask_index += 1
        inside = mask_index < len(masked) and masked[mask_index][0] <= start < masked[mask_index][1]
        # Only spaces between this word and the run's last one: no lower-case word, no punctuation.
        joined = current and _GAP.fullmatch(body, current[-1][1], start)
        if current and not joined:
            runs.append(_Run(current[0][0], current[-1][1], current))
            current = []
        if inside or not _is_cap(match.group()):
            if current:
                runs.append(_Run(current[0][0], current[-1][1], current))
            current = []
            continue
        current.append((start, end))
    if current:
        runs.append(_Run(current[0][0], current[-1][1], current))
    return runs


_CONTINENT = re.compile(r"\bchâu\s+$")


def _title_before(body: str, start: int, heads: list[re.Match[str]], floor: int) -> tuple[int, str] | None:
    """The title standing right before a name at ``start``: (its start, its text)."""
    window_start = max(floor, start - _MAX_TITLE_CHARS)
    best = None
    for head in heads:
        if head.start() < window_start or head.end() > start:
            continue
        gap = body[head.end():start]
        if _CLAUSE_END.search(gap) or any(w in _TITLE_BREAKS for w in gap.lower().split()):
            continue
        if "," in gap and not re.search(r",\s*(?:ông|bà|ngài)\s*$", gap):
            continue
        best = head  # the earliest head that still reaches the name
        break
    if best is None:
        return None
    title_start = best.start()
    # Composite titles: "Ủy viên Bộ Chính trị, Bí thư Trung ương Đảng, Trưởng Ban Đối ngoại Trung ương X".
    for head in reversed([h for h in heads if h.end() <= title_start and h.start() >= max(floor, window_start - 60)]):
        between = body[head.end():title_start]
        if re.fullmatch(r"[^.;:!?“”\"()\n,]*,\s*", between) and not any(
                w in _TITLE_BREAKS for w in between.lower().split()):
            title_start = head.start()
        else:
            break
    text = re.sub(r",?\s*(?:ông|bà|ngài)\s*$", "", body[title_start:start]).strip(" ,")
    return title_start, " ".join(text.split())


def _preceding_word(body: str, start: int) -> str:
    before = body[max(0, start - 25):start].lower().split()
    if not before:
        return ""
    two = " ".join(before[-2:])
    return two if two in BEFORE_NOT_PERSON else before[-1].strip(",(")


def _name_words(body: str, run: _Run) -> list[tuple[int, int]]:
    """The words of a run that make the name: a leading place ("Mỹ Antony Blinken") is dropped."""
    words = run.words
    if len(words) > 1 and _CONTINENT.search(body, max(0, words[0][0] - 6), words[0][0]):
        words = words[1:]  # "Ủy ban châu Âu Ursula von der Leyen": "Âu" ends the place
    text = body[words[0][0]:words[-1][1]]
    place = PLACE_PREFIX.match(text)
    if place and place.end() < len(text):
        cut = words[0][0] + place.end()
        words = [w for w in words if w[0] >= cut]
    return words


def _looks_vietnamese_name(body: str, words: list[tuple[int, int]]) -> bool:
    return 2 <= len(words) <= 4 and body[words[0][0]:words[0][1]] in SURNAMES


def _looks_foreign_name(body: str, words: list[tuple[int, int]]) -> bool:
    return 1 <= len(words) <= 4 and all(_foreign(body[s:e]) for s, e in words)


def find_persons(body: str) -> tuple[PersonMention, ...]:
    """Every mention of a named person in ``body``, with spans, canonical names and titles."""
    heads = list(HEAD_PATTERN.finditer(body))
    honorifics = list(HONORIFIC_PATTERN.finditer(body))
    masked = sorted(m.span() for m in heads + honorifics)
    mentions: list[PersonMention] = []
    floor = 0  # a title never reaches back over an earlier name
    untitled_foreign: list[tuple[int, int]] = []
    single_words: list[tuple[int, int, str | None]] = []
    for run in _runs(body, masked):
        words = _name_words(body, run)
        if not words:
            continue
        start, end = words[0][0], words[-1][1]
        surface = body[start:end]
        whole = body[run.start:run.end]
        if (surface.casefold() in NOT_PERSONS or PLACE_PREFIX.match(whole + " ") and len(PLACE_PREFIX.match(
                whole + " ").group().strip()) == len(whole) or _preceding_word(body, run.start) in BEFORE_NOT_PERSON):
            continue
        # the title runs to the name, a place between them included ("Ngoại trưởng Hoa Kỳ Antony Blinken")
        titled = _title_before(body, start, heads, floor)
        honoured = any(h.end() <= run.start and _GAP.fullmatch(body[h.end():run.start] or " ")
                       and body[h.end():run.start] for h in honorifics if run.start - 12 <= h.end() <= run.start)
        if surface.casefold() == "hồ chí minh" and not (titled and titled[1].endswith("Chủ tịch")):
            continue
        vietnamese = _looks_vietnamese_name(body, words)
        foreign = not vietnamese and _looks_foreign_name(body, words)
        if vietnamese and len(words) > 4:
            continue
        if not (vietnamese or ((titled or honoured) and foreign)):
            if foreign and len(words) >= 2:
                untitled_foreign.append((start, end))
            continue
        if len(words) == 1:
            if titled and foreign and ONE_NAME_TITLES.match(titled[1]):  # "Nhà vua Naruhito"
                mentions.append(PersonMention(name=canonical_name(surface), surface=surface, start=start, end=end,
                                              title=titled[1]))
                floor = end
            else:
                single_words.append((start, end, titled[1] if titled else None))
            continue
        title = titled[1] if titled else None
        if title and any(title.lower().startswith(p + " ") for p in PLURAL):
            continue
        mentions.append(PersonMention(name=canonical_name(surface), surface=surface, start=start, end=end,
                                      title=title))
        floor = end
    known = {m.name for m in mentions}
    for start, end in untitled_foreign:  # "Antony Blinken" alone, once the article titled him
        if canonical_name(body[start:end]) in known:
            mentions.append(PersonMention(name=canonical_name(body[start:end]), surface=body[start:end],
                                          start=start, end=end))
    for start, end, title in single_words:  # "Tổng thống Putin" once "Vladimir Putin" is named
        owners = {m.name for m in mentions if body[start:end] == m.name.split()[-1]}
        if len(owners) == 1:
            mentions.append(PersonMention(name=owners.pop(), surface=body[start:end], start=start, end=end,
                                          title=title))
    mentions += _references(body, mentions, heads, honorifics)
    return tuple(sorted(mentions, key=lambda m: (m.start or 0, m.end or 0)))


def _references(body: str, mentions: list[PersonMention], heads: list[re.Match[str]],
                honorifics: list[re.Match[str]]) -> list[PersonMention]:
    """Later references: a title alone ("Phó Thủ tướng nhấn mạnh") or a title or honorific with the
    given name ("Bộ trưởng Sơn", "ông Dũng"), resolved when exactly one person named before fits."""
    if not mentions:
        return []
    taken = {(m.start, m.end) for m in mentions}
    refs: list[PersonMention] = []
    for cue in sorted(heads + honorifics, key=lambda m: m.start()):
        after = body[cue.end():cue.end() + 40]
        before = body[max(0, cue.start() - 12):cue.start()].lower().split()
        if before and before[-1] in PLURAL + ("nguyên", "cựu", "tân", "vị", "làm", "chức", "cử"):
            continue
        earlier = [m for m in mentions if m.end is not None and m.end <= cue.start()]
        name = re.match(r" ([^\W\d_]+)(?![\w-])(?! [^\W\d_]*[A-ZĐ])", after)
        if name and _is_cap(name.group(1)):
            start = cue.end() + 1
            end = start + len(name.group(1))
            if any(s <= start < e for s, e in taken):
                continue
            given = name.group(1)
            owners = {m.name for m in earlier if given in (m.name.split()[-1], m.name.split()[0])
                      and " " in m.name}
            if len(owners) == 1:
                refs.append(PersonMention(name=owners.pop(), surface=given, start=start, end=end,
                                          title=cue.group() if cue in heads else None))
            continue
        if cue not in heads or re.match(r"\s+[A-ZĐ]", after) or re.match(r"\s+(?:các|những)\b", after):
            continue
        cue_text = cue.group().lower()
        owners = {m.name for m in earlier if m.title and m.title.lower().startswith(cue_text)}
        if len(owners) == 1 and not any(s <= cue.start() < e for s, e in taken):
            refs.append(PersonMention(name=owners.pop(), surface=cue.group(), start=cue.start(), end=cue.end(),
                                      title=cue.group()))
    return refs
