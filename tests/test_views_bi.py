"""The views as BI tools see them: documented column by column, served by a real Datasette over
HTTP, and read by the real `psql` client from PostgreSQL."""

import csv
import io
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import inspect, text
from sqlalchemy.engine import make_url

from pipeline.store import schema
from pipeline.store.db import make_engine
from pipeline.store.views import VIEW_NAMES
from tests.helpers import ROOT, departure, dissolution, hiring, store_report, url_of

VIEWS_DOC = ROOT / "docs" / "views.md"
SQL_DIR = ROOT / "pipeline" / "sql"
BI_QUERY = "SELECT * FROM departures WHERE organization = 'OpenAI'"
OPENAI_LEAVERS = {"Jan Leike", "Ilya Sutskever"}


def documented_columns() -> dict[str, list[str]]:
    """Column names per `## view` section of docs/views.md, in table order."""
    sections: dict[str, list[str]] = {}
    current = None
    for line in VIEWS_DOC.read_text(encoding="utf-8").splitlines():
        if heading := re.match(r"^## (\w+)$", line):
            current = heading.group(1)
            sections[current] = []
        elif current and (row := re.match(r"^\| `(\w+)` \|", line)):
            sections[current].append(row.group(1))
    return {name: columns for name, columns in sections.items() if columns}


def store_moves(engine) -> None:
    """A small, known world: two OpenAI departures (one went to Anthropic), one elsewhere, and a
    dissolution."""
    store_report(
        engine,
        departure("Jan Leike", "OpenAI", "resignation", date="2024-05"),
        hiring("Jan Leike", "Anthropic", date="2024-05-28"),
        dissolution("Superalignment", "OpenAI", date="2024-05", focus="alignment"),
        published="2024-05-28",
        title="Jan Leike rejoint Anthropic",
        url="https://news.example/leike",
    )
    store_report(
        engine,
        departure("Ilya Sutskever", "OpenAI", date="2024-05-14"),
        departure("Geoffrey Hinton", "Google", date="2023-05"),
        published="2024-05-15",
    )


def view_rows(engine, view: str) -> list[dict]:
    with engine.connect() as connection:
        result = connection.execute(text(f"select * from {view}"))
        return [dict(row._mapping) for row in result]


# --- the documentation


def test_every_view_file_starts_with_a_comment_naming_it():
    for view in VIEW_NAMES:
        first_line = (SQL_DIR / f"{view}.sql").read_text(encoding="utf-8").splitlines()[0]
        assert first_line.startswith(f"-- {view}: "), first_line


def test_docs_list_every_column_of_every_view_in_order(fresh_engine):
    documented = documented_columns()
    inspector = inspect(fresh_engine)
    assert set(documented) == set(VIEW_NAMES)
    for view in VIEW_NAMES:
        actual = [column["name"] for column in inspector.get_columns(view)]
        assert documented[view] == actual, view
        assert all(re.fullmatch(r"[a-z][a-z0-9_]*", name) for name in actual), view


# --- Datasette, over HTTP


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get_json(url: str):
    with urllib.request.urlopen(url, timeout=30) as response:
        return json.loads(response.read())


@pytest.fixture
def datasette(sqlite_url) -> Iterator[tuple[str, object]]:
    """A SQLite database with known events, served by Datasette on a free loopback port:
    (base URL of the database, write engine)."""
    engine = make_engine(sqlite_url)
    schema.upgrade(engine)
    store_moves(engine)
    path = Path(make_url(sqlite_url).database)
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "datasette", "serve", str(path), "-h", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                get_json(f"{base}/-/versions.json")
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    output = server.stdout.read().decode(errors="replace") if server.stdout else ""
                    pytest.fail(f"Datasette did not start: {output[-2000:]}")
                time.sleep(0.2)
        yield f"{base}/{path.stem}", engine
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=15)
        engine.dispose()


@pytest.mark.slow
def test_datasette_serves_every_view_as_json(datasette):
    base, engine = datasette
    documented = documented_columns()
    for view in VIEW_NAMES:
        rows = get_json(f"{base}/{view}.json?_shape=array&_size=max")
        expected = view_rows(engine, view)
        assert len(rows) == len(expected) > 0, view
        for row in rows:
            assert list(row) == documented[view], view
        as_json = json.loads(json.dumps(expected, default=str))
        key = documented[view][:3]
        assert sorted(rows, key=lambda r: [str(r[k]) for k in key]) == sorted(
            as_json, key=lambda r: [str(r[k]) for k in key]
        ), view


@pytest.mark.slow
def test_datasette_runs_the_bi_query(datasette):
    base, _ = datasette
    query = urllib.parse.urlencode({"sql": BI_QUERY, "_shape": "array"})
    rows = get_json(f"{base}.json?{query}")
    assert {row["person"] for row in rows} == OPENAI_LEAVERS
    assert {row["organization"] for row in rows} == {"OpenAI"}
    leike = next(row for row in rows if row["person"] == "Jan Leike")
    assert (leike["kind"], leike["date"], leike["date_precision"]) == (
        "resignation",
        "2024-05",
        "month",
    )

    moves = get_json(f"{base}/people_moves.json?_shape=array&person=Jan+Leike")
    assert [(m["left_organization"], m["joined_organization"]) for m in moves] == [
        ("OpenAI", "Anthropic")
    ]


# --- psql, against PostgreSQL

PSQL = shutil.which("psql")


def libpq(url: str) -> tuple[str, dict[str, str]]:
    """A URL psql understands (no `+psycopg`), and the password as PGPASSWORD, not argv."""
    parsed = make_url(url)
    environment = {**os.environ}
    if parsed.password:
        environment["PGPASSWORD"] = parsed.password
    plain = parsed.set(drivername="postgresql", password=None)
    return plain.render_as_string(hide_password=False), environment


def psql_csv(url: str, statement: str) -> list[list[str]]:
    target, environment = libpq(url)
    result = subprocess.run(
        [PSQL, target, "-X", "-v", "ON_ERROR_STOP=1", "--csv", "-c", statement],
        capture_output=True,
        text=True,
        env=environment,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return list(csv.reader(io.StringIO(result.stdout)))


@pytest.fixture
def pg_with_moves(pg_url):
    engine = make_engine(pg_url)
    schema.upgrade(engine)
    store_moves(engine)
    yield engine
    engine.dispose()


@pytest.mark.skipif(PSQL is None, reason="psql is not installed")
def test_psql_reads_every_view_with_the_documented_columns(pg_with_moves):
    url = url_of(pg_with_moves)
    documented = documented_columns()
    for view in VIEW_NAMES:
        header, *rows = psql_csv(url, f"select * from {view}")
        assert header == documented[view], view
        assert len(rows) == len(view_rows(pg_with_moves, view)) > 0, view


@pytest.mark.skipif(PSQL is None, reason="psql is not installed")
def test_psql_runs_the_bi_query_with_real_dates(pg_with_moves):
    url = url_of(pg_with_moves)
    header, *rows = psql_csv(url, BI_QUERY)
    records = [dict(zip(header, row, strict=True)) for row in rows]
    assert {record["person"] for record in records} == OPENAI_LEAVERS
    [types] = psql_csv(
        url,
        "select pg_typeof(event_date)::text, pg_typeof(first_reported)::text "
        "from departures limit 1",
    )[1:]
    assert types == ["date", "date"]
    listed = {row[1] for row in psql_csv(url, "\\dv")[1:]}
    assert listed >= set(VIEW_NAMES)
