"""From texts to Docs to events: markup blanked, spaCy run in batches, rules applied per Doc."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Span

from pipeline.extract import departures, dissolutions, english
from pipeline.extract.context import ArticleContext
from pipeline.extract.markup import PlainText, to_plain_text
from pipeline.extract.nlp import load as load_french
from pipeline.extract.results import ArticleText, Extraction, FoundEvent
from pipeline.extract.team_focus import team_focus

# spaCy refuses texts over 1,000,000 characters; the rules never need more than this much.
MAX_CHARS = 900_000


def extract_batch(articles: Sequence[ArticleText]) -> list[Extraction]:
    results: list[Extraction | None] = [None] * len(articles)
    for lang in ("fr", "en"):
        indexes = [i for i, a in enumerate(articles) if _pipeline_lang(a.lang) == lang]
        if not indexes:
            continue
        nlp = load_french() if lang == "fr" else english.load()
        plains = {i: to_plain_text(articles[i].text[:MAX_CHARS]) for i in indexes}
        # One spaCy batch per call: the caller's batch size is the one that counts.
        docs = nlp.pipe((plains[i].text for i in indexes), batch_size=len(indexes))
        for i, doc in zip(indexes, docs, strict=True):
            results[i] = _located(extract_doc(doc, articles[i], plains[i].text), plains[i])
    return [r if r is not None else Extraction() for r in results]


def _pipeline_lang(lang: str | None) -> str:
    return "en" if (lang or "").lower().startswith("en") else "fr"


def extract_doc(doc: Doc, article: ArticleText, text: str | None = None) -> Extraction:
    """`text`, when known, is the text `doc` was made from (saves rebuilding it from tokens)."""
    lang = _pipeline_lang(article.lang)
    context = ArticleContext(doc, article.published, lang, text)
    if lang == "en":
        events = list(english.extract(context))
    else:
        events = [*departures.extract(context), *dissolutions.extract(context)]
    events = _with_team_focus(_named_teams_only(events), context.sentences)
    return Extraction(mentions=tuple(context.mentions.found_mentions()), events=tuple(events))


def _named_teams_only(events: list[FoundEvent]) -> list[FoundEvent]:
    """ "Vortège supprime sa cellule éthique" (headline), then "La cellule Boussole ... a été
    supprimée": once an article names the team an organisation dissolved, its descriptions
    of that team in lower-case words are the same event, not another one."""
    named = {
        e.organization.key
        for e in events
        if e.event_type == "dissolution" and e.organization and _is_proper_name(e.subject.name)
    }
    return [
        e
        for e in events
        if not (
            e.event_type == "dissolution"
            and e.organization
            and e.organization.key in named
            and not _is_proper_name(e.subject.name)
        )
    ]


def _with_team_focus(events: list[FoundEvent], sentences: list[Span]) -> list[FoundEvent]:
    """Each dissolution says what the team worked on, from its name, then the sentence that
    reports it, then the sentence before ("L'équipe était chargée de la sécurité des modèles.")."""
    starts = [sentence.start_char for sentence in sentences]

    def sentence_before(offset: int) -> str:
        index = bisect_right(starts, offset) - 1
        return sentences[index - 1].text if index >= 1 else ""

    return [
        replace(e, focus=team_focus(e.subject.name, e.sentence, sentence_before(e.sentence_start)))
        if e.event_type == "dissolution"
        else e
        for e in events
    ]


def _is_proper_name(name: str) -> bool:
    return any(word[:1].isupper() for word in name.split())


def _located(extraction: Extraction, plain: PlainText) -> Extraction:
    """Offsets in the plain text the NLP saw -> offsets in the stored article."""
    mentions = tuple(
        replace(m, start=plain.original(m.start), end=plain.original_end(m.end))
        for m in extraction.mentions
    )
    events = tuple(
        replace(
            e,
            sentence_start=plain.original(e.sentence_start),
            sentence_end=plain.original_end(e.sentence_end),
        )
        for e in extraction.events
    )
    return Extraction(mentions=mentions, events=events)
