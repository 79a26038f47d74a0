"""Organisations the gazetteer does not know, found from how the article introduces them:
"la start-up Synapsia", "Noesis, éditeur lyonnais", "présidente de Kairn", "Arcline AI, the San
Francisco startup", "the board of Arcline". Every later mention of the name then counts."""

from __future__ import annotations

import re

from pipeline.extract.dates import CALENDAR_WORDS

_NAME = r"(?P<name>[A-Z][\w&'’-]*(?:\.[A-Za-z]+)?(?:\s(?:AI|IA|Labs?|[A-Z][\w&-]*)){0,2})"
_FR_NOUNS = (
    r"start-up|startup|société|entreprise|firme|pépite|licorne|jeune pousse|scale-up|"
    r"laboratoire|éditeur|plateforme|spécialiste|fabricant|concepteur"
)
_FR_ROLES = (
    r"conseil d'administration|conseil de surveillance|fondateur|fondatrice|cofondateur|"
    r"cofondatrice|co-fondateur|co-fondatrice|PDG|président|présidente|directeur|directrice|"
    r"patron|patronne|dirigeant|dirigeante|à la tête|salarié|salariée|chercheur|chercheuse|"
    r"ingénieur|ingénieure"
)
_EN_NOUNS = r"startup|start-up|company|firm|lab|maker|developer|unicorn|provider|platform"
_EN_ROLES = (
    r"board of|co-?founder of|founder of|CEO of|chief executive of|president of|head of|"
    r"chief technology officer of|CTO of|employees of|staff at|researcher at|engineer at"
)

CUES = {
    "fr": [
        re.compile(rf"\b(?:{_FR_NOUNS})\s+(?:\w+\s+)?{_NAME}"),
        re.compile(rf"{_NAME},\s+(?:une\s+|la\s+|l'|l’)?(?:\w+\s+)?(?:{_FR_NOUNS})\b"),
        re.compile(rf"\b(?:{_FR_ROLES})\s+(?:[a-zé]+\s+){{0,2}}(?:de|d'|d’|chez)\s*{_NAME}"),
    ],
    "en": [
        re.compile(rf"\b(?:{_EN_NOUNS})\s+{_NAME}"),
        re.compile(rf"{_NAME},\s+(?:a|an|the)\s+(?:[\w-]+\s+){{0,4}}?(?:{_EN_NOUNS})\b"),
        re.compile(rf"\b(?:{_EN_ROLES})\s+{_NAME}"),
        re.compile(rf"{_NAME}(?:'s|’s)\s+(?:board|CEO|chief|co-?founder|founder|president)\b"),
        re.compile(r"\b(?P<name>[A-Z][\w-]+\s(?:AI|Labs|Inc\.?|Technologies|Robotics))\b"),
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
}


def discover(text: str, lang: str) -> set[str]:
    names = set()
    for pattern in CUES.get(lang, CUES["fr"]):
        for match in pattern.finditer(text):
            name = match.group("name").strip(" .,'’")
            first = name.split()[0].lower() if name else ""
            # a month after a cue is a date ("the company in March"), not a name
            if first and first not in _NOT_NAMES and first not in CALENDAR_WORDS and len(name) > 1:
                names.add(name)
    return names


def occurrences(text: str, name: str) -> list[tuple[int, int]]:
    pattern = re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])")
    return [(m.start(), m.end()) for m in pattern.finditer(text)]
