"""Exodus paragraphs, rewritten in our own words with invented people: a paragraph says a group
left a company, then tells each person only by where they went. Each joining is a departure from
that company; a joining elsewhere, or one told without a group leaving, is only a hiring. A list
of those poached goes on after a long description when "ainsi que" takes it up again."""

from __future__ import annotations

import pytest

from tests.helpers import found_pairs as found

_GROUP_LEFT = (
    "Moins de deux mois après la réorganisation, au moins sept employés, dont des chercheurs "
    "et un responsable produit, ont quitté Cohere. Ces départs touchent surtout des cadres "
    "expérimentés. "
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # several sentences after the group, each person told by where they went
        (_GROUP_LEFT + "Paul Durand a passé dix ans dans le groupe. Jeanne Roy, spécialiste "
         "des puces, a rejoint Mistral AI comme directrice technique. Marc Leroy, ancien "
         "responsable produit, a rejoint Anthropic pour des projets spéciaux.",
         {("Jeanne Roy", "Cohere"), ("Marc Leroy", "Cohere")}),
        # a noun of many leaving names the company too
        ("Une vague de départs secoue Cohere depuis l'été. Jeanne Roy a rejoint Anthropic.",
         {("Jeanne Roy", "Cohere")}),
        # the company the group left is not one the person joins
        (_GROUP_LEFT + "Jeanne Roy a rejoint Cohere en 2019.", set()),
        # no group left anything: a joining alone is a hiring
        ("Cohere recrute activement. Jeanne Roy a rejoint Anthropic en mai.", set()),
        # a board seat is held alongside a post
        (_GROUP_LEFT + "Jeanne Roy a rejoint le conseil d'administration d'Anthropic.", set()),
        # the group's news ends with the paragraph
        (_GROUP_LEFT + "\n\nJeanne Roy a rejoint Anthropic en mai.", set()),
    ],
)  # fmt: skip
def test_joining_after_a_group_left(extractor, text, expected):
    assert found(extractor, text, "fr", "departure") == expected


def test_a_purpose_clause_leaves_the_leaving_to_its_own_words(extractor):
    text = (
        "L'Exode des Cadres Continue chez Cohere\n"
        "Paul Durand a annoncé son départ de Mistral AI pour rejoindre Anthropic."
    )
    assert found(extractor, text, "fr", "departure") == {("Paul Durand", "Mistral AI")}


def test_a_list_taken_up_again_after_a_long_description(extractor):
    text = (
        "Microsoft a débauché plusieurs chercheurs de Google DeepMind. Parmi eux, Paul Roy et "
        "Anne Vidal, deux développeurs clés de l'outil audio « Lumen », qui convertit des textes "
        "en podcasts, ainsi que Marc Lenoir, un expert en vision."
    )
    assert found(extractor, text, "fr", "departure") == {
        ("Paul Roy", "Google DeepMind"),
        ("Anne Vidal", "Google DeepMind"),
        ("Marc Lenoir", "Google DeepMind"),
    }
