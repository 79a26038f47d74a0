"""What docs/views.md says about each view: a title, a description, and each column's meaning.
The file ships inside the package as pipeline/sql/views.md (a link to docs/views.md), so that
`pipeline serve` describes the views from the same text people read."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

TITLES = {
    "event_sources": "Evidence sentences",
    "events_merged": "All events, merged across articles",
    "safety_team_dissolutions": "Dissolved AI-safety teams",
    "departures_by_lab": "Departures by lab and year",
    "people_moves": "Where people went",
}
_HEADING = re.compile(r"^## (\w+)$")
_COLUMN = re.compile(r"^\| `(\w+)` \| [^|]+ \| (.+) \|$")


@dataclass
class ViewDoc:
    name: str
    title: str
    description: str = ""
    columns: dict[str, str] = field(default_factory=dict)


@cache
def view_docs() -> dict[str, ViewDoc]:
    """Every `## view` section of views.md that has a column table, by view name."""
    text = (resources.files("pipeline") / "sql" / "views.md").read_text(encoding="utf-8")
    docs: dict[str, ViewDoc] = {}
    current: ViewDoc | None = None
    paragraph: list[str] = []
    for line in text.splitlines():
        if heading := _HEADING.match(line):
            current = ViewDoc(heading.group(1), title_of(heading.group(1)))
            docs[current.name] = current
            paragraph = []
        elif current is None:
            continue
        elif column := _COLUMN.match(line):
            current.columns[column.group(1)] = plain(column.group(2))
        elif line.strip() and not line.startswith("|") and not current.columns:
            paragraph.append(line.strip())
            current.description = plain(" ".join(paragraph))
    return {name: doc for name, doc in docs.items() if doc.columns}


def title_of(view: str) -> str:
    return TITLES.get(view) or view.replace("_", " ").capitalize()


def plain(markdown: str) -> str:
    """Markdown inline code and emphasis as plain text."""
    return re.sub(r"[`*]", "", markdown).replace("\\|", "|").strip()
