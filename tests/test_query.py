"""`pipeline query`: filters and formats on hand-made reports, on both backends."""

import csv
import io
import json

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.outputs.query import Filters, QueryError, parse_period, run_view
from tests.helpers import count, departure, dissolution, store_report

runner = CliRunner(env={"COLUMNS": "200"})
ALL = {"Ada Lovelace", "Blaise Pascal", "Carl Gauss", "Dora O'Neil"}


@pytest.fixture(scope="module")
def reported(module_db):
    engine = module_db.engine
    store_report(
        engine,
        departure("Ada Lovelace", "OpenAI", "resignation", date="2024-05-14"),
        published="2024-05-15",
    )
    store_report(engine, departure("Ada Lovelace", "OpenAI", date="2024-05"))
    store_report(
        engine,
        departure("Blaise Pascal", "Meta", "dismissal", date="2023-11", rule="fr.dismissal.verb"),
    )
    store_report(engine, departure("Carl Gauss", "Google", date="2024"))
    store_report(engine, departure("Dora O'Neil", "Anthropic", "resignation", date="2024-05-31"))
    store_report(engine, dissolution("Superalignment", "OpenAI", date="2024-05-17"))
    store_report(engine, dissolution("Responsible AI", "Meta", date="2023-11"))
    return module_db


def people(db, **filters) -> set[str]:
    return {row["person"] for row in run_view(db.engine, "departures", Filters(**filters))}


def query(db, *args: str):
    return runner.invoke(app, ["query", *args, "--db", db.url])


# --- filters


def test_sources_name_the_rule_behind_each_sentence(reported):
    rows = json.loads(
        query(reported, "sources", "--person", "Blaise Pascal", "--format", "json").output
    )
    assert [(row["subject"], row["rule"]) for row in rows] == [
        ("Blaise Pascal", "fr.dismissal.verb")
    ]


@pytest.mark.parametrize(
    ("organization", "expected"),
    [
        ("OpenAI", {"Ada Lovelace"}),
        ("openai", {"Ada Lovelace"}),
        ("Facebook", {"Blaise Pascal"}),
        ("Meta AI", {"Blaise Pascal"}),
        ("Nowhere Labs", set()),
    ],
)
def test_org_matches_a_name_or_an_alias(reported, organization, expected):
    assert people(reported, organization=organization) == expected


@pytest.mark.parametrize(
    ("since", "until", "expected"),
    [
        ("2024", None, {"Ada Lovelace", "Carl Gauss", "Dora O'Neil"}),
        ("2024-05", None, {"Ada Lovelace", "Dora O'Neil"}),
        ("2024-05-15", None, {"Dora O'Neil"}),
        (None, "2023", {"Blaise Pascal"}),
        (None, "2024-05", ALL),
        (None, "2024-05-30", {"Ada Lovelace", "Blaise Pascal", "Carl Gauss"}),
        ("2024-05-14", "2024-05-14", {"Ada Lovelace"}),
        ("2023-12", "2024-04", {"Carl Gauss"}),
        ("2025", None, set()),
    ],
)
def test_since_and_until_take_a_year_a_month_or_a_day_inclusively(reported, since, until, expected):
    assert people(reported, since=since, until=until) == expected


def test_kind_keeps_one_kind_of_departure(reported):
    assert people(reported, kind="dismissal") == {"Blaise Pascal"}
    assert people(reported, kind="resignation") == {"Ada Lovelace", "Dora O'Neil"}
    assert people(reported, kind="departure") == {"Carl Gauss"}


def test_person_matches_part_of_a_name_in_any_case(reported):
    assert people(reported, person="ada") == {"Ada Lovelace"}
    assert people(reported, person="O'NEIL") == {"Dora O'Neil"}


def test_filters_combine(reported):
    assert people(reported, organization="OpenAI", since="2024", kind="resignation") == {
        "Ada Lovelace"
    }
    assert people(reported, organization="OpenAI", kind="dismissal") == set()


@pytest.mark.parametrize(
    "filters",
    [
        {"organization": "OpenAI' or '1'='1"},
        {"organization": "x'); drop table articles; --"},
        {"person": "' or 1=1 --"},
        {"person": "%"},
        {"person": "_"},
        {"kind": "dismissal' or kind is not null or kind = '"},
    ],
    ids=lambda f: next(iter(f.values())),
)
def test_sql_looking_values_are_data(reported, filters):
    assert people(reported, **filters) == set()
    assert count(reported.engine, "articles") == 7


