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
        ("MADRID, Espagne - Paul Roux, patron de Capgemini, quitte le conseil de "
         "l'entreprise.", "fr", {("Paul Roux", "Capgemini")}),
        ("Tesla keeps losing managers. • On Tuesday, Chief Financial Officer Paul Reed resigned.",
         "en", {("Paul Reed", "Tesla")}),
        # a group told in its own clause after a name is who left, not the name
        ("Tesla stock slid once CEO Paul Reed spoke on a podcast and two senior managers "
         "left the company.", "en", set()),
        ("Paul Reed, Tesla's head of sales, and two senior engineers left the company in May.",
         "en", {("Paul Reed", "Tesla")}),
        # where someone else went, written with a hyphenated word, is no employer of the next
        ("Anna Berg moved to food-delivery company Deliveroo. Paul Reed, the treasurer of "
         "Tesla, left in March.", "en", {("Paul Reed", "Tesla")}),
        # the partner of a founder left, not the founder
        ("L'associé de Paul Roux est parti de Capgemini à l'amiable.", "fr", set()),
        # the owner of the company left is not the company left
        ("Paul Roux a démissionné de Capgemini, contrôlée à 60 % par le groupe Atos.", "fr",
         {("Paul Roux", "Capgemini")}),
        # a politician's resignation, told in a business story, has no employer
        ("Capgemini aurait financé un ami du président du Portugal, Paul Roux, qui a depuis "
         "démissionné.", "fr", set()),
        # moving to another post in the same company is a change of role
        ("Google said Paul Reed would give up the leadership of its maps unit and take another "
         "job at the company.", "en", set()),
        ("Paul Roux, dirigeant historique de Capgemini, est annoncé partant.", "fr",
         {("Paul Roux", "Capgemini")}),
        ("Paul Roux, le PDG de Capgemini, a annoncé sur X que l'entreprise grandissait.", "fr",
         set()),
    ],
)  # fmt: skip
def test_who_left_and_which_company(extractor, text, lang, expected):
    assert found(extractor, text, lang, "departure") == expected


def test_a_name_with_an_initial_is_the_full_name_told_before(extractor):
    text = "Le départ de Sophie Roux de Capgemini est acté. S. Roux a démissionné lundi."
    assert found(extractor, text, "fr", "departure") == {("Sophie Roux", "Capgemini")}


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Nokia plans to shut the R&D department in the Netherlands next year.", "en",
         {("R&D department in the Netherlands", "Nokia")}),
        ("Nokia announced that it is planning to close its research lab in Oulu.", "en",
         {("research lab in Oulu", "Nokia")}),
        ("Nokia has no plans to close its research lab in Oulu.", "en", set()),
        ("The Nokia Research Centre in Tampere will close next spring, the company said.", "en",
         {("Nokia Research Centre in Tampere", "Nokia")}),
        ("Le studio Brumes a vu son jeu annulé. Ce studio, que Microsoft avait fondé à Lille, "
         "est en cours de fermeture.", "fr", {("Brumes", "Microsoft")}),
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
        ("Nokia will close its research lab in Oulu. Besides Oulu, Nokia is also closing its "
         "research and development facility in Ulm.", "en",
         {("research lab in Oulu", "Nokia"),
          ("research and development facility in Ulm", "Nokia")}),
        ("Nokia is closing its manufacturing facility in Salo.", "en", set()),
        # towns standing for the sites of a company closing several
        ("Intel ferme plusieurs sites en France. Les fermetures de Rennes et de Grenoble "
         "inquiètent les élus.", "fr", {("Rennes", "Intel"), ("Grenoble", "Intel")}),
        # an aside between the closure and what closes
        ("Capgemini a confirmé la fermeture, dès 2027, de son laboratoire de Brest.", "fr",
         {("laboratoire de Brest", "Capgemini")}),
        # the unit someone works in, named before "the planned closure", is not what closes
        ("Nokia will close its Oulu site. Paul Reed, a vice president at Nokia's phone unit, "
         "called the planned closure painful.", "en", {("Oulu site", "Nokia")}),
    ],
)  # fmt: skip
def test_several_sites_and_what_a_closure_is_of(extractor, text, lang, expected):
    assert found(extractor, text, lang, "dissolution") == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Ubisoft is closing three studios:\n- Lumen Forge (mobile games)\n- Tallow Works\n"
         "The company wants to cut costs.\n", "en",
         {("Lumen Forge", "Ubisoft"), ("Tallow Works", "Ubisoft")}),
        ("Ubisoft a fermé deux studios :\n- Lumen Forge (jeux mobiles)\n- Tallow Works\n"
         "Le groupe réduit ses coûts.\n", "fr",
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
        ("Paul Reed resigned from Anthropic. In a thread on X (formerly Twitter), Reed said "
         "he was quitting.", {("Paul Reed", "Anthropic")}),
        # a participle opening a sentence is no first name; "this meant leaving" is no event
        ("Paul Reed wrote a long post. Citing Anna Berg, he wrote that for him, growing up meant "
         "leaving.", set()),
        # a product that "exited to" another unit is no person leaving
        ("Kitebird, a maps app that exited to the Cloud unit, was one of Google's bets.",
         set()),
        # initials before a surname; an announced resignation
        ("Anna Berg will leave Nokia in June and J.K. Lindqvist, who runs its cable unit, will "
         "resign on May 2.", {("Anna Berg", "Nokia"), ("J.K. Lindqvist", "Nokia")}),
        ("Anna Berg said she would resign from Nokia if the board asked her to.", set()),
    ],
)  # fmt: skip
def test_platforms_participles_products_and_initials(extractor, text, expected):
    assert found(extractor, text, "en", "departure") == expected


