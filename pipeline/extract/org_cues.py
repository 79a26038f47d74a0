"""Organisations the gazetteer does not know, found from how the article introduces them:
"la start-up Synapsia", "Noesis, éditeur lyonnais", "présidente de Kairn", "Arcline AI, the San
Francisco startup", "the board of Arcline". Every later mention of the name then counts."""

from __future__ import annotations

import re
from functools import cache

from spacy.lang.en.stop_words import STOP_WORDS as EN_STOP_WORDS
from spacy.lang.fr.stop_words import STOP_WORDS as FR_STOP_WORDS

from pipeline.extract.dates import CALENDAR_WORDS
from pipeline.extract.lexicons import lexicon
from pipeline.extract.rulebook import first_words

# a capital, or a camel-case name ("nRobo"), then up to two more words
_NAME = (
    r"(?P<name>(?:[A-Z]|[a-z](?=[A-Z]))[\w&'’\u2011-]*(?:\.[A-Za-z]+)?"
    r"(?:\s(?:AI|IA|Labs?|[A-Z][\w&\u2011-]*)){0,2})"
)
# "Faculty of Philosophy", "Institute for Advanced Study": a name with "of" or "for" inside
_INSTITUTION = r"(?P<name>[A-Z][\w&-]*(?:\s(?:of|for|and)\s[A-Z][\w&-]*|\s[A-Z][\w&-]*){0,3})"
_FR_NOUNS = (
    r"start-up|startup|société|entreprise|firme|pépite|licorne|jeune pousse|scale-up|"
    r"laboratoire|éditeur|plateforme|spécialiste|fabricant|concepteur"
)
_FR_ROLES = (
    r"conseil d'administration|conseil de surveillance|fondateur|fondatrice|cofondateur|"
    r"cofondatrice|co-fondateur|co-fondatrice|PDG|président|présidente|directeur|directrice|"
    r"patron|patronne|dirigeant|dirigeante|à la tête|salarié|salariée|chercheur|chercheuse|"
    r"ingénieur|ingénieure|direction|présidence|vice-présidence|DG|DGA"
)
_EN_NOUNS = (
    r"startup|start-up|company|firm|lab|maker|developer|unicorn|provider|platform|outfit|"
    r"spinout|spin-off|scale-up"
)
_EN_ROLES = (
    r"board of|co-?founder of|founder of|CEO of|chief executive of|president of|head of|"
    r"chief technology officer of|CTO of|employees of|staff at|researcher at|engineer at"
)

# "Kerlann AI", "Halcyon Systems": a capitalised word and one of these names a company, when
# the article uses it more than once (a Title Case headline makes "Why AI" once) and the word is
# not one that names a field ("Generative AI", "Responsible AI").
_SUFFIXED = re.compile(
    r"(?<![\w-])(?P<name>(?P<first>[A-Z][\w-]+)\s(?:AI|IA|Labs|Systems|Technologies|Robotics|"
    r"Intelligence))(?![\w-])"
)

