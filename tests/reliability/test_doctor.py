"""`pipeline doctor` and `pipeline.commands.doctor.check`: each kind of damage is found and named,
a healthy database passes, and the check changes nothing."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from subprocess import PIPE

import pytest
from sqlalchemy import text
from typer.testing import CliRunner

from pipeline.cli import EXIT_PROBLEMS, app
from pipeline.commands import doctor
from pipeline.extract import EXTRACTOR_VERSION
from pipeline.store import schema
from pipeline.store.db import make_engine
from pipeline.store.projections import start_run
from tests.helpers import TEST_VERSION, departure, dissolution, snapshot, store_report, url_of

runner = CliRunner()


@pytest.fixture
def healthy_engine(fresh_engine):
    """Two articles stored as ingest stores them, each with a finished run."""
    store_report(fresh_engine, departure("Ada Lovelace", "OpenAI", date="2024-05"))
    store_report(fresh_engine, dissolution("équipe éthique", "Meta", date="2023"))
    return fresh_engine


def execute(engine, *statements: str) -> None:
    with engine.begin() as connection:
        for statement in statements:
            connection.execute(text(statement))


def kinds(engine) -> list[str]:
    return [problem.kind for problem in doctor.check(engine)]


def doctor_cli(engine):
    return runner.invoke(app, ["doctor", "--db", url_of(engine)])


def test_a_healthy_database_has_no_problem_and_doctor_says_ok(healthy_engine):
    assert doctor.check(healthy_engine) == []
    result = doctor_cli(healthy_engine)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("ok: schema at")
    assert "2 articles" in result.stdout


def test_doctor_notes_events_made_by_another_extractor_version(healthy_engine):
    """The helpers store their events as "test-extractor-1": not this pipeline's rules."""
    result = doctor_cli(healthy_engine)
    assert result.exit_code == 0, result.output
    assert f"note: 2 articles were extracted by {TEST_VERSION}, not by this pipeline's " in (
        result.stdout
    )
    assert EXTRACTOR_VERSION in result.stdout and "pipeline reprocess" in result.stdout
    assert doctor.other_extractor_versions(healthy_engine, TEST_VERSION) == {}


def test_doctor_changes_nothing(healthy_engine):
    start_run_without_finishing(healthy_engine)
    before = snapshot(healthy_engine)
    doctor_cli(healthy_engine)
    assert snapshot(healthy_engine) == before


def test_an_article_without_its_extraction_row_is_half_stored(healthy_engine):
    execute(healthy_engine, "delete from article_extractions where article_id = 1")
    problems = doctor.check(healthy_engine)
    assert [p.kind for p in problems] == [
        "article_without_extraction",
        "orphan_mentions",
        "orphan_events",
    ]
    assert "1 articles (ids 1)" in problems[0].message


def test_events_left_by_another_run_are_orphans(healthy_engine):
    run_id = start_run_without_finishing(healthy_engine)
    execute(healthy_engine, f"update events set run_id = {run_id} where article_id = 2")
    problems = doctor.check(healthy_engine)
    assert [p.kind for p in problems] == ["orphan_events", "unfinished_run"]
    assert problems[0].message.startswith("1 events are not from their article's current")
    assert "ids 2" in problems[0].message


def test_a_run_that_never_finished_is_reported_as_interrupted(healthy_engine):
    run_id = start_run_without_finishing(healthy_engine)
    [problem] = doctor.check(healthy_engine)
    assert problem.kind == "unfinished_run"
    assert f"run {run_id} (ingest, started " in problem.message
    assert "interrupted" in problem.message


def test_a_run_owning_more_rows_than_it_recorded_is_reported(healthy_engine):
    execute(healthy_engine, "update extraction_runs set articles_extracted = 0 where id = 1")
    [problem] = doctor.check(healthy_engine)
    assert problem.kind == "run_counts"
    assert problem.message == "run 1 recorded 0 articles but 1 belong to it"


def test_merged_events_out_of_step_with_their_view_are_reported(healthy_engine):
    execute(healthy_engine, "update merged_events set article_count = article_count + 5")
    [problem] = doctor.check(healthy_engine)
    assert problem.kind == "stale_merged_events"
    assert "(4 rows in one and not the other)" in problem.message


