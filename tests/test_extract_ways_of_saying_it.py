"""Ways journalists tell a departure beyond "quitter" and "leave": idioms ("met les voiles", "cède
sa place"), a company that loses or parts ways with someone, "the latest executive to leave";
written in our own words with invented people."""

from __future__ import annotations

import pytest

from tests.helpers import found_pairs as found


@pytest.mark.parametrize(
    "text",
    [
        "Hugo Lemaire tire sa révérence chez Mistral AI.",
        "Hugo Lemaire, directeur de Mistral AI, met les voiles.",
        "Hugo Lemaire cède sa place à la tête de Mistral AI.",
        "Hugo Lemaire abandonne ses fonctions chez Mistral AI.",
        "Mistral AI perd Hugo Lemaire, son directeur de la recherche.",
        "Mistral AI voit partir Hugo Lemaire, son directeur de la recherche.",
        "Mistral AI a mis fin au contrat de son directeur de la recherche, Hugo Lemaire.",
        "Hugo Lemaire n'est plus le directeur de la recherche de Mistral AI.",
        "Hugo Lemaire n'est plus co-PDG chez Mistral AI.",
        "Après onze ans chez Mistral AI, Hugo Lemaire s'envole vers OpenAI.",
        "Après onze ans chez Mistral AI, Hugo Lemaire rejoint OpenAI.",
        "Hugo Lemaire a fait ses adieux à Mistral AI en mai.",
    ],
)
def test_french_ways_of_leaving(extractor, text):
    assert found(extractor, text, "fr", "departure") == {("Hugo Lemaire", "Mistral AI")}


@pytest.mark.parametrize(
    "text",
    [
        "Maya Lin exits Cohere.",
        "Maya Lin bowed out of Cohere in May.",
        "Maya Lin is no longer with Cohere.",
        "Maya Lin said goodbye to Cohere last week.",
        "Maya Lin is the latest senior executive to leave Cohere.",
        "Cohere has lost another senior researcher, Maya Lin.",
        "Cohere parted ways with Maya Lin last week.",
        "Maya Lin is moving on from Cohere after six years.",
        "Maya Lin is no longer chief technology officer of Cohere.",
        "After eleven years at Cohere, Maya Lin is joining OpenAI.",
        "Cohere announced that Maya Lin would be stepping down as its CEO.",
        "Maya Lin jumped ship from Cohere to OpenAI.",
    ],
)
def test_english_ways_of_leaving(extractor, text):
    assert found(extractor, text, "en", "departure") == {("Maya Lin", "Cohere")}


def test_a_company_losing_two_people(extractor):
    text = "Cohere loses its CTO Tom Reyes and its CFO Maya Lin to OpenAI."
    assert found(extractor, text, "en", "departure") == {
        ("Tom Reyes", "Cohere"),
        ("Maya Lin", "Cohere"),
    }


@pytest.mark.parametrize(
    "text",
    [
        "Cohere lost a lawsuit brought by Tom Reyes.",
        "Cohere lost money last year, said Maya Lin.",
        "Maya Lin is no longer with us.",
        "Maya Lin would be the last person to leave OpenAI, she said.",
        "Maya Lin is no longer the only founder of Cohere on its board.",
        "Maya Lin is no longer chief executive of Cohere but remains its chairman.",
        "After eleven years of study, Maya Lin is joining OpenAI.",
        "Maya Lin would be stepping down from Cohere if the deal failed, analysts said.",
    ],
)
def test_what_is_not_a_departure(extractor, text):
    assert found(extractor, text, "en", "departure") == set()


