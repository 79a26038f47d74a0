"""The extractor: articles in, mentions and events out. Pure: no database here.

`EXTRACTOR_VERSION` names the rules and data that produced a projection; bump it whenever a rule,
lexicon or gazetteer changes what comes out, so that `pipeline reprocess` is worth running.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from pipeline.extract.results import ArticleText, EntityRef, Extraction, FoundEvent, FoundMention

EXTRACTOR_VERSION = "rules-fr-en-12"

__all__ = [
    "EXTRACTOR_VERSION",
    "ArticleText",
    "EntityRef",
    "Extraction",
    "Extractor",
    "FoundEvent",
    "FoundMention",
    "load_models",
]


class Extractor:
    """Runs spaCy in batches and the rule sets on each document."""

    version = EXTRACTOR_VERSION

    # 64 articles per nlp.pipe batch measured faster than 16 or 256 with fr_core_news_md on CPU.
    def __init__(self, batch_size: int = 64):
        self.batch_size = batch_size

    def extract(self, article: ArticleText) -> Extraction:
        return next(iter(self.extract_many([article])))

    def extract_many(self, articles: Iterable[ArticleText]) -> Iterator[Extraction]:
        """One Extraction per article, in order. French and English go through their own
        pipelines; each keeps batching with nlp.pipe."""
        from pipeline.extract.batch import extract_batch

        batch: list[ArticleText] = []
        for article in articles:
            batch.append(article)
            if len(batch) >= self.batch_size:
                yield from extract_batch(batch)
                batch = []
        if batch:
            yield from extract_batch(batch)


def load_models() -> None:
    """Load the NLP pipelines now rather than at the first article (each is loaded once per
    process)."""
    from pipeline.extract import english, nlp

    nlp.load()
    english.load()


def extract_texts(articles: Sequence[ArticleText]) -> list[Extraction]:
    return list(Extractor().extract_many(articles))
