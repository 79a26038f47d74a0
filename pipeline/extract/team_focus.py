"""What a dissolved team worked on: `safety`, `ethics`, `alignment`, `policy`, `research`,
`product` or `other`, read from its name and then from the sentences that describe it, with the
cues of `lexicons/team_focus.json` (data, with an id per cue). Self-contained: text in, a word out.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources

OTHER = "other"
NAME_ONLY = "name"


@dataclass(frozen=True)
class Cue:
    id: str
    focus: str
    phrase: str  # folded, as matched
    name_only: bool


@dataclass(frozen=True)
class Lexicon:
    foci: tuple[str, ...]  # in order of precedence when one text has cues of several foci
    safety_family: tuple[str, ...]
    cues: tuple[Cue, ...]


def team_focus(team_name: str, *contexts: str) -> str:
    """The focus of a team from its name, else from `contexts` (the sentence that reports the
    dissolution, then the one before it...): the first text with a cue decides; `other` when
    none has one."""
    decided = deciding_cue(team_name, *contexts)
    return decided.focus if decided else OTHER


def deciding_cue(team_name: str, *contexts: str) -> Cue | None:
    """The cue that decides `team_focus`, or None: for tests and for explaining a focus."""
    lexicon = load()
    for text, in_name in ((team_name, True), *((context, False) for context in contexts)):
        found = [cue for cue in _matches(lexicon, fold(text)) if in_name or not cue.name_only]
        specific = [cue for cue in found if cue.focus != OTHER]
        if specific:
            return min(specific, key=lambda cue: lexicon.foci.index(cue.focus))
    return None


def is_safety_family(focus: str | None) -> bool:
    """safety, ethics, alignment and policy: the teams of "which AI-safety teams were dissolved"."""
    return focus in load().safety_family


def fold(text: str) -> str:
    """Lower case without accents, each run of punctuation and spaces as one space."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return " ".join(re.sub(r"[\W_]+", " ", bare).split())


def _matches(lexicon: Lexicon, folded: str) -> list[Cue]:
    """Cues found in `folded`, the longest where two overlap (`securite informatique` hides
    `securite`)."""
    spans = []
    for cue_index, cue in enumerate(lexicon.cues):
        for match in re.finditer(_phrase_regex(cue.phrase), folded):
            spans.append((match.start(), match.end(), cue_index))
    spans.sort(key=lambda span: (-(span[1] - span[0]), span[0]))
    taken: list[tuple[int, int]] = []
    kept = []
    for start, end, cue_index in spans:
        if all(end <= other_start or start >= other_end for other_start, other_end in taken):
            taken.append((start, end))
            kept.append(lexicon.cues[cue_index])
    return kept


@cache
def _phrase_regex(phrase: str) -> re.Pattern:
    """Whole words; `*` ends a word with any ending (`ethic*`: ethics, ethical)."""
    words = (
        re.escape(word.rstrip("*")) + (r"\w*" if word.endswith("*") else "")
        for word in phrase.split()
    )
    return re.compile(r"(?<!\w)" + " ".join(words) + r"(?!\w)")


def _folded_phrase(phrase: str) -> str:
    """`Garde-fou*` -> `garde fou*`: folded like the texts, keeping the wildcard."""
    return " ".join(fold(word) + ("*" if word.endswith("*") else "") for word in phrase.split())


@cache
def load() -> Lexicon:
    data = json.loads(
        (resources.files("pipeline.extract") / "lexicons" / "team_focus.json").read_text(
            encoding="utf-8"
        )
    )
    cues = tuple(
        Cue(entry["id"], entry["focus"], _folded_phrase(phrase), entry.get("where") == NAME_ONLY)
        for entry in data["cues"]
        for phrase in (*entry.get("en", ()), *entry.get("fr", ()))
    )
    return Lexicon(tuple(data["foci"]), tuple(data["safety_family"]), cues)