@pytest.mark.parametrize(
    "text",
    [
        "Hugo Lemaire n'est plus le seul cofondateur de Mistral AI à siéger au conseil.",
        "Hugo Lemaire n'est plus PDG de Mistral AI, mais reste président du conseil.",
        "Mistral AI a mis fin au contrat de fourniture de puces, selon Hugo Lemaire.",
        "Mistral AI pourrait mettre fin au contrat de Hugo Lemaire.",
        # a trip, not a move
        "Hugo Lemaire, le PDG de Mistral AI, a quitté la scène pour s'envoler vers Bruxelles, "
        "où il rencontrera la Commission européenne.",
    ],
)
def test_what_is_not_a_french_departure(extractor, text):
    assert found(extractor, text, "fr", "departure") == set()


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Meta a mis la clé sous la porte de son laboratoire Vigie en mai.", "fr",
         {("Vigie", "Meta")}),
        ("Meta a mis la clé sous la porte de sa boutique de Lyon.", "fr", set()),
        ("Google a sabordé son équipe Vigie.", "fr", {("Vigie", "Google")}),
        ("Google pulled the plug on its Vigil team last year.", "en", {("Vigil", "Google")}),
        ("Le groupe Vigie de Microsoft n'existe plus depuis mars.", "fr",
         {("Vigie", "Microsoft")}),
        ("Ce problème n'existe plus chez Microsoft, selon le groupe Vigie.", "fr", set()),
        ("Microsoft's Vigil Council no longer exists, a spokesman said.", "en",
         {("Vigil Council", "Microsoft")}),
        ("The problem no longer exists at Microsoft, said its ethics team.", "en", set()),
        ("Google a mis fin aux activités de son laboratoire Vigie en mai.", "fr",
         {("Vigie", "Google")}),
        # the parser's entity may swallow the "de" before the owner
        ("L'équipe Vigie de Google fermera ses portes en juin.", "fr", {("Vigie", "Google")}),
        ("Meta a mis fin aux travaux de son équipe Vigie.", "fr", {("Vigie", "Meta")}),
        ("Meta a acté la fin de son équipe Vigie en mai.", "fr", {("Vigie", "Meta")}),
        ("Meta a annoncé la fin de son partenariat avec Vigie.", "fr", set()),
        ("Google scrapped its AI ethics board only days after naming its members.", "en",
         {("AI ethics board", "Google")}),
        # folded into another unit: a merger, not an end
        ("Google has folded its Vigil team into its research division.", "en", set()),
    ],
)  # fmt: skip
def test_ways_of_closing_a_unit(extractor, text, lang, expected):
    assert found(extractor, text, lang, "dissolution") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Maya Lin left the stage after her keynote at Cohere's conference.", set()),
        ("Maya Lin left the room in silence at Cohere.", set()),
        # a description of the employer, then the noun for it: not a place, not a thing
        ("Maya Lin left the San Francisco-based startup Cohere in May.", {("Maya Lin", "Cohere")}),
        ("Maya Lin left the ChatGPT maker in May. OpenAI declined to comment.",
         {("Maya Lin", "OpenAI")}),
    ],
)  # fmt: skip
def test_what_is_left_after_the(extractor, text, expected):
    assert found(extractor, text, "en", "departure") == expected


def test_quitting_the_next_day_leaves_the_company_in_the_story(extractor):
    text = (
        "Cohere laid off Maya Lin, who founded its fairness team, on Tuesday. Her deputy, Tom "
        "Reyes, quit the next day in protest."
    )
    assert ("Tom Reyes", "Cohere") in found(extractor, text, "en", "departure")


def test_a_platform_the_news_was_told_on_is_not_the_employer(extractor):
    text = (
        "Maya Lin and Tom Reyes left OpenAI this week. Both posted the news on the social network "
        "X, and Reyes said he had thought for months about leaving the AI startup."
    )
    assert found(extractor, text, "en", "departure") == {
        ("Maya Lin", "OpenAI"),
        ("Tom Reyes", "OpenAI"),
    }


@pytest.mark.parametrize(
    "text",
    [
        "Meanwhile, the company said Maya Lin left OpenAI in May.",
        "Maya Lin, One of OpenAI's First Hires, Quits the Company Again",
    ],
)
def test_sentence_words_are_not_companies(extractor, text):
    assert {org for _, org in found(extractor, text, "en", "departure")} <= {"OpenAI"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the post is left, the company is not
        ("Hugo Lemaire quitte son poste de directeur technique de Mistral AI. Il ne quittera pas "
         "pour autant l'entreprise, où il conseillera les équipes produit.", set()),
        ("Hugo Lemaire quitte la direction de la recherche de Mistral AI en juin. Lemaire "
         "passera au poste de directeur scientifique.", set()),
        # an adviser's role is outside the staff: a departure still
        ("Hugo Lemaire, directeur technique de Mistral AI, devient simple conseiller externe : "
         "il a quitté son poste en mai.", {("Hugo Lemaire", "Mistral AI")}),
    ],
)  # fmt: skip
def test_a_post_left_for_another_in_the_same_company(extractor, text, expected):
    assert found(extractor, text, "fr", "departure") == expected


def test_a_hard_wrapped_paragraph_is_one_sentence(extractor):
    text = (
        "Cohere a confirmé mardi le départ de son\n"
        "directeur de la recherche, Hugo Lemaire, arrivé\n"
        "il y a deux ans."
    )
    assert found(extractor, text, "fr", "departure") == {("Hugo Lemaire", "Cohere")}


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # a quote that runs over two sentences before it is attributed
        ("“Sept ans, c'est long. Je quitte Uber à la fin du mois”, écrit Léa Morel à ses "
         "équipes.", "fr", {("Léa Morel", "Uber")}),
        ("“Time for a change. I'm leaving Cohere,” Maya Lin told colleagues.", "en",
         {("Maya Lin", "Cohere")}),
        # a closed quote before the word: the speaker is not the one who leaves
        ("« C'est une perte », a dit Léa Morel. Je quitte Uber, a-t-on lu ensuite.", "fr", set()),
    ],
)  # fmt: skip
def test_first_person_quotes_that_run_on(extractor, text, lang, expected):
    assert found(extractor, text, lang, "departure") == expected


