"""Storing a batch of new articles in one transaction: what a batch does when another writer
gets in its way on PostgreSQL, and that ids still follow the input order."""

import logging
import threading
from dataclasses import dataclass

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import OperationalError

from pipeline.commands.batches import Extracted, store_extracted
from pipeline.extract import Extraction
from pipeline.inputs.sources import RawArticle
from pipeline.store import log, schema
from pipeline.store.db import make_engine
from pipeline.store.models import article_extractions, articles
from pipeline.store.projections import start_run


def new_article(name: str):
    body = f"Article {name} sans événement."
    raw = RawArticle(
        source=f"{name}.txt", text=body, title=None, url=None, published=None, lang="fr"
    )
    return Extracted(raw, log.content_hash(body), None, Extraction())


@pytest.fixture
def pg_engine(pg_url):
    engine = make_engine(pg_url)
    schema.upgrade(engine)
    yield engine
    engine.dispose()


def test_a_deadlock_between_a_batch_and_another_writer_loses_nothing_whichever_is_cancelled(
    pg_engine, caplog
):
    """Another writer holds article A and then wants B, while the batch holds B and waits for
    A. PostgreSQL cancels one of the two, and which one depends on who runs its deadlock check
    first (a busy machine can turn it either way); both outcomes are what the product promises.
    The batch cancelled: it runs again once the other writer commits and finds both articles
    stored. The other writer cancelled: the batch stores both. Either way each article is stored
    exactly once and the batch raises nothing."""
    caplog.set_level(logging.INFO, logger="pipeline.commands.batches")
    with pg_engine.begin() as connection:
        run = start_run(connection, version="test", command="ingest")
    first, second = new_article("a"), new_article("b")
    scene = _deadlock_scene(pg_engine, run, first, second)
    if scene.other_committed:
        assert scene.results == [(0, 2, 0, 0)]
        if scene.batch_was_waiting:
            assert "deadlock" in caplog.text  # the batch was the victim, and was run again
    else:
        assert scene.results == [(2, 0, 0, 0)]
    with pg_engine.connect() as connection:
        stored = connection.execute(
            select(articles.c.id, articles.c.source).order_by(articles.c.id)
        ).all()
        assert sorted(source for _, source in stored) == ["a.txt", "b.txt"]
        extracted = connection.execute(select(article_extractions.c.article_id)).scalars().all()
        assert len(extracted) == (0 if scene.other_committed else 2)


@dataclass
class DeadlockScene:
    results: list
    other_committed: bool
    batch_was_waiting: bool


def _deadlock_scene(engine, run, first, second) -> DeadlockScene:
    results: list = []
    with engine.connect() as other:
        other.begin()
        log.append_many(other, [(first.article, first.digest)])
        batch = threading.Thread(
            target=lambda: results.append(
                store_extracted(("test", [second, first]), engine=engine, run=run)
            )
        )
        batch.start()
        waiting = text(
            "select count(*) from pg_stat_activity where wait_event_type = 'Lock' "
            "and datname = current_database() and pid <> pg_backend_pid()"
        )
        batch_was_waiting = False
        with engine.connect() as watcher:
            for _ in range(500):
                if watcher.execute(waiting).scalar():
                    batch_was_waiting = True
                    break
                threading.Event().wait(0.02)
        try:
            log.append_many(other, [(second.article, second.digest)])  # each waits for the other
            other.commit()
            other_committed = True
        except OperationalError:
            other.rollback()
            other_committed = False
    batch.join(timeout=60)
    assert not batch.is_alive()
    return DeadlockScene(results, other_committed, batch_was_waiting)


def test_a_batch_keeps_the_input_order_in_article_ids(db_url):
    engine = make_engine(db_url)
    schema.upgrade(engine)
    batch = [new_article(name) for name in ("z", "m", "a", "q")]
    with engine.begin() as connection:
        run = start_run(connection, version="test", command="ingest")
    assert store_extracted(("test", batch), engine=engine, run=run) == (4, 0, 0, 0)
    with engine.connect() as connection:
        sources = connection.execute(select(articles.c.source).order_by(articles.c.id)).scalars()
        assert list(sources) == ["z.txt", "m.txt", "a.txt", "q.txt"]
        assert connection.execute(select(article_extractions.c.run_id)).scalars().all() == [run] * 4
    engine.dispose()
