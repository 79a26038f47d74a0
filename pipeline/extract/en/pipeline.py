"""English: no English spaCy model is published on PyPI by its authors, so English articles go
through a blank English tokenizer, the same gazetteers, and capitalised-name spotting for people
(the `english_people` component here)."""

from __future__ import annotations

import re
from functools import cache

import spacy
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from pipeline.extract.components import add_name_special_cases, gazetteer_patterns
from pipeline.extract.dates import CALENDAR_WORDS
from pipeline.extract.gazetteers import role_words
from pipeline.extract.lexicons import lexicon
from pipeline.extract.mentions import HYPHENS

_NOT_NAME_WORDS = (
    role_words()  # "Intel AI Leader Naveen Rao": a title-case job title is no first name
    | STOP_WORDS
    | CALENDAR_WORDS
    | lexicon("en", "not_name_words")
)
_NAME_TOKEN = re.compile(r"^[A-Z][a-zà-ÿ]*(?:[A-Z'’-][a-zà-ÿ]+)*$|^(?:[A-Z]\.){1,3}$")


def _is_name_word(token: Token | None) -> bool:
    return (
        token is not None
        and bool(_NAME_TOKEN.match(token.text))
        and not token.ent_type_
        and token.lower_ not in _NOT_NAME_WORDS
    )


@Language.component("english_people")
def english_people(doc: Doc) -> Doc:
    """Runs of two to four capitalised words that are not common words become PER entities; in a
    title-case headline ("OpenAI Fires Two Researchers for Allegedly Leaking Information") only
    the names the running text also gives."""
    headline_tokens = _title_case_line_tokens(doc)
    doc.user_data[HEADLINE_TOKENS] = headline_tokens
    spans, headline_runs, run = [], [], []
    for token in [*doc, None]:
        if _is_name_word(token) or (run and token is not None and token.text in _INSIDE_NAMES):
            run.append(token)
            continue
        if run and (_given_as_a_name(run[0]) or _ends_a_longer_name(run[0])):
            pass  # "known internally as Societal Impacts", "Kairn's Institute of Applied Learning"
        elif run and _opens_a_job_title(run, token):
            pass  # "X, Principal Crash Safety Engineer;": the words of a title before its role
        elif run and token is not None and _closes_a_company_name(token):
            pass  # "The Walt Disney Co.", "Sanctuary Cognitive Systems Corp.": a company's name
        elif len(run) >= 2 and run[0].i in headline_tokens:
            headline_runs.append(Span(doc, run[0].i, run[-1].i + 1, label="PER"))
        elif 2 <= len(run) <= 4:
            spans.append(Span(doc, run[0].i, run[-1].i + 1, label="PER"))
        run = []
    teams = _team_names(doc, spans)
    spans = [span for span in spans if span.text not in teams]
    in_text = {span.text for span in spans}
    alone = {t.text for t in doc if t.i not in headline_tokens and _capitalised_alone(t)}
    spans += [named for run in headline_runs for named in _named_in(run, in_text, alone)]
    surnames = {span[-1].text for span in spans}
    # "Wen commented ..." after "Wen Liqiang": a name told family name first
    firsts = [name.split()[0] for name in {span.text for span in spans if len(span) == 2}]
    surnames |= {
        first
        for first in firsts
        if firsts.count(first) == 1 and first.lower() not in _ROLE_WORDS and len(first) > 2
    }
    in_spans = {i for span in spans for i in range(span.start, span.end)}
    for token in doc:  # "McGrew said" once "Bob McGrew" has been named
        if token.text in surnames and token.i not in in_spans and not token.ent_type_:
            spans.append(Span(doc, token.i, token.i + 1, label="PER"))
    doc.ents = filter_spans([*doc.ents, *spans])
    return doc


def _opens_a_job_title(run: list[Token], following: Token | None) -> bool:
    """ "Jane Doe, Principal Safety Engineer": capitalised words after a comma that a job title's
    role word closes."""
    doc, i = run[0].doc, run[0].i

    def in_title(token: Token) -> bool:  # "Principal CAE Crash Safety", "Automation and Safety"
        return (token.text[:1].isupper() and token.is_alpha) or token.lower_ in ("and", "&")

    while i > 0 and in_title(doc[i - 1]):
        i -= 1
    after_comma = i > 0 and doc[i - 1].text == ","
    j = following.i if following is not None else len(doc)
    while j < len(doc) and in_title(doc[j]) and doc[j].lower_ not in _ROLE_WORDS:
        j += 1
    return after_comma and j < len(doc) and doc[j].lower_ in _ROLE_WORDS


def _closes_a_company_name(following: Token) -> bool:
    """A company suffix right after a run of capitalised words, or after up to two more
    ("Cognitive Systems Corp.")."""
    doc = following.doc
    for token in doc[following.i : min(following.i + 3, len(doc))]:
        if token.lower_.rstrip(".") in _COMPANY_SUFFIXES:
            return True
        if not token.text[:1].isupper():
            return False
    return False


def _ends_a_longer_name(first: Token) -> bool:
    """ "Institute of Applied Learning", "University of Southern California": capitalised words
    after "of" and a capitalised word end an institution's name, never begin a person's."""
    doc, i = first.doc, first.i
    return i >= 2 and doc[i - 1].lower_ == "of" and doc[i - 2].text[:1].isupper()


HEADLINE_TOKENS = "title_case_tokens"
_COMPANY_SUFFIXES = lexicon("en", "company_suffixes")
_ROLE_WORDS = {w for role in lexicon("any", "roles") for w in role.split()}
# "Lindo St. Angel", "Louis Gerstner Jr.": abbreviations inside or closing a name
_INSIDE_NAMES = {"St.", "Ste.", "Jr.", "Sr."}


