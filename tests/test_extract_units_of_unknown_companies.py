"""A unit shut down by a company the gazetteer does not know, told in the many ways news says it:
the company is known by what it does to a unit of its own ("Brisel dissout sa cellule",
"Brisel is winding down its lab") or by owning one ("la division robotique de Brisel"); the
unit keeps the words that describe it, not the company after them nor the time after its name;
a season without its year dates the event to the year. Written in our own words with invented
companies and teams."""

from __future__ import annotations

import datetime

import pytest

from pipeline.extract import ArticleText
from pipeline.extract.dates import find_dates
from tests.helpers import found_pairs as found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Brisel démantèle sa cellule de veille technologique à Nantes.",
         {("cellule de veille technologique à Nantes", "Brisel")}),
        ("Brisel supprime sa division réalité augmentée.",
         {("division réalité augmentée", "Brisel")}),
        ("Brisel met fin aux activités de son pôle données ouvertes.",
         {("pôle données ouvertes", "Brisel")}),
        # the parser tags some invented names as places: these two are names it does not
        ("La division robotique d'Orbitel a été dissoute la semaine dernière.",
         {("division robotique", "Orbitel")}),
        ("Le laboratoire d'apprentissage profond d'Orbitel va fermer ses portes.",
         {("laboratoire d'apprentissage profond", "Orbitel")}),
    ],
)  # fmt: skip
def test_a_french_unknown_company_ending_its_unit(extractor, text, expected):
    assert found(extractor, text, "fr", "dissolution") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Brisel is quietly winding down its self-driving unit.",
         {("self-driving unit", "Brisel")}),
        ("Brisel axed its metaverse division on Tuesday.", {("metaverse division", "Brisel")}),
        ("Brisel has done away with its ethics board.", {("ethics board", "Brisel")}),
        ("Brisel announced the closure of its Lisbon design studio.",
         {("Lisbon design studio", "Brisel")}),
        ("Brisel's speech research team has been disbanded.",
         {("speech research team", "Brisel")}),
    ],
)  # fmt: skip
def test_an_english_unknown_company_ending_its_unit(extractor, text, expected):
    assert found(extractor, text, "en", "dissolution") == expected


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # a person closing "son" unit is no company: the name stays a person's
        ("Julien Marchetti, directeur de la recherche, a fermé son équipe de Lille. "
         "Marchetti a ensuite dissous sa cellule de veille.", "fr"),
        # a city owns no unit
        ("Le laboratoire de Grenoble a été dissous.", "fr"),
        ("Brisel closed its data center in Oslo.", "en"),
        ("Brisel a fermé son centre de données de Rennes.", "fr"),
    ],
)  # fmt: skip
def test_no_company_where_a_person_or_a_place_owns_it(extractor, text, lang):
    organizations = {org for _, org in found(extractor, text, lang, "dissolution")}
    assert not organizations & {"Marchetti", "Julien Marchetti", "Grenoble", "Oslo", "Rennes"}
    if "données" in text or "data center" in text:
        assert found(extractor, text, lang, "dissolution") == set()


@pytest.mark.parametrize(
    ("text", "team"),
    [
        ("Orsay Labs did away with its fairness council in March.", "fairness council"),
        ("Orsay Labs quietly killed off its Halyard research group.", "Halyard"),
        ("Orsay Labs ended its model welfare team after a year.", "model welfare team"),
        ("Orsay Labs will shut its Halyard lab by the end of the year.", "Halyard lab"),
        ("Orsay Labs said it would close its research center in Porto.",
         "research center in Porto"),
    ],
)  # fmt: skip
def test_english_verbs_that_end_a_unit(extractor, text, team):
    assert {name for name, _ in found(extractor, text, "en", "dissolution")} == {team}


@pytest.mark.parametrize(
    "text",
    [
        "Orsay Labs ended its partnership with the fairness council.",
        "The Halyard team at Orsay Labs ended the year with a new model.",
        "Orsay Labs did away with the dress code in March.",
    ],
)
def test_ending_something_else_is_no_dissolution(extractor, text):
    assert found(extractor, text, "en", "dissolution") == set()


