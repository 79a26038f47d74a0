"""Reprocess rebuilds every projection from the article log, deterministically."""

import pytest
from sqlalchemy import select

from pipeline.commands.ingest import ingest
from pipeline.commands.reprocess import reprocess
from pipeline.extract import Extractor
from pipeline.store.models import entities, events, extraction_runs
from tests.helpers import count, natural_projections, snapshot


class RenamedExtractor(Extractor):
    """The real extractor under another version name, as after a rule change."""

    version = "rules-next"

    def __init__(self, real: Extractor):
        super().__init__()
        self.real = real

    def extract_many(self, texts):
        return self.real.extract_many(texts)


def run_row(engine, run_id: int) -> tuple:
    with engine.connect() as connection:
        return connection.execute(
            select(
                extraction_runs.c.command,
                extraction_runs.c.extractor_version,
                extraction_runs.c.articles_extracted,
                extraction_runs.c.events_found,
                extraction_runs.c.finished_at.is_not(None),
            ).where(extraction_runs.c.id == run_id)
        ).one()


def test_reprocess_gives_the_rows_ingest_gave_and_the_same_rows_again(seeded_db, extractor):
    after_ingest = natural_projections(seeded_db.engine)
    assert after_ingest["events"], "the seeds gave no events to compare"

    reprocess(engine=seeded_db.engine, extractor=extractor)
    first = natural_projections(seeded_db.engine)
    reprocess(engine=seeded_db.engine, extractor=extractor, batch_size=2)
    second = natural_projections(seeded_db.engine)

    assert first == after_ingest
    assert second == first


@pytest.fixture
def two_articles_engine(fresh_engine, extractor, write_article, articles_dir):
    """A database holding two ingested articles, each reporting a departure."""
    write_article("a.txt", "Marie Curie a quitté OpenAI en mai 2024, selon l'entreprise.")
    write_article("b.txt", "Pierre Dupont a démissionné de Mistral AI en juin 2024.")
    report = ingest([str(articles_dir)], engine=fresh_engine, extractor=extractor)
    assert report.new == 2 and report.events > 0
    return fresh_engine


def test_reprocess_records_its_run_with_counts(two_articles_engine, extractor):
    engine = two_articles_engine
    report = reprocess(engine=engine, extractor=extractor)
    assert report.articles == 2
    assert report.events == count(engine, "events") > 0
    assert run_row(engine, report.run_id) == (
        "reprocess",
        extractor.version,
        2,
        report.events,
        True,
    )
    with engine.connect() as connection:
        run_ids = set(connection.execute(select(events.c.run_id)).scalars())
    assert run_ids == {report.run_id}


def test_reprocess_with_a_new_extractor_version_replaces_every_projection(
    two_articles_engine, extractor
):
    engine = two_articles_engine
    articles_before = snapshot(engine)["articles"]
    report = reprocess(engine=engine, extractor=RenamedExtractor(extractor))
    with engine.connect() as connection:
        versions = set(connection.execute(select(events.c.extractor_version)).scalars())
    assert versions == {"rules-next"}
    assert run_row(engine, report.run_id)[:2] == ("reprocess", "rules-next")
    assert snapshot(engine)["articles"] == articles_before


def test_reprocess_drops_entities_nothing_refers_to_any_more(two_articles_engine, extractor):
    engine = two_articles_engine
    with engine.begin() as connection:
        connection.execute(
            entities.insert().values(kind="person", name="Personne Oubliée", key="personne oubliée")
        )
    reprocess(engine=engine, extractor=extractor)
    with engine.connect() as connection:
        names = set(connection.execute(select(entities.c.name)).scalars())
    assert "Personne Oubliée" not in names
    assert "Marie Curie" in names


def test_reprocess_of_an_empty_database_records_an_empty_run(fresh_engine, extractor):
    report = reprocess(engine=fresh_engine, extractor=extractor)
    assert (report.articles, report.events) == (0, 0)
    assert run_row(fresh_engine, report.run_id) == ("reprocess", extractor.version, 0, 0, True)


def test_a_surname_is_linked_to_the_full_name_of_the_headline_at_ingest_and_reprocess(
    fresh_engine, extractor, write_article, articles_dir
):
    """The source's headline is not part of the stored text, but it names the person the text
    calls only "M. Verdier": ingest and reprocess both read it from the stored receipt."""
    write_article(
        "verdier.md",
        "Verdier, qui a investi dans la start-up depuis 2015, a déclaré que sa société finançait "
        "des entreprises clientes d'OpenAI. Le départ de M. Verdier souligne la concurrence entre "
        "les entreprises.",
        title="Paul Verdier, investisseur de longue date d'OpenAI, quitte le conseil",
        date="2023-03-09",
    )
    ingest([str(articles_dir)], engine=fresh_engine, extractor=extractor)

    def people_who_left() -> set[str]:
        with fresh_engine.connect() as connection:
            rows = connection.execute(
                select(entities.c.name)
                .join(events, events.c.subject_id == entities.c.id)
                .where(events.c.event_type == "departure")
            )
            return {name for (name,) in rows}

    assert people_who_left() == {"Paul Verdier"}
    reprocess(engine=fresh_engine, extractor=extractor)
    assert people_who_left() == {"Paul Verdier"}
