"""Units an article names without a team noun at the verb: "Alphabet ferme Nimbus" after
"Nimbus, sa filiale de robotique", "is closing Lumen Forge" after "the Canadian studio Lumen
Forge". The article introduces the name as a studio, subsidiary, division or lab somewhere;
the closure of that name is then a unit's dissolution, not a product's end."""

from __future__ import annotations

import re
from dataclasses import replace
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
_NAME2, _NAME3 = (_NAME.replace("?P<name>", f"?P<name{n}>") for n in (2, 3))
_COUNTS = r"deux|trois|quatre|les deux|ses deux|ses trois|two|three|four|both|its two|its three"
# The owner comes after these ("la division IA de Kairn"): the name after them is a company's
_OWNER_MARKS = {"de", "d'", "d’", "du", "des", "of", "chez", "at", "by", "par"}
# A town comes after these ("a video game studio in Los Angeles"): a place, not the unit's name
_PLACE_MARKS = {"in", "near", "à", "en", "près", "based", "basé", "basée", "situé", "située"}


@cache
def _cues(lang: str) -> tuple[re.Pattern, ...]:
    units = _UNIT_NOUNS.get(lang, _UNIT_NOUNS["fr"])
    return (
        # "le studio de jeux vidéo Lumen Forge", "Canadian studio Lumen Forge"
        re.compile(rf"\b(?i:{units})s?\s+(?P<between>(?:[a-zà-ÿ'’-]+\s+){{0,4}}?){_NAME}"),
        # "Nimbus, sa filiale de robotique", "Lumen Story Studio, the film studio"
        re.compile(rf"{_NAME},\s+(?:{_DETERMINERS})\s*(?:[\w'’-]+\s+){{0,3}}?(?i:{units})\b"),
        # "la fermeture de Lumen Forge, studio créé en 2009": an apposition with no article
        re.compile(rf"{_NAME},\s+(?i:{units})\b"),
        # "les studios Lumen Forge et Tallow", "three studios—Lumen Forge, Tallow and Brume":
        # each name of the list
        re.compile(
            rf"\b(?i:{units})s(?:\s*[—–:]\s*|\s+){_NAME}(?:,\s+{_NAME2})*,?\s+(?:and|et)\s+"
            rf"{_NAME3}"
        ),
        # "its Lumen Forge, Tallow Games and Brume studios": the names, then the plural noun
        re.compile(
            rf"\b(?:its|their|the)\s+{_NAME}(?:,\s+{_NAME2})*,?\s+(?:and)\s+{_NAME3}\s+"
            rf"(?:[a-z-]+\s+)?(?i:{units})s\b"
        ),
        # "Lumen Forge et Tallow, deux studios rachetés en 2021": each name of the list
        re.compile(
            rf"{_NAME}(?:,\s+{_NAME2})*,?\s+(?:and|et)\s+{_NAME3},\s+(?:{_COUNTS})\s+"
            rf"(?:[\w'’-]+\s+){{0,2}}?(?i:{units})s\b"
        ),
    )


def unit_names(text: str, lang: str, known_organizations: set[str]) -> set[str]:
    """Names the article introduces as units, minus the companies the gazetteer knows."""
    names = set()
    for pattern in _cues(lang):
        for match in pattern.finditer(text):
            between = match.groupdict().get("between") or ""
            last = between.split()[-1].lower() if between.split() else ""
            if last in _OWNER_MARKS | _PLACE_MARKS:
                continue
            for group in ("name", "name2", "name3"):
                name = (match.groupdict().get(group) or "").strip(" .,'’")
                if ". " in name or fold(name) in known_organizations or len(name) <= 2:
                    continue  # "ByteDance. Moonton": two sentences
                names.add(name)
                opener, _, rest = name.partition(" ")
                if rest and opener.lower() in _OPENERS:
                    names.add(rest)  # "Concernant Lumen Forge, le studio ...": a sentence opener
    return names


