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
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from functools import lru_cache

from ..rules.titles import (
    ADDRESS_AFTER,
    APPOSITION_AFTER,
    BEFORE_NOT_PERSON,
    BODY_NAME_PARTS,
    CREDIT_BEFORE,
    CREDIT_WORD_END,
    HEAD_PATTERN,
    HONORIFIC_PATTERN,
    LOWER_HEAD_PATTERN,
    NOT_NAME_OPENINGS,
    NOT_PERSON_START,
    OCCUPATIONS,
    ONE_NAME_TITLES,
    ORGANISATION_HEADS,
    PLACE_BEFORE,
    PLACE_PREFIX,
    PLURAL,
    SENTENCE_OPENERS,
    SURNAMES,
)
from .names import canonical_name
from .types import PersonMention

_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_GAP = re.compile(r"[ \t]+")  # used with fullmatch
# Lowercase words that end a title: what follows them is not the title's complement.
_TITLE_BREAKS = frozenset("""và với cùng đã sẽ đang là có được cho khi trong này đó các những đến tới tiếp gặp
đàm kiến ngộ điện thăm dự nói cho biết khẳng định nhấn mạnh phát biểu ký chủ trì tham gửi trao nhận đón chào
mời lần vì mà nhưng rằng nếu bày tỏ mừng việc cảm chúc tuyên vừa từng
""".split())
_CLAUSE_END = re.compile(r"[.;:!?…“”\"«»()\[\]\n]")
_MAX_TITLE_CHARS = 90
_ADDRESSED = re.compile(r",\s*(?:ông|bà|ngài)\s*$")  # "Bộ trưởng Ngoại giao, ông …"
_TRAILING_ADDRESS = re.compile(r",?\s*(?:ông|bà|ngài)\s*$")
_TITLE_SEPARATOR = re.compile(r"[^.;:!?…“”\"()\n,]*,\s*")  # used with fullmatch
_PLURAL_PREFIXES = tuple(p + " " for p in PLURAL)  # "các Phó Thủ tướng"
# Words before a cue that make it not one person's title, or not a title held now.
_NOT_ONE_HOLDER = frozenset(PLURAL + ("nguyên", "cựu", "tân", "vị", "làm", "chức", "cử"))
_GIVEN_NAME = re.compile(r" ([^\W\d_]+)(?![\w-])(?! [^\W\d_]*[A-ZĐ])")
_CAPITAL_NEXT = re.compile(r"\s+[A-ZĐ]")
_PLURAL_NEXT = re.compile(r"\s+(?:các|những)\b")


def _is_cap(word: str) -> bool:
    """A capitalised word ("Sơn", "Jong-un"), not an acronym ("TTXVN") nor a lower-case one."""
    # Hyphens and apostrophes have no case, so ``isupper`` already looks past them.
    return word[0].isupper() and not word[1:].isupper()


_VIETNAMESE_LETTERS = frozenset("ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ")
_NOT_VIETNAMESE = frozenset("fjwz")
# Words of only these letters are Vietnamese to ``_foreign``: ASCII's but f, j, w, z, Vietnamese's
# own, and their capitals (those lower-casing to one of them).
_SPELLING = "abcdeghiklmnopqrstuvxy" + "".join(sorted(_VIETNAMESE_LETTERS))
_VIETNAMESE_SPELLING = re.compile("[{}]+".format(re.escape(_SPELLING + "".join(
    capital for letter in _SPELLING if len(capital := letter.upper()) == 1 and capital.lower() == letter))))


def _foreign(word: str) -> bool:
    """A Latin-script word that is not a Vietnamese syllable: no Vietnamese letters, or letters
    Vietnamese never writes (f, j, w, z, ñ, ü…)."""
    if word.isascii():
        return True
    if _VIETNAMESE_SPELLING.fullmatch(word):  # (most words: one pattern, for speed, not the set operations)
        return False
    letters = set(word.lower())
    # (set operations, for speed: the letters that are not Vietnamese's hold one not in ASCII,
    # and the largest letter is below U+0250)
    if letters & _NOT_VIETNAMESE or not "".join(letters - _VIETNAMESE_LETTERS).isascii():
        return max(letters) < "\u0250"
    return False


