"""English: a company that loses its people. "Cohere has lost another senior researcher, X",
"Cohere parted ways with X", "Cohere loses its CTO X to OpenAI". The company named just before
the verb is the one left; the people are named after it, with nothing but a job title between."""

from __future__ import annotations

from pipeline.extract.context import ArticleContext
from pipeline.extract.engine import resolver
from pipeline.extract.gazetteers import role_words
from pipeline.extract.results import EntityRef
from pipeline.extract.rulebook import Candidate

# Words that may stand between the company and the verb: "Cohere has just lost ..."
_BETWEEN_SUBJECT_AND_VERB = {"has", "have", "had", "just", "recently", "now", "also", "again"}
_BETWEEN_SUBJECT_AND_VERB |= {"reportedly", "officially", "quietly", "abruptly"}
# What the gap between the verb and a name must not hold: another clause begins
_CLAUSE_WORDS = {"to", "who", "which", "that", "after", "when", "as", "while", "because", "and"}
_CLAUSE_WORDS |= {"by", "from", "with", "said", "says"}
GAP = 8


@resolver("en", "organization", "losing")
def losing(context: ArticleContext, candidate: Candidate, people=None) -> EntityRef | None:
    doc = context.doc
    i = candidate.span.start - 1
    while i >= candidate.head.sent.start and doc[i].lower_ in _BETWEEN_SUBJECT_AND_VERB:
        i -= 1
    if i < candidate.head.sent.start:
        return None
    return context.mentions.organization_at(doc[i])


@resolver("en", "person", "lost")
def lost(context: ArticleContext, candidate: Candidate):
    if losing(context, candidate) is None:
        return []
    sentence = candidate.head.sent
    people = context.mentions.people_in(candidate.span.end, sentence.end)
    if not people or people[0].is_possessive:
        return []
    gap = context.doc[candidate.span.end : people[0].span.start]
    if len(gap) > GAP or any(t.lower_ in _CLAUSE_WORDS or t.text in ".;:" for t in gap):
        return []
    if gap and not any(
        t.lower_ in role_words() or t.lower_.rstrip("s") in role_words() for t in gap
    ):
        return []  # "lost a lawsuit brought by X": what is lost is no job
    found = [people[0]]
    for mention in people[1:]:  # "lost X and Y", "lost its CTO X, its CFO Y"
        between = context.doc[found[-1].span.end : mention.span.start]
        if not between or len(between) > 4 or any(t.lower_ in ("to", "who") for t in between):
            break
        if not any(t.lower_ in (",", "and") for t in between):
            break
        found.append(mention)
    return [(m.entity, m.span[0]) for m in found]
