"""The saved views: one `.sql` file per view in `sql/`, the file name being the view name.

A file `NAME.postgresql.sql` next to `NAME.sql` replaces it on PostgreSQL, for the rare
construct that has no portable spelling.

The table `merged_events` (the rows of events_merged, stored; see pipeline/store/merged.py) is
created,
filled and dropped with the views: departures, dissolutions and hirings read it.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

from pipeline.store import merged
from pipeline.store.models import merged_events
from pipeline.store.view_files import view_sql

# The oldest schema revision the sql/*.sql files can read (the latest migration adding a table
# or column they use). migrations/env.py creates the views after a run that ends at or above it;
# below it, the database has no views. Raise it with any migration the views start to read.
VIEWS_NEED_REVISION = "0007"

# Creation order: a view comes after the views it reads.
VIEW_NAMES = (
    "event_sources",
    "events_merged",
    "departures",
    "dissolutions",
    "hirings",
    "departures_by_lab",
    "people_moves",
    "safety_team_dissolutions",
    "careers",
)


def create_views(connection: Connection) -> None:
    dialect = connection.dialect.name
    merged_events.create(connection, checkfirst=True)
    for name in VIEW_NAMES:
        connection.execute(text(f"create view {name} as\n{view_sql(name, dialect)}"))
    merged.rebuild(connection)


def drop_views(connection: Connection) -> None:
    for name in reversed(VIEW_NAMES):
        connection.execute(text(f"drop view if exists {name}"))
    merged_events.drop(connection, checkfirst=True)
