"""Helpers for tests: reading whole tables, comparing projections by their natural columns, and
storing articles with hand-made events through the log and projection functions."""

from __future__ import annotations

import datetime
import uuid
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, inspect, select, text

from pipeline.extract import ArticleText, EntityRef, Extraction, FoundEvent, FoundMention
from pipeline.inputs.sources import RawArticle
from pipeline.store import log
from pipeline.store.models import articles, entities, events, mentions, metadata
from pipeline.store.projections import finish_run, start_run, store_extraction

ROOT = Path(__file__).resolve().parent.parent
SEEDS_DIR = ROOT / "seeds"
TABLES = tuple(metadata.tables)
TEST_VERSION = "test-extractor-1"


@dataclass
class Database:
    url: str
    engine: Engine
    report: object = None


def front_matter_article(text: str, **fields: str) -> str:
    if not fields:
        return text
    header = "\n".join(f'{key}: "{value}"' for key, value in fields.items())
    return f"---\n{header}\n---\n{text}"


# --- extraction

PUBLISHED = datetime.date(2025, 6, 13)  # the publication date of the hand-written sentences


def found_pairs(extractor, text: str, lang: str, event_type: str) -> set[tuple[str, str]]:
    """(subject, organisation) of each event of one type the extractor finds in `text`."""
    extraction = extractor.extract(ArticleText(text, lang, PUBLISHED))
    return {
        (e.subject.name, e.organization.name if e.organization else "")
        for e in extraction.events
        if e.event_type == event_type
    }


# --- reading the database


def url_of(engine: Engine) -> str:
    return engine.url.render_as_string(hide_password=False)


def table_names(engine: Engine) -> set[str]:
    return set(inspect(engine).get_table_names()) - {"alembic_version"}


def view_names(engine: Engine) -> set[str]:
    return set(inspect(engine).get_view_names())


def snapshot(engine: Engine) -> dict[str, list[tuple]]:
    """Every row of every table, ids and timestamps included."""
    with engine.connect() as connection:
        return {
            name: sorted(
                connection.execute(select(table).order_by(*table.primary_key.columns)).all()
            )
            for name, table in metadata.tables.items()
        }


def count(engine: Engine, table: str) -> int:
    with engine.connect() as connection:
        return connection.execute(text(f"select count(*) from {table}")).scalar_one()


def natural_projections(engine: Engine) -> dict[str, Counter]:
    """entities, mentions and events by their natural columns: no ids, run ids or timestamps.
    Articles are named by content hash and entities by (kind, key)."""
    subject = entities.alias("subject")
    organization = entities.alias("organization")
    with engine.connect() as connection:
        entity_rows = connection.execute(select(entities.c.kind, entities.c.key, entities.c.name))
        mention_rows = connection.execute(
            select(
                articles.c.content_hash,
                entities.c.kind,
                entities.c.key,
                mentions.c.start_char,
                mentions.c.end_char,
                mentions.c.surface,
                mentions.c.sentence,
            )
            .join(articles, articles.c.id == mentions.c.article_id)
            .join(entities, entities.c.id == mentions.c.entity_id)
        )
        event_rows = connection.execute(
            select(
                articles.c.content_hash,
                events.c.extractor_version,
                events.c.event_type,
                subject.c.kind,
                subject.c.key,
                organization.c.key,
                events.c.kind,
                events.c.role,
                events.c.event_date,
                events.c.date_precision,
                events.c.date_text,
                events.c.sentence,
                events.c.sentence_start,
                events.c.sentence_end,
            )
            .join(articles, articles.c.id == events.c.article_id)
            .join(subject, subject.c.id == events.c.subject_id)
            .outerjoin(organization, organization.c.id == events.c.organization_id)
        )
        return {
            "entities": Counter(map(tuple, entity_rows)),
            "mentions": Counter(map(tuple, mention_rows)),
            "events": Counter(map(tuple, event_rows)),
        }


# --- storing hand-made reports


def person(name: str) -> EntityRef:
    return EntityRef("person", name, name.lower())


def organization(name: str) -> EntityRef:
    return EntityRef("organization", name, name.lower())


def team(name: str) -> EntityRef:
    return EntityRef("team", name, name.lower())


def _date(value: str | None) -> tuple[datetime.date | None, str | None]:
    """ "2024" -> (2024-01-01, year); "2024-05" -> (2024-05-01, month); "2024-05-14" -> day."""
    if value is None:
        return None, None
    parts = value.split("-")
    precision = {1: "year", 2: "month", 3: "day"}[len(parts)]
    year, month, day = (int(p) for p in [*parts, "1", "1"][:3])
    return datetime.date(year, month, day), precision


def event(
    event_type: str,
    subject: EntityRef,
    org: str | None,
    *,
    kind: str | None = None,
    date: str | None = None,
    role: str | None = None,
    rule: str | None = None,
    focus: str | None = None,
) -> FoundEvent:
    event_date, precision = _date(date)
    sentence = f"{subject.name} ({event_type}) {org or ''} {date or ''}".strip()
    return FoundEvent(
        event_type=event_type,
        subject=subject,
        organization=organization(org) if org else None,
        kind=kind,
        role=role,
        event_date=event_date,
        date_precision=precision,
        date_text=date,
        sentence=sentence,
        sentence_start=0,
        sentence_end=len(sentence),
        rule=rule,
        focus=focus,
    )


def departure(name: str, org: str, kind: str = "departure", **details) -> FoundEvent:
    return event("departure", person(name), org, kind=kind, **details)


def hiring(name: str, org: str, **details) -> FoundEvent:
    return event("hiring", person(name), org, **details)


def dissolution(name: str, org: str, **details) -> FoundEvent:
    return event("dissolution", team(name), org, **details)


def store_report(
    engine: Engine,
    *reported: FoundEvent,
    published: str | None = None,
    title: str | None = None,
    url: str | None = None,
    text_body: str | None = None,
) -> int:
    """Store one article reporting `reported` (through pipeline.store.log and
    pipeline.store.projections, as ingest does) and return its id. Each call makes a distinct
    article."""
    body = text_body or "\n".join(e.sentence for e in reported) or "Rien à signaler."
    body = f"{body}\n[{uuid.uuid4().hex}]"
    raw = RawArticle(
        source=f"test/{title or 'article'}.txt",
        text=body,
        title=title,
        url=url,
        published=datetime.date.fromisoformat(published) if published else None,
        lang="fr",
    )
    mentioned = tuple(
        FoundMention(e.subject, e.sentence_start, len(e.subject.name), e.subject.name, e.sentence)
        for e in reported
    )
    with engine.begin() as connection:
        run_id = start_run(connection, version=TEST_VERSION, command="test")
        article_id = log.append(connection, raw, log.content_hash(body))
        assert article_id is not None, "store_report was given the same article twice"
        store_extraction(
            connection,
            article_id=article_id,
            run_id=run_id,
            version=TEST_VERSION,
            extraction=Extraction(mentions=mentioned, events=tuple(reported)),
        )
        finish_run(connection, run_id)
    return article_id


def ingested_folder(folder: Path, tmp_path_factory):
    """A new SQLite database holding the folder's articles, through the real ingest (a fixture
    body: yields the engine, disposes of it after)."""
    from pipeline.commands.ingest import ingest
    from pipeline.store.db import make_engine
    from pipeline.store.schema import ensure_current

    path = tmp_path_factory.mktemp(folder.name) / f"{folder.name}.db"
    engine = make_engine(f"sqlite:///{path}")
    ensure_current(engine)
    report = ingest([str(folder / "articles")], engine=engine)
    assert not report.failed
    yield engine
    engine.dispose()
