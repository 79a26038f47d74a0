"""Departures told in a quote that runs on, as the subject of what they cause, as a time that is
over, or with an emphatic "did"; jobs cut in a unit that stays, and a unit closed with a verb
the lemmatizer leaves as it is; rewritten in our own words with invented people and units."""

from __future__ import annotations

import pytest

from tests.helpers import found_pairs as found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a French quote runs on over two sentences before it is attributed
        ("Google perd le patron de sa voiture autonome. « Après huit belles années, j'ai "
         "choisi de démissionner pour bâtir autre chose. Vendredi est mon dernier jour dans "
         "l'équipe », écrit Paul Roy, directeur technique de Google.", {("Paul Roy", "Google")}),
        # the modal is about what the departure causes, not about the departure
        ("Tesla veut lancer son robotaxi. Mais le départ de Paul Roy, un pilier de l'équipe "
         "matérielle du pilote automatique, pourrait retarder ces plans.", {("Paul Roy", "Tesla")}),
        # ... but whether it happens, or is announced, is still in doubt
        ("Le départ de Paul Roy de Tesla pourrait intervenir en mai.", set()),
        ("Le départ de Paul Roy de Tesla devrait être annoncé lundi.", set()),
        # a time at a company told as over
        ("« Mon parcours chez Cohere s'est malheureusement terminé », a écrit Julie Perrin, "
         "directrice du marketing.", {("Julie Perrin", "Cohere")}),
        ("Julie Perrin a annoncé la fin de son aventure chez Mistral AI.",
         {("Julie Perrin", "Mistral AI")}),
        ("Julie Perrin poursuit son aventure chez Mistral AI.", set()),
        ("Julie Perrin raconte son parcours chez Cohere et termine par un conseil.", set()),
        # the parse may hang the noun on the opening quote
        ("Les anciens employés occupaient surtout des postes dans la communication.\n\n« Mon "
         "parcours avec DataRobot s’est malheureusement terminé. L’entreprise a dû réduire ses "
         "effectifs », a écrit Julie Perrin, ancienne directrice chez DataRobot.",
         {("Julie Perrin", "DataRobot")}),
    ],
)  # fmt: skip
def test_french(extractor, text, expected):
    assert found(extractor, text, "fr", "departure") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an emphatic "did leave"; a comma ends what "joining" governs
        ("Uber bought the start-up in 2016. And while its CEO Paul Roy did leave just a few "
         "months after joining, Uber was quick to promote another cofounder.",
         {("Paul Roy", "Uber")}),
        # an English quote is attributed after its first sentence: the next one is not the
        # speaker's ("I quit Twitter" here is about the social network)
        ('Researchers are moving to Mastodon. "I quit Twitter on Saturday. I\'m not going '
         'back," said Jane Doe, a researcher at a large company.', set()),
    ],
)  # fmt: skip
def test_english(extractor, text, expected):
    assert found(extractor, text, "en", "departure") == expected


def test_jobs_cut_in_a_unit_named_in_a_headline_is_no_dissolution(extractor):
    # the parse may take the unit's name for a second object of "supprime"
    text = "Meta supprime 600 postes dans sa division Vigie (Visual Intelligence Group)"
    assert found(extractor, text, "fr", "dissolution") == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "quitter son emploi" is a post left, like "quitter son poste"
        ("Paul Roy, le dernier cofondateur encore en poste chez Apple, a annoncé qu'il quittait "
         "son emploi pour se consacrer à des projets personnels.", {("Paul Roy", "Apple")}),
        # a reported future hung by the parse on "une note"
        ("Paul Roy a annoncé mardi dans une note interne qu'il quitterait ses fonctions de "
         "directeur général de Cohere.", {("Paul Roy", "Cohere")}),
        # ... but not on a condition, even as "s'il"
        ("Paul Roy a annoncé dans une note qu'il quitterait Cohere s'il n'obtenait pas de "
         "hausse.", set()),
        # after a colon a new clause opens, with its own subject
        ("Marc Roy, le patron d'Amazon, a annoncé la nouvelle sur le site : Paul Vidal, jusqu'ici "
         "patron d'AWS, a quitté son poste.", {("Paul Vidal", "Amazon")}),
    ],
)  # fmt: skip
def test_posts_reports_and_colons_in_french(extractor, text, expected):
    assert found(extractor, text, "fr", "departure") == expected


def test_a_list_set_apart_by_semicolons_with_job_titles_in_capitals(extractor):
    text = (
        "Tesla's software chief is stepping down. In recent months, there have been a string of "
        "executive departures, including Ruth Adler, Principal CAE Crash Safety Engineer; Tom "
        "Hale, Global Vehicle Automation and Safety Policy Lead; and CIO Dan Webb."
    )
    assert found(extractor, text, "en", "departure") == {
        ("Ruth Adler", "Tesla"),
        ("Tom Hale", "Tesla"),
        ("Dan Webb", "Tesla"),
    }


@pytest.mark.parametrize(
    "text",
    [
        "Google ferme sa division robotique.",
        "Meta ferme sa branche dédiée à la robotique, créée en 2015 par Paul Roy.",
    ],
)
def test_a_unit_closed_when_the_lemmatizer_leaves_ferme_as_it_is(extractor, text):
    assert len(found(extractor, text, "fr", "dissolution")) == 1
