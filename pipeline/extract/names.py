"""Name normalisation: identity keys, surname linking, nicknames in quotes."""

from __future__ import annotations

import re
import unicodedata

_QUOTED_NICKNAME = re.compile(r"[«\"“'‘]\s*([^»\"”'’]+?)\s*[»\"”'’]")
_NON_WORD = re.compile(r"[^\w]+")


def fold(text: str) -> str:
    """Accent- and case-insensitive form used for comparisons."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(_NON_WORD.sub(" ", stripped.casefold()).split())


def entity_key(name: str) -> str:
    return fold(name)


def clean_person_name(surface: str) -> str:
    """'Jean-Baptiste « JB » Moreau' -> 'JB Moreau' (the name the press uses); collapses
    spaces and strips punctuation debris around the name."""
    name = " ".join(surface.split())
    nickname = _QUOTED_NICKNAME.search(name)
    if nickname:
        parts = _QUOTED_NICKNAME.sub(" ", name).split()
        if parts:
            name = f"{nickname.group(1)} {parts[-1]}"
    name = name.strip(" ,;:.!?()[]«»\"'‘’“”-–—")
    return " ".join(name.split())


def name_variants(name: str) -> set[str]:
    """Keys under which later mentions of this person may appear: full name, surname, and the
    first name + surname without a quoted nickname."""
    variants = {entity_key(name)}
    tokens = name.split()
    if len(tokens) >= 2:
        variants.add(entity_key(tokens[-1]))
    return variants


# The last word of many company names, never of a person's: "Vireo AI", "Halcyon Systems".
CORPORATE_SUFFIXES = frozenset(
    {"ai", "ia", "labs", "lab", "systems", "technologies", "robotics", "intelligence", "inc"}
    | {"ventures", "capital", "partners", "holdings", "dynamics", "networks"}
    | {"foods", "motors", "studios", "games", "media", "entertainment", "industries", "group"}
)


# Words of institutions' names, never of a person's: "Tsinghua University", "National Institute".
INSTITUTION_WORDS = frozenset(
    {
        "university", "université", "universität", "institute", "institut", "college",
        "school", "école", "foundation", "fondation", "center", "centre", "council", "agency",
        "ministry", "ministère", "bank", "banque", "hospital", "hôpital", "laboratory",
        "laboratoire", "academy", "académie", "association", "department", "system",
        "project", "projet", "program", "programme", "metaverse", "committee", "comité",
        "commission", "board", "network", "exchange",
    }
)  # fmt: skip


# Words of a school's or a university's name: not what "l'entreprise" stands for.
ACADEMIC_WORDS = frozenset(
    {"university", "université", "universität", "college", "school", "école", "faculté"}
    | {"polytechnique", "sorbonne", "campus"}
)


def names_an_academic_institution(name: str) -> bool:
    return any(word.lower() in ACADEMIC_WORDS for word in name.split())


def names_an_organization(name: str) -> bool:
    """An institution's words anywhere, or a company suffix last: never a person's name."""
    words = name.split()
    if any(word.lower() in INSTITUTION_WORDS for word in words):
        return True
    return len(words) >= 2 and words[-1].lower().strip(".") in CORPORATE_SUFFIXES


def looks_like_person_name(name: str) -> bool:
    tokens = name.split()
    if not 1 <= len(tokens) <= 5:
        return False
    if any(char.isdigit() for char in name) or names_an_organization(name):
        return False
    return all(token[0].isupper() or token.lower() in _PARTICLES for token in tokens)


_PARTICLES = {
    "de",
    "du",
    "des",
    "van",
    "von",
    "der",
    "den",
    "da",
    "di",
    "le",
    "la",
    "bin",
    "al",
    "el",
}
