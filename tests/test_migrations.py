"""The schema exists only through Alembic migrations, on SQLite and PostgreSQL alike."""

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text
from sqlalchemy.engine import make_url
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.store import schema
from pipeline.store.db import make_engine
from pipeline.store.models import metadata
from pipeline.store.views import VIEW_NAMES
from tests.helpers import count, table_names, view_names

TABLES = set(metadata.tables)
VIEWS = set(VIEW_NAMES)
runner = CliRunner()


@pytest.fixture
def empty_engine(db_url):
    """A write engine on a database with no schema at all."""
    engine = make_engine(db_url)
    yield engine
    engine.dispose()


def revisions_oldest_first() -> list[str]:
    script = ScriptDirectory.from_config(schema.alembic_config())
    return [s.revision for s in reversed(list(script.walk_revisions()))]


def test_the_revisions_the_pipeline_knows_are_the_migration_scripts():
    assert list(schema.REVISIONS) == revisions_oldest_first()


def test_migrations_have_a_single_head():
    script = ScriptDirectory.from_config(schema.alembic_config())
    assert len(script.get_heads()) == 1
    assert len(script.get_bases()) == 1


def test_upgrade_creates_every_table_and_view(empty_engine):
    schema.upgrade(empty_engine)
    assert table_names(empty_engine) == TABLES
    assert view_names(empty_engine) == VIEWS
    assert schema.current_revision(empty_engine) == schema.head_revision()


def test_downgrade_to_base_removes_everything_and_upgrade_brings_it_back(empty_engine):
    schema.upgrade(empty_engine)
    schema.downgrade(empty_engine, "base")
    assert table_names(empty_engine) == set()
    assert view_names(empty_engine) == set()
    assert schema.current_revision(empty_engine) is None

    schema.upgrade(empty_engine)
    assert table_names(empty_engine) == TABLES
    assert view_names(empty_engine) == VIEWS


def test_each_migration_downgrades_and_upgrades_one_step_at_a_time(empty_engine):
    for revision in revisions_oldest_first():
        schema.upgrade(empty_engine, revision)
        assert schema.current_revision(empty_engine) == revision
        schema.downgrade(empty_engine, "-1")
        schema.upgrade(empty_engine, revision)
        assert schema.current_revision(empty_engine) == revision
    assert schema.current_revision(empty_engine) == schema.head_revision()


def test_models_match_the_migrations(empty_engine):
    schema.upgrade(empty_engine)
    with empty_engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = compare_metadata(context, metadata)
    assert differences == []


def test_every_view_can_be_read_after_upgrade(empty_engine):
    schema.upgrade(empty_engine)
    with empty_engine.connect() as connection:
        for view in VIEW_NAMES:
            assert connection.execute(text(f"select * from {view}")).all() == []


def test_downgrade_to_tables_only_drops_the_views_and_keeps_the_articles(fresh_engine):
    from tests.helpers import departure, store_report

    store_report(fresh_engine, departure("Ada Lovelace", "OpenAI", date="2024"))
    schema.downgrade(fresh_engine, "0001")
    assert view_names(fresh_engine) == set()
    assert count(fresh_engine, "articles") == 1
    schema.upgrade(fresh_engine)
    with fresh_engine.connect() as connection:
        persons = connection.execute(text("select person from departures")).scalars().all()
    assert persons == ["Ada Lovelace"]


# --- upgrade on first use


FIRST_USE_COMMANDS = [
    ["reprocess"],
    ["query", "departures"],
    ["query", "dissolutions"],
    ["query", "hirings"],
    ["query", "departures-by-lab"],
    ["query", "people-moves"],
    ["query", "sources"],
    ["report", "--out", "{tmp_path}/report.html"],
]


@pytest.mark.parametrize("command", FIRST_USE_COMMANDS, ids=" ".join)
def test_any_command_upgrades_a_fresh_sqlite_database_first(command, sqlite_url, tmp_path):
    """A fresh database is an existing file with nothing in it yet (a missing path is refused:
    test_a_command_that_reads_refuses_a_missing_sqlite_file_and_creates_nothing)."""
    arguments = [word.format(tmp_path=tmp_path) for word in command]
    Path(make_url(sqlite_url).database).touch()
    result = runner.invoke(app, [*arguments, "--db", sqlite_url])
    assert result.exit_code == 0, result.output
    engine = make_engine(sqlite_url)
    assert schema.current_revision(engine) == schema.head_revision()
    assert view_names(engine) == VIEWS
    engine.dispose()


