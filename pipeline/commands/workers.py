"""`pipeline ingest --workers N`: N processes, each with its own database engine, extract and
store batches of new articles. The database arbitrates between them (PostgreSQL: ON CONFLICT;
SQLite: BEGIN IMMEDIATE and a busy timeout), as it does between separate `pipeline ingest`
processes.

The NLP model is loaded once, in this process, and the workers are forked from it where the
system can fork: they start at once and share the model's memory pages, where spawned workers
would each spend seconds of CPU loading their own copy on the cores they are about to use."""

from __future__ import annotations

import multiprocessing
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait

from sqlalchemy import Engine

from pipeline.commands.batches import (
    Counts,
    FreshArticle,
    IngestReport,
    Progress,
    extract_fresh,
    store_extracted,
)
from pipeline.extract import Extractor, load_models
from pipeline.store.db import make_engine

# Batches handed out ahead of the workers: enough to keep each busy, few enough that memory does
# not grow with the corpus.
BATCHES_AHEAD_PER_WORKER = 2

_worker: dict[str, object] = {}


def _start_worker(url: str, extractor: Extractor) -> None:
    _worker["engine"] = make_engine(url)
    _worker["extractor"] = extractor


def _store_batch(fresh: list[FreshArticle], run_id: int) -> Counts:
    """Runs in a worker: (new, already stored, events) for one batch."""
    extracted = extract_fresh(fresh, _worker["extractor"])
    return store_extracted(extracted, engine=_worker["engine"], run=run_id)


class WorkerPool:
    """Hands batches to worker processes and adds their counts to `report` as they finish. The
    processes start with the first batch to extract, so an unchanged corpus starts none."""

    def __init__(self, workers: int, *, engine: Engine, extractor: Extractor, report: IngestReport):
        self.workers, self.engine, self.extractor, self.report = workers, engine, extractor, report
        self.limit = workers * BATCHES_AHEAD_PER_WORKER
        self.pending: dict[Future, tuple[Progress | None, int]] = {}
        self.executor: ProcessPoolExecutor | None = None

    def _start(self) -> ProcessPoolExecutor:
        url = self.engine.url.render_as_string(hide_password=False)
        if "fork" in multiprocessing.get_all_start_methods():
            load_models()
            self.engine.dispose()  # a forked child must not share this process's connections
            context = multiprocessing.get_context("fork")
        else:
            context = multiprocessing.get_context("spawn")
        return ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=context,
            initializer=_start_worker,
            initargs=(url, self.extractor),
        )

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, exc_type, exc, traceback) -> None:
        try:
            if exc_type is None:
                while self.pending:
                    self._collect(wait(self.pending, return_when=FIRST_COMPLETED).done)
        finally:
            if self.executor is not None:
                self.executor.shutdown(wait=True, cancel_futures=True)

    def submit(
        self, fresh: list[FreshArticle], *, on_done: Progress | None, batch_length: int
    ) -> None:
        while len(self.pending) >= self.limit:
            self._collect(wait(self.pending, return_when=FIRST_COMPLETED).done)
        if self.executor is None:
            self.executor = self._start()
        future = self.executor.submit(_store_batch, fresh, self.report.run_id)
        self.pending[future] = (on_done, batch_length)

    def _collect(self, done) -> None:
        for future in done:
            on_done, batch_length = self.pending.pop(future)
            self.report.add(future.result())
            if on_done:
                on_done(batch_length)
