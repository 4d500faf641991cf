"""Quotes: direct (words inside quotation marks that someone said or wrote) and reported
(what follows a speech verb), each with its speakers and the event where it was said."""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from ..rules.speech import (
    INSTRUCTING_PATTERN,
    MODAL_PATTERN,
    NOT_A_QUOTE_PATTERN,
    QUOTE_PAIRS,
    SPEECH_PATTERN,
)
from .sentences import sentences
from .types import Event, PersonMention, Quote

MIN_QUOTE_WORDS = 4  # one to three words in quotes are a scare quote or a term ("đứt gãy")
_BODY_LABEL = re.compile(
    r"(?:^|,\s*)(?P<label>(?:[Pp]hía\s+)?(?:Bộ|Ban|Ủy ban|Uỷ ban|Chính phủ|Quốc hội|Đại sứ quán|Tổng Lãnh sự quán|"
    r"Người phát ngôn|Văn phòng|Nhà Trắng|Điện Kremlin|Liên hợp quốc|Hội nghị|Nghị quyết|Tuyên bố)"
    r"[^,.;:“”\"]{0,60}?)\s+(?:đã\s+|cũng\s+|còn\s+)?$")
# Failing a person or a body, a role no name goes with: "một quan chức Bộ Ngoại giao Mỹ nêu rõ: “…”",
# "Đại sứ Trung Quốc tại Liên hợp quốc cho biết: “…”", "Nguồn tin cho biết: “…”", "“…” - vị quan chức
# này nhấn mạnh".
_ROLE_LABEL = re.compile(
    r"(?:^|[,;]\s*|[-–—]\s*)(?P<label>(?:(?:một|các|vị|hai|nhiều|những)\s+)?(?:[Qq]uan chức|[Nn]hà ngoại giao|"
    r"[Nn]guồn tin|[Gg]iới chức|[Nn]gười phát ngôn|[Pp]hát ngôn viên|[Đđ]ại sứ|[Tt]hông báo|[Tt]hông cáo|"
    r"[Bb]ức điện|[Hh]ãng thông tấn|[Tt]ờ|[Đđ]ài|[Bb]ản tin|[Bb]ài xã luận|[Tt]ổ chức)"
    r"[^,.;:“”\"]{0,60}?)\s+(?:đã\s+|cũng\s+|còn\s+)?$")
_THEO = re.compile(r"(?:^|[,;]\s*)[Tt]heo\s+$")
_EVENT_CUES = {kind: re.compile(cue) for kind, cue in {
    "working_session": r"buổi làm việc|làm việc với", "conference": r"hội nghị", "plenary_session": r"phiên",
    "talks": r"hội đàm|cuộc hội đàm", "phone_call": r"điện đàm", "reception": r"buổi tiếp|cuộc gặp|hội kiến",
    "press_briefing": r"họp báo", "visit": r"chuyến thăm", "anniversary": r"lễ kỷ niệm|kỷ niệm",
}.items()}
# Compiled once: these run for every quote and every sentence.
_ROLE_AFTER = re.compile(r"\s+(?:của|từ)\s+(?P<role>[^,.;:()“”\"\n]{4,80})")
_AS_OR_BY = re.compile(r"\s*(?:,|như|theo)")
_LINKED = re.compile(r"\s*(?:và|cùng|,)\s*")  # between two speakers named together
_THEO_BEFORE = re.compile(r"(?:^|[,;]\s*)[Tt]heo\s+")
_THEO_LEAD = re.compile(r"[Tt]heo\s+")
_STRESSING = re.compile(r"nhấn mạnh|khẳng định|lưu ý|chỉ rõ")
_ADDRESSEE = re.compile(r"\s*(?:[A-ZĐ]|ngành|các|toàn|mỗi|cán bộ|chính quyền|địa phương)")


