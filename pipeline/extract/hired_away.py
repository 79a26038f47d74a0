"""Hiring stories that hide a departure: "Meta a embauché deux chercheurs d'Apple, X et Y",
"Meta a débauché X chez Google", "Meta poached X from Apple", "Meta hired two Apple researchers, X
and Y". The company that hires is not the one left: the one the hired people come from is, and
when the sentence names none, there is no departure to report."""

from __future__ import annotations

from spacy.tokens import Token

from pipeline.extract.context import ArticleContext
from pipeline.extract.engine import resolver
from pipeline.extract.fr.counted import counts_people, named_by_next_sentence
from pipeline.extract.fr.people import People, _listed_after_colon, _people_from
from pipeline.extract.gazetteers import role_words
from pipeline.extract.listed import listed_after
from pipeline.extract.results import EntityRef
from pipeline.extract.rulebook import Candidate

_FROM_FR = {"de", "d'", "d’", "du", "chez"}


_PURPOSE = {"pour", "afin", "tenter", "essayer", "chercher", "cherche", "tente", "essaie"}


@resolver("fr", "person", "hired")
def hired_fr(context: ArticleContext, candidate: Candidate) -> People:
    verb = candidate.head
    before = context.doc[max(verb.sent.start, verb.i - 3) : verb.i]
    if "Inf" in verb.morph.get("VerbForm") and any(t.lower_ in _PURPOSE for t in before):
        return []  # "une campagne pour attirer les meilleurs talents, y compris X": an aim
    listed = listed_after(context, candidate)  # "deux chercheurs d'Apple, X et Y"
    if listed:
        return listed
    for obj in (c for c in candidate.head.children if c.dep_ == "obj"):
        if _counted_group(context, obj):  # "a débauché ces spécialistes. Parmi eux, X, ..."
            return named_by_next_sentence(context, obj)
        return _people_from(context, obj) or _listed_after_colon(context, candidate.head)
    if _adjectival_participle(candidate.head):
        return _described_before(context, candidate.head)
    return []


def _counted_group(context: ArticleContext, obj: Token) -> bool:
    """ "ces spécialistes de l'IA": people counted, named later; not "des chercheurs d'Apple"."""
    return counts_people(obj) and not any(
        c.dep_ == "nmod" and context.mentions.organization_at(c) for c in obj.children
    )


def _adjectival_participle(verb: Token) -> bool:
    """ "débauchés", "recrutée": a past participle with no auxiliary, describing someone."""
    return "Part" in verb.morph.get("VerbForm") and not any(
        c.dep_.startswith("aux") for c in verb.children
    )


def _described_before(context: ArticleContext, verb: Token) -> People:
    """ "X et Y, ingénieurs de recherche débauchés en 2023 chez Meta": the people a job title
    and the participle describe, named just before them in the sentence, with no verb between."""
    sentence = verb.sent
    people = context.mentions.people_in(sentence.start, verb.i)
    if not people:
        return []
    between = context.doc[people[-1].span.end : verb.i]
    if not (
        0 < len(between) <= 8
        and between[0].text == ","
        and any(t.lemma_.lower() in role_words() for t in between)
        and not any(t.pos_ in ("VERB", "AUX") for t in between)
    ):
        return []
    found = [people[-1]]
    for mention in reversed(people[:-1]):
        gap = context.doc[mention.span.end : found[0].span.start]
        if not (0 < len(gap) <= 2 and all(t.text in (",", "et") for t in gap)):
            break
        found.insert(0, mention)
    return [(m.entity, m.span.root) for m in found]


@resolver("fr", "organization", "hired_from")
def hired_from_fr(context: ArticleContext, candidate: Candidate, people=None) -> EntityRef | None:
    """The organisation the hired come from: "d'Apple" in the object, "chez Google" after."""
    verb = candidate.head
    hiring = {
        ref.key
        for c in verb.children
        if c.dep_.startswith("nsubj") and (ref := context.mentions.organization_at(c))
    }
    for token in verb.subtree:
        if token.i <= verb.i or token.dep_ not in ("nmod", "obl", "obl:mod", "obl:arg"):
            continue
        ref = context.mentions.organization_at(token)
        if ref and ref.key not in hiring and _introduced_by(token, _FROM_FR):
            return None if _formerly(token) else ref
    if any(c.dep_ == "obj" and _counted_group(context, c) for c in verb.children):
        # "Microsoft a débauché ces spécialistes": the ones the article is about, not Microsoft's
        return context.organization_in_focus(verb, exclude=hiring)
    if _adjectival_participle(verb):  # "débauchés dès 2023 après leur passage chez Meta"
        for token in verb.doc[verb.i + 1 : verb.sent.end]:
            if token.pos_ in ("VERB", "AUX") or token.lower_ == "par":
                return None
            ref = context.mentions.organization_at(token)
            if ref is not None:
                before = verb.doc[token.i - 1].lower_ if token.i else ""
                return ref if before in _FROM_FR and not _formerly(token) else None
    return None


_FORMER = {"ancien", "ancienne", "anciens", "anciennes", "ex", "former", "formerly"}


def _formerly(token: Token) -> bool:
    """ "un ancien chercheur de Google", "a former Google researcher": left long ago, not now."""
    before = token.doc[max(token.sent.start, token.i - 4) : token.i]
    return any(t.lower_ in _FORMER or t.lower_.startswith("ex-") for t in before)


def _introduced_by(token: Token, words: set[str]) -> bool:
    return any(c.dep_ == "case" and c.lower_ in words for c in token.children)


@resolver("en", "person", "hired")
def hired_en(context: ArticleContext, candidate: Candidate) -> People:
    return listed_after(context, candidate)


@resolver("en", "organization", "hired_from")
def hired_from_en(context: ArticleContext, candidate: Candidate, people=None) -> EntityRef | None:
    """ "poached X from Apple", "hired two Apple researchers": an organisation after "from", or
    one a job title follows, after the verb in its sentence."""
    doc = context.doc
    sentence = context.sentences[context.sentence_index(candidate.head)]
    roles = role_words()
    for mention in context.mentions.organizations_in(candidate.span.end, sentence.end):
        before = doc[mention.span.start - 1].lower_ if mention.span.start else ""
        after = doc[mention.span.end].lower_ if mention.span.end < len(doc) else ""
        if (before == "from" or after.rstrip("s") in roles) and not _formerly(mention.span[0]):
            return mention.entity
    return None
