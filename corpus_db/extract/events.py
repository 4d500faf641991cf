"""Events an article reports: conferences (with series and ordinal), plenary and working
sessions, talks, phone calls, visits, receptions, press briefings, anniversaries — with dates,
location, parent event and participants."""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

from ..rules.events import (
    BODY_ANCHORS,
    CONFERENCE,
    DURATION,
    ENDING,
    ENDING_WORDS,
    GENERIC_CONFERENCE,
    KINDS,
    LOCATION,
    PAST_YEAR,
    PLURAL,
    RANGE,
)
from ..rules.speech import SPEECH_PATTERN
from .dates import find_dates, fold_case, resolve_in_context
from .sentences import sentences
from .types import DateValue, Event, Participant, PersonMention


@dataclass
class _Draft:
    kind: str
    name: str
    start: int
    end: int
    series: str | None = None
    ordinal: int | None = None
    sentences: list[tuple[int, int]] = field(default_factory=list)


def _series_name(head: str, words: str) -> str:
    words = " ".join(words.split())
    return f"{head} {words[:1].upper()}{words[1:]}"


def _named_conferences(text: str) -> list[tuple[str, str, int | None]]:
    """(head, series, ordinal) of every named conference in ``text``."""
    out = []
    for match in CONFERENCE.finditer(text):
        ordinal = match["ordinal"] or match["bare"]
        series = _series_name(match["head"], match["series"])
        out.append((match["head"], series, int(ordinal) if ordinal else None))
    return out


def find_events(body: str, persons: Sequence[PersonMention], published: DateValue,
                context: str = "") -> tuple[Event, ...]:
    """Events reported in ``body``; ``context`` (headline, captions) may name a conference
    the body only calls "hội nghị"."""
    spans = sentences(body)
    starts = [s[0] for s in spans]
    drafts: list[_Draft] = []

    def sentence_of(position: int) -> tuple[int, int]:
        i = bisect_right(starts, position) - 1  # the spans are in order and do not overlap
        return spans[i] if i >= 0 and position < spans[i][1] else (position, position)

    anchors = BODY_ANCHORS.find(body)  # the words every pattern below is found through, in one scan
    for match in CONFERENCE.finditer(body, anchors):
        if match["head"] != "Hội nghị" or PLURAL.search(body[max(0, match.start() - 10):match.start()]):
            continue
        past = PAST_YEAR.match(body, match.end())
        if past and published.iso and past["year"] != published.iso[:4]:
            continue  # "tại Hội nghị đối ngoại toàn quốc năm 2021" in a 2023 article: a reference
        ordinal = match["ordinal"] or match["bare"]
        series = _series_name(match["head"], match["series"])
        ordinal_value = int(ordinal) if ordinal else None
        same = next((d for d in drafts if d.kind == "conference" and d.series.lower() == series.lower()
                     and (d.ordinal == ordinal_value or ordinal_value is None or d.ordinal is None)), None)
        if same:
            same.ordinal = same.ordinal or ordinal_value
            same.sentences.append(sentence_of(match.start()))
            continue
        drafts.append(_Draft("conference", match.group().strip(), match.start(), match.end(), series, ordinal_value,
                             [sentence_of(match.start())]))
    named = [d for d in drafts if d.kind == "conference"]
    context_conferences = [c for c in _named_conferences(context) if c[0] == "Hội nghị"]
    for match in GENERIC_CONFERENCE.finditer(body, anchors):
        if PLURAL.search(body[max(0, match.start() - 10):match.start()]):
            continue
        if len(named) == 1:
            named[0].sentences.append(sentence_of(match.start()))
        elif not named and len({(c[1].lower(), c[2]) for c in context_conferences}) == 1:
            _, series, ordinal = context_conferences[0]
            draft = _Draft("conference", match.group(), match.start(), match.end(), series, ordinal,
                           [sentence_of(match.start())])
            drafts.append(draft)
            named = [draft]
        elif named:
            continue
    for kind, (pattern, label) in KINDS.items():
        for match in pattern.finditer(body, anchors):
            if PLURAL.search(body[max(0, match.start() - 10):match.start()]):
                continue
            if any(d.start <= match.start() < d.end for d in drafts):
                continue
            same = next((d for d in drafts if d.kind == kind), None)
            if same:
                same.sentences.append(sentence_of(match.start()))
                continue
            drafts.append(_Draft(kind, label, match.start(), match.end(), sentences=[sentence_of(match.start())]))
    drafts.sort(key=lambda d: d.start)
    conferences = [i for i, d in enumerate(drafts) if d.kind == "conference"]
    names = [_name(d) for d in drafts]
    subjects = [p for p in persons if p.start is not None and p.role == "subject"]  # the only participants
    events = []
    for draft, name in zip(drafts, names):
        start_date, end_date, precision = _dates(body, draft, published)
        parent = None
        if len(conferences) == 1 and (draft.kind == "plenary_session" or (
                draft.kind in ("working_session", "press_briefing") and _mentions_conference(body, draft))):
            parent = conferences[0]
        participants = _participants(body, draft, subjects)
        if draft.kind != "conference":
            name = _full_name(name, None if parent is None else names[parent], participants)
        events.append(Event(kind=draft.kind, name=name, surface=body[draft.start:draft.end], start=draft.start,
                            end=draft.end, series=draft.series, ordinal=draft.ordinal, start_date=start_date,
                            end_date=end_date, date_precision=precision, location=_location(body, draft),
                            parent=parent, participants=participants))
    return tuple(events)


