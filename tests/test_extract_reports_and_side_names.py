"""Constructions read in real articles, rewritten in our own words with invented people and
companies: who reports the news ("Selon X de Bloomberg, Y quitte ..."), a bare participle after a
name ("Y, chercheur, parti chez Meta"), a heading inside the article, another person's employer
earlier in the sentence, "un coup dur pour" (no destination), a unit's name said short, the
future of reported speech, lists and examples, the team a person leads, and one key per team
across the names articles give it."""

from __future__ import annotations

import pytest

from pipeline.extract.results import EntityRef
from pipeline.extract.team_mention import TeamMention
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


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # the future of reported speech is an announcement, not a hypothesis
        ("Paul Durand, chef de l'équipe produit, a annoncé qu'il quitterait Cohere.", "fr",
         {("Paul Durand", "Cohere")}),
        ("Paul Durand a déclaré qu'il quitterait Cohere si le conseil le demandait.", "fr",
         set()),
        ("Selon nos sources, Paul Durand quitterait Cohere.", "fr", set()),
        # the past conditional reports what happened, even when the tagger reads the participle
        # as an adjective
        ("Lina Costa, directrice technique d'Anthropic, aurait démissionné.", "fr",
         {("Lina Costa", "Anthropic")}),
        ("Hours later, his colleague Dana Whitfield announced she would depart Cohere, too.",
         "en", {("Dana Whitfield", "Cohere")}),
        ("Dana Whitfield said that she would leave Cohere.", "en", {("Dana Whitfield", "Cohere")}),
        ("Dana Whitfield would leave Cohere if the board asked her to.", "en", set()),
        ("Dana Whitfield said she would not leave Cohere.", "en", set()),
    ],
)  # fmt: skip
def test_reported_future_is_an_announced_departure(extractor, text, lang, expected):
    assert found(extractor, text, lang, "departure") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "parmi les départs figure X": the list after a verb of being-among
        ("Cohere perd des cadres. Parmi les départs notables figure Paul Durand, qui a passé "
         "12 ans chez Cohere.", {("Paul Durand", "Cohere")}),
        # an example of the plural subject
        ("Cohere perd des cadres. D'autres anciens employés, comme Jean Roy, chercheur en "
         "sécurité, ont également quitté la société.", {("Jean Roy", "Cohere")}),
        # the years spent somewhere name the employer over an organisation in the title
        ("Marc Petit, ancien responsable des systèmes GPU Lumen, a annoncé son départ après plus "
         "de huit ans chez Cohere pour lancer une newsletter.", {("Marc Petit", "Cohere")}),
        # "faire ses valises"
        ("Arrivé en mars pour diriger l'IA de Cohere, Hugo Vasseur a déjà fait ses valises.",
         {("Hugo Vasseur", "Cohere")}),
        # a name after "et" starts another clause, not what was left
        ("Selon des sources, Cohere est en train de dissoudre son équipe Lumen, le responsable "
         "du projet, Paul Durand, va quitter l'entreprise et Kestrel a donné l'ordre d'arrêter "
         "ce programme.",
         {("Paul Durand", "Cohere")}),
        # a group a company poached, named by the next sentence
        ("Cohere vient de perdre des ingénieurs. Mistral AI a en effet débauché ces "
         "spécialistes de l'intelligence artificielle. Parmi eux, Paul Durand, ancien "
         "responsable de l'ingénierie.", {("Paul Durand", "Cohere")}),
    ],
)  # fmt: skip
def test_lists_examples_and_years_spent(extractor, text, expected):
    assert found(extractor, text, "fr", "departure") == expected


def test_a_role_is_not_the_person_named_inside_its_own_phrase(extractor):
    text = (
        "Paul Durand perd son bras droit.\n\n"
        "La directrice générale du réseau acheté par Paul Durand vient de démissionner."
    )
    assert found(extractor, text, "fr", "departure") == set()


