"""-v shows progress detail on stderr, --quiet leaves only errors (for cron); results go to stdout,
errors to stderr, whatever the level. Real processes, so that logging is set up as for a user."""

from __future__ import annotations

import pytest

from pipeline.commands.ingest import ingest
from pipeline.store import schema
from pipeline.store.db import make_engine
from tests.reliability.conftest import run_pipeline

SUMMARY = "2 new, 0 already stored, 1 failed; "


@pytest.fixture
def inputs(articles_dir) -> list[str]:
    (articles_dir / "a.txt").write_text("Hugo Faure a quitté OpenAI le 2 mai 2024.", "utf-8")
    (articles_dir / "b.txt").write_text("Léa Moreau a quitté Meta en juin 2023.", "utf-8")
    return [str(articles_dir / "a.txt"), str(articles_dir / "b.txt"), "missing.txt"]


ERROR = "error: missing.txt: no such file or directory"


@pytest.mark.slow
def test_verbose_ingest_logs_progress_on_stderr_and_keeps_stdout_for_the_result(inputs, sqlite_url):
    done = run_pipeline("-v", "ingest", *inputs, "--db", sqlite_url)
    assert done.returncode == 1
    assert done.stdout.startswith(SUMMARY) and len(done.stdout.splitlines()) == 1
    log = done.stderr.splitlines()
    assert (
        "INFO Running upgrade  -> 0001, Tables: the append-only article log and its "
        in "\n".join(log)
    )
    assert "INFO read 3 inputs: 2 to extract; so far 0 already stored, 1 failed" in log
    assert "INFO run 1 finished: 2 new articles, 2 events" in log
    assert log[-1] == ERROR


def store(paths: list[str], url: str, extractor) -> None:
    """Store the articles first (in this process), so that the runs under test load no model."""
    engine = make_engine(url)
    schema.upgrade(engine)
    assert ingest(paths, engine=engine, extractor=extractor).new == len(paths)
    engine.dispose()


def test_default_and_quiet_levels(inputs, sqlite_url, extractor):
    """Default: the result on stdout, only errors on stderr. --quiet: no result line either."""
    store(inputs[:2], sqlite_url, extractor)
    default = run_pipeline("ingest", *inputs, "--db", sqlite_url)
    assert (default.returncode, default.stderr) == (1, ERROR + "\n")
    assert default.stdout == "0 new, 2 already stored, 1 failed; 0 events found\n"
    quiet = run_pipeline("--quiet", "ingest", *inputs, "--db", sqlite_url)
    assert (quiet.returncode, quiet.stdout, quiet.stderr) == (1, "", ERROR + "\n")
    unchanged = run_pipeline("--quiet", "ingest", *inputs[:2], "--db", sqlite_url)
    assert (unchanged.returncode, unchanged.stdout, unchanged.stderr) == (0, "", "")


def test_quiet_still_prints_the_rows_asked_for(inputs, sqlite_url, extractor):
    store(inputs[:2], sqlite_url, extractor)
    rows = run_pipeline("--quiet", "query", "departures", "--db", sqlite_url, "--format", "csv")
    assert rows.returncode == 0 and rows.stderr == ""
    assert rows.stdout.splitlines()[0].startswith("person,organization,kind")
    assert len(rows.stdout.splitlines()) == 3
    doctor = run_pipeline("--quiet", "doctor", "--db", sqlite_url)
    assert (doctor.returncode, doctor.stdout, doctor.stderr) == (0, "", "")
