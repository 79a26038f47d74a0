"""People listed after a plural noun of leaving: "les départs de A, B et C", "les démissions de la
directrice X et de la directrice Y", "Les départs notables incluaient A, B et C", "the
resignations of A and B", "the reported sackings of A and B". Word order only, so one resolver
serves both languages."""

from __future__ import annotations

from spacy.tokens import Span

from pipeline.extract.context import ArticleContext
from pipeline.extract.engine import resolver
from pipeline.extract.gazetteers import role_words
from pipeline.extract.results import EntityRef
from pipeline.extract.rulebook import Candidate

LEAD = 12  # words between the noun and the first name
# "Ces départs comprenaient le responsable mondial de l'automatisation des véhicules et de la
# sécurité chez X, Jean Dupont, ...": a verb that announces the list allows a long job title
LONG_LEAD = 20
GAP = 12  # words between two names of the list
# Words that may stand between the noun and the list: prepositions, a few verbs that introduce
# it ("incluaient", "comprennent", "including"), and job titles
_INTRODUCERS = {"de", "d'", "d’", "des", "du", "of", "comme", "notamment", "dont", "incluaient"}
_INTRODUCERS |= {"incluent", "comprennent", "comprenaient", "including", "include", "included"}
_INTRODUCERS |= {"such", "as", "like", "among", "parmi", ":", ","}
_LIST_VERBS = {"incluaient", "incluent", "comprennent", "comprenaient", "include", "included"}
_LIST_VERBS |= {"including", "figure", "figurait", "figurent", "figuraient"}
_INTRODUCERS |= _LIST_VERBS
_STOPS = {".", ";", "?", "!"}
_BETWEEN = {",", "et", "and", "de", "d'", "d’", "du", "des", "of", "puis", "ainsi", "que"}


@resolver("any", "person", "listed_after")
def listed_after(context: ArticleContext, candidate: Candidate) -> list[tuple[EntityRef, object]]:
    noun = candidate.span[-1] if len(candidate.span) > 1 else candidate.head
    index = context.sentence_index(noun)
    sentence = context.sentences[index]
    people = context.mentions.people_in(noun.i + 1, sentence.end)
    if not people and sentence.text.rstrip().endswith(":"):
        return _bulleted_after(context, index)  # "four departures from X: • A (June 18): ..."
    if not people and not context.mentions.people_in(sentence.start, sentence.end):
        return _listed_in_next_sentence(context, index)
    if not people or not _leads_to(context.doc[noun.i + 1 : people[0].span.start]):
        return []
    if people[0].is_possessive:
        return []  # "exits from Jane Doe's companies": whose companies, not who left
    found = [people[0]]
    for mention in people[1:]:
        between = context.doc[found[-1].span.end : mention.span.start]
        if not _separates(between):
            break
        found.append(mention)
    return [(m.entity, m.span.root) for m in found]


_BULLETS = ("•", "-", "–", "—", "*", "·")
NEXT_LIST_WORDS = 60  # a list, not a story


def _listed_in_next_sentence(context: ArticleContext, index: int) -> list[tuple[EntityRef, object]]:
    """ "Les départs se sont enchaînés. Pêle-mêle, A de X, B et C d'Y, D." : the
    sentence after the noun is a list of people with no verb of its own (only where the
    tagger tells verbs)."""
    if context.lang != "fr" or index + 1 >= len(context.sentences):
        return []
    following = context.sentences[index + 1]
    if len(following) > NEXT_LIST_WORDS or any(t.pos_ in ("VERB", "AUX") for t in following):
        return []
    people = context.mentions.people_in(following.start, following.end)
    if len(people) < 2 or any(m.is_possessive for m in people):
        return []
    return [(m.entity, m.span.root) for m in people]


def _bulleted_after(context: ArticleContext, index: int) -> list[tuple[EntityRef, object]]:
    """The people who open the bulleted lines after a sentence ending with a colon."""
    found = []
    for line in context.sentences[index + 1 :]:
        words = [t for t in line if not t.is_space]
        if not words or words[0].text not in _BULLETS or len(words) < 2:
            break
        person = context.mentions.person_at(words[1])
        if person is None:
            break
        found.append((person, words[1]))
    return found


