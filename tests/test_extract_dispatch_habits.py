"""Habits of business dispatches, in our own words with invented people and companies: a
headline's kicker before a name ("Exclusif - "), the post left told with "as" ("step down as
CEO of X"), "is to step down" as an announcement, typographic apostrophes ("s’est séparé"), a
company parting with "son directeur de Lyon" (a post, not a company), the writer's "on citera
ceux de", a past title a few words before a company ("ex-directeur des ventes de X"), the
trade's words for a company ("la SSII"), "le groupe X" as a company group, a parent company that
acts, an opening quote mark typed where the closing one belongs, and the people listed in the
sentence after "la liste des départs", with no verb of its own; a newsroom its staff leave is
their employer ("left the publication", "had ‘parted ways’ with X"); a wire agency's credits
name no one in the story; "the team" was disbanded after a sentence named it; a team "is no
more"."""

from __future__ import annotations

import datetime

import pytest

from pipeline.extract import ArticleText
from tests.helpers import found_pairs as found


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # a kicker glued to the name by NER; an unknown company after "la direction de"
        (
            "Exclusif - Paul Roux quitte la direction de Tilleul France",
            "fr",
            {("Paul Roux", "Tilleul France")},
        ),
        (
            "Président de Tilleul en France depuis deux ans, Paul Roux a décidé de démissionner de "
            "ses fonctions.",
            "fr",
            {("Paul Roux", "Tilleul")},
        ),
        # the post left, after "as", names the company; not the one of the sentence before
        (
            "NetScout won a contract from Telefónica. Paul Reed is to step down as group CEO of "
            "Vodafone in the fall.",
            "en",
            {("Paul Reed", "Vodafone")},
        ),
        (
            "Google won a contract from Telefónica. Paul Reed will step down as chief executive of "
            "Vodafone next year.",
            "en",
            {("Paul Reed", "Vodafone")},
        ),
        # a typographic apostrophe; what follows "son directeur de" is the post
        (
            "Fin 2010, Capgemini s’est ainsi séparé de son directeur de Strasbourg, Paul Roux.",
            "fr",
            {("Paul Roux", "Capgemini")},
        ),
        (
            "Capgemini s’est séparé de son directeur de Strasbourg et de Nancy, Paul Roux, et de "
            "Marc Vidal, son directeur régional.",
            "fr",
            {("Paul Roux", "Capgemini"), ("Marc Vidal", "Capgemini")},
        ),
        # the writer's future of listing tells what has happened; a past title far before a
        # company makes it no employer in focus
        (
            "Chez Capgemini, Anna Berg, ex-directrice des ventes Est de Sopra, a été nommée. "
            "Plusieurs départs de managers ont marqué l'année. On citera notamment ceux de Marc "
            "Vidal, son directeur commercial, et de Luc Petit.",
            "fr",
            {("Marc Vidal", "Capgemini"), ("Luc Petit", "Capgemini")},
        ),
        # the trade's word for the company left; "DG de X" introduces X
        (
            "Le directeur général de Tilleul France, Paul Roux, quitte la SSII.",
            "fr",
            {("Paul Roux", "Tilleul France")},
        ),
        (
            "“Je vous annonce que je quitte mes fonctions de DG d’Ardoise“, a indiqué Paul Roux "
            "sur LinkedIn.",
            "fr",
            {("Paul Roux", "Ardoise")},
        ),
        # "le groupe X" is a company, even when NER took X for a person
        (
            "Le patron de Tilleul est révoqué. Paul Roux, président du courtier, a été révoqué par "
            "le conseil d'administration. Des voix critiquent la gestion du groupe Tilleul.",
            "fr",
            {("Paul Roux", "Tilleul")},
        ),
        # the parent company that acts is not the company left
        (
            "Paul Roux, PDG de Tilleul, a été remercié par la maison mère du groupe, Capgemini.",
            "fr",
            {("Paul Roux", "Tilleul")},
        ),
        # a verbless list after the noun of leaving, its first name NER may call a place
        (
            "Les départs de nombreux cadres de Capgemini ont coûté cher. La liste des départs est "
            "longue. Pêle-mêle, Anna Berglund de Sogeti, Paul Roux et Marc Vidal du service des "
            "ventes, Luc Petit.",
            "fr",
            {
                ("Anna Berglund", "Capgemini"),
                ("Paul Roux", "Capgemini"),
                ("Marc Vidal", "Capgemini"),
                ("Luc Petit", "Capgemini"),
            },
        ),
        (
            "Les départs de nombreux cadres de Capgemini ont coûté cher. La liste des départs est "
            "longue. Anna Berglund et Paul Roux l'ont commentée.",
            "fr",
            set(),
        ),
    ],
)
def test_who_left_which_company(extractor, text, lang, expected):
    assert found(extractor, text, lang, "departure") == expected


