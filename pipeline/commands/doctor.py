"""Integrity check of a database: schema version, half-stored articles, orphan projections,
interrupted runs and run counts. Reads only; says what is wrong, one problem per line."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, Engine, Select, and_, exists, func, inspect, select, text

from pipeline.store import schema
from pipeline.store.merged import MERGED_COLUMNS
from pipeline.store.models import article_extractions, articles, entities, events, extraction_runs
from pipeline.store.models import mentions as mentions_table
from pipeline.store.runs import interrupted_runs
from pipeline.store.views import VIEW_NAMES

SAMPLE_IDS = 5


@dataclass(frozen=True)
class Problem:
    """`kind` names the check (stable, for scripts and tests); `message` says what is wrong."""

    kind: str
    message: str

    def __str__(self) -> str:
        return self.message


def check(engine: Engine) -> list[Problem]:
    """Every problem found; an empty list means the database is consistent and at head."""
    problems = schema_problems(engine)
    if problems_of_kind(problems, "no_schema", "newer_schema"):
        return problems  # the tables are missing or unknown: nothing more can be checked
    with engine.connect() as connection:
        problems += file_problems(connection)
        if not problems_of_kind(problems, "old_schema"):  # an old schema may predate a view
            problems += missing_views(connection)
        problems += articles_without_extraction(connection)
        problems += orphan_projections(connection)
        problems += broken_entity_references(connection)
        problems += stale_merged_events(connection)
        problems += unfinished_runs(connection)
        problems += run_count_problems(connection)
    return problems


def problems_of_kind(problems: list[Problem], *kinds: str) -> list[Problem]:
    return [p for p in problems if p.kind in kinds]


def schema_problems(engine: Engine) -> list[Problem]:
    current = schema.current_revision(engine)
    head = schema.head_revision()
    if current == head:
        return []
    if current is None:
        return [Problem("no_schema", "the database has no schema: run `pipeline db upgrade`")]
    if current not in schema.known_revisions():
        return [
            Problem(
                "newer_schema",
                f"schema revision {current} is newer than this pipeline knows (head {head}): "
                "upgrade pipeline",
            )
        ]
    return [
        Problem(
            "old_schema",
            f"schema at revision {current}, head is {head}: run `pipeline db upgrade` "
            "(ingest and reprocess upgrade it too)",
        )
    ]


def file_problems(connection: Connection) -> list[Problem]:
    """SQLite's own check of its file (pages, indexes) and of foreign keys."""
    if connection.dialect.name != "sqlite":
        return []
    problems = []
    verdict = connection.exec_driver_sql("pragma quick_check").scalars().all()
    if verdict != ["ok"]:
        problems.append(Problem("corrupt_file", f"SQLite file check failed: {'; '.join(verdict)}"))
    violations = connection.exec_driver_sql("pragma foreign_key_check").all()
    if violations:
        tables = sorted({row[0] for row in violations})
        problems.append(
            Problem(
                "foreign_keys",
                f"{len(violations)} rows refer to missing rows (in {', '.join(tables)})",
            )
        )
    return problems


def missing_views(connection: Connection) -> list[Problem]:
    present = set(inspect(connection).get_view_names())
    missing = [name for name in VIEW_NAMES if name not in present]
    if not missing:
        return []
    return [
        Problem(
            "missing_views",
            f"saved views missing: {', '.join(missing)} (run `pipeline db downgrade 0001` then "
            "`pipeline db upgrade` to recreate them)",
        )
    ]


def articles_without_extraction(connection: Connection) -> list[Problem]:
    """An article is stored with its projections in one transaction: one without an
    article_extractions row is half-stored."""
    extracted = exists().where(article_extractions.c.article_id == articles.c.id)
    half_stored = _count_and_sample(connection, select(articles.c.id).where(~extracted), "articles")
    if not half_stored:
        return []
    return [
        Problem(
            "article_without_extraction",
            f"{half_stored} have no extraction row (half-stored): run `pipeline reprocess`",
        )
    ]


def orphan_projections(connection: Connection) -> list[Problem]:
    """Mentions and events must belong to their article's current extraction (same run)."""
    problems = []
    for table, label in ((mentions_table, "mentions"), (events, "events")):
        current = exists().where(
            and_(
                article_extractions.c.article_id == table.c.article_id,
                article_extractions.c.run_id == table.c.run_id,
            )
        )
        orphans = select(table.c.article_id).where(~current)
        total = connection.execute(select(func.count()).select_from(orphans.subquery())).scalar()
        if total:
            in_articles = _count_and_sample(connection, orphans.distinct(), "articles")
            problems.append(
                Problem(
                    f"orphan_{label}",
                    f"{total} {label} are not from their article's current extraction (orphans, "
                    f"in {in_articles}): run `pipeline reprocess`",
                )
            )
    return problems


