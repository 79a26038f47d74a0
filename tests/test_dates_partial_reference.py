"""Dates in the text resolved against a publication date known only to the month or the year
(half of a real scraped collection): the day and month of "mardi 16 juillet" get the right
year, and what counts back from the publication day says no more than the publication's period."""

import datetime

import pytest

from pipeline.commands.ingest import ingest
from pipeline.extract import ArticleText
from pipeline.extract.dates import find_dates
from tests.helpers import natural_projections

D = datetime.date


@pytest.mark.parametrize(
    ("sentence", "published", "precision", "value", "resolved_precision"),
    [
        ("Elle a démissionné mardi 16 juillet.", D(2019, 7, 1), "month", D(2019, 7, 16), "day"),
        ("Il est parti le 16 juillet.", D(2019, 7, 1), "month", D(2019, 7, 16), "day"),
        ("Annoncé mercredi 25 septembre.", D(2019, 1, 1), "year", D(2019, 9, 25), "day"),
        ("Annoncé mercredi 25 septembre.", D(2020, 1, 1), "year", D(2019, 9, 25), "day"),
        ("Il a quitté l'entreprise jeudi.", D(2024, 5, 1), "month", D(2024, 5, 1), "month"),
        ("Il a quitté l'entreprise hier.", D(2024, 1, 1), "year", D(2024, 1, 1), "year"),
        ("Elle est partie le mois dernier.", D(2024, 5, 1), "month", D(2024, 4, 1), "month"),
        ("She left on Thursday.", D(2024, 5, 1), "month", D(2024, 5, 1), "month"),
        ("She left on July 16.", D(2019, 7, 1), "month", D(2019, 7, 16), "day"),
    ],
)
def test_a_partial_publication_date_resolves_what_it_can(
    sentence, published, precision, value, resolved_precision
):
    lang = "en" if sentence.startswith("She") else "fr"
    [date] = find_dates(sentence, published, lang, precision)
    assert (date.value, date.precision) == (value, resolved_precision)


def test_with_a_full_publication_date_nothing_changes():
    """Day precision (or none given) keeps the rules as they were."""
    sentence = "Il a quitté l'entreprise jeudi, puis le 16 juillet."
    for precision in (None, "day"):
        dates = find_dates(sentence, D(2019, 7, 20), "fr", precision)
        assert [(d.value, d.precision) for d in dates] == [
            (D(2019, 7, 18), "day"),
            (D(2019, 7, 16), "day"),
        ]


@pytest.mark.slow
def test_an_article_dated_by_month_dates_its_events_in_that_month(extractor):
    text = "La chercheuse Marie Curie a démissionné d'OpenAI mardi 16 juillet, selon la société."
    month = extractor.extract(ArticleText(text, "fr", D(2019, 7, 1), "month"))
    [event] = [e for e in month.events if e.event_type == "departure"]
    assert (event.event_date, event.date_precision) == (D(2019, 7, 16), "day")


@pytest.mark.slow
def test_ingest_passes_the_source_precision_to_the_extractor(fresh_engine, extractor, tmp_path):
    path = tmp_path / "a.md"
    path.write_text(
        "---\ndate: 2024-05\n---\nMarie Curie a quitté OpenAI jeudi, a annoncé la société.\n",
        encoding="utf-8",
    )
    ingest([str(path)], engine=fresh_engine, extractor=extractor)
    events = natural_projections(fresh_engine)["events"]
    assert {(row[8], row[9]) for row in events} == {(D(2024, 5, 1), "month")}
