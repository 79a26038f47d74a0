"""Which organisation an event belongs to when the lab is one the gazetteer does not know, and
new French and English phrasings. Texts written for these tests (names invented)."""

from __future__ import annotations

import pytest

from tests.test_extract_rules import departures_of, events_of


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
    dissolutions = {
        (subject, organization)
        for kind, subject, organization, _ in events_of(extractor, text)
        if kind == "dissolution"
    }
    assert dissolutions == {("IA responsable", "Ostréa AI")}


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
