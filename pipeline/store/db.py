"""Database engines: URL resolution, SQLite pragmas, write transactions, safe URL display."""

from __future__ import annotations

import os
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from pipeline.store.folding import SQLITE_FUNCTION, fold

ENV_VAR = "PIPELINE_DB_URL"
DEFAULT_URL = "sqlite:///pipeline.db"
SQLITE_BUSY_TIMEOUT_MS = 60_000
# A server that accepts the connection but never answers (wrong service on the port, a dropped
# route) must fail in seconds, not hang a cron job forever. `?connect_timeout=N` in the URL wins.
PG_CONNECT_TIMEOUT_S = 15


class DatabaseError(RuntimeError):
    """A database problem explained in one line, safe to show to a user."""


def resolve_url(url: str | None = None) -> str:
    """`--db` value, else $PIPELINE_DB_URL, else ./pipeline.db. A bare path means a SQLite file."""
    chosen = url or os.environ.get(ENV_VAR) or DEFAULT_URL
    if "://" not in chosen:
        chosen = f"sqlite:///{Path(chosen).expanduser()}"
    if chosen.startswith("postgresql://") or chosen.startswith("postgres://"):
        # psycopg 3 is the driver we ship; plain postgresql:// would ask for psycopg2.
        chosen = "postgresql+psycopg://" + chosen.split("://", 1)[1]
    return chosen


def explain(message: str) -> str:
    """A driver's one-line message, with what to do about it when the message alone is
    puzzling."""
    if message == "database is locked":
        seconds = SQLITE_BUSY_TIMEOUT_MS // 1000
        return f"{message}: another process kept it busy for over {seconds} s; try again later"
    return message


def require_existing_database(url: str | None) -> None:
    """Refuse a SQLite path that names no file: a command that reads must not create an empty
    database at a mistyped path (only `ingest` and `db upgrade` create one)."""
    resolved = resolve_url(url)
    try:
        parsed = make_url(resolved)
    except (ArgumentError, ValueError):
        return  # make_engine says what is wrong with it
    if parsed.get_backend_name() != "sqlite":
        return
    path = _sqlite_path(resolved)
    if path is not None and not path.exists():
        raise DatabaseError(
            f"no database at {path}: check --db (`pipeline ingest` or `pipeline db upgrade` "
            "create one)"
        )


def display_url(url: str) -> str:
    """The URL with its password masked, for messages and logs."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except (ArgumentError, ValueError):  # ValueError: e.g. a port that is not a number
        return "<invalid database URL>"


def make_engine(url: str | None = None, *, write: bool = True) -> Engine:
    """An engine for `url`. On SQLite, write engines begin with BEGIN IMMEDIATE so that two
    processes queue for the write lock instead of failing with "database is locked" mid-way."""
    resolved = resolve_url(url)
    try:
        parsed = make_url(resolved)
    except (ArgumentError, ValueError) as exc:
        raise DatabaseError(
            "invalid database URL: expected e.g. postgresql+psycopg://user:password@host:5432/name"
            " or a SQLite file path"
        ) from exc
    if parsed.get_backend_name() == "sqlite":
        return _sqlite_engine(resolved, write=write)
    try:
        return create_engine(resolved, pool_pre_ping=True, connect_args=_connect_args(parsed))
    except (ArgumentError, ImportError) as exc:
        raise DatabaseError(f"cannot use database URL {display_url(resolved)}: {exc}") from exc


def _connect_args(url: URL) -> dict:
    if url.get_driver_name() == "psycopg" and "connect_timeout" not in url.query:
        return {"connect_timeout": PG_CONNECT_TIMEOUT_S}
    return {}


def _sqlite_engine(url: str, *, write: bool) -> Engine:
    path = _sqlite_path(url)
    if path is not None and _on_read_only_file_system(path):
        if write:
            raise DatabaseError(f"cannot write to database {path}: read-only file system")
        # SQLite cannot create the -shm file a WAL database needs there; nobody can change the
        # file either, so reading it as immutable is exact.
        url = f"sqlite:///file:{urllib.parse.quote(str(path.resolve()))}?immutable=1&uri=true"
    engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):
        # Let SQLAlchemy, not pysqlite, decide when transactions begin (documented recipe).
        dbapi_connection.isolation_level = None
        dbapi_connection.create_function(SQLITE_FUNCTION, 1, fold, deterministic=True)
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        if write:
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection):
        connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    return engine


def _sqlite_path(url: str) -> Path | None:
    """The file of a plain SQLite URL; None for memory databases and `file:` URIs."""
    database = make_url(url).database
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    return Path(database)


def _on_read_only_file_system(path: Path) -> bool:
    try:
        return bool(os.statvfs(path.parent).f_flag & os.ST_RDONLY)
    except OSError:  # no such folder: SQLite will say so
        return False


def is_sqlite(engine: Engine | Connection) -> bool:
    return engine.dialect.name == "sqlite"


@contextmanager
def transaction(engine: Engine) -> Iterator[Connection]:
    """One write transaction: committed on success, rolled back on any error."""
    with engine.begin() as connection:
        yield connection
