"""Ingest: read inputs, skip what the log already holds (by content hash, without NLP), extract
the rest in batches, and store each batch with its projections in one transaction."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from typing import BinaryIO

from sqlalchemy import Engine

from pipeline.commands.batches import (
    FreshArticle,
    IngestReport,
    Progress,
    extract_fresh,
    store_extracted,
)
from pipeline.extract import Extractor
from pipeline.inputs.sources import RawArticle, SourceError, count_inputs, read_sources
from pipeline.store import log
from pipeline.store.projections import finish_run, start_run

logger = logging.getLogger(__name__)


def _batches(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def ingest(
    paths: Sequence[str],
    *,
    engine: Engine,
    stdin: BinaryIO | None = None,
    extractor: Extractor | None = None,
    batch_size: int = 64,
    on_progress: Progress | None = None,
    on_total: Progress | None = None,
    workers: int = 1,
) -> IngestReport:
    """Store the new articles of `paths`. With `workers` > 1, that many processes each load the
    NLP model and extract and store their share of the new articles; this process reads the
    inputs and skips stored ones by hash, so an unchanged corpus never starts a worker.
    `on_total` is told how many inputs there are (counted first, cheaply), `on_progress` how
    many more are done."""
    report = IngestReport()
    if on_total:
        on_total(count_inputs(paths))
    extractor = extractor or Extractor(batch_size=batch_size)
    if workers > 1:
        from pipeline.commands.workers import WorkerPool

        store = WorkerPool(workers, engine=engine, extractor=extractor, report=report)
    else:
        store = _InProcessStore(engine=engine, extractor=extractor, report=report)
    try:
        with store:
            for batch in _batches(read_sources(paths, stdin=stdin), batch_size):
                fresh = _fresh_articles(batch, engine=engine, report=report)
                logger.info(
                    "read %d inputs: %d to extract; so far %d already stored, %d failed",
                    len(batch),
                    len(fresh),
                    report.already_stored,
                    len(report.failed),
                )
                if fresh:
                    _ensure_run(report, engine=engine, extractor=extractor)
                    store.submit(fresh, on_done=on_progress, batch_length=len(batch))
                elif on_progress:
                    on_progress(len(batch))
    finally:
        if report.run_id is not None:
            with engine.begin() as connection:
                finish_run(connection, report.run_id)
            run, new, found = report.run_id, report.new, report.events
            logger.info("run %d finished: %d new articles, %d events", run, new, found)
    return report


def _fresh_articles(batch, *, engine: Engine, report: IngestReport) -> list[FreshArticle]:
    """The batch's articles the log does not hold yet (one bulk hash lookup); errors and stored
    ones are counted in `report`."""
    articles: list[RawArticle] = []
    for item in batch:
        if isinstance(item, SourceError):
            report.failed.append(item)
        else:
            articles.append(item)
    digests = [log.content_hash(a.text) for a in articles]
    stored = log.stored_hashes(engine, digests)
    fresh: list[FreshArticle] = []
    for article, digest in zip(articles, digests, strict=True):
        if digest in stored:
            report.already_stored += 1
        else:
            stored.add(digest)  # a copy later in the same batch is "already stored" too
            fresh.append((article, digest))
    return fresh


def _ensure_run(report: IngestReport, *, engine: Engine, extractor: Extractor) -> None:
    if report.run_id is None:
        with engine.begin() as connection:
            report.run_id = start_run(connection, version=extractor.version, command="ingest")


class _InProcessStore:
    """Extract and store each batch in this process. (Storing in a second thread while spaCy
    analyses the next batch was measured slower: the two threads fight over the GIL.)"""

    def __init__(self, *, engine: Engine, extractor: Extractor, report: IngestReport):
        self.engine, self.extractor, self.report = engine, extractor, report

    def __enter__(self) -> _InProcessStore:
        return self

    def __exit__(self, exc_type, exc, traceback) -> None:
        pass

    def submit(
        self, fresh: list[FreshArticle], *, on_done: Progress | None, batch_length: int
    ) -> None:
        extracted = extract_fresh(fresh, self.extractor)
        self.report.add(store_extracted(extracted, engine=self.engine, run=self.report.run_id))
        if on_done:
            on_done(batch_length)