# Capitalised words that open a sentence before a unit's name, never part of it
_OPENERS = {"concernant", "selon", "chez", "après", "avec", "pour", "quant", "côté", "depuis"}
_OPENERS |= {"regarding", "at", "after", "with", "for", "meanwhile", "since", "like", "comme"}


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
_SKIPPED |= {"down", "son", "sa", "ses", "les", "leurs", "their"}
# "ferme les studios Lumen Forge et Tallow": the unit noun before the names
_SKIPPED |= {"studio", "studios", "filiale", "filiales", "subsidiary", "subsidiaries"}


def unit_after(trigger: Token, names: set[str]) -> str | None:
    """ "ferme Nimbus", "la fermeture de Nimbus", "is shutting down Lumen Forge"."""
    doc = trigger.doc
    i = trigger.i + 1
    while i < min(trigger.i + 4, trigger.sent.end) and (
        doc[i].lower_ in _SKIPPED or _an_adverb(doc[i])
    ):
        i += 1
    if i < trigger.sent.end and (name := unit_named_at(doc, i, names)):
        return name
    # "ferme le français Zenly": a word or two that describe the unit the article introduced
    for skipped in (1, 2):
        j = i + skipped
        described = j < trigger.sent.end and all(
            t.is_lower and t.is_alpha and t.pos_ in ("ADJ", "NOUN") for t in doc[i:j]
        )
        if described and (name := unit_named_at(doc, j, names)):
            return name
    return None


def _an_adverb(token: Token) -> bool:
    """ "fermer définitivement Nimbus", "shut down completely Lumen Forge"."""
    return token.is_lower and token.is_alpha and token.text.endswith(("ment", "ly"))


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
    """A unit the article introduced, named right after the closing word or as its subject;
    with the units listed after it ("is closing Lumen Forge, Tallow and Brume")."""
    names = article_unit_names(context)
    if not names:
        return None
    name = unit_after(trigger, names) or unit_before(trigger, names)
    if not name and (opening := _after_a_plural_unit_noun(trigger)) is not None:
        name = unit_named_at(trigger.doc, opening, names)  # "closing three studios—Lumen Forge"
    if not name:
        return None
    parts = split_listed(name, names)
    if len(parts) > 1:  # "studios Lumen Forge and Tallow" read as one name
        return TeamMention(parts[0], None, trigger, parts[0], also=parts[1:])
    return TeamMention(name, None, trigger, name, also=_listed_after(trigger, name, names))


_PLURAL_UNIT_NOUNS = {"studios", "labs", "divisions", "subsidiaries", "units", "filiales"}


def _after_a_plural_unit_noun(trigger: Token) -> int | None:
    """Where the names start in "is closing three of its studios—Lumen Forge, Tallow...":
    after a plural unit noun and a dash or a colon, a few words after the trigger."""
    doc = trigger.doc
    for token in doc[trigger.i + 1 : min(trigger.i + 9, trigger.sent.end - 1)]:
        if token.lower_ in _PLURAL_UNIT_NOUNS and doc[token.i + 1].text in ("—", "–", ":"):
            return token.i + 2
    return None


def with_units_listed_after(context, team: TeamMention | None) -> TeamMention | None:
    """ "la fermeture de Lumen Forge, le studio de Lyon, et de Tallow": a named unit, then the
    other units the sentence lists after it."""
    if team is None or team.also or not team.surface[:1].isupper():
        return team
    also = _listed_after(team.token, team.surface, article_unit_names(context))
    return replace(team, also=also) if also else team


_BULLET_LINE = re.compile(
    r"\n[ \t]*[-•*–—·][ \t]+(?P<name>[A-Z][\w&'’.-]*(?: [A-Z0-9][\w&'’.-]*){0,4})"
)
_PLURAL_UNITS = re.compile(
    r"\b(?:studios|laboratoires|labos|équipes|divisions|filiales|sites|centres|labs|teams|units)\b"
)