def test_the_departure_of_unnamed_people_is_not_who_is_appointed(extractor):
    text = (
        "The departure of its co-founders to Microsoft is tempered by the appointment of Dana "
        "Whitfield as the new CEO of Cohere."
    )
    assert found(extractor, text, "en", "departure") == set()


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # the team a leaving person leads is the one their title named
        ("Chez Cohere, Paul Durand, chef de l'équipe de préparation aux crises, a annoncé "
         "qu'il quitterait l'entreprise et a révélé que l'équipe qu'il dirige serait dissoute.",
         "fr", {("équipe de préparation aux crises", "Cohere")}),
        # a unit a possessive apposition introduced is its owner's, whoever is named between
        ("Kestrel Group abandonne Nimbus, son unité de robots. En 2017, Mistral AI voulait la "
         "racheter. La direction a finalement décidé de fermer Nimbus.", "fr",
         {("Nimbus", "Kestrel Group")}),
        # a field acronym before what the team does is no part of its name
        ("Cohere has disbanded its Lumen AI supercomputer team.", "en", {("Lumen", "Cohere")}),
        ("Cohere disbanded its Ethical AI team.", "en", {("Ethical AI", "Cohere")}),
    ],
)  # fmt: skip
def test_which_team_is_dissolved(extractor, text, lang, expected):
    assert found(extractor, text, lang, "dissolution") == expected


@pytest.mark.parametrize(
    ("names", "same"),
    [
        (("Super Alignment", "Superalignment", "équipe Superalignment"), True),
        (("Lumen", "équipe de superordinateurs Lumen", "Lumen AI"), True),
        (("bureau d'Edmonton", "Edmonton office"), True),
        (("Lumen", "Nimbus"), False),
        (("équipe de sécurité", "équipe d'éthique"), False),
    ],
)
def test_one_team_keeps_one_key_across_names(names, same):
    owner = EntityRef("organization", "Cohere", "cohere")
    keys = {TeamMention(name, None, None, name).key_in(owner) for name in names}
    assert (len(keys) == 1) is same


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a participle opening the sentence describes who opens the main clause
        ("Cohere reproche à Paul Durand d'avoir débauché des ingénieurs. Licencié le lendemain, "
         "Paul Durand aurait continué à démarcher des employés de Cohere avec Marc Petit.",
         {("Paul Durand", "Cohere")}),
        # a gerund is active: the subject fires someone, the subject is not fired
        ("Jeanne Roy a déclaré que le conseil n'essayait pas de freiner Cohere en licenciant "
         "le PDG.", set()),
    ],
)  # fmt: skip
def test_fronted_participles_and_gerunds(extractor, text, expected):
    assert found(extractor, text, "fr", "departure") == expected


def test_the_company_that_announces_is_the_one_said_before(extractor):
    # "la société" is the company the sentence before had as its subject, also a name NER
    # misses but the article introduces as a maker ("le fabricant de robots nRobo")
    text = (
        "Cohere et le fabricant d'aspirateurs autonomes nRobo renoncent à leur fusion. nRobo a "
        "annoncé un plan de restructuration. La société a également annoncé que Paul Durand "
        "avait démissionné de son poste de directeur général."
    )
    assert found(extractor, text, "fr", "departure") == {("Paul Durand", "nRobo")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a plural noun of leaving, a colon, then one person per bulleted line
        ("Cohere confirmed three departures from Cohere in one week:\n\n"
         "• Dana Whitfield (June 18): led the model team, went to OpenAI\n"
         "• Mia Torres (June 20): joined Anthropic\n"
         "• Ruth Adler (June 24): joined Anthropic\n",
         {("Dana Whitfield", "Cohere"), ("Mia Torres", "Cohere"), ("Ruth Adler", "Cohere")}),
        # a few words between the noun and the verb that lists; "the company's" is not where
        # the person before went
        ("Tom Hale, who once led Cohere's chip team, quit the company in April before setting "
         "up shop at Kestrel. Other departures this spring included Mia Torres, the company's "
         "main contact with regulators, who left for rival Waymo.",
         {("Tom Hale", "Cohere"), ("Mia Torres", "Cohere")}),
        # moving over to another employer is leaving the one the article is about
        ("At Cohere, sales chief Mia Torres headed over to Lyft in March.",
         {("Mia Torres", "Cohere")}),
        # no employer left
        ("This follows Dana Whitfield's departure from independent research to Cohere in May.",
         set()),
        # whose companies, not who left
        ("Her exit adds to a run of senior exits from Dana Whitfield's companies.", set()),
    ],
)  # fmt: skip
def test_english_lists_and_moves(extractor, text, expected):
    assert found(extractor, text, "en", "departure") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Cohere let go of its entire accessibility team on Friday.",
         {("accessibility team", "Cohere")}),
        ("The entire accessibility team was let go at Cohere this week.",
         {("accessibility team", "Cohere")}),
        # a title-case headline: the words before the team noun, in lower case
        ("Entire Accessibility Team Let Go in Cohere Purge", {("accessibility team", "Cohere")}),
        ("Cohere let go of two engineers on its accessibility team.", set()),
        # the headline's verb is no part of what it closes
        ("Cohere Closes Lab", set()),
    ],
)  # fmt: skip
def test_a_whole_team_let_go(extractor, text, expected):
    assert found(extractor, text, "en", "dissolution") == expected


