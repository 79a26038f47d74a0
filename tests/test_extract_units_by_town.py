"""Units a closure tells apart only by their towns ("ses bureaux de Lyon et de Porto", "deux
studios : celui de Lille et celui de Gand", "its offices in Leeds and Porto"), and studios closed
under their own name right after the verb, an adverb between ("fermer définitivement
Brumelight"). Written in our own words, with invented studios and towns."""

from __future__ import annotations

import pytest

from tests.helpers import found_pairs as found


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # one unit per town, after a plural unit noun
        (
            "Ubisoft ferme ses bureaux de Lyon et d'Orléans.",
            "fr",
            {("bureau de Lyon", "Ubisoft"), ("bureau d'Orléans", "Ubisoft")},
        ),
        (
            "Ubisoft a fermé deux de ses studios : celui de la Rochelle et, plus tard, celui de "
            "Gand.",
            "fr",
            {("studio de la Rochelle", "Ubisoft"), ("studio de Gand", "Ubisoft")},
        ),
        (
            "Ubisoft is closing its offices in Leeds and Porto.",
            "en",
            {("Leeds office", "Ubisoft"), ("Porto office", "Ubisoft")},
        ),
        (
            "Ubisoft is closing two studios: the one in Leeds and, later, the one in Porto.",
            "en",
            {("Leeds studio", "Ubisoft"), ("Porto studio", "Ubisoft")},
        ),
        # the tagger reads "ferme" as an adjective; an adverb before the object
        (
            "L'éditeur Ubisoft ferme complètement ses studios de Lyon et de Porto.",
            "fr",
            {("studio de Lyon", "Ubisoft"), ("studio de Porto", "Ubisoft")},
        ),
        # a plural unit noun with no town after it names no unit (told apart by a description,
        # "ses studios de développement" are units: see test_extract_units_closed_in_news_shapes)
        ("Ubisoft ferme ses studios.", "fr", set()),
        # "de" then the owner: no town
        ("Cohere ferme les bureaux d'Ubisoft à la fin du contrat de location.", "fr", set()),
    ],
)
def test_one_unit_per_town(extractor, text, lang, expected):
    assert found(extractor, text, lang, "dissolution") == expected


def test_this_closure_of_the_towns_studios_is_the_closure_told_before(extractor):
    text = (
        "Ubisoft ferme son studio Brume Interactive. Cette fermeture des studios de Lyon et de "
        "Porto touche 150 personnes."
    )
    assert found(extractor, text, "fr", "dissolution") == {("Brume Interactive", "Ubisoft")}


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Embracer Group will fully shut down Brumelight, the studio that made a racing game "
            "last year.",
            "en",
        ),
        ("Embracer Group has shut down Brumelight, its racing-game studio.", "en"),
        (
            "Embracer Group va fermer définitivement Brumelight, le studio d'un jeu de course "
            "sorti l'an dernier.",
            "fr",
        ),
    ],
)
def test_a_studio_closed_under_its_own_name_right_after_the_verb(extractor, text, lang):
    assert found(extractor, text, lang, "dissolution") == {("Brumelight", "Embracer Group")}
