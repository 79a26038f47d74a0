"""Ingest: read inputs, skip what the log already holds (by content hash, without NLP), extract
the rest in batches, and store each batch with its projections in one transaction."""

from __future__ import annotations

import datetime
import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from typing import BinaryIO

from sqlalchemy import Engine
from sqlalchemy.exc import DataError, IntegrityError, OperationalError

from pipeline import log
from pipeline.extract import ArticleText, Extraction, Extractor
from pipeline.projections import finish_run, start_run, store_extractions
from pipeline.sources import RawArticle, SourceError, read_sources

Progress = Callable[[int], None]
Counts = tuple[int, int, int]  # new, already stored, events
logger = logging.getLogger(__name__)
FreshArticle = tuple[RawArticle, str]  # an article the log does not hold, and its content hash
DEADLOCK_DETECTED = "40P01"  # PostgreSQL's SQLSTATE
DEADLOCK_ATTEMPTS = 5


@dataclass
class IngestReport:
    new: int = 0
    already_stored: int = 0
    events: int = 0
    failed: list[SourceError] = field(default_factory=list)
    run_id: int | None = None

    @property
    def ok(self) -> bool:
        return not self.failed

    def add(self, counts: Counts) -> None:
        new, already_stored, events = counts
        self.new += new
        self.already_stored += already_stored
        self.events += events


def _batches(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def publication_date(article: RawArticle) -> datetime.date | None:
    # Imported here: its many patterns take 0.1 s to compile, and a re-ingest never needs them.
    from pipeline.extract.dates import find_publication_date

    return article.published or find_publication_date(article.text, article.lang or "fr")


def ingest(
    paths: Sequence[str],
    *,
    engine: Engine,
    stdin: BinaryIO | None = None,
    extractor: Extractor | None = None,
    batch_size: int = 64,
    on_progress: Progress | None = None,
    workers: int = 1,
) -> IngestReport:
    """Store the new articles of `paths`. With `workers` > 1, that many processes each load the
    NLP model and extract and store their share of the new articles; this process reads the
    inputs and skips stored ones by hash, so an unchanged corpus never starts a worker."""
    report = IngestReport()
    extractor = extractor or Extractor(batch_size=batch_size)
    if workers > 1:
        from pipeline.workers import WorkerPool

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


Extracted = tuple[RawArticle, str, datetime.date | None, Extraction]


def extract_fresh(fresh: list[FreshArticle], extractor: Extractor) -> tuple[str, list[Extracted]]:
    """(extractor version, each article with its hash, publication date and extraction)."""
    published = [publication_date(article) for article, _ in fresh]
    texts = [
        ArticleText(article.text, article.lang or "fr", date)
        for (article, _), date in zip(fresh, published, strict=True)
    ]
    extractions = extractor.extract_many(texts)
    items = [
        (article, digest, date, extraction)
        for (article, digest), date, extraction in zip(fresh, published, extractions, strict=True)
    ]
    return extractor.version, items


def store_extracted(extracted: tuple[str, list[Extracted]], *, engine: Engine, run: int) -> Counts:
    """Store a batch of articles with their projections in one transaction, in a few bulk
    statements. If the database refuses one article's rows, the batch is stored again one
    article per transaction, so that the articles before the refused one are kept whole and
    its error stops the run. (new, already stored, events)"""
    version, items = extracted
    try:
        return _store_in_one_transaction(items, engine=engine, version=version, run=run)
    except (IntegrityError, DataError):
        if len(items) == 1:
            raise
    counts = [
        _store_in_one_transaction([item], engine=engine, version=version, run=run) for item in items
    ]
    return tuple(map(sum, zip(*counts, strict=True)))


def _store_in_one_transaction(items: list[Extracted], *, engine: Engine, version, run) -> Counts:
    for attempt in range(1, DEADLOCK_ATTEMPTS + 1):
        try:
            with engine.begin() as connection:
                return _store_batch(connection, items, version=version, run=run)
        except OperationalError as error:
            # Two PostgreSQL ingests meeting on the same new articles in opposite orders:
            # the server cancels one transaction, which is then simply run again.
            if getattr(error.orig, "sqlstate", None) != DEADLOCK_DETECTED or (
                attempt == DEADLOCK_ATTEMPTS
            ):
                raise
            logger.info("deadlock with another writer, storing the batch again (%d)", attempt)
    raise AssertionError("unreachable")


def _store_batch(connection, items: list[Extracted], *, version: str, run: int) -> Counts:
    ids = log.append_many(
        connection, [(article, digest, date) for article, digest, date, _ in items]
    )
    extractions = {ids[digest]: extraction for _, digest, _, extraction in items if digest in ids}
    found = store_extractions(connection, extractions, run_id=run, version=version)
    return len(extractions), len(items) - len(extractions), found


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
