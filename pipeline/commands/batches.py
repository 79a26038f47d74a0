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
from pipeline.inputs.sources import RawArticle, SourceError, SourceWarning
from pipeline.store import log
from pipeline.store.projections import clear_articles, store_extractions

Progress = Callable[[int], None]
Counts = tuple[int, int, int, int]  # new, already stored, events, re-extracted for a correction
logger = logging.getLogger(__name__)
# An article to extract: as read, its content hash, and its id when the log holds it already (a
# receipt with a corrected publication date, whose events are extracted again against it).
FreshArticle = tuple[RawArticle, str] | tuple[RawArticle, str, int]
DEADLOCK_DETECTED = "40P01"  # PostgreSQL's SQLSTATE
DEADLOCK_ATTEMPTS = 5


@dataclass
class IngestReport:
    new: int = 0
    already_stored: int = 0
    events: int = 0
    corrected: int = 0  # receipts appended to stored articles: new metadata for the same text
    failed: list[SourceError] = field(default_factory=list)
    warnings: list[SourceWarning] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # files that are not articles
    run_id: int | None = None
    interrupted: bool = False  # stopped by Ctrl-C; `new` then counts what was kept
    closed_runs: list = field(default_factory=list)  # runs that had died, closed at the start

    @property
    def ok(self) -> bool:
        return not self.failed

    def add(self, counts: Counts) -> None:
        new, already_stored, events, re_extracted = counts
        self.new += new
        self.already_stored += already_stored
        self.events += events
        self.corrected += re_extracted


def text_date(article_text: str, lang: str | None) -> datetime.date | None:
    """The publication date a dateline in the text gives: a projection of the text, stored with
    the extraction and recomputed by `reprocess`, never written into the log."""
    # Imported here: its many patterns take 0.1 s to compile, and a re-ingest never needs them.
    from pipeline.extract.dates import find_publication_date

    return find_publication_date(article_text, lang or "fr")


def reference_text(
    text: str,
    lang: str | None,
    published,
    precision: str | None,
    found_in_text,
    title: str | None = None,
) -> ArticleText:
    """What the extractor reads: relative dates resolve against the source's date (at its
    precision), else against the dateline found in the text."""
    if published is not None:
        return ArticleText(text, lang or "fr", published, precision or "day", title)
    return ArticleText(text, lang or "fr", found_in_text, "day" if found_in_text else None, title)


@dataclass(frozen=True)
class Extracted:
    article: RawArticle
    digest: str
    published_in_text: datetime.date | None
    extraction: Extraction
    article_id: int | None = None  # set for a stored article extracted again


def extract_fresh(fresh: list[FreshArticle], extractor: Extractor) -> tuple[str, list[Extracted]]:
    """(extractor version, each article with its hash, dateline date and extraction)."""
    found = [text_date(item[0].text, item[0].lang) for item in fresh]
    texts = [
        reference_text(
            item[0].text,
            item[0].lang,
            item[0].published,
            item[0].published_precision,
            date,
            item[0].title,
        )
        for item, date in zip(fresh, found, strict=True)
    ]
    extractions = extractor.extract_many(texts)
    items = [
        Extracted(item[0], item[1], date, extraction, item[2] if len(item) > 2 else None)
        for item, date, extraction in zip(fresh, found, extractions, strict=True)
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
    return tuple(map(sum, zip(*counts, strict=True)))  # type: ignore[return-value]


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
    """New articles are appended with their first receipt; a stored article whose corrected
    date came in gets the receipt appended and its projections replaced, in this transaction."""
    new = [item for item in items if item.article_id is None]
    corrected = [item for item in items if item.article_id is not None]
    ids = log.append_many(connection, [(item.article, item.digest) for item in new])
    log.append_receipts(connection, [(item.article_id, item.article) for item in corrected])
    stale = clear_articles(connection, [item.article_id for item in corrected])
    stored = [(ids[item.digest], item) for item in new if item.digest in ids]
    stored += [(item.article_id, item) for item in corrected]
    found = store_extractions(
        connection,
        {article_id: item.extraction for article_id, item in stored},
        run_id=run,
        version=version,
        refresh_also=stale,
        published_in_text={article_id: item.published_in_text for article_id, item in stored},
    )
    new_count = len(stored) - len(corrected)
    return new_count, len(new) - new_count + len(corrected), found, len(corrected)
