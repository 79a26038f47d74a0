"""Database faults: read-only SQLite (four ways), a disk that fills up (two ways), a database at an
older or a newer schema, a PostgreSQL server that accepts connections but never answers, a
read-only PostgreSQL (as a hot standby is) and connections killed by the server mid-ingest.
Each gives one clear line and exit code 3, no traceback, and nothing half-written.

Some faults need root (mount, chattr); they are skipped where the machine does not allow them,
and simulated another way too (SQLite's mode=ro, a file-size limit) so that every machine
tests each kind of fault."""

from __future__ import annotations

import contextlib
import os
import resource
import socket
import sqlite3
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url
from typer.testing import CliRunner

from pipeline.cli import EXIT_DATABASE, app
from pipeline.commands import doctor
from pipeline.store import db as pipeline_db
from pipeline.store import schema
from pipeline.store.db import make_engine
from tests.helpers import departure, natural_projections, store_report
from tests.reliability.conftest import (
    exit_status,
    fork_pipeline,
    problems_besides_interrupted_runs,
    scalar,
)

runner = CliRunner()
NEW_ARTICLE = "Hugo Faure a quitté Anthropic le 2 mai 2024, selon plusieurs sources."


def assert_one_line_database_error(result, *fragments: str) -> str:
    assert result.exit_code == EXIT_DATABASE, result.output
    assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit)
    [line] = result.stderr.strip().splitlines()
    assert line.startswith("error: ")
    for fragment in fragments:
        assert fragment in line, line
    return line


def articles(url: str) -> int:
    engine = make_engine(url, write=False)
    try:
        return scalar(engine, "select count(*) from articles")
    finally:
        engine.dispose()


@pytest.fixture
def new_article(articles_dir) -> Path:
    path = articles_dir / "new.txt"
    path.write_text(NEW_ARTICLE, encoding="utf-8")
    return path


def one_article_database(path: Path) -> str:
    url = f"sqlite:///{path}"
    engine = make_engine(url)
    schema.upgrade(engine)
    store_report(engine, departure("Ada Lovelace", "OpenAI", date="2024-05"))
    engine.dispose()  # checkpoints the WAL into the file
    return url


# --- mounts and file attributes, where the machine allows them


def _run(*command: str) -> bool:
    return subprocess.run(command, capture_output=True).returncode == 0


