"""The article log only grows: the database itself refuses updates and deletes."""

import datetime

import pytest
from sqlalchemy import insert, select, text
from sqlalchemy.exc import DBAPIError, IntegrityError

from pipeline.inputs.sources import RawArticle
from pipeline.store import log
from pipeline.store.models import articles
from tests.helpers import count

TEXT = "Marie Curie a quitté OpenAI en mai 2024, selon un communiqué."


def raw(text: str = TEXT, **fields) -> RawArticle:
    values = {"source": "a.txt", "title": None, "url": None, "published": None, "lang": "fr"}
    return RawArticle(text=text, **{**values, **fields})


@pytest.fixture
def stored_article(fresh_engine) -> int:
    with fresh_engine.begin() as connection:
        return log.append(connection, raw(title="Titre"), log.content_hash(TEXT))


def article_rows(engine):
    with engine.connect() as connection:
        return connection.execute(select(articles)).all()


@pytest.mark.parametrize(
    "statement",
    [
        "update articles set title = 'changed'",
        "update articles set text = 'changed', content_hash = 'x'",
        "delete from articles",
    ],
)
def test_the_database_refuses_to_change_or_delete_an_article(
    fresh_engine, stored_article, statement
):
    before = article_rows(fresh_engine)
    with pytest.raises(DBAPIError, match="append-only"), fresh_engine.begin() as connection:
        connection.execute(text(statement))
    assert article_rows(fresh_engine) == before


def test_the_content_hash_is_unique_in_the_database(fresh_engine, stored_article):
    with pytest.raises(IntegrityError), fresh_engine.begin() as connection:
        connection.execute(
            insert(articles).values(
                content_hash=log.content_hash(TEXT),
                source="copy.txt",
                lang="fr",
                text=TEXT,
                ingested_at=datetime.datetime.now(datetime.UTC),
            )
        )
    assert count(fresh_engine, "articles") == 1


def test_appending_the_same_content_again_stores_nothing(fresh_engine, stored_article):
    copy = raw(TEXT + "  \r\n", source="copy.txt")
    with fresh_engine.begin() as connection:
        assert log.append(connection, copy, log.content_hash(copy.text)) is None
    assert count(fresh_engine, "articles") == 1


def test_line_endings_and_trailing_spaces_do_not_change_the_hash():
    assert log.content_hash("Un.\r\nDeux.  \n") == log.content_hash("Un.\nDeux.")
    assert log.content_hash("Un.") != log.content_hash("Deux.")


def test_reading_the_log_gives_every_article_in_order(fresh_engine):
    texts = [f"Article numéro {i} sur OpenAI." for i in range(5)]
    with fresh_engine.begin() as connection:
        for article_text in texts:
            log.append(connection, raw(article_text), log.content_hash(article_text))
    batches = list(log.read(fresh_engine, batch_size=2))
    assert [len(batch) for batch in batches] == [2, 2, 1]
    assert [a.text for batch in batches for a in batch] == texts
