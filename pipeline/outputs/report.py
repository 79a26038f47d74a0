"""`pipeline report`: one self-contained HTML file (inline CSS and SVG, no script, no network) with
a timeline of departures per lab, the dissolutions, the departures, and every row linked to the
sentences it was read from. Data comes only from the saved views, through
`pipeline.outputs.query`."""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass
from html import escape
from importlib import resources
from pathlib import Path
from string import Template
from urllib.parse import urlsplit

from sqlalchemy import Engine

from pipeline import __version__
from pipeline.outputs.query import run_view
from pipeline.outputs.timeline import UNKNOWN_ORGANIZATION, Mark, draw, month_span

TITLE = "Departures and team dissolutions in AI labs"


@dataclass(frozen=True)
class ReportData:
    departures: list[dict]
    dissolutions: list[dict]
    sources: list[dict]


@dataclass(frozen=True)
class ReportSummary:
    path: Path
    departures: int
    dissolutions: int
    evidence: int


def load(engine: Engine) -> ReportData:
    return ReportData(
        departures=run_view(engine, "departures"),
        dissolutions=run_view(engine, "dissolutions"),
        sources=run_view(engine, "sources"),
    )


def write_report(engine: Engine, out: Path, *, today: datetime.date | None = None) -> ReportSummary:
    data = load(engine)
    page = render(data, today=today or datetime.date.today())
    out.write_text(page, encoding="utf-8")
    shown = {row["event_key"] for row in [*data.departures, *data.dissolutions]}
    evidence = sum(1 for row in data.sources if row["event_key"] in shown)
    return ReportSummary(out, len(data.departures), len(data.dissolutions), evidence)


def render(data: ReportData, *, today: datetime.date) -> str:
    labs = _departures_by_lab(data.departures)
    anchors = _row_anchors(data.dissolutions, labs)
    evidence = _Evidence(data.sources, anchors)
    marks = [
        Mark(row["organization"], row["person"], row["kind"] or "departure", row["date"], anchor)
        for row, anchor in ((row, anchors[row["event_key"]]) for row in data.departures)
    ]
    template = Template(
        (resources.files("pipeline.outputs") / "templates" / "report_page.html").read_text(
            encoding="utf-8"
        )
    )
    return template.substitute(
        title=escape(TITLE),
        subtitle=escape(_subtitle(data, today)),
        version=escape(__version__),
        figures=_figures(data, labs),
        timeline=draw(marks),
        timeline_note=_timeline_note(data.departures),
        dissolutions=_dissolutions_table(data.dissolutions, anchors, evidence),
        departures=_departure_tables(labs, anchors, evidence),
        evidence=evidence.section(data.dissolutions, labs),
    )


# --- grouping and anchors


def _departures_by_lab(departures: list[dict]) -> dict[str, list[dict]]:
    """Labs, most departures first, each with its departures newest first (the view's order)."""
    groups: defaultdict[str, list[dict]] = defaultdict(list)
    for row in departures:
        groups[row["organization"] or UNKNOWN_ORGANIZATION].append(row)
    return dict(sorted(groups.items(), key=lambda item: (-len(item[1]), item[0].lower())))


def _row_anchors(dissolutions: list[dict], labs: dict[str, list[dict]]) -> dict[str, str]:
    anchors = {row["event_key"]: f"dissolution-{n}" for n, row in enumerate(dissolutions, 1)}
    departures = (row for rows in labs.values() for row in rows)
    anchors.update({row["event_key"]: f"departure-{n}" for n, row in enumerate(departures, 1)})
    return anchors


class _Evidence:
    """The evidence sentences of the shown events, numbered in the order the report lists them."""

    def __init__(self, sources: list[dict], anchors: dict[str, str]):
        self.anchors = anchors
        self.by_event: defaultdict[str, list[dict]] = defaultdict(list)
        for row in sources:
            if row["event_key"] in anchors:
                self.by_event[row["event_key"]].append(row)
        self.ids: dict[int, str] = {}

    def _numbered(self, event_key: str) -> list[tuple[str, dict]]:
        numbered = []
        for row in self.by_event.get(event_key, []):
            key = id(row)
            if key not in self.ids:
                self.ids[key] = f"evidence-{len(self.ids) + 1}"
            numbered.append((self.ids[key], row))
        return numbered

    def links(self, event_key: str) -> str:
        items = self._numbered(event_key)
        if not items:
            return '<span class="note">none</span>'
        return "".join(
            f'<a href="#{anchor}" title="{escape(_shorten(row["sentence"]))}">'
            f"[{anchor.rsplit('-', 1)[1]}]</a>"
            for anchor, row in items
        )

    def section(self, dissolutions: list[dict], labs: dict[str, list[dict]]) -> str:
        events = [*dissolutions, *(row for rows in labs.values() for row in rows)]
        if not events:
            return '<p class="empty">No evidence: nothing was found yet.</p>'
        items = [self._event_item(row) for row in events]
        return f'<ol class="evidence">{"".join(items)}</ol>'

    def _event_item(self, row: dict) -> str:
        event_key = row["event_key"]
        back = self.anchors[event_key]
        sentences = "".join(
            f'<div id="{anchor}" class="sentence"><blockquote>{escape(source["sentence"])}'
            f"</blockquote>{_article_line(source)}</div>"
            for anchor, source in self._numbered(event_key)
        )
        return (
            f'<li id="{back}-evidence"><h4><a href="#{back}">{escape(_event_title(row))}</a></h4>'
            f"{sentences}</li>"
        )


