"""What an extractor returns: plain values, no database and no spaCy objects."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field


@dataclass(frozen=True)
class ArticleText:
    text: str
    lang: str = "fr"
    published: datetime.date | None = None
    # "day", "month" or "year": a source may date an article "2024-05" only; `published` is then
    # the first day of that period, and dates in the text resolve against the whole period
    published_precision: str | None = None
    # the headline the source gave apart from the text: read only to link a lone surname in the
    # text ("M. Verdier") to the full name the headline gives
    title: str | None = None


@dataclass(frozen=True)
class EntityRef:
    kind: str  # "person", "organization" or "team"
    name: str  # canonical display name
    key: str  # normalised identity: two refs with the same (kind, key) are one entity


@dataclass(frozen=True)
class FoundMention:
    entity: EntityRef
    start: int
    end: int
    surface: str
    sentence: str


@dataclass(frozen=True)
class FoundEvent:
    event_type: str  # "departure", "hiring", "return" or "dissolution"
    subject: EntityRef  # the person who left / joined, or the team dissolved
    organization: EntityRef | None
    kind: str | None  # departures: "resignation", "dismissal" or "departure"
    role: str | None
    event_date: datetime.date | None
    date_precision: str | None  # "day", "month" or "year"
    date_text: str | None
    sentence: str
    sentence_start: int
    sentence_end: int
    rule: str | None = None  # id of the extraction rule that found it
    focus: str | None = None  # dissolutions: what the team worked on (team_focus.py)


@dataclass(frozen=True)
class Extraction:
    mentions: tuple[FoundMention, ...] = field(default_factory=tuple)
    events: tuple[FoundEvent, ...] = field(default_factory=tuple)
