"""The extractor: articles in, mentions and events out. Pure: no database here.

`EXTRACTOR_VERSION` names the code and the data that produced a projection: `CODE_VERSION`, bumped
by hand when code changes what comes out, and a digest of every rule, lexicon and gazetteer file,
so that editing one of those can never leave stale projections unnoticed (`pipeline doctor` says
when stored events come from another version; `pipeline reprocess` rebuilds them).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Sequence
from importlib import resources

from pipeline.extract.results import ArticleText, EntityRef, Extraction, FoundEvent, FoundMention

CODE_VERSION = "engine-13"
DATA_FOLDERS = ("rules", "lexicons", "gazetteers")


def _data_digest() -> str:
    digest = hashlib.sha256()
    root = resources.files("pipeline.extract")
    for folder in DATA_FOLDERS:
        for path in sorted(_data_files(root / folder), key=lambda p: str(p)):
            digest.update(str(path)[len(str(root)) :].encode())  # the name, wherever installed
            digest.update(path.read_bytes())
    return digest.hexdigest()[:10]


def _data_files(folder):
    for entry in folder.iterdir():
        if entry.is_dir():
            yield from _data_files(entry)
        elif entry.name.endswith((".jsonl", ".txt", ".json")):
            yield entry


EXTRACTOR_VERSION = f"{CODE_VERSION}+{_data_digest()}"

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
    from pipeline.extract.languages import READERS

    for reader in READERS.values():
        reader.rules()  # loads the spaCy pipeline and compiles the rules


def extract_texts(articles: Sequence[ArticleText]) -> list[Extraction]:
    return list(Extractor().extract_many(articles))
