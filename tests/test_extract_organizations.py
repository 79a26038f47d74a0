"""Which organisation an event belongs to when the lab is one the gazetteer does not know, and
new French and English phrasings. Texts written for these tests (names invented)."""

from __future__ import annotations

import datetime

import pytest

from pipeline.extract import ArticleText
from tests.test_extract_rules import PUBLISHED, departures_of, events_of


def dissolutions_of(extractor, text: str) -> set[tuple[str, str]]:
    return {
        (team, org) for kind, team, org, _ in events_of(extractor, text) if kind == "dissolution"
    }


def test_a_lab_named_with_ai_is_an_organisation_even_where_ner_says_person(extractor):
    text = (
        "Ostréa AI, la jeune pousse nantaise, traverse une crise. Ostréa AI a perdu deux "
        "clients. Louise Carpentier a quitté Ostréa en mars, après quatre ans chez Google."
    )
    assert ("Louise Carpentier", "Ostréa AI", "departure") in departures_of(extractor, text)


def test_an_english_company_with_a_corporate_suffix_and_a_possessive(extractor):
    text = (
        "Halden Systems sells scheduling software to hospitals and competes with Google. "
        "Morgan Tate, Halden Systems' head of research, resigned this week."
    )
    assert ("Morgan Tate", "Halden Systems", "resignation") in departures_of(extractor, text, "en")


def test_a_news_outlet_is_never_the_organisation_left(extractor):
    text = (
        "Brevia AI traverse une passe difficile. Selon des sources contactées par Le Point, "
        "Camille Roux, directrice produit de Brevia AI, a été remerciée lundi."
    )
    assert departures_of(extractor, text) == {("Camille Roux", "Brevia AI", "dismissal")}


def test_a_field_is_not_a_company(extractor):
    text = (
        "Generative AI is changing offices. Generative AI tools are everywhere. "
        "Dana Kim left Generative AI startup Corvel in May."
    )
    found = departures_of(extractor, text, "en")
    assert all(organization != "Generative AI" for _, organization, _ in found)


def test_a_generic_team_name_known_at_one_lab_keeps_the_articles_words_at_another(extractor):
    text = (
        "Ostréa AI a dissous son équipe « IA responsable » le 3 juin. Ostréa AI compte 40 salariés."
    )
    assert dissolutions_of(extractor, text) == {("IA responsable", "Ostréa AI")}


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Chez Mistral AI, Lucie Berthaud a plié bagage début mai.", "departure"),
        ("Chez Mistral AI, Lucie Berthaud a rendu son badge hier.", "departure"),
        ("Chez Mistral AI, Lucie Berthaud a été mise à la porte le 4 juin.", "dismissal"),
        (
            "Chez Mistral AI, Lucie Berthaud a été priée de faire ses cartons le 4 juin.",
            "dismissal",
        ),
        ("Lucie Berthaud a annoncé hier son retrait de Mistral AI.", "departure"),
    ],
)
def test_french_idioms_of_leaving(extractor, text, kind):
    assert departures_of(extractor, text) == {("Lucie Berthaud", "Mistral AI", kind)}


def test_handing_in_a_notice_is_a_resignation(extractor):
    text = "At Anthropic, Ravi Menon handed in his notice last week."
    assert departures_of(extractor, text, "en") == {("Ravi Menon", "Anthropic", "resignation")}


def test_a_company_suffix_does_not_start_a_sentence(extractor):
    """The French parser cut "... de Brevia AI depuis le 3 juin." after "Brevia", leaving the
    date in another sentence."""
    text = "Camille Roux n'est plus salariée de Brevia AI depuis le 3 juin. Brevia AI recrute."
    extraction = extractor.extract(ArticleText(text, "fr", PUBLISHED))
    [event] = [e for e in extraction.events if e.event_type == "departure"]
    assert (event.subject.name, event.organization.name) == ("Camille Roux", "Brevia AI")
    assert (event.event_date, event.date_precision) == (datetime.date(2025, 6, 3), "day")


@pytest.mark.parametrize(
    "text",
    [
        "Paul Dufour n'est plus salarié de Mistral AI depuis le 2 juin.",
        "Paul Dufour dirigeait la recherche de Mistral AI. Il ne fait plus partie de l'entreprise.",
        "Paul Dufour n'est plus chez Mistral AI.",
        "Paul Dufour ne travaille plus pour Mistral AI depuis janvier.",
    ],
)
def test_no_longer_working_somewhere_is_a_departure(extractor, text):
    assert departures_of(extractor, text) == {("Paul Dufour", "Mistral AI", "departure")}


@pytest.mark.parametrize(
    "text",
    [
        "Chez Mistral AI, Paul Dufour ne travaille plus sur ce projet.",
        "Paul Dufour ne ferait plus partie de Mistral AI, selon une rumeur.",
        "Chez Mistral AI, Paul Dufour n'est plus le seul à diriger la recherche.",
    ],
)
def test_other_no_longer_sentences_are_not_departures(extractor, text):
    assert departures_of(extractor, text) == set()


def test_no_longer_with_the_company_in_english(extractor):
    text = (
        "The team's lead, Xu Ming, is no longer with the company, an Anthropic spokesperson said."
    )
    assert departures_of(extractor, text, "en") == {("Xu Ming", "Anthropic", "departure")}


def test_an_institution_is_never_the_person_who_left(extractor):
    text = (
        "Rina Sato, the company's head of safety and a former researcher at the National "
        "Institute of Informatics, resigned on June 9, Kumo Labs said. Kumo Labs is in Tokyo."
    )
    assert departures_of(extractor, text, "en") == {("Rina Sato", "Kumo Labs", "resignation")}


def test_a_list_of_people_with_their_job_titles_all_left(extractor):
    text = (
        "Chief operating officer Hana Obi, head of trust and safety Lucas Brenner and principal "
        "research scientist Wiremu Tane all left Cinder Labs in May. Cinder Labs builds agents."
    )
    assert {person for person, _, _ in departures_of(extractor, text, "en")} == {
        "Hana Obi",
        "Lucas Brenner",
        "Wiremu Tane",
    }


def test_a_clause_between_two_names_does_not_make_a_list(extractor):
    """ "who hired" is not a job title, and a name inside a relative clause set off by commas is
    not who the verb is about: the one who left is the one the clause describes."""
    text = "Dana Kim, who hired Ravi Menon, left Anthropic in May."
    assert {person for person, _, _ in departures_of(extractor, text, "en")} == {"Dana Kim"}


@pytest.mark.parametrize(
    "text",
    [
        "Chez Mistral AI, l'équipe « Garde-fous » a cessé d'exister le 1er juin.",
        "Chez Mistral AI, l'équipe « Garde-fous » a été éclatée le 1er juin.",
    ],
)
def test_french_ways_a_team_ends(extractor, text):
    assert dissolutions_of(extractor, text) == {("Garde-fous", "Mistral AI")}


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("At Anthropic, Ravi Menon was shown the door on June 4.", "dismissal"),
        ("At Anthropic, Ravi Menon was relieved of his duties on Tuesday.", "dismissal"),
        ("At Anthropic, Ravi Menon was asked to leave on Tuesday.", "dismissal"),
        ("Ravi Menon is stepping away from Anthropic, he said on Friday.", "departure"),
    ],
)
def test_english_ways_of_being_let_go_or_stepping_away(extractor, text, kind):
    assert departures_of(extractor, text, "en") == {("Ravi Menon", "Anthropic", kind)}