def test_ingest_upgrades_a_fresh_database_first(db_url, write_article, extractor):
    path = write_article("a.txt", "Marie Curie a quitté OpenAI en mai 2024.")
    result = runner.invoke(app, ["ingest", str(path), "--db", db_url])
    assert result.exit_code == 0, result.output
    engine = make_engine(db_url)
    assert schema.current_revision(engine) == schema.head_revision()
    assert count(engine, "articles") == 1
    engine.dispose()


def test_query_upgrades_a_fresh_postgresql_database_first(pg_url):
    result = runner.invoke(app, ["query", "departures", "--db", pg_url, "--format", "json"])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == "[]"
    engine = make_engine(pg_url)
    assert schema.current_revision(engine) == schema.head_revision()
    engine.dispose()


def test_a_database_from_a_newer_pipeline_is_refused_in_one_line(fresh_engine):
    with fresh_engine.begin() as connection:
        connection.execute(text("update alembic_version set version_num = '9999_future'"))
    url = fresh_engine.url.render_as_string(hide_password=False)
    result = runner.invoke(app, ["query", "departures", "--db", url])
    assert result.exit_code == 3
    assert "9999_future" in result.output and "newer" in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert "Traceback" not in result.output


# --- pipeline db current / upgrade / downgrade


def db_command(*args: str):
    return runner.invoke(app, ["db", *args])


def test_db_commands_move_the_schema_and_report_it(db_url):
    head = schema.head_revision()
    first = revisions_oldest_first()[0]
    if db_url.startswith("sqlite"):
        Path(make_url(db_url).database).touch()  # an empty file: nothing to refuse
    engine = make_engine(db_url)
    try:
        result = db_command("current", "--db", db_url)
        assert result.exit_code == 0, result.output
        assert result.output.strip() == f"current: empty; head: {head}"
        assert table_names(engine) == set(), "db current must not change the database"

        result = db_command("upgrade", "--db", db_url)
        assert result.exit_code == 0, result.output
        assert db_command("current", "--db", db_url).output.strip() == (
            f"current: {head}; head: {head}"
        )
        assert table_names(engine) == TABLES and view_names(engine) == VIEWS

        result = db_command("downgrade", first, "--db", db_url)
        assert result.exit_code == 0, result.output
        assert schema.current_revision(engine) == first
        assert view_names(engine) == set()
        # ingest_watermarks comes with 0003, article_sources and feed_items with 0006;
        # merged_events is created and dropped with the views
        assert table_names(engine) == TABLES - {
            "ingest_watermarks",
            "merged_events",
            "article_sources",
            "feed_items",
        }

        result = db_command("downgrade", "base", "--db", db_url)
        assert result.exit_code == 0, result.output
        assert table_names(engine) == set() and view_names(engine) == set()
        assert db_command("current", "--db", db_url).output.strip() == (
            f"current: empty; head: {head}"
        )
    finally:
        engine.dispose()


READING_COMMANDS = [
    *FIRST_USE_COMMANDS,
    ["doctor"],
    ["db", "current"],
    ["db", "downgrade", "base"],
    ["sql", "select 1"],
]


@pytest.mark.parametrize("command", READING_COMMANDS, ids=" ".join)
def test_a_command_that_reads_refuses_a_missing_sqlite_file_and_creates_nothing(command, tmp_path):
    arguments = [word.format(tmp_path=tmp_path) for word in command]
    typo = tmp_path / "typo.db"
    result = runner.invoke(app, [*arguments, "--db", str(typo)])
    assert result.exit_code == 3, result.output
    assert result.stderr == (
        f"error: no database at {typo}: check --db (`pipeline ingest` or `pipeline db upgrade` "
        "create one)\n"
    )
    assert sorted(tmp_path.iterdir()) == []


@pytest.mark.parametrize("command", [["db", "upgrade"], ["ingest", "-"]], ids=" ".join)
def test_only_ingest_and_db_upgrade_create_a_database(command, tmp_path):
    new = tmp_path / "new.db"
    result = runner.invoke(app, [*command, "--db", str(new)], input="Marie Curie a quitté Meta.")
    assert result.exit_code == 0, result.output
    assert new.is_file()


def test_db_downgrade_needs_a_target_revision(sqlite_url):
    result = db_command("downgrade", "--db", sqlite_url)
    assert result.exit_code == 2


def test_db_upgrade_to_an_unknown_revision_fails_in_one_line(sqlite_url):
    result = db_command("upgrade", "no_such_revision", "--db", sqlite_url)
    assert result.exit_code == 2
    assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit)
    [line] = result.output.strip().splitlines()
    assert line.startswith("error: ") and "no_such_revision" in line
