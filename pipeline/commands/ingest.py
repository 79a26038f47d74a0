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
from pipeline.inputs.sources import (
    FeedTracking,
    RawArticle,
    SkippedFile,
    SourceError,
    SourceWarning,
    count_inputs,
    read_sources,
)
from pipeline.store import log
from pipeline.store.projections import finish_run, start_run, stored_by_run
from pipeline.store.runs import close_interrupted_runs

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
    feeds: FeedTracking | None = None,
) -> IngestReport:
    """Store the new articles of `paths`. With `workers` > 1, that many processes each load the
    NLP model and extract and store their share of the new articles; this process reads the
    inputs and skips stored ones by hash, so an unchanged corpus never starts a worker.
    `on_total` is told how many inputs there are (counted first, cheaply), `on_progress` how
    many more are done."""
    report = IngestReport(closed_runs=close_interrupted_runs(engine))
    if on_total:
        on_total(count_inputs(paths))
    extractor = extractor or Extractor(batch_size=batch_size)
    if workers > 1:
        from pipeline.commands.workers import WorkerPool

        store = WorkerPool(workers, engine=engine, extractor=extractor, report=report)
    else:
        store = _InProcessStore(engine=engine, extractor=extractor, report=report)
    deferred: list[RawArticle] = []
    try:
        with store:
            for batch in _batches(read_sources(paths, stdin=stdin, feeds=feeds), batch_size):
                articles = _articles_of(batch, report=report)
                fresh = _fresh_articles(articles, engine=engine, report=report, deferred=deferred)
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
        if deferred:
            _store_deferred(deferred, engine=engine, extractor=extractor, report=report)
    except KeyboardInterrupt:
        report.interrupted = True  # each batch is stored whole or not at all: say what was kept
    finally:
        if report.run_id is not None:
            with engine.begin() as connection:
                finish_run(connection, report.run_id)
            run, new, found = report.run_id, report.new, report.events
            logger.info("run %d finished: %d new articles, %d events", run, new, found)
    if report.interrupted and report.run_id is not None:
        report.new = stored_by_run(engine, report.run_id) - report.corrected
    return report


def _articles_of(batch, *, report: IngestReport) -> list[RawArticle]:
    """The batch's articles; its errors and the articles' warnings go to `report`."""
    articles: list[RawArticle] = []
    for item in batch:
        if isinstance(item, SourceError):
            report.failed.append(item)
        elif isinstance(item, SkippedFile):
            report.skipped.append(item.source)
        else:
            articles.append(item)
            report.warnings.extend(SourceWarning(item.source, w) for w in item.warnings)
    return articles


def _fresh_articles(
    articles: list[RawArticle], *, engine: Engine, report: IngestReport, deferred: list[RawArticle]
) -> list[FreshArticle]:
    """The batch's articles to extract: those the log does not hold yet (one bulk lookup), and
    stored ones received with a new publication date. A stored article received with other new
    metadata (title, URL, another outlet) gets that receipt appended here, without any NLP.
    Stored articles are counted in `report`; a copy of an article new in this batch that brings
    other metadata waits in `deferred` until the article is stored."""
    digests = [log.content_hash(a.text) for a in articles]
    stored = log.stored_receipts(engine, digests)
    fresh: list[FreshArticle] = []
    new_here: dict[str, set] = {}
    receipts: list[tuple[int, RawArticle]] = []
    for article, digest in zip(articles, digests, strict=True):
        receipt = log.receipt_of(article)
        if digest in new_here:
            if receipt not in new_here[digest]:
                deferred.append(article)
            else:
                report.already_stored += 1
            continue
        known = stored.get(digest)
        if known is None:
            new_here[digest] = {receipt}
            fresh.append((article, digest))
            continue
        report.already_stored += 1
        if receipt in known.receipts:
            continue
        known.receipts.add(receipt)
        if article.published is not None and known.published != receipt[2:]:
            report.already_stored -= 1  # counted when its batch is stored
            fresh.append((article, digest, known.article_id))
            known.published = receipt[2:]
        else:
            receipts.append((known.article_id, article))
    if receipts:
        with engine.begin() as connection:
            log.append_receipts(connection, receipts)
        report.corrected += len(receipts)
    return fresh


def _store_deferred(
    deferred: list[RawArticle], *, engine: Engine, extractor: Extractor, report: IngestReport
) -> None:
    """Copies that came in the same batch as their article, with other metadata: now that the
    article is stored, each is a receipt like any other."""
    fresh = _fresh_articles(deferred, engine=engine, report=report, deferred=[])
    if fresh:
        _ensure_run(report, engine=engine, extractor=extractor)
        with _InProcessStore(engine=engine, extractor=extractor, report=report) as store:
            store.submit(fresh, on_done=None, batch_length=len(deferred))


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
