"""People an article counts before it names them ("cinq ingénieurs sont partis : ..."), people set
before a counted apposition ("X et Y, deux responsables de ..."), someone who "did the same" as
a person who left, a whole team laid off, and a unit named by what it became; written in our own
words with invented people (real company names where the gazetteer must know them)."""

from __future__ import annotations

import pytest

from tests.helpers import found_pairs as found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the tagger reads "partis" as a noun (a political party); the colon lists who left
        ("Chez Tesla, trois ingénieurs sont partis : Paul Marchal, Jean Vidal et Lise Caron.",
         {("Paul Marchal", "Tesla"), ("Jean Vidal", "Tesla"), ("Lise Caron", "Tesla")}),
        # unnamed people and a destination in a relative clause stand between the names
        ("Chez Tesla, quatre chercheurs sont partis : deux spécialistes des capteurs, une "
         "ingénieure qui rejoint Cruise, et Paul Marchal, arrivé en 2019.",
         {("Paul Marchal", "Tesla")}),
        ("Paul Marchal a tiré parti de son passage chez Tesla.", set()),
    ],
)  # fmt: skip
def test_people_a_colon_lists_after_a_counted_subject(extractor, text, expected):
    assert found(extractor, text, "fr", "departure") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Paul Marchal et Jean Vidal, deux responsables de Google, ont démissionné.",
         {("Paul Marchal", "Google"), ("Jean Vidal", "Google")}),
        # who says it is not who leaves
        ("Selon Paul Marchal, deux responsables de Google ont démissionné.", set()),
    ],
)  # fmt: skip
def test_people_before_a_counted_apposition(extractor, text, expected):
    assert found(extractor, text, "fr", "departure") == expected


def test_people_a_colon_lists_in_english(extractor):
    text = "Five key engineers have left Tesla: Paul Wren, Ann Lee and Tom Hale."
    assert found(extractor, text, "en", "departure") == {
        ("Paul Wren", "Tesla"),
        ("Ann Lee", "Tesla"),
        ("Tom Hale", "Tesla"),
    }


def test_doing_the_same_as_someone_who_left_is_leaving(extractor):
    text = (
        "Tom Hale announced his departure from Cohere on Friday with a short post. "
        "So long! It was a joy! Time for something new. "
        "Ann Lee and Paul Wren had done the same thing on Wednesday."
    )
    assert found(extractor, text, "en", "departure") >= {
        ("Ann Lee", "Cohere"),
        ("Paul Wren", "Cohere"),
    }


def test_the_same_path_taken_after_a_departure_leaves_the_same_company(extractor):
    text = (
        "Tom Hale left Google in 2021 to found Brindle. "
        "The same path was followed by Ann Lee that autumn."
    )
    assert found(extractor, text, "en", "departure") == {
        ("Tom Hale", "Google"),
        ("Ann Lee", "Google"),
    }


def test_doing_the_same_as_someone_who_joined_is_not(extractor):
    text = "Tom Hale joined Cohere in 2020. Ann Lee did the same a year later."
    assert found(extractor, text, "en", "departure") == set()


def test_a_whole_team_to_be_laid_off_is_dissolved(extractor):
    text = "At Cohere, the memo said the whole simulation team will be laid off by June."
    assert found(extractor, text, "en", "dissolution") == {("simulation team", "Cohere")}
    text = "Cohere said two members of the simulation team will be laid off."
    assert found(extractor, text, "en", "dissolution") == set()


def test_a_company_name_closed_by_a_suffix_is_not_a_person(extractor):
    text = (
        "Tom Hale is leaving Harrow AI, the robotics company said. Harrow AI, registered as "
        "Harrow Cognitive Systems Corp., builds warehouse robots. Ann Lee, its other "
        "co-founder, left the company in April."
    )
    assert found(extractor, text, "en", "departure") == {
        ("Tom Hale", "Harrow AI"),
        ("Ann Lee", "Harrow AI"),
    }


def test_this_subsidiary_is_the_unit_the_sentence_before_said_it_became(extractor):
    text = (
        "Née dans un incubateur de Google, Vigie est devenue une filiale d'Alphabet en 2021. "
        "Alphabet a annoncé que cette filiale sera fermée."
    )
    assert {team for team, _ in found(extractor, text, "fr", "dissolution")} == {"Vigie"}