def _straight_spans(body: str) -> list[tuple[int, int]]:
    """Spans inside straight quotation marks ("…"), the same mark at both ends.

    Pairing them in turn goes wrong for the rest of a paragraph after one stray mark, or after a
    quotation closed with a curly mark: the words between two quotations ("…", ông nói. "…")
    become one. So each mark is read by what stands around it: after a letter and before a space
    or punctuation it can only close ('vũ khí", ông'), after a space or punctuation and before a
    letter it can only open ('nói. "Chúng'); between two letters or two spaces, either. A
    quotation never runs over a line end.
    """
    spans = []
    start = None  # where the open quotation's words start
    position = body.find('"')
    while position >= 0:
        before = body[position - 1] if position else " "
        after = body[position + 1] if position + 1 < len(body) else " "
        can_open = not before.isalnum() and not after.isspace()
        can_close = not before.isspace() and not after.isalnum()
        if start is not None and body.find("\n", start, position) >= 0:
            start = None  # the line ended first: that mark opened nothing
        if start is None:
            if can_open or not can_close:  # a mark that can only close, with nothing open, is stray
                start = position + 1
        elif can_close or not can_open:
            spans.append((start, position))
            start = None
        else:  # it can only open: the mark before it opened nothing that closed
            start = position + 1
        position = body.find('"', position + 1)
    return spans


def _direct_spans(body: str) -> list[tuple[int, int]]:
    """Spans of the words inside each outermost pair of quotation marks."""
    spans = _straight_spans(body) if '"' in body else []
    for open_mark, close_mark in QUOTE_PAIRS:
        if open_mark == close_mark:
            continue  # straight marks: above
        position = 0
        while True:
            start = body.find(open_mark, position)
            if start < 0:
                break
            end = body.find(close_mark, start + 1)
            newline = body.find("\n", start)
            if end < 0 or (0 <= newline < end):
                position = start + 1
                continue
            spans.append((start + 1, end))
            position = end + 1
    spans.sort()
    outer = []
    for span in spans:  # nested ‘…’ or "…" inside “…” belong to the outer quote
        if outer and span[0] < outer[-1][1]:
            continue
        outer.append(span)
    return outer


def _speakers_in(persons: Sequence[PersonMention], start: int, end: int) -> list[PersonMention]:
    return [p for p in persons if p.start is not None and start <= p.start and p.end <= end]


def _sentence_of(spans: Sequence[tuple[int, int]], starts: list[int], start: int, end: int) -> int | None:
    """The index of the sentence (of ``spans``, which begin at ``starts``) that holds [start, end)."""
    index = bisect_right(starts, start) - 1  # sentences follow each other without overlapping
    return index if index >= 0 and end <= spans[index][1] else None


def _named_in(spans: Sequence[tuple[int, int]], starts: list[int],
              persons: Sequence[PersonMention]) -> list[list[PersonMention]]:
    """``_speakers_in`` for every sentence at once: the persons named inside each one."""
    named: list[list[PersonMention]] = [[] for _ in spans]
    for person in persons:
        if person.start is not None:
            index = _sentence_of(spans, starts, person.start, person.end)
            if index is not None:
                named[index].append(person)
    return named


def _names(mentions: Sequence[PersonMention]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(m.name for m in mentions))


