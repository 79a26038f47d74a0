"""Companies the gazetteer does not know, read from what the article shows them doing or from
what someone leaves, and the company a French descriptor ("le constructeur") stands for; written
in our own words with invented people and invented companies."""

from __future__ import annotations

import pytest

from tests.helpers import found_pairs as found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a two-word company name the capitals alone would make a person's
        ("Quillon Interactive has laid off its director of AI research, Paul Wren, a trade "
         "blog said on Monday.",
         {("Paul Wren", "Quillon Interactive")}),
        # the employer left, when nothing else names it
        ("Paul Wren left Quillon Games in May.", {("Paul Wren", "Quillon Games")}),
        # a country left is not an employer
        ("Paul Wren left Portugal for Canada in May.", set()),
        # "X's board": the company's name stops before the possessive
        ("Co-founder Mary Hale stepped down from Brindle's board in May.",
         {("Mary Hale", "Brindle")}),
    ],
)  # fmt: skip
def test_companies_named_by_what_happens_to_them(extractor, text, expected):
    assert found(extractor, text, "en", "departure") == expected


def test_a_lead_let_go_with_the_whole_team_dissolves_the_team(extractor):
    text = (
        "Quillon Games has laid off its head of research, Paul Wren, along with his entire AI "
        "team, to cut costs."
    )
    assert found(extractor, text, "en", "dissolution") == {("AI team", "Quillon Games")}
    assert found(extractor, text, "en", "departure") == {("Paul Wren", "Quillon Games")}


@pytest.mark.parametrize(
    "text",
    [
        "Quillon Games hired Paul Wren along with his entire AI team.",
        "Paul Wren left Quillon Games along with his whole team.",
    ],
)
def test_leaving_or_joining_with_the_team_dissolves_nothing(extractor, text):
    assert found(extractor, text, "en", "dissolution") == set()


def test_a_company_closing_its_lab_is_not_a_person(extractor):
    text = (
        "The Harrow Corp. logo hangs in the lobby. Harrow closed its robotics lab at the "
        "university in March."
    )
    assert found(extractor, text, "en", "dissolution") == {("robotics lab", "Harrow")}


def test_an_ended_sentence_is_not_a_title_case_headline(extractor):
    # four capitalised words out of five, but a full stop and a verb in lower case
    text = "Paul Wren left Quillon Games in May 2024."
    assert found(extractor, text, "en", "departure") == {("Paul Wren", "Quillon Games")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "le constructeur de ...": the company the apposition names
        ("Marc Delorme, cadre de Tesla depuis six ans, a quitté le constructeur de voitures "
         "électriques en mars.", {("Marc Delorme", "Tesla")}),
        # "pour" before a purpose or a company's bad year is no destination
        ("Marc Delorme, de Tesla, est parti alors que les commandes reculent pour la gamme de "
         "voitures de Tesla.", {("Marc Delorme", "Tesla")}),
        ("Chez Tesla, Marc Delorme est le troisième cadre à quitter le constructeur en six mois, "
         "une période pénible pour Tesla.", {("Marc Delorme", "Tesla")}),
        # a real destination still is one
        ("Marc Delorme, de Google, annonce son départ pour Meta.", {("Marc Delorme", "Google")}),
    ],
)  # fmt: skip
def test_french_descriptors_and_what_pour_introduces(extractor, text, expected):
    assert found(extractor, text, "fr", "departure") == expected


def test_going_back_after_years_leading_a_startup_leaves_the_startup(extractor):
    text = "Ruth Adler returns to Google after two years at the AI startup Brindle AI."
    assert found(extractor, text, "en", "departure") == {("Ruth Adler", "Brindle AI")}
    text = "Ruth Adler returned to Google after two years of study."
    assert found(extractor, text, "en", "departure") == set()


def test_an_institute_closed_by_a_faculty(extractor):
    text = (
        "Funding had dried up, and in March the Long Futures Institute was closed by the "
        "Faculty of Philosophy."
    )
    assert found(extractor, text, "en", "dissolution") == {
        ("Long Futures Institute", "Faculty of Philosophy")
    }
