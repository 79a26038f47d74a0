"""Tests for pipeline.extract.dates: date expressions in French and English news sentences."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.extract.dates import (
    ResolvedDate,
    find_dates,
    find_publication_date,
    is_present_marker,
)

D = datetime.date
REF = D(2024, 3, 15)  # a Friday

FR_MONTHS = [
    "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
    "octobre", "novembre", "décembre",
]  # fmt: skip
EN_MONTHS = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
]  # fmt: skip


def only(text: str, reference: datetime.date | None = REF, lang: str = "fr") -> ResolvedDate:
    found = find_dates(text, reference, lang)
    assert len(found) == 1, found
    return found[0]


# (sentence, matched text, value, precision, relative); reference REF = Friday 15 March 2024
FR_CASES = [
    # full dates
    ("Il est parti le 9 février 2026.", "le 9 février 2026", D(2026, 2, 9), "day", False),
    ("Annonce du 9 févr. 2026 à Paris", "du 9 févr. 2026", D(2026, 2, 9), "day", False),
    ("Départ effectif au 1er mars 2024.", "au 1er mars 2024", D(2024, 3, 1), "day", False),
    ("C'était lundi 4 mars 2024.", "lundi 4 mars 2024", D(2024, 3, 4), "day", False),
    ("LE 3 DÉCEMBRE 2020, Google", "LE 3 DÉCEMBRE 2020", D(2020, 12, 3), "day", False),
    ("le 15 aout 2023", "le 15 aout 2023", D(2023, 8, 15), "day", False),
    ("depuis le 2 sept. 2022", "depuis le 2 sept. 2022", D(2022, 9, 2), "day", False),
    ("publié le 2024-03-04 sur le blog", "2024-03-04", D(2024, 3, 4), "day", False),
    ("le 23/03/2024 à 10h12", "23/03/2024", D(2024, 3, 23), "day", False),
    # day and month without a year
    ("Le 9 février, il a démissionné.", "Le 9 février", D(2024, 2, 9), "day", True),
    ("annoncé ce vendredi 17 novembre", "ce vendredi 17 novembre", D(2023, 11, 17), "day", True),
    ("Ce même 17 novembre, Kyutai", "Ce même 17 novembre", D(2023, 11, 17), "day", True),
    ("le 20 mars", "le 20 mars", D(2024, 3, 20), "day", True),  # 5 days ahead: same year
    ("le 30 mars", "le 30 mars", D(2023, 3, 30), "day", True),  # too far ahead: last year
    ("le 17 mai dernier", "le 17 mai dernier", D(2023, 5, 17), "day", True),
    # ranges in one month
    ("entre le 9 et le 11 février", "entre le 9 et le 11 février", D(2024, 2, 1), "month", True),
    ("du 9 au 11 février 2023", "du 9 au 11 février 2023", D(2023, 2, 1), "month", False),
    ("les 9 et 10 janvier 2022", "les 9 et 10 janvier 2022", D(2022, 1, 1), "month", False),
    ("9-11 février", "9-11 février", D(2024, 2, 1), "month", True),
    # month and year, month alone
    ("Il est parti en septembre 2024.", "en septembre 2024", D(2024, 9, 1), "month", False),
    ("février 2026 s'avère être", "février 2026", D(2026, 2, 1), "month", False),
    ("fin sept. 2021", "fin sept. 2021", D(2021, 9, 1), "month", False),
    ("au mois de juillet 2022", "au mois de juillet 2022", D(2022, 7, 1), "month", False),
    ("Il est parti en février.", "en février", D(2024, 2, 1), "month", True),
    ("début février", "début février", D(2024, 2, 1), "month", True),
    ("fin janvier", "fin janvier", D(2024, 1, 1), "month", True),
    ("mi-mars", "mi-mars", D(2024, 3, 1), "month", True),
    ("à la mi-avril", "à la mi-avril", D(2023, 4, 1), "month", True),  # after March: last year
    ("en décembre après un désaccord", "en décembre", D(2023, 12, 1), "month", True),
    ("au début du mois d'avril", "au début du mois d'avril", D(2023, 4, 1), "month", True),
    ("en novembre dernier", "en novembre dernier", D(2023, 11, 1), "month", True),
    ("mars dernier", "mars dernier", D(2023, 3, 1), "month", True),  # current month: last year
    ("entre janvier et mars 2025", "entre janvier et mars 2025", D(2025, 1, 1), "year", False),
    ("le 9\u00a0février\u202f2026", "le 9\u00a0février\u202f2026", D(2026, 2, 9), "day", False),
    # years
    ("Il a rejoint OpenAI en 2023.", "en 2023", D(2023, 1, 1), "year", False),
    ("En 2021, il part.", "En 2021", D(2021, 1, 1), "year", False),
    ("depuis 2021", "depuis 2021", D(2021, 1, 1), "year", False),
    ("début 2023", "début 2023", D(2023, 1, 1), "year", False),
    ("fin 2023", "fin 2023", D(2023, 1, 1), "year", False),
    ("courant 2022", "courant 2022", D(2022, 1, 1), "year", False),
    ("mi-2023", "mi-2023", D(2023, 1, 1), "year", False),
    ("fin de 2025", "fin de 2025", D(2025, 1, 1), "year", False),
    ("au cours de l'année 2022", "au cours de l'année 2022", D(2022, 1, 1), "year", False),
    ("l'année 2023 a été", "l'année 2023", D(2023, 1, 1), "year", False),
    ("jusqu’en 2019", "jusqu’en 2019", D(2019, 1, 1), "year", False),
    ("la loi de 2023", "de 2023", D(2023, 1, 1), "year", False),
    ("Timnit Gebru (2021)", "2021", D(2021, 1, 1), "year", False),
    ("à l'été 2023", "à l'été 2023", D(2023, 1, 1), "year", False),
    ("au premier trimestre 2024", "au premier trimestre 2024", D(2024, 1, 1), "year", False),
    # relative days
    ("Il a démissionné hier.", "hier", D(2024, 3, 14), "day", True),
    ("avant-hier", "avant-hier", D(2024, 3, 13), "day", True),
    ("dès aujourd'hui", "aujourd'hui", D(2024, 3, 15), "day", True),
    ("aujourd’hui", "aujourd’hui", D(2024, 3, 15), "day", True),
    ("ce matin", "ce matin", D(2024, 3, 15), "day", True),
    ("hier soir", "hier soir", D(2024, 3, 14), "day", True),
    ("la veille, il avait", "la veille", D(2024, 3, 14), "day", True),
    ("Le lendemain pourtant", "Le lendemain", D(2024, 3, 16), "day", True),
    ("a annoncé vendredi son départ", "vendredi", D(2024, 3, 15), "day", True),
    ("a annoncé mardi son départ", "mardi", D(2024, 3, 12), "day", True),
    ("a dévoilé ce mardi Magistral", "ce mardi", D(2024, 3, 12), "day", True),
    ("ce vendredi", "ce vendredi", D(2024, 3, 15), "day", True),
    ("vendredi dernier", "vendredi dernier", D(2024, 3, 8), "day", True),
    ("mardi dernier", "mardi dernier", D(2024, 3, 12), "day", True),
    ("samedi dernier", "samedi dernier", D(2024, 3, 9), "day", True),
    ("mardi soir", "mardi soir", D(2024, 3, 12), "day", True),
    ("lundi prochain", "lundi prochain", D(2024, 3, 18), "day", True),
    # relative periods
    ("il y a deux semaines", "il y a deux semaines", D(2024, 3, 1), "month", True),
    ("il y a trois semaines", "il y a trois semaines", D(2024, 2, 1), "month", True),
    ("il y a 3 jours", "il y a 3 jours", D(2024, 3, 12), "day", True),
    ("il y a quinze jours", "il y a quinze jours", D(2024, 2, 29), "day", True),
    ("il y a deux mois", "il y a deux mois", D(2024, 1, 1), "month", True),
    ("il y a douze mois", "il y a douze mois", D(2023, 3, 1), "month", True),
    ("il y a un an", "il y a un an", D(2023, 1, 1), "year", True),
    ("il y a trois ans", "il y a trois ans", D(2021, 1, 1), "year", True),
    ("le mois dernier", "le mois dernier", D(2024, 2, 1), "month", True),
    ("le mois précédent", "le mois précédent", D(2024, 2, 1), "month", True),
    ("l'an dernier", "l'an dernier", D(2023, 1, 1), "year", True),
    ("l’année dernière", "l’année dernière", D(2023, 1, 1), "year", True),
    ("l'an passé", "l'an passé", D(2023, 1, 1), "year", True),
    ("cette semaine", "cette semaine", D(2024, 3, 1), "month", True),
    ("la semaine dernière", "la semaine dernière", D(2024, 3, 1), "month", True),
    ("ce week-end", "ce week-end", D(2024, 3, 1), "month", True),
    ("plus tôt ce mois-ci", "plus tôt ce mois-ci", D(2024, 3, 1), "month", True),
    ("cette année", "cette année", D(2024, 1, 1), "year", True),
]

EN_CASES = [
    # full dates
    ("He left on March 4, 2024.", "on March 4, 2024", D(2024, 3, 4), "day", False),
    ("4 March 2024", "4 March 2024", D(2024, 3, 4), "day", False),
    ("Monday, March 4, 2024", "Monday, March 4, 2024", D(2024, 3, 4), "day", False),
    ("on Sept. 3, 2021", "on Sept. 3, 2021", D(2021, 9, 3), "day", False),
    ("the 4th of March, 2024", "the 4th of March, 2024", D(2024, 3, 4), "day", False),
    ("filed 2024-03-04 in court", "2024-03-04", D(2024, 3, 4), "day", False),
    ("3/4/2024", "3/4/2024", D(2024, 3, 4), "day", False),
    ("25/12/2023", "25/12/2023", D(2023, 12, 25), "day", False),
    # day and month without a year
    ("on March 4th", "on March 4th", D(2024, 3, 4), "day", True),
    ("said on Feb. 9 that", "on Feb. 9", D(2024, 2, 9), "day", True),
    ("9 February", "9 February", D(2024, 2, 9), "day", True),
    ("on December 20", "on December 20", D(2023, 12, 20), "day", True),
    # ranges
    ("between February 9 and 11", "between February 9 and 11", D(2024, 2, 1), "month", True),
    ("February 9-11, 2023", "February 9-11, 2023", D(2023, 2, 1), "month", False),
    ("between 9 and 11 February", "between 9 and 11 February", D(2024, 2, 1), "month", True),
    # month and year, month alone
    ("in September 2024", "in September 2024", D(2024, 9, 1), "month", False),
    ("in March of 2023", "in March of 2023", D(2023, 3, 1), "month", False),
    ("Feb. 2021", "Feb. 2021", D(2021, 2, 1), "month", False),
    ("fired in February following", "in February", D(2024, 2, 1), "month", True),
    ("fired in December after", "in December", D(2023, 12, 1), "month", True),
    ("early February", "early February", D(2024, 2, 1), "month", True),
    ("mid-February", "mid-February", D(2024, 2, 1), "month", True),
    ("by the end of January", "by the end of January", D(2024, 1, 1), "month", True),
    ("last May", "last May", D(2023, 5, 1), "month", True),
    ("from January to March 2025", "from January to March 2025", D(2025, 1, 1), "year", False),
    # years
    ("Founded in 2022, Adept", "in 2022", D(2022, 1, 1), "year", False),
    ("since 2021", "since 2021", D(2021, 1, 1), "year", False),
    ("early 2023", "early 2023", D(2023, 1, 1), "year", False),
    ("in late 2023", "in late 2023", D(2023, 1, 1), "year", False),
    ("mid-2022", "mid-2022", D(2022, 1, 1), "year", False),
    ("by the end of 2023", "by the end of 2023", D(2023, 1, 1), "year", False),
    ("in the summer of 2023", "in the summer of 2023", D(2023, 1, 1), "year", False),
    ("in Q3 2024", "in Q3 2024", D(2024, 1, 1), "year", False),
    ("the paper (2021)", "2021", D(2021, 1, 1), "year", False),
    # relative days
    ("He resigned yesterday.", "yesterday", D(2024, 3, 14), "day", True),
    ("today", "today", D(2024, 3, 15), "day", True),
    ("this morning", "this morning", D(2024, 3, 15), "day", True),
    ("the day before", "the day before", D(2024, 3, 14), "day", True),
    ("last Tuesday", "last Tuesday", D(2024, 3, 12), "day", True),
    ("last Friday", "last Friday", D(2024, 3, 8), "day", True),
    ("confirmed on Friday", "on Friday", D(2024, 3, 15), "day", True),
    ("said on Wednesday", "on Wednesday", D(2024, 3, 13), "day", True),
    ("Saturday", "Saturday", D(2024, 3, 9), "day", True),
    ("this Friday", "this Friday", D(2024, 3, 15), "day", True),
    ("late Tuesday night", "late Tuesday night", D(2024, 3, 12), "day", True),
    ("next Monday", "next Monday", D(2024, 3, 18), "day", True),
    # relative periods
    ("two weeks ago", "two weeks ago", D(2024, 3, 1), "month", True),
    ("3 days ago", "3 days ago", D(2024, 3, 12), "day", True),
    ("a month ago", "a month ago", D(2024, 2, 1), "month", True),
    ("two months ago", "two months ago", D(2024, 1, 1), "month", True),
    ("a year ago", "a year ago", D(2023, 1, 1), "year", True),
    ("last month", "last month", D(2024, 2, 1), "month", True),
    ("last year", "last year", D(2023, 1, 1), "year", True),
    ("this week", "this week", D(2024, 3, 1), "month", True),
    ("last week", "last week", D(2024, 3, 1), "month", True),
    ("earlier this month", "earlier this month", D(2024, 3, 1), "month", True),
    ("this year", "this year", D(2024, 1, 1), "year", True),
]


@pytest.mark.parametrize(("sentence", "text", "value", "precision", "relative"), FR_CASES)
def test_french_expression(sentence, text, value, precision, relative):
    found = only(sentence, REF, "fr")
    assert (found.text, found.value, found.precision, found.relative) == (
        text,
        value,
        precision,
        relative,
    )
    assert sentence[found.start : found.end] == text


@pytest.mark.parametrize(("sentence", "text", "value", "precision", "relative"), EN_CASES)
def test_english_expression(sentence, text, value, precision, relative):
    found = only(sentence, REF, "en")
    assert (found.text, found.value, found.precision, found.relative) == (
        text,
        value,
        precision,
        relative,
    )
    assert sentence[found.start : found.end] == text


NOT_DATES_FR = [
    "un partenariat de 13 milliards de dollars",
    "15 000 GPU",
    "15\u202f000 GPU en service",
    "une hausse de 27 %",
    "un budget de 2029 dollars",
    "plus de 2000 salariés",
    "plus de 2000.",
    "entre 2000 et 3000 salariés",
    "en 2000 exemplaires",
    "GPT-4 et GPT-4o",
    "Llama 3 et Claude 3.5 Sonnet",
    "Magistral Medium atteint 73,6 % au concours AIME 2024",
    "sous licence Apache 2.0",
    "du 15e arrondissement",
    "la veille de l'élection",
    "le lendemain de son départ",
    "ce jour-là",
    "cette année-là",
    "à ce jour",
    "il y a quelques jours",
    "depuis des mois",
    "divisé en sept parties",
    "les 3 et 4",
    "voir https://example.com/2024-03-04/depart-en-2023",
    "[article](https://site.fr/2023/05/12/en-2022)",
    "le 31 févier",
    "",
]
NOT_DATES_EN = [
    "a $13 billion partnership",
    "15,000 GPUs",
    "2024 employees left",
    "in 2024 dollars",
    "from 2000 to 3000 employees",
    "up from 2000.",
    "GPT-4 and Llama 3",
    "he may leave in may",
    "The march on Washington",
    "the day before the vote",
    "a few days ago",
    "see https://example.com/2024/03/04/in-2023",
]


@pytest.mark.parametrize("sentence", NOT_DATES_FR)
def test_french_non_dates(sentence):
    assert find_dates(sentence, REF, "fr") == []


@pytest.mark.parametrize("sentence", NOT_DATES_EN)
def test_english_non_dates(sentence):
    assert find_dates(sentence, REF, "en") == []


@pytest.mark.parametrize(
    ("sentence", "reference", "value"),
    [
        ("le 2 janvier", D(2023, 12, 28), D(2024, 1, 2)),  # a few days ahead, next year
        ("le 20 janvier", D(2023, 12, 28), D(2023, 1, 20)),
        ("le 29 février", D(2025, 3, 1), D(2024, 2, 29)),  # the last leap year
        ("le 28 décembre", D(2024, 1, 3), D(2023, 12, 28)),
        ("le 15 mars", D(2024, 3, 15), D(2024, 3, 15)),
        ("le 22 mars", D(2024, 3, 15), D(2024, 3, 22)),  # exactly 7 days ahead
        ("le 23 mars", D(2024, 3, 15), D(2023, 3, 23)),
    ],
)
def test_day_month_year_inference(sentence, reference, value):
    assert only(sentence, reference).value == value


@pytest.mark.parametrize(
    ("sentence", "reference", "value"),
    [
        ("en janvier", D(2024, 1, 10), D(2024, 1, 1)),
        ("en février", D(2024, 1, 10), D(2023, 2, 1)),
        ("en décembre", D(2024, 12, 31), D(2024, 12, 1)),
        ("en novembre dernier", D(2024, 12, 2), D(2024, 11, 1)),
        ("en décembre dernier", D(2024, 12, 2), D(2023, 12, 1)),
        ("le mois dernier", D(2024, 1, 10), D(2023, 12, 1)),
        ("il y a deux mois", D(2024, 1, 31), D(2023, 11, 1)),
        ("la semaine dernière", D(2024, 3, 4), D(2024, 2, 1)),
    ],
)
def test_month_year_inference(sentence, reference, value):
    assert only(sentence, reference).value == value


# Reference Friday 15 March 2024: each weekday by construction.
@pytest.mark.parametrize(
    ("expression", "value"),
    [
        ("lundi", D(2024, 3, 11)),
        ("jeudi", D(2024, 3, 14)),
        ("vendredi", D(2024, 3, 15)),  # newswire: "a annoncé vendredi" in a Friday article
        ("samedi", D(2024, 3, 9)),
        ("ce jeudi", D(2024, 3, 14)),
        ("ce vendredi", D(2024, 3, 15)),
        ("ce samedi", D(2024, 3, 9)),
        ("jeudi dernier", D(2024, 3, 14)),
        ("vendredi dernier", D(2024, 3, 8)),
        ("vendredi prochain", D(2024, 3, 22)),
        ("dimanche prochain", D(2024, 3, 17)),
    ],
)
def test_french_weekdays(expression, value):
    found = only(f"Il a annoncé {expression} son départ.")
    assert (found.value, found.precision, found.relative) == (value, "day", True)


def test_weekday_with_datetime_reference():
    found = only("On Friday", datetime.datetime(2024, 3, 16, 9, 30), "en")
    assert found.value == D(2024, 3, 15)


def test_english_weekday_names_must_be_capitalised():
    assert find_dates("they may sunday", REF, "en") == []


def test_several_dates_in_textual_order():
    sentence = "Arrivé en 2019, il est parti le 9 février 2026, soit hier selon lui, après mi-2025."
    found = find_dates(sentence, D(2026, 2, 10))
    assert [(d.text, d.value, d.precision) for d in found] == [
        ("en 2019", D(2019, 1, 1), "year"),
        ("le 9 février 2026", D(2026, 2, 9), "day"),
        ("hier", D(2026, 2, 9), "day"),
        ("mi-2025", D(2025, 1, 1), "year"),
    ]
    for d in found:
        assert sentence[d.start : d.end] == d.text


def test_year_ranges_give_both_years():
    found = find_dates("Il a travaillé chez Google de 2016 à 2023.", REF)
    assert [(d.text, d.value) for d in found] == [
        ("de 2016", D(2016, 1, 1)),
        ("à 2023", D(2023, 1, 1)),
    ]
    found = find_dates("He was there from 2016 to 2023.", REF, "en")
    assert [d.value.year for d in found] == [2016, 2023]


def test_longest_match_wins():
    found = only("le 9 février 2026")
    assert found.text == "le 9 février 2026"
    found = only("depuis le début de l'année")
    assert (found.text, found.value, found.precision) == (
        "depuis le début de l'année",
        D(2024, 1, 1),
        "year",
    )


def test_invalid_day_falls_back_to_month():
    found = only("le 31 février 2024")
    assert (found.text, found.value, found.precision) == ("février 2024", D(2024, 2, 1), "month")


@pytest.mark.parametrize(
    ("sentence", "lang", "texts"),
    [
        (
            "hier, le 9 février 2026, soit en février et en 2023",
            "fr",
            ["le 9 février 2026", "en 2023"],
        ),
        ("vendredi dernier, il y a deux semaines, cette année", "fr", []),
        ("yesterday, on March 4, 2024, last week, in 2021", "en", ["on March 4, 2024", "in 2021"]),
    ],
)
def test_without_reference_only_absolute_dates(sentence, lang, texts):
    found = find_dates(sentence, None, lang)
    assert [d.text for d in found] == texts
    assert not any(d.relative for d in found)


def test_unknown_language_uses_french_rules():
    assert only("le 9 février 2026", REF, "de").value == D(2026, 2, 9)
    assert only("on March 4, 2024", REF, "en-US").value == D(2024, 3, 4)


def test_reference_at_the_edge_of_the_calendar_does_not_raise():
    assert find_dates("hier, demain, le 2 janvier, il y a 3 ans", D.min) is not None
    assert find_dates("hier, demain, le 2 janvier, il y a 3 ans", D.max) is not None


def test_long_text_is_fast():
    text = "Le 9 février 2026, OpenAI a annoncé hier 13 milliards en 2023. " * 2000 + " " * 50_000
    found = find_dates(text, REF)
    assert len(found) == 6000


# --------------------------------------------------------------------------------------------
# is_present_marker


@pytest.mark.parametrize(
    "sentence",
    [
        "Il quitte OpenAI ce jour.",
        "Il quitte aujourd'hui l'entreprise.",
        "Il a annoncé ce matin son départ.",
        "Elle a annoncé ce lundi son départ.",
        "Ce même mardi, la start-up a annoncé",
        "Il a démissionné cette semaine.",
        "Il vient de quitter Google.",
        "Ils viennent d'annoncer leur départ.",
        "Elle vient d’être nommée.",
    ],
)
def test_present_markers_french(sentence):
    assert is_present_marker(sentence, "fr")


@pytest.mark.parametrize(
    "sentence",
    [
        "Il n'a à ce jour pas quitté OpenAI.",
        "Ce jour-là, il a quitté OpenAI.",
        "Il a quitté OpenAI hier.",
        "Le financement vient de Microsoft.",
        "L'idée vient de Pierre.",
        "Il est parti en 2023.",
        "",
    ],
)
def test_not_present_markers_french(sentence):
    assert not is_present_marker(sentence, "fr")


@pytest.mark.parametrize(
    "sentence",
    [
        "He resigned today.",
        "She left the company this week.",
        "The company said this morning",
        "He announced this Monday that",
        "He has just left OpenAI.",
        "She has just resigned.",
    ],
)
def test_present_markers_english(sentence):
    assert is_present_marker(sentence, "en")


@pytest.mark.parametrize(
    "sentence",
    ["He resigned yesterday.", "He left last week.", "It has just two employees.", "in May"],
)
def test_not_present_markers_english(sentence):
    assert not is_present_marker(sentence, "en")


# --------------------------------------------------------------------------------------------
# find_publication_date

ARTICLE = """# Sam Altman renvoyé d'OpenAI

