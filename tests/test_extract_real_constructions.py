"""Constructions real news articles use (read in real articles, rewritten here in our own words
with invented people and companies): each case is what must, or must not, become an event."""

from __future__ import annotations

import datetime

import pytest

from pipeline.extract import ArticleText, Extractor

PUBLISHED = datetime.date(2025, 6, 13)


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def departures(extractor: Extractor, text: str, lang: str = "fr") -> set[tuple[str, str, str]]:
    extraction = extractor.extract(ArticleText(text, lang, PUBLISHED))
    return {
        (e.subject.name, e.organization.name if e.organization else "", e.kind)
        for e in extraction.events
        if e.event_type == "departure"
    }


def people(extractor: Extractor, text: str, lang: str = "fr") -> set[tuple[str, str]]:
    return {(person, org) for person, org, _ in departures(extractor, text, lang)}


CASES = [
    # a list of people before a plural verb, after an opening phrase
    (
        "Selon le Financial Times, Inès Valade, Karim Boulos et Tessa Marchal ont quitté le "
        "navire xAI.",
        {("Inès Valade", "xAI"), ("Karim Boulos", "xAI"),
         ("Tessa Marchal", "xAI")},
    ),
    # a second person leaving "en compagnie de" the first
    (
        "Le chercheur Octave Rimbert, présent chez Anthropic depuis six ans, a annoncé son "
        "départ, en compagnie de Lise Aubray.",
        {("Octave Rimbert", "Anthropic"), ("Lise Aubray", "Anthropic")},
    ),
    # a long apposition with a relative clause that the parser gives the subject to
    (
        "Noé Castel, ingénieur de 31 ans dont les travaux ont inspiré plusieurs modèles, a quitté "
        "Mistral AI après deux ans pour rejoindre Google.",
        {("Noé Castel", "Mistral AI")},
    ),
    # "chez X" after leaving a post is where the person worked, not where they go
    (
        "Romane Delmas quitte ses fonctions chez Meta à la fin du mois.",
        {("Romane Delmas", "Meta")},
    ),
    (
        "Romane Delmas quitte OpenAI pour rejoindre Meta.",
        {("Romane Delmas", "OpenAI")},
    ),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_real_constructions(extractor, text, expected):
    assert people(extractor, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # an infinitive under a noun has no subject of its own: the speaker is not leaving
        "Lors d'une visite à Paris, Hugo Brunel avait laissé entendre que l'entreprise pourrait "
        "quitter l'Union, avant de se raviser : « Nous n'avons aucune intention de partir », "
        "avait-il assuré.",
    ],
)
def test_not_departures(extractor, text):
    assert departures(extractor, text) == set()


def dissolutions(extractor: Extractor, text: str, lang: str = "fr") -> set[tuple[str, str]]:
    extraction = extractor.extract(ArticleText(text, lang, PUBLISHED))
    return {
        (e.subject.name, e.organization.name if e.organization else "")
        for e in extraction.events
        if e.event_type == "dissolution"
    }


DISSOLUTIONS = [
    # a name in quotes that starts with the team noun
    (
        "Le « comité de vigilance éthique » de Meta a été dissous le 12 mars par la direction.",
        {("comité de vigilance éthique", "Meta")},
    ),
    # a headline verb the tagger takes for an adjective
    ("Amazon ferme son laboratoire de robotique de Lyon, confirme une source.",
     {("laboratoire de robotique de Lyon", "Amazon")}),
    # two team nouns for one team, the description given once
    ("Alibaba a supprimé un laboratoire et une équipe de calcul quantique.",
     {("laboratoire de calcul quantique", "Alibaba")}),
    ("Microsoft a fermé les portes de son laboratoire de recherche de Bangalore.",
     {("laboratoire de recherche de Bangalore", "Microsoft")}),
    # the article names the team no better than "l'équipe"
    ("Le géant du commerce en ligne Amazon a finalement dissous l'équipe au début de 2017.",
     {("équipe", "Amazon")}),
    # jobs cut in a team are no dissolution; a board is not a team
    ("En octobre, Meta avait supprimé 600 postes au sein de FAIR.", set()),
    ("Meta a dissous son conseil d'administration.", set()),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), DISSOLUTIONS)