_SYLLABLES = re.compile(r"[aeiouy]+[^\Waeiouy]+[aeiouy]")  # on the lower-cased word


def _foreign_place(word: str) -> bool:
    """A word of a foreign place's name: foreign (see ``_foreign``), and not one that could be a
    Vietnamese syllable written without its marks ("Nam", "Hoa"): "Osaka", "Houston" have two
    vowels with a consonant between them, which no Vietnamese syllable has."""
    return _foreign(word) and (not word.isascii() or _SYLLABLES.search(word.lower()) is not None)


_UPPER = "".join(re.escape(chr(i)) for i in range(0x10000) if chr(i).isupper())
# A word that starts with a capital; the look-behinds (after its first letter, so the scan stays
# fast) make it a whole word in the sense of _WORD: not the tail of "o'Neil" or "xSơn".
# Possessive quantifiers (``*+``), for speed: what follows a word never needs letters back.
_CAPITAL_WORD = (rf"[{_UPPER}](?<![^\W\d_][{_UPPER}])(?<![^\W\d_][-'’][{_UPPER}])"
                 r"[^\W\d_]*+(?:[-'’][^\W\d_]+)*+")
# Capitalised words separated by plain spaces, all found in one match.
_CAPITAL_WORDS = re.compile(rf"{_CAPITAL_WORD}(?:[ \t]+{_CAPITAL_WORD})*+")


def _split(text: str, start: int, masked: list[tuple[int, int]], mask: int) -> list[tuple[int, int]]:
    """The runs of a group of capitalised words at ``start``: its words, less acronyms and the words
    a title span covers (``masked[mask]`` is the first span not ending before the group)."""
    runs: list[tuple[int, int]] = []
    run_start = run_end = -1
    offset = 0
    for word in text.split():  # only spaces and tabs separate the words of a group
        offset = text.index(word, offset)
        word_start = start + offset
        offset += len(word)
        while masked[mask][1] <= word_start:
            mask += 1
        if masked[mask][0] <= word_start or not _is_cap(word):
            if run_start >= 0:
                runs.append((run_start, run_end))
            run_start = -1
            continue
        if run_start < 0:
            run_start = word_start
        run_end = start + offset
    if run_start >= 0:
        runs.append((run_start, run_end))
    return runs


_NOTHING_MASKED = [(1 << 62, 1 << 62)]  # no title span: past every word


@lru_cache(maxsize=8192)  # group texts recur: sentence openings, places, organisations, the persons of the day
def _group_names(text: str) -> tuple[tuple[int, int, tuple[int, int, bool]], ...]:
    """The names in a group no title span overlaps and no "châu" precedes: (run start, run end, what
    ``_name_in`` finds in the run) for each run holding one, spans relative to the group."""
    # ``_split`` inlined where it keeps the group whole, for speed: every word of a group starts
    # with a capital, so the group is one run unless it has an acronym.
    if " " not in text and "\t" not in text:  # one word, as most groups
        name = None if text[1:].isupper() else _name_in(text, False)
        return () if name is None else ((0, len(text), name),)
    if not any(word[1:].isupper() for word in text.split()):
        name = _name_in(text, False)
        return () if name is None else ((0, len(text), name),)
    return tuple((run_start, run_end, name) for run_start, run_end in _split(text, 0, _NOTHING_MASKED, 0)
                 if (name := _name_in(text[run_start:run_end], False)) is not None)


