"""`pipeline db downgrade` never drops data unasked: a downgrade that would drop tables holding
rows says what (and how many articles) would be lost, and runs only with --yes or when the user
answers yes on a terminal; refused, it changes nothing."""

import os
import pty
import select
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.store import schema
from tests.helpers import departure, snapshot, store_report, table_names, url_of

runner = CliRunner()
PIPELINE = str(Path(sys.executable).parent / "pipeline")


@pytest.fixture
def two_articles(fresh_engine):
    store_report(fresh_engine, departure("Ada Lovelace", "OpenAI", date="2024-05"))
    store_report(fresh_engine, departure("Alan Turing", "Meta", date="2024-06"))
    return fresh_engine


def test_a_downgrade_that_drops_the_log_is_refused_without_yes_and_changes_nothing(two_articles):
    before = snapshot(two_articles)
    result = runner.invoke(app, ["db", "downgrade", "base", "--db", url_of(two_articles)])
    assert result.exit_code == 2, result.output
    [line] = result.stderr.splitlines()
    assert line.startswith("error: downgrading to base drops tables holding data: ")
    assert "articles (2 rows)" in line and "2 articles would be lost" in line
    assert line.endswith("nothing changed (--yes to downgrade)")
    assert schema.current_revision(two_articles) == schema.head_revision()
    assert snapshot(two_articles) == before


def test_with_yes_the_downgrade_runs(two_articles):
    result = runner.invoke(app, ["db", "downgrade", "base", "--yes", "--db", url_of(two_articles)])
    assert result.exit_code == 0, result.output
    assert table_names(two_articles) == set()


def test_a_downgrade_that_drops_no_data_needs_no_yes(fresh_engine):
    result = runner.invoke(app, ["db", "downgrade", "base", "--db", url_of(fresh_engine)])
    assert result.exit_code == 0, result.output
    assert schema.current_revision(fresh_engine) is None


def test_a_downgrade_that_drops_corrections_names_them(two_articles):
    result = runner.invoke(app, ["db", "downgrade", "0005", "--db", url_of(two_articles)])
    assert result.exit_code == 2
    assert "article_sources (2 rows)" in result.stderr and "articles would be lost" not in (
        result.stderr
    )


def answer_on_a_terminal(args: list[str], answer: bytes) -> tuple[int, str]:
    """Run `pipeline ARGS` on a pseudo-terminal, answer its question, return (code, output)."""
    pid, fd = pty.fork()
    if pid == 0:
        os.execv(PIPELINE, [PIPELINE, *args])
    output = b""
    answered = False
    while True:
        ready, _, _ = select.select([fd], [], [], 120)
        if not ready:
            break
        try:
            chunk = os.read(fd, 1024)
        except OSError:
            break
        if not chunk:
            break
        output += chunk
        if not answered and b"Downgrade anyway?" in output:
            os.write(fd, answer)
            answered = True
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status), output.decode(errors="replace")


@pytest.mark.slow
@pytest.mark.parametrize(("answer", "code"), [(b"n\n", 2), (b"y\n", 0)])
def test_on_a_terminal_it_asks(two_articles, answer, code):
    args = ["db", "downgrade", "base", "--db", url_of(two_articles)]
    exit_code, output = answer_on_a_terminal(args, answer)
    assert "2 articles would be lost. Downgrade anyway? [y/N]" in output
    assert exit_code == code, output
    assert (table_names(two_articles) == set()) == (code == 0)
