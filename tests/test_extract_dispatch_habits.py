"""Habits of business dispatches, in our own words with invented people and companies: a
headline's kicker before a name ("Exclusif - "), the post left told with "as" ("step down as
CEO of X"), "is to step down" as an announcement, typographic apostrophes ("s’est séparé"), a
company parting with "son directeur de Lyon" (a post, not a company), the writer's "on citera
ceux de", a past title a few words before a company ("ex-directeur des ventes de X"), the
trade's words for a company ("la SSII"), "le groupe X" as a company group, a parent company that
acts, an opening quote mark typed where the closing one belongs, and the people listed in the
sentence after "la série de départs est longue", with no verb of its own; a newsroom its staff
leave is their employer ("left the publication", "had ‘parted ways’ with X"); a wire agency's
credits name no one in the story; "the team" was disbanded after a sentence named it; a team
"is no more"; someone's "last day at" a company."""

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
            "Directeur de Tilleul depuis 2019, Paul Roux a choisi de démissionner.",
            "fr",
            {("Paul Roux", "Tilleul")},
        ),
        # the post left, after "as", names the company; not the one of the sentence before
        (
            "Orange signed a deal with Iliad. Paul Reed is to step down as chief executive of "
            "Vodafone in the autumn.",
            "en",
            {("Paul Reed", "Vodafone")},
        ),
        (
            "Google signed a deal with Iliad. Paul Reed will step down as head of Vodafone next "
            "year.",
            "en",
            {("Paul Reed", "Vodafone")},
        ),
        # a typographic apostrophe; what follows "son directeur de" is the post
        (
            "En 2019, Capgemini s’est séparé de son directeur de Lille, Paul Roux.",
            "fr",
            {("Paul Roux", "Capgemini")},
        ),
        (
            "Capgemini s’est séparé de son directeur de Rennes, Paul Roux, et de Marc Vidal, son "
            "directeur régional.",
            "fr",
            {("Paul Roux", "Capgemini"), ("Marc Vidal", "Capgemini")},
        ),
        # the writer's future of listing tells what has happened; a past title far before a
        # company makes it no employer in focus
        (
            "Chez Capgemini, Anna Berg, ex-responsable commerciale Ouest de Sopra, a été nommée. "
            "Les départs de cadres se sont multipliés en un an. On citera aussi ceux de Marc "
            "Vidal, son directeur commercial, et de Luc Petit.",
            "fr",
            {("Marc Vidal", "Capgemini"), ("Luc Petit", "Capgemini")},
        ),
        # the trade's word for the company left; "DG de X" introduces X
        (
            "Paul Roux, DG de Tilleul France depuis 2020, quitte la SSII en juin.",
            "fr",
            {("Paul Roux", "Tilleul France")},
        ),
        (
            "“C'est décidé, je quitte mes fonctions de DG d’Ardoise“, écrit Paul Roux.",
            "fr",
            {("Paul Roux", "Ardoise")},
        ),
        # the parent company that acts is not the company left
        (
            "Paul Roux, PDG de Tilleul, a été congédié par son actionnaire principal, Capgemini.",
            "fr",
            {("Paul Roux", "Tilleul")},
        ),
        # a verbless list after the noun of leaving, its first name NER may call a place
        (
            "Les départs de nombreux cadres de Capgemini ont coûté cher. La série de départs est "
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
            "Les départs de nombreux cadres de Capgemini ont coûté cher. La série de départs est "
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
        "Wired has shut its Paris bureau. Anna Berg, who edited its science pages, wrote that she "
        "left the company last month. Paul Reed and Marc Vidal both said they had left the "
        "publication. Luc Petit wrote that he never meant to leave Wired. On Monday, Tom Hale "
        "confirmed he had ‘parted ways’ with Wired."
    )
    assert found(extractor, text, "en", "departure") == {
        ("Anna Berg", "Wired"),
        ("Paul Reed", "Wired"),
        ("Marc Vidal", "Wired"),
        ("Tom Hale", "Wired"),
    }


def test_a_wire_credit_names_no_one_who_left(extractor):
    text = (
        "Twitter a licencié des milliers de personnes depuis le rachat, dont de nombreux "
        "modérateurs. (Reportage Paul Roux à Austin; version française Marc Vidal)"
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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Friday was her last day at Google, Anna Berg said.", {("Anna Berg", "Google")}),
        ("Anna Berg's last day at Google was Friday.", {("Anna Berg", "Google")}),
        (
            "“Monday was my last day at Google: my whole unit is gone,” Anna Berg wrote.",
            {("Anna Berg", "Google")},
        ),
        # a last day somewhere that is no employer, or not someone's
        ("Anna Berg will speak at Google. “This is my last day at the fair,” she said.", set()),
        ("Friday was the last day at Google for the old office, Anna Berg said.", set()),
    ],
)
def test_someones_last_day_at_a_company(extractor, text, expected):
    assert found(extractor, text, "en", "departure") == expected