# --- HTML pieces


def _subtitle(data: ReportData, today: datetime.date) -> str:
    text = f"Generated {today.isoformat()}"
    events = [*data.departures, *data.dissolutions]
    spans = [span for row in events if (span := month_span(row["date"] or ""))]
    if spans:
        text += f"; events dated {min(s[0] for s in spans) // 12}–{max(s[1] for s in spans) // 12}"
    return text


def _figures(data: ReportData, labs: dict[str, list[dict]]) -> str:
    figures = [
        (len(data.departures), "departures"),
        (len([lab for lab in labs if lab != UNKNOWN_ORGANIZATION]), "labs with departures"),
        (len(data.dissolutions), "team dissolutions"),
        (len({row["article_source"] for row in data.sources}), "articles with evidence"),
    ]
    items = "".join(f"<li><b>{n}</b><span>{escape(label)}</span></li>" for n, label in figures)
    return f'<ul class="figures">{items}</ul>'


def _timeline_note(departures: list[dict]) -> str:
    undated = sum(1 for row in departures if not month_span(row["date"] or ""))
    if not undated:
        return ""
    return (
        f'<p class="note">{undated} departure(s) without a known date are in the tables below '
        "but not on the timeline.</p>"
    )


def _dissolutions_table(rows: list[dict], anchors: dict[str, str], evidence: _Evidence) -> str:
    if not rows:
        return '<p class="empty">No team dissolution found.</p>'
    body = "".join(
        f'<tr id="{anchors[row["event_key"]]}"><td>{escape(row["team"])}</td>'
        f"<td>{escape(row['organization'] or UNKNOWN_ORGANIZATION)}</td>"
        f"<td>{_date_cell(row)}</td><td class=num>{row['article_count']}</td>"
        f'<td class="evidence-links">{evidence.links(row["event_key"])}</td></tr>'
        for row in rows
    )
    head = (
        '<tr><th>Team</th><th>Organisation</th><th>Date</th><th class="num">Articles</th>'
        "<th>Evidence</th></tr>"
    )
    return f'<table class="dissolutions"><thead>{head}</thead><tbody>{body}</tbody></table>'


def _departure_tables(
    labs: dict[str, list[dict]], anchors: dict[str, str], evidence: _Evidence
) -> str:
    if not labs:
        return '<p class="empty">No departure found.</p>'
    head = (
        '<tr><th>Person</th><th>Kind</th><th>Role</th><th>Date</th><th class="num">Articles</th>'
        "<th>Evidence</th></tr>"
    )
    tables = []
    for lab, rows in labs.items():
        body = "".join(
            f'<tr id="{anchors[row["event_key"]]}"><td>{escape(row["person"])}</td>'
            f"<td>{_kind_badge(row['kind'])}</td><td>{escape(row['role'] or '')}</td>"
            f"<td>{_date_cell(row)}</td><td class=num>{row['article_count']}</td>"
            f'<td class="evidence-links">{evidence.links(row["event_key"])}</td></tr>'
            for row in rows
        )
        tables.append(
            f'<h3>{escape(lab)} <span class="count">({len(rows)})</span></h3>'
            f'<table class="departures"><thead>{head}</thead><tbody>{body}</tbody></table>'
        )
    return "".join(tables)


def _kind_badge(kind: str | None) -> str:
    kind = kind or "departure"
    return f'<span class="kind {escape(kind)}">{escape(kind)}</span>'


def _date_cell(row: dict) -> str:
    if not row["date"]:
        return '<span class="note">unknown</span>'
    return f'<time datetime="{escape(row["date"])}">{escape(row["date"])}</time>'


def _event_title(row: dict) -> str:
    when = f", {row['date']}" if row.get("date") else ""
    organization = row["organization"] or UNKNOWN_ORGANIZATION
    if "team" in row:
        return f"{row['team']} dissolved by {organization}{when}"
    return f"{row['person']} left {organization} ({row['kind'] or 'departure'}){when}"


def _article_line(source: dict) -> str:
    """Title (linked when the article has a web URL), then where it came from, then its date."""
    url, origin, title = source["article_url"], source["article_source"], source["article_title"]
    web = bool(url) and _is_web_link(url)
    details = []
    if title or web:
        label = escape(title or url)
        details.append(
            f'<a href="{escape(url)}" rel="noopener noreferrer">{label}</a>' if web else label
        )
    if url and not web:
        details.append(escape(url))
    if origin and origin != url:
        details.append(f"<code>{escape(origin)}</code>")
    if source["published_on"]:
        details.append(escape(str(source["published_on"])))
    return f'<p class="source">{" · ".join(details)}</p>'


def _is_web_link(url: str) -> bool:
    """Only http(s) links are made clickable: a `javascript:` URL in an article stays text."""
    return urlsplit(url.strip()).scheme.lower() in ("http", "https")


def _shorten(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
