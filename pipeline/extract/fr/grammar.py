"""French grammar for the engine: when a trigger is asserted as a fact, and when it is told in
the present of news."""

from __future__ import annotations

from spacy.tokens import Token

from pipeline.extract.context import ArticleContext, EventDate
from pipeline.extract.engine import resolver
from pipeline.extract.fr.assertion import is_asserted
from pipeline.extract.rulebook import Candidate


class FrenchGrammar:
    lang = "fr"

    def asserted(self, context: ArticleContext, candidate: Candidate) -> bool:
        sentence = context.sentences[context.sentence_index(candidate.head)]
        return is_asserted(
            candidate.head, sentence.text, negation_is_event=candidate.rule.negation_is_event
        )

    def news_present(self, candidate: Candidate) -> bool:
        return news_present(candidate.head)


def news_present(trigger: Token) -> bool:
    """ "X quitte OpenAI", "X annonce sa démission", "Meta dissout son équipe": the simple present
    of news, which places the event at the time of publication ("a quitté" does not)."""
    verb = trigger if trigger.pos_ in ("VERB", "AUX") else trigger.head
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    auxiliaries = [child for child in verb.children if child.dep_.startswith("aux")]
    if auxiliaries:  # "l'équipe est dissoute": a present passive is news too
        return all(a.dep_ == "aux:pass" and "Pres" in a.morph.get("Tense") for a in auxiliaries)
    return "Pres" in verb.morph.get("Tense") and "Ind" in verb.morph.get("Mood")


@resolver("fr", "date", "near_trigger")
def date_near_trigger(context: ArticleContext, candidate: Candidate) -> EventDate | None:
    if context.published and announced(candidate.head) and not _historical(context, candidate):
        # "quittera ses fonctions le 1er juillet": news dates a departure when it is announced
        return EventDate(context.published.replace(day=1), "month", "(announced, publication)")
    return context.date_for(
        candidate.head,
        reported_as_news=news_present(candidate.head),
        background=told_before(candidate.head),
        state=candidate.rule.negation_is_event,  # "n'est plus salarié depuis le 1er mai"
    )


def _historical(context: ArticleContext, candidate: Candidate) -> bool:
    """ "Il quittera la société en 1983": the historical future, with a year long gone."""
    dates = context.dates_in(context.sentence_index(candidate.head))
    return any(not d.relative and d.value.year < context.published.year for d in dates)


def told_before(trigger: Token) -> bool:
    """ "avait quitté", "était parti", "quittait": the past behind the news, in the pluperfect
    or the imperfect, which does not date the event at publication."""
    verb = trigger if trigger.pos_ in ("VERB", "AUX") else trigger.head
    if _reported_speech(verb):
        return False  # "a annoncé qu'elle quittait Meta": the news, in reported speech
    forms = [verb, *(c for c in verb.children if c.dep_.startswith("aux"))]
    return any("Imp" in f.morph.get("Tense") and "Ind" in f.morph.get("Mood") for f in forms)


def _reported_speech(verb: Token) -> bool:
    """A reporting verb, then "que", before the verb in its sentence (the parse of "qu'elle
    quittait" varies too much to trust)."""
    before = list(verb.doc[verb.sent.start : verb.i])
    that = next((t for t in reversed(before) if t.lower_ in ("que", "qu'", "qu’")), None)
    return that is not None and any(t.lemma_.lower() in _REPORTING for t in before if t.i < that.i)


_REPORTING = {"annoncer", "dire", "déclarer", "confirmer", "expliquer", "indiquer", "écrire"}
_REPORTING |= {"affirmer", "préciser", "révéler", "rapporter", "officialiser", "assurer"}


_ANNOUNCING = {"aller", "prévoir", "apprêter"}


def announced(trigger: Token) -> bool:
    """ "quittera", "va quitter", "prévoit de quitter", "s'apprête à quitter": a departure told
    before it happens."""
    verb = trigger if trigger.pos_ in ("VERB", "AUX") else trigger.head
    if "Fut" in verb.morph.get("Tense") and "Ind" in verb.morph.get("Mood"):
        return True
    governor = verb.head
    return (
        "Inf" in verb.morph.get("VerbForm")
        and governor.i != verb.i
        and governor.lemma_.lower() in _ANNOUNCING
    )
