"""Who left and which unit closed when a long sentence buries them: a list of exits where each
clause has its own destination, a backer named beside the employer, a pronoun after a relative
clause that names someone else, a possessive inside a relative clause, names listed after "que"
with bracketed titles, a unit described by what it worked on or named after a comma. Written in
our own words with invented people."""

from __future__ import annotations

from tests.helpers import found_pairs as found


def test_each_exit_of_a_list_leaves_the_company_not_the_last_destination(extractor):
    text = (
        "OpenAI has lost many leaders this year. It is now a Microsoft-backed company. "
        "In the months since, Tom Hale quit to found a start-up, Ann Lee left to join Anthropic "
        "and Paul Wren departed as well."
    )
    assert found(extractor, text, "en", "departure") == {
        ("Tom Hale", "OpenAI"),
        ("Ann Lee", "OpenAI"),
        ("Paul Wren", "OpenAI"),
    }


def test_a_job_title_in_a_title_case_headline_is_no_person(extractor):
    text = (
        "Associate Dean Quits Alibaba Research Unit\n\n"
        "Ann Lee, an Associate Dean at the Alibaba research unit and one of its vice presidents, "
        "has left the company."
    )
    assert found(extractor, text, "en", "departure") == {("Ann Lee", "Alibaba")}


def test_a_pronoun_after_a_long_relative_clause_is_the_person_the_sentence_opens_on(extractor):
    text = (
        "Claire Dumas, arrivée chez Google en 2016 et remplacée à la tête des ventes par Marc "
        "Olier l'an passé, va elle aussi quitter le conseil d'Alphabet."
    )
    # the gazetteer files Alphabet under Google
    assert found(extractor, text, "fr", "departure") == {("Claire Dumas", "Google")}


def test_a_possessive_inside_a_relative_clause_is_its_antecedents(extractor):
    text = (
        "Claire Dumas quitte Meta pour fonder une start-up. "
        "Claire Dumas, qui dit garder un bon souvenir de son départ, a salué Marc Olier dans "
        "un message."
    )
    assert found(extractor, text, "fr", "departure") == {("Claire Dumas", "Meta")}


def test_names_listed_after_que_with_bracketed_titles(extractor):
    text = (
        "Le groupe a confirmé à la presse que Claire Dumas (chargée du produit) et Marc Olier "
        "(chargé des ventes) « quittent Twitter » dès ce mois-ci."
    )
    assert found(extractor, text, "fr", "departure") == {
        ("Claire Dumas", "Twitter"),
        ("Marc Olier", "Twitter"),
    }


def test_where_a_person_works_told_by_the_clause_they_are_the_subject_of(extractor):
    text = (
        "Claire Dumas faisait partie de la direction produit chez Facebook. "
        "Elle prendra la tête d'Instacart en août, dont le fondateur devient président. "
        "Mark Zuckerberg est au courant du départ de Claire Dumas."
    )
    assert found(extractor, text, "fr", "departure") == {("Claire Dumas", "Meta")}


def test_a_team_told_by_what_it_worked_for(extractor):
    text = "Toyota disbanded the team that worked for its walking robot last spring."
    expected = {("team that worked for its walking robot", "Toyota")}
    assert found(extractor, text, "en", "dissolution") == expected


def test_a_unit_named_after_a_comma_and_set_off_by_dashes(extractor):
    text = (
        "A manager told him that his unit, launch review — a small group that vetted new "
        "products at Google — was being disbanded."
    )
    assert found(extractor, text, "en", "dissolution") == {("launch review", "Google")}


def test_let_go_from_a_post_but_kept_in_the_company_is_a_demotion(extractor):
    text = (
        "Huawei a licencié Marc Olier, le responsable des systèmes de conduite autonome, après "
        "des propos sur Tesla. Tesla a démenti. Tesla a publié ses chiffres. "
        "Marc Olier perd ce poste mais reste dans l'entreprise, précise le groupe."
    )
    assert found(extractor, text, "fr", "departure") == set()


def test_let_go_with_nothing_said_of_staying_is_a_dismissal(extractor):
    text = "Huawei a licencié Marc Olier, le responsable des systèmes de conduite autonome."
    assert found(extractor, text, "fr", "departure") == {("Marc Olier", "Huawei")}


def test_a_unit_with_an_english_name_in_a_french_article(extractor):
    text = "Intel va fermer son Wearables Group, selon la presse spécialisée."
    assert found(extractor, text, "fr", "dissolution") == {("Wearables Group", "Intel")}


def test_the_end_of_an_era_for_a_division_is_no_dissolution(extractor):
    text = "Cette nomination signe la fin d'une période faste pour la division mobile de Samsung."
    assert found(extractor, text, "fr", "dissolution") == set()
