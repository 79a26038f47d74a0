"""`pipeline report`: one self-contained HTML file (inline CSS and SVG, no script, no network) with
a timeline of departures per lab, the dissolutions, the departures, each person's career, and
every row linked to the sentences it was read from. Written in the language of the articles
(French or English) unless asked for. Data comes only from the saved views, through
`pipeline.outputs.query`."""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from html import escape
from importlib import resources
from pathlib import Path
from string import Template
from typing import TextIO
from urllib.parse import urlsplit

from sqlalchemy import Engine

from pipeline import __version__
from pipeline.outputs import report_words as words
from pipeline.outputs.query import run_view
from pipeline.outputs.timeline import Mark, TimelineWords, draw, month_span


@dataclass(frozen=True)
class ReportData:
    departures: list[dict]
    dissolutions: list[dict]
    sources: list[dict]
    careers: list[dict] = field(default_factory=list)


@dataclass(frozen=True)
class ReportSummary:
    path: Path | None  # None when written to a stream (stdout)
    departures: int
    dissolutions: int
    evidence: int
    lang: str


def load(engine: Engine) -> ReportData:
    return ReportData(
        departures=run_view(engine, "departures"),
        dissolutions=run_view(engine, "dissolutions"),
        sources=run_view(engine, "sources"),
        careers=run_view(engine, "careers"),
    )


def write_report(
    engine: Engine,
    out: Path | TextIO,
    *,
    today: datetime.date | None = None,
    lang: str | None = None,
) -> ReportSummary:
    """Write the report to the file `out` (or the open text stream `out`, e.g. stdout)."""
    data = load(engine)
    by_article = {row["article_source"]: row.get("article_lang") for row in data.sources}
    chosen = words.choose_language(by_article.values(), lang)
    page = render(data, today=today or datetime.date.today(), lang=chosen)
    if isinstance(out, Path):
        out.write_text(page, encoding="utf-8")
    else:
        out.write(page)
    shown = {row["event_key"] for row in [*data.departures, *data.dissolutions]}
    evidence = sum(1 for row in data.sources if row["event_key"] in shown)
    path = out if isinstance(out, Path) else None
    return ReportSummary(path, len(data.departures), len(data.dissolutions), evidence, chosen)


def render(data: ReportData, *, today: datetime.date, lang: str = "en") -> str:
    said = words.labels(lang)
    labs = _departures_by_lab(data.departures, said["unknown_organization"])
    anchors = _row_anchors(data.dissolutions, labs)
    careers = _Careers(data.careers, anchors, lang)
    evidence = _Evidence(data.sources, anchors, lang)
    marks = [
        Mark(
            row["organization"] or said["unknown_organization"],
            row["person"],
            row["kind"] or "departure",
            row["date"],
            anchor,
        )
        for row, anchor in ((row, anchors[row["event_key"]]) for row in data.departures)
    ]
    timeline_words = TimelineWords(
        title=said["timeline_title"],
        kinds=tuple(words.LEGEND_KINDS[lang].items()),
        year_only=said["year_only"],
        no_departure=said["no_timeline"],
    )
    template = Template(
        (resources.files("pipeline.outputs") / "templates" / "report_page.html").read_text(
            encoding="utf-8"
        )
    )
    return template.substitute(
        lang=lang,
        title=escape(said["title"]),
        subtitle=escape(_subtitle(data, today, said)),
        version=escape(__version__),
        figures=_figures(data, labs, said),
        timeline_heading=escape(said["timeline_heading"]),
        timeline=draw(marks, timeline_words),
        timeline_note=_timeline_note(data.departures, said),
        dissolutions_heading=escape(said["dissolutions_heading"]),
        dissolutions=_dissolutions_table(data.dissolutions, anchors, evidence, lang),
        departures_heading=escape(said["departures_heading"]),
        departures=_departure_tables(labs, anchors, evidence, careers, lang),
        careers_heading=escape(said["careers_heading"]),
        careers_note=escape(said["careers_note"]),
        careers=careers.section(),
        evidence_heading=escape(said["evidence_heading"]),
        evidence_note=escape(said["evidence_note"]),
        evidence=evidence.section(data.dissolutions, labs),
        footer=escape(said["footer"].format(version=__version__)),
    )