@pytest.mark.parametrize(
    ("text", "team"),
    [
        ("Mistral AI en a fini avec son équipe Girouette.", "Girouette"),
        ("Mistral AI a fait disparaître son laboratoire Girouette.", "Girouette"),
        ("Mistral AI a rayé de la carte son équipe Girouette.", "Girouette"),
        ("Le groupe de recherche sur la robustesse de Mistral AI a cessé d'exister.",
         "groupe de recherche sur la robustesse"),
        ("Mistral AI a annoncé la fermeture de son centre de recherche de Brest.",
         "centre de recherche de Brest"),
    ],
)  # fmt: skip
def test_french_ways_to_end_a_unit(extractor, text, team):
    assert {name for name, _ in found(extractor, text, "fr", "dissolution")} == {team}


def test_ending_a_habit_is_no_dissolution(extractor):
    text = "Mistral AI en a fini avec le télétravail."
    assert found(extractor, text, "fr", "dissolution") == set()


def test_a_time_after_a_team_name_is_not_part_of_it(extractor):
    text = "Mistral AI a dissous son équipe Girouette au printemps dernier."
    events = extractor.extract(ArticleText(text, "fr", datetime.date(2025, 6, 13))).events
    assert [(e.subject.name, e.event_date) for e in events] == [
        ("Girouette", datetime.date(2025, 1, 1))
    ]


@pytest.mark.parametrize(
    ("text", "lang", "year"),
    [
        ("au printemps", "fr", 2025),  # said in June: this year's, just over
        ("l'été dernier", "fr", 2024),  # June: this summer has not ended, so last year's
        ("cet automne", "fr", 2025),
        ("l'automne prochain", "fr", 2025),
        ("last summer", "en", 2024),
        ("this fall", "en", 2025),
        ("in the spring", "en", 2025),
    ],
)
def test_a_season_without_its_year_gives_the_year(text, lang, year):
    found_dates = find_dates(text, datetime.date(2025, 6, 13), lang)
    assert [(d.value, d.precision) for d in found_dates] == [(datetime.date(year, 1, 1), "year")]


@pytest.mark.parametrize(("text", "lang"), [("le printemps arabe", "fr"), ("en hiver", "fr")])
def test_a_season_as_a_name_or_a_habit_is_no_date(text, lang):
    assert find_dates(text, datetime.date(2025, 6, 13), lang) == []


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Ubisoft ferme les studios Arkadia et Lumenfall, qui employaient 200 personnes.",
         "fr"),
        ("Ubisoft ferme Arkadia et Lumenfall, deux studios rachetés il y a trois ans.", "fr"),
        ("Ubisoft closed its studios Arkadia and Lumenfall.", "en"),
        ("Ubisoft is closing Arkadia and Lumenfall, two studios it bought in 2021.", "en"),
    ],
)  # fmt: skip
def test_studios_closed_together_are_each_a_dissolution(extractor, text, lang):
    assert found(extractor, text, lang, "dissolution") == {
        ("Arkadia", "Ubisoft"),
        ("Lumenfall", "Ubisoft"),
    }


def test_one_studio_closed_and_another_company_sold_is_one_dissolution(extractor):
    text = "Ubisoft a fermé le studio Arkadia et Lumenfall a été vendu."
    assert found(extractor, text, "fr", "dissolution") == {("Arkadia", "Ubisoft")}


@pytest.mark.parametrize(
    ("text", "team"),
    [
        # an aside after a comma is not part of the unit's name
        ("Mistral AI ferme son studio de Lorient, à l'origine de deux jeux de voile.",
         "studio de Lorient"),
        # adjectives the parse hangs elsewhere still end the name
        ("Mistral AI supprime sa division réalité augmentée.", "division réalité augmentée"),
        ("Mistral AI met fin aux activités de son pôle données ouvertes.",
         "pôle données ouvertes"),
        # a company named after the unit's description is whose unit, not part of its name
        ("La division robotique d'Orbitel a été dissoute.", "division robotique"),
    ],
)  # fmt: skip
def test_a_french_unit_keeps_the_words_that_name_it(extractor, text, team):
    assert {name for name, _ in found(extractor, text, "fr", "dissolution")} == {team}


def test_a_unit_named_after_a_product_is_no_company(extractor):
    text = "Mistral AI a dissous l'équipe de Lumio, l'outil de veille racheté en 2021."
    assert {org for _, org in found(extractor, text, "fr", "dissolution")} <= {"Mistral AI"}