CUES = {
    "fr": [
        # "la start-up parisienne Synapsia", not "la société de VTC" (a kind of company)
        re.compile(rf"\b(?i:{_FR_NOUNS})\s+(?:(?!de\b|du\b|des\b)[\w-]+\s+)?{_NAME}"),
        # "le fabricant de robots ménagers nRobo": what it makes, then its name
        # "l'éditeur de logiciels Kestrel", not "le laboratoire de robotique de Lyon"
        re.compile(
            rf"\b(?i:{_FR_NOUNS})\s+(?:d['’]|de\s+|des\s+)[a-zà-ÿ]+\s+"
            rf"(?:(?!(?:de|du|des|à|en|au|aux)\b)[a-zà-ÿ]+\s+)?{_NAME}"
        ),
        re.compile(rf"{_NAME},\s+(?:une\s+|la\s+|l'|l’)?(?:\w+\s+)?(?:{_FR_NOUNS})\b"),
        # "Kairn, l'une des plus prometteuses start-up du secteur"
        re.compile(rf"{_NAME},\s+(?:l['’])?une?\s+des\s+(?:[\w-]+\s+){{0,3}}?(?i:{_FR_NOUNS})s?\b"),
        # what only a company does: "Kairn annonce sa fermeture", "Kairn en liquidation"
        re.compile(
            rf"{_NAME}\s+(?:a\s+|est\s+)?(?:annonce sa fermeture|annoncé sa fermeture|"
            rf"ferme ses portes|fermé ses portes|cesse ses activités|cessé ses activités|"
            rf"fait faillite|en liquidation|placée? en liquidation)"
        ),
        re.compile(rf"\b(?i:{_FR_ROLES})\s+(?:[a-zé]+\s+){{0,2}}(?:de|d'|d’|chez)\s*{_NAME}"),
        # "que se passe-t-il chez SenseTime ?", "dix ans chez Palantir": where people work
        re.compile(rf"\bchez\s+{_NAME}"),
        # "Héliotrope perd sa directrice des affaires publiques": a company losing its staff
        re.compile(
            rf"{_NAME}\s+perd\s+(?:son|sa|ses|un|une|deux|trois|plusieurs)\s+(?:\w+\s+)?"
            rf"(?:{_FR_ROLES}|responsable|cadres?|chercheurs?|ingénieurs?)\b"
        ),
    ],
    "en": [
        re.compile(rf"\b(?i:{_EN_NOUNS})\s+{_NAME}"),
        # "Ferncliff, the Portland, Ore.-based maker of ..."
        re.compile(rf"{_NAME},\s+(?:a|an|the)\s+(?:[\w.,’'-]+\s+){{0,4}}?(?:{_EN_NOUNS})\b"),
        # "Kairn, one of the most promising startups in the field"
        re.compile(rf"{_NAME},\s+one\s+of\s+the\s+(?:[\w-]+\s+){{0,3}}?(?:{_EN_NOUNS})s?\b"),
        re.compile(rf"\b(?:{_EN_ROLES})\s+{_NAME}"),
        re.compile(
            rf"{_NAME}(?:'s|’s|'|’)\s+(?:(?:new|former|top|AI|IA|interim|acting)\s+)?(?:co-?)?"
            rf"(?:board|CEO|CTO|CFO|COO|CPO|chief|co-?founder|founder|"
            rf"(?:vice )?president|head of|director of|chair|chairman|chairwoman|general counsel)\b"
        ),
        # "was closed by the Faculty of Philosophy": who closes a unit is an organisation
        re.compile(
            rf"\b(?:shut down|closed|disbanded|dissolved|dismantled|wound down|scrapped|axed)\s+"
            rf"by\s+(?:the\s+)?{_INSTITUTION}"
        ),
    ],
}

_EN_UNITS = "|".join(sorted(lexicon("en", "team_nouns")))
_FR_UNITS = "|".join(sorted(lexicon("fr", "team_nouns")))
# What a company does to a unit of its own: "Orbel dissout sa cellule de veille"; "son/sa" may
# be a person's too, so this only introduces a name the parse did not take for a person
_FR_ENDING_A_UNIT = re.compile(
    rf"{_NAME}\s+(?P<gap>(?:[\w'’-]+\s+){{1,6}}?)(?:son|sa|ses)\s+(?:[\w'’-]+\s+){{0,2}}?"
    rf"(?i:{_FR_UNITS})s?\b"
)
_FR_ENDING_WORDS = re.compile(
    r"\b(?:dissou\w*|dissout|démant\w+|ferm\w*|supprim\w*|liquid\w*|sabord\w*|fin|terme|"
    r"clé|disparaître|rayé|finit|fini)\b",
    re.IGNORECASE,
)


def _ending_a_unit(text: str) -> set[str]:
    """ "Orbel dissout sa cellule de veille", "Orbel met fin aux activités de son pôle IA": a name
    that ends a unit of its own (a word of ending between the name and "son/sa" + unit)."""
    raw = (
        match.group("name")
        for match in _FR_ENDING_A_UNIT.finditer(text)
        if _FR_ENDING_WORDS.search(match.group("gap"))
    )
    return {name for name in map(_cleaned, raw) if name}


# Whose unit it is: "la division robotique d'Orbel", "Orbel's ethics team"; not after "son"
# ("son laboratoire de Zurich" is where) nor right after the unit noun ("l'équipe de Lumio" may
# be the team of a product, named after it); a place or a person may own a unit too ("le
# laboratoire de Grenoble", "Smith's team"): the caller rules them out
_OWNERS_OF_UNITS = {
    "fr": re.compile(
        rf"(?<!son )(?<!sa )(?<!ses )(?<!leur )\b(?i:{_FR_UNITS})\s+(?:[\w'’-]+\s+){{1,4}}?"
        rf"(?:de\s+|d['’]\s*){_NAME}"
    ),
    "en": re.compile(rf"{_NAME}(?:'s|’s)\s+(?:[\w-]+\s+){{0,4}}?(?:{_EN_UNITS})\b"),
}


