"""Extraction rules on short texts written for these tests: each phenomenon the issue names is
one case (French first, English too), with what must and must not become an event."""

from __future__ import annotations

import datetime

import pytest

from pipeline.extract import ArticleText, Extractor

PUBLISHED = datetime.date(2025, 6, 13)  # a Friday


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def events_of(extractor: Extractor, text: str, lang: str = "fr", published=PUBLISHED):
    extraction = extractor.extract(ArticleText(text, lang, published))
    return {
        (e.event_type, e.subject.name, e.organization.name if e.organization else None, e.kind)
        for e in extraction.events
    }


def departures_of(extractor, text, lang="fr"):
    return {(p, o, k) for t, p, o, k in events_of(extractor, text, lang) if t == "departure"}


POSITIVE_FR = [
    ("Léa Fontaine a quitté Anthropic en mars.", ("Léa Fontaine", "Anthropic", "departure")),
    (
        "Marc Dubreuil, directeur technique de Mistral AI, a démissionné mardi.",
        ("Marc Dubreuil", "Mistral AI", "resignation"),
    ),
    (
        "Le conseil d'administration d'OpenAI a limogé Paul Verdier, son directeur financier.",
        ("Paul Verdier", "OpenAI", "dismissal"),
    ),
    (
        "Chez Google, Inès Caron a été licenciée la semaine dernière.",
        ("Inès Caron", "Google", "dismissal"),
    ),
    (
        "La démission de Hugo Ramel a surpris les équipes de Meta.",
        ("Hugo Ramel", "Meta", "resignation"),
    ),
    ("Nora Belkacem a claqué la porte de xAI le 2 juin.", ("Nora Belkacem", "xAI", "resignation")),
    (
        "Thomas Girard a quitté Google DeepMind pour rejoindre Anthropic.",
        ("Thomas Girard", "Google DeepMind", "departure"),
    ),
    (
        "Julie Perrin a été démise de ses fonctions par Microsoft.",
        ("Julie Perrin", "Microsoft", "dismissal"),
    ),
    (
        "Samuel Ortiz, chercheur chez Apple, a été poussé vers la sortie en avril.",
        ("Samuel Ortiz", "Apple", "dismissal"),
    ),
    (
        "Claire Morel travaillait chez Nvidia depuis 2019. Elle a quitté l'entreprise en janvier.",
        ("Claire Morel", "Nvidia", "departure"),
    ),
    (
        "Le départ de Yann Keller, cofondateur de Hugging Face, a été confirmé lundi.",
        ("Yann Keller", "Hugging Face", "departure"),
    ),
    (
        "Stability AI a congédié son directeur scientifique, Omar Haddad.",
        ("Omar Haddad", "Stability AI", "dismissal"),
    ),
]


@pytest.mark.parametrize(("text", "expected"), POSITIVE_FR)
def test_french_departures_are_found(extractor, text, expected):
    assert expected in departures_of(extractor, text)


NEGATIVE_FR = [
    "Léa Fontaine n'a pas quitté Anthropic, contrairement à ce qu'affirmait la presse.",
    "Anthropic dément le départ de Léa Fontaine.",
    "Léa Fontaine pourrait quitter Anthropic dans les prochains mois.",
    "Léa Fontaine envisage de partir d'Anthropic.",
    "Selon des rumeurs, Léa Fontaine serait sur le départ chez Anthropic.",
    "Léa Fontaine, ancienne employée de Google, lève 20 millions d'euros pour sa start-up.",
    "« Les modèles progressent vite », estime Léa Fontaine, chercheuse chez Anthropic.",
    "Microsoft quitte le conseil d'administration d'OpenAI.",
    "Arthur Lenoir, le PDG de Mistral AI, a quitté le salon VivaTech en fin de journée.",
    "Mistral AI annonce un nouveau modèle et une levée de fonds de 600 millions d'euros.",
    "Les chercheurs quittent OpenAI les uns après les autres.",
]


ANNOUNCED_FR = [
    "Léa Fontaine quittera ses fonctions chez Anthropic en septembre.",
    "Léa Fontaine va quitter Anthropic à la fin de l'année.",
    "Léa Fontaine prévoit de quitter Anthropic le mois prochain, selon Bloomberg.",
    "Léa Fontaine s'apprête à quitter Anthropic.",
]


@pytest.mark.parametrize("text", ANNOUNCED_FR)
def test_an_announced_departure_is_a_departure_dated_when_announced(extractor, text):
    (event,) = extractor.extract(ArticleText(text, "fr", PUBLISHED)).events
    assert (event.subject.name, event.organization.name) == ("Léa Fontaine", "Anthropic")
    assert (event.event_date, event.date_precision) == (PUBLISHED.replace(day=1), "month")


