"""Writing one article's projections (entities, mentions, events) in the caller's transaction,
and the extraction runs that own them."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from sqlalchemy import (
    Connection,
    and_,
    bindparam,
    delete,
    func,
    insert,
    or_,
    select,
    union,
    update,
)
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from pipeline.extract import EntityRef, Extraction
from pipeline.store import merged
from pipeline.store.clock import now
from pipeline.store.models import article_extractions, entities, events, extraction_runs, mentions
from pipeline.store.runs import this_process


def start_run(connection: Connection, *, version: str, command: str) -> int:
    """A new run, owned by this process (so that a later command can tell it died)."""
    result = connection.execute(
        insert(extraction_runs)
        .values(extractor_version=version, command=command, started_at=now(), **this_process())
        .returning(extraction_runs.c.id)
    )
    return result.scalar_one()


def finish_run(connection: Connection, run_id: int) -> None:
    """Counts are read back from what the run stored, so they cannot drift from the rows."""
    articles_done = select(func.count()).where(article_extractions.c.run_id == run_id)
    events_done = select(func.count()).where(events.c.run_id == run_id)
    connection.execute(
        update(extraction_runs)
        .where(extraction_runs.c.id == run_id)
        .values(
            finished_at=now(),
            articles_extracted=articles_done.scalar_subquery(),
            events_found=events_done.scalar_subquery(),
        )
    )


def stored_by_run(engine, run_id: int) -> int:
    """How many articles the run stored with their projections."""
    with engine.connect() as connection:
        return connection.execute(
            select(func.count()).where(article_extractions.c.run_id == run_id)
        ).scalar_one()


# One team told under several names ("Lumen AI", "son équipe de superordinateurs Lumen") has one
# key; it shows its shortest name (then the first in order), whatever order articles came in.
_NEW_NAME = bindparam("new_name")
SHORTEST_TEAM_NAME = (
    update(entities)
    .where(
        entities.c.kind == "team",
        entities.c.key == bindparam("team_key"),
        or_(
            func.length(entities.c.name) > func.length(_NEW_NAME),
            and_(
                func.length(entities.c.name) == func.length(_NEW_NAME), entities.c.name > _NEW_NAME
            ),
        ),
    )
    .values(name=_NEW_NAME)
)


def _shorter(name: str, than: str) -> bool:
    return (len(name), name) < (len(than), than)


def upsert_entities(
    connection: Connection, refs: Iterable[EntityRef]
) -> dict[tuple[str, str], int]:
    """Ids for (kind, key), creating missing entities. Keys are sorted so that concurrent writers
    lock rows in the same order, and ON CONFLICT lets a racing writer's row win quietly."""
    unique: dict[tuple[str, str], EntityRef] = {}
    for ref in refs:
        known = unique.get((ref.kind, ref.key))
        if known is None or (ref.kind == "team" and _shorter(ref.name, known.name)):
            unique[(ref.kind, ref.key)] = ref
    if not unique:
        return {}
    ordered = [unique[k] for k in sorted(unique)]
    dialect_insert = pg_insert if connection.dialect.name == "postgresql" else sqlite_insert
    statement = dialect_insert(entities).on_conflict_do_nothing(index_elements=["kind", "key"])
    connection.execute(statement, [{"kind": r.kind, "name": r.name, "key": r.key} for r in ordered])
    teams = [{"team_key": r.key, "new_name": r.name} for r in ordered if r.kind == "team"]
    if teams:
        connection.execute(SHORTEST_TEAM_NAME, teams)
    ids: dict[tuple[str, str], int] = {}
    for kind in sorted({r.kind for r in ordered}):
        keys = [r.key for r in ordered if r.kind == kind]
        rows = connection.execute(
            select(entities.c.id, entities.c.key).where(
                entities.c.kind == kind, entities.c.key.in_(keys)
            )
        )
        ids.update({(kind, key): entity_id for entity_id, key in rows})
    return ids