def _named_runs(body: str, masked: list[tuple[int, int]]) -> Iterator[tuple[int, int, tuple[int, int, bool]]]:
    """The maximal runs of capitalised words separated by plain spaces, outside title spans, that
    hold a name: their spans, with what ``_name_in`` finds in them."""
    masked = masked + [(len(body) + 1, len(body) + 1)]  # past every word: no end of list to test
    mask = 0  # masked[mask] is the first span not ending before the current group
    continent = "châu" in body  # (rare: tested once for the whole text, for speed)
    # For speed, spaced capitalised words are matched together, and a group that no title span
    # overlaps and no "châu" precedes has the runs and names its text alone decides: remembered.
    masked_start, masked_end = masked[mask]  # (kept at hand, for speed: most groups stay before it)
    for group in _CAPITAL_WORDS.finditer(body):
        start, end = group.span()
        if masked_end <= start:
            while masked[mask][1] <= start:
                mask += 1
            masked_start, masked_end = masked[mask]
        # The spans are sorted by start: if the first not ending before the group starts after it,
        # none covers a word of the group. A run's "châu" lies between 6 characters before the
        # group and its end.
        if masked_start >= end and not (continent and body.find("châu", max(0, start - 6), end) >= 0):
            names = _group_names(group[0])
            if names:  # (most groups hold none)
                for run_start, run_end, name in names:
                    yield start + run_start, start + run_end, name
            continue
        if masked_start <= start and end <= masked_end:
            continue  # a title span covers the whole group (most overlapped groups: "Thủ", "Phó Chủ")
        for run_start, run_end in _split(group.group(), start, masked, mask):
            # (``find`` first, for speed: "châu" is rare)
            after_continent = (continent and body.find("châu", max(0, run_start - 6), run_start) >= 0
                               and _CONTINENT.search(body, max(0, run_start - 6), run_start) is not None)
            name = _name_in(body[run_start:run_end], after_continent)
            if name is not None:
                yield run_start, run_end, name


_CONTINENT = re.compile(r"\bchâu\s+$")
# After a foreign name's middle initial ("George W", "Albert B"): its dot, a space and the rest of the
# name. (Not "V.Putin", "H.Ngọc Hồi": an initial alone, or an abbreviated district.)
_AFTER_INITIAL = re.compile(r"\.[ \t][A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*)*")


def _credit_colons(body: str) -> list[int]:
    """The ends of the "Ảnh:" (photo, đồ họa) colons of ``body``: found from each colon, of
    which a body has few, not by a scan of every character."""
    found = []
    colon = body.find(":")
    while colon >= 0:
        if CREDIT_WORD_END.search(body, max(0, colon - 16), colon):
            found.append(colon + 1)
        colon = body.find(":", colon + 1)
    return found


def _credited(body: str, start: int, colons: list[int]) -> bool:
    """Whether a photo credit stands right before ``start`` (``CREDIT_BEFORE``): searched only
    where a credit word and its colon end in the 40 characters before (``colons``)."""
    index = bisect_right(colons, start) - 1
    return index >= 0 and colons[index] >= start - 40 and bool(
        CREDIT_BEFORE.search(body, max(0, start - 40), start))


# What may follow a credited name: the end of the credit (")", "/TTXVN", the sentence, the line).
_CREDIT_END = re.compile(r"\s*(?:[)/.,;|\n]|$)")


_AND = re.compile(r"(?<![\w])và\s+")
_COMMA = re.compile(r",\s*")


def _breaks_title(gap: str) -> bool:
    """Whether a word of ``gap`` (between a title's head and a name) ends the title. "và" does
    not where it joins the fields in a body's name ("Bộ trưởng Bộ Kế hoạch và Đầu tư", "Bộ trưởng
    Thanh niên và Thể thao Indonesia"), but two titles ("Bộ trưởng Ngoại giao và Đại sứ …", "Nữ
    hoàng Anh và Công tước xứ Edinburgh") or two persons."""
    words = [word.strip(",;") for word in gap.split()]  # ("hội đàm, Thủ tướng …")
    if _TITLE_BREAKS.isdisjoint(words):
        return False
    if any(word in _TITLE_BREAKS for word in words if word != "và"):
        return True
    return any(not BODY_NAME_PARTS.match(gap, conjunction.end()) for conjunction in _AND.finditer(gap))


