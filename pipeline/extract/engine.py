"""One skeleton for every language: candidates (the rule book's matches whose guards hold) ->
assertion filter -> slot resolvers -> events -> de-duplication. What differs between French and
English is only the grammar behind it: how an assertion is recognised, and the resolvers that
fill the slots, each registered under the name the rules use."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from typing import NamedTuple, Protocol

from spacy.tokens import Span

from pipeline.extract.context import ArticleContext
from pipeline.extract.guards import guards_hold
from pipeline.extract.lexicons import lexicon
from pipeline.extract.names import fold
from pipeline.extract.results import EntityRef, FoundEvent
from pipeline.extract.roles import role_near
from pipeline.extract.rulebook import Candidate, RuleBook
from pipeline.extract.staying import drop_departures_of_those_staying, stays_on
from pipeline.extract.team_focus import team_focus
from pipeline.extract.team_mention import TeamMention

Resolver = Callable[..., object]
_RESOLVERS: dict[tuple[str, str, str], Resolver] = {}


def resolver(lang: str, slot: str, name: str) -> Callable[[Resolver], Resolver]:
    """Register a function as the resolver `name` of `slot` for `lang` ("any" for both). It is
    called as fn(context, candidate, **slots_resolved_before) and returns the slot's value, or
    None (or an empty list) when the slot cannot be filled: then there is no event."""

    def register(function: Resolver) -> Resolver:
        _RESOLVERS[(lang, slot, name)] = function
        return function

    return register


def find_resolver(lang: str, slot: str, name: str) -> Resolver | None:
    return _RESOLVERS.get((lang, slot, name)) or _RESOLVERS.get(("any", slot, name))


class Grammar(Protocol):
    lang: str

    def asserted(self, context: ArticleContext, candidate: Candidate) -> bool:
        """False when the candidate is negated, denied, hedged, hypothetical or a question."""

    def news_present(self, candidate: Candidate) -> bool:
        """True for the present of news ("X quitte OpenAI"), which dates the event at
        publication."""


class _Told(NamedTuple):
    dated: bool
    precise: bool
    years: frozenset[int] = frozenset()


@dataclass
class _Article:
    """What the skeleton remembers while it reads one article."""

    context: ArticleContext
    grammar: Grammar
    # (event type, subject, organisation) told -> what its reports gave: a date, a precise kind
    reported: dict[tuple[str, str, str | None], _Told]
    seen: dict[tuple, int]  # an event's identity -> its index in the events found

    def resolve(self, candidate: Candidate, slot: str, **found):
        name = candidate.rule.slots[slot]
        function = find_resolver(self.grammar.lang, slot, name)
        if function is None:
            raise LookupError(f"rule {candidate.rule.id}: no {slot} resolver named {name!r}")
        return function(self.context, candidate, **found)


def extract(context: ArticleContext, book: RuleBook, grammar: Grammar) -> list[FoundEvent]:
    article = _Article(context, grammar, {}, {})
    events: list[FoundEvent] = []
    for candidate in book.candidates(context.doc, accept=guards_hold):
        if not grammar.asserted(context, candidate):
            continue
        if candidate.rule.event == "dissolution":
            built = _dissolutions(article, candidate)
        else:
            built = _person_events(article, candidate)
        for event in built:
            key = _identity(event, context)
            if key in article.seen:
                kept = article.seen[key]
                if events[kept].kind == "departure" and event.kind not in (None, "departure"):
                    events[kept] = event  # the same report, told more precisely ("a démissionné")
                elif _is_proper_name(event.subject.name) and not _is_proper_name(
                    events[kept].subject.name
                ):
                    events[kept] = event  # "closes model risk taskforce", then its proper name
                elif event.event_type == "dissolution" and len(event.subject.name) < len(
                    events[kept].subject.name
                ):
                    # "ferme le studio de jeux Lumen Forge Studios", then "Lumen Forge Studios":
                    # one key, told shorter
                    events[kept] = event
                continue
            article.seen[key] = len(events)
            organization = event.organization.key if event.organization else None
            told = (event.event_type, event.subject.key, organization)
            before = article.reported.get(told, _Told(dated=False, precise=False))
            article.reported[told] = _Told(
                dated=before.dated or event.event_date is not None,
                precise=before.precise or event.kind not in (None, "departure"),
                years=before.years | ({event.event_date.year} if event.event_date else set()),
            )
            events.append(event)
    headline_end = context.sentences[0].end_char if context.sentences else 0
    events = drop_departures_of_those_staying(events, stays_on(context))
    return one_name_per_team(events, headline_end)


def _identity(event: FoundEvent, context: ArticleContext) -> tuple:
    """One event per subject and organisation in a sentence (each sentence is evidence); a
    team's dissolution once per article."""
    organization = event.organization.key if event.organization else None
    if event.event_type == "dissolution":
        return (event.event_type, event.subject.key, organization)
    return (event.event_type, event.subject.key, organization, event.sentence_start)


