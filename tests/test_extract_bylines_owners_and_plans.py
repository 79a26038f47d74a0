"""Constructions met in business dispatches, written in our own words with invented people: a
dateline or a weekday is no employer, a group told after a name is who left, a partner of
someone is not that someone, the owner of the company left is not the company left, a name
given with an initial is the full name told before, a politician's resignation has no
employer; units closed "in plans", named with their owner, said to be closing, or introduced as
a studio of the company the article is about."""

from __future__ import annotations

import pytest

from tests.helpers import found_pairs as found


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # a dateline is a place, and a weekday opening a sentence is no company
        ("NEW YORK, États-Unis - Paul Roux, patron de Capgemini, quitte le conseil de "
         "l'entreprise.", "fr", {("Paul Roux", "Capgemini")}),
        ("Tesla is losing executives. • On Friday, Chief Accounting Officer Paul Reed resigned.",
         "en", {("Paul Reed", "Tesla")}),
        # a group told in its own clause after a name is who left, not the name
        ("Shares of Tesla fell after CEO Paul Reed spoke on video and two senior executives "
         "left the company.", "en", set()),
        ("Paul Reed, Tesla's head of sales, and two senior engineers left the company in May.",
         "en", {("Paul Reed", "Tesla")}),
        # where someone else went, written with a hyphenated word, is no employer of the next
        ("Anna Berg moved to ride-hailing company Lyft. Paul Reed, the chief accounting officer "
         "of Tesla, left in March.", "en", {("Paul Reed", "Tesla")}),
        # the partner of a founder left, not the founder
        ("L'associé de Paul Roux a quitté Capgemini en bons termes.", "fr", set()),
        # the owner of the company left is not the company left
        ("Paul Roux a démissionné de Capgemini, détenue à 51 % par le groupe Atos.", "fr",
         {("Paul Roux", "Capgemini")}),
        # a politician's resignation, told in a business story, has no employer
        ("Capgemini aurait versé des fonds à une proche de la présidente de la Corée du Sud, "
         "Paul Roux, qui a entre-temps démissionné.", "fr", set()),
        # moving to another post in the same company is a change of role
        ("Google announced that Paul Reed would leave his position as head of its Android "
         "division for an unnamed job at the company.", "en", set()),
        ("Paul Roux, dirigeant historique de Capgemini, est annoncé partant.", "fr",
         {("Paul Roux", "Capgemini")}),
        ("Paul Roux, le PDG de Capgemini, a annoncé sur X que l'entreprise grandissait.", "fr",
         set()),
    ],
)  # fmt: skip
def test_who_left_and_which_company(extractor, text, lang, expected):
    assert found(extractor, text, lang, "departure") == expected


def test_a_name_with_an_initial_is_the_full_name_told_before(extractor):
    text = "Le départ de Sanjay Roux de Capgemini est acté. S. Roux a démissionné lundi."
    assert found(extractor, text, "fr", "departure") == {("Sanjay Roux", "Capgemini")}


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Nokia plans to close the R&D department in the Philippines.", "en",
         {("R&D department in the Philippines", "Nokia")}),
        ("Nokia announced that it is planning to close its research lab in Oulu.", "en",
         {("research lab in Oulu", "Nokia")}),
        ("Nokia has no plans to close its research lab in Oulu.", "en", set()),
        ("The Nokia Research Centre in Tampere will close by the end of the year.", "en",
         {("Nokia Research Centre in Tampere", "Nokia")}),
        ("Le jeu Orage, mené par le studio Brumes, est annulé. Ce studio, créé par Microsoft en "
         "2018, est en cours de fermeture.", "fr", {("Brumes", "Microsoft")}),
        ("Microsoft a racheté Bethesda. Orbel Studio, le studio de Bethesda à Austin, a annoncé "
         "sa fermeture.", "fr", {("Orbel Studio", "Bethesda")}),
    ],
)  # fmt: skip
def test_units_closed_in_plans_by_their_full_name_or_under_way(extractor, text, lang, expected):
    assert found(extractor, text, lang, "dissolution") == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # units in different towns are different units, even when neither has a proper name
        ("Nokia will close its research lab in Oulu. In addition to the Oulu closure, Nokia is "
         "closing its research and development facility in Ulm.", "en",
         {("research lab in Oulu", "Nokia"),
          ("research and development facility in Ulm", "Nokia")}),
        ("Nokia is closing its manufacturing facility in Salo.", "en", set()),
        # towns standing for the sites of a company closing several
        ("Intel ferme plusieurs sites en France. Les fermetures de Toulouse et de Sophia-Antipolis "
         "sont mal vécues.", "fr", {("Toulouse", "Intel"), ("Sophia-Antipolis", "Intel")}),
        # an aside between the closure and what closes
        ("Capgemini a annoncé la fermeture, en 2026, de son laboratoire de Pessac.", "fr",
         {("laboratoire de Pessac", "Capgemini")}),
        # the unit someone works in, named before "the planned closure", is not what closes
        ("Nokia will close its Oulu site. Paul Reed, senior vice president at Nokia's devices "
         "unit, described the planned closure as unavoidable.", "en", {("Oulu site", "Nokia")}),
    ],
)  # fmt: skip
def test_several_sites_and_what_a_closure_is_of(extractor, text, lang, expected):
    assert found(extractor, text, lang, "dissolution") == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Ubisoft is closing three studios:\n- Lumen Forge (mobile games)\n- Tallow Works\n"
         "The company said the move would save money.\n", "en",
         {("Lumen Forge", "Ubisoft"), ("Tallow Works", "Ubisoft")}),
        ("Ubisoft a fermé deux studios :\n- Lumen Forge (jeux mobiles)\n- Tallow Works\n"
         "Le groupe veut économiser.\n", "fr",
         {("Lumen Forge", "Ubisoft"), ("Tallow Works", "Ubisoft")}),
        ("Ubisoft a présenté ses studios :\n- Lumen Forge\n- Tallow Works\n", "fr", set()),
    ],
)  # fmt: skip
def test_units_a_closure_lists_one_per_line(extractor, text, lang, expected):
    assert found(extractor, text, lang, "dissolution") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the old name of a platform is no employer
        ("Paul Reed resigned from Anthropic. In his note, posted on X (formerly Twitter), Reed "
         "announced that he was quitting.", {("Paul Reed", "Anthropic")}),
        # a participle opening a sentence is no first name; "this meant leaving" is no event
        ("Paul Reed wrote a long post. Quoting Anna Berg, he said that for him, this meant "
         "leaving.", set()),
        # a product that "exited to" another unit is no person leaving
        ("Touring Kite, a travel app that exited to Commerce, was one of Google's projects.",
         set()),
        # initials before a surname; an announced resignation
        ("Anna Berg will leave Nokia next month, while J.T. Bergqvist, the head of its networks "
         "unit, will resign on Jan. 31.", {("Anna Berg", "Nokia"), ("J.T. Bergqvist", "Nokia")}),
        ("Anna Berg said she would resign from Nokia if the board asked her to.", set()),
    ],
)  # fmt: skip
def test_platforms_participles_products_and_initials(extractor, text, expected):
    assert found(extractor, text, "en", "departure") == expected


