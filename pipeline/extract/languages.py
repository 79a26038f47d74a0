"""The languages the extractor reads, each with its spaCy pipeline, its grammar and its rule book
(`rules/LANG/`). Anything not English is read as French, the language the product is first for."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.language import Language

from pipeline.extract import closed_companies as _closed_companies  # noqa: F401
from pipeline.extract import hired_away as _hired_away  # noqa: F401
from pipeline.extract import listed as _listed  # noqa: F401

# Importing the resolver modules registers their resolvers with the engine.
from pipeline.extract.en import last_day as _en_last_day  # noqa: F401
from pipeline.extract.en import losses as _en_losses  # noqa: F401
from pipeline.extract.en import organizations as _en_organizations  # noqa: F401
from pipeline.extract.en import people as _en_people  # noqa: F401
from pipeline.extract.en import teams as _en_teams  # noqa: F401
from pipeline.extract.en.grammar import EnglishGrammar
from pipeline.extract.en.pipeline import load as load_english
from pipeline.extract.engine import Grammar
from pipeline.extract.fr import exodus as _fr_exodus  # noqa: F401
from pipeline.extract.fr import losses as _fr_losses  # noqa: F401
from pipeline.extract.fr import organizations as _fr_organizations  # noqa: F401
from pipeline.extract.fr import people as _fr_people  # noqa: F401
from pipeline.extract.fr import teams as _fr_teams  # noqa: F401
from pipeline.extract.fr.grammar import FrenchGrammar
from pipeline.extract.fr.pipeline import load as load_french
from pipeline.extract.rulebook import RuleBook, rulebook


@dataclass(frozen=True)
class Reader:
    lang: str
    load: Callable[[], Language]
    grammar: Grammar

    def rules(self) -> RuleBook:
        return rulebook(self.lang, self.load())


READERS = {
    "fr": Reader("fr", load_french, FrenchGrammar()),
    "en": Reader("en", load_english, EnglishGrammar()),
}


def reader_for(lang: str | None) -> Reader:
    return READERS["en" if (lang or "").lower().startswith("en") else "fr"]