def _person_events(article: _Article, candidate: Candidate) -> Iterator[FoundEvent]:
    context = article.context
    people = article.resolve(candidate, "person")
    if not people:
        return
    organization = article.resolve(candidate, "organization", people=people)
    if organization is None:
        return
    date = article.resolve(candidate, "date")
    sentence = _sentence(context, candidate)
    rule = candidate.rule
    if rule.event == "departure":
        for person_ref, _ in people:
            context.note_employer(person_ref, organization)
    tied_others = {
        p.key for p, _ in people if context.affiliation(p, sentence, here=True) == organization
    }
    for person_ref, anchor in people:
        if len(person_ref.name.split()) < 2:
            continue  # a lone surname never linked to a full name is too weak to report
        if (
            tied_others - {person_ref.key}
            and person_ref.key not in tied_others
            and context.described_elsewhere(person_ref, sentence, organization)
        ):
            continue  # "X, co-créateur de ChatGPT, et Y, fondateur de Scale AI": Y's company
        told = (rule.event, person_ref.key, organization.key)
        # "son départ", "his exit", "fired him" after the departure was told: the same event,
        # worth its own evidence row only for the date or the kind the earlier reports lacked
        if told in article.reported and not context.mentions.person_at(anchor):
            earlier = article.reported[told]
            adds_date = date is not None and not earlier.dated
            adds_kind = rule.kind not in (None, "departure") and not earlier.precise
            if not (adds_date or adds_kind):
                continue
        elif told in article.reported and _borrowed(date, sentence):
            years = article.reported[told].years
            if years and date.value.year not in years:
                # "X's departure comes at a hard time" after "X is leaving": another year,
                # borrowed from the background sentence before, would make a second departure
                continue
        role = role_near(anchor, sentence)
        own = _own_employer(context, people, person_ref, sentence, organization)
        yield _event(rule.event, person_ref, own, candidate, date, sentence, role)


def _own_employer(context, people, person_ref, sentence: Span, organization):
    """ "Celsius's X and FTX.US president Y resigned": each person named with a company of their
    own in a list leaves that one."""
    if len({p.key for p, _ in people}) < 2:
        return organization
    own = context.affiliation(person_ref, sentence, here=True, current=True)
    if own is None or own.name in lexicon("any", "places"):
        return organization  # "son directeur de Rennes, X": a post's town, not a company
    return own


def _borrowed(date, sentence: Span) -> bool:
    """A date the sentence does not name: taken from the sentences before it."""
    return date is not None and not date.text.startswith("(") and date.text not in sentence.text


def _dissolutions(article: _Article, candidate: Candidate) -> Iterator[FoundEvent]:
    team = article.resolve(candidate, "team")
    if team is None:
        return
    organization = article.resolve(candidate, "organization", team=team)
    if organization is not None and _named_after_itself(candidate, team, organization):
        # "la fermeture de London Studio": a unit the parser took for a company is not its own
        # owner; the company the article is about is
        organization = article.context.main_organization({organization.key})
    if organization is None:
        return
    for other in team.also:  # "ferme les studios Lumen Forge et Tallow": one event each
        listed = replace(team, name=other, surface=other, also=())
        yield from _dissolution(article, candidate, listed, organization)
    yield from _dissolution(article, candidate, team, organization)