@contextlib.contextmanager
def tmpfs(folder: Path, size: str) -> Iterator[Path]:
    folder.mkdir(exist_ok=True)
    if not _run("mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)):
        pytest.skip("cannot mount a tmpfs here (needs root with CAP_SYS_ADMIN)")
    try:
        yield folder
    finally:
        _run("umount", "-l", str(folder))


def remount(folder: Path, options: str) -> None:
    assert _run("mount", "-o", f"remount,{options}", str(folder))


@contextlib.contextmanager
def immutable(path: Path) -> Iterator[None]:
    if not _run("chattr", "+i", str(path)):
        pytest.skip("chattr +i is not available here (needs root and ext4-like file system)")
    try:
        yield
    finally:
        _run("chattr", "-i", str(path))


# --- read-only SQLite


@contextlib.contextmanager
def read_only_database(how: str, tmp_path: Path) -> Iterator[str]:
    """A one-article database that cannot be written, made so in one of four ways."""
    if how == "sqlite_mode_ro":
        url = one_article_database(tmp_path / "ro.db")
        yield f"sqlite:///file:{tmp_path / 'ro.db'}?mode=ro&uri=true"
    elif how == "immutable_file":
        url = one_article_database(tmp_path / "ro.db")
        with immutable(tmp_path / "ro.db"):
            yield url
    elif how == "read_only_file_system":
        with tmpfs(tmp_path / "mount", "4m") as folder:
            url = one_article_database(folder / "ro.db")
            remount(folder, "ro")
            yield url
    else:  # file permissions: only bite for a user other than root
        if os.geteuid() == 0:
            pytest.skip("root writes files whatever their mode")
        url = one_article_database(tmp_path / "ro.db")
        (tmp_path / "ro.db").chmod(0o444)
        tmp_path.chmod(0o555)
        try:
            yield url
        finally:
            tmp_path.chmod(0o755)


READ_ONLY_WAYS = ["sqlite_mode_ro", "immutable_file", "read_only_file_system", "file_mode_0444"]


@pytest.mark.parametrize("how", READ_ONLY_WAYS)
def test_a_read_only_sqlite_database_refuses_ingest_in_one_line_and_still_answers_queries(
    how, tmp_path, new_article, extractor
):
    with read_only_database(how, tmp_path) as url:
        result = runner.invoke(app, ["ingest", str(new_article), "--db", url])
        line = assert_one_line_database_error(result)
        assert "readonly database" in line or "read-only file system" in line, line
        queried = runner.invoke(app, ["query", "departures", "--db", url, "--format", "csv"])
        assert queried.exit_code == 0, queried.output
        assert "Ada Lovelace" in queried.stdout
        checked = runner.invoke(app, ["doctor", "--db", url])
        assert checked.exit_code == 0, checked.output
        assert articles(url) == 1


# --- disk full


@pytest.mark.slow
def test_a_full_disk_stops_ingest_in_one_line_and_a_rerun_with_space_completes(tmp_path, reference):
    """A real file system that fills up (a small tmpfs), then gets more room."""
    with tmpfs(tmp_path / "mount", "8m") as folder:
        url = f"sqlite:///{folder / 'full.db'}"
        engine = make_engine(url)
        schema.upgrade(engine)
        engine.dispose()
        used_kb = sum(f.stat().st_size for f in folder.iterdir()) // 1024
        remount(folder, f"size={used_kb + 160}k")
        code, err = ingest_in_child(reference, url, tmp_path / "full")
        assert code == EXIT_DATABASE
        [line] = err.strip().splitlines()
        assert line == f"error: database {url}: database or disk is full"
        stored = articles(url)
        assert 0 < stored < reference.articles
        assert_consistent(url)
        remount(folder, "size=64m")
        code, err = ingest_in_child(reference, url, tmp_path / "again")
        assert (code, err) == (0, "")
        assert_same_as_reference(url, reference)


@pytest.mark.slow
def test_a_file_size_limit_stops_ingest_in_one_line_and_leaves_whole_articles(tmp_path, reference):
    """Writes past RLIMIT_FSIZE fail as on a full disk (EFBIG; SQLite says "disk I/O error")."""
    url = f"sqlite:///{tmp_path / 'limited.db'}"
    engine = make_engine(url)
    schema.upgrade(engine)
    engine.dispose()
    limit = (tmp_path / "limited.db").stat().st_size + 160 * 1024

    def limit_file_size() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    code, err = ingest_in_child(reference, url, tmp_path / "limited", prepare=limit_file_size)
    assert code == EXIT_DATABASE
    [line] = err.strip().splitlines()
    assert line in {
        f"error: database {url}: disk I/O error",
        f"error: database {url}: database or disk is full",
    }
    assert 0 < articles(url) < reference.articles
    assert_consistent(url)
    code, err = ingest_in_child(reference, url, tmp_path / "unlimited")
    assert (code, err) == (0, "")
    assert_same_as_reference(url, reference)


def ingest_in_child(reference, url: str, output: Path, prepare=None) -> tuple[int, str]:
    pid = fork_pipeline(
        ["--quiet", "ingest", str(reference.folder), "--db", url, "--batch-size", "8"],
        output=output,
        prepare=prepare,
    )
    return exit_status(pid), output.with_suffix(".err").read_text()


def assert_consistent(url: str) -> None:
    engine = make_engine(url, write=False)
    assert problems_besides_interrupted_runs(engine) == []
    engine.dispose()


def assert_same_as_reference(url: str, reference) -> None:
    engine = make_engine(url, write=False)
    assert scalar(engine, "select count(*) from articles") == reference.articles
    assert natural_projections(engine) == reference.projections
    engine.dispose()


# --- schema versions


def article_at_revision_0001(url: str) -> None:
    """The database as the first release left it: tables only, one article extracted."""
    engine = make_engine(url)
    schema.upgrade(engine, "0001")
    with engine.begin() as connection:
        run_id = connection.execute(
            text(
                "insert into extraction_runs (extractor_version, command, started_at, "
                "finished_at, articles_extracted, events_found) values "
                "('old', 'ingest', '2025-01-01 00:00:00', '2025-01-01 00:00:01', 1, 0) "
                "returning id"
            )
        ).scalar_one()
        article_id = connection.execute(
            text(
                "insert into articles (content_hash, source, lang, text, ingested_at) "
                "values ('h1', 'old.txt', 'fr', 'Un vieil article.', '2025-01-01 00:00:00') "
                "returning id"
            )
        ).scalar_one()
        connection.execute(
            text("insert into article_extractions values (:article, :run, 'old', '2025-01-01')"),
            {"article": article_id, "run": run_id},
        )
    engine.dispose()


def test_a_database_at_an_older_schema_is_upgraded_on_ingest_and_keeps_its_articles(
    db_url, new_article, extractor
):
    article_at_revision_0001(db_url)
    result = runner.invoke(app, ["ingest", str(new_article), "--db", db_url])
    assert result.exit_code == 0, result.output
    engine = make_engine(db_url)
    assert schema.current_revision(engine) == schema.head_revision()
    assert scalar(engine, "select count(*) from articles") == 2
    assert doctor.check(engine) == []
    engine.dispose()
    queried = runner.invoke(app, ["query", "departures", "--db", db_url, "--format", "csv"])
    assert "Hugo Faure" in queried.stdout


def test_a_database_from_a_newer_pipeline_is_refused_before_anything_is_written(
    db_url, new_article, extractor
):
    engine = make_engine(db_url)
    schema.upgrade(engine)
    with engine.begin() as connection:
        connection.execute(text("update alembic_version set version_num = '9999_future'"))
    result = runner.invoke(app, ["ingest", str(new_article), "--db", db_url])
    assert_one_line_database_error(result, "9999_future", "newer than this pipeline")
    assert scalar(engine, "select count(*) from extraction_runs") == 0
    assert scalar(engine, "select count(*) from articles") == 0
    engine.dispose()


# --- PostgreSQL


@pytest.fixture
def silent_server() -> Iterator[int]:
    """A TCP port that accepts connections and never says a word (a wrong service, a stuck
    proxy)."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    accepted = []
    stop = threading.Event()

    def accept() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            with contextlib.suppress(TimeoutError):
                accepted.append(listener.accept()[0])

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield listener.getsockname()[1]
    stop.set()
    thread.join()
    for connection in accepted:
        connection.close()
    listener.close()


def test_a_server_that_never_answers_times_out_in_one_line(silent_server, monkeypatch):
    monkeypatch.setattr(pipeline_db, "PG_CONNECT_TIMEOUT_S", 1)
    url = f"postgresql+psycopg://pipeline:s3cret-pw@127.0.0.1:{silent_server}/pipeline"
    result = runner.invoke(app, ["query", "departures", "--db", url])
    assert_one_line_database_error(result, "timeout", f"127.0.0.1:{silent_server}")
    assert "s3cret-pw" not in result.output


def test_a_read_only_postgresql_refuses_ingest_in_one_line(pg_url, new_article, extractor):
    """As a hot standby does: every transaction is read-only."""
    engine = make_engine(pg_url)
    schema.upgrade(engine)
    engine.dispose()
    read_only = make_url(pg_url).update_query_dict(
        {"options": "-c default_transaction_read_only=on"}
    )
    result = runner.invoke(
        app, ["ingest", str(new_article), "--db", read_only.render_as_string(hide_password=False)]
    )
    assert_one_line_database_error(result, "read-only transaction")
    assert articles(pg_url) == 0


@pytest.mark.slow
def test_connections_killed_by_the_server_mid_ingest_leave_whole_articles(pg_url, reference):
    """The administrator terminates the pipeline's connections while it stores articles (only
    those: an autovacuum worker on the database runs as a superuser this role may not end): the
    run either carries on over fresh connections or stops in one line; whatever is stored is
    whole, and a re-run completes the corpus."""
    engine = make_engine(pg_url)
    schema.upgrade(engine)
    output = reference.folder.parent / "terminated"
    engine.dispose()
    pid = fork_pipeline(
        ["--quiet", "ingest", str(reference.folder), "--db", pg_url, "--batch-size", "4"],
        output=output,
    )
    database = make_url(pg_url).database
    terminate = text(
        "select count(pg_terminate_backend(pid)) from pg_stat_activity "
        "where datname = :database and pid <> pg_backend_pid() and usename = current_user"
    )
    killed = 0
    for _ in range(200):
        if os.waitid(os.P_PID, pid, os.WEXITED | os.WNOHANG | os.WNOWAIT) is not None:
            break
        if scalar(engine, "select count(*) from articles") > 0:
            with engine.connect() as connection:
                killed += connection.execute(terminate, {"database": database}).scalar()
        threading.Event().wait(0.15)
    code = exit_status(pid)
    assert killed > 0
    err = output.with_suffix(".err").read_text()
    assert "Traceback" not in err
    if code != 0:
        assert code == EXIT_DATABASE
        [line] = err.strip().splitlines()
        assert line.startswith(f"error: database {make_url(pg_url).render_as_string()}: ")
    assert problems_besides_interrupted_runs(engine) == []
    engine.dispose()
    pid = fork_pipeline(["--quiet", "ingest", str(reference.folder), "--db", pg_url])
    assert exit_status(pid) == 0
    assert_same_as_reference(pg_url, reference)


# --- SQLite write lock held by another process


@pytest.fixture
def locked_sqlite(tmp_path) -> Iterator[tuple[str, sqlite3.Connection]]:
    """A database whose write lock another connection holds (as a long writer would)."""
    url = one_article_database(tmp_path / "locked.db")
    holder = sqlite3.connect(tmp_path / "locked.db", isolation_level=None, check_same_thread=False)
    holder.execute("begin immediate")
    yield url, holder
    holder.close()


def test_a_writer_waits_for_the_lock_and_then_succeeds(locked_sqlite, new_article, extractor):
    url, holder = locked_sqlite
    threading.Timer(1.0, holder.rollback).start()
    result = runner.invoke(app, ["ingest", str(new_article), "--db", url])
    assert result.exit_code == 0, result.output
    assert articles(url) == 2


def test_a_lock_held_past_the_busy_timeout_is_one_line_saying_why(
    locked_sqlite, new_article, monkeypatch
):
    monkeypatch.setattr(pipeline_db, "SQLITE_BUSY_TIMEOUT_MS", 1000)
    url, _ = locked_sqlite
    result = runner.invoke(app, ["ingest", str(new_article), "--db", url])
    assert_one_line_database_error(
        result, "database is locked: another process kept it busy for over 1 s; try again later"
    )
    assert articles(url) == 1
