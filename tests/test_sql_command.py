"""`pipeline sql`: quick looks in SQL, read-only enforced by the database on both backends."""

import csv
import io
import json

import pytest
from sqlalchemy import text
from typer.testing import CliRunner

from tests.helpers import count, departure, dissolution, store_report, url_of

WRITES = [
    "insert into entities (kind, name, key) values ('person', 'Intrus', 'intrus')",
    "delete from entities",
    "update entities set name = 'x'",
    "drop view departures",
    "drop table events",
    "create table scratch (id integer)",
]


@pytest.fixture
def stored(fresh_engine):
    """Two departures and a dissolution, stored through the log and projections."""
    store_report(
        fresh_engine,
        departure("Jan Leike", "OpenAI", "resignation", date="2024-05"),
        published="2024-05-17",
        title="Jan Leike quitte OpenAI",
    )
    store_report(
        fresh_engine,
        departure("Ilya Sutskever", "OpenAI", date="2024-05-14"),
        dissolution("Superalignment", "OpenAI", date="2024-05"),
        published="2024-05-18",
    )
    return fresh_engine


def run(*args):
    from pipeline.cli import app

    return CliRunner().invoke(app, [str(arg) for arg in args])


QUERY = "select person, kind, date from departures where organization = 'OpenAI' order by person"


def test_select_on_a_view_as_json(stored):
    result = run("sql", QUERY, "--db", url_of(stored), "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == [
        {"person": "Ilya Sutskever", "kind": "departure", "date": "2024-05-14"},
        {"person": "Jan Leike", "kind": "resignation", "date": "2024-05"},
    ]


def test_select_as_csv_and_table(stored):
    as_csv = run("sql", QUERY, "--db", url_of(stored), "-f", "csv")
    assert as_csv.exit_code == 0, as_csv.output
    assert list(csv.reader(io.StringIO(as_csv.stdout))) == [
        ["person", "kind", "date"],
        ["Ilya Sutskever", "departure", "2024-05-14"],
        ["Jan Leike", "resignation", "2024-05"],
    ]
    as_table = run("sql", QUERY, "--db", url_of(stored))
    assert as_table.exit_code == 0, as_table.output
    assert "Jan Leike" in as_table.stdout and as_table.stdout.endswith("2 rows\n")


def test_percent_signs_and_repeated_column_names_are_kept(stored):
    result = run(
        "sql",
        "select person as name, organization as name, '100%' as share from departures "
        "where person like 'Jan%'",
        "--db",
        url_of(stored),
        "-f",
        "json",
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == [{"name": "Jan Leike", "name_2": "OpenAI", "share": "100%"}]


@pytest.mark.parametrize("statement", WRITES)
def test_writes_are_refused_with_one_line(stored, statement):
    before = {name: count(stored, name) for name in ("entities", "events", "articles")}
    result = run("sql", statement, "--db", url_of(stored))
    assert result.exit_code == 3, result.output
    assert result.stdout == ""
    [line] = result.stderr.splitlines()
    assert line.startswith("error: database ")
    assert "read-only" in line or "readonly" in line, line
    assert {name: count(stored, name) for name in before} == before
    with stored.connect() as connection:
        assert connection.execute(text("select count(*) from departures")).scalar_one() == 2


def test_a_second_statement_cannot_sneak_a_write_in(stored):
    result = run("sql", "select 1; commit; drop table events", "--db", url_of(stored))
    assert result.exit_code == 3, result.output
    assert len(result.stderr.splitlines()) == 1
    assert count(stored, "events") == 3


def test_sqlite_attach_is_refused(stored, tmp_path):
    if stored.dialect.name != "sqlite":
        pytest.skip("ATTACH is SQLite's")
    other = tmp_path / "other.db"
    result = run("sql", f"attach database '{other}' as other", "--db", url_of(stored))
    assert result.exit_code == 3, result.output
    assert not other.exists()


def test_sql_errors_are_one_line(stored):
    result = run("sql", "selec * from departures", "--db", url_of(stored))
    assert result.exit_code == 3
    [line] = result.stderr.splitlines()
    assert line.startswith("error: database ") and "syntax error" in line


def test_missing_sqlite_file_is_not_created(tmp_path):
    missing = tmp_path / "missing.db"
    result = run("sql", "select 1", "--db", missing)
    assert result.exit_code == 3
    assert result.stderr.startswith(f"error: no database at {missing}: check --db")
    assert not missing.exists()
