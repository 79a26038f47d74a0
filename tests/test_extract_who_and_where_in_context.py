"""Who an event is about and where they worked, read from the sentence around the name;
rewritten in our own words with invented people (real company names where the gazetteer must
know them): a relative clause about someone else, a pronoun that goes on with the same person, a
company's owner, a group's departure, a successor, a post now and a past one, a unit of a group,
a hiring campaign's aim."""

from __future__ import annotations

import pytest

from pipeline.extract import ArticleText
from tests.helpers import PUBLISHED
from tests.helpers import found_pairs as found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a name in a relative clause about the subject is not who the verb is about
        ("Anna Berg, who founded Graphcore with CEO Tom Hale, was removed as a director of the "
         "business last week.", {("Anna Berg", "Graphcore")}),
        # "His departure" after "He reported to Y": the pronoun goes on with the same person
        ("Tom Hale, Tesla's vice president of chip design, is leaving the company. He reported "
         "directly to Anna Berg. His departure comes as Berg's team is reorganised.",
         {("Tom Hale", "Tesla")}),
        # "X, the team leader": a person, not a team; "Group" ends a company's name
        ("Wen Liqun, head of Alibaba's driving lab, has recently resigned from Alibaba Group. "
         "Wen Liqun, the team leader at the time, was not included in the move to Kestrel Group.",
         {("Wen Liqun", "Alibaba")}),
    ],
)  # fmt: skip
def test_who_leaves_in_english(extractor, text, expected):
    assert found(extractor, text, "en", "departure") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tom Hale, an inference engineer, joined Meta after 11 years at Google.",
         {("Tom Hale", "Google")}),
        ("Tom Hale joined Meta after 11 years of study.", set()),
    ],
)  # fmt: skip
def test_joining_after_years_elsewhere_in_english(extractor, text, expected):
    assert found(extractor, text, "en", "departure") == expected


def test_a_joining_told_as_background_does_not_date_the_departure(extractor):
    text = (
        "Tom Hale, Tesla's head of chip design, is leaving the company after joining from "
        "Apple in 2016."
    )
    events = extractor.extract(ArticleText(text, "en", PUBLISHED)).events
    assert [(e.subject.name, e.event_date.year) for e in events if e.event_type == "departure"] == [
        ("Tom Hale", PUBLISHED.year)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "xAI d'X": whose company it is, not who is dismissed
        ("xAI d'Anne Roy licencie des centaines d'employés alors que les plans d'expansion "
         "se poursuivent.", set()),
        # a group's departure is not the next person's, who takes over
        ("Cohere, fondée par Anne Vidal et Marc Lenoir, a connu une transition. En août, "
         "Vidal et Lenoir ont quitté Cohere pour rejoindre Google.\n\nImmédiatement après le "
         "départ des fondateurs, Paul Roy, précédemment conseiller général de Cohere, a assumé "
         "le rôle de directeur général par intérim.",
         {("Anne Vidal", "Cohere"), ("Marc Lenoir", "Cohere")}),
        # the interim chief named later is not the chief a rival hired
        ("Kestrel AI licencie 200 employés, un mois après que Meta a recruté le CEO de Kestrel "
         "AI.\n\nSelon un mémo, l'interim CEO de Kestrel AI, Paul Roy, a expliqué la décision.",
         set()),
        # a post now, then a past one: "la société" is the company of the post now
        ("Cette semaine, Paul Roy, cofondateur de xAI et ancien chercheur chez Google DeepMind "
         "et OpenAI, a annoncé son départ de la société.", {("Paul Roy", "xAI")}),
        # "l'unité Cruise de General Motors": who works at the unit
        ("Le chef du matériel de l'unité de conduite autonome Cruise de General Motors, Paul "
         "Roy, a annoncé jeudi qu'il avait démissionné de l'entreprise.", {("Paul Roy", "Cruise")}),
        # the company in one person's apposition is not the other's, described by another name
        ("De même, Marc Roy a attiré Paul Zhao, co-créateur de ChatGPT, et Anne Wang, "
         "fondatrice de Scale AI, pour diriger son laboratoire.", {("Anne Wang", "Scale AI")}),
        # ... but a post with no name of its own is at the company the sentence gives
        ("Paul Zhao, directeur de la recherche, et Anne Wang, directrice technique de Cohere, "
         "ont quitté Cohere.", {("Paul Zhao", "Cohere"), ("Anne Wang", "Cohere")}),
        # joining one company after years at another
        ("Paul Roy, un ingénieur de l'inférence, a rejoint Meta après onze ans passés chez "
         "Google.", {("Paul Roy", "Google")}),
        # a plural pronoun in a clause stands for the people who are the subject above it
        ("Microsoft a licencié deux employées. Anna Roy et Julie Vidal ont reçu des messages "
         "vocaux les informant qu'elles étaient licenciées, a déclaré le groupe.",
         {("Anna Roy", "Microsoft"), ("Julie Vidal", "Microsoft")}),
        # a hiring campaign's aim is no hiring yet
        ("En août, Anne Vidal a lancé une campagne de recrutement pour attirer les meilleurs "
         "talents en IA de Google, y compris Paul Roy.", set()),
    ],
)  # fmt: skip
def test_who_leaves_what_in_french(extractor, text, expected):
    assert found(extractor, text, "fr", "departure") == expected