def _attribute(body: str, persons: Sequence[PersonMention], sentence: tuple[int, int], start: int, end: int,
               previous: tuple[int, int] | None) -> tuple[tuple[str, ...], str | None]:
    """Speakers of the quoted span [start, end) in ``sentence``: before it ("X nhấn mạnh: “…”",
    "theo X, …"), after it ("“…”, X nói", "như X và Y đã chỉ đạo"), or in the sentence before."""
    s_start, s_end = sentence
    before = body[s_start:max(s_start, start - 1)]
    after = body[min(s_end, end + 1):s_end]
    # After the quote: ", như X và Y đã chỉ đạo", "”, X nói."
    tail_verb = SPEECH_PATTERN.search(after)
    if tail_verb:
        people = _speakers_in(persons, end + 1, end + 1 + tail_verb.start())
        if people:
            return _names(people), None
        named = _by_reference(after[:tail_verb.start()], persons, start)
        if named:
            return (named,), None
        label = _ROLE_LABEL.search(after, 0, tail_verb.start()) if tail_verb.start() < 80 else None
        if label:
            return (), label["label"].strip()
        role = _ROLE_AFTER.match(after, tail_verb.end())
        if role and _AS_OR_BY.match(after):
            return (), role["role"].strip()
    # Before the quote, in the same sentence: the last speaker before a speech verb or "theo".
    verbs = list(SPEECH_PATTERN.finditer(before))
    if verbs:
        verb = verbs[-1]
        people = _speakers_in(persons, s_start, s_start + verb.start())
        if people:
            last = people[-1]
            linked = [p for p in people if _LINKED.fullmatch(body[p.end:last.start] or " ")]
            return _names(linked + [last] if linked and linked[-1] is not last else [last]), None
        named = _by_reference(body[s_start:s_start + verb.start()], persons, start)
        if named:
            return (named,), None
        label = (_BODY_LABEL.search(body[s_start:s_start + verb.start()])
                 or _ROLE_LABEL.search(body[s_start:s_start + verb.start()]))
        if label:
            return (), label["label"].strip()
    theo = _THEO_BEFORE.search(before) if "heo" in before else None  # the test skips most searches
    if theo:
        people = _speakers_in(persons, s_start + theo.end(), start)
        if people:
            return _names(people[:1]), None
    # The sentence before ends by introducing the quote ("Phó Thủ tướng nhấn mạnh:").
    if previous and not before.strip(" :,") and body[previous[0]:previous[1]].rstrip().endswith(":"):
        prev_verbs = list(SPEECH_PATTERN.finditer(body, previous[0], previous[1]))
        if prev_verbs:
            people = _speakers_in(persons, previous[0], prev_verbs[-1].start())
            if people:
                return _names(people[-1:]), None
    return (), None


# "“…”, ông nói", "bà nhấn mạnh: «…»", "“…”, Thủ tướng chia sẻ", "Người phát ngôn khẳng định: “…”":
# the speaker is named by a pronoun or a title just before the speech verb. (Possessive ``\w++``, for
# speed: a word cut short is followed by a letter, where nothing after it can match.)
_REFERENCE = re.compile(r"(?:^|[,;:]\s*|\s)(?P<ref>ông|bà|ngài|[Nn]gười phát ngôn|\w++(?:\s\w++){0,4}?)"
                        r"(?:\s+(?:đã|cũng|còn|tiếp tục|lại|thì|một lần nữa))*\s*$")
_WORDS_AND_SPACES = re.compile(r"[\w\s]*")
_PRONOUNS = {"ông", "bà", "ngài"}


def _by_reference(text: str, persons: Sequence[PersonMention], before: int) -> str | None:
    """The person a pronoun or a bare title at the end of ``text`` refers to: for a pronoun the
    person last named before the quote; for a title the last person named with that title."""
    text = text.rstrip(" ,")
    # What the pattern takes is words and spaces, after a "," ";" or ":" at most: it is searched
    # from the last other character, not tried at every word of a long sentence.
    clause = len(text) - _WORDS_AND_SPACES.match(text[::-1]).end() - 1
    match = _REFERENCE.search(text, max(clause, 0))
    if not match:
        return None
    word = match["ref"].strip()
    if word.casefold() not in _PRONOUNS and not word[:1].isupper():
        return None
    ref = word.casefold()
    earlier = [p for p in persons if p.start is not None and p.start < before and p.role == "subject"]
    if ref in _PRONOUNS:
        return earlier[-1].name if earlier else None
    titled = [p for p in earlier if p.title and (p.title.casefold() == ref or p.title.casefold().startswith(ref + " "))]
    if titled:
        return titled[-1].name
    # A name's last word alone ("“…”, Mount nói"), when it is one person's only.
    owners = {p.name for p in earlier if " " in p.name and p.name.rsplit(" ", 1)[1] == word}
    return owners.pop() if len(owners) == 1 else None