# --- grouping and anchors


def _departures_by_lab(departures: list[dict], unknown: str) -> dict[str, list[dict]]:
    """Labs, most departures first, each with its departures newest first (the view's order)."""
    groups: defaultdict[str, list[dict]] = defaultdict(list)
    for row in departures:
        groups[row["organization"] or unknown].append(row)
    return dict(sorted(groups.items(), key=lambda item: (-len(item[1]), item[0].lower())))


def _row_anchors(dissolutions: list[dict], labs: dict[str, list[dict]]) -> dict[str, str]:
    anchors = {row["event_key"]: f"dissolution-{n}" for n, row in enumerate(dissolutions, 1)}
    departures = (row for rows in labs.values() for row in rows)
    anchors.update({row["event_key"]: f"departure-{n}" for n, row in enumerate(departures, 1)})
    return anchors


class _Careers:
    """Each person who left a lab, with all their known moves; names link here."""

    def __init__(self, careers: list[dict], anchors: dict[str, str], lang: str):
        self.lang, self.anchors = lang, anchors
        self.moves: defaultdict[str, list[dict]] = defaultdict(list)
        for row in careers:
            self.moves[row["person"]].append(row)
        leavers = sorted(
            (person for person, moves in self.moves.items() if _has_departure(moves)),
            key=str.lower,
        )
        self.ids = {person: f"career-{n}" for n, person in enumerate(leavers, 1)}

    def link(self, person: str) -> str:
        if person not in self.ids:
            return escape(person)
        return f'<a href="#{self.ids[person]}" class="person">{escape(person)}</a>'

    def section(self) -> str:
        if not self.ids:
            return f'<p class="empty">{escape(words.labels(self.lang)["no_careers"])}</p>'
        items = []
        for person, anchor in self.ids.items():
            steps = " → ".join(self._step(move) for move in self.moves[person])
            items.append(f'<li id="{anchor}"><b>{escape(person)}</b>: {steps}</li>')
        return f'<ul class="careers">{"".join(items)}</ul>'

    def _step(self, move: dict) -> str:
        text = escape(words.move_phrase(move, self.lang))
        row = self.anchors.get(move["event_key"])
        return f'<a href="#{row}">{text}</a>' if row else text


def _has_departure(moves: list[dict]) -> bool:
    return any(move["event_type"] == "departure" for move in moves)


class _Evidence:
    """The evidence sentences of the shown events, numbered in the order the report lists them."""

    def __init__(self, sources: list[dict], anchors: dict[str, str], lang: str):
        self.anchors, self.lang = anchors, lang
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
            return f'<span class="note">{escape(words.labels(self.lang)["no_evidence"])}</span>'
        return "".join(
            f'<a href="#{anchor}" title="{escape(_shorten(row["sentence"]))}">'
            f"[{anchor.rsplit('-', 1)[1]}]</a>"
            for anchor, row in items
        )

    def section(self, dissolutions: list[dict], labs: dict[str, list[dict]]) -> str:
        events = [*dissolutions, *(row for rows in labs.values() for row in rows)]
        if not events:
            nothing = words.labels(self.lang)["no_evidence_at_all"]
            return f'<p class="empty">{escape(nothing)}</p>'
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
        heading = escape(words.event_sentence(row, self.lang))
        return f'<li id="{back}-evidence"><h4><a href="#{back}">{heading}</a></h4>{sentences}</li>'


# --- HTML pieces


def _subtitle(data: ReportData, today: datetime.date, said: dict[str, str]) -> str:
    text = said["generated"].format(today=today.isoformat())
    events = [*data.departures, *data.dissolutions]
    spans = [span for row in events if (span := month_span(row["date"] or ""))]
    if spans:
        first, last = min(s[0] for s in spans) // 12, max(s[1] for s in spans) // 12
        text += "; " + said["dated"].format(first=first, last=last)
    return text


