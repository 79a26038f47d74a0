"""The report's timeline as inline SVG: one row per lab, time by month across, a mark per departure
coloured by kind. Drawn in Python, so the report needs no script and no network to show it.

Painted in layers: the rows' alternating backgrounds, then the gridlines (years, and quarters
lighter) and the axis with a tick and its label at the start of each year, then the lab names
and the marks, so that no background hides a line."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

KIND_COLOURS = {"resignation": "#2563c9", "dismissal": "#d03b2f", "departure": "#6b7280"}
KIND_LABELS = {
    "resignation": "resignation",
    "dismissal": "dismissal",
    "departure": "other departure",
}
UNKNOWN_ORGANIZATION = "(organisation unknown)"
YEAR_LINE_COLOUR = "#9aa3b2"
QUARTER_LINE_COLOUR = "#d5d9e0"
TICK_LENGTH = 6


@dataclass(frozen=True)
class TimelineWords:
    """What the timeline writes, in the report's language."""

    title: str = "Departures per lab, {first}–{last}"
    kinds: tuple[tuple[str, str], ...] = tuple(KIND_LABELS.items())
    year_only: str = "year known, not month"
    no_departure: str = "No dated departure to draw."


WIDTH = 1200
LABEL_WIDTH = 190
RIGHT_PAD = 24
TOP = 40
ROW_HEIGHT = 34
AXIS_HEIGHT = 30
MARK_RADIUS = 6
STACK_STEP = 9
_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


@dataclass(frozen=True)
class Mark:
    """One departure on the timeline; `anchor` is the id of its row in the report's tables."""

    organization: str
    person: str
    kind: str
    date: str
    anchor: str


def month_span(date: str) -> tuple[int, int] | None:
    """First and last month (as year*12 + month-1) a date label covers; None if undated."""
    match = _DATE.match(date or "")
    if not match:
        return None
    year, month = int(match.group(1)), match.group(2)
    if month is None:
        return year * 12, year * 12 + 11
    index = year * 12 + int(month) - 1
    return index, index


def draw(marks: Sequence[Mark], words: TimelineWords = TimelineWords()) -> str:
    """The SVG element, or a one-line note when no departure has a date."""
    dated = [(mark, span) for mark in marks if (span := month_span(mark.date))]
    if not dated:
        return f'<p class="empty">{escape(words.no_departure)}</p>'
    first_year = min(span[0] for _, span in dated) // 12
    last_year = max(span[1] for _, span in dated) // 12
    scale = _Scale(first_year * 12, (last_year + 1) * 12)
    rows = _rows(mark for mark, _ in dated)
    tops = [TOP + sum(row.height for row in rows[:index]) for index in range(len(rows))]
    bottom = TOP + sum(row.height for row in rows)
    height = bottom + AXIS_HEIGHT
    title = words.title.format(first=first_year, last=last_year)
    kinds = dict(words.kinds)
    parts = [
        f'<svg id="timeline" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" '
        f'width="100%" role="img" aria-labelledby="timeline-title">',
        f'<title id="timeline-title">{escape(title)}</title>',
        _legend(kinds, words.year_only),
        '<g class="row-backgrounds">',
        *(
            _background(index, top, row)
            for index, (top, row) in enumerate(zip(tops, rows, strict=True))
        ),
        "</g>",
        _grid(scale, first_year, last_year, bottom),
        *(_row(scale, top, row, kinds) for top, row in zip(tops, rows, strict=True)),
        "</svg>",
    ]
    return "\n".join(parts)


@dataclass
class _LabRow:
    organization: str
    by_month: dict[int, list[Mark]]

    @property
    def total(self) -> int:
        return sum(len(marks) for marks in self.by_month.values())

    @property
    def height(self) -> int:
        tallest = max(len(marks) for marks in self.by_month.values())
        return max(ROW_HEIGHT, (tallest - 1) * STACK_STEP + 2 * MARK_RADIUS + 16)


class _Scale:
    def __init__(self, start_month: int, end_month: int):
        self.start, self.end = start_month, end_month
        self.left, self.right = LABEL_WIDTH, WIDTH - RIGHT_PAD

    def x(self, month: float) -> float:
        return self.left + (month - self.start) / (self.end - self.start) * (self.right - self.left)


def _rows(marks) -> list[_LabRow]:
    """One row per lab, most departures first; marks grouped by the month they start in."""
    grouped: defaultdict[str, defaultdict[int, list[Mark]]] = defaultdict(lambda: defaultdict(list))
    for mark in marks:
        grouped[mark.organization or UNKNOWN_ORGANIZATION][month_span(mark.date)[0]].append(mark)
    rows = [_LabRow(organization, dict(months)) for organization, months in grouped.items()]
    return sorted(rows, key=lambda row: (-row.total, row.organization.lower()))