def store_extraction(
    connection: Connection,
    *,
    article_id: int,
    run_id: int,
    version: str,
    extraction: Extraction,
    refresh_also: Iterable[merged.Group] = (),
) -> int:
    """Insert the article's mentions and events, mark it extracted, and bring the merged rows of
    its event groups (and of `refresh_also`) up to date; returns the event count."""
    return store_extractions(
        connection,
        {article_id: extraction},
        run_id=run_id,
        version=version,
        refresh_also=refresh_also,
    )


def store_extractions(
    connection: Connection,
    extractions: Mapping[int, Extraction],
    *,
    run_id: int,
    version: str,
    refresh_also: Iterable[merged.Group] = (),
    published_in_text: Mapping[int, object] | None = None,
) -> int:
    """store_extraction for many articles ({article id: extraction}) in a few bulk statements,
    with the publication date a dateline in each text gives ({article id: date}, when found);
    returns the event count."""
    published_in_text = published_in_text or {}
    refs = []
    for extraction in extractions.values():
        refs.extend(m.entity for m in extraction.mentions)
        for event in extraction.events:
            refs.append(event.subject)
            if event.organization:
                refs.append(event.organization)
    ids = upsert_entities(connection, refs)

    def id_of(ref: EntityRef | None) -> int | None:
        return ids[(ref.kind, ref.key)] if ref else None

    mention_rows = [
        {
            "article_id": article_id,
            "entity_id": id_of(m.entity),
            "run_id": run_id,
            "start_char": m.start,
            "end_char": m.end,
            "surface": m.surface,
            "sentence": m.sentence,
        }
        for article_id, extraction in extractions.items()
        for m in extraction.mentions
    ]
    event_rows = [
        {
            "article_id": article_id,
            "run_id": run_id,
            "extractor_version": version,
            "event_type": e.event_type,
            "subject_id": id_of(e.subject),
            "organization_id": id_of(e.organization),
            "kind": e.kind,
            "role": e.role,
            "event_date": e.event_date,
            "date_precision": e.date_precision,
            "date_text": e.date_text,
            "sentence": e.sentence,
            "sentence_start": e.sentence_start,
            "sentence_end": e.sentence_end,
            "rule_id": e.rule,
            "focus": e.focus,
        }
        for article_id, extraction in extractions.items()
        for e in extraction.events
    ]
    extracted_at = now()
    extraction_rows = [
        {
            "article_id": article_id,
            "run_id": run_id,
            "extractor_version": version,
            "extracted_at": extracted_at,
            "published_in_text": published_in_text.get(article_id),
        }
        for article_id in extractions
    ]
    for table, rows in (
        (mentions, mention_rows),
        (events, event_rows),
        (article_extractions, extraction_rows),
    ):
        if rows:
            connection.execute(insert(table), rows)
    groups = {
        (row["event_type"], row["subject_id"], row["organization_id"] or 0) for row in event_rows
    }
    merged.refresh(connection, groups | set(refresh_also))
    return len(event_rows)


def clear_articles(connection: Connection, article_ids: Sequence[int]) -> set[merged.Group]:
    """Delete the articles' projections; returns the event groups whose merged rows are now
    stale, for the `refresh_also` of the store_extractions that follows in the same transaction
    (one refresh, so that its locks are taken in one sorted pass)."""
    stale = merged.groups_of_articles(connection, article_ids)
    for table in (events, mentions, article_extractions):
        connection.execute(delete(table).where(table.c.article_id.in_(article_ids)))
    return stale


def delete_orphan_entities(connection: Connection) -> int:
    used = union(
        select(mentions.c.entity_id),
        select(events.c.subject_id),
        select(events.c.organization_id).where(events.c.organization_id.is_not(None)),
    )
    result = connection.execute(delete(entities).where(entities.c.id.not_in(used)))
    return result.rowcount or 0