def test_real_dissolution_constructions(extractor, text, expected):
    assert dissolutions(extractor, text) == expected


def test_one_team_told_under_two_names_is_one_dissolution(extractor):
    text = (
        "Vortège supprime sa cellule éthique\n\n"
        "La start-up Vortège a annoncé mardi la fin de la cellule Boussole. "
        "La cellule Boussole, créée en 2021, a été supprimée. "
        "La suppression de l'équipe a surpris les salariés."
    )
    assert dissolutions(extractor, text) == {("Boussole", "Vortège")}


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # news told in the passé composé with no date: the month the article was published
        ("Jeanne Morel a quitté Mistral AI, a confirmé la start-up.", "fr", "2025-06"),
        ("Jane Morrow has left Anthropic, the company confirmed.", "en", "2025-06"),
        # the past behind the news stays undated
        ("Jeanne Morel, qui avait quitté Mistral AI, dirige désormais sa start-up.", "fr", None),
        ("Jane Morrow, who had left Anthropic, now runs a startup of her own.", "en", None),
    ],
)
def test_an_undated_report_is_dated_at_publication_unless_told_as_background(
    extractor, text, lang, expected
):
    (event,) = [e for e in extractor.extract(ArticleText(text, lang, PUBLISHED)).events]
    label = event.event_date.isoformat()[:7] if event.event_date else None
    assert label == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a lead that describes the person first and names them in the next sentence
        (
            "Google a limogé l'ingénieur qui affirmait qu'un chatbot était conscient.\n\n"
            "L'homme en question, Marc Olivier, a enfreint les règles de l'entreprise.",
            {("Marc Olivier", "Google")},
        ),
        # an earlier employer told through a pronoun is another departure, not the same again
        (
            "Lina Morel a démissionné de Mistral AI en janvier. Elle avait quitté Google en 2022 "
            "pour rejoindre la start-up.",
            {("Lina Morel", "Mistral AI"), ("Lina Morel", "Google")},
        ),
    ],
)
def test_people_named_after_or_before_the_trigger(extractor, text, expected):
    assert people(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The first to leave was Tim Salter, who left OpenAI in July 2018 for a job at Google.",
         {("Tim Salter", "OpenAI")}),
        ("Tesla shut down the project, with team leader Paul Brandt departing the company, "
         "people familiar with the matter said.", {("Paul Brandt", "Tesla")}),
        ("Meanwhile, Anthropic's legal chief, Rob Keller, left this month, following research "
         "chief Lena Vogt's departure in July.", {("Rob Keller", "Anthropic"),
                                                  ("Lena Vogt", "Anthropic")}),
        ("Kai Brenner joined Uber in 2016. Uber fired him in May 2017 after he declined to "
         "cooperate with an internal inquiry.", {("Kai Brenner", "Uber")}),
        ("Ivo Marsh is leaving xAI to start a fund, he said on Wednesday. Marsh's departure comes "
         "at a difficult time for xAI and for its rival Anthropic.", {("Ivo Marsh", "xAI")}),
    ],
)  # fmt: skip
def test_english_constructions(extractor, text, expected):
    assert people(extractor, text, "en") == expected


def test_a_clause_after_a_colon_opens_with_its_subject(extractor):
    text = (
        "xAI traverse une période agitée en interne : Marc Lévy, le directeur financier d'xAI, "
        "quitte le navire après quelques mois."
    )
    assert people(extractor, text) == {("Marc Lévy", "xAI")}


