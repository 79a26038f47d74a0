"""French: a paragraph that says a group left a company ("au moins huit employés ont quitté
Kestrel", "une vague de départs chez Kestrel") then tells each person by where they went ("X a
rejoint Lumen comme directeur technique"). Each joining it tells is a departure from that
company, unless it is the company they join."""

from __future__ import annotations

from spacy.tokens import Span, Token

from pipeline.extract.context import ArticleContext
from pipeline.extract.engine import resolver
from pipeline.extract.fr.counted import counted_before, counts_people
from pipeline.extract.fr.organizations import is_quitter, joins_a_seat, organization_joined
from pipeline.extract.results import EntityRef
from pipeline.extract.rulebook import Candidate

# Nouns that tell many people leaving at once: "une vague de départs chez X", "l'exode de X"
_MANY_LEAVING = {"départs", "exode", "hémorragie", "saignée"}
PARAGRAPH = 10  # sentences back: a list of who went where runs on in one paragraph
# Words after which an organisation is where people go, not the one they leave
_GOING_TO = {"pour", "rejoindre", "vers", "rejoint", "rejoignent"}


@resolver("fr", "organization", "left_in_exodus")
def left_in_exodus(context: ArticleContext, candidate: Candidate, people=None) -> EntityRef | None:
    """The company a group left earlier in the paragraph (or in this sentence), when the person
    joins another one."""
    verb = candidate.head
    if any(c.dep_ in ("aux:pass", "obl:agent") for c in verb.children):
        return None  # "rejoints par X": the one joined
    if "Inf" in verb.morph.get("VerbForm"):
        return None  # "son départ d'OpenAI pour rejoindre X": the leaving is told by its own words
    if joins_a_seat(verb):
        return None
    index = context.sentence_index(verb)
    joined = organization_joined(context, candidate)
    for sentence in [context.sentences[index], *_paragraph_before(context, index)]:
        left = group_left(context, sentence)
        if left is not None:
            return left if left != joined else None
    return None


def _paragraph_before(context: ArticleContext, index: int) -> list[Span]:
    """The sentences of the paragraph before this one, nearest first. The blank line that ends a
    paragraph may be the trailing whitespace of its last sentence."""
    found = []
    for sentence in context.previous_sentences(index, limit=PARAGRAPH):
        if "\n\n" in sentence.text[len(sentence.text.rstrip()) :].replace(" ", ""):
            break
        found.append(sentence)
    return found


def group_left(context: ArticleContext, sentence: Span) -> EntityRef | None:
    """ "au moins huit employés ont quitté Kestrel" / "les départs se multiplient chez Kestrel":
    the company a group of people left, told in this sentence."""
    for token in sentence:
        if is_quitter(token) and _group_subject(token):
            return _organization_after(context, token, sentence)
        if token.lower_ in _MANY_LEAVING and token.pos_ == "NOUN":
            return _organization_after(context, token, sentence)
    return None


def _group_subject(verb: Token) -> bool:
    subjects = [c for c in verb.children if c.dep_.startswith("nsubj")]
    if subjects and counts_people(subjects[0]):
        return True
    # the parse may lose a long plural subject ("au moins sept employés, dont ..., ont quitté")
    return counted_before(verb) is not None


def _organization_after(context: ArticleContext, token: Token, sentence: Span) -> EntityRef | None:
    for following in context.doc[token.i + 1 : min(sentence.end, token.i + 8)]:
        if following.lower_ in _GOING_TO or following.text in (".", ";", ":"):
            return None
        if context.mentions.person_at(following) is not None:
            return None  # "les départs de X, qui a passé 12 ans chez Y": about one person
        found = context.mentions.organization_at(following)
        # a headline's capitals are not a company ("L'Exode des Cadres Continue chez Kestrel")
        if found is not None and found.key in context.mentions.reliable_organizations:
            return found
    return None
