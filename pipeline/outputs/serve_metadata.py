"""Datasette metadata for a pipeline database: a title, description and column meanings for
every view (from docs/views.md), facets, the base tables hidden, and canned queries for the
questions people ask most."""

from __future__ import annotations

from urllib.parse import quote

from pipeline.outputs.view_docs import view_docs
from pipeline.store.models import metadata as tables
from pipeline.store.views import VIEW_NAMES

TITLE = "Departures and team dissolutions in AI labs"
DESCRIPTION = (
    "Read from news articles by pipeline. Start with departures, dissolutions or careers; every "
    "event_key links to the sentences the event was read from."
)
FACETS = {
    "departures": ["organization", "kind", "year"],
    "dissolutions": ["organization", "focus", "year"],
    "safety_team_dissolutions": ["organization", "focus", "year"],
    "hirings": ["organization", "event_type", "year"],
    "careers": ["move", "organization"],
    "departures_by_lab": ["organization", "year"],
    "people_moves": ["left_organization", "departure_kind", "joined_organization"],
    "event_sources": ["event_type", "organization", "article_lang"],
    "events_merged": ["event_type", "organization"],
}
# Dates and kinds on one line ("2026-02-11", not "2026-" over "02-11"), inline so that serving
# needs no static files.
DATE_COLUMNS = ("date", "event_date", "first_reported", "last_reported", "published_on")
STYLE = (
    ", ".join(f".rows-and-columns td.col-{name}" for name in (*DATE_COLUMNS, "left_date"))
    + ", .rows-and-columns td.col-joined_date, .rows-and-columns td.col-kind "
    "{ white-space: nowrap; }"
)
SORTED_NEWEST_FIRST = ("departures", "dissolutions", "safety_team_dissolutions", "hirings")
QUERIES = {
    "departures_from_one_lab": {
        "title": "Departures from one lab",
        "description": "Who left the organisation you name (OpenAI, Anthropic...), newest first.",
        "sql": (
            "select person, kind, role, date, article_count, event_key from departures\n"
            "where lower(organization) = lower(:organization)\n"
            "order by event_date desc, person"
        ),
    },
    "dissolutions_by_year": {
        "title": "Dissolutions by year",
        "description": "Teams dissolved each year, and how many of them were AI-safety teams.",
        "sql": (
            "select year, count(*) as dissolutions,\n"
            "  sum(case when focus in ('safety', 'ethics', 'alignment', 'policy')\n"
            "      then 1 else 0 end) as safety_teams\n"
            "from dissolutions group by year order by year"
        ),
    },
    "one_persons_career": {
        "title": "One person's career",
        "description": "Every move of the people whose name contains what you type, in order.",
        "sql": (
            "select person, step, move, organization, kind, date, article_count, event_key\n"
            "from careers where lower(person) like '%' || lower(:person) || '%'\n"
            "order by person, step"
        ),
    },
}


def datasette_metadata(database: str) -> dict:
    """The metadata.json for a database Datasette names `database` (the file's stem)."""
    docs = view_docs()
    views = {}
    for name in VIEW_NAMES:
        doc = docs[name]
        views[name] = {
            "title": doc.title,
            "description": doc.description,
            "columns": doc.columns,
            "facets": FACETS.get(name, []),
        }
        if name in SORTED_NEWEST_FIRST:
            views[name]["sort_desc"] = "event_date"
    hidden = {name: {"hidden": True} for name in [*tables.tables, "alembic_version"]}
    return {
        "title": TITLE,
        "description": DESCRIPTION,
        "extra_css_urls": [f"data:text/css,{quote(STYLE)}"],
        "databases": {
            database: {
                "title": TITLE,
                "description": DESCRIPTION,
                "tables": {**hidden, **views},
                "queries": QUERIES,
            }
        },
    }
