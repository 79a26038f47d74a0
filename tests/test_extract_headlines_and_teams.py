"""Headlines, who a sentence is about, and how teams are named: rules found on the fifth held-out
corpus, checked here on texts written for these tests (names invented)."""

from __future__ import annotations

import pytest

from tests.test_extract_organizations import dissolutions_of
from tests.test_extract_rules import departures_of, events_of


def test_a_title_case_headline_makes_no_person_of_its_capitalised_words(extractor):
    text = (
        "# Lumen Robotics Fires Three Engineers Over Alleged Data Misuse\n\n"
        "Lumen Robotics has fired three engineers. The engineers, Hugo Brandt and Mira Solis, "
        "were let go earlier this month."
    )
    people = {person for person, _, _ in departures_of(extractor, text, "en")}
    assert people == {"Hugo Brandt", "Mira Solis"}


@pytest.mark.parametrize(
    "text",
    [
        "# Priya Raman Leaves Lumen Robotics After Five Years\n\n"
        "Priya Raman, the company's head of safety, left Lumen Robotics on Monday.",
        "# Priya Raman Quits Lumen Robotics\n\nRaman said on Monday she had left Lumen Robotics.",
    ],
)
def test_a_headline_name_the_text_also_gives_is_kept(extractor, text):
    found = departures_of(extractor, text, "en")
    assert {(person, organization) for person, organization, _ in found} == {
        ("Priya Raman", "Lumen Robotics")
    }


def test_a_name_after_a_preposition_is_not_who_left(extractor):
    text = (
        "Marta Ruiz, who co-founded Cohere with Kenji Sato in 2021, said on Monday she is "
        "leaving the company."
    )
    assert departures_of(extractor, text, "en") == {("Marta Ruiz", "Cohere", "departure")}


def test_his_exit_means_the_subject_not_the_man_he_clashed_with(extractor):
    text = (
        "Ivan Petrov, Cohere's research chief, was pushed out in May after clashing with "
        "chief executive Laura Berg over the pace of releases. Cohere described his exit as "
        "a mutual decision."
    )
    people = {person for person, _, _ in departures_of(extractor, text, "en")}
    assert people == {"Ivan Petrov"}


def test_a_fund_named_after_its_founder_is_not_a_person(extractor):
    text = (
        "Aisha Bello said on Tuesday she had left Cohere to launch Bello Ventures. "
        "Her exit follows two other senior departures."
    )
    people = {person for person, _, _ in departures_of(extractor, text, "en")}
    assert people == {"Aisha Bello"}


@pytest.mark.parametrize(
    "text",
    [
        "Grace Okafor joined Cohere in 2019. She grew up in Lagos and left Nigeria for Canada "
        "at 19 to study mathematics.",
        "Cohere is also leaving San Francisco: Grace Okafor, its chief of staff, said the "
        "office would close.",
    ],
)
def test_leaving_a_place_is_not_leaving_a_job(extractor, text):
    assert departures_of(extractor, text, "en") == set()


def test_korean_given_names_keep_their_second_syllable(extractor):
    text = "Cohere has lost its safety lead. Her deputy, Lee Min-ji, quit Cohere last week."
    assert departures_of(extractor, text, "en") == {("Lee Min-ji", "Cohere", "resignation")}


@pytest.mark.parametrize(
    ("text", "team"),
    [
        (
            "Cohere has quietly wound down Sentinel, the small internal group that "
            "stress-tested its models.",
            "Sentinel",
        ),
        ("Cohere said its Model Risk Taskforce had been closed down in March.", None),
        (
            "The Product Ethics, Safety and Trust team at Cohere was eliminated in March.",
            "Product Ethics, Safety and Trust",
        ),
        ("Cohere disbanded its Sentinel red team in March.", "Sentinel"),
        (
            "# Cohere closes model risk taskforce\n\n"
            "Cohere said its Model Risk Taskforce had been closed down in March.",
            None,
        ),
        (
            "# Cohere Ethics Chief Resigns After Internal Council Is Dissolved\n\n"
            "The Harm Review Council at Cohere was dissolved in June.",
            "Harm Review Council",
        ),
    ],
)
def test_english_team_names(extractor, text, team):
    found = {
        (name, organization)
        for kind, name, organization, _ in events_of(extractor, text, "en")
        if kind == "dissolution"
    }
    assert found == {(team or "Model Risk Taskforce", "Cohere")}


