"""Constructions read in real articles, rewritten in our own words with invented people and
companies: who reports the news ("Selon X de Bloomberg, Y quitte ..."), a bare participle after a
name ("Y, chercheur, parti chez Meta"), a heading inside the article, another person's employer
earlier in the sentence, "un coup dur pour" (no destination), and a unit's name said short."""

from __future__ import annotations

import pytest

from tests.helpers import found_pairs as found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the reporter in a leading "Selon ..." phrase is not who leaves
        ("Selon Marc Dupont de Bloomberg, Paul Durand, chercheur en vision, quitte l'équipe "
         "des modèles de langue de Cohere pour rejoindre Meta.", {("Paul Durand", "Cohere")}),
        # a bare participle describes the name before it; another's destination is not left
        ("Cohere perd encore des chercheurs. La liste compte Paul Durand, ingénieur basé à "
         "Lyon parti chez Mistral AI, et Jean Roy, l'un des plus anciens chercheurs restant, "
         "parti chez Meta.", {("Paul Durand", "Cohere"), ("Jean Roy", "Cohere")}),
        # "un coup dur pour X" names who suffers the loss, not where the person goes
        ("Le directeur de la recherche de Cohere, Paul Durand, a déclaré mardi qu'il "
         "démissionnait, dans un coup dur pour l'unité Kestrel Group.",
         {("Paul Durand", "Cohere")}),
    ],
)  # fmt: skip
def test_who_leaves_what_in_french(extractor, text, expected):
    assert found(extractor, text, "fr", "departure") == expected


def test_a_heading_inside_the_article_gives_no_name_from_above(extractor):
    text = (
        "Cohere perd un cadre. Paul Durand travaillait sous les ordres de Marc Dupont.\n\n"
        "Exode : le responsable de la robotique de Cohere et trois chercheurs claquent la porte"
        "\n\nLe reste de l'équipe reste en place."
    )
    assert found(extractor, text, "fr", "departure") == set()


def test_another_persons_employer_earlier_in_the_sentence_is_not_theirs(extractor):
    text = (
        "Paul Durand, directeur de la recherche de Cohere, a démissionné mardi. "
        "La chercheuse de Kestrel Labs, Jeanne Roy, a décrit le départ de Durand comme une perte."
    )
    assert found(extractor, text, "fr", "departure") == {("Paul Durand", "Cohere")}


def test_a_one_word_name_ending_a_known_longer_name_is_that_name(extractor):
    # "Google Brain" is a gazetteer name for Google; "Brain" alone later is the same
    text = (
        "Paul Durand a participé au projet Google Brain. "
        "Jeanne Roy, un des premiers membres de Brain, a quitté Brain en mai."
    )
    assert found(extractor, text, "fr", "departure") == {("Jeanne Roy", "Google")}
