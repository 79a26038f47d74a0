"""`pipeline query person NAME`: one person's path from the careers view, the name matched
without accents or case, a surname alone when only one person has it; on both backends."""

import json

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.outputs.careers import PersonError, career, find_person, path_line
from tests.helpers import departure, event, hiring, person, store_report

runner = CliRunner(env={"COLUMNS": "100"})


@pytest.fixture(scope="module")
def reported(module_db):
    engine = module_db.engine
    store_report(
        engine,
        departure("Zoë Hitzig", "OpenAI", "resignation", date="2024-05-14"),
        hiring("Zoë Hitzig", "Anthropic", date="2024-05"),
        published="2024-05-20",
    )
    store_report(engine, event("return", person("Zoë Hitzig"), "OpenAI", date="2025-03"))
    store_report(engine, departure("Jan Leike", "OpenAI", "resignation", date="2024-05"))
    store_report(engine, departure("Anna Leike", "Google", date="2023"))
    store_report(engine, departure("Ilya Sutskever", "OpenAI", date="2024-05"))
    return module_db


@pytest.mark.parametrize(
    ("name", "found"),
    [
        ("Zoë Hitzig", "Zoë Hitzig"),
        ("zoe HITZIG", "Zoë Hitzig"),
        ("Hitzig", "Zoë Hitzig"),
        ("hitzig", "Zoë Hitzig"),
        ("Sutskever", "Ilya Sutskever"),
        ("jan leike", "Jan Leike"),
    ],
)
def test_a_name_or_a_surname_finds_the_person(reported, name, found):
    assert find_person(reported.engine, name) == found


def test_a_surname_several_people_have_is_refused_with_their_names(reported):
    with pytest.raises(PersonError) as refused:
        find_person(reported.engine, "Leike")
    assert str(refused.value) == "'Leike' names 2 people: Anna Leike, Jan Leike; give the full name"


def test_an_unknown_name_suggests_close_ones(reported):
    with pytest.raises(PersonError, match=r"^no person 'Hitzik'; did you mean Zoë Hitzig\?$"):
        find_person(reported.engine, "Hitzik")
    with pytest.raises(PersonError, match=r"^no person 'Marie Curie' in the database$"):
        find_person(reported.engine, "Marie Curie")


def test_the_career_is_in_date_order_and_reads_as_one_line(reported):
    moves = career(reported.engine, "Zoë Hitzig")
    assert [(m["step"], m["move"], m["organization"]) for m in moves] == [
        (1, "left", "OpenAI"),
        (2, "joined", "Anthropic"),
        (3, "returned to", "OpenAI"),
    ]
    assert path_line(moves) == (
        "left OpenAI (resignation, 2024-05-14) -> joined Anthropic (2024-05) -> "
        "returned to OpenAI (2025-03)"
    )
    assert path_line(moves, 40) == (
        "left OpenAI (resignation, 2024-05-14) ->\n"
        "joined Anthropic (2024-05) ->\n"
        "returned to OpenAI (2025-03)"
    )


def test_the_command_prints_the_name_the_path_and_the_moves(reported):
    result = runner.invoke(app, ["query", "person", "hitzig", "--db", reported.url])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[:3] == [
        "Zoë Hitzig",
        "left OpenAI (resignation, 2024-05-14) -> joined Anthropic (2024-05) -> returned to "
        "OpenAI (2025-03)",
        "",
    ]
    assert lines[3].split() == ["step", "move", "organization", "kind", "date", "articles"]
    assert lines[5].split() == ["1", "left", "OpenAI", "resignation", "2024-05-14", "1"]
    assert lines[7].split() == ["3", "returned", "to", "OpenAI", "2025-03", "1"]
    assert lines[-1] == "3 moves"


def test_the_command_gives_the_moves_as_json(reported):
    result = runner.invoke(
        app, ["query", "person", "SUTSKEVER", "--db", reported.url, "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    [move] = json.loads(result.stdout)
    assert (move["person"], move["move"], move["organization"], move["date"]) == (
        "Ilya Sutskever",
        "left",
        "OpenAI",
        "2024-05",
    )
    assert move["event_key"].startswith("departure:")


def test_an_ambiguous_name_is_a_one_line_usage_error(reported):
    result = runner.invoke(app, ["query", "person", "leike", "--db", reported.url])
    assert result.exit_code == 2
    assert result.stderr == (
        "error: 'leike' names 2 people: Anna Leike, Jan Leike; give the full name\n"
    )
    assert result.stdout == ""
