"""The article log: append and read, nothing else. Rows are never updated or deleted (the
database refuses it too, through triggers made by the first migration)."""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from sqlalchemy import Connection, Engine, insert, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from pipeline.inputs.sources import RawArticle
from pipeline.store.clock import now
from pipeline.store.models import article_sources, articles

HASH_LOOKUP_CHUNK = 500


@dataclass(frozen=True)
class StoredArticle:
    id: int
    text: str
    lang: str
    published_on: object  # as the latest receipt that gives a date says
    published_precision: str | None = None
    title: str | None = None  # as the latest receipt that gives a title says


def content_hash(text: str) -> str:
    """Identity of an article: its text, normalised so that line endings or trailing spaces do
    not make a copy look new."""
    normalised = "\n".join(
        line.rstrip() for line in unicodedata.normalize("NFC", text).strip().splitlines()
    )
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()


def stored_hashes(engine: Engine, hashes: Iterable[str]) -> set[str]:
    """Which of `hashes` the log already holds, in a few bulk queries."""
    return set(stored_receipts(engine, hashes))


Receipt = tuple[object, object, object, object]  # url, title, published_on, precision


@dataclass
class StoredReceipts:
    """What the log holds for one article: its id, the metadata of each of its receipts, and
    its publication date as the latest receipt that gives one says."""

    article_id: int
    receipts: set[Receipt] = field(default_factory=set)
    published: tuple[object, object] | None = None  # (date, precision)


def receipt_of(article: RawArticle) -> Receipt:
    """The metadata that tells one receipt of a text from another (where it was read from
    does not: re-reading a copy in another folder corrects nothing)."""
    precision = article.published_precision or ("day" if article.published else None)
    return article.url, article.title, article.published, precision


def stored_receipts(engine: Engine, hashes: Iterable[str]) -> dict[str, StoredReceipts]:
    """{content hash: what the log holds} for those of `hashes` it holds, in a few bulk queries."""
    wanted = sorted(set(hashes))
    found: dict[str, StoredReceipts] = {}
    with engine.connect() as connection:
        for i in range(0, len(wanted), HASH_LOOKUP_CHUNK):
            chunk = wanted[i : i + HASH_LOOKUP_CHUNK]
            rows = connection.execute(
                select(
                    articles.c.content_hash,
                    articles.c.id,
                    article_sources.c.url,
                    article_sources.c.title,
                    article_sources.c.published_on,
                    article_sources.c.published_precision,
                )
                .select_from(articles)
                .outerjoin(article_sources, article_sources.c.article_id == articles.c.id)
                .where(articles.c.content_hash.in_(chunk))
                .order_by(articles.c.id, article_sources.c.id)
            )
            for digest, article_id, url, title, published_on, precision in rows:
                stored = found.setdefault(digest, StoredReceipts(article_id))
                stored.receipts.add((url, title, published_on, precision))
                if published_on is not None:
                    stored.published = (published_on, precision)
    return found


def append(connection: Connection, article: RawArticle, digest: str) -> int | None:
    """Append one article; None when another writer stored the same content first."""
    return append_many(connection, [(article, digest)]).get(digest)


def append_many(connection: Connection, new: Sequence[tuple[RawArticle, str]]) -> dict[str, int]:
    """Append articles (each with its content hash) in one statement, in the given order, with
    their first receipts; {content hash: id} of those stored here (an article another writer
    stored first is left out)."""
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
            "published_on": article.published,  # what the source gave, never a derived date
            "lang": article.lang or "fr",
            "text": article.text,
            "ingested_at": ingested_at,
        }
        for article, digest in new
    ]
    result = connection.execute(statement, rows)
    ids = {digest: article_id for digest, article_id in result}
    append_receipts(
        connection, [(ids[digest], article) for article, digest in new if digest in ids]
    )
    return ids


def append_receipts(connection: Connection, received: Sequence[tuple[int, RawArticle]]) -> None:
    """Record that each (article id, article as read) was received: the first time, or again
    with other metadata (a correction, another outlet)."""
    if not received:
        return
    received_at = now()
    connection.execute(
        insert(article_sources),
        [
            {
                "article_id": article_id,
                "source": article.source,
                "url": article.url,
                "title": article.title,
                "published_on": article.published,
                "published_precision": receipt_of(article)[3],
                "published_text": article.published_text,
                "received_at": received_at,
            }
            for article_id, article in received
        ],
    )


def _latest_source_value(column):
    """The value of `column` in the article's latest receipt that gives one."""
    return (
        select(column)
        .where(
            article_sources.c.article_id == articles.c.id,
            article_sources.c.published_on.is_not(None),
        )
        .order_by(article_sources.c.id.desc())
        .limit(1)
        .scalar_subquery()
    )


def _latest_title():
    return (
        select(article_sources.c.title)
        .where(article_sources.c.article_id == articles.c.id, article_sources.c.title.is_not(None))
        .order_by(article_sources.c.id.desc())
        .limit(1)
        .scalar_subquery()
    )


def read(engine: Engine, *, batch_size: int = 200) -> Iterator[list[StoredArticle]]:
    """Every stored article in id order, in batches (keyset pagination: constant memory), with
    the publication date its latest dated receipt gives."""
    last_id = 0
    while True:
        with engine.connect() as connection:
            rows = connection.execute(
                select(
                    articles.c.id,
                    articles.c.text,
                    articles.c.lang,
                    _latest_source_value(article_sources.c.published_on),
                    _latest_source_value(article_sources.c.published_precision),
                    _latest_title(),
                )
                .where(articles.c.id > last_id)
                .order_by(articles.c.id)
                .limit(batch_size)
            ).all()
        if not rows:
            return
        yield [StoredArticle(*row) for row in rows]
        last_id = rows[-1][0]