@pytest.mark.parametrize(
    "text",
    [
        "Warner Bros. will close its Montreal studio by the end of the year.",
        "Nokia closed its Lannion R&D center last spring.",
    ],
)
def test_companies_the_gazetteer_now_knows(extractor, text):
    organizations = {org for _, org in found(extractor, text, "en", "dissolution")}
    assert organizations and organizations <= {"Warner Bros. Discovery", "Nokia"}


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Inès Royer a quitté Orbitel pour rejoindre Google.", "fr"),
        ("Inès Royer quitte Orbitel pour la start-up Kairn.", "fr"),
        ("Orbitel fired Inès Royer, its finance chief.", "en"),
        ("Orbitel's CTO Inès Royer has resigned.", "en"),
    ],
)
def test_a_person_leaving_a_company_the_gazetteer_does_not_know(extractor, text, lang):
    assert found(extractor, text, lang, "departure") == {("Inès Royer", "Orbitel")}


@pytest.mark.parametrize(
    "text", ["Inès Royer quitte Bordeaux pour rejoindre Google.", "Inès Royer a quitté Lyon."]
)
def test_a_city_left_is_no_employer(extractor, text):
    assert {org for _, org in found(extractor, text, "fr", "departure")} <= {""}


def test_a_company_introduced_with_its_country_closes_what_the_next_sentence_says(extractor):
    text = (
        "Le groupe sud-coréen Hanbit Tech réorganise ses activités. L'entreprise va fermer son "
        "laboratoire de vision par ordinateur de Toronto, a-t-elle annoncé mardi."
    )
    assert {org for _, org in found(extractor, text, "fr", "dissolution")} == {"Hanbit Tech"}


def test_the_company_said_with_an_elided_article_is_no_name(extractor):
    text = "Ubisoft poursuit ses économies. L'éditeur ferme son studio de Lorient."
    assert found(extractor, text, "fr", "dissolution") == {("studio de Lorient", "Ubisoft")}


def test_a_passive_closure_the_parse_cut_from_its_subject(extractor):
    text = (
        "Le conseil consultatif externe sur la robustesse des modèles mis en place par Google "
        "a été dissous après une semaine."
    )
    assert found(extractor, text, "fr", "dissolution") == {
        ("conseil consultatif externe sur la robustesse des modèles", "Google")
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Apple disbanded the team that developed its Lattice routers.",
         {("team that developed its Lattice routers", "Apple")}),
        ("Apple disbanded its car team, which built prototypes.", {("car team", "Apple")}),
    ],
)  # fmt: skip
def test_a_team_told_by_what_it_made(extractor, text, expected):
    assert found(extractor, text, "en", "dissolution") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nokia ferme son site de recherche de Lannion.",
         {("site de recherche de Lannion", "Nokia")}),
        ("Nokia ferme son site web.", set()),
        ("Nokia ferme son site de vente en ligne.", set()),
    ],
)  # fmt: skip
def test_a_research_site_is_a_unit_a_website_is_not(extractor, text, expected):
    assert found(extractor, text, "fr", "dissolution") == expected


def test_a_headline_given_apart_introduces_the_company(extractor):
    body = "Dev Anand, who led speech research at Orbitel, has left the company to join Google."
    article = ArticleText(body, "en", datetime.date(2025, 6, 13), title="Orbitel's AI chief quits")
    events = extractor.extract(article).events
    assert {
        (e.subject.name, e.organization.name) for e in events if e.event_type == "departure"
    } == {("Dev Anand", "Orbitel")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an English unit name in French, after adjectives of the closing noun
        ("Sony confirme la fermeture progressive du Osaka Studio.", {("Osaka Studio", "Sony")}),
        ("Sony a fermé plusieurs studios. Les joueurs retiennent la fermeture totale et définitive "
         "de Harbour Studio.", {("Harbour Studio", "Sony")}),
        # a studio with no name of its own goes by its city
        ("Sony a annoncé qu'elle allait fermer son studio à Leeds, en Angleterre.",
         {("studio à Leeds", "Sony")}),
    ],
)  # fmt: skip
def test_french_studio_closures(extractor, text, expected):
    assert found(extractor, text, "fr", "dissolution") == expected


