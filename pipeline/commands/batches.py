"""One batch of new articles: extracted (publication date, mentions, events) and stored with its
projections in one transaction. Used by `ingest` in this process and by its worker processes."""

from __future__ import annotations

import datetime
import logging
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import Engine
from sqlalchemy.exc import DataError, IntegrityError, OperationalError

from pipeline.extract import ArticleText, Extraction, Extractor
from pipeline.inputs.sources import RawArticle, SourceError
from pipeline.store import log
from pipeline.store.projections import store_extractions

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


def publication_date(article: RawArticle) -> datetime.date | None:
    # Imported here: its many patterns take 0.1 s to compile, and a re-ingest never needs them.
    from pipeline.extract.dates import find_publication_date

    return article.published or find_publication_date(article.text, article.lang or "fr")


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
