"""Plain, frozen results of extraction.

Extraction is a pure function from a text to these dataclasses; only the
storage layer turns them into ORM rows. Every span is a ``[start, end)`` pair of
character offsets into the string named by ``field`` (almost always the clean
``body`` of the article), and ``text[start:end] == surface``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Precision = Literal["day", "month", "year"]
PersonRole = Literal["subject", "author", "photographer"]
QuoteKind = Literal["direct", "reported"]
Field = Literal["body", "title", "lead", "caption", "byline"]


@dataclass(frozen=True)
class DateMention:
    """A date expression found in a text ("chiều 31/1", "ngày 5/9/2022")."""

    start: int
    end: int
    surface: str
    day: int | None
    month: int | None
    year: int | None  # None when the text does not give it


@dataclass(frozen=True)
class DateValue:
    """A resolved date: ISO text ("2023-01-31", "2023-01", "2023") and how we know it."""

    iso: str | None
    precision: Precision | None
    evidence: str  # human-readable: which expression and which clue fixed the year


@dataclass(frozen=True)
class Caption:
    text: str
    photographer: str | None = None  # "Dương Giang" from "Ảnh: Dương Giang/TTXVN"
    agency: str | None = None  # "TTXVN"


@dataclass(frozen=True)
class Layout:
    """A scraped file split into its parts. ``body`` is paragraphs joined by "\\n"."""

    title: str | None
    kicker: str | None
    lead: str | None
    body: str
    captions: tuple[Caption, ...] = ()
    bylines: tuple[str, ...] = ()  # raw byline lines ("DIỆU THIỆN", "Vân Hương - Sỹ Cường")
    source_lines: tuple[str, ...] = ()  # "Theo TTXVN/Báo Tin tức", "Link nguồn: …"
    boilerplate: tuple[str, ...] = ()  # every line cut as site furniture, in order


@dataclass(frozen=True)
class ArticleMeta:
    title: str | None
    kicker: str | None
    lead: str | None
    outlet: str | None
    url: str | None
    authors: tuple[str, ...]
    source: str | None  # agency credit such as "TTXVN" ("Theo TTXVN" is a source, not an author)
    published: DateValue


@dataclass(frozen=True)
class PersonMention:
    name: str  # canonical: NFC, no title, each syllable capitalised
    surface: str  # exactly the text at [start, end) of `field`
    start: int | None  # None only for author/photographer mentions outside the body
    end: int | None
    title: str | None = None  # "Phó Thủ tướng Chính phủ"
    role: PersonRole = "subject"
    field: Field = "body"


@dataclass(frozen=True)
class Quote:
    kind: QuoteKind
    text: str  # the quoted words, without the quotation marks
    start: int  # span of `text` in the body
    end: int
    speakers: tuple[str, ...] = ()  # canonical person names
    speaker_label: str | None = None  # body or role when no person is named ("Bộ Ngoại giao")
    instruction: bool = False  # a leader instructing a body ("Bộ Ngoại giao cần …")
    event: int | None = None  # index into Extraction.events


@dataclass(frozen=True)
class DirectiveMention:
    kind: str  # "Chỉ thị", "Nghị quyết", …
    number: str | None  # bare identifier: "25", "XIII"
    issuer: str | None  # "Ban Bí thư"
    surface: str
    start: int
    end: int
    subject: str | None = None  # "về đẩy mạnh và nâng tầm đối ngoại đa phương"
    year: int | None = None

    @property
    def name(self) -> str:
        parts = [self.kind]
        if self.number:
            parts.append(self.number)
        if self.issuer:
            parts.append(f"của {self.issuer}")
        return " ".join(parts)


@dataclass(frozen=True)
class Participant:
    name: str  # canonical person name
    role: str  # "host", "guest", "chair", "attendee", "speaker" …


@dataclass(frozen=True)
class Event:
    kind: str  # conference, plenary_session, working_session, talks, phone_call, visit,
    #            reception, press_briefing, anniversary
    name: str
    surface: str
    start: int  # span of the mention that names the event in the body
    end: int
    series: str | None = None  # "Hội nghị Ngoại giao"
    ordinal: int | None = None  # 31
    start_date: str | None = None  # ISO, possibly partial
    end_date: str | None = None
    date_precision: Precision | None = None
    location: str | None = None
    parent: int | None = None  # index into Extraction.events
    participants: tuple[Participant, ...] = ()


@dataclass(frozen=True)
class Extraction:
    """Everything extracted from one article."""

    text: str  # the normalised full text
    layout: Layout
    meta: ArticleMeta
    persons: tuple[PersonMention, ...] = ()
    quotes: tuple[Quote, ...] = ()
    directives: tuple[DirectiveMention, ...] = ()
    events: tuple[Event, ...] = ()
    warnings: tuple[str, ...] = field(default=())

    @property
    def body(self) -> str:
        return self.layout.body
