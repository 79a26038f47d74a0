"""Keep `merged_events` equal to the events_merged view, one group of reports at a time.

A group is the reports of one (event type, subject, organisation): the view's rules (episodes by
year, an undated report joining the latest dated one, kind, date and role votes) never look
across groups. So when an article adds or removes reports, only its groups change, and their
rows are recomputed by the view's own SQL (sql/event_sources.sql, sql/events_merged.sql) run
with `events` shadowed by a CTE holding just those groups' reports.

Refreshing happens in the transaction that writes the reports. On PostgreSQL, writers take an
advisory lock per group (in sorted order) before recomputing it, so that two transactions adding
reports to one group recompute one after the other, the second seeing the first's reports; on
SQLite, write transactions are serialised already.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence

from sqlalchemy import Connection, Date, and_, delete, insert, or_, select, text

from pipeline.store.models import events, merged_events
from pipeline.store.view_files import view_sql

Group = tuple[str, int, int]  # (event_type, subject_id, organization_id or 0)

GROUPS_PER_STATEMENT = 50
LOCK_GROUPS = text(
    "select pg_advisory_xact_lock(key) from unnest(cast(:keys as bigint[])) as t(key) order by key"
)
MERGED_COLUMNS = (
    "event_key",
    "event_type",
    "subject",
    "organization",
    "kind",
    "role",
    "focus",
    "date",
    "event_date",
    "date_precision",
    "article_count",
    "evidence_count",
    "first_reported",
    "last_reported",
)


class MergeKeyError(RuntimeError):
    """An event_key that is not `type:subject_id:organization_key:episode`."""


def groups_of_articles(connection: Connection, article_ids: Sequence[int]) -> set[Group]:
    rows = connection.execute(
        select(events.c.event_type, events.c.subject_id, events.c.organization_id)
        .where(events.c.article_id.in_(article_ids))
        .distinct()
    )
    return {(event_type, subject, organization or 0) for event_type, subject, organization in rows}


def refresh(connection: Connection, groups: Iterable[Group]) -> None:
    """Recompute the merged rows of `groups` from their reports as they are now."""
    ordered = sorted(set(groups))
    if not ordered:
        return
    if connection.dialect.name == "postgresql":
        # One statement, locks taken in key order (PostgreSQL evaluates a volatile select list
        # after ORDER BY), so every writer takes them in the same order.
        keys = sorted({_lock_key(group) for group in ordered})
        connection.execute(LOCK_GROUPS, {"keys": keys}).all()
    for start in range(0, len(ordered), GROUPS_PER_STATEMENT):
        chunk = ordered[start : start + GROUPS_PER_STATEMENT]
        connection.execute(delete(merged_events).where(or_(*map(_is_group, chunk))))
        _insert(connection, _merge(connection, chunk))


def rebuild(connection: Connection) -> None:
    """Recompute every merged row (after the views are created, or to repair)."""
    connection.execute(delete(merged_events))
    _insert(connection, _merge(connection, None))


def _merge(connection: Connection, groups: list[Group] | None) -> list[dict]:
    """events_merged's rows for `groups` (all groups when None), by the view's own SQL."""
    dialect = connection.dialect.name
    preparer = connection.dialect.identifier_preparer
    table = f"{preparer.quote_schema(connection.dialect.default_schema_name or 'main')}.events"
    params: dict = {}
    where = ""
    if groups is not None:
        terms = []
        for number, (event_type, subject_id, organization_key) in enumerate(groups):
            terms.append(
                f"(event_type = :type_{number} and subject_id = :subject_{number} "
                f"and coalesce(organization_id, 0) = :organization_{number})"
            )
            params |= {
                f"type_{number}": event_type,
                f"subject_{number}": subject_id,
                f"organization_{number}": organization_key,
            }
        where = " where " + " or ".join(terms)
    statement = text(
        f"with events as (select * from {table}{where}),\n"
        f"event_sources as (\n{view_sql('event_sources', dialect)}\n),\n"
        f"events_merged as (\n{view_sql('events_merged', dialect)}\n)\n"
        f"select {', '.join(MERGED_COLUMNS)} from events_merged"
    ).columns(event_date=Date, first_reported=Date, last_reported=Date)
    return [dict(row._mapping) for row in connection.execute(statement, params)]


def _insert(connection: Connection, rows: list[dict]) -> None:
    if rows:
        connection.execute(insert(merged_events), [row | _group_columns(row) for row in rows])


def _group_columns(row: dict) -> dict:
    key = row["event_key"]
    parts = key.split(":", 3)
    if len(parts) != 4 or not parts[1].isdigit() or not parts[2].isdigit():
        raise MergeKeyError(f"event_key {key!r} is not type:subject_id:organization_key:episode")
    return {"subject_id": int(parts[1]), "organization_key": int(parts[2])}


def _is_group(group: Group):
    event_type, subject_id, organization_key = group
    return and_(
        merged_events.c.subject_id == subject_id,
        merged_events.c.event_type == event_type,
        merged_events.c.organization_key == organization_key,
    )


def _lock_key(group: Group) -> int:
    digest = hashlib.blake2b(repr(group).encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)
