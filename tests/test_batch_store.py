"""Storing a batch of new articles in one transaction: what a batch does when another writer
gets in its way on PostgreSQL, and that ids still follow the input order."""

import logging
import threading

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import OperationalError

from pipeline.commands.batches import store_extracted
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
    return raw, log.content_hash(body), None, Extraction()


@pytest.fixture
def pg_engine(pg_url):
    engine = make_engine(pg_url)
    schema.upgrade(engine)
    yield engine
    engine.dispose()


def test_a_batch_cancelled_by_a_deadlock_is_stored_again(pg_engine, caplog):
    """Another writer holds article A and then wants B, while the batch holds B and waits for
    A: PostgreSQL cancels the batch (it waited first, so its deadlock check runs first); the
    batch runs again, after the other writer commits, and finds both stored."""
    caplog.set_level(logging.INFO, logger="pipeline.commands.batches")
    with pg_engine.begin() as connection:
        run = start_run(connection, version="test", command="ingest")
    # The batch is the victim only if the other writer starts waiting within deadlock_timeout
    # (1 s) of the batch: on a machine too busy for that, the server cancels the other writer
    # instead, and the scene is played again with new articles.
    for attempt in range(3):
        first, second = new_article(f"a{attempt}"), new_article(f"b{attempt}")
        results = _deadlock_scene(pg_engine, run, first, second)
        if results is not None:
            break
    assert results == [(0, 2, 0)]
    assert "deadlock" in caplog.text
    with pg_engine.connect() as connection:
        stored = connection.execute(
            select(articles.c.id, articles.c.source).order_by(articles.c.id)
        ).all()
        assert [source for _, source in stored[-2:]] == [f"a{attempt}.txt", f"b{attempt}.txt"]
        extracted = select(article_extractions).where(
            article_extractions.c.article_id.in_([id_ for id_, _ in stored[-2:]])
        )
        assert connection.execute(extracted).all() == []


def _deadlock_scene(engine, run, first, second) -> list | None:
    """The batch's results, or None when the server chose the other writer as the victim."""
    results: list = []
    with engine.connect() as other:
        other.begin()
        log.append_many(other, [first[:3]])
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
        with engine.connect() as watcher:
            for _ in range(200):
                if watcher.execute(waiting).scalar():
                    break
                threading.Event().wait(0.02)
        try:
            log.append_many(other, [second[:3]])  # now each waits for the other
            other.commit()
        except OperationalError:
            other.rollback()
            batch.join(timeout=30)
            return None
    batch.join(timeout=30)
    return results


def test_a_batch_keeps_the_input_order_in_article_ids(db_url):
    engine = make_engine(db_url)
    schema.upgrade(engine)
    batch = [new_article(name) for name in ("z", "m", "a", "q")]
    with engine.begin() as connection:
        run = start_run(connection, version="test", command="ingest")
    assert store_extracted(("test", batch), engine=engine, run=run) == (4, 0, 0)
    with engine.connect() as connection:
        sources = connection.execute(select(articles.c.source).order_by(articles.c.id)).scalars()
        assert list(sources) == ["z.txt", "m.txt", "a.txt", "q.txt"]
        assert connection.execute(select(article_extractions.c.run_id)).scalars().all() == [run] * 4
    engine.dispose()
