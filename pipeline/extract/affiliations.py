"""Who works where, from how the article introduces people: "X, directrice de la recherche chez
Y", "le PDG de Y, X", "X (Y)", "Y's legal chief, X", "Y CEO X", "X, a researcher at Y". A
departure whose sentence does not name the organisation left is from the one the article ties the
person to, rather than from the organisation named nearest to the verb."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span

from pipeline.extract.gazetteers import role_words
from pipeline.extract.mentions import DocMentions, Mention
from pipeline.extract.results import EntityRef

WINDOW = 12  # words of an apposition
# words of a title before a name, which may run long ("Le chef du matériel de l'unité de conduite
# autonome Kestrel de Lumen Motors, X")
TITLE_WINDOW = 16
_STOPS = {".", ";", ":", "!", "?", "—", "–", "«", "»", '"', "“", "”"}
# Words that make an introduction look forward ("pour rejoindre Y", "to join Y"): Y is not where
# the person works.
_TOWARDS = {"rejoindre", "rejoint", "rejoignent", "pour", "vers", "join", "joins", "joining", "to"}
# ... or back in time ("arrivé chez Y après avoir dirigé la recherche chez Z"): not where they are
_TOWARDS |= {"arrivé", "arrivée", "après", "after", "recruté", "recrutée", "débauché", "débauchée"}
_PAST = {"ancien", "ancienne", "anciens", "anciennes", "ex", "former", "previously", "auparavant"}
_CONNECTORS = {"de", "d'", "d’", "du", "des", "chez", "of", "at", "'s", "’s"}


@dataclass(frozen=True)
class Affiliation:
    position: int  # token index of the person's mention
    organization: EntityRef
    past: bool  # "ancien directeur de Y", "former head of Y"


def affiliations(doc: Doc, mentions: DocMentions) -> dict[str, list[Affiliation]]:
    """{person key: the organisations the article ties them to, in text order}."""
    found: dict[str, list[Affiliation]] = {}
    for person in mentions.people:
        windows = (
            _after(doc, person.span),
            _before(doc, person.span),
            _said_to_work(doc, person.span),
        )
        for window in windows:
            tie = _tie(doc, window, mentions)
            if tie is not None:
                organization, past = tie
                found.setdefault(person.entity.key, []).append(
                    Affiliation(person.span.start, organization, past)
                )
                break
    return found


def _after(doc: Doc, person: Span) -> Span | None:
    """ "X, directrice de Y," / "X (Y)": the apposition right after the name."""
    start = person.end
    if start >= len(doc) or doc[start].text not in (",", "("):
        return None
    end = start + 1
    while end < min(len(doc), start + 1 + WINDOW) and end < person.sent.end:
        if doc[end].text in _STOPS or doc[end].text in (",", ")"):
            break
        end += 1
    return doc[start + 1 : end]


# "X travaille chez Y", "X faisait partie des cadres ... chez Y", "X works at Y"
_WORKING = {"travailler", "faire", "occuper", "officier", "exercer", "work", "works", "worked"}


def _said_to_work(doc: Doc, person: Span) -> Span | None:
    """ "X faisait partie des cadres les plus haut placés chez Y": the clause the person is the
    subject of, when its verb says where they work."""
    start = person.end
    if start >= len(doc) or doc[start].text in (",", "(") or not doc[start].is_alpha:
        return None
    end = start
    while end < min(len(doc), start + WINDOW, person.sent.end) and doc[end].text not in _STOPS:
        if doc[end].text == ",":
            break
        end += 1
    clause = doc[start:end]
    if not any(t.lemma_.lower() in _WORKING or t.lower_ in _WORKING for t in clause[:3]):
        return None
    return clause


def _before(doc: Doc, person: Span) -> Span | None:
    """ "le PDG de Y, X" / "Y's legal chief, X" / "Y CEO X": the words that announce the name."""
    end = person.start
    if end > 0 and doc[end - 1].text == ",":
        end -= 1
    start = end
    while start > max(person.sent.start, end - TITLE_WINDOW):
        previous = doc[start - 1]
        if previous.text in _STOPS or previous.text == ",":
            break
        start -= 1
    return doc[start:end] if start < end else None


def _tie(doc: Doc, window: Span | None, mentions: DocMentions) -> tuple[EntityRef, bool] | None:
    """The organisation of an introduction that has a job title or "chez"/"at" in it."""
    if window is None or not len(window):
        return None
    words = [t.lower_ for t in window]
    if any(word in _TOWARDS for word in words):
        return None
    roles = role_words()
    has_role = any(word in roles or word.rstrip("s") in roles for word in words)
    # "Celsius Network's Alex Mashinsky": the company's own person, named right after it
    owned = words[-1] in ("'s", "’s", "'", "’")
    if not has_role and not owned and not any(word in ("chez", "at") for word in words):
        return None
    in_window: list[Mention] = [
        m  # a word NER takes for an organisation ("le chercheur GenAI") is no employer
        for m in mentions.organizations_in(window.start, window.end)
        if m.entity.key in mentions.reliable_organizations
    ]
    if not in_window:
        return None
    if len(in_window) >= 2 and _a_unit_of(window.doc, *in_window[-2:]):
        in_window = in_window[:-1]  # "l'unité Cruise de General Motors": who works at Cruise
    formerly = [t.i for t in window if t.lower_ in _PAST or t.lower_.startswith("ex-")]
    if not formerly:
        return in_window[-1].entity, False
    # "cofondateur de Kestrel et ancien chercheur chez Lumen": a post now, then a past one
    current = [m for m in in_window if m.span.end <= formerly[0]]
    if current:
        return current[-1].entity, False
    return in_window[-1].entity, True


def _a_unit_of(doc: Doc, unit: Mention, owner: Mention) -> bool:
    between = doc[unit.span.end : owner.span.start]
    return len(between) == 1 and between[0].lower_ in ("de", "d'", "d’", "du")


def affiliation_of(
    found: dict[str, list[Affiliation]],
    person: EntityRef,
    sentence: Span,
    *,
    here: bool,
    current: bool = False,
) -> EntityRef | None:
    """The organisation the article ties the person to: with `here`, in this sentence; else in
    the nearest current introduction before it (a past one names a company already left)."""
    ties = found.get(person.key, [])
    if here:
        chosen = [
            t
            for t in ties
            if sentence.start <= t.position < sentence.end and not (current and t.past)
        ]
        return chosen[0].organization if chosen else None
    before = [t for t in ties if t.position < sentence.start]
    # "former Amazon researcher X ... also resigned": a past tie is a company already left
    current = [t for t in before if not t.past]
    return current[-1].organization if current else None


_POSSESSIVE_BACK = {"son", "sa", "ses", "its", "his", "her", "their", "leur"}


def described_elsewhere(
    doc: Doc, mentions: DocMentions, person: EntityRef, sentence: Span, organization: EntityRef
) -> bool:
    """ "X, co-créateur de ChatGPT, et Y, fondateur de Scale AI": the sentence describes X by
    something else named, not by `organization` (and not by words that point back: "its
    CFO")."""
    for mention in mentions.people_in(sentence.start, sentence.end):
        if mention.entity != person:
            continue
        window = _after(doc, mention.span)
        if window is None or not len(window):
            continue
        words = [t.lower_ for t in window]
        if any(w in _POSSESSIVE_BACK for w in words):
            continue
        for token in window[:-1]:
            named = doc[token.i + 1]
            if token.lower_ not in _CONNECTORS or not named.text[:1].isupper():
                continue
            if mentions.organization_at(named) != organization:
                return True
    return False