def told_as_a_place(text: str, name: str) -> bool:
    """ "à Grenoble", "in Oslo": the article says something happens there (the parser's place
    tags are no help, it calls many unknown companies places)."""
    return re.search(rf"\b(?:à|en|in|at|near|près de)\s+{re.escape(name)}\b", text) is not None


def owners_of_units(text: str, lang: str) -> set[str]:
    """Names the article gives as owning a unit or ending one of its own, places not ruled out
    (nor people: "son" is a person's too)."""
    pattern = _OWNERS_OF_UNITS["en" if lang == "en" else "fr"]
    ending = _ending_a_unit(text) if lang != "en" else set()
    return {
        name
        for name in _named_by([pattern], text) | ending
        if name not in _places()
        and name.split()[0].lower() not in _UNIT_WORDS  # "un comité de Conseil d'administration"
    }


_UNIT_WORDS = lexicon("fr", "team_nouns") | lexicon("en", "team_nouns") | {"board", "conseil"}


# What only a company does, whatever the parser made of its name: "Tallis Interactive has laid
# off its head of AI" (a two-word name the parser takes for a person's), "Tallis closed its lab"
DEEDS = {
    "fr": [
        # "le groupe sud-coréen Hanwa Tech", "le géant américain Orbel": a company and where it
        # is from, even when the parser takes the name for a person's ("le groupe Vigie" alone
        # may be a team)
        re.compile(
            rf"\b(?i:groupe|géant|constructeur|équipementier|opérateur|fondeur|conglomérat)\s+"
            rf"(?!dirigé|chargé|dédié|consacré|spécialisé|interne|baptisé|nommé|appelé|entier)"
            rf"[a-zéèêàïô-]{{4,}}\s+{_NAME}"
        ),
    ],
    "en": [
        re.compile(
            rf"{_NAME}\s+(?:has\s+|have\s+)?(?:laid off|lays off|fired|fires|dismissed|"
            rf"dismisses|ousted|ousts|loses|lost|parted ways with|closed|closes|shut down|"
            rf"shuts down|shuttered|shutters|disbanded|disbands|dissolved|dissolves)\s+its\b"
        ),
        # "FTX.US president Brett Harrison", "Celsius chief exec Alex Mashinsky": the company,
        # the post, then the person holding it
        re.compile(
            rf"{_NAME}\s+(?:co-?)?(?:CEO|CTO|CFO|COO|CPO|president|chief|chairman|chairwoman|"
            rf"founder|co-?founder)\s+(?:(?:executive|exec|officer)\s+)?"
            rf"(?=[A-Z][a-z]+(?:\s[A-Z]\.)?\s[A-Z][a-z]+)"
        ),
        # "Celsius Network's Alex Mashinsky resigned": a company's person, then what they did
        re.compile(
            rf"{_NAME}(?:'s|’s|'|’)\s+(?=[A-Z][a-z]+\s[A-Z][a-z]+\s+(?:has\s+|had\s+|and\s+.{{0,60}})?"
            rf"(?:resigned|stepped down|left|quit|bowed out|departed|was fired|was ousted|"
            rf"announced|is leaving|is stepping down|will step down|will leave)\b)"
        ),
        # "Orbel fired Dana Reyes, its finance chief": whose staff the apposition tells
        re.compile(
            rf"{_NAME}\s+(?:has\s+|have\s+)?(?:laid off|fired|dismissed|ousted|sacked|lost|"
            rf"parted ways with)\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){{1,2}},\s+its\b"
        ),
        # "Orbel is quietly winding down its robotics unit": ending a unit of its own
        re.compile(
            rf"{_NAME}\s+(?:(?:said|says|announced|confirmed)\s+(?:that\s+)?it\s+)?"
            rf"(?:has\s+|had\s+|is\s+|was\s+|will\s+|would\s+)?(?:be\s+|been\s+)?(?:[a-z]+ly\s+)?"
            rf"(?:closing|shutting down|disbanding|dissolving|eliminated|eliminating|axed|axing|"
            rf"scrapped|scrapping|folded|dismantled|dismantling|winding down|wound down|"
            rf"killed off|did away with|done away with|ended|shut down|shut|close|disband|dissolve|"
            rf"pulled the plug on|pulling the plug on|close down|closing down|closed down|"
            rf"break up|breaking up|broke up|cut|cuts|let go of|lets go of|laid off|lays off|"
            rf"(?:[a-z]+\s+){{0,2}}?(?:closure|shutdown|dissolution|disbanding) of)\s+"
            rf"(?:its|the entire|the whole|its entire|its whole)\s+"
            rf"(?:[\w-]+\s+){{0,4}}?(?:{_EN_UNITS}|board)\b"
        ),
        # "Kairn Robotics has ceased operations", "Kairn Robotics Shuts Down": only a company
        # closes with nothing closed after it
        re.compile(
            rf"{_NAME}\s+(?:has\s+|had\s+|have\s+)?(?i:ceased (?:all |its )?operations|"
            rf"closed its doors|closes its doors|went out of business|wound down the company|"
            rf"shut down (?:its |all |worldwide )?operations)"
        ),
        re.compile(
            rf"{_NAME}\s+(?:has\s+|had\s+|have\s+)?(?i:shut down|shuts down|wound down)"
            rf"(?=\s*(?:[.,;:]|$|(?:in|on|after|last|this|earlier|as|and)\b))"
        ),
    ],
}