def test_a_name_set_beside_a_noun_of_leaving_is_not_what_was_left(extractor):
    text = (
        "Paul Durand quitte le conseil de Cohere. Avec le départ de Durand, Nvidia, l'un des "
        "principaux investisseurs de Cohere, ne dispose plus de siège au conseil."
    )
    assert found(extractor, text, "fr", "departure") == {("Paul Durand", "Cohere")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Infrastructure lead Tom Hale left Cohere for OpenAI in mid-2024. Research veteran Mia "
         "Torres followed in February 2025.", {("Tom Hale", "Cohere"), ("Mia Torres", "Cohere")}),
        # following someone who joined is joining
        ("Mia Torres joined Cohere in 2020. Tom Hale followed in February 2021.", set()),
    ],
)  # fmt: skip
def test_following_someone_who_left(extractor, text, expected):
    assert found(extractor, text, "en", "departure") == expected


def test_a_cleft_sentence_and_a_photo_credit(extractor):
    text = (
        "Cohere subit un nouveau départ © Jeanne Roy / Agence\n\n"
        "Nouveau départ chez Cohere. Cette fois, c'est Paul Durand, l'un des responsables de la "
        "recherche vocale de la société, qui a décidé de prendre le large."
    )
    assert found(extractor, text, "fr", "departure") == {("Paul Durand", "Cohere")}


def test_the_backer_of_the_startup_left_is_not_what_was_left(extractor):
    text = (
        "Cohere disbanded its safety team this week. This news comes days after Dana Whitfield "
        "announced her departure from the AI startup backed by Nvidia."
    )
    assert found(extractor, text, "en", "departure") == {("Dana Whitfield", "Cohere")}


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Cohere has disbanded its long-term AI risk research team.", "en",
         {("long-term AI risk research team", "Cohere")}),
        ("Cohere disbanded its AI ethics team.", "en", {("AI ethics team", "Cohere")}),
        # a vague adjective names nothing: the headline's name is the team's
        ("Cohere dissout l'équipe d'alignement de la mission\n\nCohere a décidé de dissoudre "
         "une équipe spécifique chargée de communiquer la mission de l'entreprise.", "fr",
         {("équipe d'alignement de la mission", "Cohere")}),
    ],
)  # fmt: skip
def test_team_names_from_their_words(extractor, text, lang, expected):
    assert found(extractor, text, lang, "dissolution") == expected


def test_a_quoted_title_is_no_person(extractor):
    text = (
        "Mistral AI a débauché plusieurs chercheurs de Cohere. Parmi eux, Paul Durand et Jean "
        'Roy, deux développeurs clés de l\'IA audio "Julia Speaks", qui lit des textes.'
    )
    assert found(extractor, text, "fr", "departure") == {
        ("Paul Durand", "Cohere"),
        ("Jean Roy", "Cohere"),
    }
