"""spaCy components and patterns both languages use: line breaks end sentences, a company suffix
does not start one, and the gazetteers' organisations and teams become entities before NER."""

from __future__ import annotations

from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokens import Doc, Token

from pipeline.extract.gazetteers import organization_surfaces, teams
from pipeline.extract.names import CORPORATE_SUFFIXES


@Language.component("line_breaks_end_sentences")
def line_breaks_end_sentences(doc: Doc) -> Doc:
    """A title or list item never continues into the next line's sentence; a hard-wrapped
    paragraph does ("le départ de son\ndirecteur de la recherche, X"): a line that stops on a
    word, with the next one going on in lower case."""
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            following = doc[token.i + 1]
            wrapped = (
                token.i > 0
                and doc[token.i - 1].is_alpha
                and following.is_lower
                and "\n\n" not in token.text
            )
            following.is_sent_start = not wrapped
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


# Abbreviations that end with a dot inside a name or before one: "Lindo St. Angel", "Dr. Ng".
_ABBREVIATIONS = {"St.", "Ste.", "Dr.", "Mr.", "Mrs.", "Ms.", "Jr.", "Sr.", "Prof.", "Mgr.", "M."}
_ABBREVIATIONS |= {"Mme.", "Inc.", "Corp.", "Co.", "Ltd."}


def _cut_abbreviation(dot: Token) -> bool:
    """A "." the tokenizer split off an abbreviation ("Inc" + ".")."""
    doc = dot.doc
    return (
        dot.text == "."
        and dot.i > 0
        and not doc[dot.i - 1].whitespace_
        and doc[dot.i - 1].text + "." in _ABBREVIATIONS
    )


@Language.component("names_continue_sentences")
def names_continue_sentences(doc: Doc) -> Doc:
    """ "Lindo St. Angel, vice-président ...": on one line, a sentence starts only after the end
    of one (".", "!", "?", "…", ":", a closing quote), and not after an abbreviation such as
    "St.": the parser cuts sentences at commas and inside names, the sentencizer at "St."."""
    for token in doc[1:]:
        before = doc[token.i - 1]
        if "\n" in before.whitespace_ or "\n" in before.text or "\n" in token.text:
            continue
        if before.text not in _ENDS or before.text in _ABBREVIATIONS:
            token.is_sent_start = False  # only the end of a sentence starts another
        elif _cut_abbreviation(before) and token.is_lower:
            token.is_sent_start = False  # "Alphabet Inc. a déclaré": the tokenizer split "Inc."
    return doc


_ENDS = {".", "!", "?", "…", "»", '"', "”", ":"}

# The lemmatizer knows the elided words only with a straight apostrophe: "s'" is "se", "s’"
# stays "s’", so "s’est séparé de" (as most French outlets type it) missed "se séparer de".
_ELIDED_LEMMAS = {"s": "se", "l": "le", "d": "de", "qu": "que", "n": "ne", "j": "je", "m": "me"}
_ELIDED_LEMMAS |= {"t": "te", "c": "ce", "jusqu": "jusque", "lorsqu": "lorsque"}
_ELIDED_LEMMAS |= {"puisqu": "puisque", "quoiqu": "quoique"}


@Language.component("curly_elisions_lemmatized")
def curly_elisions_lemmatized(doc: Doc) -> Doc:
    """ "s’", "l’", "qu’" get the lemmas of "s'", "l'", "qu'"."""
    for token in doc:
        if token.text.endswith("’") and token.lemma_ == token.text:
            lemma = _ELIDED_LEMMAS.get(token.lower_[:-1])
            if lemma is not None:
                token.lemma_ = lemma
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