def test_leaving_the_company_is_leaving_the_one_the_article_is_about(extractor):
    text = (
        "Tesla named a new head of software. Chris Lane, who had joined Tesla from Apple in "
        "January, confirmed late Tuesday that he has left the company."
    )
    assert people(extractor, text, "en") == {("Chris Lane", "Tesla")}


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # a role given up inside the company is no departure; staying as an adviser still is
        ("Lucas Morin a démissionné en tant que directeur du groupe en 2018, mais reste le "
         "principal scientifique de Meta.", "fr", set()),
        ("Lucas Morin quitte ses fonctions de directeur général de Waymo, mais restera "
         "conseiller de l'entreprise.", "fr", {("Lucas Morin", "Waymo")}),
        # a move "de X à Y" is a departure from X
        ("Nathan Roux est passé du poste de directeur général d'Adept à la tête du laboratoire "
         "d'Amazon.", "fr", {("Nathan Roux", "Adept")}),
        # a title-case job title does not start a name
        ("In Wake of Acquisition, Intel AI Leader Naveen Rau Departs\n\nNaveen Rau, Intel's AI "
         "leader, is leaving the company, Intel said.", "en", {("Naveen Rau", "Intel")}),
    ],
)  # fmt: skip
def test_roles_moves_and_titles(extractor, text, lang, expected):
    assert people(extractor, text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # the imperfect of reported speech is the news, not the past behind it
        ("La chercheuse Léa Marin a annoncé sur son compte LinkedIn qu'elle quittait Meta.",
         "fr", "2025-06"),
        # a date in a "who ..." clause closed before the trigger is the clause's
        ("Ravi Kumar, Intel's AI leader who came to the company in 2016, has announced he is "
         "leaving Intel.", "en", "2025-06"),
    ],
)  # fmt: skip
def test_dates_of_reported_speech_and_relative_clauses(extractor, text, lang, expected):
    events = extractor.extract(ArticleText(text, lang, PUBLISHED)).events
    dates = {e.event_date.isoformat()[:7] for e in events if e.event_type == "departure"}
    assert dates == {expected}


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Meta dissout son équipe en charge de l'innovation responsable.", "fr",
         {("équipe en charge de l'innovation responsable", "Meta")}),
        ("Meta vient de fermer Meta Horizon Labs, une division de R&D qui travaillait sur des "
         "drones.", "fr", {("Meta Horizon Labs", "Meta")}),
        ("Google a supprimé Vigie, une équipe de cinq personnes.", "fr", {("Vigie", "Google")}),
        ("Microsoft a licencié toute son équipe dédiée à l'éthique de l'IA en mars.", "fr",
         {("équipe dédiée à l'éthique de l'IA", "Microsoft")}),
        ("The SpaceX CEO has sacked the entire Ethical AI team at Twitter, employees confirmed.",
         "en", {("Ethical AI", "Twitter")}),
        ("Tesla has ordered to shut down its Dojo supercomputer team, people said.", "en",
         {("Dojo", "Tesla")}),
    ],
)  # fmt: skip
def test_teams_named_by_their_task_or_an_apposition(extractor, text, lang, expected):
    assert dissolutions(extractor, text, lang) == expected


def test_dismissing_an_idea_is_no_dismissal(extractor):
    text = "In July, Marc Oakes dismissed the possibility of a merger between Tesla and xAI."
    assert departures(extractor, text, "en") == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the press's past conditional reports what a source says happened to someone named
        ("Selon un quotidien économique, Hugo Lenoir aurait été licencié par Mistral AI en "
         "janvier.", {("Hugo Lenoir", "Mistral AI", "dismissal")}),
        # ... but not what would have happened ("si"), nor a rumour about "le dirigeant"
        ("Hugo Lenoir aurait quitté Mistral AI si on lui avait proposé mieux.", set()),
        ("Hugo Lenoir dirige Kalyx AI. Selon une lettre spécialisée, le dirigeant aurait été "
         "poussé vers la sortie par ses investisseurs.", set()),
        # "ce dernier" is the person named last
        ("Apple vient de recruter Hugo Lenoir. Ce dernier vient de démissionner de chez Google.",
         {("Hugo Lenoir", "Google", "resignation")}),
        # an unnamed plaintiff's "son départ" is hers, not the byline's nor anyone's named before
        ("Par Jeanne Morel\n\nL'audience s'est tenue mardi. Face à face : Kalyx AI et une "
         "ancienne ingénieure de l'entreprise, qui demande la requalification de son départ en "
         "licenciement.", set()),
        ("Hugo Lenoir dirige le laboratoire. Face à face : Mistral AI et une ancienne ingénieure "
         "de l'entreprise, qui demande la requalification de son départ.", set()),
    ],
)  # fmt: skip
def test_hearsay_and_people_referred_to(extractor, text, expected):
    assert departures(extractor, text) == expected