def test_a_french_team_named_by_a_participle(extractor):
    text = (
        "Orbital AI avait créé en 2020 une équipe de trois chercheurs chargée de la sûreté. "
        "Baptisée « Vigie », cette équipe a été dissoute en mars. Léa Martin, fondatrice de "
        "Vigie, a quitté Orbital AI en février."
    )
    assert dissolutions_of(extractor, text) == {("Vigie", "Orbital AI")}
    assert departures_of(extractor, text) == {("Léa Martin", "Orbital AI", "departure")}


def test_a_headline_description_of_a_team_the_article_names_is_the_same_dissolution(extractor):
    text = (
        "# Orbital AI supprime sa cellule éthique\n\n"
        "La cellule « Lanterne » d'Orbital AI a été supprimée mardi, a appris notre journal."
    )
    assert dissolutions_of(extractor, text) == {("Lanterne", "Orbital AI")}


def test_a_partir_de_is_a_date_not_a_departure(extractor):
    text = (
        "Orbital AI vendra ses robots à d'autres industriels à partir de 2026, a annoncé Paul "
        "Girard, son directeur général."
    )
    assert departures_of(extractor, text) == set()


def test_two_subjects_in_long_appositions_before_a_plural_verb(extractor):
    text = (
        "Chez Mistral AI, la crise continue. Awa Ndiaye, qui dirigeait l'équipe d'évaluation, "
        "et Tom Keller, spécialiste de la détection des contenus synthétiques, ont claqué la "
        "porte mardi."
    )
    assert departures_of(extractor, text) == {
        ("Awa Ndiaye", "Mistral AI", "resignation"),
        ("Tom Keller", "Mistral AI", "resignation"),
    }


def test_a_singular_verb_keeps_its_one_subject(extractor):
    text = "Awa Ndiaye, qui travaillait avec Tom Keller, a quitté Mistral AI mardi."
    assert departures_of(extractor, text) == {("Awa Ndiaye", "Mistral AI", "departure")}


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Mistral AI s'est séparé de Paul Girard, son directeur financier, mardi.", "departure"),
        ("Paul Girard, directeur scientifique de Mistral AI, a pris sa retraite en mars.", None),
        ("Paul Girard est parti à la retraite en mars après dix ans chez Mistral AI.", None),
    ],
)
def test_french_compound_tenses_and_retirement(extractor, text, kind):
    assert departures_of(extractor, text) == {("Paul Girard", "Mistral AI", kind or "departure")}


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Jane Okoro retired from Cohere in March after twenty years.", "departure"),
        ("Jane Okoro announced her retirement from Cohere on Monday.", "departure"),
        ("Jane Okoro stepped aside as chief executive of Cohere on Monday.", "resignation"),
        (
            "Cohere cut deeply. All but one of its members were laid off that Friday, including "
            "its director, Jane Okoro.",
            "dismissal",
        ),
    ],
)
def test_english_retirement_stepping_aside_and_layoffs(extractor, text, kind):
    assert departures_of(extractor, text, "en") == {("Jane Okoro", "Cohere", kind)}


@pytest.mark.parametrize(
    "text",
    [
        "Jane Okoro, a retired Cohere engineer, said the plan was sound.",
        "Cohere changed its retirement plan for staff, Jane Okoro said.",
        "Cohere laid off the entire policy team, Jane Okoro said.",
    ],
)
def test_retired_as_a_description_and_team_layoffs_are_no_departure(extractor, text):
    assert departures_of(extractor, text, "en") == set()


def test_a_team_known_by_a_name_is_not_a_person(extractor):
    text = (
        "Cohere has shut down a research group. The group, known internally as Societal "
        "Impacts, was dismantled on Friday, when its members were laid off."
    )
    found = events_of(extractor, text, "en")
    assert {(name, org) for kind, name, org, _ in found if kind == "dissolution"} == {
        ("Societal Impacts", "Cohere")
    }
    assert not any(kind == "departure" for kind, _, _, _ in found)