def bulleted_units(trigger: Token):
    """ "voici les studios qui ferment :" then one line per studio,
    each opening with a dash: the units a closure lists."""
    doc = trigger.doc
    text = doc.text
    sentence_text = text[trigger.sent.start_char : trigger.sent.end_char]
    colon = text.find(":", trigger.idx, trigger.sent.end_char + 2)
    if colon < 0 or not _PLURAL_UNITS.search(sentence_text.lower()):
        return None
    names, position = [], colon + 1
    while match := _BULLET_LINE.match(text, position):
        names.append(match.group("name"))
        position = text.find("\n", match.end())
        if position < 0:
            break
    if not names:
        return None
    return TeamMention(names[0], None, trigger, names[0], also=tuple(names[1:]))


def split_listed(name: str, names) -> tuple[str, ...]:
    """ "Lumen Forge and Tallow": the units of a list, when the article names each as one."""
    parts = tuple(p.strip() for p in re.split(_LIST_LINK, name))
    return parts if len(parts) > 1 and set(parts) <= set(names) else (name,)


# What joins the names of a list: ", ", ", and ", " et "
_LIST_LINK = r",\s*(?:(?:and|et)\s+)?|\s+(?:and|et)\s+"
_LINK_TO_NEXT = re.compile(rf"\s*(?:{_LIST_LINK})(?:de\s+|d['’])?")
_CAPITALISED_RUN = re.compile(r"[A-Z][\w&'’.-]*(?: (?!and\b|et\b)[A-Z0-9][\w&'’.-]*){0,5}")


def _listed_after(trigger: Token, first: str, names: set[str]) -> tuple[str, ...]:
    """Unit names that follow the first one, joined by commas and "and"/"et"."""
    doc, sentence = trigger.doc, trigger.sent
    start = doc.text.find(first, trigger.idx)
    if start < 0:
        return ()
    listed, position = [], start + len(first)
    while position < sentence.end_char:
        link = _LINK_TO_NEXT.match(doc.text, position)
        if not link or _joins_a_clause(doc.text, link.end()):
            # "la fermeture de Lumen Forge, le studio de Lyon, et de Tallow": past an apposition
            link = _PAST_AN_APPOSITION.match(doc.text, position, sentence.end_char)
        if not link:
            break
        position = link.end()
        following = [n for n in names if doc.text.startswith(n, position)]
        run = _CAPITALISED_RUN.match(doc.text, position, sentence.end_char)
        if following:
            name = max(following, key=len)
        elif run:  # "has closed Lumen Forge, Tallow Games, and Brume San Diego": the list goes on
            name = run.group(0).rstrip(".")
        else:
            break
        if not _ends_a_word(doc.text, position + len(name)) or _a_verb_follows(
            sentence, position + len(name)
        ):
            break  # "a fermé Lumen Forge et Tallow a été vendu": a clause of its own
        listed.append(name)
        position += len(name)
    return tuple(listed)


_AUXILIARIES = {"is", "are", "was", "were", "has", "have", "had", "will", "would"}


def _a_verb_follows(sentence, end_char: int) -> bool:
    following = next((t for t in sentence if t.idx >= end_char), None)
    return following is not None and (
        following.pos_ in ("AUX", "VERB") or following.lower_ in _AUXILIARIES
    )


_PAST_AN_APPOSITION = re.compile(
    r",\s+(?:le|la|l['’]|les|un|une|the|a|an)\b[^,;.:]{1,90},\s*(?:et|and)\s+(?:de\s+|d['’])?"
)


def _joins_a_clause(text: str, position: int) -> bool:
    """ "Lumen Forge, le studio ...": the words after the comma describe, they name no unit."""
    return re.match(r"(?:le|la|l['’]|les|un|une|the|a|an)\b", text[position:]) is not None


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


def proper_name_ending_at(doc: Doc, last: int, floor: int, ends: set[str]) -> int | None:
    """Where the capitalised name ending at token `last` starts ("Kaos Studios", "Xbox
    Entertainment Studios"), when its last word is one of `ends` and it has two to five words;
    never before token `floor`."""
    if doc[last].text not in ends:
        return None
    start = last
    while start > floor and doc[start - 1].text[:1].isupper() and last - start < 4:
        start -= 1
    return start if start < last else None