def _title_case_line_tokens(doc: Doc) -> set[int]:
    """Tokens of lines where nearly every word that is not a short function word is
    capitalised: headlines, whose capitals say nothing about names. A colon starts a new one
    ("Full story: Did They Really Cut ..."), unless the line is a sentence: ended with a full
    stop and with a word in lower case ("Paul Wren left Quillon Games in May.", "Three
    engineers left: Paul Wren, Ann Lee and Tom Hale.")."""
    found: set[int] = set()
    for line in _lines(doc):
        words = _telling_words(line)
        a_sentence = len(line) > 1 and line[-1].text == "." and any(w.is_lower for w in words)
        if a_sentence:
            continue
        segment: list[Token] = []
        for token in line:
            segment.append(token)
            if token.text == ":" or token.i == line[-1].i:
                words = _telling_words(segment)
                capitalised = sum(1 for t in words if t.text[:1].isupper())
                if len(words) >= 4 and capitalised >= 0.8 * len(words):
                    found.update(t.i for t in segment)
                segment = []
    return found


def _lines(doc: Doc) -> list[list[Token]]:
    lines, line = [], []
    for token in doc:
        if "\n" in token.text:
            lines.append(line)
            line = []
            continue
        line.append(token)
        if "\n" in token.whitespace_:
            lines.append(line)
            line = []
    return [line for line in [*lines, line] if line]


def _telling_words(tokens: list[Token]) -> list[Token]:
    """The words whose capitals could tell a headline: a company or a month is capitalised in
    any sentence, and says nothing."""
    return [
        t
        for t in tokens
        if t.is_alpha
        and t.lower_ not in _FUNCTION_WORDS
        and t.lower_ not in CALENDAR_WORDS
        and not t.ent_type_
    ]


_DETERMINERS = {"its", "the", "a", "an", "their", "entire", "whole", "his", "her", "this", "that"}
_DETERMINERS |= {"another", "other", "one", "some", "each", "every", "no", "our", "your", "my"}
_LINKS = {"of", "at", "in", "for", "on", "with", "from", "who", "which", "that", "and"}


def _team_names(doc: Doc, runs: list[Span]) -> set[str]:
    """Runs the article calls a team: "Plumb Line, the in-house group", "the Plumb Line team";
    then "who founded Plumb Line" does not make a person of it."""
    team_nouns = lexicon("en", "team_nouns")
    names = set()
    for run in runs:
        after = doc[run.end : min(run.end + 9, len(doc))]
        if after and after[0].lower_ in team_nouns:
            names.add(run.text)
        elif len(after) > 2 and after[0].text == "," and after[1].lower_ in _DETERMINERS:
            for token in after[2:]:
                in_house = token.lower_ == "in" and doc[token.i + 1 : token.i + 2].text == "-"
                if (
                    token.is_punct
                    and token.text not in HYPHENS
                    or (token.lower_ in _LINKS and not in_house)
                ):
                    break  # "X, another member of the founding team" is a person
                if token.lower_ in team_nouns:
                    following = doc[token.i + 1 : token.i + 2].text
                    possessive = following in ("'s", "’s", "'", "’")
                    # "X, the group's founding director", "X, the team leader": a person
                    if not possessive and following.lower() not in _ROLE_WORDS:
                        names.add(run.text)
                    break
    return names


def _given_as_a_name(first: Token) -> bool:
    doc = first.doc
    before = doc[first.i - 1].lower_ if first.i > 0 else ""
    before_that = doc[first.i - 2].lower_ if first.i > 1 else ""
    return before in ("dubbed", "codenamed") or (
        before == "as" and before_that in ("known", "internally", "publicly")
    )


def _capitalised_alone(token: Token) -> bool:
    """ "Raman said": a capitalised word between two that are not, as a surname is used."""
    doc = token.doc
    before = doc[token.i - 1].text if token.i > 0 else ""
    after = doc[token.i + 1].text if token.i + 1 < len(doc) else ""
    return token.text[:1].isupper() and not before[:1].isupper() and not after[:1].isupper()


def _named_in(span: Span, names: set[str], surnames: set[str]) -> list[Span]:
    """The longest parts of a headline run that the running text names in full, or whose last
    word it uses alone: "Jane Doe" of "Jane Doe Leaves", "Priya Raman" of "Priya Raman Quits
    Lumen Robotics" when the text says "Raman said"."""
    parts = [
        span.doc[start : start + size]
        for size in range(min(len(span), 4), 1, -1)
        for start in range(span.start, span.end - size + 1)
    ]
    found: list[Span] = []
    taken: set[int] = set()
    for named in (lambda p: p.text in names, lambda p: p[-1].text in surnames):
        for part in parts:  # a name given in full first: "Cut Wen Liqiang" is not "Cut Wen"
            if named(part) and not taken.intersection(range(part.start, part.end)):
                found.append(Span(span.doc, part.start, part.end, label="PER"))
                taken.update(range(part.start, part.end))
    return found


# Words a title-case headline leaves in lower case ("Fires Two Researchers for Leaking").
_FUNCTION_WORDS = {"a", "an", "the", "and", "or", "but", "for", "nor", "of", "on", "in", "at"}
_FUNCTION_WORDS |= {"to", "by", "as", "from", "with", "into", "over", "up", "off", "its", "is"}


@cache
def load() -> Language:
    nlp = spacy.blank("en")
    add_name_special_cases(nlp)
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("line_breaks_end_sentences")
    nlp.add_pipe("names_continue_sentences")
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "ORTH"})
    ruler.add_patterns(gazetteer_patterns())
    nlp.add_pipe("english_people")
    return nlp
