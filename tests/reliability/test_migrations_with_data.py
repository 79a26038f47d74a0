"""Migrations on a database that holds data (tests/test_migrations.py checks them on empty ones):
stepping down to any older revision and back up keeps every stored row, the saved views give
the same answers after the upgrade, and the article log stays append-only throughout."""

from __future__ import annotations

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError

from pipeline.store import schema
from pipeline.store.models import metadata
from pipeline.store.views import VIEW_NAMES
from tests.helpers import departure, dissolution, hiring, store_report

# The tables of the first revision: the log and its projections, which no migration may lose.
LASTING_TABLES = (
    "articles",
    "extraction_runs",
    "article_extractions",
    "entities",
    "mentions",
    "events",
)


def revisions_oldest_first() -> list[str]:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(schema.alembic_config())
    return [s.revision for s in reversed(list(script.walk_revisions()))]


@pytest.fixture
def stored_engine(fresh_engine):
    store_report(
        fresh_engine, departure("Ada Lovelace", "OpenAI", kind="resignation", date="2024-05")
    )
    store_report(fresh_engine, departure("Ada Lovelace", "OpenAI", date="2024-05"), title="bis")
    store_report(fresh_engine, hiring("Ada Lovelace", "Anthropic", date="2024-06"))
    # the focus the extractor gives this name, which the migration adding `focus` gives it too
    store_report(fresh_engine, dissolution("équipe éthique", "Meta", date="2023", focus="ethics"))
    return fresh_engine


# Projection columns later revisions add: an older revision has no place for them, and
# `pipeline reprocess` fills them again.
LATER_COLUMNS = {
    "events": {"rule_id", "focus"},
    "article_extractions": {"published_in_text"},
    "extraction_runs": {"host", "pid", "interrupted"},
}


def rows(engine, names) -> dict[str, list[tuple]]:
    """Every row of each table, in the columns the first revision has."""
    with engine.connect() as connection:
        found = {}
        for name in names:
            table = metadata.tables[name]
            columns = [c for c in table.columns if c.name not in LATER_COLUMNS.get(name, ())]
            found[name] = sorted(connection.execute(select(*columns)).all(), key=repr)
        return found


def view_rows(engine) -> dict[str, list[tuple]]:
    with engine.connect() as connection:
        return {
            view: sorted(connection.execute(text(f"select * from {view}")).all(), key=repr)
            for view in VIEW_NAMES
        }


@pytest.mark.parametrize("revision", revisions_oldest_first()[:-1])
def test_down_to_an_older_revision_and_up_again_keeps_every_row_and_view_answer(
    stored_engine, revision
):
    tables_before = rows(stored_engine, LASTING_TABLES)
    views_before = view_rows(stored_engine)
    assert views_before["departures"], "the fixture should give the views something to show"
    schema.downgrade(stored_engine, revision)
    assert rows(stored_engine, LASTING_TABLES) == tables_before
    schema.upgrade(stored_engine)
    assert schema.current_revision(stored_engine) == schema.head_revision()
    assert rows(stored_engine, LASTING_TABLES) == tables_before
    assert view_rows(stored_engine) == views_before


def test_the_log_stays_append_only_after_a_round_trip_through_every_revision(stored_engine):
    schema.downgrade(stored_engine, revisions_oldest_first()[0])
    schema.upgrade(stored_engine)
    for statement in ("update articles set title = 'changed'", "delete from articles"):
        with pytest.raises(DBAPIError, match="append-only"), stored_engine.begin() as connection:
            connection.execute(text(statement))
    assert rows(stored_engine, ["articles"])["articles"][0].title is None


def test_articles_stored_before_0006_get_their_first_receipt_from_the_log(fresh_engine):
    """Upgrading a database that predates article_sources gives each article the receipt its
    row holds, so the views show the same titles, URLs and dates."""
    store_report(fresh_engine, departure("Ada Lovelace", "OpenAI"), published="2024-05-14", url="u")
    before = view_rows(fresh_engine)["event_sources"]
    schema.downgrade(fresh_engine, "0005")
    schema.upgrade(fresh_engine)
    with fresh_engine.connect() as connection:
        receipts = connection.execute(
            text("select url, published_on, published_precision from article_sources")
        ).all()
    assert [(url, str(day), precision) for url, day, precision in receipts] == [
        ("u", "2024-05-14", "day")
    ]
    assert view_rows(fresh_engine)["event_sources"] == before