def test_a_list_of_people_with_their_job_titles_before_a_plural_verb(extractor):
    text = (
        "La directrice juridique Hélène Morvan, le responsable de l'alignement des modèles "
        "Idrissa Camara et l'ingénieur principal Loïc Tanguy ont quitté Mistral AI en fin de "
        "semaine, selon plusieurs sources."
    )
    assert {person for person, _, _ in departures_of(extractor, text)} == {
        "Hélène Morvan",
        "Idrissa Camara",
        "Loïc Tanguy",
    }


@pytest.mark.parametrize(
    "text",
    [
        "Son président, Yannick Morvan, a écarté toute idée de quitter la Bretagne. Mistral AI "
        "recrute vingt ingénieurs.",
        "Le fondateur de Mistral AI, Yannick Morvan, nous a quittés vendredi, à Grenoble.",
    ],
)
def test_ruling_an_idea_out_and_a_death_are_not_departures(extractor, text):
    assert departures_of(extractor, text) == set()


def test_a_capitalised_office_ends_a_units_name_and_folding_into_is_a_merger(extractor):
    # A lab's office closed is its staff there let go: real reports label such closures (a
    # research site shut, an annotation office closed) as dissolutions, named by the place.
    found = events_of(
        extractor,
        "Cohere quietly disbanded its Responsible AI Office in October. Another team was folded "
        "into product, and Cohere closed its Paris office.",
        "en",
    )
    assert {(name, org) for kind, name, org, _ in found if kind == "dissolution"} == {
        ("Responsible AI Office", "Cohere"),
        ("Paris office", "Cohere"),
    }


def test_an_outfit_introduced_by_the_article_is_the_company_left(extractor):
    text = (
        "Halvard Labs, the Cambridge-based outfit behind a popular text model, is down one head "
        "of safety. Rosa Lindqvist has departed the company, Halvard confirmed on Monday."
    )
    assert departures_of(extractor, text, "en") == {("Rosa Lindqvist", "Halvard Labs", "departure")}


def test_a_list_set_off_by_dashes_and_semicolons(extractor):
    text = (
        "Cohere is shrinking. Three other researchers — Asha Verma, a speech scientist; Kofi "
        "Mensah, who had moved from Accra to join the company in 2023; and Lev Orlov, its only "
        "evaluation engineer — left the company in February."
    )
    assert {person for person, _, _ in departures_of(extractor, text, "en")} == {
        "Asha Verma",
        "Kofi Mensah",
        "Lev Orlov",
    }


@pytest.mark.parametrize(
    "text",
    [
        "Cohere shut down Vesper, its five-person responsible-AI unit, in January.",
        "Cohere has disbanded Vesper, the in-house group that audited its models.",
    ],
)
def test_a_team_named_in_apposition_to_its_description(extractor, text):
    found = events_of(extractor, text, "en")
    assert {(name, org) for kind, name, org, _ in found if kind == "dissolution"} == {
        ("Vesper", "Cohere")
    }


def test_a_team_the_article_named_is_not_the_person_who_left(extractor):
    text = (
        "Cohere has disbanded Plumb Wire, the in-house group that audited its models. Ana Ruiz, "
        "who founded Plumb Wire in 2019, was laid off on Tuesday. Kai Moreno, another member of "
        "the founding team, left for OpenAI last year."
    )
    assert {(p, o) for p, o, _ in departures_of(extractor, text, "en")} == {
        ("Ana Ruiz", "Cohere"),
        ("Kai Moreno", "Cohere"),
    }


def test_a_company_losing_its_director_in_a_french_headline(extractor):
    text = (
        "# Réglementation : Ombrelle perd sa directrice des affaires publiques\n\n"
        "« J'ai décidé de quitter Ombrelle à la fin du mois », a annoncé mardi sa directrice des "
        "affaires publiques, Inès Barthe. Ombrelle n'a pas souhaité commenter."
    )
    assert {(p, o) for p, o, _ in departures_of(extractor, text)} == {("Inès Barthe", "Ombrelle")}


def test_the_speaker_of_a_first_person_quote_is_who_leaves(extractor):
    text = (
        'Cohere is in turmoil. "I\'ve decided to leave Cohere," wrote Dev Raman, a senior '
        "researcher on the alignment team, in a Slack message on Wednesday."
    )
    assert {(p, o) for p, o, _ in departures_of(extractor, text, "en")} == {("Dev Raman", "Cohere")}