def test_the_employer_left_beats_the_new_one_for_a_later_possessive(extractor):
    text = (
        "Hugo Lenoir vient de démissionner de chez Google après dix ans. Chez Apple, Hugo Lenoir "
        "dirigera une nouvelle unité. Il a annoncé sa démission à ses collègues en avril 2025."
    )
    events = extractor.extract(ArticleText(text, "fr", None)).events
    assert {(e.subject.name, e.organization.name) for e in events} == {("Hugo Lenoir", "Google")}
    # the later report adds the date the first one lacked
    assert {e.event_date.isoformat()[:7] for e in events if e.event_date} == {"2025-04"}


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # "depuis 2019" is when the post began, not when it ended
        ("Anna Berg, directrice de la recherche depuis 2019, a quitté Meta cette semaine.", "fr",
         "2025-06"),
        ("Anna Berg, head of research since 2019, left Meta this week.", "en", "2025-06"),
    ],
)  # fmt: skip
def test_the_start_of_a_post_is_not_the_date_it_ended(extractor, text, lang, expected):
    events = extractor.extract(ArticleText(text, lang, PUBLISHED)).events
    assert {e.event_date.isoformat()[:7] for e in events if e.event_date} == {expected}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an abbreviation's dot ends no sentence inside a name
        ("Lindo St. Clair, a vice president at Amazon, left the company in May.",
         {("Lindo St. Clair", "Amazon")}),
        # "(pictured, left)" is where someone stands in a photo
        ("Jensen Hale (pictured, left) founded Nvidia in 1993.", set()),
        # an announced plan to leave is the news of a departure
        ("Simone Kraft said on LinkedIn she planned to leave Nvidia after seven years.",
         {("Simone Kraft", "Nvidia")}),
    ],
)  # fmt: skip
def test_english_names_captions_and_plans(extractor, text, expected):
    assert people(extractor, text, "en") == expected


def test_who_leads_a_team_is_not_part_of_its_name(extractor):
    text = "Tesla a dissous mardi la division de 500 salariés dirigée par Anna Berg."
    assert dissolutions(extractor, text, "fr") == {("division de 500 salariés", "Tesla")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a team the article knows by its leader's name
        ("Meta disbanded Wen Liqiang's team in May.", {("Wen Liqiang's team", "Meta")}),
        # a lab goes by all the words before "laboratory", not just its capitalised first one
        ("The move follows Alibaba, which closed its ORCA quantum research laboratory in May.",
         {("ORCA quantum research laboratory", "Alibaba")}),
        # the subject of a passive trigger, set off by commas next to a team noun
        ("One of Alphabet's experimental departments, Tidy Robots, which had a staff of more than "
         "200 people working on robotics projects, is being shuttered, according to a report.",
         {("Tidy Robots", "Google")}),
    ],
)  # fmt: skip
def test_english_teams_named_by_leader_descriptor_or_apposition(extractor, text, expected):
    assert dissolutions(extractor, text, "en") == expected


def test_a_name_told_family_name_first_is_linked_by_its_first_word(extractor):
    text = (
        "Meta cut 600 jobs in its AI division.\n"
        "- Full story: Did They Really Cut Wen Liqiang’s Team?\n"
        "- Wen Liqiang’s team was disbanded.\n"
        "Wen commented on a forum that it was awkward to acknowledge being laid off."
    )
    assert people(extractor, text, "en") == {("Wen Liqiang", "Meta")}


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # the subject of "déclarer son intention de ...", and its negation
        ("Chez Apple, l'avocate générale Inès Caron a déclaré son intention de prendre sa "
         "retraite.", "fr", {("Inès Caron", "Apple")}),
        ("Inès Caron, chez Apple, n'a « aucune intention de partir », dit un proche.", "fr", set()),
        # where someone left for is not what the next sentence's leavers left
        ("Six of xAI's founders have left. Kyle Moss left for OpenAI in 2024. Ivan Petrov "
         "departed last August, and Gail Young left last month.", "en",
         {("Kyle Moss", "xAI"), ("Ivan Petrov", "xAI"), ("Gail Young", "xAI")}),
        # "OpenAI's former chief scientist" is not the company "its" stands for
        ("Daniel Grant's new role at Meta was confirmed hours after Ilya Stern, a co-founder of "
         "SSI and OpenAI's former chief scientist, said that Grant had resigned as its chief "
         "executive.", "en", {("Daniel Grant", "Safe Superintelligence")}),
    ],
)  # fmt: skip
def test_intentions_destinations_and_former_employers(extractor, text, lang, expected):
    assert people(extractor, text, lang) == expected