*Son conseil d'administration a annoncé ce vendredi 17 novembre le licenciement.*

Temps de lecture : minute

---

18 novembre 2023

« Sam Altman, son équipe et leurs talents sont les bienvenus en 2024. »
"""


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        (ARTICLE, "fr", D(2023, 11, 18)),
        ("Titre\n\nPublié le 3 mars 2024 à 10h12\n\nTexte.", "fr", D(2024, 3, 3)),
        (
            "Titre\n**Publié le** 3 mars 2024 à 10h12, mis à jour le 4 mars 2024",
            "fr",
            D(2024, 3, 3),
        ),
        (
            "Titre\nMis à jour le 5 mars 2024\nPar Jean Dupont - 3 mars 2024 à 10:12",
            "fr",
            D(2024, 3, 3),
        ),
        ("Titre\nMis à jour le 5 mars 2024\nTexte sans date.", "fr", D(2024, 3, 5)),
        ("Titre\nLundi 4 mars 2024\nTexte", "fr", D(2024, 3, 4)),
        ("Titre\n_18 nov. 2023_\nTexte", "fr", D(2023, 11, 18)),
        ("Titre\n03/04/2024\nTexte", "fr", D(2024, 4, 3)),
        ("Titre\nle 23/03/2024 à 10h12\nTexte", "fr", D(2024, 3, 23)),
        ("Title\nMarch 3, 2024\nText", "en", D(2024, 3, 3)),
        ("Title\nPublished on March 3, 2024 at 10:12 a.m. EST\nText", "en", D(2024, 3, 3)),
        ("Title\nBy Jane Doe | Nov. 18, 2023\nText", "en", D(2023, 11, 18)),
        ("Title\n2024-03-03T10:12:00Z\nText", "en", D(2024, 3, 3)),
        ("Title\n2024-03-03\nText", "fr", D(2024, 3, 3)),
        ("Title\n03/04/2024\nText", "en", D(2024, 3, 4)),
        ("Title\n25/12/2023\nText", "en", D(2023, 12, 25)),
    ],
)
def test_publication_date(text, lang, value):
    assert find_publication_date(text, lang) == value


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Un article sans date.",
        "Le 3 mars 2024, il a quitté OpenAI pour rejoindre Anthropic.",  # a sentence, not a line
        "Titre\nen 2023\nmars 2024\n",  # no full date
        "Titre\n31/02/2024\n",  # not a date
        "x" * 1600 + "\n3 mars 2024\n",  # too far down
    ],
)
def test_no_publication_date(text):
    assert find_publication_date(text, "fr") is None


# --------------------------------------------------------------------------------------------
# Properties

FRAGMENTS = [
    "le", "en", "depuis", "début", "fin", "mi-", "il y a", "deux", "semaines", "mois", "ans",
    "hier", "ce", "vendredi", "dernier", "9", "1er", "31", "février", "févr.", "sept", "2023",
    "2029", "dollars", "%", "(", ")", "entre", "et", "du", "au", "in", "on", "March", "May",
    "Friday", "last", "ago", "two", "weeks", "early", "2024-03-04", "03/03/2024", "GPT-4",
    "l'année", "cette", "semaine", "-là", ",", ".", "\n", "https://x.fr/", "de", "à",
]  # fmt: skip
date_like_text = st.lists(st.sampled_from(FRAGMENTS), max_size=25).map(" ".join)
any_text = st.one_of(st.text(max_size=300), date_like_text)
references = st.one_of(st.none(), st.dates())


def check_results(text: str, found: list[ResolvedDate], reference) -> None:
    previous_end = 0
    for d in found:
        assert 0 <= d.start < d.end <= len(text)
        assert text[d.start : d.end] == d.text
        assert d.start >= previous_end  # textual order, non-overlapping
        previous_end = d.end
        assert d.precision in ("day", "month", "year")
        if d.precision == "month":
            assert d.value.day == 1
        if d.precision == "year":
            assert (d.value.month, d.value.day) == (1, 1)
        if reference is None:
            assert not d.relative


@settings(max_examples=300, deadline=None)
@given(any_text, references, st.sampled_from(["fr", "en"]))
def test_find_dates_never_raises_and_is_consistent(text, reference, lang):
    check_results(text, find_dates(text, reference, lang), reference)


@settings(max_examples=200, deadline=None)
@given(any_text, st.sampled_from(["fr", "en"]))
def test_other_functions_never_raise(text, lang):
    value = find_publication_date(text, lang)
    assert value is None or isinstance(value, datetime.date)
    assert isinstance(is_present_marker(text, lang), bool)


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=D(1900, 1, 1), max_value=D(2099, 12, 31)))
def test_full_dates_round_trip(day):
    fr = f"Il est parti le {day.day} {FR_MONTHS[day.month - 1]} {day.year}."
    en = f"He left on {EN_MONTHS[day.month - 1]} {day.day}, {day.year}."
    assert only(fr, None, "fr").value == day
    assert only(en, None, "en").value == day
    assert only(f"Le {day.isoformat()}.", None).value == day
    assert find_publication_date(f"Titre\n{day.day} {FR_MONTHS[day.month - 1]} {day.year}\n") == day
    assert find_publication_date(f"Title\n{day:%d/%m/%Y}\n", "fr") == day


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=D(1905, 1, 1), max_value=D(2095, 12, 31)), st.integers(1, 28))
def test_day_month_is_never_far_in_the_future(reference, day_of_month):
    for month in range(1, 13):
        found = only(f"le {day_of_month} {FR_MONTHS[month - 1]}", reference)
        delta = (found.value - reference).days
        assert -366 <= delta <= 7
        assert (found.value.month, found.value.day) == (month, day_of_month)


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=D(1905, 1, 1), max_value=D(2095, 12, 31)), st.integers(0, 6))
def test_bare_weekday_is_within_the_past_week(reference, weekday):
    names = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
    found = only(f"a annoncé {names[weekday]} son départ", reference)
    assert found.value.weekday() == weekday
    assert 0 <= (reference - found.value).days <= 6
    last = only(f"{names[weekday]} dernier", reference)
    assert last.value.weekday() == weekday
    assert 1 <= (reference - last.value).days <= 7