def _title_before(body: str, start: int, heads: list[re.Match[str]], head_starts: list[int],
                  head_ends: list[int], floor: int) -> tuple[int, str] | None:
    """The title standing right before a name at ``start``: (its start, its text).

    ``heads`` come in order and do not overlap, so ``head_starts`` and ``head_ends`` are sorted:
    the heads that could reach the name are found by bisection, not by looking at them all.
    """
    window_start = max(floor, start - _MAX_TITLE_CHARS)
    best = None
    # the heads starting in the window and ending before the name, earliest first
    for index in range(bisect_left(head_starts, window_start), bisect_right(head_ends, start)):
        gap = body[head_ends[index]:start]
        if _CLAUSE_END.search(gap) or _breaks_title(gap):
            continue
        if "," in gap and not _ADDRESSED.search(gap) and not all(
                BODY_NAME_PARTS.match(gap, comma.end()) for comma in _COMMA.finditer(gap)):
            continue  # (but "Bộ trưởng Bộ Văn hóa, Thể thao và Du lịch …": the fields of a body's name)
        of = gap.find(" của ")
        if of >= 0 and index + 1 < len(head_starts) and head_ends[index] + of < head_starts[index + 1] < start:
            continue  # "Cố vấn cấp cao của Tổng thống Mỹ Donald Trump": the adviser is someone else
        best = index  # the earliest head that still reaches the name
        break
    if best is None:
        return None
    title_start = head_starts[best]
    # Composite titles: "Ủy viên Bộ Chính trị, Bí thư Trung ương Đảng, Trưởng Ban Đối ngoại Trung ương X".
    # The heads ending before the title and starting at most 60 characters before the window, latest first.
    first = bisect_left(head_starts, max(floor, window_start - 60))
    for index in reversed(range(first, bisect_right(head_ends, title_start))):
        between = body[head_ends[index]:title_start]
        if _TITLE_SEPARATOR.fullmatch(between) and not _breaks_title(between):
            title_start = head_starts[index]
        else:
            break
    text = body[title_start:start]
    if text.rstrip().endswith(("ông", "bà", "ngài")):  # (the test first, for speed: the pattern is slow)
        text = _TRAILING_ADDRESS.sub("", text)
    text = text.strip(" ,-–—")
    return title_start, " ".join(text.split())


def _honorific(body: str, start: int, honorifics: list[re.Match[str]], honorific_ends: list[int]) -> str | None:
    """The honorific standing right before ``start``, at most 12 characters back, spaces between."""
    # Honorifics do not overlap, so only the last one ending before ``start`` can be followed by
    # nothing but spaces: any earlier one has that last one in between.
    index = bisect_left(honorific_ends, start) - 1
    if index >= 0 and honorific_ends[index] >= start - 12 and _GAP.fullmatch(body, honorific_ends[index], start):
        return honorifics[index].group()
    return None


_DOUBLED_VOWEL = re.compile(r"ee|oo|aa|ii|uu|yy")


def _surely_foreign(words: list[str]) -> bool:
    """A foreign name no Vietnamese one written without its marks could be: a word of several
    syllables ("Shifter"), letters Vietnamese never writes ("Jong", "Waters") or a doubled vowel
    ("Lee"). "Duy Phong" could be Vietnamese."""
    return any(_foreign_place(word) or not word.isascii() or _NOT_VIETNAMESE & set(word.lower())
               or _DOUBLED_VOWEL.search(word.lower()) for word in words)


