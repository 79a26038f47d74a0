"""The article log: append and read, nothing else. Rows are never updated or deleted (the
database refuses it too, through triggers made by the first migration)."""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, Engine, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from pipeline.inputs.sources import RawArticle
from pipeline.store.clock import now
from pipeline.store.models import articles

HASH_LOOKUP_CHUNK = 500


@dataclass(frozen=True)
class StoredArticle:
    id: int
    text: str
    lang: str
    published_on: object


def content_hash(text: str) -> str:
    """Identity of an article: its text, normalised so that line endings or trailing spaces do
    not make a copy look new."""
    normalised = "\n".join(
        line.rstrip() for line in unicodedata.normalize("NFC", text).strip().splitlines()
    )
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()


def stored_hashes(engine: Engine, hashes: Iterable[str]) -> set[str]:
    """Which of `hashes` the log already holds, in a few bulk queries."""
    wanted = sorted(set(hashes))
    found: set[str] = set()
    with engine.connect() as connection:
        for i in range(0, len(wanted), HASH_LOOKUP_CHUNK):
            chunk = wanted[i : i + HASH_LOOKUP_CHUNK]
            rows = connection.execute(
                select(articles.c.content_hash).where(articles.c.content_hash.in_(chunk))
            )
            found.update(row[0] for row in rows)
    return found


NewArticle = tuple[RawArticle, str, object]  # the article, its content hash, its publication date


def append(connection: Connection, article: RawArticle, digest: str, published) -> int | None:
    """Append one article; None when another writer stored the same content first."""
    return append_many(connection, [(article, digest, published)]).get(digest)


def append_many(connection: Connection, new: Sequence[NewArticle]) -> dict[str, int]:
    """Append articles in one statement, in the given order; {content hash: id} of those stored
    here (an article another writer stored first is left out)."""
    if not new:
        return {}
    dialect_insert = pg_insert if connection.dialect.name == "postgresql" else sqlite_insert
    statement = (
        dialect_insert(articles)
        .on_conflict_do_nothing(index_elements=["content_hash"])
        .returning(articles.c.content_hash, articles.c.id)
    )
    ingested_at = now()
    rows = [
        {
            "content_hash": digest,
            "source": article.source,
            "url": article.url,
            "title": article.title,
            "published_on": published,
            "lang": article.lang or "fr",
            "text": article.text,
            "ingested_at": ingested_at,
        }
        for article, digest, published in new
    ]
    result = connection.execute(statement, rows)
    return {digest: article_id for digest, article_id in result}


def read(engine: Engine, *, batch_size: int = 200) -> Iterator[list[StoredArticle]]:
    """Every stored article in id order, in batches (keyset pagination: constant memory)."""
    last_id = 0
    while True:
        with engine.connect() as connection:
            rows = connection.execute(
                select(articles.c.id, articles.c.text, articles.c.lang, articles.c.published_on)
                .where(articles.c.id > last_id)
                .order_by(articles.c.id)
                .limit(batch_size)
            ).all()
        if not rows:
            return
        yield [StoredArticle(*row) for row in rows]
        last_id = rows[-1][0]