def _leads_to(between: Span) -> bool:
    """ "de la directrice des ressources humaines", "notables incluaient": no verb but the ones
    that introduce a list, and no sentence end."""
    if any(t.text in _STOPS for t in between):
        return False
    verbs = [t for t in between if t.lower_ in _LIST_VERBS]
    if verbs and not any(t.text == "," for t in between[: verbs[-1].i - between.start]):
        # "These layoffs are expected to hit 1,000 people and include CEO X": the noun's own
        # verb then names the list
        between = between.doc[verbs[-1].i : between.end]
    introduced = any(t.lower_ in _LIST_VERBS for t in between[:2])
    if len(between) > (LONG_LEAD if introduced else LEAD):
        return False
    return all(
        t.lower_ in _INTRODUCERS or not (t.pos_ in ("VERB", "AUX") or t.lower_ in _CLAUSE)
        for t in between
    )


_RELATIVE_OPENINGS = {"who", "qui"}
_CLAUSE = {"qui", "que", "dont", "who", "which", "that", "said", "says", "a", "ont", "has", "have"}
_CLAUSE |= {"is", "are", "was", "were", "be", "been", "told", "added", "est", "sont", "était"}


def _separates(between: Span) -> bool:
    """ ", ", " et ", " et de la directrice des communications ": the list goes on; also after
    a relative clause set off by commas (", who went to AMD, ")."""
    if _item_with_its_title(between):
        return True  # "A, Principal Safety Engineer; B, Policy Lead; and C"
    if not len(between) or len(between) > GAP or any(t.text in _STOPS for t in between):
        return False
    if len(between) > 2 and between[0].text == "," and between[1].lower_ in _RELATIVE_OPENINGS:
        closing = next((t for t in between[2:] if t.text == ","), None)
        if closing is None:
            return False
        between = between.doc[closing.i : between.end]
    if not any(t.lower_ in _BETWEEN for t in between):
        return False
    return not any(t.pos_ in ("VERB", "AUX") or t.lower_ in _CLAUSE for t in between)


def _item_with_its_title(between: Span) -> bool:
    """ ", Principal Safety Engineer; " / ", its policy lead; and ": the rest of one item of a list
    whose items are set apart by semicolons."""
    roles = role_words()
    while len(between) > 2 and (
        between[-1].lower_ in roles or (between[-1].text.isupper() and len(between[-1]) <= 4)
    ):
        between = between[:-1]  # "; and CIO X", "; and chief scientist X": the next item's title
    words = [t.lower_ for t in between]
    closing = words[-2:] == [";", "and"] and 2 or (words[-1:] == [";"] and 1)
    if not closing or words[:1] != [","] or len(words) > GAP:
        return False
    inside = between[1 : len(words) - closing]
    return bool(len(inside)) and not any(
        t.text in _STOPS or t.lower_ in _CLAUSE or t.pos_ in ("VERB", "AUX") for t in inside
    )


_TIME_SPENT = {"ans", "années", "mois", "passé", "passées", "years", "spent"}
_TOWARDS = {"to", "join", "joined", "joining", "joins", "for", "vers", "rejoindre", "pour"}
_TOWARDS |= {"rejoint", "rejoignent", "chez"}


@resolver("any", "organization", "around_list")
def organization_around_list(
    context: ArticleContext, candidate: Candidate, people=None
) -> EntityRef | None:
    """The organisation the sentence names outside the destinations ("..., both researchers at
    Anthropic", "Chez OpenAI, les démissions de ..."), else where the article says the first
    person works, else the one named last before."""
    sentence = context.sentences[context.sentence_index(candidate.head)]
    if people and all(anchor.i >= sentence.end for _, anchor in people):
        # listed in the next sentence: the company the story was about, not each one's unit
        return context.organization_before(candidate.head)
    for mention in context.mentions.organizations_in(sentence.start, sentence.end):
        before = context.doc[max(sentence.start, mention.span.start - 3) : mention.span.start]
        if not any(t.lower_ in _TOWARDS for t in before) or any(
            t.lower_ in _TIME_SPENT for t in before
        ):  # "qui a passé 12 ans chez Meta": where they worked
            return mention.entity
    for person, _ in people or ():
        tied = context.affiliation(person, sentence, here=False) or context.employer_told(person)
        if tied is not None:
            return tied
    return context.organization_before(candidate.head)