def broken_entity_references(connection: Connection) -> list[Problem]:
    """Mentions and events whose entity row is missing (foreign keys not enforced, e.g. a SQLite
    file written with foreign_keys off)."""
    references = (
        ("mentions", mentions_table.c.entity_id),
        ("events", events.c.subject_id),
        ("events", events.c.organization_id),
    )
    problems = []
    for label, reference in references:
        missing = ~exists().where(entities.c.id == reference)
        total = connection.execute(
            select(func.count()).where(reference.is_not(None), missing)
        ).scalar()
        if total:
            problems.append(
                Problem(
                    "missing_entity",
                    f"{total} {label} refer to an entity that does not exist ({reference.name})",
                )
            )
    return problems


def stale_merged_events(connection: Connection) -> list[Problem]:
    """merged_events is kept equal to the events_merged view, in the transactions that write
    reports: any difference is a lost update."""
    if not inspect(connection).has_table("merged_events"):
        return []  # an older schema
    columns = ", ".join(MERGED_COLUMNS)
    differing = 0
    for first, second in (("events_merged", "merged_events"), ("merged_events", "events_merged")):
        differing += connection.execute(
            text(
                f"select count(*) from (select {columns} from {first} "
                f"except select {columns} from {second}) as missing"
            )
        ).scalar()
    if not differing:
        return []
    return [
        Problem(
            "stale_merged_events",
            f"merged_events differs from the events_merged view ({differing} rows in one and "
            "not the other): "
            "run `pipeline reprocess`",
        )
    ]


def unfinished_runs(connection: Connection) -> list[Problem]:
    """Runs whose process died before finishing them (a run still going is no problem); the
    next ingest or reprocess, or `doctor --repair`, closes them with their true counts."""
    return [
        Problem(
            "unfinished_run",
            f"{run}: `pipeline doctor --repair` (or the next ingest) closes it",
        )
        for run in interrupted_runs(connection)
    ]


def run_count_problems(connection: Connection) -> list[Problem]:
    """A finished run recorded how many articles and events it stored. Later runs may take
    articles over (reprocess), so a run can own fewer rows now, never more."""
    owned_articles = (
        select(func.count())
        .where(article_extractions.c.run_id == extraction_runs.c.id)
        .scalar_subquery()
    )
    owned_events = (
        select(func.count()).where(events.c.run_id == extraction_runs.c.id).scalar_subquery()
    )
    rows = connection.execute(
        select(
            extraction_runs.c.id,
            extraction_runs.c.articles_extracted,
            owned_articles,
            extraction_runs.c.events_found,
            owned_events,
        )
        .where(extraction_runs.c.finished_at.is_not(None))
        .order_by(extraction_runs.c.id)
    ).all()
    problems = []
    for run_id, recorded_articles, articles_now, recorded_events, events_now in rows:
        for label, recorded, now in (
            ("articles", recorded_articles, articles_now),
            ("events", recorded_events, events_now),
        ):
            if now > recorded:
                problems.append(
                    Problem(
                        "run_counts",
                        f"run {run_id} recorded {recorded} {label} but {now} belong to it",
                    )
                )
    return problems


def _count_and_sample(connection: Connection, ids: Select, noun: str) -> str:
    """'3 articles (ids 4, 9, 12)' for a one-column select of ids; '' when it finds none."""
    found = ids.subquery()
    total = connection.execute(select(func.count()).select_from(found)).scalar()
    if not total:
        return ""
    sample = connection.execute(select(found.c[0]).order_by(found.c[0]).limit(SAMPLE_IDS)).scalars()
    more = ", ..." if total > SAMPLE_IDS else ""
    return f"{total} {noun} (ids {', '.join(map(str, sample))}{more})"


def other_extractor_versions(engine: Engine, current: str) -> dict[str, int]:
    """{extractor version: articles} for the stored projections another version made: better
    rules never reach them until `pipeline reprocess`."""
    with engine.connect() as connection:
        rows = connection.execute(
            select(article_extractions.c.extractor_version, func.count())
            .where(article_extractions.c.extractor_version != current)
            .group_by(article_extractions.c.extractor_version)
            .order_by(article_extractions.c.extractor_version)
        ).all()
    return dict(rows)


def summary(engine: Engine) -> str:
    """One line of counts for a healthy database."""
    with engine.connect() as connection:
        counts = {
            name: connection.execute(text(f"select count(*) from {name}")).scalar()
            for name in ("articles", "events", "entities", "extraction_runs")
        }
    return (
        f"ok: schema at {schema.head_revision()}; {counts['articles']} articles, "
        f"{counts['events']} events, {counts['entities']} entities, "
        f"{counts['extraction_runs']} runs"
    )
