"""Storing a batch of new articles in one transaction: what a batch does when another writer
gets in its way on PostgreSQL, and that ids still follow the input order."""

import logging
import threading

import pytest
from sqlalchemy import select, text

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
    first, second = new_article("a"), new_article("b")
    with pg_engine.begin() as connection:
        run = start_run(connection, version="test", command="ingest")
    results: list = []
    with pg_engine.connect() as other:
        other.begin()
        log.append_many(other, [first[:3]])
        batch = threading.Thread(
            target=lambda: results.append(
                store_extracted(("test", [second, first]), engine=pg_engine, run=run)
            )
        )
        batch.start()
        waiting = text(
            "select count(*) from pg_stat_activity where wait_event_type = 'Lock' "
            "and pid <> pg_backend_pid()"
        )
        with pg_engine.connect() as watcher:
            for _ in range(100):
                if watcher.execute(waiting).scalar():
                    break
                threading.Event().wait(0.05)
        log.append_many(other, [second[:3]])  # now each waits for the other
        other.commit()
    batch.join(timeout=30)
    assert results == [(0, 2, 0)]
    assert "deadlock" in caplog.text
    with pg_engine.connect() as connection:
        assert connection.execute(select(articles.c.source).order_by(articles.c.id)).all() == [
            ("a.txt",),
            ("b.txt",),
        ]
        assert connection.execute(select(article_extractions)).all() == []


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