def test_a_post_abbreviated_is_no_company(extractor):
    text = (
        "Vivendi a démis de ses fonctions le DG de Canal+, Paul Roux. Il est remplacé par Anna "
        "Berg, qui était auparavant DG adjoint."
    )
    assert found(extractor, text, "fr", "departure") == {("Paul Roux", "Canal+")}


def test_studios_named_after_their_kind_close_inside_the_company(extractor):
    text = (
        "La plateforme de Google voit les deux studios de développement Brume Games and "
        "Entertainment fermer leurs portes."
    )
    assert found(extractor, text, "fr", "dissolution") == {
        ("Brume Games and Entertainment", "Google")
    }


def test_a_unit_said_to_be_based_somewhere_goes_by_that_place(extractor):
    text = "Ubisoft a décidé de fermer les portes de son studio basé dans les quartiers de Porto."
    assert found(extractor, text, "fr", "dissolution") == {
        ("studio basé dans les quartiers de Porto", "Ubisoft")
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a group as the subject, its members named after the verb
        ("Une grande partie des dirigeants de Capgemini ont été évincés jeudi, parmi lesquels le "
         "PDG Paul Roux et le directeur financier Anna Berg.",
         {("Paul Roux", "Capgemini"), ("Anna Berg", "Capgemini")}),
        # what a rumour announced is no departure
        ("Une rumeur lancée par un quotidien annonçait le départ imminent de Paul Roux de son "
         "poste de PDG de Capgemini.", set()),
        # the successor's past employer is not what the person replaced left
        ("Paul Roux quitte Capgemini. Il sera remplacé par l'ancienne cadre de Microsoft, Anna "
         "Berg.", {("Paul Roux", "Capgemini")}),
    ],
)  # fmt: skip
def test_groups_named_after_rumours_and_successors(extractor, text, expected):
    assert found(extractor, text, "fr", "departure") == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # a game named after its kind is no company; a participle opening a sentence neither
        ("The company behind the hit mobile game Angry Kites has shut its London studio. "
         "Declaring the closure of its London studio, Ubisoft said it would focus on Finland.",
         "en", {("London studio", "Ubisoft")}),
    ],
)  # fmt: skip
def test_products_and_participles_are_no_owners(extractor, text, lang, expected):
    assert found(extractor, text, lang, "dissolution") == expected


def test_who_replaced_someone_brings_no_employer_of_theirs(extractor):
    text = (
        "Nokia is changing its leaders. A few days ago, Paul Reed was replaced by Anna Berg, "
        "former head of Microsoft's business unit."
    )
    assert found(extractor, text, "en", "departure") == {("Paul Reed", "Nokia")}


def test_revoked_by_the_board_is_a_dismissal(extractor):
    text = "Paul Roux, président de Capgemini, a été révoqué pour faute grave par le conseil."
    assert found(extractor, text, "fr", "departure") == {("Paul Roux", "Capgemini")}
    assert found(extractor, "La banque a révoqué la licence de Capgemini.", "fr", "departure") == (
        set()
    )


def test_a_newsroom_credited_beside_a_wire_agency_is_no_employer(extractor):
    text = "La Gazette avec AFP\n\nPaul Roux, président de Capgemini, a été révoqué lundi."
    assert found(extractor, text, "fr", "departure") == {("Paul Roux", "Capgemini")}
