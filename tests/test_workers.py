"""`ingest --workers N`: worker processes store exactly what one process stores, and an unchanged
corpus is skipped by hash without handing anything to a worker."""

from __future__ import annotations

import datetime
from collections import Counter

import pytest
from sqlalchemy import select

from pipeline.commands.batches import reference_text, text_date
from pipeline.commands.ingest import ingest
from pipeline.extract import Extractor
from pipeline.inputs.sources import read_sources
from pipeline.store.models import extraction_runs
from tests.helpers import SEEDS_DIR, count, natural_projections

pytestmark = pytest.mark.slow


class ExtractorThatMustNotRun(Extractor):
    def extract_many(self, articles):
        raise AssertionError("the extractor ran on articles that were already stored")


def expected_events(extractor: Extractor) -> Counter:
    """(type, subject key, organisation key, date) of every event the seeds report."""
    raws = list(read_sources([str(SEEDS_DIR)]))
    texts = [
        reference_text(
            raw.text,
            raw.lang,
            raw.published,
            raw.published_precision,
            text_date(raw.text, raw.lang),
        )
        for raw in raws
    ]
    return Counter(
        (
            event.event_type,
            event.subject.key,
            event.organization.key if event.organization else None,
            event.event_date,
        )
        for extraction in extractor.extract_many(texts)
        for event in extraction.events
    )


def stored_events(engine) -> Counter:
    return Counter(
        (row[2], row[4], row[5], row[8]) for row in natural_projections(engine)["events"].elements()
    )


def test_two_workers_store_what_one_process_extracts(fresh_engine, extractor):
    seeds = len(list(SEEDS_DIR.glob("*.txt")))

    report = ingest([str(SEEDS_DIR)], engine=fresh_engine, workers=2, batch_size=2)

    assert (report.new, report.already_stored, report.failed) == (seeds, 0, [])
    assert count(fresh_engine, "articles") == seeds
    assert count(fresh_engine, "article_extractions") == seeds
    assert stored_events(fresh_engine) == expected_events(extractor)
    assert report.events == count(fresh_engine, "events") > 0
    with fresh_engine.connect() as connection:
        run = connection.execute(select(extraction_runs)).one()
    assert (run.articles_extracted, run.events_found) == (seeds, report.events)
    assert isinstance(run.finished_at, datetime.datetime)


def test_an_unchanged_corpus_gives_no_work_to_the_workers(fresh_engine, extractor):
    ingest([str(SEEDS_DIR)], engine=fresh_engine, extractor=extractor)
    runs_before = count(fresh_engine, "extraction_runs")

    report = ingest(
        [str(SEEDS_DIR)], engine=fresh_engine, workers=2, extractor=ExtractorThatMustNotRun()
    )

    assert (report.new, report.already_stored) == (0, len(list(SEEDS_DIR.glob("*.txt"))))
    assert count(fresh_engine, "extraction_runs") == runs_before
