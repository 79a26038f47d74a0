"""Lists as real news writes them: studios named before their plural noun or after a dash, a
second unit after the first one's apposition; people each introduced with a company of their own
("Brisel Network's X and Norcoin president Y resigned"); a company known by the post it gives
("Norcoin chief exec X"). Written in our own words with invented people, companies and studios."""

from __future__ import annotations

import pytest

from tests.helpers import found_pairs as found


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Ubisoft said it is closing its Lumen Forge, Tallow Games, and Brume Bay studios.", "en"),
        ("Ubisoft said it is closing three of its studios—Lumen Forge, Tallow Games and Brume "
         "Bay.", "en"),
    ],
)  # fmt: skip
def test_each_studio_of_a_list_is_closed(extractor, text, lang):
    assert found(extractor, text, lang, "dissolution") == {
        ("Lumen Forge", "Ubisoft"),
        ("Tallow Games", "Ubisoft"),
        ("Brume Bay", "Ubisoft"),
    }


def test_french_studios_listed_after_an_apposition(extractor):
    text = (
        "Ubisoft a annoncé la fermeture du studio Lumen Forge, le développeur du jeu Skyrift, et "
        "de Tallow Games."
    )
    assert found(extractor, text, "fr", "dissolution") == {
        ("Lumen Forge", "Ubisoft"),
        ("Tallow Games", "Ubisoft"),
    }


def test_a_second_unit_after_the_first_ones_apposition(extractor):
    text = (
        "Sony a annoncé la fermeture de Lumen Studios, le développeur du jeu Skyrift, et de Tallow "
        "Koi, une entreprise de jeux mobiles. Concernant Tallow Koi, le studio acheté en 2022, "
        "son jeu ne sortira pas."
    )
    assert found(extractor, text, "fr", "dissolution") == {
        ("Lumen Studios", "Sony"),
        ("Tallow Koi", "Sony"),
    }


def test_a_name_that_opens_a_clause_of_its_own_is_no_listed_unit(extractor):
    text = "Ubisoft a fermé le studio Arkadia et Lumenfall a été vendu."
    assert found(extractor, text, "fr", "dissolution") == {("Arkadia", "Ubisoft")}


def test_people_listed_with_companies_of_their_own_leave_each_their_own(extractor):
    text = (
        "On Wednesday, both Brisel Network’s Dana Whitlock and Norcoin president Paul Reyes "
        "resigned."
    )
    assert found(extractor, text, "en", "departure") == {
        ("Dana Whitlock", "Brisel Network"),
        ("Paul Reyes", "Norcoin"),
    }


def test_a_past_employer_of_one_of_the_people_listed_is_not_the_one_left(extractor):
    text = (
        "La start-up Kestrane a perdu mercredi son cofondateur Paul Reyes, suivi de l'ancien "
        "chercheur d'OpenAI Marc Olin, qui y retournent tous deux."
    )
    pairs = found(extractor, text, "fr", "departure")
    assert ("Marc Olin", "OpenAI") not in pairs


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Norcoin chief exec Paul Reyes announced his resignation on Tuesday.",
         {("Paul Reyes", "Norcoin")}),
        ("Brisel Labs’ co-CEO Paul Reyes announced he was stepping down.",
         {("Paul Reyes", "Brisel Labs")}),
    ],
)  # fmt: skip
def test_a_company_known_by_the_post_it_gives(extractor, text, expected):
    assert found(extractor, text, "en", "departure") == expected


def test_a_committee_is_no_person(extractor):
    text = (
        "Norcoin chief exec Paul Reyes resigned. The Creditor Review Committee said it had "
        "demanded his step down."
    )
    people = {person for person, _ in found(extractor, text, "en", "departure")}
    assert people == {"Paul Reyes"}


@pytest.mark.parametrize(
    "text",
    [
        "Netflix has shut down its AAA mobile game studio known as Blue Harbor.",
        "Netflix has shut down its mobile game studio, according to a trade site.\n\n"
        "The studio was known as Blue Harbor.",
    ],
)
def test_a_unit_known_by_a_name_given_after_its_description(extractor, text):
    assert found(extractor, text, "en", "dissolution") == {("Blue Harbor", "Netflix")}


