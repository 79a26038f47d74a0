"""English: someone's last day at a company. "Friday was her last day at Cohere, Maya Lin said",
"“Yesterday was my last day at Cohere,” Maya Lin wrote", "Maya Lin's last day at Cohere was
Friday": whose day it is tells who left."""

from __future__ import annotations

from pipeline.extract.context import ArticleContext
from pipeline.extract.engine import resolver
from pipeline.extract.lexicons import lexicon
from pipeline.extract.rulebook import Candidate

_THIRD_PERSON = {"her", "his", "their"}
_POSSESSIVE_MARKS = {"'s", "’s"}


@resolver("en", "person", "whose_last_day")
def whose_last_day(context: ArticleContext, candidate: Candidate):
    doc = context.doc
    start = candidate.span.start
    if start == 0 or not _at_an_employer(context, candidate.span.end):
        return []  # "my last day at the conference"
    owner = doc[start - 1]
    if owner.lower_ == "my":
        speaker = context.quote_speaker(owner)  # “... my last day at X,” Y said
        return [speaker] if speaker else []
    if owner.lower_ in _POSSESSIVE_MARKS and start >= 2:
        person = context.mentions.person_at(doc[start - 2])  # "Maya Lin's last day"
        return [(person, doc[start - 2])] if person else []
    if owner.lower_ in _THIRD_PERSON:
        sentence = context.sentences[context.sentence_index(owner)]
        after = context.mentions.people_in(candidate.span.end, sentence.end)
        if after and not after[0].is_possessive:  # "..., Maya Lin said"
            return [(after[0].entity, after[0].span[0])]
        person = context.person_before(owner)
        return [(person, owner)] if person else []
    return []


def _at_an_employer(context: ArticleContext, i: int) -> bool:
    """ "at Cohere", "at the company": what follows "last day at" is an employer."""
    doc = context.doc
    if i >= len(doc):
        return False
    if context.mentions.organization_at(doc[i]) is not None:
        return True
    following = doc[i + 1 : i + 2]
    return (
        doc[i].lower_ in ("the", "its")
        and len(following) == 1
        and following[0].lower_ in lexicon("en", "employer_nouns")
    )
