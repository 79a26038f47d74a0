"""English grammar for the engine (word order only: no parser here): when a trigger is asserted
as a fact, and when it is told in the present of news."""

from __future__ import annotations

import re

from spacy.tokens import Span

from pipeline.extract.context import ArticleContext, EventDate
from pipeline.extract.engine import resolver
from pipeline.extract.lexicons import lexicon
from pipeline.extract.rulebook import Candidate


class EnglishGrammar:
    lang = "en"

    def asserted(self, context: ArticleContext, candidate: Candidate) -> bool:
        sentence = context.sentences[context.sentence_index(candidate.head)]
        return _asserted(sentence, candidate.span.start - sentence.start)

    def news_present(self, candidate: Candidate) -> bool:
        return news_present(candidate.span)


def _asserted(sentence: Span, index: int) -> bool:
    if sentence.text.rstrip().endswith("?"):
        return False
    before = [t.lower_ for t in sentence[max(0, index - 5) : index]]
    blocked = lexicon("en", "negations") | lexicon("en", "modal_words")
    if _ORDINAL_TO.search(sentence[max(0, index - 7) : index + 1].text.lower()):
        # "announced that X would be the first executive to retire": reported, not hypothetical
        blocked = lexicon("en", "negations")
    elif _REPORTED_FUTURE.search(sentence[max(0, index - 8) : index].text):
        # "announced he would depart OpenAI": the future of reported speech, not a hypothesis
        blocked = lexicon("en", "negations")
    if any(word in blocked for word in before):
        return False
    if sentence[index].lower_ == "would" and not _REPORTED_FUTURE.search(
        sentence[max(0, index - 7) : index + 1].text
    ):
        return False  # "X would leave OpenAI if ...": a hypothesis, not reported news
    lowered = sentence.text.lower()
    return not any(word in lowered for word in ("denied", "denies", "rumor", "rumour", "speculat"))


# "announced Monday that chief executive X would retire": the job title may come before the name
_REPORTED_FUTURE = re.compile(
    r"\b(?:announced|said|confirmed|told \w+|wrote|revealed|disclosed|declared)"
    r"(?: (?:on|this|last) \w+| (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))?"
    r"(?: that)? (?:he|she|they|it|(?:(?:its|his|her|the|[a-z]+) ){0,3}"
    r"[A-Z][\w’'.-]+(?: [A-Z][\w’'-]+){0,2})"
    r" would(?: be)?$"
)
_ORDINAL_TO = re.compile(r"\bwould be the (?:first|next|latest|last|second|third) [\w-]+ to$")
NEWS_PRESENT = {
    "leaves",
    "quits",
    "resigns",
    "departs",
    "exits",
    "steps",
    "stepping",
    "leaving",
    "disbands",
    "dissolves",
    "shuts",
    "scraps",
    "eliminates",
    "axes",
    "dismantles",
}


def news_present(trigger: Span) -> bool:
    """ "X leaves OpenAI", "X is stepping down", "X has left": news of now."""
    previous = trigger.doc[trigger.start - 1].lower_ if trigger.start > 0 else ""
    return trigger[0].lower_ in NEWS_PRESENT or previous in ("has", "have")


@resolver("en", "date", "near_trigger")
def date_near_trigger(context: ArticleContext, candidate: Candidate) -> EventDate | None:
    if context.published and announced(candidate.span):
        # "will step down at the end of the year": news dates a departure when it is announced
        return EventDate(context.published.replace(day=1), "month", "(announced, publication)")
    return context.date_for(
        candidate.head,
        reported_as_news=news_present(candidate.span),
        background=told_before(candidate.span),
    )


def told_before(trigger: Span) -> bool:
    """ "had left", "who left in": the past behind the news, which does not date the event at
    publication."""
    doc = trigger.doc
    before = [t.lower_ for t in doc[max(trigger.sent.start, trigger.start - 3) : trigger.start]]
    return "had" in before or "who" in before[-1:] or "former" in before


def announced(trigger: Span) -> bool:
    """ "will leave", "will step down", "is set to leave", "is to step down": told before it
    happens."""
    doc = trigger.doc
    before = [t.lower_ for t in doc[max(trigger.sent.start, trigger.start - 3) : trigger.start]]
    return (
        "will" in before
        or before[-2:] == ["set", "to"]
        or before[-2:] in (["is", "to"], ["are", "to"])
    )