def test_dissolutions_filter_by_org_and_date(reported):
    def teams(**filters):
        return {r["team"] for r in run_view(reported.engine, "dissolutions", Filters(**filters))}

    assert teams() == {"Superalignment", "Responsible AI"}
    assert teams(organization="Facebook") == {"Responsible AI"}
    assert teams(since="2024") == {"Superalignment"}
    assert teams(until="2023-11") == {"Responsible AI"}


def test_departures_by_lab_filter_by_year(reported):
    found = run_view(reported.engine, "departures-by-lab", Filters(since="2024", until="2024"))
    assert {(r["organization"], r["year"], r["departures"]) for r in found} == {
        ("OpenAI", 2024, 1),
        ("Google", 2024, 1),
        ("Anthropic", 2024, 1),
    }


def test_departures_come_newest_first(reported):
    found = run_view(reported.engine, "departures", Filters())
    assert [r["person"] for r in found] == [
        "Dora O'Neil",
        "Ada Lovelace",
        "Carl Gauss",
        "Blaise Pascal",
    ]


@pytest.mark.parametrize("value", ["2024-13", "yesterday", "24", "2024-02-30", "2024/05"])
def test_a_date_filter_that_is_not_a_date_is_refused(value):
    with pytest.raises(QueryError, match="invalid date"):
        parse_period(value, end=False)


# --- through the CLI: formats and errors


def test_json_is_one_array_of_departures_with_their_article_count(reported):
    result = query(reported, "departures", "--format", "json")
    assert result.exit_code == 0, result.output
    found = json.loads(result.stdout)
    assert isinstance(found, list) and len(found) == 4
    for row in found:
        assert {"person", "organization", "kind", "date", "article_count"} <= set(row)
    [ada] = [row for row in found if row["person"] == "Ada Lovelace"]
    assert (ada["organization"], ada["kind"], ada["date"], ada["article_count"]) == (
        "OpenAI",
        "resignation",
        "2024-05-14",
        2,
    )


def test_json_dissolutions_carry_team_organization_and_date(reported):
    result = query(reported, "dissolutions", "--format", "json", "--org", "OpenAI")
    assert result.exit_code == 0, result.output
    [row] = json.loads(result.stdout)
    assert (row["team"], row["organization"], row["date"]) == (
        "Superalignment",
        "OpenAI",
        "2024-05-17",
    )


@pytest.mark.parametrize(
    "view",
    ["departures", "dissolutions", "hirings", "departures-by-lab", "people-moves", "sources"],
)
def test_every_view_prints_as_json(reported, view):
    result = query(reported, view, "--format", "json")
    assert result.exit_code == 0, result.output
    assert isinstance(json.loads(result.stdout), list)


def test_csv_has_a_header_and_one_line_per_departure(reported):
    result = query(reported, "departures", "--format", "csv", "--kind", "resignation")
    assert result.exit_code == 0, result.output
    found = list(csv.DictReader(io.StringIO(result.stdout)))
    assert {row["person"] for row in found} == {"Ada Lovelace", "Dora O'Neil"}
    assert {"person", "organization", "kind", "date", "article_count"} <= set(found[0])


def test_table_shows_each_departure_and_the_row_count(reported):
    result = query(reported, "departures", "--org", "Facebook")
    assert result.exit_code == 0, result.output
    assert "Blaise Pascal" in result.stdout and "dismissal" in result.stdout
    assert "Ada Lovelace" not in result.stdout
    assert result.stdout.endswith("\n1 row\n")


def test_cli_filters_reach_the_query(reported):
    result = query(
        reported, "departures", "--since", "2024-05", "--until", "2024-05-20", "--format", "json"
    )
    assert [row["person"] for row in json.loads(result.stdout)] == ["Ada Lovelace"]
    result = query(reported, "departures", "--person", "neil", "--format", "json")
    assert [row["person"] for row in json.loads(result.stdout)] == ["Dora O'Neil"]
    result = query(reported, "departures", "--limit", "1", "--format", "json")
    assert len(json.loads(result.stdout)) == 1


def test_an_invalid_date_is_a_one_line_usage_error(reported):
    result = query(reported, "departures", "--since", "last week")
    assert result.exit_code == 2
    assert result.output.strip() == (
        "error: invalid date 'last week': use YYYY, YYYY-MM or YYYY-MM-DD"
    )


def test_an_unknown_kind_is_refused(reported):
    result = query(reported, "departures", "--kind", "promotion")
    assert result.exit_code == 2