def _event_for(body: str, sentence: tuple[int, int], events: Sequence[Event]) -> int | None:
    if not events:
        return None
    text = body[sentence[0]:sentence[1]].lower()
    for index, event in enumerate(events):
        cue = _EVENT_CUES.get(event.kind)
        if cue and cue.search(text):
            return index
    return 0 if len(events) == 1 else None


def _is_not_a_quote(body: str, start: int, end: int) -> bool:
    text = body[start:end].strip()
    words = text.split(None, 12)  # all of them up to 12: a long quote is not split further
    if len(words) < MIN_QUOTE_WORDS:
        return True
    if NOT_A_QUOTE_PATTERN.search(body[max(0, start - 40):start - 1]):
        return True
    return len(words) <= 12 and all(w[:1].isupper() for w in words)  # a Title In Capitals is a name


_SENTENCE_MARKS = (".", "!", "?", "…")  # ends a sentence (``[.!?…]\s*$`` once stripped)


# Words that introduce quoted speech right before the quotation mark ("cho rằng “…”", "là “…”").
_INTRODUCES_SPEECH = re.compile(r"(?:[:]|\b(?:rằng|là|cần|phải|nên|hãy|sẽ|đã))\s*$", re.IGNORECASE)


TERM_WORDS = 6  # in a sentence with a speaker, a term in quotes is a few words; speech is longer
TERM_WORDS_UNATTRIBUTED = 20  # with nobody speaking, a framework's or an event's name can run long


def _is_a_term(body: str, sentence: tuple[int, int], start: int, end: int, limit: int) -> bool:
    """Unattributed words in quotes that are a name or a term, not speech: short, not a sentence,
    following a noun rather than a speech verb ("bản sắc “cây tre Việt Nam”", "cán bộ “vừa hồng,
    vừa chuyên”", "chủ đề chung “Pháp - Việt Nam: 50 năm …”", "xây dựng “Cộng đồng chia sẻ …”")."""
    text = body[start:end].strip()
    # (words counted up to one past the limit; and stripped, the text ends a sentence only with
    # its last character: for speed, neither a long quote is split, nor a pattern searched through it)
    if len(text.split(None, limit)) > limit or text.endswith(_SENTENCE_MARKS):
        return False
    lead = body[max(sentence[0], start - 30):start - 1]
    if not lead.strip() or _INTRODUCES_SPEECH.search(lead):
        return False  # the quote opens the sentence, or follows "rằng", "là", ":"
    verbs = list(SPEECH_PATTERN.finditer(lead))
    if verbs and not lead[verbs[-1].end():].strip():
        return False  # right after a speech verb: "nhấn mạnh “…”"
    rest = body[end + 1:sentence[1]].strip()
    return not (rest.startswith(",") and SPEECH_PATTERN.search(rest[:40]))


def _alone(body: str, sentence: tuple[int, int], start: int, end: int) -> bool:
    """Whether the quotation [start, end) is all its sentence holds, but for marks."""
    return not body[sentence[0]:start].strip(" \t“\"«„") and not body[end:sentence[1]].strip(" \t”\"»“.!?…")


