"""`pipeline sql` cannot run forever: --timeout (30 s by default) stops a statement on both
backends, and Ctrl-C stops it with one line instead of being ignored until it ends."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import text
from typer.testing import CliRunner

from pipeline.cli import EXIT_DATABASE, EXIT_INTERRUPTED, app
from tests.helpers import url_of

runner = CliRunner()
PIPELINE = str(Path(sys.executable).parent / "pipeline")
FOREVER = {
    "sqlite": "with recursive c(x) as (select 1 union all select x + 1 from c) "
    "select count(*) from c",
    "postgresql": "select pg_sleep(600)",
}


def forever(engine) -> str:
    return FOREVER[engine.dialect.name]


def test_a_statement_over_its_timeout_is_stopped_in_one_line(fresh_engine):
    result = runner.invoke(
        app, ["sql", forever(fresh_engine), "--timeout", "0.5", "--db", url_of(fresh_engine)]
    )
    assert result.exit_code == EXIT_DATABASE, result.output
    assert result.stderr == "error: query stopped after 0.5 s (--timeout)\n"


def test_a_statement_within_its_timeout_answers(fresh_engine):
    result = runner.invoke(app, ["sql", "select 1 as one", "--format", "json", "--timeout", "5",
                                 "--db", url_of(fresh_engine)])  # fmt: skip
    assert result.exit_code == 0 and '"one": 1' in result.stdout


def started(process: subprocess.Popen, engine) -> bool:
    """Whether the statement is running: PostgreSQL shows it; on SQLite the file is open."""
    if engine.dialect.name == "postgresql":
        with engine.connect() as connection:
            return bool(
                connection.execute(
                    text(
                        "select count(*) from pg_stat_activity where query like 'select pg_sleep%'"
                        " and datname = current_database()"
                    )  # fmt: skip
                ).scalar()
            )
    database = os.path.realpath(engine.url.database)
    fds = Path(f"/proc/{process.pid}/fd")
    try:
        return any(os.path.realpath(fd) == database for fd in fds.iterdir())
    except OSError:
        return False


@pytest.mark.slow
def test_ctrl_c_stops_a_long_statement_with_one_line(fresh_engine):
    process = subprocess.Popen(
        [PIPELINE, "sql", forever(fresh_engine), "--db", url_of(fresh_engine)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 120
        while not started(process, fresh_engine):
            assert process.poll() is None, process.stderr.read()
            assert time.monotonic() < deadline, "the statement never started"
            time.sleep(0.05)
        process.send_signal(signal.SIGINT)
        _, stderr = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == EXIT_INTERRUPTED, stderr
    assert stderr == "error: query stopped by Ctrl-C\n"
    if fresh_engine.dialect.name == "postgresql":
        assert not started(process, fresh_engine), "the server still runs the statement"