def test_a_list_of_studios_goes_on_after_the_first_one_the_article_introduced(extractor):
    text = (
        "Lumen Forge, the studio behind two racing games, had 80 staff. Warner Bros. has closed "
        "Lumen Forge, Tallow Games, and Warner Bros. Games Leeds."
    )
    assert found(extractor, text, "en", "dissolution") == {
        ("Lumen Forge", "Warner Bros. Discovery"),
        ("Tallow Games", "Warner Bros. Discovery"),
        ("Warner Bros. Games Leeds", "Warner Bros. Discovery"),
    }


def test_a_board_committee_names_no_company(extractor):
    text = (
        "Le processus est géré par un comité spécial de Conseil d'administration. Orbitel a "
        "annoncé la démission de son directeur général, Inès Royer."
    )
    assert {org for _, org in found(extractor, text, "fr", "departure")} == {"Orbitel"}


@pytest.mark.parametrize(
    ("text", "lang", "team"),
    [
        # a studio or a team with no name goes by its city, as a lab does
        ("Orsay Labs is closing its studio in Porto, the company said on Tuesday.", "en",
         "studio in Porto"),
        ("Orsay Labs disbanded its team in Lisbon.", "en", "team in Lisbon"),
        # a task written with a hyphen is one word; whose team it is ends the task (a company
        # the gazetteer knows: "the team" says nothing of whose it is)
        ("Cohere has dissolved the team focused on long-term risks, a year after forming it.",
         "en", "team focused on long-term risks"),
        ("Cohere disbanded the team working on model safety at its Toronto office.", "en",
         "team working on model safety"),
        ("L'équipe chargée de la modération chez Criteo a été entièrement licenciée.", "fr",
         "équipe chargée de la modération"),
    ],
)  # fmt: skip
def test_a_unit_with_no_name_goes_by_its_city_or_its_task(extractor, text, lang, team):
    assert {name for name, _ in found(extractor, text, lang, "dissolution")} == {team}


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # what the company makes or sells, with "de", then its name
        ("L'éditeur de logiciels Kestrane a dissous son équipe d'éthique.", "fr",
         {("équipe d'éthique", "Kestrane")}),
        ("Brisel shut down the entire Civic Trust team on Friday.", "en",
         {("Civic Trust", "Brisel")}),
        ("Brisel has shut down its whole Open Data department.", "en",
         {("Open Data", "Brisel")}),
    ],
)  # fmt: skip
def test_a_company_known_by_its_trade_or_by_ending_a_whole_unit(extractor, text, lang, expected):
    assert found(extractor, text, lang, "dissolution") == expected


def test_a_clause_after_a_comma_is_no_apposition_naming_the_unit(extractor):
    # the name before the comma is the person who ordered the cuts, not the team's name
    text = (
        "Microsoft laid off a tenth of its staff this week. As part of the cuts ordered by Dana "
        "Whitlock, the company has shut down the entire Civic Trust department."
    )
    assert found(extractor, text, "en", "dissolution") == {("Civic Trust", "Microsoft")}


def test_a_unit_introduced_then_closed_with_a_word_that_describes_it(extractor):
    text = (
        "Netflix ferme le norvégien Polaro. Le groupe sacrifie sa filiale norvégienne Polaro, "
        "l'application de partage de photos qu'il avait rachetée en 2019."
    )
    assert found(extractor, text, "fr", "dissolution") == {("Polaro", "Netflix")}


def test_whose_unit_a_company_noun_subject_tells(extractor):
    # the name of a product just before is not the owner of "son centre"
    text = (
        "Meta renonce à ses drones. L'entreprise de Menlo Park annonce la fin des prototypes de "
        "Skyrift et la fermeture de son centre de recherche britannique."
    )
    assert found(extractor, text, "fr", "dissolution") == {
        ("centre de recherche britannique", "Meta")
    }


def test_an_unknown_company_that_will_be_closing_a_unit(extractor):
    text = "Brisel Interactive announced it will be closing its Lisbon design studio."
    assert found(extractor, text, "en", "dissolution") == {
        ("Lisbon design studio", "Brisel Interactive")
    }