# Where someone leaves: "Quillon Games" in "Paul Wren left Quillon Games in May", "a quitté
# Orbel" is an employer, unless it is a place ("left China for the US", "quitte Lyon")
LEAVING = {
    "fr": [
        re.compile(
            rf"\b(?:quitte|quittent|quitté|quitter|quittera|quitterait|démissionne de|"
            rf"démissionné de|claque la porte de|claqué la porte de)\s+{_NAME}"
        ),
    ],
    "en": [
        re.compile(
            rf"\b(?:left|leaving|leaves|leave|parted ways with|parts ways with|quit|quits|quitting|"
            rf"departed|departs|departing|exited|"
            rf"exits|exiting|resigned from|stepped down from|steps down from|fired from|"
            rf"ousted from|departure from|exit from)\s+{_NAME}"
        ),
    ],
}

_NOT_NAMES = {
    "le",
    "la",
    "les",
    "l",
    "un",
    "une",
    "son",
    "sa",
    "ses",
    "leur",
    "ce",
    "cette",
    "il",
    "elle",
    "the",
    "a",
    "an",
    "its",
    "his",
    "her",
    "their",
    "this",
    "that",
    "ai",
    "ia",
    "notre",
    "votre",
    "nos",
    "vos",
    "mon",
    "ma",
    "mes",
    "quelle",
    "quel",
    "our",
    "your",
    "my",
    "why",
    "how",
    "what",
    "new",
}


def discover(text: str, lang: str, deeds: set[str] | None = None) -> set[str]:
    """Company names the article introduces; for "Kerlann AI", also "Kerlann" (the short form
    later sentences use)."""
    names = set()
    for match in _SUFFIXED.finditer(text):
        name, first = match.group("name"), match.group("first")
        if (
            first.lower() not in _NOT_NAMES
            and first.lower() not in lexicon("any", "field_words")
            and first.lower() not in CALENDAR_WORDS
            and text.count(name) >= 2
            and not _inside_a_longer_name(text, match.start())
        ):
            names.add(name)
            if len(first) >= 4:
                names.add(first)
    left = names_left(text, lang)
    if deeds is None:  # the caller may have read them already
        deeds = named_by_deeds(text, lang)
    return names | left | deeds | _named_by(CUES.get(lang, CUES["fr"]), text)


def names_left(text: str, lang: str) -> set[str]:
    """What people are said to leave: "left Generative AI startup Corvel" gives Corvel (a field,
    then the company), "quitte Lyon" no company."""
    return {
        name
        for name in _named_by(LEAVING.get(lang, []), text)
        if name not in _places() and name.split()[0].lower() not in lexicon("any", "field_words")
    }


@cache
def _places() -> frozenset[str]:
    return lexicon("any", "places")