def test_a_post_abbreviated_is_no_company(extractor):
    text = (
        "Vivendi a démis de ses fonctions le DG de Canal+, Paul Roux. Anna Berg, jusque-là DG "
        "adjoint, lui succède."
    )
    assert found(extractor, text, "fr", "departure") == {("Paul Roux", "Canal+")}


def test_studios_named_after_their_kind_close_inside_the_company(extractor):
    text = (
        "Google voit ses trois studios de création Brume Games and Entertainment fermer leurs "
        "portes."
    )
    assert ("Brume Games and Entertainment", "Google") in found(
        extractor, text, "fr", "dissolution"
    )


def test_a_unit_said_to_be_based_somewhere_goes_by_that_place(extractor):
    text = "Ubisoft va fermer son studio installé dans le centre de Porto."
    assert found(extractor, text, "fr", "dissolution") == {
        ("studio installé dans le centre de Porto", "Ubisoft")
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a group as the subject, its members named after the verb
        ("Plusieurs cadres de Capgemini ont été écartés lundi, parmi lesquels le PDG Paul Roux "
         "et la directrice financière Anna Berg.",
         {("Paul Roux", "Capgemini"), ("Anna Berg", "Capgemini")}),
        # what a rumour announced is no departure
        ("Une rumeur relayée par un blog prêtait à Paul Roux un départ prochain de Capgemini.",
         set()),
        # the successor's past employer is not what the person replaced left
        ("Paul Roux quitte Capgemini. Son successeur sera Anna Berg, venue de Microsoft, qui le "
         "remplacera en mai.", {("Paul Roux", "Capgemini")}),
    ],
)  # fmt: skip
def test_groups_named_after_rumours_and_successors(extractor, text, expected):
    assert found(extractor, text, "fr", "departure") == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # a game named after its kind is no company; a participle opening a sentence neither
        ("The maker of the puzzle game Tidy Kites has shut its Paris studio. Announcing the "
         "closure of its Paris studio, Ubisoft said it would focus on Montreal.",
         "en", {("Paris studio", "Ubisoft")}),
    ],
)  # fmt: skip
def test_products_and_participles_are_no_owners(extractor, text, lang, expected):
    assert found(extractor, text, lang, "dissolution") == expected


def test_who_replaced_someone_brings_no_employer_of_theirs(extractor):
    text = (
        "Nokia is changing its leaders. Last week, Paul Reed was replaced by Anna Berg, who once "
        "ran a division at Microsoft."
    )
    assert found(extractor, text, "en", "departure") == {("Paul Reed", "Nokia")}


def test_revoked_by_the_board_is_a_dismissal(extractor):
    text = "Le conseil de Capgemini a révoqué son président, Paul Roux, mardi."
    assert found(extractor, text, "fr", "departure") == {("Paul Roux", "Capgemini")}
    assert found(extractor, "La banque a révoqué la licence de Capgemini.", "fr", "departure") == (
        set()
    )


def test_a_newsroom_credited_beside_a_wire_agency_is_no_employer(extractor):
    text = "La Gazette avec AFP\n\nPaul Roux, président de Capgemini, a été révoqué lundi."
    assert found(extractor, text, "fr", "departure") == {("Paul Roux", "Capgemini")}
