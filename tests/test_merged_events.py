"""merged_events, the stored rows behind departures, dissolutions and hirings, always equals what
the events_merged view computes from every report: after each new article, after reprocess, and
when two PostgreSQL transactions add reports of the same event at the same time."""

from __future__ import annotations

import datetime
import threading
import uuid

from sqlalchemy import text

from pipeline.commands.reprocess import reprocess
from pipeline.extract import Extraction, Extractor, FoundEvent, FoundMention
from pipeline.inputs.sources import RawArticle
from pipeline.store import log, merged, schema
from pipeline.store.db import make_engine
from pipeline.store.projections import start_run, store_extraction
from tests.helpers import departure, dissolution, hiring, store_report

COLUMNS = ", ".join(merged.MERGED_COLUMNS)


def stored_rows(engine) -> list[tuple]:
    with engine.connect() as connection:
        return connection.execute(
            text(f"select {COLUMNS} from merged_events order by event_key")
        ).all()


def computed_rows(engine) -> list[tuple]:
    with engine.connect() as connection:
        return connection.execute(
            text(f"select {COLUMNS} from events_merged order by event_key")
        ).all()


def test_each_article_updates_the_rows_of_the_events_it_reports(fresh_engine):
    store_report(fresh_engine, departure("Ada Lovelace", "OpenAI"), published="2024-06-01")
    assert stored_rows(fresh_engine) == computed_rows(fresh_engine)
    assert [row.event_key.endswith(":undated") for row in stored_rows(fresh_engine)] == [True]

    # A later dated report takes the undated one into its episode: the earlier row must change.
    store_report(
        fresh_engine,
        departure("Ada Lovelace", "OpenAI", kind="dismissal", date="2024-05"),
        dissolution("Superalignment", "OpenAI", date="2024-05-17"),
        published="2024-06-02",
    )
    store_report(fresh_engine, hiring("Ada Lovelace", "Anthropic", date="2024-07"))
    store_report(fresh_engine, departure("Ada Lovelace", "OpenAI", date="2021"))

    rows = stored_rows(fresh_engine)
    assert rows == computed_rows(fresh_engine)
    departures = [row for row in rows if row.event_type == "departure"]
    assert [(row.date, row.kind, row.article_count) for row in departures] == [
        ("2021", "departure", 1),
        ("2024-05", "dismissal", 2),
    ]


def test_the_views_read_the_stored_rows(fresh_engine):
    store_report(fresh_engine, departure("Ada Lovelace", "OpenAI", date="2024-05"))
    with fresh_engine.begin() as connection:
        connection.execute(text("update merged_events set subject = 'Stored Row'"))
        people = connection.execute(text("select person from departures")).scalars().all()
    assert people == ["Stored Row"]


def test_reprocess_refreshes_the_events_an_article_no_longer_reports(seeded_db, extractor):
    assert stored_rows(seeded_db.engine) == computed_rows(seeded_db.engine) != []

    class ForgetfulExtractor(Extractor):
        def extract_many(self, articles):
            return (Extraction() for _ in articles)

    reprocess(engine=seeded_db.engine, extractor=ForgetfulExtractor())
    assert computed_rows(seeded_db.engine) == []
    assert stored_rows(seeded_db.engine) == []

    reprocess(engine=seeded_db.engine, extractor=extractor)
    assert stored_rows(seeded_db.engine) == computed_rows(seeded_db.engine) != []


def test_rebuild_recomputes_every_row(fresh_engine):
    store_report(fresh_engine, departure("Ada Lovelace", "OpenAI", date="2024-05"))
    store_report(fresh_engine, dissolution("Superalignment", "OpenAI", date="2024"))
    expected = stored_rows(fresh_engine)
    with fresh_engine.begin() as connection:
        connection.execute(text("delete from merged_events"))
        merged.rebuild(connection)
    assert stored_rows(fresh_engine) == expected == computed_rows(fresh_engine)


def test_concurrent_reports_of_one_event_are_both_counted(pg_url):
    """Two transactions add a report of the same departure; the second one's refresh must wait
    for the first to commit, and count its report."""
    first, second = make_engine(pg_url), make_engine(pg_url)
    schema.upgrade(first)
    # The people and labs exist already, so that nothing but the refresh makes the writers wait.
    store_report(first, hiring("Ada Lovelace", "OpenAI", date="2020"))
    first_stored = threading.Event()
    errors: list[BaseException] = []

    def store_second() -> None:
        try:
            first_stored.wait(timeout=30)
            store_report(second, departure("Ada Lovelace", "OpenAI", date="2024-05"))
        except BaseException as error:  # reported by the main thread
            errors.append(error)

    thread = threading.Thread(target=store_second)
    thread.start()
    try:
        with first.begin() as connection:
            _store_in(connection, departure("Ada Lovelace", "OpenAI", date="2024-05-14"))
            first_stored.set()
            thread.join(timeout=3)
            assert thread.is_alive(), f"the second writer must wait for the first: {errors}"
        thread.join(timeout=30)
        assert not errors, errors
        rows = stored_rows(first)
        assert rows == computed_rows(first)
        assert [(row.event_type, row.article_count) for row in rows] == [
            ("departure", 2),
            ("hiring", 1),
        ]
    finally:
        thread.join(timeout=30)
        first.dispose()
        second.dispose()


def _store_in(connection, event: FoundEvent) -> None:
    """What store_report writes, in a transaction the caller keeps open."""
    body = f"{event.sentence}\n[{uuid.uuid4().hex}]"
    raw = RawArticle("test/first.txt", body, None, None, datetime.date(2024, 6, 1), "fr")
    run_id = start_run(connection, version="test", command="test")
    article_id = log.append(connection, raw, log.content_hash(body))
    mention = FoundMention(event.subject, 0, len(event.subject.name), event.subject.name, body)
    store_extraction(
        connection,
        article_id=article_id,
        run_id=run_id,
        version="test",
        extraction=Extraction(mentions=(mention,), events=(event,)),
    )