def _name(draft: _Draft) -> str:
    if draft.kind == "conference":
        return draft.series + (f" lần thứ {draft.ordinal}" if draft.ordinal else "")
    return draft.name


def _full_name(name: str, conference: str | None, participants: tuple[Participant, ...]) -> str:
    """An event named with the conference it is part of or, outside one, with its first participants."""
    if conference is not None:
        return f"{name} {conference}"
    if participants:
        return f"{name} – {', '.join(p.name for p in participants[:3])}"
    return name


_CONFERENCE_WORDS = re.compile(r"hội nghị|trong khuôn khổ", re.IGNORECASE)
_NOT_A_PLACE = re.compile(r"(?:buổi|phiên|hội nghị|cuộc)", re.IGNORECASE)
_ATTENDING = re.compile(r"[Tt]ham dự|có mặt")


# The events of a body often stand in the same sentence: its dates are found once.
_sentence_dates = lru_cache(maxsize=16)(find_dates)


def _mentions_conference(body: str, draft: _Draft) -> bool:
    return any(_CONFERENCE_WORDS.search(body[s:e]) for s, e in draft.sentences)


def _dates(body: str, draft: _Draft, published: DateValue) -> tuple[str | None, str | None, str | None]:
    for s, e in draft.sentences:
        found = _sentence_dates_of(body[s:e], published, draft.kind == "conference")
        if found is not None:
            return found
    return None, None, None


# The events of a body often stand in the same sentence: what it says of their dates is read once.
@lru_cache(maxsize=64)
def _sentence_dates_of(text: str, published: DateValue,
                       conference: bool) -> tuple[str | None, str | None, str | None] | None:
    """The dates of an event reported in the sentence ``text`` (a pure function of its
    arguments, so cached), or None when the sentence gives no day and the next one is read."""
    folded = fold_case(text)  # quick looks for the words of the slow case-insensitive patterns
    span = RANGE.search(text) if "/" in text and (folded is None or "từ" in folded) else None
    if span:
        month1 = int(span["m1"] or span["m2"])
        first = find_dates(f"ngày {span['d1']}/{month1}" + (f"/{span['y']}" if span["y"] else ""))
        last = find_dates(f"ngày {span['d2']}/{span['m2']}" + (f"/{span['y']}" if span["y"] else ""))
        if first and last:
            a, b = resolve_in_context(first[0], published), resolve_in_context(last[0], published)
            if a.iso and b.iso:
                return a.iso, b.iso, "day"
    for mention in _sentence_dates(text):
        if mention.day is None:
            continue
        value = resolve_in_context(mention, published)
        if not value.iso:
            return None, None, None
        if _ended(text, folded):
            duration = DURATION.search(text)
            if duration:
                first_day = date.fromisoformat(value.iso) - timedelta(days=int(duration["days"]) - 1)
                return first_day.isoformat(), value.iso, "day"
            return None, value.iso, "day"
        return value.iso, value.iso if not conference else None, "day"
    return None


def _ended(text: str, folded: str | None) -> bool:
    """Whether ``text`` says the event ended ("bế mạc", "kết thúc"). The words are looked for in
    the folded text first: most sentences have none, and are spared the slow search."""
    if folded is not None and not any(word in folded for word in ENDING_WORDS):
        return False
    return ENDING.search(text) is not None


def _location(body: str, draft: _Draft) -> str | None:
    for s, e in draft.sentences[:2]:
        match = LOCATION.search(body, s, e)
        if match and not _NOT_A_PLACE.match(match["place"]):
            return match["place"].strip()
    return None


def _participants(body: str, draft: _Draft, subjects: Sequence[PersonMention]) -> tuple[Participant, ...]:
    """The persons named in the sentences of ``draft``; ``subjects`` are the body's persons whose
    role is "subject" and whose start is known, in their order."""
    found: dict[str, str] = {}
    for s, e in draft.sentences:
        for person in subjects:
            if not (s <= person.start < e):
                continue
            if draft.kind == "conference":
                after = body[person.end:min(e, person.end + 60)]  # body[person.end:e][:60], not copying the rest
                role = "speaker" if SPEECH_PATTERN.search(after) else "attendee"
            elif _attending(body, s, person.start):
                role = "attendee"
            elif person.start < draft.start:
                role = "host"
            else:
                role = "guest"
            found.setdefault(person.name, role)
    return tuple(Participant(name, role) for name, role in found.items())


def _attending(body: str, start: int, end: int) -> bool:
    """``_ATTENDING.search(body, start, end)``, which ``re`` tries at every position: every match
    holds "ham dự" or "có mặt" inside [start, end), and most stretches have neither."""
    if body.find("ham dự", start, end) < 0 and body.find("có mặt", start, end) < 0:
        return False
    return _ATTENDING.search(body, start, end) is not None
