"""The metadata sources give with an article, under the names they give it.

Scrapers, CMS exports and feeds name the same fields differently: `published`, `pubDate` or
`datePublished` for the date, `link` for the URL, `headline` for the title. Each is read as the
field it means; when a source gives two names for one field, the first name below wins.
A Markdown `# Heading` opening the text is its title when no title is given.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from pipeline.inputs.source_dates import SourceDate, UnreadableDate, parse_source_date

FIELD_NAMES: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline"),
    "url": ("url", "link"),
    "date": ("date", "published", "published_at", "pubdate", "datepublished"),
    "lang": ("lang",),
}
_MARKDOWN_HEADING = re.compile(r"[ \t]*#[ \t]+(?P<title>.*?)[ \t]*#*[ \t]*")


def canonical_fields(given: Mapping[str, object]) -> dict[str, object]:
    """{field: value} for title, url, date and lang, from the names a source uses (compared
    without case); blank values count as absent."""
    by_lower_name: dict[str, object] = {}
    for name, value in given.items():
        by_lower_name.setdefault(name.lower(), value)
    fields = {}
    for field, names in FIELD_NAMES.items():
        for name in names:
            value = by_lower_name.get(name)
            if value is not None and not (isinstance(value, str) and not value.strip()):
                fields[field] = value
                break
    return fields


def markdown_title(text: str) -> str | None:
    """The words of a `# Heading` on the first non-blank line of `text`, else None."""
    first_line = next((line for line in text.split("\n") if line.strip()), "")
    match = _MARKDOWN_HEADING.fullmatch(first_line)
    return (match["title"] or None) if match else None


def read_date(value: object, *, where: str) -> tuple[SourceDate | None, str | None]:
    """(the date, None), or (None, a warning) when the source's date cannot be read: an article
    is worth storing without its date, never worth losing for it."""
    if not isinstance(value, str):
        return None, f"unreadable date {value!r} {where}: stored without a date"
    try:
        return parse_source_date(value), None
    except UnreadableDate as error:
        return None, f"{error} {where}: stored without a date"