def find_quotes(body: str, persons: Sequence[PersonMention], events: Sequence[Event]) -> tuple[Quote, ...]:
    """Direct and reported quotes in ``body`` with speakers (names of ``persons``) and events."""
    spans = sentences(body)
    starts = [s for s, _ in spans]
    quotes: list[Quote] = []
    quoted: list[tuple[int, int]] = []
    last: tuple[int, tuple[str, ...]] | None = None  # the sentence and speakers of the last quote, if attributed
    for start, end in _direct_spans(body):
        if _is_not_a_quote(body, start, end):
            continue
        index = _sentence_of(spans, starts, start - 1, end)
        if index is None:
            continue
        sentence = spans[index]
        previous = spans[index - 1] if index else None
        speakers, label = _attribute(body, persons, sentence, start, end, previous)
        if not speakers and not label and last and last[0] == index - 1 and _alone(body, sentence, start, end):
            speakers = last[1]  # "“…”, ông X nói. “…”.": the same speaker goes on
        if _is_a_term(body, sentence, start, end, TERM_WORDS if speakers or label else TERM_WORDS_UNATTRIBUTED):
            continue
        text = body[start:end]
        stripped = text.strip()
        offset = text.index(stripped) if stripped else 0
        quotes.append(Quote("direct", stripped, start + offset, start + offset + len(stripped), speakers, label,
                            False, _event_for(body, sentence, events)))
        quoted.append((start - 1, end + 1))
        last = (index, speakers) if speakers else None
    # a reported quote needs someone named in its sentence, and most sentences name nobody
    for sentence, named in zip(spans, _named_in(spans, starts, persons)):
        reported = _reported(body, named, sentence, quoted) if named else None
        if reported:
            speakers, label, start, end, instruction = reported
            quotes.append(Quote("reported", body[start:end], start, end, speakers, label, instruction,
                                _event_for(body, sentence, events)))
    unique: dict[tuple[str, str], Quote] = {}
    for quote in sorted(quotes, key=lambda q: q.start):  # a lead repeated in the body says it once
        unique.setdefault((quote.kind, quote.text.casefold()), quote)
    return tuple(unique.values())


_REPORT_LEAD = re.compile(r"(?:\s*(?:,|:|rằng|là)\s*)+")
# Between a speaker and the speech verb: nothing, or adverbs ("đã", "cũng", "tiếp tục").
_SPEAKER_GAP = re.compile(r"[\s,]*(?:(?:đã|cũng|còn|tiếp tục|lại|vẫn|đều|thì|một lần nữa)\s+)*")


def _reported(body: str, persons: Sequence[PersonMention], sentence: tuple[int, int],
              quoted: list[tuple[int, int]]) -> tuple[tuple[str, ...], str | None, int, int, bool] | None:
    """"X nhấn mạnh, …" / "X cho rằng …" / "Theo X, …": the reported content after the verb."""
    s_start, s_end = sentence
    text = body[s_start:s_end]
    theo = _THEO_LEAD.match(text)
    speakers: list[PersonMention] = []
    if theo:
        comma = text.find(",")
        people = _speakers_in(persons, s_start, s_start + comma) if comma > 0 else []
        if not people:
            return None
        speakers, content_start, verb_text = people[:1], s_start + comma + 1, ""
    else:
        verb = None
        for candidate in SPEECH_PATTERN.finditer(text):
            people = _speakers_in(persons, s_start, s_start + candidate.start())
            if people and _SPEAKER_GAP.fullmatch(body[people[-1].end:s_start + candidate.start()]):
                verb, speakers = candidate, people
                break
        if verb is None:
            return None
        verb_text = verb.group()
        lead = _REPORT_LEAD.match(body, s_start + verb.end())
        content_start = lead.end() if lead else s_start + verb.end()
        last = speakers[-1]
        speakers = [p for p in speakers if p is last or _LINKED.fullmatch(body[p.end:last.start] or "x")]
    while content_start < s_end and body[content_start].isspace():
        content_start += 1
    end = s_end
    while end > content_start and body[end - 1] in ".;…!/ ":
        end -= 1
    if end - content_start < 15 or body[content_start:end].lstrip()[:1] in "“\"«":
        return None
    if any(q_start >= content_start and q_end <= end + 1 for q_start, q_end in quoted):
        return None  # the content is a direct quote, already recorded
    content = body[content_start:end]
    instruction = bool((INSTRUCTING_PATTERN.search(verb_text) or _STRESSING.search(verb_text))
                       and MODAL_PATTERN.search(content[:80])
                       and _ADDRESSEE.match(content))
    return _names(speakers), None, content_start, end, instruction
