"""The words of a Doc as plain lists (lower-cased lemma, lower-cased form, entity type), read from
spaCy's arrays in one pass. The rules scan these lists to find the few words that can start a rule
and build spaCy Token objects only for those: building a Token for every word of every article
cost as much as the rules themselves."""

from __future__ import annotations

from spacy.attrs import ENT_TYPE, LEMMA, LOWER
from spacy.tokens import Doc

# Hash -> lower-cased string. Hashes are the same in every Doc of a vocabulary, and the distinct
# words of a language are few, so one table serves the whole process.
_lowered: dict[int, str] = {}


class Words:
    def __init__(self, doc: Doc):
        strings = doc.vocab.strings
        lemma_ids, lower_ids, ent_ids = doc.to_array([LEMMA, LOWER, ENT_TYPE]).T.tolist()
        self.lemma: list[str] = [_lower(strings, h) for h in lemma_ids]
        self.lower: list[str] = [_lower(strings, h) for h in lower_ids]
        team = strings["TEAM"]  # the label's hash, whether or not a Doc has used it yet
        self.teams: set[int] = {i for i, h in enumerate(ent_ids) if h == team}

    def indexes_of(self, lemmas: set[str] | dict, start: int, end: int) -> list[int]:
        """Token indexes in [start, end) whose lemma is one of `lemmas`."""
        lemma = self.lemma
        return [i for i in range(start, end) if lemma[i] in lemmas]


def _lower(strings, key: int) -> str:
    found = _lowered.get(key)
    if found is None:
        found = _lowered[key] = strings[key].lower() if key else ""
    return found
