"""French team dissolutions: a dissolution verb, noun or phrase whose object is a team ("l'équipe
Superalignment", "son équipe d'éthique et société", "ce groupe", "l'"), the team's name as the
article gives it (or the gazetteer's name for a known team), and the organisation."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace

from spacy.tokens import Span, Token

from pipeline.extract.assertion import is_asserted
from pipeline.extract.context import ArticleContext, news_present
from pipeline.extract.lexicon import team_by_alias, triggers
from pipeline.extract.mentions import CLOSING_QUOTES, NAMING_WORDS, OPENING_QUOTES
from pipeline.extract.names import entity_key, fold
from pipeline.extract.results import EntityRef, FoundEvent

OBJECT_PRONOUNS = {"l'", "l’", "le", "la", "les"}
DEMONSTRATIVES = {"ce", "cette", "cet", "ces"}
_SKIP_IN_NAME = {"det", "punct", "acl:relcl", "acl", "appos", "nsubj", "cc:preconj"}


@dataclass(frozen=True)
class TeamMention:
    name: str
    organization: str | None  # the gazetteer's, for a team it knows
    token: Token
    surface: str = ""  # the words the article uses

    def as_named_in(self, organization: EntityRef) -> TeamMention:
        """A generic name the gazetteer knows at one lab ("Ethics and Society") said of another
        lab is that lab's team, under the article's own words."""
        if self.organization and fold(self.organization) != fold(organization.name):
            return replace(self, name=self.surface or self.name, organization=None)
        return self


def extract(context: ArticleContext) -> Iterator[FoundEvent]:
    lexicon = triggers()["fr"]
    verbs, nouns = set(lexicon["dissolution_verbs"]), set(lexicon["dissolution_nouns"])
    team_nouns = set(lexicon["team_nouns"])
    known = _named_teams(context, team_nouns)
    seen = set()
    starts = verbs | nouns | {"mettre", "cesser"}
    for sentence in context.sentences:
        for i in context.words.indexes_of(starts, sentence.start, sentence.end):
            token = context.doc[i]
            lemma = context.words.lemma[i]
            is_verb = token.pos_ in ("VERB", "AUX") and lemma in verbs
            is_noun = token.pos_ == "NOUN" and lemma in nouns
            is_phrase = (lemma == "mettre" and any(c.lemma_ == "fin" for c in token.children)) or (
                lemma == "cesser" and any(c.lemma_ == "exister" for c in token.children)
            )  # "a mis fin à", "a cessé d'exister"
            if not (is_verb or is_noun or is_phrase):
                continue
            if not is_asserted(token, sentence.text):
                continue
            team = _team_for(context, token, team_nouns, known)
            if team is None:
                continue
            organization = _organization(context, token, team)
            if organization is None:
                continue
            team = team.as_named_in(organization)
            key = (fold(team.name), organization.key)
            if key in seen:
                continue
            seen.add(key)
            yield _event(context, sentence, token, team, organization)


def _event(context, sentence: Span, trigger: Token, team: TeamMention, organization: EntityRef):
    date = context.date_for(trigger, reported_as_news=news_present(trigger))
    team_key = f"{organization.key}/{entity_key(team.name)}"
    return FoundEvent(
        event_type="dissolution",
        subject=EntityRef("team", team.name, team_key),
        organization=organization,
        kind=None,
        role=None,
        event_date=date.value if date else None,
        date_precision=date.precision if date else None,
        date_text=date.text if date else None,
        sentence=sentence.text.strip(),
        sentence_start=sentence.start_char,
        sentence_end=sentence.end_char,
    )


def _team_for(context, trigger: Token, team_nouns: set[str], known: list[TeamMention]):
    candidates = []
    for child in trigger.children:
        if child.dep_ in ("obj", "nsubj:pass", "nmod", "obl:arg", "obl", "nsubj"):
            candidates.append(child)
    if trigger.dep_ in ("acl", "amod") and trigger.head.pos_ in ("NOUN", "PROPN"):
        candidates.append(trigger.head)  # "l'équipe, dissoute en mai, ..."
    for candidate in candidates:
        team = _team_from(context, candidate, team_nouns, known)
        if team:
            return team
    return None


def _team_from(context, token: Token, team_nouns: set[str], known: list[TeamMention]):
    named = _name_team(token, team_nouns)
    if named:
        return TeamMention(*named[:2], token, named[2])
    is_pronoun = token.lower_ in OBJECT_PRONOUNS and token.pos_ == "PRON"
    is_demonstrative = token.lemma_.lower() in team_nouns and any(
        c.lower_ in DEMONSTRATIVES or c.lower_ in ("son", "sa", "leur") for c in token.children
    )
    if is_pronoun or is_demonstrative:
        earlier = [team for team in known if team.token.i < token.i]
        if (
            earlier
            and context.sentence_index(token) - context.sentence_index(earlier[-1].token) <= 3
        ):
            return earlier[-1]
    return None


def _name_team(token: Token, team_nouns: set[str]) -> tuple[str, str | None, str] | None:
    """(name, organisation from the gazetteer, the article's words) for a token that heads a
    team mention."""
    if token.ent_type_ == "TEAM":
        team = team_by_alias().get(fold(_ent_text(token)))
        if team:
            return team.name, team.organization, _ent_text(token)
    if token.lemma_.lower() not in team_nouns or "Plur" in token.morph.get("Number"):
        return None
    quoted = _quoted_name_after(token)
    if quoted:
        return _known_or(quoted)
    entity = entity_after_team_noun(token)
    if entity is not None:
        return _known_or(entity.text.strip("«» "))
    given = name_given_in_sentence(token)
    if given:
        return _known_or(given)
    proper = [
        child
        for child in token.children
        if child.i > token.i
        and (child.pos_ == "PROPN" or child.ent_type_ == "TEAM")
        and child.dep_ in ("flat:name", "appos", "nmod", "amod", "compound", "nummod")
    ]
    if proper:
        words = []
        for child in proper:
            words.extend(t.text for t in child.subtree if not t.is_punct and t.dep_ != "case")
        return _known_or(" ".join(words))
    descriptor = _descriptor(token)
    if descriptor is None:
        return None
    folded = fold(descriptor)
    for alias, team in team_by_alias().items():
        if alias and f" {alias} " in f" {folded} ":
            return team.name, team.organization, descriptor
    return descriptor, None, descriptor


def _known_or(surface: str) -> tuple[str, str | None, str]:
    team = team_by_alias().get(fold(surface))
    return (team.name, team.organization, surface) if team else (surface, None, surface)


def _quoted_name_after(noun: Token) -> str | None:
    """ "l'équipe « IA responsable »", "son équipe d'« Alignement et sûreté »": the words in
    quotes right after the team noun (or after its "de") are the team's name."""
    doc, end = noun.doc, noun.sent.end
    i = noun.i + 1
    if i < end and doc[i].lower_ in ("d'", "d’", "de", "du"):
        i += 1
    if i >= end or doc[i].text not in OPENING_QUOTES:
        return None
    for j in range(i + 1, min(i + 10, end)):
        if doc[j].text in CLOSING_QUOTES:
            name = doc[i + 1 : j].text.strip()
            return name or None
    return None


def name_given_in_sentence(noun: Token) -> str | None:
    """The quoted name a naming participle gives in the team noun's sentence, a few words from
    the noun: "Baptisée « Contrepoids », cette équipe a été dissoute"."""
    doc, sentence = noun.doc, noun.sent
    start, end = max(sentence.start, noun.i - 12), min(sentence.end, noun.i + 5)
    for i in range(start, end - 2):
        if doc[i].lower_ in NAMING_WORDS and doc[i + 1].text in OPENING_QUOTES:
            for j in range(i + 2, min(i + 10, sentence.end)):
                if doc[j].text in CLOSING_QUOTES:
                    return doc[i + 2 : j].text.strip() or None
    return None


def entity_after_team_noun(noun: Token) -> Span | None:
    """ "l'équipe Model Welfare", "son équipe centrale « Responsible Innovation »", "son équipe
    éthique et société": a named entity within a few words after the team noun."""
    window_end = min(noun.i + 4, noun.sent.end)
    for ent in noun.doc.ents:
        if noun.i < ent.start < window_end and (ent.label_ == "TEAM" or not ent.ent_id_):
            between = noun.doc[noun.i + 1 : ent.start]
            plain_words = all(
                t.is_punct or t.pos_ == "ADJ" or t.ent_type_ == "TEAM" for t in between
            )
            if plain_words and ent.label_ in ("TEAM", "ORG", "MISC", "PER"):
                return ent
    return None


def _descriptor(noun: Token) -> str | None:
    """ "équipe d'éthique et société" from "son équipe d'éthique et société, qui ..."."""
    keep = [noun]
    for child in noun.children:
        if child.i > noun.i and child.dep_ in ("amod", "nmod") and child.ent_type_ != "ORG":
            keep.extend(t for t in child.subtree if t.dep_ not in _SKIP_IN_NAME or t.i == child.i)
    if len(keep) == 1:
        return None
    keep = sorted(set(keep), key=lambda t: t.i)
    words = noun.doc[keep[0].i : keep[-1].i + 1]
    if any(t.ent_type_ == "ORG" for t in words):
        return None
    return words.text.strip()


def _ent_text(token: Token) -> str:
    for ent in token.doc.ents:
        if ent.start <= token.i < ent.end:
            return ent.text
    return token.text


def _named_teams(context: ArticleContext, team_nouns: set[str]) -> list[TeamMention]:
    teams = []
    words = context.words
    for i in sorted(words.teams.union(words.indexes_of(team_nouns, 0, len(context.doc)))):
        token = context.doc[i]
        named = _name_team(token, team_nouns)
        if named:
            name, organization, surface = named
            teams.append(TeamMention(name, organization, token, surface))
    return teams


def _organization(context: ArticleContext, trigger: Token, team: TeamMention) -> EntityRef | None:
    for child in trigger.children:
        if child.dep_ in ("nsubj", "obl:agent"):
            organization_ref = context.mentions.organization_at(child)
            if organization_ref:
                return organization_ref
    for token in team.token.subtree:
        organization_ref = context.mentions.organization_at(token)
        if organization_ref:
            return organization_ref
    if team.organization:
        from pipeline.extract.mentions import organization

        return organization(team.organization)
    return context.organization_before(trigger) or _first_in_sentence(context, trigger)


def _first_in_sentence(context: ArticleContext, trigger: Token) -> EntityRef | None:
    sentence = trigger.sent
    found = context.mentions.organizations_in(sentence.start, sentence.end)
    return found[0].entity if found else None