def _legend(kinds: dict[str, str], year_only: str) -> str:
    items, x = [], LABEL_WIDTH
    for kind, colour in KIND_COLOURS.items():
        items.append(
            f'<circle cx="{x + 6}" cy="16" r="{MARK_RADIUS}" fill="{colour}"/>'
            f'<text x="{x + 18}" y="20" class="legend">{escape(kinds[kind])}</text>'
        )
        x += 170
    items.append(
        f'<rect x="{x}" y="10" width="34" height="12" rx="6" fill="#6b7280" fill-opacity="0.25" '
        f'stroke="#6b7280"/><text x="{x + 42}" y="20" class="legend">{escape(year_only)}</text>'
    )
    return f'<g class="legend">{"".join(items)}</g>'


def _background(index: int, top: int, row: _LabRow) -> str:
    parity = "odd" if index % 2 else "even"
    return f'<rect x="0" y="{top}" width="{WIDTH}" height="{row.height}" class="{parity}"/>'


def _grid(scale: _Scale, first_year: int, last_year: int, bottom: int) -> str:
    """Gridlines at each year (and lighter at each quarter) across the rows, and below them the
    axis: a tick at the start of each year with the year under it."""
    lines = [
        f'<line x1="{scale.left}" y1="{bottom}" x2="{scale.right}" y2="{bottom}" class="axis-line" '
        f'stroke="{YEAR_LINE_COLOUR}"/>'
    ]
    for year in range(first_year, last_year + 2):
        x = scale.x(year * 12)
        lines.append(
            f'<line x1="{x:.1f}" y1="{TOP}" x2="{x:.1f}" y2="{bottom}" class="year" '
            f'stroke="{YEAR_LINE_COLOUR}"/>'
            f'<line x1="{x:.1f}" y1="{bottom}" x2="{x:.1f}" y2="{bottom + TICK_LENGTH}" '
            f'class="tick" stroke="{YEAR_LINE_COLOUR}"/>'
            f'<text x="{x:.1f}" y="{bottom + TICK_LENGTH + 14}" class="axis" '
            f'text-anchor="middle">{year}</text>'
        )
        if year <= last_year:
            for quarter in (3, 6, 9):
                qx = scale.x(year * 12 + quarter)
                lines.append(
                    f'<line x1="{qx:.1f}" y1="{TOP}" x2="{qx:.1f}" y2="{bottom}" class="quarter" '
                    f'stroke="{QUARTER_LINE_COLOUR}"/>'
                )
    return f'<g class="grid" shape-rendering="crispEdges">{"".join(lines)}</g>'


def _row(scale: _Scale, top: int, row: _LabRow, kinds: dict[str, str]) -> str:
    middle = top + row.height / 2
    parts = [
        '<g class="lab-row">',
        f'<text x="{LABEL_WIDTH - 12}" y="{middle + 4:.1f}" text-anchor="end" class="lab">'
        f'{escape(row.organization)} <tspan class="count">({row.total})</tspan></text>',
    ]
    for month in sorted(row.by_month):
        same_month = row.by_month[month]
        for level, mark in enumerate(same_month):
            offset = (level - (len(same_month) - 1) / 2) * STACK_STEP
            parts.append(_mark(scale, mark, middle + offset, kinds))
    parts.append("</g>")
    return "".join(parts)


def _mark(scale: _Scale, mark: Mark, y: float, kinds: dict[str, str]) -> str:
    first, last = month_span(mark.date)
    colour = KIND_COLOURS.get(mark.kind, KIND_COLOURS["departure"])
    tooltip = escape(f"{mark.person} — {kinds.get(mark.kind, mark.kind)}, {mark.date}")
    if first == last:
        x = scale.x(first + 0.5)
        shape = (
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{MARK_RADIUS}" fill="{colour}" '
            f'class="mark {escape(mark.kind)}"/>'
        )
    else:
        x0, x1 = scale.x(first) + 2, scale.x(last + 1) - 2
        shape = (
            f'<rect x="{x0:.1f}" y="{y - 6:.1f}" width="{x1 - x0:.1f}" height="12" rx="6" '
            f'fill="{colour}" fill-opacity="0.25" stroke="{colour}" '
            f'class="mark {escape(mark.kind)}"/>'
        )
    return f'<a href="#{escape(mark.anchor)}"><title>{tooltip}</title>{shape}</a>'