def _preceding_word(body: str, start: int) -> str:
    before = body[max(0, start - 25):start].lower().split()
    if not before:
        return ""
    two = " ".join(before[-2:])
    return two if two in BEFORE_NOT_PERSON else before[-1].strip(",(")


def _is_place(text: str) -> bool:
    """``text`` is a whole place name ("Hà Nội", "Mỹ")."""
    place = PLACE_PREFIX.match(text + " ")
    return bool(place) and len(place.group().strip()) == len(text)


@lru_cache(maxsize=8192)  # run texts recur: places, organisations, the persons of the day
def _name_in(run: str, after_continent: bool) -> tuple[int, int, bool] | None:
    """The name a run of capitalised words holds: where it starts in ``run``, its number of words,
    and whether it looks Vietnamese (else foreign); None if it looks like neither or is no person.

    A leading place is not part of the name ("Mỹ Antony Blinken"), nor, after "châu", the end of
    the continent ("Ủy ban châu Âu Ursula von der Leyen": "Âu" ends the place).
    """
    words = run.split()  # only spaces and tabs separate the words of a run
    offset = 0
    if after_continent and len(words) > 1:
        offset = run.index(words[1], len(words[0]))
        words = words[1:]
    if words[0] in NOT_NAME_OPENINGS and len(words) > 1:  # "Theo Reuters", "Theo Bloomberg" open a sentence
        offset = run.index(words[1], len(words[0]))
        words = words[1:]
    # (one word is never a place followed by spaces: the pattern is skipped, for speed)
    place = PLACE_PREFIX.match(run[offset:]) if len(words) > 1 else None
    if place and offset + place.end() < len(run):
        offset += place.end()  # the start of a word: the match ends with all the spaces after the place
        words = run[offset:].split()
    if 2 <= len(words) <= 4 and words[0] in SURNAMES:
        vietnamese = True
    elif 1 <= len(words) <= 4 and all(map(_foreign, words)):
        vietnamese = False
    else:
        # A foreign place no table knows, or a body named in capitals, before a Vietnamese name:
        # "Tổng Lãnh sự Việt Nam tại Osaka Bùi Hữu Tùng", "Bộ trưởng Bộ Công Thương Ngô Bá Hào".
        # (A known place is left out above: "Đại sứ Việt Nam tại Nam Phi Lê Văn An".)
        # And a foreign name after a Vietnamese word that is not a surname: "… hữu nghị Nhật - Việt
        # Toshihiro Nakai".
        first = next((i for i in range(max(1, len(words) - 4), len(words) - 1) if words[i] in SURNAMES), 0)
        vietnamese = bool(first) and (words[0] in ORGANISATION_HEADS and first >= 2
                                      or all(map(_foreign_place, words[:first])))
        if not vietnamese:
            first = next((i for i in range(max(1, len(words) - 4), len(words) - 1)
                          if all(map(_foreign, words[i:]))), 0)
            if not first or _foreign(words[first - 1]):
                return None
        for word in words[:first]:
            offset = run.index(word, offset) + len(word)
        offset = run.index(words[first], offset)
        words = words[first:]
    if NOT_PERSON_START.match(run[offset:].casefold()) or _is_place(run):
        return None
    return offset, len(words), vietnamese


