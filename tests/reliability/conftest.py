"""Fixtures for the reliability suite: a generated corpus and what one clean ingest of it gives,
`pipeline` commands run in forked or separate processes, and the consistency check after a fault.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from pipeline.cli import app
from pipeline.commands import doctor
from pipeline.commands.ingest import ingest
from pipeline.store import schema
from pipeline.store.db import make_engine
from tests.helpers import natural_projections
from tests.reliability.corpus import write_corpus

PIPELINE = str(Path(sys.executable).parent / "pipeline")
CORPUS_SIZE = 300


@dataclass(frozen=True)
class Reference:
    """What one uninterrupted, sequential ingest of the corpus stores."""

    folder: Path
    paths: list[Path]
    sqlite_file: Path
    projections: dict
    articles: int


@pytest.fixture(scope="session")
def reference(tmp_path_factory, extractor) -> Reference:
    folder = tmp_path_factory.mktemp("short_corpus")
    paths = write_corpus(folder, CORPUS_SIZE)
    sqlite_file = tmp_path_factory.mktemp("reference") / "reference.db"
    engine = make_engine(f"sqlite:///{sqlite_file}")
    schema.upgrade(engine)
    report = ingest([str(folder)], engine=engine, extractor=extractor, batch_size=16)
    assert report.new == CORPUS_SIZE and not report.failed
    projections = natural_projections(engine)
    engine.dispose()
    return Reference(folder, paths, sqlite_file, projections, CORPUS_SIZE)


# --- running pipeline commands


def fork_pipeline(
    args: Sequence[str], *, output: Path | None = None, prepare: Callable[[], None] | None = None
) -> int:
    """Run `pipeline ARGS` in a forked child and return its pid. The child shares the parent's
    loaded spaCy model (copy-on-write), so it starts extracting at once; everything else (CLI,
    engine, transactions) is the child's own, as in a fresh process. With `output`, the child's
    stdout goes to `output`.out and its stderr to `output`.err; `prepare` runs in the child
    first (e.g. to set a resource limit)."""
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid:
        return pid
    code = 70
    try:
        if output is not None:
            _redirect(1, output.with_suffix(".out"))
            _redirect(2, output.with_suffix(".err"))
        if prepare is not None:
            prepare()
        app(list(args), prog_name="pipeline")
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    except BaseException:
        code = 71
    finally:
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(Exception):
                stream.flush()
        os._exit(code)


def _redirect(fd: int, path: Path) -> None:
    target = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
    os.dup2(target, fd)
    os.close(target)
    sys.stdout = open(1, "w", closefd=False)  # noqa: SIM115
    sys.stderr = open(2, "w", closefd=False)  # noqa: SIM115


def exit_status(pid: int, *, block: bool = True) -> int | None:
    """The child's exit code (negative signal number if killed); None if still running."""
    done, status = os.waitpid(pid, 0 if block else os.WNOHANG)
    if done == 0:
        return None
    return os.waitstatus_to_exitcode(status)


def kill_if_running(pid: int) -> int:
    """SIGKILL the child unless it already exited; its exit code either way (-9 if killed)."""
    code = exit_status(pid, block=False)
    if code is not None:
        return code
    os.kill(pid, signal.SIGKILL)
    return exit_status(pid)


def has_exited(pid: int) -> bool:
    """Whether the child exited, without reaping it (its status stays for exit_status)."""
    return os.waitid(os.P_PID, pid, os.WEXITED | os.WNOHANG | os.WNOWAIT) is not None


def wait_until(condition: Callable[[], bool], pid: int, *, timeout: float = 120) -> bool:
    """Poll `condition` until it holds (True) or the child exits first (False)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        if has_exited(pid):
            return condition()
        time.sleep(0.02)
    raise AssertionError(f"condition not met within {timeout} s")


def subprocess_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PIPELINE_DB_URL"}
    return {**env, **extra}


def run_pipeline(*args: str, timeout: float = 300, **kwargs) -> subprocess.CompletedProcess:
    """`pipeline ARGS` as a separate process (the installed console script)."""
    return subprocess.run(
        [PIPELINE, *args],
        env=kwargs.pop("env", subprocess_env()),
        capture_output=True,
        text=True,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
        **kwargs,
    )


# --- consistency


def scalar(engine: Engine, sql: str) -> int:
    with engine.connect() as connection:
        return connection.execute(text(sql)).scalar_one()


def problems_besides_interrupted_runs(engine: Engine) -> list[str]:
    return [str(p) for p in doctor.check(engine) if p.kind != "unfinished_run"]


def interrupted_runs(engine: Engine) -> int:
    """Runs that died: still open, or closed since as interrupted."""
    still_open = sum(p.kind == "unfinished_run" for p in doctor.check(engine))
    return still_open + scalar(engine, "select count(*) from extraction_runs where interrupted")
