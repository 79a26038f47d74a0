"""Units an article names without a team noun at the verb: "Alphabet ferme Nimbus" after
"Nimbus, sa filiale de robotique", "is closing Lumen Forge" after "the Canadian studio Lumen
Forge". The article introduces the name as a studio, subsidiary, division or lab somewhere;
the closure of that name is then a unit's dissolution, not a product's end."""

from __future__ import annotations

import re
from functools import cache, lru_cache

from spacy.tokens import Doc, Token

from pipeline.extract.gazetteers import organizations
from pipeline.extract.names import fold
from pipeline.extract.team_mention import TeamMention

_UNIT_NOUNS = {
    "fr": r"filiale|division|studio|entité|unité|laboratoire|branche",
    "en": r"subsidiary|division|studio|unit|lab|laboratory",
}
# Capitalised words, with the small words some names keep inside ("House of Lumen")
_NAME = r"(?P<name>[A-Z][\w&'’.-]*(?:\s(?:(?:at|of|and|&)\s)?[A-Z][\w&'’-]*){0,3})"
_DETERMINERS = r"sa|son|la|le|une|un|l'|l’|its|the|a|an"
# The owner comes after these ("la division IA de Kairn"): the name after them is a company's
_OWNER_MARKS = {"de", "d'", "d’", "du", "des", "of", "chez", "at", "by", "par"}


@cache
def _cues(lang: str) -> tuple[re.Pattern, ...]:
    units = _UNIT_NOUNS.get(lang, _UNIT_NOUNS["fr"])
    return (
        # "le studio de jeux vidéo Lumen Forge", "Canadian studio Lumen Forge"
        re.compile(rf"\b(?i:{units})s?\s+(?P<between>(?:[a-zà-ÿ'’-]+\s+){{0,4}}?){_NAME}"),
        # "Nimbus, sa filiale de robotique", "Lumen Story Studio, the film studio"
        re.compile(rf"{_NAME},\s+(?:{_DETERMINERS})\s*(?:[\w'’-]+\s+){{0,3}}?(?i:{units})\b"),
    )


def unit_names(text: str, lang: str, known_organizations: set[str]) -> set[str]:
    """Names the article introduces as units, minus the companies the gazetteer knows."""
    names = set()
    for pattern in _cues(lang):
        for match in pattern.finditer(text):
            between = match.groupdict().get("between") or ""
            last = between.split()[-1].lower() if between.split() else ""
            if last in _OWNER_MARKS:
                continue
            name = match.group("name").strip(" .,'’")
            if ". " in name or fold(name) in known_organizations or len(name) <= 2:
                continue  # "ByteDance. Moonton": two sentences
            names.add(name)
    return names


def unit_named_at(doc: Doc, start: int, names: set[str]) -> str | None:
    """The longest unit name that starts at token `start`."""
    if start >= len(doc) or not doc[start].text[:1].isupper():
        return None
    rest = doc.text[doc[start].idx : doc[start].idx + 80]
    matching = [n for n in names if rest.startswith(n) and _ends_a_word(rest, len(n))]
    return max(matching, key=len) if matching else None


def _ends_a_word(text: str, end: int) -> bool:
    return end >= len(text) or not (text[end].isalnum() or text[end] in "-'’")


_SKIPPED = {"de", "d'", "d’", "du", "des", "le", "la", "les", "l'", "l’", "of", "the", "its"}
_SKIPPED |= {"down", "son", "sa", "ses"}


def unit_after(trigger: Token, names: set[str]) -> str | None:
    """ "ferme Nimbus", "la fermeture de Nimbus", "is shutting down Lumen Forge"."""
    doc = trigger.doc
    i = trigger.i + 1
    while i < min(trigger.i + 4, trigger.sent.end) and doc[i].lower_ in _SKIPPED:
        i += 1
    return unit_named_at(doc, i, names) if i < trigger.sent.end else None


_BEFORE_VERB = {"is", "are", "was", "were", "will", "would", "be", "being", "been", "has"}
_BEFORE_VERB |= {"have", "had", "also", "a", "va", "sera", "été", "est", "doit", "to"}


def unit_before(trigger: Token, names: set[str]) -> str | None:
    """ "Lumen Forge is being closed", "Nimbus va fermer": the unit is the verb's subject."""
    doc = trigger.doc
    i = trigger.i - 1
    while i > max(trigger.sent.start, trigger.i - 5) and doc[i].lower_ in _BEFORE_VERB:
        i -= 1
    for name in sorted(names, key=len, reverse=True):
        start_char = doc[i].idx + len(doc[i].text) - len(name)
        if start_char >= 0 and doc.text[start_char : doc[i].idx + len(doc[i].text)] == name:
            before = doc.text[start_char - 1 : start_char] if start_char else ""
            if not before or not before.isalnum():
                return name
    return None


@lru_cache(maxsize=2)  # per article: each closure trigger asks for the same names
def article_unit_names(context) -> frozenset[str]:
    """The unit names of an article."""
    # NER takes many a unit for a company or a person: only the gazetteer's companies are out
    return frozenset(unit_names(context.text, context.lang, set(organizations())))


def closed_unit(context, trigger: Token):
    """A unit the article introduced, named right after the closing word or as its subject."""
    names = article_unit_names(context)
    if not names:
        return None
    name = unit_after(trigger, names) or unit_before(trigger, names)
    return TeamMention(name, None, trigger, name) if name else None


_POSSESSIVE_INTRODUCTION = re.compile(r"^\s*,\s+(?:son|sa|leur|its|their)\s")


def owner_as_introduced(context, name: str):
    """ "Alphabet, la maison mère de Google, abandonne Nimbus, son unité de robots": the
    organisation named last before a unit that a possessive apposition introduces owns it."""
    for sentence in context.sentences:
        position = sentence.text.find(name)
        if position < 0:
            continue
        if not _POSSESSIVE_INTRODUCTION.match(sentence.text[position + len(name) :]):
            continue
        start_char = sentence.start_char + position
        owners = [
            m
            for m in context.mentions.organizations_in(sentence.start, sentence.end)
            if m.span.end_char <= start_char
        ]
        if owners:
            return owners[-1].entity
    return None