def find_persons(body: str) -> tuple[PersonMention, ...]:
    """Every mention of a named person in ``body``, with spans, canonical names and titles: the
    persons the text is about (role "subject") and the photographers it credits ("photographer")."""
    heads = list(HEAD_PATTERN.finditer(body))
    if "phát ngôn" in body:  # (rare: the lower-case titles are looked for apart, for speed)
        heads = sorted(heads + list(LOWER_HEAD_PATTERN.finditer(body)), key=lambda m: m.start())
    honorifics = list(HONORIFIC_PATTERN.finditer(body))
    masked = sorted(m.span() for m in heads + honorifics)
    head_starts = [h.start() for h in heads]
    head_ends = [h.end() for h in heads]
    honorific_ends = [h.end() for h in honorifics]
    credit_colons = _credit_colons(body)
    mentions: list[PersonMention] = []
    floor = 0  # a title never reaches back over an earlier name
    untitled_foreign: list[tuple[int, int]] = []
    credited: list[tuple[int, int]] = []  # photographers credited in the text
    single_words: list[tuple[int, int, str | None]] = []
    # Every test below only rejects a run (the title depends on ``floor`` too): for speed, the
    # cheapest and most often rejecting come first.
    # (most runs hold no name, and are not seen here: a Vietnamese word alone, a place, an organisation)
    initial_end = 0  # the end of the last name with an initial ("Albert B. Wolf"), whose rest is no run of its own
    for run_start, run_end, (offset, length, vietnamese) in _named_runs(body, masked):
        if run_start < initial_end:
            continue
        foreign = not vietnamese
        start, end = run_start + offset, run_end
        if foreign and length >= 3 and body[start:end].rsplit(None, 1)[1] in SENTENCE_OPENERS:
            # "Donald Trump Trong …": the next sentence's first word, in text that lost a full stop
            end = start + len(body[start:end].rsplit(None, 1)[0])
            length -= 1
        if foreign and length >= 2 and body.startswith(".", end) and body[end - 2:end - 1] in " \t" and (
                "A" <= body[end - 1] <= "Z") and (rest := _AFTER_INITIAL.match(body, end)):
            end = initial_end = rest.end()  # "John E. McLaughlin": the initial and the name after it
            length += len(rest.group().split())
        # The title runs to the name, a place between them included ("Ngoại trưởng Hoa Kỳ Antony Blinken").
        # For speed, ``_title_before`` is called only if the last head ending before the name starts
        # in reach of it: the heads are sorted, so no earlier one does either, and it would find none.
        reach = bisect_right(head_ends, start)
        titled = (_title_before(body, start, heads, head_starts, head_ends, floor)
                  if reach and head_starts[reach - 1] >= start - _MAX_TITLE_CHARS else None)
        # (most bodies have no honorific)
        honorific = _honorific(body, run_start, honorifics, honorific_ends) if honorific_ends else None
        # An occupation marks a foreign name only if no Vietnamese one could be it: "nhà báo Duy Phong".
        honoured = honorific is not None and (vietnamese or honorific.lower() not in OCCUPATIONS
                                              or _surely_foreign(body[start:end].split()))
        if length == 1 and not (titled or honoured):
            continue  # one word is a name only after a title or an honorific
        preceding = _preceding_word(body, run_start)
        if preceding in BEFORE_NOT_PERSON and not offset:  # (after a place it is the place's: "tỉnh Quảng Nam Lê …")
            continue
        if not (titled or honoured):
            if vietnamese and credit_colons and _credited(body, run_start, credit_colons):
                if _CREDIT_END.match(body, end):  # "(Ảnh: Trần Việt)": the name ends there
                    credited.append((start, end))
                # Else the caption may go on after it ("Ảnh: Nguyễn Văn A phát biểu"), or the next
                # sentence's first word may have joined the name in text that lost its line ends
                # ("Ảnh: Quang Liêm Đánh giá cao…"): no way to tell, so no person. (A foreign
                # name takes in no Vietnamese word: "Ảnh: Sergei Lavrov tại…" stays.)
                continue
            # (the cheap tests first, for speed: the patterns run where the text allows a match)
            if (not offset and body[max(0, run_start - 4):run_start].rstrip().endswith(("ở", "ại"))
                    and PLACE_BEFORE.search(body, max(0, run_start - 12), run_start)) \
                    or (body.startswith(",", run_end) and ADDRESS_AFTER.match(body, run_end)):
                continue  # "ở Yên Bái", "(Hoàng Mai, Hà Nội)"
        surface = body[start:end]
        if surface.casefold() == "hồ chí minh" and not (titled and titled[1].endswith("Chủ tịch")):
            continue
        if not (vietnamese or ((titled or honoured) and foreign)):
            if foreign and length >= 2:
                if not (APPOSITION_AFTER.match(body, end) and _surely_foreign(surface.split())):
                    untitled_foreign.append((start, end))
                    continue
            else:
                continue
        if length == 1:
            if titled and foreign and ONE_NAME_TITLES.match(titled[1]):  # "Nhà vua Naruhito"
                mentions.append(PersonMention(name=canonical_name(surface), surface=surface, start=start, end=end,
                                              title=titled[1]))
                floor = end
            else:
                single_words.append((start, end, titled[1] if titled else None))
            continue
        title = titled[1] if titled else None
        if title and title.lower().startswith(_PLURAL_PREFIXES):
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
    mentions += [PersonMention(name=canonical_name(body[start:end]), surface=body[start:end], start=start, end=end,
                               role="photographer") for start, end in credited]
    return tuple(sorted(mentions, key=lambda m: (m.start or 0, m.end or 0)))