def _dissolution(
    article: _Article, candidate: Candidate, team: TeamMention, organization: EntityRef
) -> Iterator[FoundEvent]:
    team = team.as_named_in(organization)
    name = team.name.strip(_QUOTES_AND_SPACE)  # "son département 'Health'"
    words = name.split()
    while len(words) > 1 and words[-1].lower() in _DANGLING:
        words.pop()  # the parser's entity may take the "de" before the owner: "Vigie de"
    name = _without_owner(" ".join(words), organization.name)
    if not name:
        return
    team = replace(team, name=name)
    date = article.resolve(candidate, "date")
    subject = EntityRef("team", team.name, f"{organization.key}/{team.key_in(organization)}")
    context = article.context
    index = context.sentence_index(candidate.head)
    sentence = context.sentences[index]
    before = context.sentences[index - 1].text if index else ""
    # what the team worked on: its name, else the sentence telling it, else the one before
    focus = team_focus(team.name, sentence.text, before)
    yield replace(
        _event("dissolution", subject, organization, candidate, date, sentence), focus=focus
    )


def _named_after_itself(candidate: Candidate, team: TeamMention, organization: EntityRef) -> bool:
    closes_a_company = candidate.rule.slots.get("team") == "closed_company"
    return not closes_a_company and fold(team.name) == fold(organization.name)


def _without_owner(name: str, owner: str) -> str:
    """ "la division robotique d'Orbel" of Orbel: the unit's name, not whose it is."""
    for link in (" de ", " d'", " d’", " du ", " of "):
        if name.endswith(f"{link}{owner}") and len(name) > len(link) + len(owner) + 3:
            return name[: -len(link) - len(owner)].rstrip()
    return name


_QUOTES_AND_SPACE = " '\"«»“”‘’"
_DANGLING = {"de", "du", "des", "d'", "d’", "of", "à", "at"}


def _sentence(context: ArticleContext, candidate: Candidate) -> Span:
    return context.sentences[context.sentence_index(candidate.head)]


def _event(
    event_type: str,
    subject: EntityRef,
    organization: EntityRef,
    candidate: Candidate,
    date,
    sentence: Span,
    role: str | None = None,
) -> FoundEvent:
    return FoundEvent(
        event_type=event_type,
        subject=subject,
        organization=organization,
        kind=candidate.rule.kind,
        role=role,
        event_date=date.value if date else None,
        date_precision=date.precision if date else None,
        date_text=date.text if date else None,
        sentence=sentence.text.strip(),
        sentence_start=sentence.start_char,
        sentence_end=sentence.end_char,
        rule=candidate.rule.id,
    )


def one_name_per_team(events: list[FoundEvent], headline_end: int = 0) -> list[FoundEvent]:
    """ "Vortège supprime sa cellule éthique" (headline), then "La cellule Boussole ... a été
    supprimée", then "la suppression de l'équipe": an article tells one organisation's
    dissolution under several names; its reports all take the best of them (a proper name, else
    the description told most, the body's over the headline's), so that one team is one event.
    Two proper names stay two teams."""
    by_organization: dict[str, list[FoundEvent]] = {}
    for e in events:
        if e.event_type == "dissolution" and e.organization:
            by_organization.setdefault(e.organization.key, []).append(e)
    renamed: dict[int, FoundEvent] = {}
    for reports in by_organization.values():
        for e in reports:  # "Boussole" and "l'équipe d'éthique Boussole" are one team
            core = next((o for o in reports if _names_within(o.subject.name, e.subject.name)), None)
            if core is not None:
                renamed[id(e)] = replace(e, subject=core.subject)
        reports = [renamed.get(id(e), e) for e in reports]
        first_told: dict[frozenset[str], FoundEvent] = {}
        body_first = sorted(reports, key=lambda e: e.sentence_start < headline_end)
        for e in body_first:  # "its Edmonton site", then "its Edmonton office": one unit
            capitals = _capitalised_words(e.subject.name)
            if capitals and capitals != set(e.subject.name.split()):
                first = first_told.setdefault(capitals, e)
                if first.subject != e.subject:
                    renamed[id(e)] = replace(e, subject=first.subject)
        reports = [renamed.get(id(e), e) for e in reports]
        for e in reports:  # "the Lisbon site" after "its Lisbon-based Harbour Research Lab"
            parts = _capitalised_parts(e.subject.name)
            fuller = next(
                (o for o in reports if parts and parts < _capitalised_parts(o.subject.name)), None
            )
            if fuller is not None:
                renamed[id(e)] = replace(e, subject=fuller.subject)
        reports = [renamed.get(id(e), e) for e in reports]
        proper = [e for e in reports if _is_proper_name(e.subject.name)]
        if proper:
            named = [e for e in proper if e.sentence_start >= headline_end] or proper
        else:
            body = [e for e in reports if e.sentence_start >= headline_end] or reports
            described = [e for e in body if len(e.subject.name.split()) > 1] or body
            # "l'équipe d'éthique" names a team better than "l'équipe chargée de l'éthique"
            named = [e for e in described if not _told_by_its_task(e.subject.name)] or described
        counts: dict[str, int] = {}
        for e in named:
            counts[e.subject.key] = counts.get(e.subject.key, 0) + 1
        best = max(named, key=lambda e: counts[e.subject.key])  # the first of the most told
        for e in reports:
            if not _is_proper_name(e.subject.name) and e.subject != best.subject:
                if _elsewhere(e.subject.name, best.subject.name):
                    continue  # "its facility in Ulm" after "its research centre in Leeds"
                renamed[id(e)] = replace(renamed.get(id(e), e), subject=best.subject)
    found, seen = [], set()
    for e in events:
        e = renamed.get(id(e), e)
        key = (e.event_type, e.subject.key, e.organization and e.organization.key, e.sentence_start)
        if key not in seen:  # a sentence that told both names is one report
            seen.add(key)
            found.append(e)
    return found


