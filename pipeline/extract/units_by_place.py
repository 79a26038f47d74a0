"""Units closed together and told apart only by their towns: "ferme ses bureaux de Lyon et de
Porto", "a fermé deux studios : celui de Lille et celui de Gand", "is closing its offices in
Leeds and Porto", "closed two studios: the one in Leeds and the one in Porto". Each town is one
unit, named as readers name it: "studio de Lille", "bureau d'Orléans", "Leeds office"."""

from __future__ import annotations

from spacy.tokens import Token

from pipeline.extract.names import fold
from pipeline.extract.team_mention import TeamMention

# plural unit nouns, each with its singular
_PLURAL_UNITS = {
    "fr": {
        "studios": "studio",
        "bureaux": "bureau",
        "sites": "site",
        "laboratoires": "laboratoire",
        "labos": "labo",
        "centres": "centre",
        "antennes": "antenne",
        "équipes": "équipe",
        "agences": "agence",
    },
    "en": {
        "studios": "studio",
        "offices": "office",
        "sites": "site",
        "labs": "lab",
        "laboratories": "laboratory",
        "centers": "center",
        "centres": "centre",
        "facilities": "facility",
        "teams": "team",
        "outposts": "outpost",
    },
}
# what opens a town: "de Lille", "celui de Lille", "the one in Leeds"
_OPENERS = {
    "fr": {"de", "d'", "d’", "à", "celui", "celle", "ceux", "celles", "la", "l'", "l’"},
    "en": {"in", "at", "the", "one", "ones", "that", "those"},
}
# what joins the towns: "et", ", and", "ainsi que", "plus récemment", "then"
_JOINERS = {
    "fr": {",", "et", "ainsi", "que", "puis", "plus", "tard", "enfin", "ensuite", "aussi"},
    "en": {",", "and", "then", "also", "more", "later", "finally"},
}
_BEFORE_THE_LIST = 6  # "deux studios en un mois : celui de ...": words up to the colon


def units_by_place(context, trigger: Token) -> TeamMention | None:
    """The units a closure names by their towns, right after a plural unit noun near the
    trigger; None when the noun is followed by no town."""
    lang = context.lang if context.lang in _PLURAL_UNITS else "fr"
    if _told_before(trigger):
        return None
    # a capitalised word after "de" may be the owner rather than a town
    organizations = {m.entity.key for m in context.mentions.organizations}
    plurals = _PLURAL_UNITS[lang]
    sentence = trigger.sent
    window = trigger.doc[max(sentence.start, trigger.i - 6) : min(sentence.end, trigger.i + 6)]
    for noun in window:
        singular = plurals.get(noun.lower_)
        if singular is None:
            continue
        towns = _towns_after(noun, lang, organizations)
        if towns:
            names = [_unit_name(singular, town, lang) for town in towns]
            return TeamMention(names[0], None, trigger, names[0], also=tuple(names[1:]))
    return None


# "cette fermeture des studios de Lille et de Gand": the closure the article told before
_DEMONSTRATIVES = {"cette", "ce", "ces", "cet", "this", "these", "that"}


def _told_before(trigger: Token) -> bool:
    doc = trigger.doc
    return trigger.i > 0 and doc[trigger.i - 1].lower_ in _DEMONSTRATIVES


def _towns_after(noun: Token, lang: str, organizations: set[str]) -> list[str]:
    doc, end = noun.doc, noun.sent.end
    i = noun.i + 1
    colon = next(
        (t.i for t in doc[i : min(end, i + _BEFORE_THE_LIST)] if t.text == ":"),
        None,
    )
    if colon is not None:
        i = colon + 1
    openers, joiners = _OPENERS[lang], _JOINERS[lang]
    towns: list[str] = []
    while i < end:
        start = i
        while i < end and (doc[i].lower_ in openers or (towns and _joining(doc[i], joiners))):
            i += 1
        if i == start and towns:
            break
        before = doc[i - 1] if i > start else None
        if before is None or not (
            before.lower_ in openers or (towns and _joining(before, joiners))
        ):
            break
        town_end = _capitalised_run_end(doc, i, end)
        if town_end == i:
            break
        town = doc[i:town_end].text
        if fold(town) in organizations or any(t.ent_type_ == "ORG" for t in doc[i:town_end]):
            break  # "ses studios d'Ubisoft": the owner, not a town
        if lang == "fr" and before.lower_ in ("la", "l'", "l’"):
            town = f"{before.text}{town}" if before.text[-1] in "'’" else f"la {town}"
        towns.append(town)
        i = town_end
    return towns


def _joining(token: Token, joiners: set[str]) -> bool:
    """ "et", ", and", or an adverb between two towns ("et, plus récemment, celui de")."""
    lower = token.lower_
    return lower in joiners or lower.endswith(("ment", "ly"))


def _capitalised_run_end(doc, start: int, end: int) -> int:
    """The end of the capitalised words (and the hyphens joining them) from `start`."""
    i = start
    while i < end and i - start < 4:
        token = doc[i]
        capitalised = token.text[:1].isupper() and (token.is_alpha or "-" in token.text)
        joining = token.text == "-" and i > start and not doc[i - 1].whitespace_
        if not (capitalised or joining):
            break
        i += 1
    return i


def _unit_name(singular: str, town: str, lang: str) -> str:
    if lang == "en":
        return f"{town} {singular}"
    if town[:1].lower() in "aeiouyéèêàâîôû" and not town.startswith(("la ", "l'", "l’")):
        return f"{singular} d'{town}"
    return f"{singular} de {town}"
