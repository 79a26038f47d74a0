"""The French spaCy pipeline, loaded once per process: the French model with the shared components
and the lab gazetteer before NER."""

from __future__ import annotations

import importlib.util
from functools import cache
from pathlib import Path

import spacy
import srsly
from spacy.language import Language

from pipeline.extract.components import add_name_special_cases, gazetteer_patterns
from pipeline.support.compiled_regex import precompile

MODEL = "fr_core_news_md"
# Components the extractor reads nothing from are not run at all.
UNUSED_COMPONENTS: tuple[str, ...] = ()


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
    nlp.add_pipe("names_continue_sentences", before="parser")
    nlp.add_pipe("curly_elisions_lemmatized", after="lemmatizer")
    ruler = nlp.add_pipe("entity_ruler", before="ner", config={"phrase_matcher_attr": "ORTH"})
    ruler.add_patterns(gazetteer_patterns())
    return nlp