def named_by_deeds(text: str, lang: str) -> set[str]:
    """Names the article shows acting as a company ("X has laid off its head of AI")."""
    return _named_by(DEEDS.get(lang, []), text)


def _named_by(patterns: list[re.Pattern], text: str) -> set[str]:
    raw = (
        match.group("name")
        for pattern in patterns
        for match in pattern.finditer(text)
        if not _after_a_product_noun(text, match.start("name"))
    )
    return {name for name in map(_cleaned, raw) if name}


def _after_a_product_noun(text: str, start: int) -> bool:
    """ "the puzzle game Tidy Kites has shut its studio": a product's name."""
    previous = _PREVIOUS_WORD.search(text[max(0, start - 40) : start])
    return previous is not None and previous.group(1).lower() in lexicon("any", "product_nouns")


_ELIDED_WORD = re.compile(r"^[LlDdQqJjSsNnMmCc]['’][a-zà-ÿ]")


def _cleaned(raw: str) -> str | None:
    """The name a cue matched, without what is not part of it; None when it is no name."""
    name = raw.strip(" .,'’").removesuffix("'s").removesuffix("’s")
    if _ELIDED_WORD.match(name):
        return None  # "L'entreprise ferme son labo", "D'autres": an article, then a plain word
    if " " not in name and len(name) >= 7 and name.endswith("ing"):
        return None  # "Announcing the closure of its lab, X said": a participle
    name = _before_a_verb(without_leading_preposition(name))
    first = name.split()[0].lower() if name else ""
    # a month after a cue is a date ("the company in March"), not a name
    if (
        first
        and first not in _NOT_NAMES
        and first not in CALENDAR_WORDS
        and first not in _role_words()  # "Company CEO and founder X"
        and first not in lexicon("en", "not_name_words")  # "Meanwhile, the company"
        # "Quits the Company Again": a headline's capitalised word is no name
        and not (" " not in name and (first in EN_STOP_WORDS or first in FR_STOP_WORDS))
        and len(name) > 1
    ):
        return name
    return None


_PREVIOUS_WORD = re.compile(r"([\w'’-]+)\s$")


def _inside_a_longer_name(text: str, start: int) -> bool:
    """ "Kairn's Bay Area AI Lab": "Area AI" is the end of a lab's name, no company."""
    previous = _PREVIOUS_WORD.search(text[max(0, start - 40) : start])
    if not previous or not previous.group(1)[:1].isupper():
        return False
    word = previous.group(1).lower()  # "At Kerlann AI, ...": a capitalised opener is no name
    return word not in _NOT_NAMES and word not in EN_STOP_WORDS and word not in FR_STOP_WORDS


@cache
def _role_words() -> frozenset[str]:
    return frozenset(word for role in lexicon("any", "roles") for word in role.lower().split())


_LEADING_PREPOSITIONS = {"selon", "chez", "d'après", "d’après", "according", "via", "pour"}
# "On Friday, the company announced": a sentence opening with a preposition and a day
_LEADING_PREPOSITIONS |= {"on", "in", "at", "after", "by", "from", "since", "during", "until"}


def without_leading_preposition(name: str) -> str:
    """ "Selon Bloomberg, l'entreprise ...": a capitalised preposition opening a sentence is not
    part of the name after it."""
    words = name.split()
    if len(words) > 1 and words[0].lower() in _LEADING_PREPOSITIONS:
        return " ".join(words[1:])
    return name


def _before_a_verb(name: str) -> str:
    """ "Start-Up Halcyon Dismissed a Fairness Researcher": a title-case headline capitalises the
    verb after the name; a company's name stops before a word that tells the news."""
    words = name.split()
    for i, word in enumerate(words[1:], start=1):
        if word.lower() in news_words():
            return " ".join(words[:i])
    return name


@cache
def news_words() -> frozenset[str]:
    """Words that tell the news (verbs of the rules, "says", "hires"...): never part of a name."""
    return first_words("en") | _NEWS_VERBS


_NEWS_VERBS = {"says", "said", "hires", "names", "raises", "launches", "loses", "cuts", "lays"}
_NEWS_VERBS |= {"shuts", "replaces", "appoints", "taps", "promotes", "drops", "ends", "is", "was"}


def occurrences(text: str, name: str) -> list[tuple[int, int]]:
    pattern = re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])")
    return [(m.start(), m.end()) for m in pattern.finditer(text)]