@pytest.mark.parametrize(
    "text",
    [
        "Léa Fontaine pourrait quitter Anthropic en septembre.",
        "Léa Fontaine quitterait Anthropic, selon la presse.",
        "Si le conseil insiste, Léa Fontaine quittera Anthropic.",
    ],
)
def test_a_supposed_departure_is_not_one(extractor, text):
    assert departures_of(extractor, text) == set()


@pytest.mark.parametrize("text", NEGATIVE_FR)
def test_french_non_events_stay_out(extractor, text):
    assert departures_of(extractor, text) == set()


POSITIVE_EN = [
    (
        "Dana Whitfield left OpenAI in March to start her own company.",
        ("Dana Whitfield", "OpenAI", "departure"),
    ),
    ("Google fired engineer Rafael Ochoa on Tuesday.", ("Rafael Ochoa", "Google", "dismissal")),
    (
        "Meta's chief scientist, Karen Holt, resigned last week.",
        ("Karen Holt", "Meta", "resignation"),
    ),
    (
        "Anthropic co-founder Victor Lang is stepping down from Anthropic.",
        ("Victor Lang", "Anthropic", "resignation"),
    ),
]


@pytest.mark.parametrize(("text", "expected"), POSITIVE_EN)
def test_english_departures_are_found(extractor, text, expected):
    assert expected in departures_of(extractor, text, "en")


NEGATIVE_EN = [
    "Dana Whitfield denied reports that she would leave OpenAI.",
    "Dana Whitfield is considering leaving OpenAI, people familiar with the matter said.",
    "Dana Whitfield did not leave OpenAI.",
    "OpenAI raised $6.6 billion in a round led by Thrive Capital.",
]


@pytest.mark.parametrize("text", NEGATIVE_EN)
def test_english_non_events_stay_out(extractor, text):
    assert departures_of(extractor, text, "en") == set()


def test_dissolution_with_lowercase_team_name(extractor):
    text = "Microsoft a dissous son équipe éthique et société en mars 2023."
    found = events_of(extractor, text)
    assert ("dissolution", "Ethics and Society", "Microsoft", None) in found


def test_dissolution_referred_to_by_ce_groupe(extractor):
    text = (
        "En 2024, OpenAI a créé une équipe Model Welfare. "
        "Mais OpenAI a dissous ce groupe en mai 2025."
    )
    found = events_of(extractor, text)
    assert ("dissolution", "Model Welfare", "OpenAI", None) in found


def test_team_creation_is_not_a_dissolution(extractor):
    text = "OpenAI a créé une nouvelle équipe Alignment Science en septembre."
    assert not [e for e in events_of(extractor, text) if e[0] == "dissolution"]


def test_surname_mention_links_to_full_name(extractor):
    text = "Sophie Lambert dirigeait la recherche de Cohere. Lambert a démissionné jeudi."
    assert ("Sophie Lambert", "Cohere", "resignation") in departures_of(extractor, text)


def test_nickname_in_quotes_gives_the_name_the_press_uses(extractor):
    text = "Jean-Baptiste « JB » Moreau a quitté Mistral AI en février."
    names = {p for p, _, _ in departures_of(extractor, text)}
    assert "JB Moreau" in names


def test_dates_resolve_against_publication_date(extractor):
    extraction = extractor.extract(
        ArticleText("Léa Fontaine a quitté Anthropic mardi dernier.", "fr", PUBLISHED)
    )
    (event,) = [e for e in extraction.events if e.event_type == "departure"]
    assert (event.event_date, event.date_precision) == (datetime.date(2025, 6, 10), "day")


@pytest.mark.parametrize(
    ("text", "lang", "day"),
    [
        (
            "Mistral AI a dissous son équipe d'éthique le 2 juin. Sa responsable, Léa Fontaine, "
            "a été licenciée le lendemain.",
            "fr",
            datetime.date(2025, 6, 3),
        ),
        (
            "Le conseil s'est réuni le 4 juin. La veille, Léa Fontaine avait quitté Mistral AI.",
            "fr",
            datetime.date(2025, 6, 3),
        ),
        (
            "The board met on June 2. The next day, Dana Kim resigned from Anthropic.",
            "en",
            datetime.date(2025, 6, 3),
        ),
    ],
)
def test_the_next_day_counts_from_the_day_named_before(extractor, text, lang, day):
    extraction = extractor.extract(ArticleText(text, lang, PUBLISHED))
    (event,) = [e for e in extraction.events if e.event_type == "departure"]
    assert (event.event_date, event.date_precision) == (day, "day")


def test_role_is_kept(extractor):
    extraction = extractor.extract(
        ArticleText("Marc Dubreuil, directeur technique de Mistral AI, a démissionné.", "fr")
    )
    assert [e.role for e in extraction.events if e.event_type == "departure"] == [
        "directeur technique"
    ]


