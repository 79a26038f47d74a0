"""Interrupted runs are closed once, with their true counts: by the next ingest or reprocess, or
by `pipeline doctor --repair`; a run still going is left alone; Ctrl-C during an ingest says how
many articles were kept, and leaves no run open."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

import pytest
from sqlalchemy import select, text
from typer.testing import CliRunner

from pipeline.cli import EXIT_INTERRUPTED, EXIT_PROBLEMS, app
from pipeline.commands import doctor
from pipeline.commands.ingest import ingest
from pipeline.store import schema
from pipeline.store.db import make_engine
from pipeline.store.models import extraction_runs
from tests.helpers import departure, store_report, url_of
from tests.reliability.conftest import exit_status, fork_pipeline, scalar, wait_until

runner = CliRunner()


def a_dead_pid() -> int:
    done = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    )
    return int(done.stdout)


def leave_run_open(engine, run_id: int, pid: int) -> None:
    """The row as a killed ingest leaves it: not finished, counts still 0."""
    with engine.begin() as connection:
        connection.execute(
            text(
                "update extraction_runs set finished_at = null, articles_extracted = 0, "
                "events_found = 0, pid = :pid where id = :id"
            ),
            {"pid": pid, "id": run_id},
        )


@pytest.fixture
def died_engine(fresh_engine):
    """Two articles, the second stored by a run whose process died before finishing it."""
    store_report(fresh_engine, departure("Ada Lovelace", "OpenAI", date="2024-05"))
    store_report(fresh_engine, departure("Alan Turing", "Meta", date="2024-06"))
    leave_run_open(fresh_engine, 2, a_dead_pid())
    return fresh_engine


def run_rows(engine) -> list[tuple]:
    with engine.connect() as connection:
        return connection.execute(
            select(
                extraction_runs.c.id,
                extraction_runs.c.finished_at.is_not(None),
                extraction_runs.c.interrupted,
                extraction_runs.c.articles_extracted,
                extraction_runs.c.events_found,
            ).order_by(extraction_runs.c.id)
        ).all()


def test_doctor_names_a_run_that_died_and_says_how_to_close_it(died_engine):
    result = runner.invoke(app, ["doctor", "--db", url_of(died_engine)])
    assert result.exit_code == EXIT_PROBLEMS
    [line] = [line for line in result.stdout.splitlines() if line.startswith("unfinished_run")]
    assert "run 2 (test, started " in line and "was interrupted: 1 articles stored" in line
    assert line.endswith("`pipeline doctor --repair` (or the next ingest) closes it")


def test_the_next_ingest_closes_it_with_its_true_counts_and_says_so_once(died_engine, tmp_path):
    empty = tmp_path / "nothing"
    empty.mkdir()
    (empty / "a.txt").write_text("Rien à signaler ici, aucun départ.", encoding="utf-8")
    first = runner.invoke(app, ["ingest", str(empty), "--db", url_of(died_engine)])
    assert first.exit_code == 0, first.output
    assert first.stderr.startswith("note: run 2 (test, started ")
    assert "was interrupted: 1 articles stored by it are whole; closed now" in first.stderr
    assert run_rows(died_engine)[1] == (2, True, True, 1, 1)
    assert doctor.check(died_engine) == []
    again = runner.invoke(app, ["ingest", str(empty), "--db", url_of(died_engine)])
    assert "note:" not in again.stderr


def test_doctor_repair_closes_it_and_plain_doctor_does_not(died_engine):
    assert runner.invoke(app, ["doctor", "--db", url_of(died_engine)]).exit_code == EXIT_PROBLEMS
    assert run_rows(died_engine)[1][1] is False
    repaired = runner.invoke(app, ["doctor", "--repair", "--db", url_of(died_engine)])
    assert repaired.exit_code == 0, repaired.output
    assert repaired.stdout.startswith("repaired: run 2 (test, started ")
    assert run_rows(died_engine)[1] == (2, True, True, 1, 1)


def test_a_run_still_going_is_neither_reported_nor_closed(died_engine):
    leave_run_open(died_engine, 2, os.getpid())  # this process: alive
    assert doctor.check(died_engine) == []
    ingest([], engine=died_engine)
    assert run_rows(died_engine)[1][1] is False


@pytest.mark.slow
def test_ctrl_c_during_ingest_says_how_many_articles_were_kept(sqlite_url, reference, tmp_path):
    engine = make_engine(sqlite_url)
    schema.upgrade(engine)
    output = tmp_path / "interrupted"
    pid = fork_pipeline(
        ["ingest", str(reference.folder), "--db", sqlite_url, "--batch-size", "4"], output=output
    )
    assert wait_until(lambda: scalar(engine, "select count(*) from articles") > 0, pid)
    os.kill(pid, signal.SIGINT)
    code = exit_status(pid)
    kept = scalar(engine, "select count(*) from articles")
    stderr = output.with_suffix(".err").read_text()
    assert code == EXIT_INTERRUPTED, stderr
    assert stderr.splitlines()[-1] == (
        f"interrupted: {kept} new articles were kept, each stored whole; run the same command "
        "again to carry on"
    )
    assert 0 < kept < reference.articles
    assert doctor.check(engine) == [], "the run is closed, its articles whole"
    engine.dispose()