def test_is_to_step_down_is_dated_when_announced(extractor):
    text = "Paul Reed is to step down as chief executive of Vodafone in the fall."
    extraction = extractor.extract(ArticleText(text, "en", datetime.date(2025, 6, 13)))
    (event,) = extraction.events
    assert (event.event_date, event.date_precision) == (
        datetime.date(2025, 6, 1),
        "month",
    )


def test_le_groupe_x_names_no_team_but_l_equipe_x_does():
    from pipeline.extract.languages import READERS
    from pipeline.extract.mentions import _team_names

    nlp = READERS["fr"].load()
    doc = nlp("Des voix critiquent la gestion du groupe Tilleul et de l'équipe Boussole.")
    names = _team_names(doc)
    assert "boussole" in names
    assert "tilleul" not in names


def test_a_newsroom_its_staff_leave_is_their_employer(extractor):
    text = (
        "Wired has shut its European bureau. Anna Berg, a London-based editor, said she had left "
        "the company in April, after 13 years. Paul Reed and Marc Vidal said they had left the "
        "publication in recent weeks. Luc Petit wrote: 'I didn't want to leave Wired.' On Monday, "
        "Tom Hale confirmed he had ‘parted ways’ with Wired after 18 years."
    )
    assert found(extractor, text, "en", "departure") == {
        ("Anna Berg", "Wired"),
        ("Paul Reed", "Wired"),
        ("Marc Vidal", "Wired"),
        ("Tom Hale", "Wired"),
    }


def test_a_wire_credit_names_no_one_who_left(extractor):
    text = (
        "Twitter a réduit ses coûts et licencié des milliers de salariés, parmi lesquels de "
        "nombreux employés qui luttaient contre la haine. (Reportage Paul Roux à Dallas; version "
        "française Marc Vidal)"
    )
    assert found(extractor, text, "fr", "departure") == set()


@pytest.mark.parametrize(
    "text",
    [
        "Cohere's Halyard team was set up in 2019. The Journal reports that the team was "
        "recently disbanded.",
        "Cohere's Halyard team is no more, a spokesman said.",
    ],
)
def test_a_team_named_before_or_said_to_be_no_more(extractor, text):
    assert {name for name, _ in found(extractor, text, "en", "dissolution")} <= {
        "Halyard",
        "Halyard Team",
    }
    assert found(extractor, text, "en", "dissolution")


def test_the_team_with_no_name_before_is_not_dissolved(extractor):
    text = "Cohere's sales team grew in 2019. The Journal reports that the team was disbanded."
    assert found(extractor, text, "en", "dissolution") == set()


def test_a_town_opening_with_new_keeps_its_first_word(extractor):
    text = "Ubisoft shutters its New York studio after ten years."
    assert found(extractor, text, "en", "dissolution") == {("New York studio", "Ubisoft")}


def test_what_a_post_is_of_is_no_one(extractor):
    text = (
        "In July, Microsoft's vice president of Cloud Hardware Leasing and M&A left to run a data "
        "center business."
    )
    assert found(extractor, text, "en", "departure") == set()
