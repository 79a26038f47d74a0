"""French: a company that loses its people. "OpenAI perd son directeur scientifique, X", "OpenAI
perd X, son directeur scientifique", "l'entreprise s'apprête à perdre un autre de ses cadres, X",
"Apple perd quatre chercheurs. Cela concerne X, Y et Z". The subject is the company left; what it
loses is a job title or a person, and the people are named after it in the sentence, or listed by
the next one."""

from __future__ import annotations

from spacy.tokens import Token

from pipeline.extract.context import ArticleContext
from pipeline.extract.engine import resolver
from pipeline.extract.fr.counted import People, listed_people, named_by_next_sentence
from pipeline.extract.fr.people import companions
from pipeline.extract.gazetteers import role_words
from pipeline.extract.lexicons import lexicon
from pipeline.extract.results import EntityRef
from pipeline.extract.rulebook import Candidate


@resolver("fr", "person", "lost")
def lost(context: ArticleContext, candidate: Candidate) -> People:
    verb = candidate.head
    objects = [c for c in verb.children if c.dep_ == "obj"]
    lost_thing = next(  # "Mistral AI perd X": the parse may also take the company's end for one
        (c for c in objects if _stands_for_staff(c) or context.mentions.person_at(c)),
        objects[0] if objects else None,
    )
    if lost_thing is None:  # "a perdu mercredi son cofondateur": the parse may hang it elsewhere
        following = verb.doc[verb.i + 1 : min(verb.i + 5, verb.sent.end)]
        lost_thing = next((t for t in following if t.pos_ == "NOUN" and _stands_for_staff(t)), None)
    named_lost = lost_thing is not None and context.mentions.person_at(lost_thing) is not None
    if (
        lost_thing is None
        or not (_stands_for_staff(lost_thing) or named_lost)  # "perd X, son directeur"
        or losing(context, candidate) is None
    ):
        return []
    sentence = verb.sent
    named = listed_people(context, context.mentions.people_in(lost_thing.i, sentence.end))
    if named:  # "a perdu son CTO X au profit d'OpenAI, suivi du cofondateur Y"
        return named + [c for c in companions(context, verb) if all(c[0] != n for n, _ in named)]
    return named_by_next_sentence(context, verb)


@resolver("fr", "person", "contract_holder")
def contract_holder(context: ArticleContext, candidate: Candidate) -> People:
    """ "a mis fin au contrat de X", "au contrat de son directeur scientifique, X": the person
    named after "de", right away or after their post."""
    doc, sentence = candidate.span.doc, candidate.head.sent
    for token in doc[candidate.span.end : min(candidate.span.end + 8, sentence.end)]:
        person = context.mentions.person_at(token)
        if person is not None:
            return [(person, token)]
        post = token.pos_ in ("DET", "ADJ", "NOUN") or token.lower_ in ("de", "d'", "d’", ",")
        if not post:
            break  # "au contrat de fourniture, selon X": someone else
    return []


@resolver("fr", "organization", "losing")
def losing(context: ArticleContext, candidate: Candidate, people=None) -> EntityRef | None:
    """The subject of "perdre", or of the verb it completes ("s'apprête à perdre"): a company
    named, or a noun for one ("l'entreprise") that stands for the company in focus."""
    verb = candidate.head
    while True:
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None or verb.dep_ not in ("xcomp", "conj") or verb.head is verb:
            break
        verb = verb.head
    if subject is None:  # "OpenAI perd son directeur": the parse may miss a company subject
        before = verb.doc[verb.i - 1] if verb.i > verb.sent.start else None
        return context.mentions.organization_at(before) if before is not None else None
    named = context.mentions.organization_at(subject)
    if named is not None:
        return named
    if subject.lemma_.lower() in _GOVERNING_BODIES:
        # "le conseil d'administration d'Atos a mis fin aux fonctions de X": the board's company
        for token in subject.subtree:
            if token.i > subject.i and (owner := context.mentions.organization_at(token)):
                return owner
    if subject.lemma_.lower() in lexicon("fr", "employer_nouns"):
        for child in subject.children:  # "la startup Kairn Lab perd ..."
            if child.i > subject.i and (named := context.mentions.organization_at(child)):
                return named
        sentence = context.sentences[context.sentence_index(verb)]
        for person, _ in people or ():  # "la start-up perd l'un de ses cofondateurs, X"
            tied = context.affiliation(person, sentence, here=False) or context.employer_told(
                person
            )
            if tied is not None:
                return tied
        return _company_told_before(context, subject)
    return None


_TOWARDS = {"chez", "vers", "rejoindre", "rejoint", "pour", "à"}
_GOVERNING_BODIES = {"conseil", "comité", "direction", "actionnaire", "assemblée"}


def _company_told_before(context: ArticleContext, noun: Token) -> EntityRef | None:
    """ "l'entreprise", "la start-up": the company the sentence, or the nearest one before it,
    tells about first, not one people go to ("repart chez OpenAI")."""
    index = context.sentence_index(noun)
    for sentence in reversed(context.sentences[: index + 1]):
        end = noun.i if sentence.start <= noun.i < sentence.end else sentence.end
        for mention in context.mentions.organizations_in(sentence.start, end):
            before = context.doc[max(sentence.start, mention.span.start - 2) : mention.span.start]
            if not any(t.lower_ in _TOWARDS for t in before):
                return mention.entity
    return None


def _stands_for_staff(thing: Token) -> bool:
    """ "son directeur scientifique", "quatre chercheurs", "un autre de ses cadres": a job title,
    never "de l'argent" or "son procès"."""
    roles = role_words()
    words = [thing, *(c for c in thing.children if c.dep_ == "nmod")]
    return any(w.lemma_.lower() in roles or w.lower_ in roles for w in words)
