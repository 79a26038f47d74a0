"""The saved views on hand-made reports, so that every merged row is known exactly."""

import datetime
import decimal

import pytest
from sqlalchemy import text

from tests.helpers import departure, dissolution, hiring, store_report


@pytest.fixture(scope="module")
def reported(module_db):
    """Articles reporting known events, one person (or team) per scenario."""
    engine = module_db.engine
    # the same departure in two articles: a vague generic report and a precise resignation
    store_report(
        engine, departure("Ada Lovelace", "OpenAI", date="2024-05"), published="2024-05-15"
    )
    store_report(
        engine,
        departure("Ada Lovelace", "OpenAI", "resignation", date="2024-05-14", role="chercheuse"),
        hiring("Ada Lovelace", "Anthropic", date="2024-05-28"),
        published="2024-05-20",
        title="Ada Lovelace rejoint Anthropic",
        url="https://example.fr/ada",
    )
    # kinds: the kind more articles give wins among specific kinds; "departure" never beats them
    for kind in ("resignation", "resignation", "dismissal", "departure", "departure", "departure"):
        store_report(engine, departure("Blaise Pascal", "Google", kind, date="2023"))
    # dates: the best-supported, most precise date wins over a precise outlier
    for date in ("2024-05", "2024-05", "2024-05-14", "2024-06-02"):
        store_report(engine, departure("Carl Gauss", "Meta", date=date))
    # different years are different departures
    store_report(engine, departure("Dora Maar", "Anthropic", date="2022"))
    store_report(engine, departure("Dora Maar", "Anthropic", date="2025-02"))
    # an undated report joins the only dated one
    store_report(engine, departure("Emil Artin", "xAI", date="2024-03"), published="2024-03-10")
    store_report(engine, departure("Emil Artin", "xAI"), published="2024-03-02")
    # a dismissal at OpenAI the same year, for the per-lab counts
    store_report(engine, departure("Félix Klein", "OpenAI", "dismissal", date="2024-11-02"))
    # a team dissolved, reported twice
    store_report(engine, dissolution("Superalignment", "OpenAI", date="2024-05"))
    store_report(engine, dissolution("Superalignment", "OpenAI", date="2024-05-17"))
    return engine


def plain(value):
    """Dates as ISO text and whole numbers as int, as SQLite gives them and PostgreSQL does not."""
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return int(value)
    return value


def rows(engine, sql: str, **params) -> list[dict]:
    with engine.connect() as connection:
        result = connection.execute(text(sql), params)
        return [{k: plain(v) for k, v in row._mapping.items()} for row in result]


def departures_of(engine, person: str) -> list[dict]:
    return rows(
        engine,
        "select person, organization, kind, role, date, date_precision, article_count, "
        "first_reported, last_reported from departures where person = :person order by date",
        person=person,
    )


def test_one_departure_reported_by_two_articles_is_one_row(reported):
    assert departures_of(reported, "Ada Lovelace") == [
        {
            "person": "Ada Lovelace",
            "organization": "OpenAI",
            "kind": "resignation",
            "role": "chercheuse",
            "date": "2024-05-14",
            "date_precision": "day",
            "article_count": 2,
            "first_reported": "2024-05-15",
            "last_reported": "2024-05-20",
        }
    ]


def test_the_kind_most_articles_give_wins_and_generic_departure_never_does(reported):
    [row] = departures_of(reported, "Blaise Pascal")
    assert (row["kind"], row["date"], row["date_precision"], row["article_count"]) == (
        "resignation",
        "2023",
        "year",
        6,
    )


def test_the_most_precise_date_the_reports_agree_on_wins(reported):
    [row] = departures_of(reported, "Carl Gauss")
    assert (row["date"], row["date_precision"], row["article_count"]) == ("2024-05-14", "day", 4)


def test_departures_in_different_years_are_different_rows(reported):
    found = departures_of(reported, "Dora Maar")
    assert [(r["date"], r["date_precision"], r["article_count"]) for r in found] == [
        ("2022", "year", 1),
        ("2025-02", "month", 1),
    ]


def test_an_undated_report_joins_the_only_dated_departure(reported):
    [row] = departures_of(reported, "Emil Artin")
    assert (row["date"], row["article_count"]) == ("2024-03", 2)
    assert (row["first_reported"], row["last_reported"]) == (
        "2024-03-02",
        "2024-03-10",
    )


def test_dissolutions_merge_the_reports_of_a_team(reported):
    assert rows(
        reported,
        "select team, organization, date, date_precision, article_count from dissolutions",
    ) == [
        {
            "team": "Superalignment",
            "organization": "OpenAI",
            "date": "2024-05-17",
            "date_precision": "day",
            "article_count": 2,
        }
    ]


def test_hirings_list_who_joined(reported):
    assert rows(reported, "select person, organization, event_type, date from hirings") == [
        {
            "person": "Ada Lovelace",
            "organization": "Anthropic",
            "event_type": "hiring",
            "date": "2024-05-28",
        }
    ]


def test_people_moves_link_a_departure_to_the_next_job(reported):
    assert rows(
        reported,
        "select left_organization, departure_kind, left_date, joined_organization, joined_as, "
        "joined_date from people_moves where person = 'Ada Lovelace'",
    ) == [
        {
            "left_organization": "OpenAI",
            "departure_kind": "resignation",
            "left_date": "2024-05-14",
            "joined_organization": "Anthropic",
            "joined_as": "hiring",
            "joined_date": "2024-05-28",
        }
    ]
    moved = rows(
        reported, "select joined_organization from people_moves where person = 'Carl Gauss'"
    )
    assert moved == [{"joined_organization": None}]


def test_departures_by_lab_count_per_organisation_and_year_by_kind(reported):
    found = rows(
        reported,
        "select organization, year, departures, resignations, dismissals, other_departures, "
        "article_count from departures_by_lab order by organization, year",
    )
    assert [tuple(r.values()) for r in found] == [
        ("Anthropic", 2022, 1, 0, 0, 1, 1),
        ("Anthropic", 2025, 1, 0, 0, 1, 1),
        ("Google", 2023, 1, 1, 0, 0, 6),
        ("Meta", 2024, 1, 0, 0, 1, 4),
        ("OpenAI", 2024, 2, 1, 1, 0, 3),
        ("xAI", 2024, 1, 0, 0, 1, 2),
    ]


def test_event_sources_give_one_row_per_report_with_its_article(reported):
    [merged] = rows(reported, "select event_key from departures where person = 'Ada Lovelace'")
    sources = rows(
        reported,
        "select event_key, event_type, subject, organization, kind, date, sentence, "
        "article_title, article_url, published_on from event_sources "
        "where subject = 'Ada Lovelace' and event_type = 'departure' order by published_on",
    )
    assert [(s["kind"], s["date"], s["published_on"]) for s in sources] == [
        ("departure", "2024-05", "2024-05-15"),
        ("resignation", "2024-05-14", "2024-05-20"),
    ]
    assert {s["event_key"] for s in sources} == {merged["event_key"]}
    assert sources[1]["article_title"] == "Ada Lovelace rejoint Anthropic"
    assert sources[1]["article_url"] == "https://example.fr/ada"
    assert all("Ada Lovelace" in s["sentence"] for s in sources)


def test_every_departure_is_counted_once_across_the_views(reported):
    [total] = rows(reported, "select count(*) as n from departures")
    [by_lab] = rows(reported, "select sum(departures) as n from departures_by_lab")
    assert total["n"] == by_lab["n"] == 7