def test_hiring_is_its_own_event(extractor):
    text = "Thomas Girard a quitté Google DeepMind pour rejoindre Anthropic."
    found = events_of(extractor, text)
    assert ("hiring", "Thomas Girard", "Anthropic", None) in found
    assert ("departure", "Thomas Girard", "Anthropic", "departure") not in found


def test_s_en_aller_is_a_departure(extractor):
    text = "Un an après son retour chez OpenAI, Hélène Garnier s'en va de nouveau."
    assert ("Hélène Garnier", "OpenAI", "departure") in departures_of(extractor, text)


def test_organisation_parting_with_someone(extractor):
    text = "Meta se sépare de Lucas Vidal, son responsable de la recherche en IA générative."
    assert ("Lucas Vidal", "Meta", "departure") in departures_of(extractor, text)


def test_day_parsed_as_object_does_not_hide_the_person(extractor):
    text = (
        "Selon la presse, l'entreprise a renvoyé mercredi Camille Duval, qui dirigeait OpenAI Labs."
    )
    extraction = extractor.extract(ArticleText(text, "fr", datetime.date(2024, 7, 20)))
    dated = {(e.subject.name, e.event_date) for e in extraction.events}
    assert ("Camille Duval", datetime.date(2024, 7, 17)) in dated


def test_a_relative_clause_date_does_not_date_the_event(extractor):
    text = (
        "OpenAI a licencié Camille Duval le 17 juillet. Le licenciement de Camille Duval "
        "intervient après la dissolution d'une équipe dont les responsables avaient démissionné "
        "en mai."
    )
    extraction = extractor.extract(ArticleText(text, "fr", datetime.date(2024, 7, 20)))
    second = [e for e in extraction.events if e.sentence.startswith("Le licenciement")]
    assert second and all(e.event_date != datetime.date(2024, 5, 1) for e in second)


def test_a_later_his_departure_is_the_same_event_not_a_new_one(extractor):
    text = (
        "Marcus Reed left Anthropic on Tuesday. Reed joined Anthropic in 2022 from Google "
        "DeepMind. His departure comes weeks after another exit."
    )
    found = departures_of(extractor, text, "en")
    assert ("Marcus Reed", "Anthropic", "departure") in found
    assert all(org != "Google DeepMind" for _, org, _ in found)


def test_a_negated_main_verb_does_not_cancel_a_departure_in_an_adjunct(extractor):
    text = (
        "Trois mois après le licenciement de la chercheuse Inès Caron, Google n'en a pas fini "
        "avec la contestation."
    )
    assert ("Inès Caron", "Google", "dismissal") in departures_of(extractor, text)


def test_a_headline_ner_takes_for_a_name_is_not_the_organisation(extractor):
    text = (
        "Nouveau départ de haut niveau chez Cohere\n\n"
        "La chercheuse Claire Morel a quitté Cohere lundi."
    )
    orgs = {o for _, o, _ in departures_of(extractor, text)}
    assert orgs == {"Cohere"}


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "Louise Marchal-Dervaux a quitté Anthropic en février.",
            "fr",
            ("Louise Marchal-Dervaux", "Anthropic", "departure"),
        ),
        (
            "Cohere has fired its research chief, Daniel Oyelaran-Fisk, on Monday.",
            "en",
            ("Daniel Oyelaran-Fisk", "Cohere", "dismissal"),
        ),
        (
            "Paul-Henri Castagnède left Google in March. Castagnède had spent six years there.",
            "en",
            ("Paul-Henri Castagnède", "Google", "departure"),
        ),
    ],
)
def test_hyphenated_names_are_kept_whole(extractor, text, lang, expected):
    assert expected in departures_of(extractor, text, lang)


def test_a_quoted_team_name_is_the_name(extractor):
    text = "La start-up Heliotrope a dissous son équipe « Évaluation et risques » en mars."
    found = {(name, org) for t, name, org, _ in events_of(extractor, text) if t == "dissolution"}
    assert found == {("Évaluation et risques", "Heliotrope")}


@pytest.mark.parametrize(
    "text",
    [
        "Interrogé, Hugo Lemarchand a exclu tout départ de Mistral AI.",
        "Chez Meta, Chloé Arnaud a écarté toute démission collective.",
    ],
)
def test_ruling_out_any_departure_is_not_one(extractor, text):
    assert departures_of(extractor, text) == set()


def test_stepping_down_from_a_stage_is_not_a_departure(extractor):
    text = "At the OpenAI event, Rachel Ombasa stepped down from the podium after her demo."
    assert departures_of(extractor, text, "en") == set()


def test_stepping_down_from_the_board_is_a_departure(extractor):
    text = "Rachel Ombasa stepped down from the board of Anthropic on Friday."
    assert ("Rachel Ombasa", "Anthropic", "resignation") in departures_of(extractor, text, "en")
