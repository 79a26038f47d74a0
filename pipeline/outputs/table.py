"""Rows as a plain text table that fits a width: numbers right-aligned, dates and short codes
never cut, long text shortened at a word with an ellipsis. When even that cannot fit (`--wide`
on a narrow terminal), one block per row instead, long values wrapped at words."""

from __future__ import annotations

import datetime
import decimal
import math
import re
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass

GAP = "  "
ELLIPSIS = "…"
# A column whose values all fit in this many characters (dates, kinds, counts) is never cut.
RIGID_WIDTH = 12
# The narrowest a long-text column gets before the table gives way to one block per row.
MIN_FLEXIBLE_WIDTH = 8
HEADERS = {
    "article_count": "articles",
    "evidence_count": "sentences",
    "date_precision": "precision",
    "left_organization": "left",
    "joined_organization": "joined",
    "departure_kind": "kind",
    "left_date": "left on",
    "joined_date": "joined on",
    "joined_as": "as",
    "other_departures": "other",
    "article_source": "source",
    "article_title": "title",
    "article_url": "url",
    "published_on": "published",
}
_SPACES = re.compile(r"\s+")


def header(column: str) -> str:
    return HEADERS.get(column, column)


def cell_text(value) -> str:
    """One line of text for a value: dates in ISO, whole Decimals as integers, no line breaks."""
    if value is None:
        return ""
    if isinstance(value, datetime.date | datetime.datetime):
        return value.isoformat()
    if isinstance(value, decimal.Decimal) and value == value.to_integral_value():
        return str(int(value))
    return _SPACES.sub(" ", str(value)).strip()


def is_number(value) -> bool:
    return isinstance(value, int | float | decimal.Decimal) and not isinstance(value, bool)


@dataclass
class _Column:
    name: str
    cells: list[str]
    numeric: bool
    width: int = 0

    @property
    def natural(self) -> int:
        return max([len(header(self.name)), *map(len, self.cells)])

    @property
    def typical(self) -> int:
        """The width that shows nine values in ten whole."""
        lengths = sorted(map(len, self.cells)) or [0]
        return max(len(header(self.name)), lengths[int(0.9 * (len(lengths) - 1))])

    @property
    def rigid(self) -> bool:
        return self.numeric or max(map(len, self.cells), default=0) <= RIGID_WIDTH

    @property
    def narrowest(self) -> int:
        if self.rigid:
            return self.natural
        return min(self.natural, max(len(header(self.name)), MIN_FLEXIBLE_WIDTH))


def render_table(rows: Sequence[dict], columns: Sequence[str], width: int | None) -> str:
    """The table (header, rule, rows), or one block per row when the columns cannot fit
    `width`; `width` None means no limit (piped output)."""
    table = [
        _Column(
            name,
            [cell_text(row.get(name)) for row in rows],
            bool(rows) and all(is_number(v) for row in rows if (v := row.get(name)) is not None),
        )
        for name in columns
    ]
    if not _fit(table, width):
        return render_blocks(rows, columns, width)
    lines = [
        _line([header(c.name) for c in table], table),
        _line(["-" * c.width for c in table], table),
    ]
    for index in range(len(rows)):
        lines.append(_line([_shorten(c.cells[index], c.width) for c in table], table))
    return "\n".join(lines)


def _fit(table: list[_Column], width: int | None) -> bool:
    """Give each column a width: its natural one if the table fits, else long-text columns share
    what the others leave. False when they cannot all get their narrowest."""
    for column in table:
        column.width = column.natural
    if width is None:
        return True
    room = width - len(GAP) * (len(table) - 1)
    if sum(c.width for c in table) <= room:
        return True
    if sum(c.narrowest for c in table) > room:
        return False
    # Long-text columns share the room left. One whose usual values fit in an even share gets
    # the width that shows nine values in ten whole, so that names stay whole; the others split
    # the rest by the square root of their width: a sentence gets more room than a file name,
    # the file name enough to be told. What is left over goes back to the columns cut short.
    flexible = [c for c in table if not c.rigid]
    spare = room - sum(c.width for c in table if c.rigid)
    usual = {id(c): max(c.narrowest, c.typical) for c in flexible}
    while flexible and (fits := [c for c in flexible if usual[id(c)] <= spare // len(flexible)]):
        for column in fits:
            column.width = usual[id(column)]
            spare -= column.width
        flexible = [c for c in flexible if c not in fits]
    still_needed = sum(c.narrowest for c in flexible)
    weights = sum(math.sqrt(c.natural) for c in flexible)
    for column in flexible:
        still_needed -= column.narrowest
        weight = math.sqrt(column.natural)
        share = min(int(spare * weight / weights), spare - still_needed)
        column.width = max(column.narrowest, min(column.natural, share))
        spare -= column.width
        weights -= weight
    for column in table:
        extra = min(spare, column.natural - column.width)
        column.width += extra
        spare -= extra
    return True


def _line(cells: Sequence[str], table: list[_Column]) -> str:
    parts = [
        cell.rjust(column.width) if column.numeric else cell.ljust(column.width)
        for cell, column in zip(cells, table, strict=True)
    ]
    return GAP.join(parts).rstrip()


def _shorten(text: str, width: int) -> str:
    """`text` in at most `width` characters, cut after a whole word with an ellipsis when it
    must be cut (a single word longer than the column is cut inside it); a path or URL keeps its
    end, where the file name is."""
    if len(text) <= width:
        return text
    if "/" in text and " " not in text:
        return ELLIPSIS + text[len(text) - width + len(ELLIPSIS) :]
    kept = text[: width - len(ELLIPSIS)]
    if " " in kept.strip():
        kept = kept[: kept.rstrip().rindex(" ")]
    return kept.rstrip(" ,;:-–—(«“\"'") + ELLIPSIS


def render_blocks(rows: Sequence[dict], columns: Sequence[str], width: int | None) -> str:
    """One block per row, a column per line, long values wrapped at words:

    -[ 1 ]-------------
    person   Hugo Lemaire
    """
    label_width = max(len(header(c)) for c in columns)
    text_width = None if width is None else max(width - label_width - len(GAP), MIN_FLEXIBLE_WIDTH)
    blocks = []
    for number, row in enumerate(rows, 1):
        lines = [f"-[ {number} ]".ljust(min(width or 40, 40), "-")]
        for name in columns:
            value = cell_text(row.get(name))
            wrapped = (
                textwrap.wrap(value, text_width, break_on_hyphens=False)
                if text_width and value
                else [value]
            )
            indent = " " * (label_width + len(GAP))
            first, *rest = wrapped or [""]
            lines.append(f"{header(name).ljust(label_width)}{GAP}{first}".rstrip())
            lines.extend(indent + line for line in rest)
        blocks.append("\n".join(lines))
    return "\n".join(blocks)
