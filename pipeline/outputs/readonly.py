"""One SQL statement run read-only, enforced by the database rather than assumed from the text.

SQLite: the file is opened with `mode=ro` (and `query_only`, and ATTACH denied, so that no other
file can be opened for writing). PostgreSQL: the statement runs in a `READ ONLY` transaction, as
a single prepared statement (so "select 1; commit; drop ..." is refused whole). Either way the
transaction is rolled back at the end.
"""

from __future__ import annotations

import signal
import sqlite3
import threading
import time
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from pathlib import Path

import psycopg
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from pipeline.store.db import DatabaseError, display_url, require_existing_database, resolve_url

DEFAULT_TIMEOUT_S = 30.0
_SQLITE_CHECK_EVERY = 10_000  # virtual machine steps between two looks at the clock and Ctrl-C


class QueryInterrupted(DatabaseError):
    """The user pressed Ctrl-C while the statement ran; it was stopped, nothing is left open."""


@dataclass(frozen=True)
class ResultSet:
    columns: list[str]
    rows: list[dict]


def run_readonly(
    url: str | None, statement: str, *, timeout: float = DEFAULT_TIMEOUT_S
) -> ResultSet:
    """Rows of `statement`, stopped after `timeout` seconds or at Ctrl-C (QueryInterrupted);
    database errors (a refused write included) propagate as DatabaseError."""
    statement = statement.strip()
    if not statement:
        raise DatabaseError("empty SQL statement")
    engine = readonly_engine(url)
    try:
        return _run(engine, statement, timeout)
    except KeyboardInterrupt:
        raise QueryInterrupted("query stopped by Ctrl-C") from None
    except (SQLAlchemyError, sqlite3.Error, psycopg.Error) as exc:
        if _timed_out(exc):
            raise DatabaseError(f"query stopped after {timeout:g} s (--timeout)") from exc
        raise DatabaseError(
            f"database {display_url(resolve_url(url))}: {_first_line(exc)}"
        ) from exc
    finally:
        engine.dispose()


def _timed_out(exc: Exception) -> bool:
    original = getattr(exc, "orig", None) or exc
    if isinstance(original, psycopg.errors.QueryCanceled):
        return "statement timeout" in str(original)
    return isinstance(original, sqlite3.OperationalError) and str(original) == "interrupted"


def _run(engine: Engine, statement: str, timeout: float) -> ResultSet:
    with engine.connect() as connection:
        dbapi_connection = connection.connection.dbapi_connection
        if engine.dialect.name == "postgresql":
            connection.exec_driver_sql("set transaction read only")
            connection.exec_driver_sql(f"set statement_timeout = {max(1, round(timeout * 1000))}")
        cursor = dbapi_connection.cursor()
        stops = (
            _sqlite_stops(dbapi_connection, timeout)
            if engine.dialect.name == "sqlite"
            else nullcontext()
        )
        try:
            with stops:  # SQLite runs a statement as its rows are fetched
                _execute_one(cursor, statement, engine.dialect.name)
                columns = _unique([d[0] for d in cursor.description or ()])
                rows = [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]
        finally:
            cursor.close()
            connection.rollback()
    return ResultSet(columns, rows)


@contextmanager
def _sqlite_stops(dbapi_connection: sqlite3.Connection, timeout: float) -> Iterator[None]:
    """SQLite has no statement timeout: a progress handler stops the statement ("interrupted")
    once the time is up, or once Ctrl-C was pressed (noted by a signal handler for the
    statement's length: an exception raised inside the progress handler would be swallowed)."""
    deadline = time.monotonic() + timeout
    pressed: list[int] = []

    def stop() -> int:
        return 1 if pressed or time.monotonic() > deadline else 0

    dbapi_connection.set_progress_handler(stop, _SQLITE_CHECK_EVERY)
    in_main_thread = threading.current_thread() is threading.main_thread()
    previous = (
        signal.signal(signal.SIGINT, lambda *_: pressed.append(1)) if in_main_thread else None
    )
    try:
        yield
    except sqlite3.OperationalError:
        if pressed:
            raise KeyboardInterrupt from None
        raise
    finally:
        if in_main_thread:
            signal.signal(signal.SIGINT, previous)
        dbapi_connection.set_progress_handler(None, 0)


def readonly_engine(url: str | None) -> Engine:
    resolved = resolve_url(url)
    try:
        parsed = make_url(resolved)
    except ArgumentError as exc:
        raise DatabaseError(f"invalid database URL {display_url(resolved)!r}") from exc
    if parsed.get_backend_name() != "sqlite":
        return create_engine(resolved)
    if not parsed.database or parsed.database == ":memory:":
        raise DatabaseError("an in-memory SQLite database has nothing to read")
    path = Path(parsed.database)
    require_existing_database(resolved)
    if not path.is_file():
        raise DatabaseError(f"no SQLite database at {path}")
    engine = create_engine(sqlite_readonly_url(path))
    event.listen(engine, "connect", _lock_sqlite_connection)
    return engine


def sqlite_readonly_url(path: Path) -> str:
    quoted = urllib.parse.quote(str(path.resolve()))
    return f"sqlite:///file:{quoted}?mode=ro&uri=true"


def _lock_sqlite_connection(dbapi_connection: sqlite3.Connection, _record) -> None:
    dbapi_connection.execute("pragma query_only = on")
    dbapi_connection.set_authorizer(_deny_attach)


def _deny_attach(action: int, *_args) -> int:
    if action in (sqlite3.SQLITE_ATTACH, sqlite3.SQLITE_DETACH):
        return sqlite3.SQLITE_DENY
    return sqlite3.SQLITE_OK


def _execute_one(cursor, statement: str, dialect: str) -> None:
    if dialect == "postgresql":
        # A prepared statement holds exactly one command; no parameters, so "%" stays literal.
        cursor.execute(statement, None, prepare=True)
    else:
        cursor.execute(statement)  # sqlite3 refuses a second statement by itself


def _unique(names: list[str]) -> list[str]:
    """Column names as given, a suffix added to repeats ("id", "id_2") so no value is lost."""
    seen: dict[str, int] = {}
    unique = []
    for name in names:
        seen[name] = seen.get(name, 0) + 1
        unique.append(name if seen[name] == 1 else f"{name}_{seen[name]}")
    return unique


def _first_line(exc: Exception) -> str:
    original = getattr(exc, "orig", None) or exc
    lines = str(original).strip().splitlines()
    return lines[0] if lines else type(original).__name__