_TASK_WORDS = {"chargée", "chargé", "charge", "consacrée", "consacré", "dédiée", "dédié"}


def _told_by_its_task(name: str) -> bool:
    return any(word in _TASK_WORDS for word in name.lower().split())


def _names_within(short: str, long: str) -> bool:
    """ "Boussole" within "équipe d'éthique Boussole": a proper name inside a longer name."""
    short_words, long_words = short.split(), long.split()
    return (
        _is_proper_name(short)
        and len(short_words) < len(long_words)
        and any(
            long_words[i : i + len(short_words)] == short_words
            for i in range(len(long_words) - len(short_words) + 1)
        )
    )


def _capitalised_words(name: str) -> frozenset[str]:
    acronyms = lexicon("any", "topic_acronyms")
    words = _words(name)
    return frozenset(w for w in words if w[:1].isupper() and w.lower() not in acronyms)


_ELIDED = re.compile(r"\b([dlDL]['’])(?=[A-ZÀ-Þ])")


def _words(name: str) -> list[str]:
    """The words of a name, an elided article apart: "studio d'Arles" as "studio d' Arles"."""
    return _ELIDED.sub(r"\1 ", name).split()


def _capitalised_parts(name: str) -> frozenset[str]:
    """The capitalised words of a name, hyphenated ones split ("Beijing-based" gives Beijing)."""
    return _capitalised_words(name.replace("-", " ").replace("\u2011", " "))


def _is_proper_name(name: str) -> bool:
    """ "Boussole", "Responsible Innovation"; not "AI team", whose capital is a field's acronym."""
    acronyms = lexicon("any", "topic_acronyms")
    words = _words(name)
    return any(
        word[:1].isupper()
        and word.lower() not in acronyms
        and (i == 0 or words[i - 1].lower() not in _PLACE_PREPOSITIONS)  # "... à Lisbonne"
        for i, word in enumerate(words)
    )


_PLACE_PREPOSITIONS = {"à", "in", "at", "en"}


def _elsewhere(name: str, other: str) -> bool:
    """Two units each said to be in a place, not the same place."""
    here, there = _place_of(name), _place_of(other)
    return bool(here and there and here != there)


def _place_of(name: str) -> str:
    acronyms = lexicon("any", "topic_acronyms")
    words = _words(name)
    for i, word in enumerate(words[1:], start=1):
        placed = words[i - 1].lower() in _PLACE_PREPOSITIONS | {"de", "d'", "d’", "du"}
        if placed and word[:1].isupper() and word.lower() not in acronyms:
            return " ".join(words[i:])
    return ""