def test_a_pronoun_report_that_says_how_someone_left_is_kept(extractor):
    text = (
        "President Vance pardoned Adam Lowell, the former Google engineer, hours before he "
        "leaves office. Lowell left Google in January 2016 to found a start-up Uber bought. "
        "Uber fired him in May 2017."
    )
    found = departures(extractor, text, "en")
    assert ("Adam Lowell", "Uber", "dismissal") in found
    assert ("Adam Lowell", "Google", "departure") in found


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # a company as the actor that loses its people; "l'entreprise" is the one told about
        ("Le dernier salon de Mistral AI a déçu. Selon Reuters, l'entreprise s'apprête à perdre "
         "une autre de ses dirigeantes dans la recherche, Claire Dumas.", "fr",
         {("Claire Dumas", "Mistral AI")}),
        ("La start-up fondée par Anne Roy perd l'un de ses cofondateurs, Paul Vidal, qui repart "
         "chez Google.", "fr", set()),
        ("Cohere lève 20 millions. La start-up fondée par Anne Roy perd cependant l'un de ses "
         "cofondateurs, Paul Vidal, qui repart chez Google.", "fr", {("Paul Vidal", "Cohere")}),
        # a heading with a role noun announces the person its paragraph names
        ("Lucas Marin, le patron, a salué son travail.\nLe responsable de l'IA chez Apple s'en "
         "va\nL'entreprise annonce le départ de Hélène Morel, vice-présidente chargée de "
         "l'apprentissage automatique.", "fr", {("Hélène Morel", "Apple")}),
        # a field ("le chercheur GenAI") is no company: "l'entreprise" is the one that confirms
        ("Microsoft a confirmé que le chercheur GenAI, Paul Vidal, a quitté l'entreprise pour "
         "rejoindre OpenAI.", "fr", {("Paul Vidal", "Microsoft")}),
    ],
)  # fmt: skip
def test_companies_that_lose_people_and_headings(extractor, text, lang, expected):
    assert people(extractor, text, lang) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "X CEO" names the company; what follows "following" is another story
        ("Meanwhile, Cohere's legal chief, Rob Kell, left this month, following X CEO Lina Yara's "
         "departure in July.", {("Rob Kell", "Cohere"), ("Lina Yara", "Twitter")}),
        # leaving the website is no departure
        ("Its head of research, Ilse Marr, said she was leaving X, the social network, and "
         "moving her posts to Bluesky.", set()),
        # left for a rival, then returned: the company returned to is the one they had left
        ("That was Anthropic's biggest talent loss. Bo Chen and Lea Ruiz, the engineers behind "
         "Claude Code, left for rival Anysphere in early July, and then returned to Anthropic.",
         {("Bo Chen", "Anthropic"), ("Lea Ruiz", "Anthropic")}),
        # a short sentence with a company and a month is no title-case headline
        ("Bo Chen left Anthropic in May.", {("Bo Chen", "Anthropic")}),
    ],
)  # fmt: skip
def test_english_titles_platforms_returns_and_short_sentences(extractor, text, expected):
    assert people(extractor, text, "en") == expected


def test_a_later_report_does_not_borrow_a_background_year(extractor):
    text = (
        "Ivo Brandt, a co-founder of xAI, is leaving the company, he said on Wednesday. "
        "Brandt and a partner founded xAI in 2023, and bought a rival in 2022. "
        "Brandt's departure comes at a hard time for xAI."
    )
    events = extractor.extract(ArticleText(text, "en", PUBLISHED)).events
    assert {e.event_date.year for e in events if e.event_type == "departure"} == {2025}


