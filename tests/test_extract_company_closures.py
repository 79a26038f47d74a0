"""A whole company closing down is a dissolution whose unit is the company itself ("la start-up
ferme ses portes", "has ceased operations", "Shuts Down" in a headline); what a company closes
inside itself stays a team's, and threats or figures of speech are none. Written in our own
words with invented companies."""

from __future__ import annotations

import pytest

from tests.helpers import found_pairs as found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("La start-up Kairn, qui concevait des robots compagnons, ferme ses portes.",
         {("Kairn", "Kairn")}),
        ("La start-up Kairn a annoncé sa fermeture le 12 mai 2023.", {("Kairn", "Kairn")}),
        ("La start-up Kairn cesse dès ce lundi toutes ses activités.", {("Kairn", "Kairn")}),
        ("Faute d'investisseurs, la start-up Kairn a été placée en liquidation judiciaire.",
         {("Kairn", "Kairn")}),
        ("La start-up Kairn a fait faillite en mars.", {("Kairn", "Kairn")}),
        ("Le robot ne répondra plus après la faillite de son fabricant, la start-up Kairn.",
         {("Kairn", "Kairn")}),
        # a name the parser does not take for a company, told as one by its description
        ("Vaulme Mobility, l'une des start-up les plus suivies du véhicule autonome, "
         "annonce sa fermeture.",
         {("Vaulme Mobility", "Vaulme Mobility")}),
        ("Vaulme Mobility en liquidation après deux ans sans repreneur",
         {("Vaulme Mobility", "Vaulme Mobility")}),
    ],
)  # fmt: skip
def test_a_french_company_closing_is_its_own_dissolution(extractor, text, expected):
    assert found(extractor, text, "fr", "dissolution") == expected


@pytest.mark.parametrize(
    "text",
    [
        "La start-up Kairn pourrait fermer ses portes d'ici l'été.",
        "La start-up Kairn ferme ses portes aux investisseurs étrangers.",
        "La start-up Kairn ne cesse pas ses activités.",
        "La start-up Kairn a évité de justesse la faillite l'an dernier.",
        # a trade show closes its doors every year
        "Le salon VivaTech a fermé ses portes samedi, après quatre jours de démonstrations.",
    ],
)
def test_a_french_threat_or_figure_of_speech_closes_nothing(extractor, text):
    assert found(extractor, text, "fr", "dissolution") == set()


def test_a_french_company_closing_a_lab_dissolves_the_lab_not_the_company(extractor):
    text = "La start-up Kairn a annoncé la fermeture de son laboratoire de Lyon."
    assert ("Kairn", "Kairn") not in found(extractor, text, "fr", "dissolution")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kairn Robotics Shuts Down", {("Kairn Robotics", "Kairn Robotics")}),
        ("Word that Kairn Robotics, the maker of the Mola home robot, had shut down stunned "
         "its investors.",
         {("Kairn Robotics", "Kairn Robotics")}),
        ("Kairn Robotics has ceased operations, its founder said on Monday.",
         {("Kairn Robotics", "Kairn Robotics")}),
        ("Kairn Robotics, the maker of the Mola home robot, closed its doors in April.",
         {("Kairn Robotics", "Kairn Robotics")}),
        # a two-word name the capitals alone would make a person's
        ("Vaulme Mobility has shut down all operations, its founder wrote.",
         {("Vaulme Mobility", "Vaulme Mobility")}),
    ],
)  # fmt: skip
def test_an_english_company_closing_is_its_own_dissolution(extractor, text, expected):
    assert found(extractor, text, "en", "dissolution") == expected


@pytest.mark.parametrize(
    "text",
    [
        "Kairn Robotics shut down its Boston lab in March.",
        "Kairn Robotics may shut down next year.",
        "Kairn Robotics could go out of business next year.",
        "Kairn Robotics closed its doors to new investors.",
    ],
)
def test_an_english_unit_threat_or_figure_of_speech_is_no_company_closing(extractor, text):
    assert ("Kairn Robotics", "Kairn Robotics") not in found(extractor, text, "en", "dissolution")
