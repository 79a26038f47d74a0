"""The views issue 16 adds: a focus for each dissolved team, the safety teams among them, and
careers; on hand-made reports, on both backends."""

import datetime

import pytest
from sqlalchemy import text

from pipeline.extract.team_focus import is_safety_family
from pipeline.store import schema
from tests.helpers import departure, dissolution, event, hiring, person, store_report

FOCI = ("safety", "ethics", "alignment", "policy", "research", "product", "other")


def plain(value):
    return value.isoformat() if isinstance(value, datetime.date) else value


def rows(engine, sql: str, **params) -> list[dict]:
    with engine.connect() as connection:
        result = connection.execute(text(sql), params)
        return [{k: plain(v) for k, v in row._mapping.items()} for row in result]


@pytest.fixture(scope="module")
def reported(module_db):
    engine = module_db.engine
    # one team per focus
    for number, focus in enumerate(FOCI, 1):
        store_report(
            engine, dissolution(f"Team {focus}", "Vega", date=f"2024-0{number}", focus=focus)
        )
    # the focus most articles give wins, and a specific one beats "other"
    for focus in ("ethics", "safety", "safety"):
        store_report(engine, dissolution("Boussole", "Aquilon", date="2024-06", focus=focus))
    for focus in ("other", "other", "policy"):
        store_report(engine, dissolution("Périscope", "Baobab", date="2026-02", focus=focus))
    # a career: left OpenAI, joined Anthropic the same month, went back to OpenAI later
    store_report(
        engine,
        hiring("Ada Lovelace", "Anthropic", date="2024-05"),
        departure("Ada Lovelace", "OpenAI", "resignation", date="2024-05-14"),
        published="2024-05-20",
    )
    store_report(
        engine,
        event("return", person("Ada Lovelace"), "OpenAI", date="2025-02"),
        published="2025-02-03",
    )
    # an undated departure sits at the month it was first reported
    store_report(engine, departure("Blaise Pascal", "Meta", "dismissal"), published="2023-11-20")
    store_report(engine, hiring("Blaise Pascal", "Mistral AI", date="2024-01"))
    return engine


def test_each_dissolution_has_the_focus_its_articles_give(reported):
    focus = {
        row["team"]: row["focus"] for row in rows(reported, "select team, focus from dissolutions")
    }
    assert {team: focus[team] for team in focus if team.startswith("Team ")} == {
        f"Team {name}": name for name in FOCI
    }
    assert focus["Boussole"] == "safety"
    assert focus["Périscope"] == "policy"


def test_event_sources_keep_each_article_focus_and_language(reported):
    found = rows(
        reported,
        "select focus, article_lang from event_sources where subject = 'Boussole' order by focus",
    )
    assert found == [
        {"focus": "ethics", "article_lang": "fr"},
        {"focus": "safety", "article_lang": "fr"},
        {"focus": "safety", "article_lang": "fr"},
    ]


def test_safety_team_dissolutions_are_the_safety_ethics_alignment_and_policy_teams(reported):
    everything = rows(reported, "select * from dissolutions")
    safety = rows(reported, "select * from safety_team_dissolutions")
    assert sorted(row["team"] for row in safety) == sorted(
        row["team"] for row in everything if is_safety_family(row["focus"])
    )
    assert {row["focus"] for row in safety} == {"safety", "ethics", "alignment", "policy"}
    assert len(safety) == 6  # four teams, Boussole (safety) and Périscope (policy)


def test_dissolutions_and_departures_have_a_year_to_group_by(reported):
    years = rows(reported, "select team, year from dissolutions where team = 'Périscope'")
    assert years == [{"team": "Périscope", "year": 2026}]
    years = rows(reported, "select year from departures where person = 'Blaise Pascal'")
    assert years == [{"year": None}]


def career(engine, name: str) -> list[tuple]:
    return [
        (row["step"], row["move"], row["organization"], row["kind"], row["date"])
        for row in rows(
            engine,
            "select step, move, organization, kind, date from careers "
            "where person = :person order by step",
            person=name,
        )
    ]


def test_a_career_is_numbered_in_date_order_leaving_before_joining_in_one_month(reported):
    assert career(reported, "Ada Lovelace") == [
        (1, "left", "OpenAI", "resignation", "2024-05-14"),
        (2, "joined", "Anthropic", None, "2024-05"),
        (3, "returned to", "OpenAI", None, "2025-02"),
    ]


def test_an_undated_move_sits_at_the_month_it_was_first_reported(reported):
    assert career(reported, "Blaise Pascal") == [
        (1, "left", "Meta", "dismissal", None),
        (2, "joined", "Mistral AI", None, "2024-01"),
    ]


def test_careers_link_each_move_to_its_evidence(reported):
    keys = rows(
        reported,
        "select careers.event_type, count(event_sources.sentence) as sentences from careers "
        "join event_sources on event_sources.event_key = careers.event_key "
        "where careers.person = 'Ada Lovelace' group by careers.event_type order by 1",
    )
    assert keys == [
        {"event_type": "departure", "sentences": 1},
        {"event_type": "hiring", "sentences": 1},
        {"event_type": "return", "sentences": 1},
    ]


# --- the migration


def test_the_migration_gives_stored_dissolutions_a_focus(db_url):
    """A database at 0005 with dissolutions stored before focus existed: upgrading reads the
    focus from each team's name and reporting sentence."""
    from pipeline.store.db import make_engine

    engine = make_engine(db_url)
    schema.upgrade(engine, "0005")
    with engine.begin() as connection:
        run = connection.execute(
            text(
                "insert into extraction_runs (extractor_version, command, started_at) "
                "values ('old', 'ingest', current_timestamp) returning id"
            )
        ).scalar_one()
        article = connection.execute(
            text(
                "insert into articles (content_hash, source, lang, text, ingested_at) "
                "values ('h1', 'a.txt', 'fr', 'texte', current_timestamp) returning id"
            )
        ).scalar_one()
        for name, kind, sentence in [
            ("Boussole", "team", "Aquilon a dissous Boussole, chargée de la sécurité des modèles."),
            ("Superalignment", "team", "OpenAI a dissous l'équipe Superalignment."),
            ("Ada Lovelace", "person", "Ada Lovelace a quitté OpenAI."),
        ]:
            subject = connection.execute(
                text(
                    "insert into entities (kind, name, key) values (:kind, :name, :key) "
                    "returning id"
                ),
                {"kind": kind, "name": name, "key": name.lower()},
            ).scalar_one()
            connection.execute(
                text(
                    "insert into events (article_id, run_id, extractor_version, event_type, "
                    "subject_id, sentence, sentence_start, sentence_end) values (:article, "
                    ":run, 'old', :type, :subject, :sentence, 0, 10)"
                ),
                {
                    "article": article,
                    "run": run,
                    "type": "departure" if kind == "person" else "dissolution",
                    "subject": subject,
                    "sentence": sentence,
                },
            )
    schema.upgrade(engine)
    assert sorted(
        (row["team"], row["focus"]) for row in rows(engine, "select * from dissolutions")
    ) == [
        ("Boussole", "safety"),
        ("Superalignment", "alignment"),
    ]
    assert rows(engine, "select focus from events where event_type = 'departure'") == [
        {"focus": None}
    ]
    schema.downgrade(engine, "0005")
    schema.upgrade(engine)
    engine.dispose()
