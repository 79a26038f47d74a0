"""Hostile values are data: SQL in article text, titles, file names and query filters is stored
and compared as text, never run. The --db password never shows in output, logs or --help."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.commands.ingest import ingest
from pipeline.store.db import make_engine
from tests.helpers import departure, snapshot, store_report, url_of
from tests.reliability.conftest import run_pipeline, subprocess_env

runner = CliRunner()
INJECTIONS = [
    "' OR 1=1 --",
    "'; DROP TABLE articles; --",
    '"; DROP TABLE events; --',
    "x'); DELETE FROM entities; --",
    "1; UPDATE extraction_runs SET finished_at = NULL",
    "%",
    "_",
    "\\",
    "' UNION SELECT content_hash, text, 1, 1, 1, 1, 1, 1, 1, 1 FROM articles --",
]
PASSWORD = "Pa55-w0rd_never-shown"


@pytest.fixture
def hostile_db(fresh_engine):
    """A database whose rows themselves hold SQL: a person named with quotes, a title and a
    text full of statements."""
    store_report(fresh_engine, departure("Camille O'Brien", "OpenAI", date="2024-05"))
    store_report(
        fresh_engine,
        departure("Léa Moreau", "Anthropic", date="2023"),
        title="'); DROP TABLE articles; --",
        text_body="Léa Moreau a quitté Anthropic. ' OR 1=1 -- ; DROP TABLE events;",
    )
    return fresh_engine


def query(engine, *args: str) -> list[dict]:
    result = runner.invoke(app, ["query", *args, "--db", url_of(engine), "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.mark.parametrize("value", INJECTIONS)
def test_sql_in_query_filters_matches_nothing_and_changes_nothing(hostile_db, value):
    before = snapshot(hostile_db)
    for view in ("departures", "hirings", "people-moves", "sources"):
        assert query(hostile_db, view, "--person", value) == [], view
        assert query(hostile_db, view, "--org", value) == [], view
    assert query(hostile_db, "dissolutions", "--org", value) == []
    assert query(hostile_db, "sources", "--event", value) == []
    assert snapshot(hostile_db) == before


def test_quotes_in_a_filter_find_the_name_that_holds_them(hostile_db):
    rows = query(hostile_db, "departures", "--person", "o'brien")
    assert [row["person"] for row in rows] == ["Camille O'Brien"]
    assert len(query(hostile_db, "departures")) == 2


@pytest.mark.parametrize("option", ["--since", "--until"])
def test_sql_in_a_date_filter_is_a_usage_error_in_one_line(hostile_db, option):
    result = runner.invoke(
        app, ["query", "departures", option, "2024' OR '1'='1", "--db", url_of(hostile_db)]
    )
    assert result.exit_code == 2
    [line] = result.stderr.strip().splitlines()
    assert line.startswith("error: invalid date")


def test_sql_in_article_text_title_and_file_name_is_stored_as_written(
    db_url, articles_dir, extractor
):
    body = "Hugo Faure a quitté OpenAI le 2 mai 2024. '); DROP TABLE articles; -- ' OR 1=1 --"
    path = articles_dir / "o'brien; drop table events.md"
    path.write_text(f'---\ntitle: "x\'); DELETE FROM entities; --"\n---\n{body}\n', "utf-8")
    result = runner.invoke(app, ["ingest", str(path), "--db", db_url])
    assert result.exit_code == 0, result.output
    engine = make_engine(db_url)
    with engine.connect() as connection:
        stored = connection.execute(text("select source, title, text from articles")).one()
        assert connection.execute(text("select count(*) from events")).scalar() == 1
    assert tuple(stored) == (str(path), "x'); DELETE FROM entities; --", body)
    engine.dispose()


# --- the password


@pytest.fixture
def url_with_password(pg_url) -> str:
    """The test server's URL with a wrong password (connections fail after the server read it)."""
    return make_url(pg_url).set(password=PASSWORD).render_as_string(hide_password=False)


COMMANDS = [
    ["ingest", "README.md"],
    ["reprocess"],
    ["doctor"],
    ["query", "departures"],
    ["query", "sources"],
    ["report", "--out", "-"],
    ["sql", "select 1"],
    ["db", "current"],
    ["db", "upgrade"],
    ["db", "downgrade", "base"],
]


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_a_refused_password_never_appears_in_the_error(command, url_with_password):
    result = runner.invoke(app, [*command, "--db", url_with_password])
    assert result.exit_code == 3, result.output
    [line] = result.stderr.strip().splitlines()
    assert "password authentication failed" in line
    assert PASSWORD not in result.output


HELP_PAGES = [[], ["ingest"], ["reprocess"], ["doctor"], ["query"], ["query", "departures"]]
HELP_PAGES += [["report"], ["sql"], ["db"], ["db", "upgrade"], ["db", "current"]]


@pytest.mark.parametrize("command", HELP_PAGES, ids=lambda c: " ".join(c) or "pipeline")
def test_help_never_shows_the_password_from_the_environment(command, monkeypatch):
    monkeypatch.setenv("PIPELINE_DB_URL", f"postgresql://u:{PASSWORD}@db.example/x")
    result = runner.invoke(app, [*command, "--help"])
    assert result.exit_code == 0
    assert PASSWORD not in result.output


def test_verbose_logs_of_a_working_postgresql_run_never_show_the_password(
    pg_url, tmp_path, extractor
):
    """Real processes, so that logging is configured as for a user; the URL comes from the
    environment, as in a cron job. The first command upgrades the fresh database (Alembic logs
    each step); the article is stored beforehand so that ingest needs no NLP model."""
    password = make_url(pg_url).password
    assert password
    article = tmp_path / "a.txt"
    article.write_text("Hugo Faure a quitté OpenAI le 2 mai 2024.", encoding="utf-8")
    env = subprocess_env(PIPELINE_DB_URL=pg_url)
    commands = [["query", "departures"], ["ingest", str(article)], ["doctor"], ["db", "current"]]
    for number, command in enumerate(commands):
        if number == 1:
            engine = make_engine(pg_url)
            ingest([str(article)], engine=engine, extractor=extractor)
            engine.dispose()
        done = run_pipeline("-v", *command, env=env)
        assert done.returncode == 0, done.stderr
        assert "INFO " in done.stderr or command != ["query", "departures"]
        assert f":{password}@" not in done.stdout + done.stderr
