"""Extraction runs that died: told apart from running ones by the process that owns them, and
closed with the counts of what they stored, so that `pipeline doctor` reports each once.

A run records its host and process id. On this host, a run whose process is gone was
interrupted (killed, or the machine stopped); a run from another host is left alone, since its
process cannot be seen from here. Runs recorded before revision 0006 have no process: any of
them still open was interrupted long ago.
"""

from __future__ import annotations

import datetime
import os
import socket
from dataclasses import dataclass

from sqlalchemy import Connection, Engine, func, inspect, literal, select, update

from pipeline.store.clock import now
from pipeline.store.models import article_extractions, events, extraction_runs


@dataclass(frozen=True)
class InterruptedRun:
    id: int
    command: str
    started_at: datetime.datetime
    articles: int

    def __str__(self) -> str:
        return (
            f"run {self.id} ({self.command}, started {self.started_at:%Y-%m-%d %H:%M:%S}) was "
            f"interrupted: {self.articles} articles stored by it are whole"
        )


def this_process() -> dict:
    return {"host": socket.gethostname(), "pid": os.getpid()}


def interrupted_runs(connection: Connection) -> list[InterruptedRun]:
    """Open runs whose process is known to be gone, with the articles each stored."""
    stored = (
        select(func.count())
        .where(article_extractions.c.run_id == extraction_runs.c.id)
        .scalar_subquery()
    )
    # a database not yet at 0006 records no process: every open run there is a dead one
    knows_processes = "pid" in {
        c["name"] for c in inspect(connection).get_columns("extraction_runs")
    }
    process = (
        (extraction_runs.c.host, extraction_runs.c.pid)
        if knows_processes
        else (literal(None).label("host"), literal(None).label("pid"))
    )
    rows = connection.execute(
        select(
            extraction_runs.c.id,
            extraction_runs.c.command,
            extraction_runs.c.started_at,
            *process,
            stored,
        )
        .where(extraction_runs.c.finished_at.is_(None))
        .order_by(extraction_runs.c.id)
    ).all()
    host = socket.gethostname()
    return [
        InterruptedRun(run_id, command, started_at, articles)
        for run_id, command, started_at, run_host, pid, articles in rows
        if pid is None or (run_host == host and not _alive(pid))
    ]


def close_interrupted_runs(engine: Engine) -> list[InterruptedRun]:
    """Close the runs that died, with the counts of the rows they stored; the closed ones."""
    with engine.begin() as connection:
        closed = interrupted_runs(connection)
        for run in closed:
            connection.execute(
                update(extraction_runs)
                .where(extraction_runs.c.id == run.id, extraction_runs.c.finished_at.is_(None))
                .values(
                    finished_at=now(),
                    interrupted=True,
                    articles_extracted=run.articles,
                    events_found=select(func.count())
                    .where(events.c.run_id == run.id)
                    .scalar_subquery(),
                )
            )
    return closed


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process
    return True