def test_people_counted_then_listed_in_the_next_sentence(extractor):
    text = (
        "Netflix confirmed the studio had been closed, and that three hires on the team had left "
        "the company.\n\nThis included studio lead Dana Whitlock, creative director Paul Reyes, "
        "and art director Marc Olin."
    )
    assert found(extractor, text, "en", "departure") == {
        ("Dana Whitlock", "Netflix"),
        ("Paul Reyes", "Netflix"),
        ("Marc Olin", "Netflix"),
    }


def test_two_companies_left_at_once_the_first_one_unknown(extractor):
    text = (
        "Paul Reyes joined the Netflix studio in 2023. Reyes left 343 Forge and Microsoft in April "
        "2023 to lead a new game at the Netflix studio."
    )
    assert ("Paul Reyes", "Microsoft") in found(extractor, text, "en", "departure")


def test_someone_counted_among_the_departures(extractor):
    text = "Marc Olin, directeur de conception chez Blizzard, fait également partie des départs."
    assert found(extractor, text, "fr", "departure") == {("Marc Olin", "Blizzard")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the phrase before the comma is about the subject named after it
        ("Dana Whitlock devient présidente du conseil de Unity. Malgré son départ de ses "
         "fonctions, il est indiqué que Paul Reyes continuera à conseiller l’entreprise.",
         {("Paul Reyes", "Unity Technologies")}),
        # an object named after the comma is not whose departure it was
        ("Marc Olin quitte Google. Après son départ, la société a nommé Paul Reyes.",
         {("Marc Olin", "Google")}),
    ],
)  # fmt: skip
def test_whose_departure_a_phrase_opening_the_sentence_tells(extractor, text, expected):
    assert found(extractor, text, "fr", "departure") == expected


def test_a_shareholder_named_in_the_sentence_is_not_the_company_left(extractor):
    text = (
        "Paul Reyes quit when he resigned his post as the lead executive at TIM (Telecom Italia) "
        "late last Friday. It was revealed that Reyes, who has been under fire from TIM’s "
        "largest shareholder Samsung for the operator’s results, had offered to step down."
    )
    assert found(extractor, text, "en", "departure") == {("Paul Reyes", "Telecom Italia")}


def test_a_video_platform_the_gazetteer_knows_is_an_employer(extractor):
    text = "Après neuf ans à la tête de YouTube, Dana Whitlock a quitté ses fonctions en 2023."
    assert found(extractor, text, "fr", "departure") == {("Dana Whitlock", "YouTube")}


def test_a_platform_badge_is_not_an_employer(extractor):
    text = (
        "Paul Reyes, Tesla's head of batteries, resigned on Sunday. Reyes had already lost his "
        "Tesla company X badge shortly before he announced his departure on the platform."
    )
    assert found(extractor, text, "en", "departure") == {("Paul Reyes", "Tesla")}


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Un quotidien affirme que Paul Reyes, juriste en chef de Tesla, a quitté son poste chez "
         "Tesla le mois dernier. Le constructeur a démenti l'information selon laquelle Paul "
         "Reyes aurait quitté le groupe.", "fr"),
        ("A newspaper said the legal chief, Paul Reyes, left Tesla last month. Tesla replied: "
         "Paul Reyes has not left Tesla.", "en"),
    ],
)  # fmt: skip
def test_a_departure_the_article_denies_is_none(extractor, text, lang):
    assert found(extractor, text, lang, "departure") == set()


def test_a_studio_name_the_parse_splits_is_kept_whole(extractor):
    text = "Ubisoft va fermer le studio danois Press Play, créateur du jeu Skyrift."
    assert found(extractor, text, "fr", "dissolution") == {("studio danois Press Play", "Ubisoft")}


def test_a_past_post_in_the_apposition_is_not_the_company_left(extractor):
    text = (
        "Qwant perd un cadre. Paul Reyes, ancien président de Mozilla Europe, et entré dans la "
        "startup française il y a deux ans, annonce son départ."
    )
    assert found(extractor, text, "fr", "departure") == {("Paul Reyes", "Qwant")}
