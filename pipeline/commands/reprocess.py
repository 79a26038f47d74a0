"""Rebuild every projection from the article log with the current extractor, one batch of
articles per transaction, so an interrupted rebuild leaves each article either old-and-whole or
new-and-whole."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import Engine

from pipeline.commands.batches import Progress, reference_text, text_date
from pipeline.extract import Extractor
from pipeline.store import log
from pipeline.store.projections import (
    clear_articles,
    delete_orphan_entities,
    finish_run,
    start_run,
    store_extractions,
)
from pipeline.store.runs import close_interrupted_runs


@dataclass
class ReprocessReport:
    articles: int = 0
    events: int = 0
    run_id: int | None = None
    closed_runs: list = field(default_factory=list)  # runs that had died, closed at the start


def reprocess(
    *,
    engine: Engine,
    extractor: Extractor | None = None,
    batch_size: int = 64,
    on_progress: Progress | None = None,
) -> ReprocessReport:
    extractor = extractor or Extractor(batch_size=batch_size)
    report = ReprocessReport(closed_runs=close_interrupted_runs(engine))
    with engine.begin() as connection:
        report.run_id = start_run(connection, version=extractor.version, command="reprocess")
    for batch in log.read(engine, batch_size=batch_size):
        found = {a.id: text_date(a.text, a.lang) for a in batch}
        texts = [
            reference_text(
                a.text, a.lang, a.published_on, a.published_precision, found[a.id], a.title
            )
            for a in batch
        ]
        extractions = dict(zip([a.id for a in batch], extractor.extract_many(texts), strict=True))
        with engine.begin() as connection:
            stale = clear_articles(connection, list(extractions))
            report.events += store_extractions(
                connection,
                extractions,
                run_id=report.run_id,
                version=extractor.version,
                refresh_also=stale,
                published_in_text=found,
            )
        report.articles += len(batch)
        if on_progress:
            on_progress(len(batch))
    with engine.begin() as connection:
        delete_orphan_entities(connection)
        finish_run(connection, report.run_id)
    return report