def test_without_a_publication_date_a_month_counts_back_from_the_date_the_text_gives(extractor):
    text = (
        "Selon un article paru le 10 février 2026, Inès Caron, vice-présidente chez OpenAI, "
        "aurait été licenciée en janvier."
    )
    events = extractor.extract(ArticleText(text, "fr", None)).events
    assert {(e.subject.name, e.event_date.isoformat()[:7]) for e in events} == {
        ("Inès Caron", "2026-01")
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a claim called false is no event
        ("Il est faux de prétendre que Cohere a licencié Marc Olier.", set()),
        ("Marc Olier a quitté Cohere, un choix que certains jugent faux.",
         {("Marc Olier", "Cohere")}),
        # the surname alone, which NER may take for a company, after the full name
        ("Marc Olier dirige Cohere depuis 2020. Olier a démissionné de son poste de président de "
         "Y Combinator le 8 mars 2019.", {("Marc Olier", "Y Combinator")}),
    ],
)  # fmt: skip
def test_false_claims_and_surnames_alone(extractor, text, expected):
    assert people(extractor, text, "fr") == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # a gerund trigger, and a department named by its capitalised words
        ("The plan adds two departments, while Tencent is dissolving the Model Platform "
         "department.", "en", {("Model Platform", "Tencent")}),
        # a team told by its task
        ("Google disbanded a team working on the next Chromebook even though it was nearly "
         "done.", "en", {("team working on the next Chromebook", "Google")}),
        # fields told by coordinated acronyms name the lab with its noun
        ("Microsoft ferme son laboratoire IoT et IA à Shanghai", "fr",
         {("laboratoire IoT et IA", "Microsoft")}),
        # a lab the gazetteer files under its company is the team named after "l'équipe"
        ("Meta a dissous l'équipe FAIR en mai.", "fr", {("FAIR", "Meta")}),
        # who leads a division, hung on its noun by the parse, is not part of its name
        ("Tesla a licencié l'équipe responsable\n\nLa division de 500 travailleurs dirigée par "
         "Anna Berg a été licencié mardi", "fr", {("division de 500 travailleurs", "Tesla")}),
    ],
)  # fmt: skip
def test_teams_by_gerund_task_acronyms_labs_and_leaders(extractor, text, lang, expected):
    assert dissolutions(extractor, text, lang) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the company as the actor, however the short sentence parses
        ("Google a fini par licencier Paul Verdier.", {("Paul Verdier", "Google", "dismissal")}),
        ("OpenAI a démis de ses fonctions son directeur financier, Paul Verdier.",
         {("Paul Verdier", "OpenAI", "dismissal")}),
        ("Paul Verdier travaillait chez Meta. Meta a décidé de le mettre à la porte.",
         {("Paul Verdier", "Meta", "dismissal")}),
        ("Meta a remercié Paul Verdier.", {("Paul Verdier", "Meta", "dismissal")}),
        ("Meta a remercié Paul Verdier pour son travail sur Llama.", set()),
        ("OpenAI perd son directeur scientifique, Paul Verdier.",
         {("Paul Verdier", "OpenAI", "departure")}),
        ("Paul Verdier claque la porte de Google.", {("Paul Verdier", "Google", "resignation")}),
        # lists parsed as appositions, and people escorted out together
        ("Trois cofondateurs de xAI, Paul Verdier, Luc Marin et Eva Rousset, ont décidé de partir.",
         {("Paul Verdier", "xAI", "departure"), ("Luc Marin", "xAI", "departure"),
          ("Eva Rousset", "xAI", "departure")}),
        ("Chez OpenAI, Paul Verdier est accompagné vers la sortie par deux chercheurs, à savoir "
         "Luc Marin et Eva Rousset.",
         {("Paul Verdier", "OpenAI", "dismissal"), ("Luc Marin", "OpenAI", "dismissal"),
          ("Eva Rousset", "OpenAI", "dismissal")}),
        # where from, where to
        ("Le départ de Paul Verdier vers Meta a surpris Google.",
         {("Paul Verdier", "Google", "departure")}),
        ("Le PDG de Character.AI, Paul Verdier, retourne chez Google.",
         {("Paul Verdier", "Character.AI", "departure")}),
    ],
)  # fmt: skip
def test_constructions_the_real_news_issue_lists(extractor, text, expected):
    assert departures(extractor, text, "fr") == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Tesla a dissous son équipe de superordinateurs Dojo.", "fr",
         {("équipe de superordinateurs Dojo", "Tesla")}),
        ("Google met un terme à son équipe Vigie.", "fr", {("Vigie", "Google")}),
        ("Microsoft disbanded its ethics advisory council.", "en",
         {("ethics advisory council", "Microsoft")}),
    ],
)  # fmt: skip
def test_teams_the_real_news_issue_lists(extractor, text, lang, expected):
    assert dissolutions(extractor, text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # still employed where the article first says the person leaves: a change of post
        ("Paul Verdier quitte ses fonctions à la tête de la recherche de Microsoft. "
         "L'intéressé reste toutefois employé chez Microsoft.", "fr", set()),
        ("Paul Verdier a démissionné de son poste de directeur de Microsoft. Il reste toutefois "
         "chez Microsoft.", "fr", set()),
        # staying until a date tells when the person goes
        ("Paul Verdier a démissionné de Microsoft. Il reste chez Microsoft jusqu'en mai.", "fr",
         {("Paul Verdier", "Microsoft")}),
        ("Jane Cole is stepping down as head of research at Google. She remains at Google as an "
         "adviser.", "en", set()),
    ],
)  # fmt: skip
def test_people_who_stay_employed_did_not_leave(extractor, text, lang, expected):
    assert people(extractor, text, lang) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "Inc." ends no sentence before a lowercase word; "son" is the unit that speaks
        ("L'unité autonome Waymo d'Alphabet Inc. a déclaré jeudi que son responsable de la "
         "sécurité, Eva Rousset, démissionnait.", {("Eva Rousset", "Waymo")}),
        # what a clause about someone else names is not what the person left
        ("Deux membres du conseil d'Uber s'en vont. Eva Rousset a en effet quitté son poste, "
         "alors que Luc Marin, associé de Benchmark, délaisse le conseil.",
         {("Eva Rousset", "Uber")}),
        # the subject who let a team go was not let go
        ("Paul Verdier a promis que le réseau continuera, après qu'il a licencié l'équipe "
         "responsable.", set()),
    ],
)  # fmt: skip
def test_possessives_clauses_and_teams_let_go(extractor, text, expected):
    assert people(extractor, text, "fr") == expected