def test_a_unit_in_title_case_is_no_person(extractor):
    text = (
        "Tom Reyes is retiring from IBM. Reyes, a senior vice president who runs IBM's Quantum "
        "Systems Unit, will retire in July."
    )
    assert {person for person, _ in found(extractor, text, "en", "departure")} == {"Tom Reyes"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Apple's car team was broken up last year.", {("car team", "Apple")}),
        ("The couple broke up in May, Maya Lin said.", set()),
        ("Unity broke up with its effects studio in a company reset.", set()),
    ],
)
def test_a_team_broken_up(extractor, text, expected):
    assert found(extractor, text, "en", "dissolution") == expected


def test_the_end_of_a_unit_is_its_owners_not_the_last_company_named(extractor):
    text = (
        "Google démantèle son département « Vigie ». "
        "Paul Durand, qui le dirigeait, rejoint Cerner. "
        "Avec ce départ se profile aussi la fin de la division « Vigie » de Google."
    )
    assert found(extractor, text, "fr", "dissolution") == {("Vigie", "Google")}


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Inès Royer a mis fin à sa collaboration avec Mistral AI en mai.", "fr",
         {("Inès Royer", "Mistral AI")}),
        ("Inès Royer met un terme à sa collaboration avec Mistral AI.", "fr",
         {("Inès Royer", "Mistral AI")}),
        ("Dev Anand relinquished his role at Cohere in May.", "en", {("Dev Anand", "Cohere")}),
        # a company ending a partnership with another company: nobody leaves
        ("Mistral AI a mis fin à sa collaboration avec Google.", "fr", set()),
    ],
)  # fmt: skip
def test_ending_a_collaboration_or_relinquishing_a_role(extractor, text, lang, expected):
    assert found(extractor, text, lang, "departure") == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Le conseil d'administration d'Atos a mis fin aux fonctions de Paul Roux.", "fr",
         {("Paul Roux", "Atos")}),
        ("Ubisoft a mis un terme au mandat de son directeur général, Paul Roux.", "fr",
         {("Paul Roux", "Ubisoft")}),
        ("Paul Roux a été remplacé à la tête de Capgemini par Anna Berg.", "fr",
         {("Paul Roux", "Capgemini")}),
        ("Paul Roux a été remplacé à la tête de Capgemini par Anna Berg, mais reste président du "
         "conseil.", "fr", set()),
        ("Anna Berg a remplacé Paul Roux à la tête de Capgemini.", "fr", set()),
        ("Paul Reed was replaced as chief executive of Salesforce by Anna Berg.", "en",
         {("Paul Reed", "Salesforce")}),
        ("Paul Reed was replaced as chief executive of Salesforce but remains on its board.", "en",
         set()),
    ],
)  # fmt: skip
def test_a_board_ending_duties_and_someone_replaced_in_post(extractor, text, lang, expected):
    assert found(extractor, text, lang, "departure") == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # the verb of a relative clause is about the name before ", who" / ", qui"
        ("Anna Berg takes over from Paul Reed, who is retiring from Salesforce.", "en",
         {("Paul Reed", "Salesforce")}),
        ("Salesforce named Anna Berg to replace Paul Reed, who resigned in May.", "en",
         {("Paul Reed", "Salesforce")}),
        ("Anna Berg remplace Paul Roux, qui a démissionné de Capgemini en mai.", "fr",
         {("Paul Roux", "Capgemini")}),
        ("Anna Berg, qui dirigeait la recherche, a quitté Capgemini.", "fr",
         {("Anna Berg", "Capgemini")}),
        # a company the parse leaves out of the clause still parts with someone
        ("Capgemini se sépare de son directeur général, Paul Roux.", "fr",
         {("Paul Roux", "Capgemini")}),
        ("Paul Roux a été relevé de ses fonctions par Capgemini.", "fr",
         {("Paul Roux", "Capgemini")}),
    ],
)  # fmt: skip
def test_who_a_relative_clause_is_about_and_a_company_parting(extractor, text, lang, expected):
    assert found(extractor, text, lang, "departure") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Maya Lin renounced her role as chief executive of Cohere in May.",
         {("Maya Lin", "Cohere")}),
        ("Tom Reyes gave up his post as head of research at Cohere.", {("Tom Reyes", "Cohere")}),
        ("Tom Reyes will step away from Cohere, the company he co-founded.",
         {("Tom Reyes", "Cohere")}),
        # moving on, said alone, may be to another project in the same company
        ("Tom Reyes, who led its policy team, is moving on to start a new project at Cohere.",
         set()),
        ("Tom Reyes gave up his shares in Cohere.", set()),
        # another post in the same company is a change of role; one elsewhere is not
        ("Tom Reyes stepped down as chief executive of Cohere to become executive chairman.",
         set()),
        ("Tom Reyes left Cohere to become chairman of Mistral AI.", {("Tom Reyes", "Cohere")}),
    ],
)  # fmt: skip
def test_giving_up_a_post_in_english(extractor, text, expected):
    assert found(extractor, text, "en", "departure") == expected


def test_leaving_a_post_to_chair_the_board_is_a_change_of_role(extractor):
    text = "Paul Roux quitte la direction générale de Capgemini pour devenir président du conseil."
    assert found(extractor, text, "fr", "departure") == set()