def _figures(data: ReportData, labs: dict[str, list[dict]], said: dict[str, str]) -> str:
    figures = [
        (len(data.departures), said["departures"]),
        (len([lab for lab in labs if lab != said["unknown_organization"]]), said["labs"]),
        (len(data.dissolutions), said["dissolutions"]),
        (len({row["article_source"] for row in data.sources}), said["articles"]),
    ]
    items = "".join(f"<li><b>{n}</b><span>{escape(label)}</span></li>" for n, label in figures)
    return f'<ul class="figures">{items}</ul>'


def _timeline_note(departures: list[dict], said: dict[str, str]) -> str:
    undated = sum(1 for row in departures if not month_span(row["date"] or ""))
    if not undated:
        return ""
    note = said["undated_one"] if undated == 1 else said["undated_many"].format(count=undated)
    return f'<p class="note">{escape(note)}</p>'


def _head(said: dict[str, str], *names: str) -> str:
    return "".join(
        f'<th class="num">{escape(said[name])}</th>'
        if name == "article_count"
        else f"<th>{escape(said[name])}</th>"
        for name in names
    )


def _dissolutions_table(
    rows: list[dict], anchors: dict[str, str], evidence: _Evidence, lang: str
) -> str:
    said = words.labels(lang)
    if not rows:
        return f'<p class="empty">{escape(said["no_dissolutions"])}</p>'
    body = "".join(
        f'<tr id="{anchors[row["event_key"]]}"><td>{escape(row["team"])}</td>'
        f"<td>{escape(row['organization'] or said['unknown_organization'])}</td>"
        f"<td>{_focus_badge(row.get('focus'), lang)}</td>"
        f"<td>{_date_cell(row, said)}</td><td class=num>{row['article_count']}</td>"
        f'<td class="evidence-links">{evidence.links(row["event_key"])}</td></tr>'
        for row in rows
    )
    head = _head(said, "team", "organization", "focus", "date", "article_count", "evidence")
    return (
        f'<div class="table-frame"><table class="dissolutions"><thead><tr>{head}</tr></thead>'
        f"<tbody>{body}</tbody></table></div>"
    )


def _departure_tables(
    labs: dict[str, list[dict]],
    anchors: dict[str, str],
    evidence: _Evidence,
    careers: _Careers,
    lang: str,
) -> str:
    said = words.labels(lang)
    if not labs:
        return f'<p class="empty">{escape(said["no_departures"])}</p>'
    head = _head(said, "person", "kind", "role", "date", "article_count", "evidence")
    tables = []
    for lab, rows in labs.items():
        body = "".join(
            f'<tr id="{anchors[row["event_key"]]}"><td>{careers.link(row["person"])}</td>'
            f"<td>{_kind_badge(row['kind'], lang)}</td><td>{escape(row['role'] or '')}</td>"
            f"<td>{_date_cell(row, said)}</td><td class=num>{row['article_count']}</td>"
            f'<td class="evidence-links">{evidence.links(row["event_key"])}</td></tr>'
            for row in rows
        )
        tables.append(
            f'<h3>{escape(lab)} <span class="count">({len(rows)})</span></h3>'
            f'<div class="table-frame"><table class="departures"><thead><tr>{head}</tr></thead>'
            f"<tbody>{body}</tbody></table></div>"
        )
    return "".join(tables)


def _kind_badge(kind: str | None, lang: str) -> str:
    kind = kind or "departure"
    return f'<span class="kind {escape(kind)}">{escape(words.kind_label(kind, lang))}</span>'


def _focus_badge(focus: str | None, lang: str) -> str:
    if not focus:
        return ""
    return f'<span class="focus {escape(focus)}">{escape(words.focus_label(focus, lang))}</span>'


def _date_cell(row: dict, said: dict[str, str]) -> str:
    if not row["date"]:
        return f'<span class="note">{escape(said["unknown_date"])}</span>'
    return f'<time datetime="{escape(row["date"])}">{escape(row["date"])}</time>'


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
