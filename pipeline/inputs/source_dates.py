"""Publication dates as sources write them, kept with their precision (day, month or year).

Front matter, JSON, CSV, feeds and HTML pages give dates in many shapes: `2024-05-14`,
`2024-05-14T10:00:00+02:00`, `2024-05` and `2025` (half of a real scraped collection is
month-only), `14/05/2025` (day first, as in French), `mai 2025`, `14 mai 2025`, `May 14, 2025`,
and RSS's `Tue, 14 May 2024 10:00:00 GMT`. Each becomes the first day of the period it names with
that period as its precision, as Wikidata stores dates, so that nothing more precise than what the
source said is ever invented. Month names come from the extractor's one table
(`pipeline.extract.dates.month_number`), imported only when a date spells a month out.
"""

from __future__ import annotations

import datetime
import email.utils
import re
from dataclasses import dataclass

DAY, MONTH, YEAR = "day", "month", "year"
PRECISIONS = (DAY, MONTH, YEAR)

_ISO_DAY = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?")
_ISO_ZONE = re.compile(r"\s*(?:Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?")
_ISO_MONTH = re.compile(r"(\d{4})[-/](\d{1,2})")
_YEAR_ONLY = re.compile(r"\d{4}")
_NUMERIC_DAY = re.compile(r"(\d{1,2})([/.\-])(\d{1,2})\2(\d{4})")
_WORD = r"[^\W\d_]+\.?"
_WEEKDAY_LEAD = rf"(?:{_WORD},?\s+)?"
_DAY_NUMBER = r"(\d{1,2})(?:er|re|st|nd|rd|th)?"
_TIME_TAIL = r"(?:,?\s+(?:à|at|-)?\s*\d{1,2}\s*[h:]\s*\d{0,2}.*)?"
_DAY_MONTH_YEAR = re.compile(
    rf"{_WEEKDAY_LEAD}{_DAY_NUMBER}\s+(?:of\s+)?({_WORD})\s+(\d{{4}}){_TIME_TAIL}", re.IGNORECASE
)
_MONTH_DAY_YEAR = re.compile(
    rf"{_WEEKDAY_LEAD}({_WORD})\s+{_DAY_NUMBER},?\s+(\d{{4}}){_TIME_TAIL}", re.IGNORECASE
)
_MONTH_YEAR = re.compile(rf"(?:(?:en|in)\s+)?({_WORD}),?\s+(\d{{4}})", re.IGNORECASE)


@dataclass(frozen=True)
class SourceDate:
    value: datetime.date  # the first day of the period
    precision: str  # "day", "month" or "year"
    text: str  # as the source wrote it

    @property
    def label(self) -> str:
        """`2024`, `2024-05` or `2024-05-14`: the date at its precision, as the views show it."""
        return self.value.isoformat()[: {YEAR: 4, MONTH: 7, DAY: 10}[self.precision]]


class UnreadableDate(ValueError):
    """A date a source gave that names no real day, month or year; the message says which."""


def parse_source_date(text: str) -> SourceDate:
    """The date `text` names, at the precision it names it; UnreadableDate otherwise."""
    written = " ".join(text.split())
    for reader in (_iso, _numeric, _spelled_out, _rfc_2822):
        try:
            found = reader(written)
        except (ValueError, OverflowError):
            raise UnreadableDate(f"unreadable date '{written}'") from None
        if found is not None:
            value, precision = found
            return SourceDate(value, precision, written)
    raise UnreadableDate(f"unreadable date '{written}'")


_Found = tuple[datetime.date, str] | None


def _iso(text: str) -> _Found:
    if match := _ISO_DAY.match(text):
        if _ISO_ZONE.fullmatch(text, match.end()):
            year, month, day = map(int, match.groups())
            return datetime.date(year, month, day), DAY
        return None
    if match := _ISO_MONTH.fullmatch(text):
        year, month = map(int, match.groups())
        return datetime.date(year, month, 1), MONTH
    if _YEAR_ONLY.fullmatch(text):
        return datetime.date(int(text), 1, 1), YEAR
    return None


def _numeric(text: str) -> _Found:
    """`14/05/2025`, `14.05.2025`: day first, as French writes it; `05/14/2025` can only be
    month first, so it is read that way."""
    match = _NUMERIC_DAY.fullmatch(text)
    if match is None:
        return None
    first, _, second, year = match.groups()
    day, month = int(first), int(second)
    if month > 12 >= day:
        day, month = month, day
    return datetime.date(int(year), month, day), DAY


def _spelled_out(text: str) -> _Found:
    """`14 mai 2025`, `1er mai 2025`, `May 14, 2025`, `mardi 14 mai 2025 à 10h`, `mai 2025`."""
    from pipeline.extract.dates import month_number

    if match := _DAY_MONTH_YEAR.fullmatch(text):
        day, month_name, year = match.groups()
        if month := month_number(month_name):
            return datetime.date(int(year), month, int(day)), DAY
    if match := _MONTH_DAY_YEAR.fullmatch(text):
        month_name, day, year = match.groups()
        if month := month_number(month_name):
            return datetime.date(int(year), month, int(day)), DAY
    if match := _MONTH_YEAR.fullmatch(text):
        month_name, year = match.groups()
        if month := month_number(month_name):
            return datetime.date(int(year), month, 1), MONTH
    return None


def _rfc_2822(text: str) -> _Found:
    """RSS's `Tue, 14 May 2024 10:00:00 GMT` (the day as the feed wrote it, zone ignored)."""
    try:
        parsed = email.utils.parsedate_tz(text)
    except (TypeError, ValueError, IndexError):
        return None
    if parsed is None or not parsed[0] or not parsed[1] or not parsed[2]:
        return None
    year, month, day = parsed[:3]
    return datetime.date(year, month, day), DAY
