"""Constructions read in real articles, rewritten in our own words with invented people and
companies: whole units closed or let go (studios, branches, entities, "l'ensemble de l'équipe"),
an infinitive the French tagger reads as a noun, one unit told under two nouns, people whose
rare names NER takes for places, long job titles before a list, and who fires whom."""

from __future__ import annotations

import pytest

from tests.helpers import found_pairs as found


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # a branch, an entity, a studio: units a company closes, named as the article names them
        ("Le groupe Cohere met fin à sa branche robotique, marque comprise.", "fr",
         {("branche robotique", "Cohere")}),
        ("Cohere ferme. Le groupe va fermer la totalité de son entité NDX (New Devices X).",
         "fr", {("NDX", "Cohere")}),
        ("Cohere ferme le studio Lumen Forge.", "fr", {("Lumen Forge", "Cohere")}),
        # the whole team let go, also when the tagger reads the infinitive as a noun
        ("Cohere a l'intention de licencier l'ensemble de l'équipe de modération de Lisbonne.",
         "fr", {("équipe de modération de Lisbonne", "Cohere")}),
        ("Cohere prévoit de licencier toute l'équipe de Lumen.", "fr",
         {("équipe de Lumen", "Cohere")}),
        # a project closed and "son équipe" let go: the project's team
        ("Cohere vient de fermer le projet Lumen et de licencier son équipe.", "fr",
         {("équipe du projet Lumen", "Cohere")}),
        ("Cohere is eliminating its entire team of content reviewers in Lisbon, the company "
         "said.", "en", {("team of content reviewers in Lisbon", "Cohere")}),
        ("Cohere has announced the closure of Lumen Story Studio, the film studio it founded.",
         "en", {("Lumen Story Studio", "Cohere")}),
        ("Cohere said it has also been confirmed Lumen Studio will be shutting down.", "en",
         {("Lumen Studio", "Cohere")}),
        # a studio's name follows the noun
        ("Cohere is closing Japanese developer Tide Works and Canadian studio Alpha Wolf Games.",
         "en", {("Alpha Wolf Games", "Cohere")}),
        # a unit closed by its name, which the apposition calls a subsidiary
        ("Cohere a décidé de fermer Nimbus, sa filiale chargée de développer des ballons.",
         "fr", {("Nimbus", "Cohere")}),
        # a source before the team is no name of it
        ("Selon Bloomberg, l'équipe Lumen de Cohere a été dissoute.", "fr",
         {("équipe Lumen", "Cohere")}),
        # a name the article introduced as a unit, closed under that name alone
        ("Nimbus, sa filiale de robotique, perdait de l'argent. Cohere ferme Nimbus.", "fr",
         {("Nimbus", "Cohere")}),
        ("Cohere bought the Canadian studio Lumen Forge in 2020. Cohere is closing Lumen Forge.",
         "en", {("Lumen Forge", "Cohere")}),
    ],
)  # fmt: skip
def test_whole_units_closed_or_let_go(extractor, text, lang, expected):
    assert found(extractor, text, lang, "dissolution") == expected


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # jobs cut inside a unit that goes on
        ("Cela arrive après les suppressions d'emplois dans sa division de réalité virtuelle "
         "chez Cohere.", "fr"),
        ("Cohere prévoit de licencier une partie de l'équipe Lumen.", "fr"),
        # the company that shuts something down is not the unit shut down
        ("Lumen Group has decided to shut down its home-lending business, Cohere said.", "en"),
        # a product's end, and a name never introduced as a unit
        ("Cohere va fermer Nimbus, sa plateforme de jeu, le 30 mars.", "fr"),
        ("Cohere is closing the deal with Lumen Forge this week.", "en"),
    ],
)  # fmt: skip
def test_what_is_no_unit_closed(extractor, text, lang):
    assert found(extractor, text, lang, "dissolution") == set()


