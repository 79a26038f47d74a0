"""A Datasette plugin for `pipeline serve`: in the HTML pages, an event's `event_key` links to
the sentences it was read from, and a person's name links to their career."""

from __future__ import annotations

from urllib.parse import urlencode

from datasette import hookimpl
from markupsafe import Markup, escape

PEOPLE_COLUMNS = {"person", "subject"}


@hookimpl
def render_cell(row, value, column, table, database, datasette):
    if not isinstance(value, str) or not value:
        return None
    if column == "event_key" and table != "event_sources":
        target = datasette.urls.table(database, "event_sources")
        return _link(f"{target}?{urlencode({'event_key': value})}", value, "evidence")
    if column in PEOPLE_COLUMNS and table != "careers" and _is_person(row, column):
        target = datasette.urls.table(database, "careers")
        return _link(f"{target}?{urlencode({'person': value})}", value, "career")
    return None


def _is_person(row, column: str) -> bool:
    """event_sources' `subject` is a team for dissolutions."""
    if column != "subject":
        return True
    keys = row.keys() if hasattr(row, "keys") else ()
    return "subject_kind" not in keys or row["subject_kind"] == "person"


def _link(href: str, text: str, kind: str) -> Markup:
    return Markup(f'<a href="{escape(href)}" class="pipeline-{kind}">{escape(text)}</a>')
