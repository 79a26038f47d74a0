"""The spaCy pipeline, loaded once per process: French model + lab gazetteer before NER."""

from __future__ import annotations

import importlib.util
from functools import cache
from pathlib import Path

import spacy
import srsly
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokens import Doc

from pipeline.extract.compiled_regex import precompile
from pipeline.extract.lexicon import organization_surfaces, teams
from pipeline.extract.names import CORPORATE_SUFFIXES

MODEL = "fr_core_news_md"
# Components the extractor reads nothing from are not run at all.
UNUSED_COMPONENTS: tuple[str, ...] = ()


@Language.component("line_breaks_end_sentences")
def line_breaks_end_sentences(doc: Doc) -> Doc:
    """A title or list item never continues into the next line's sentence."""
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc


@Language.component("company_suffixes_continue_sentences")
def company_suffixes_continue_sentences(doc: Doc) -> Doc:
    """ "Kestrel AI a licencié ...": the parser starts a sentence at "AI" after a name it does
    not know; a company suffix right after a capitalised word never starts one."""
    for token in doc[1:]:
        before = doc[token.i - 1]
        if (
            token.lower_ in CORPORATE_SUFFIXES
            and token.text[:1].isupper()
            and before.text[:1].isupper()
            and "\n" not in before.whitespace_
        ):
            token.is_sent_start = False
    return doc


def gazetteer_patterns() -> list[dict]:
    patterns = [
        {"label": "ORG", "pattern": surface, "id": canonical}
        for surface, canonical in organization_surfaces()
    ]
    for team in teams():
        for alias in (team.name, *team.aliases):
            patterns.append({"label": "TEAM", "pattern": alias, "id": team.name})
    return patterns


def add_name_special_cases(nlp: Language) -> None:
    """ "Character.AI" stays one token: a dot inside a name must not end the sentence."""
    for surface, _ in organization_surfaces():
        if "." in surface and " " not in surface:
            nlp.tokenizer.add_special_case(surface, [{ORTH: surface}])


def precompile_tokenizer_exceptions(model: str = MODEL) -> bool:
    """Ready the model's tokenizer-exception pattern from the compiled-regex cache (3 s saved at
    each start); True if the model's tokenizer file was found and read."""
    spec = importlib.util.find_spec(model)
    if spec is None or not spec.submodule_search_locations:
        return False
    for tokenizer_file in sorted(Path(spec.submodule_search_locations[0]).glob("*/tokenizer")):
        pattern = srsly.msgpack_loads(tokenizer_file.read_bytes()).get("token_match")
        if isinstance(pattern, str):
            precompile(pattern)
            return True
    return False


@cache
def load() -> Language:
    precompile_tokenizer_exceptions()
    nlp = spacy.load(MODEL, exclude=list(UNUSED_COMPONENTS))
    add_name_special_cases(nlp)
    nlp.add_pipe("line_breaks_end_sentences", before="parser")
    nlp.add_pipe("company_suffixes_continue_sentences", before="parser")
    ruler = nlp.add_pipe("entity_ruler", before="ner", config={"phrase_matcher_attr": "ORTH"})
    ruler.add_patterns(gazetteer_patterns())
    return nlp