def test_a_site_named_by_a_place_is_the_lab_named_before_with_it(extractor):
    text = (
        "IBM said on Monday it had closed its Lisbon-based Harbour Research Laboratory. With the "
        "Lisbon site closed, staff move to other labs."
    )
    assert {team for team, _ in found(extractor, text, "en", "dissolution")} == {
        "Lisbon-based Harbour Research Laboratory"
    }
    # two names that share no capitalised word stay two teams
    text = "Meta disbanded its Vigil team in May. Meta also disbanded its Compass team in June."
    assert {team for team, _ in found(extractor, text, "en", "dissolution")} == {"Vigil", "Compass"}


def test_people_named_after_a_la_savoir_are_those_the_count_announced(extractor):
    text = (
        "Deux membres du conseil de Kestrel, à savoir Alma Ferreira et Jonas Vidal, quittent "
        "l'entreprise. Quant à Vidal, il n'explique pas son départ."
    )
    assert found(extractor, text, "fr", "departure") == {
        ("Alma Ferreira", "Kestrel"),
        ("Jonas Vidal", "Kestrel"),
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kestrel traverse une crise. Deux membres du conseil ont aussi remis leur démission, "
         "Alma Ferreira, ancienne responsable de la division cloud, et Jonas Vidal.",
         {("Alma Ferreira", "Kestrel"), ("Jonas Vidal", "Kestrel")}),
        ("Kestrel a indiqué avoir été informée par Alma Ferreira et Jonas Vidal de leur "
         "démission du conseil d'administration.",
         {("Alma Ferreira", "Kestrel"), ("Jonas Vidal", "Kestrel")}),
        # the people named after the comma are who said it, not who left
        ("Deux chercheurs ont quitté Kestrel, selon Alma Ferreira et Jonas Vidal.", set()),
    ],
)  # fmt: skip
def test_people_a_count_announced_named_after_the_clause(extractor, text, expected):
    assert found(extractor, text, "fr", "departure") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Cohere announced Monday that chief executive Dana Reyes would retire in May.",
         {("Dana Reyes", "Cohere")}),
        ("Dana Reyes would retire if the board asked her to.", set()),
        ("Mr Tom Okafor chaired Cohere for a decade. Mr Okafor will no longer serve on the "
         "Cohere board, the company said.", {("Tom Okafor", "Cohere")}),
    ],
)  # fmt: skip
def test_reported_retirements_and_board_seats_given_up(extractor, text, expected):
    assert found(extractor, text, "en", "departure") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Après le départ de Paul Roux, celui de Lina Costa a été annoncé lundi par Cohere.",
         {("Paul Roux", "Cohere"), ("Lina Costa", "Cohere")}),
        ("Cohere a confirmé le départ de Paul Roux, après ceux de Lina Costa et de Marc Vidal.",
         {("Paul Roux", "Cohere"), ("Lina Costa", "Cohere"), ("Marc Vidal", "Cohere")}),
        ("Paul Roux a quitté Cohere en mai. Son départ suit celui de Lina Costa, partie chez "
         "Meta.", {("Paul Roux", "Cohere"), ("Lina Costa", "Cohere")}),
        ("La démission de Paul Roux chez Cohere arrive une semaine après celle de Lina Costa.",
         {("Paul Roux", "Cohere"), ("Lina Costa", "Cohere")}),
        # "celui" stands for the salary said of Paul Roux, not for a departure
        ("Le départ de Marc Vidal de Cohere a surpris. Le salaire de Paul Roux dépasse celui de "
         "Lina Costa.", {("Marc Vidal", "Cohere")}),
    ],
)  # fmt: skip
def test_that_of_someone_after_a_departure_is_a_second_departure(extractor, text, expected):
    assert found(extractor, text, "fr", "departure") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a number of those just told, named after a colon
        ("Capgemini perd ses chefs de bureau. Trois d'entre eux sont partis en mai : Yves Roux, "
         "qui dirigeait Lille, et Jacques Morel, chargé des ventes.",
         {("Yves Roux", "Capgemini"), ("Jacques Morel", "Capgemini")}),
        # an adverb inside an idiom
        ("Capgemini s'est ainsi séparé de son directeur régional, Philippe Roux.",
         {("Philippe Roux", "Capgemini")}),
        ("Paul Roux a finalement claqué la porte de Capgemini.", {("Paul Roux", "Capgemini")}),
        ("Capgemini ne s'est finalement pas séparé de Philippe Roux.", set()),
    ],
)  # fmt: skip
def test_some_of_them_named_after_a_colon_and_adverbs_in_idioms(extractor, text, expected):
    assert found(extractor, text, "fr", "departure") == expected