def test_a_lab_coordinated_with_a_complement_of_the_object_is_closed(extractor):
    text = (
        "Samsung a fermé son Internet des objets et son laboratoire d’initiés AI à Pékin, selon "
        "la presse."
    )
    assert dissolutions(extractor, text, "fr") == {("laboratoire d’initiés AI", "Samsung")}


def test_a_headline_lowercase_name_gives_way_to_the_proper_name(extractor):
    text = "# Cohere ferme son comité des risques\n\nLe Comité des Risques de Cohere a été dissous."
    names = {name for name, _ in dissolutions(extractor, text, "fr")}
    assert len(names) == 1


def test_a_team_name_many_companies_use_belongs_to_the_company_the_article_is_about(extractor):
    text = (
        "Twitter laid off half of its staff on Friday. Twitter's machine learning ethics group "
        "was hit hard. The SpaceX CEO has sacked the entire Ethical AI team, fired employees said."
    )
    assert dissolutions(extractor, text, "en") == {("Ethical AI", "Twitter")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the historical future with a year long gone is dated by that year
        ("Paul Verdier a cofondé Microsoft en 1975. Il quittera la société en 1983.", {"1983"}),
        # a post held in a relative clause, then "il avait rejoint" another company
        ("Paul Verdier, qui a dirigé les efforts d'Intel en IA depuis janvier, a déclaré qu'il "
         "avait rejoint OpenAI.", None),
    ],
)  # fmt: skip
def test_historical_future_and_a_post_before_a_pronoun(extractor, text, expected):
    events = [e for e in extractor.extract(ArticleText(text, "fr", PUBLISHED)).events]
    left = [e for e in events if e.event_type == "departure"]
    if expected is None:
        assert {(e.subject.name, e.organization.name) for e in left} == {("Paul Verdier", "Intel")}
    else:
        assert {e.event_date.isoformat()[:4] for e in left} == expected
