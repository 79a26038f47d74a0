"""From texts to Docs to events: markup blanked, spaCy run in batches, the engine run per Doc."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc

from pipeline.extract import engine
from pipeline.extract.context import ArticleContext
from pipeline.extract.languages import READERS, reader_for
from pipeline.extract.markup import PlainText, to_plain_text
from pipeline.extract.results import ArticleText, Extraction

# spaCy refuses texts over 1,000,000 characters; the rules never need more than this much.
MAX_CHARS = 900_000


def extract_batch(articles: Sequence[ArticleText]) -> list[Extraction]:
    results: list[Extraction | None] = [None] * len(articles)
    for lang, reader in READERS.items():
        indexes = [i for i, a in enumerate(articles) if reader_for(a.lang).lang == lang]
        if not indexes:
            continue
        nlp = reader.load()
        plains = {i: to_plain_text(articles[i].text[:MAX_CHARS]) for i in indexes}
        # One spaCy batch per call: the caller's batch size is the one that counts.
        docs = nlp.pipe((plains[i].text for i in indexes), batch_size=len(indexes))
        for i, doc in zip(indexes, docs, strict=True):
            results[i] = _located(extract_doc(doc, articles[i], plains[i].text), plains[i])
    return [r if r is not None else Extraction() for r in results]


def extract_doc(doc: Doc, article: ArticleText, text: str | None = None) -> Extraction:
    """`text`, when known, is the text `doc` was made from (saves rebuilding it from tokens)."""
    reader = reader_for(article.lang)
    context = ArticleContext(
        doc, article.published, reader.lang, text, article.published_precision, article.title
    )
    events = engine.extract(context, reader.rules(), reader.grammar)
    return Extraction(mentions=tuple(context.mentions.found_mentions()), events=tuple(events))


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
