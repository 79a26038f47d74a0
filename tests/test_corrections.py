"""Corrections are appended facts: the same text received again with a corrected date, title or
URL, or from a second outlet, adds a receipt to `article_sources` (the `articles` log never
changes), and the views show the latest value of each field, every source URL kept."""

import datetime

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError

from pipeline.commands import doctor
from pipeline.commands.ingest import ingest
from pipeline.commands.reprocess import reprocess
from pipeline.extract import Extractor
from pipeline.store.models import article_extractions, article_sources
from tests.helpers import count, snapshot

pytestmark = pytest.mark.slow

BODY = "Marie Curie a quitté OpenAI hier, a annoncé la société dans un communiqué."


class ExtractorThatMustNotRun(Extractor):
    def extract_many(self, articles):
        raise AssertionError("no NLP is needed to record a new title or URL")


def write(folder, name, **fields):
    header = "".join(f"{key}: {value}\n" for key, value in fields.items())
    path = folder / name
    path.write_text(f"---\n{header}---\n{BODY}\n", encoding="utf-8")
    return str(path)


def sources_view(engine) -> list[tuple]:
    with engine.connect() as connection:
        return connection.execute(
            text(
                "select distinct article_title, article_url, published_on, published_precision, "
                "date from event_sources"
            )
        ).all()


def test_a_corrected_title_and_url_are_appended_and_shown_without_any_nlp(
    fresh_engine, extractor, tmp_path
):
    first = write(tmp_path, "a.md", title="Titre fautif", url="https://a.example/1")
    ingest([first], engine=fresh_engine, extractor=extractor)
    articles_before = snapshot(fresh_engine)["articles"]
    corrected = write(tmp_path, "a2.md", title="Titre juste", url="https://a.example/2")

    report = ingest([corrected], engine=fresh_engine, extractor=ExtractorThatMustNotRun())

    assert (report.new, report.already_stored, report.corrected) == (0, 1, 1)
    assert snapshot(fresh_engine)["articles"] == articles_before, "the log never changes"
    assert count(fresh_engine, "article_sources") == 2
    [(title, url, *_)] = sources_view(fresh_engine)
    assert (title, url) == ("Titre juste", "https://a.example/2")
    with fresh_engine.connect() as connection:
        urls = connection.execute(select(article_sources.c.url).order_by(article_sources.c.id))
        assert list(urls.scalars()) == ["https://a.example/1", "https://a.example/2"]


def test_a_receipt_already_known_adds_nothing_and_the_latest_correction_keeps_winning(
    fresh_engine, extractor, tmp_path
):
    first = write(tmp_path, "a.md", title="Ancien")
    second = write(tmp_path, "b.md", title="Nouveau")
    ingest([first, second], engine=fresh_engine, extractor=extractor)
    before = snapshot(fresh_engine)
    report = ingest([first, second], engine=fresh_engine, extractor=ExtractorThatMustNotRun())
    assert (report.already_stored, report.corrected) == (2, 0)
    assert snapshot(fresh_engine) == before
    assert {row[0] for row in sources_view(fresh_engine)} == {"Nouveau"}


def test_a_corrected_date_is_appended_and_the_events_are_dated_again(
    fresh_engine, extractor, tmp_path
):
    """ "hier" in an article dated 2024-05-15 is 2024-05-14; corrected to 2024-06-10, the
    article's events are extracted again against the new date, in the same transaction."""
    ingest([write(tmp_path, "a.md", date="2024-05-15")], engine=fresh_engine, extractor=extractor)
    [(_, _, published, precision, date)] = sources_view(fresh_engine)
    assert (str(published), precision, date) == ("2024-05-15", "day", "2024-05-14")

    report = ingest(
        [write(tmp_path, "b.md", date="2024-06-10")], engine=fresh_engine, extractor=extractor
    )

    assert (report.new, report.already_stored, report.corrected) == (0, 1, 1)
    [(_, _, published, precision, date)] = sources_view(fresh_engine)
    assert (str(published), precision, date) == ("2024-06-10", "day", "2024-06-09")
    with fresh_engine.connect() as connection:
        [(first_reported,)] = connection.execute(text("select first_reported from departures"))
    assert str(first_reported) == "2024-06-10"
    assert doctor.check(fresh_engine) == []


def test_a_second_outlet_adds_its_url_and_gives_no_date_that_erases_the_first(
    fresh_engine, extractor, tmp_path
):
    ingest(
        [write(tmp_path, "a.md", url="https://a.example/1", date="2024-05-15")],
        engine=fresh_engine,
        extractor=extractor,
    )
    report = ingest(
        [write(tmp_path, "b.md", url="https://b.example/1")],
        engine=fresh_engine,
        extractor=ExtractorThatMustNotRun(),
    )
    assert report.corrected == 1
    [(_, url, published, _, _)] = sources_view(fresh_engine)
    assert (url, str(published)) == ("https://b.example/1", "2024-05-15")
    with fresh_engine.connect() as connection:
        urls = connection.execute(select(article_sources.c.url).order_by(article_sources.c.id))
        assert list(urls.scalars()) == ["https://a.example/1", "https://b.example/1"]


def test_two_receipts_of_one_new_text_in_one_batch_are_both_kept(fresh_engine, extractor, tmp_path):
    paths = [
        write(tmp_path, "a.md", url="https://a.example/1"),
        write(tmp_path, "b.md", url="https://b.example/1"),
    ]
    report = ingest(paths, engine=fresh_engine, extractor=extractor)
    assert (report.new, report.corrected) == (1, 1)
    assert count(fresh_engine, "article_sources") == 2


def test_the_receipts_are_append_only(fresh_engine, extractor, tmp_path):
    ingest([write(tmp_path, "a.md", title="T")], engine=fresh_engine, extractor=extractor)
    for statement in ("update article_sources set title = 'x'", "delete from article_sources"):
        with pytest.raises(DBAPIError, match="append-only"), fresh_engine.begin() as connection:
            connection.execute(text(statement))


def test_the_dateline_date_is_a_projection_that_reprocess_recomputes(
    fresh_engine, extractor, tmp_path
):
    path = tmp_path / "dated.txt"
    path.write_text(f"Départ chez OpenAI\nPublié le 3 mars 2024\n\n{BODY}\n", encoding="utf-8")
    ingest([str(path)], engine=fresh_engine, extractor=extractor)
    with fresh_engine.begin() as connection:  # as if an older extractor had missed it
        connection.execute(article_extractions.update().values(published_in_text=None))
    assert {row[2] for row in sources_view(fresh_engine)} == {None}

    reprocess(engine=fresh_engine, extractor=extractor)

    with fresh_engine.connect() as connection:
        found = connection.execute(select(article_extractions.c.published_in_text)).scalar_one()
        logged = connection.execute(text("select published_on from articles")).scalar_one()
    assert (found, logged) == (datetime.date(2024, 3, 3), None)
    assert {str(row[2]) for row in sources_view(fresh_engine)} == {"2024-03-03"}
