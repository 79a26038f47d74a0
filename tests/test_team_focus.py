"""A dissolved team's focus, from its name and the sentences around it (lexicons/team_focus.json),
on invented names and descriptions; then through the real extractor."""

import datetime
import json
from importlib import resources

import pytest

from pipeline.extract import ArticleText
from pipeline.extract.team_focus import deciding_cue, is_safety_family, load, team_focus

FOCI = {"safety", "ethics", "alignment", "policy", "research", "product", "other"}


def lexicon_data() -> dict:
    path = resources.files("pipeline.extract") / "lexicons" / "team_focus.json"
    return json.loads(path.read_text(encoding="utf-8"))


# --- the lexicon file


def test_every_cue_has_a_unique_id_a_known_focus_and_words_in_both_languages():
    data = lexicon_data()
    assert set(data["foci"]) == FOCI
    assert set(data["safety_family"]) == {"safety", "ethics", "alignment", "policy"}
    ids = [cue["id"] for cue in data["cues"]]
    assert len(ids) == len(set(ids))
    for cue in data["cues"]:
        assert cue["focus"] in FOCI, cue["id"]
        assert cue["id"].startswith(cue["focus"] + "."), cue["id"]
        assert cue["en"] and cue["fr"], cue["id"]
        assert cue.get("where", "anywhere") in ("anywhere", "name"), cue["id"]


@pytest.mark.parametrize(
    ("cue_id", "example"),
    [(cue["id"], example) for cue in lexicon_data()["cues"] for example in cue["examples"]],
)
def test_every_example_of_the_lexicon_gets_its_cue_focus(cue_id, example):
    focus = next(cue["focus"] for cue in lexicon_data()["cues"] if cue["id"] == cue_id)
    assert team_focus(example) == focus


# --- names


@pytest.mark.parametrize(
    ("team", "focus"),
    [
        ("Superalignment", "alignment"),
        ("Superalignement", "alignment"),
        ("équipe chargée de la sécurité des modèles", "safety"),
        ("IA responsable", "ethics"),
        ("équipe d'« IA responsable »", "ethics"),
        ("Trust and Safety", "safety"),
        ("Trust & Safety", "safety"),
        ("Safeguards", "safety"),
        ("Garde-fous", "safety"),
        ("Probability team", "research"),
        ("Robotics lab", "research"),
        ("laboratoire de robotique", "research"),
        ("Ethics & Society", "ethics"),
        ("ÉTHIQUE ET SOCIÉTÉ", "ethics"),
        ("ethique et societe", "ethics"),
        ("Public Policy", "policy"),
        ("Interpretability", "alignment"),
        ("Consumer Apps", "product"),
        ("Python", "other"),
        ("bureau de Paris", "other"),
        ("Boussole", "other"),
    ],
)
def test_the_name_alone(team, focus):
    assert team_focus(team) == focus


def test_the_longest_phrase_wins_where_two_overlap():
    assert team_focus("équipe de sécurité") == "safety"
    assert team_focus("équipe de sécurité informatique") == "other"
    assert team_focus("Cybersecurity") == "other"


def test_a_focus_earlier_in_the_order_wins_within_one_text():
    assert team_focus("Safety Research") == "safety"
    assert team_focus("policy research group") == "policy"
    assert team_focus("Alignement et sûreté") == "alignment"


def test_a_word_inside_another_word_is_not_a_cue():
    assert team_focus("Ethiopia office") == "other"
    assert team_focus("Productivity Tools") == "other"
    assert deciding_cue("Cybersécurité") is None


# --- the sentences around the name


def test_the_description_decides_when_the_name_says_nothing():
    sentence = "Aquilon a démantelé sa cellule Boussole, chargée de la sécurité des modèles."
    assert team_focus("Boussole", sentence) == "safety"
    sentence = "Millrace disbanded Plumb Line, its fairness team, in April."
    assert team_focus("Plumb Line", sentence) == "ethics"
    sentence = "Google a licencié toute son équipe Python, chargée des outils internes."
    assert team_focus("Python", sentence) == "other"


def test_the_name_wins_over_the_description():
    sentence = "Après des craintes sur la sécurité, Vega a fermé son laboratoire de robotique."
    assert team_focus("laboratoire de robotique", sentence) == "research"


def test_the_reporting_sentence_wins_over_the_sentence_before():
    reporting = "Quatre Vents a dissous l'équipe Contrepoids, dédiée à l'alignement."
    before = "L'entreprise avait promis de publier ses travaux d'éthique."
    assert team_focus("Contrepoids", reporting, before) == "alignment"
    assert team_focus("Contrepoids", "Quatre Vents a dissous Contrepoids.", before) == "ethics"


def test_words_only_trusted_in_a_name_are_ignored_in_sentences():
    sentence = "The AI lab shut down its Lantern group and its London office."
    assert team_focus("Lantern", sentence) == "other"
    assert deciding_cue("Lantern", sentence) is None


def test_the_deciding_cue_is_named_by_its_id():
    cue = deciding_cue("Orion", "Orion, the team responsible for red teaming, was closed.")
    assert (cue.id, cue.focus) == ("safety.safeguards", "safety")


def test_the_safety_family():
    assert {focus for focus in FOCI if is_safety_family(focus)} == {
        "safety",
        "ethics",
        "alignment",
        "policy",
    }
    assert not is_safety_family(None)
    assert load().foci[-1] == "other"


# --- through the extractor


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "lang", "team", "focus"),
    [
        (
            "OpenAI a dissous son équipe Superalignment le 12 mai 2024.",
            "fr",
            "Superalignment",
            "alignment",
        ),
        (
            "L'équipe « Boussole » était chargée de la sécurité des modèles. "
            "OpenAI a dissous l'équipe « Boussole » en mai.",
            "fr",
            "Boussole",
            "safety",
        ),
        (
            "Meta disbanded its Responsible AI team on May 12, 2024.",
            "en",
            "Responsible AI",
            "ethics",
        ),
    ],
)
def test_the_extractor_gives_each_dissolution_its_focus(extractor, text, lang, team, focus):
    extraction = extractor.extract(ArticleText(text, lang, datetime.date(2024, 6, 1)))
    found = {(e.subject.name, e.focus) for e in extraction.events if e.event_type == "dissolution"}
    assert (team, focus) in found
    assert all(e.focus is None for e in extraction.events if e.event_type != "dissolution")