def test_an_empty_database_has_no_schema(db_url):
    engine = make_engine(db_url)
    assert kinds(engine) == ["no_schema"]
    engine.dispose()


def test_an_older_schema_is_reported_and_doctor_does_not_upgrade_it(healthy_engine):
    schema.downgrade(healthy_engine, "0002")
    assert kinds(healthy_engine) == ["old_schema"]
    result = doctor_cli(healthy_engine)
    assert result.exit_code == EXIT_PROBLEMS
    assert "old_schema: schema at revision 0002" in result.stdout
    assert schema.current_revision(healthy_engine) == "0002"


def test_a_newer_schema_is_reported_and_nothing_else_is_checked(healthy_engine):
    execute(healthy_engine, "update alembic_version set version_num = '9999_future'")
    [problem] = doctor.check(healthy_engine)
    assert problem.kind == "newer_schema" and "9999_future" in problem.message


def test_a_missing_view_is_reported(healthy_engine):
    execute(healthy_engine, "drop view people_moves")
    [problem] = doctor.check(healthy_engine)
    assert problem.kind == "missing_views" and "people_moves" in problem.message


def test_mentions_of_a_missing_entity_are_reported_on_sqlite(sqlite_url):
    """SQLite enforces foreign keys only when asked: a file written without them can lose rows
    that others refer to."""
    engine = make_engine(sqlite_url)
    schema.upgrade(engine)
    store_report(engine, departure("Ada Lovelace", "OpenAI", date="2024-05"))
    with sqlite3.connect(sqlite_url.removeprefix("sqlite:///")) as connection:
        connection.execute("delete from entities")  # foreign keys are off by default
    problems = doctor.check(engine)
    assert [p.kind for p in problems] == [
        "foreign_keys",
        "missing_entity",
        "missing_entity",
        "missing_entity",
        "stale_merged_events",  # the view joins the entities it no longer finds
    ]
    engine.dispose()


def test_a_damaged_sqlite_file_is_reported_in_one_line(sqlite_url, tmp_path):
    engine = make_engine(sqlite_url)
    schema.upgrade(engine)
    for number in range(200):
        store_report(engine, departure(f"Personne {number}", "OpenAI", date="2024"))
    engine.dispose()  # the last connection to close checkpoints the WAL into the file
    path = sqlite_url.removeprefix("sqlite:///")
    with open(path, "r+b") as file:  # scribble over pages in the middle of the file
        file.seek(4096 * 8)
        file.write(b"\xde\xad\xbe\xef" * 4096)
    result = runner.invoke(app, ["doctor", "--db", sqlite_url])
    assert result.exit_code in (EXIT_PROBLEMS, 3), result.output
    assert "Traceback" not in result.output
    assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit)
    assert "corrupt_file: SQLite file check failed" in result.stdout or result.stderr.startswith(
        "error: "
    )


def test_the_doctor_cli_prints_each_problem_and_exits_with_its_code(healthy_engine):
    start_run_without_finishing(healthy_engine)
    execute(healthy_engine, "delete from article_extractions where article_id = 2")
    result = doctor_cli(healthy_engine)
    assert result.exit_code == EXIT_PROBLEMS
    lines = result.stdout.strip().splitlines()
    assert [line.split(":")[0] for line in lines] == [
        "article_without_extraction",
        "orphan_mentions",
        "orphan_events",
        "unfinished_run",
    ]
    assert result.stderr.strip() == "error: 4 problem(s) found"


def start_run_without_finishing(engine) -> int:
    """A run whose process died before finishing it (a run still going is no problem)."""
    with engine.begin() as connection:
        run_id = start_run(connection, version="test", command="ingest")
        connection.execute(
            text("update extraction_runs set pid = :pid where id = :id"),
            {"pid": a_dead_pid(), "id": run_id},
        )
    return run_id


def a_dead_pid() -> int:
    done = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], stdout=PIPE)
    return int(done.stdout)