def test_one_place_named_by_two_nouns_is_one_unit(extractor):
    text = (
        "Cohere is closing its Lisbon site, the company said on Monday.\n\n"
        "Cohere's closure of its Lisbon office follows wider layoffs."
    )
    (unit,) = found(extractor, text, "en", "dissolution")
    assert unit in {("Lisbon site", "Cohere"), ("Lisbon office", "Cohere")}


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # a verb that announces the list allows a long job title before the first name
        ("Ces départs comprenaient le responsable mondial de l'automatisation des véhicules et "
         "de la sécurité chez Cohere, Marc Leroy, et le directeur des systèmes d'information, "
         "Hugo Vasseur.", "fr", {("Marc Leroy", "Cohere"), ("Hugo Vasseur", "Cohere")}),
        # the company of the post the relative clause gives, not the one named last
        ("Marc Leroy, who once headed Cohere's robotics division, quit the company in April "
         "before setting up shop at Anthropic.", "en", {("Marc Leroy", "Cohere")}),
        # the layoffs' own verb names the list
        ("These layoffs are expected to hit 800 people at Cohere and include chief executive "
         "Leo Marsh and safety chief Pia Novak.", "en",
         {("Leo Marsh", "Cohere"), ("Pia Novak", "Cohere")}),
        ("The layoffs hit Cohere hard, said Jane Doe.", "en", set()),
        # a company that loses one person, "followed by" others
        ("La startup Thinking Machines Lab a perdu mercredi son cofondateur et CTO Marc Leroy "
         "au profit d'OpenAI, suivi du cofondateur Hugo Vasseur et de l'ancien membre d'OpenAI "
         "Paul Morel qui reviennent dans l'entreprise.", "fr",
         {("Marc Leroy", "Thinking Machines Lab"), ("Hugo Vasseur", "Thinking Machines Lab"),
          ("Paul Morel", "Thinking Machines Lab")}),
        # "vont quitter": the near future announces a departure, as "va quitter" does
        ("Marc Leroy et Hugo Vasseur vont quitter Cohere.", "fr",
         {("Marc Leroy", "Cohere"), ("Hugo Vasseur", "Cohere")}),
        # "les cofondateurs" are the two people the sentence before named
        ("La réorganisation change tout pour Marc Leroy et Hugo Vasseur. Les cofondateurs de "
         "Fitbit vont quitter Cohere, tout comme d'autres cadres.", "fr",
         {("Marc Leroy", "Cohere"), ("Hugo Vasseur", "Cohere")}),
        ("Marc Leroy a parlé. Les cofondateurs de Fitbit vont quitter Cohere.", "fr", set()),
        # an announced retirement, reported
        ("Cohere said its president, Hugo Vasseur, would be the first executive to retire "
         "under the new plan.", "en", {("Hugo Vasseur", "Cohere")}),
        ("Hugo Vasseur has no plans to retire from Cohere.", "en", set()),
        # "chez" names the employer; "de" before it may name one of its products
        ("Marc Leroy, directeur de l'ingénierie de Vigie chez Tesla, rejoint Cohere.", "fr",
         {("Marc Leroy", "Tesla")}),
        # a resignation from the board is from the company in focus, not from the university
        # where the person works
        ("Cohere a changé de conseil. Léa Fontaine, directrice du centre d'éthique de "
         "l'Université de Lyon, a annoncé mercredi sa démission du conseil d'administration.",
         "fr", {("Léa Fontaine", "Cohere")}),
        # "dire adieu à" its own start-up
        ("Léa Roy et Hugo Vasseur, cofondateurs de Cohere, ont dit adieu à leur start-up.",
         "fr", {("Léa Roy", "Cohere"), ("Hugo Vasseur", "Cohere")}),
        # the person who fires is not the one who goes
        ("Whole Safety Team Let Go in Marc Leroy's Shake-Up at Cohere", "en", set()),
        ("Marc Leroy a licencié plus de 10 % de l'entreprise Cohere en avril.", "fr", set()),
        ("Marc Leroy immediately fired teams responsible for safety at Cohere.", "en", set()),
        # an institute's name and a company's role title are not people nor companies
        ("Marc Leroy, founder of Cohere's Institute of Deep Learning, left Cohere in 2015.",
         "en", {("Marc Leroy", "Cohere")}),
        ("Company CEO and founder Marc Leroy stepped down from Cohere in October.", "en",
         {("Marc Leroy", "Cohere")}),
    ],
)  # fmt: skip
def test_who_left_and_where(extractor, text, lang, expected):
    assert found(extractor, text, lang, "departure") == expected


def test_a_name_ner_takes_for_a_place_is_a_person_when_its_apposition_gives_a_job():
    from pipeline.extract.fr.pipeline import load
    from pipeline.extract.mentions import DocMentions

    text = "Tarun Jeyakumar, l'ancien directeur de l'ingénierie, a quitté Cohere."
    doc = load()(text)
    doc.ents = [doc.char_span(0, len("Tarun Jeyakumar"), label="LOC")]
    people = [m.entity.name for m in DocMentions(doc, "fr", text).people]
    assert people == ["Tarun Jeyakumar"]
    doc.ents = [doc.char_span(0, len("Tarun Jeyakumar"), label="LOC")]
    place = "Tarun Jeyakumar, la ville, a quitté Cohere."
    doc = load()(place)
    doc.ents = [doc.char_span(0, len("Tarun Jeyakumar"), label="LOC")]
    assert DocMentions(doc, "fr", place).people == []


def test_unit_names_are_the_units_an_article_introduces_not_their_owners():
    from pipeline.extract.named_units import unit_names

    text = (
        "Nimbus, sa filiale de robotique, ferme. La division IA de Kairn reste. "
        "Le studio de jeux Ready at Dawn aussi."
    )
    assert unit_names(text, "fr", set()) == {"Nimbus", "Ready at Dawn"}


def test_a_unit_word_alone_is_no_company(extractor):
    text = (
        "Les départs de Léa Roy et Hugo Vasseur de Meta viennent deux mois après le "
        "lancement de Lab."
    )
    assert found(extractor, text, "fr", "departure") == {
        ("Léa Roy", "Meta"),
        ("Hugo Vasseur", "Meta"),
    }
