"""Closures told the way news sites tell them: a studio named by its town that "closed its
doors", a studio the article placed in a town then closed ("the San Diego studio", not a
unit called "San Diego"), a team named by its field's acronym ("its XR team"), a name whose capitals
are not title case right after a headline verb ("ferme BrumeWorks"), a unit introduced by a bare
apposition ("BrumeWorks, studio créé en 2009"), an English unit name as the subject of a French
passive, and a company set off by dashes before "has shut down". Written in our own words with
invented units."""

from __future__ import annotations

import pytest

from tests.helpers import found_pairs as found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ubisoft's Leeds Studio has officially closed its doors today.",
         {("Leeds Studio", "Ubisoft")}),
        ("Back in 2019, Ubisoft opened a video game studio in San Diego. Sources say Ubisoft "
         "closed the San Diego studio in March.", {("San Diego studio", "Ubisoft")}),
        ("Mozilla shut down its XR team on Tuesday.", {("XR team", "Mozilla")}),
        ("Zynga – which made farming games for a decade – has shut down.",
         {("Zynga", "Zynga")}),
    ],
)  # fmt: skip
def test_english_closures_in_news_shapes(extractor, text, expected):
    assert found(extractor, text, "en", "dissolution") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Disney ferme BrumeWorks, la division jeux vidéo de Lucasfilm.",
         {("BrumeWorks", "Disney")}),
        ("La fermeture de Brumeworks, studio créé en 2009, a surpris. Ubisoft a fermé "
         "Brumeworks mercredi.", {("Brumeworks", "Ubisoft")}),
        ("Ubisoft réduit la voilure. Le groupe vient d'annoncer que les Blue Harbor Studios "
         "allaient tout simplement être fermés.", {("Blue Harbor Studios", "Ubisoft")}),
    ],
)  # fmt: skip
def test_french_closures_in_news_shapes(extractor, text, expected):
    assert found(extractor, text, "fr", "dissolution") == expected


def test_a_town_after_a_studio_is_no_unit_name(extractor):
    text = "Ubisoft a ouvert un studio à Lille en 2015. Ubisoft a fermé Lille cette année."
    assert found(extractor, text, "fr", "dissolution") == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # several units of one kind, told apart by a description
        ("Ubisoft a décidé de fermer ses studios de développement mobiles.",
         {("studios de développement mobiles", "Ubisoft")}),
        ("Ubisoft annonce la fermeture de tous ses laboratoires de recherche au Canada.",
         {("laboratoires de recherche", "Ubisoft")}),
        # told apart by towns: one unit per town, as before
        ("Ubisoft va fermer ses studios de Lille et de Gand.",
         {("studio de Lille", "Ubisoft"), ("studio de Gand", "Ubisoft")}),
        # the subject of a clause the closure ends, after what a newspaper reports
        ("Ubisoft renonce aux consoles portables. Un quotidien annonce que l'unité chargée des "
         "consoles est en cours de dissolution.", {("unité chargée des consoles", "Ubisoft")}),
    ],
)  # fmt: skip
def test_french_plural_units_and_reported_closures(extractor, text, expected):
    assert found(extractor, text, "fr", "dissolution") == expected


@pytest.mark.parametrize(
    "text",
    [
        "Ubisoft ferme ses studios pendant les fêtes.",
        "Ubisoft ferme ses bureaux parisiens le vendredi.",
        "Ubisoft réorganise ses équipes de développement.",
    ],
)
def test_french_plural_nouns_that_name_no_unit(extractor, text):
    assert found(extractor, text, "fr", "dissolution") == set()


def test_the_closure_of_the_studio_an_earlier_sentence_named(extractor):
    text = (
        "Ubisoft avait racheté le studio Brumeworks en 2020. Deux ans plus tard, l'éditeur "
        "annonce la fermeture du petit studio."
    )
    assert found(extractor, text, "fr", "dissolution") == {("Brumeworks", "Ubisoft")}


@pytest.mark.parametrize(
    "text",
    [
        "Ubisoft said it plans to shut down its Halyard division after December 31.",
        "Ubisoft is planning to shut down its Halyard division.",
    ],
)
def test_an_announced_plan_to_shut_down_a_unit(extractor, text):
    assert found(extractor, text, "en", "dissolution") == {("Halyard", "Ubisoft")}


def test_no_plan_to_shut_down_a_unit(extractor):
    text = "Ubisoft has no plans to shut down its Halyard division."
    assert found(extractor, text, "en", "dissolution") == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ubisoft abandonne son laboratoire de robotique.",
         {("laboratoire de robotique", "Ubisoft")}),
        ("Ubisoft a arrêté son studio de Lyon en mars.", {("studio de Lyon", "Ubisoft")}),
        ("Ubisoft a tiré un trait sur son laboratoire de Lyon.",
         {("laboratoire de Lyon", "Ubisoft")}),
        ("Ubisoft abandonne son projet de voiture autonome.", set()),
        ("Ubisoft a tiré un trait sur ses ambitions mobiles.", set()),
        ("La police a arrêté le directeur du centre.", set()),
    ],
)  # fmt: skip
def test_a_french_unit_given_up(extractor, text, expected):
    assert found(extractor, text, "fr", "dissolution") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # studios named as proper names, listed after the verb or as its subject
        ("Ubisoft announced that it will close down both Lumen Digital Leeds and Kaos Studios.",
         {("Lumen Digital Leeds", "Ubisoft"), ("Kaos Studios", "Ubisoft")}),
        ("Ubisoft will shut down Kaos Studios.", {("Kaos Studios", "Ubisoft")}),
        ("Ubisoft confirmed the news. After its last release, Kaos Studios will be shut down.",
         {("Kaos Studios", "Ubisoft")}),
        # a lab described in plain words, "and" included, goes by where it is
        ("Ubisoft said it had closed its research and development lab in India.",
         {("research and development lab in India", "Ubisoft")}),
        # a company the gazetteer knows is no team of the company closing something
        ("The shutdown was a result of restructuring at parent company Embracer Group.", set()),
    ],
)  # fmt: skip
def test_english_units_named_as_proper_names(extractor, text, expected):
    assert found(extractor, text, "en", "dissolution") == expected