def _references(body: str, mentions: list[PersonMention], heads: list[re.Match[str]],
                honorifics: list[re.Match[str]]) -> list[PersonMention]:
    """Later references: a title alone ("Phó Thủ tướng nhấn mạnh") or a title or honorific with the
    given name ("Bộ trưởng Sơn", "ông Dũng"), resolved when exactly one person named before fits."""
    if not mentions:
        return []
    taken = {(m.start, m.end) for m in mentions}
    # Mentions by end, so the ones named before each cue are a growing prefix: what a cue is
    # compared with (given names, lower-case titles) is worked out once, as each joins it.
    by_end = sorted((m for m in mentions if m.end is not None), key=lambda m: m.end)
    earlier = 0  # by_end[:earlier] end before the cue
    by_given: dict[str, set[str]] = {}  # first or last word → the names of several words named before
    titles: list[tuple[str, str]] = []  # (lower-case title, name) of the titled ones named before
    refs: list[PersonMention] = []
    # By start, heads before honorifics at the same start (no two heads, nor two honorifics, share
    # one: the matches are never compared).
    cues = sorted([(h.start(), 0, h) for h in heads] + [(h.start(), 1, h) for h in honorifics])
    for cue_start, kind, cue in cues:
        is_head = kind == 0
        cue_end = cue.end()
        before = body[max(0, cue_start - 12):cue_start].lower().split()
        if before and before[-1] in _NOT_ONE_HOLDER:
            continue
        while earlier < len(by_end) and by_end[earlier].end <= cue_start:
            named = by_end[earlier].name
            if " " in named:
                words = named.split()
                for word in (words[-1], words[0]):
                    by_given.setdefault(word, set()).add(named)
            if by_end[earlier].title:
                titles.append((by_end[earlier].title.lower(), named))
            earlier += 1
        name = _GIVEN_NAME.match(body, cue_end, cue_end + 40)
        if name and _is_cap(name.group(1)):
            start = cue_end + 1
            end = start + len(name.group(1))
            if any(s <= start < e for s, e in taken):
                continue
            given = name.group(1)
            owners = by_given.get(given, ())
            if len(owners) == 1:
                refs.append(PersonMention(name=next(iter(owners)), surface=given, start=start, end=end,
                                          title=cue.group() if is_head else None))
            continue
        if (not is_head or _CAPITAL_NEXT.match(body, cue_end, cue_end + 40)
                or _PLURAL_NEXT.match(body, cue_end, cue_end + 40)):
            continue
        cue_text = cue.group().lower()
        owners = {named for title, named in titles if title.startswith(cue_text)}
        if len(owners) == 1 and not any(s <= cue_start < e for s, e in taken):
            refs.append(PersonMention(name=owners.pop(), surface=cue.group(), start=cue_start, end=cue_end,
                                      title=cue.group()))
    return refs
