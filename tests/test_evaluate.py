"""`pipeline evaluate`: the database's views scored against a gold file with the project's
matching (the same figures as ../shared/eval/score.py), per rule with --by-rule, and bad gold
files refused in one line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.outputs.evaluate import evaluate, read_gold, score
from pipeline.outputs.query import run_view
from tests.helpers import departure, dissolution, store_report

runner = CliRunner()
SHARED_SCORER = Path(__file__).resolve().parents[2] / "shared" / "eval" / "score.py"

GOLD = [
    {"type": "departure", "person": "Ada Lovelace", "organization": ["OpenAI", "Open AI"],
     "kind": "resignation", "date": "2024-05"},
    {"type": "departure", "person": ["Blaise Pascal", "B. Pascal"], "organization": "Meta",
     "kind": "dismissal", "date": "2023"},
    {"type": "departure", "person": "Carl Gauss", "organization": "Google", "kind": "departure",
     "date": None},
    {"type": "departure", "person": "Dora Maar", "organization": "Apple", "kind": "departure",
     "date": None, "optional": True},
    {"type": "dissolution", "team": ["Superalignment", "équipe Superalignment"],
     "organization": "OpenAI", "date": "2024-05"},
]  # fmt: skip


@pytest.fixture(scope="module")
def reported(module_db):
    engine = module_db.engine
    store_report(
        engine,
        departure("Ada Lovelace", "OpenAI", "resignation", date="2024-05-14", rule="fr.r.a"),
        departure("Blaise Pascal", "Meta", "departure", date="2023-11", rule="fr.r.b"),
    )
    store_report(engine, departure("Blaise Pascal", "Meta", "departure", rule="fr.r.a"))
    store_report(engine, departure("Émile Zola", "Google", date="2024", rule="fr.r.b"))
    store_report(engine, departure("Dora Maar", "Apple", rule="fr.r.c"))
    store_report(engine, dissolution("Superalignment", "OpenAI", date="2024-05", rule="en.d.a"))
    return module_db


@pytest.fixture
def gold_file(tmp_path) -> Path:
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(json.dumps(g, ensure_ascii=False) for g in GOLD) + "\n", "utf-8")
    return path


def test_scores_count_pairs_with_lists_of_accepted_values_and_optional_rows(reported):
    result = evaluate(reported.engine, GOLD)
    departures = result.departures
    assert (departures.tp, departures.fp, departures.fn) == (2, 1, 1)
    assert departures.missed == ["Carl Gauss / Google"]
    assert departures.extra == ["emile zola / google"]
    assert departures.kind_accuracy == 0.5  # Pascal was dismissed, the reports say "departure"
    assert departures.date_strict == 0.0 and departures.date_lenient == 1.0
    assert (result.dissolutions.tp, result.dissolutions.fp, result.dissolutions.f1) == (1, 0, 1.0)


def test_each_rule_is_judged_by_the_pairs_its_evidence_supports(reported):
    rules = {r.rule: r for r in evaluate(reported.engine, GOLD).rules}
    assert (rules["fr.r.a"].fired, rules["fr.r.a"].right, rules["fr.r.a"].wrong) == (2, 2, 0)
    assert rules["fr.r.a"].alone == 1  # Lovelace; Pascal is also fr.r.b's
    assert (rules["fr.r.b"].right, rules["fr.r.b"].wrong, rules["fr.r.b"].precision) == (1, 1, 0.5)
    assert (rules["fr.r.c"].fired, rules["fr.r.c"].right, rules["fr.r.c"].wrong) == (1, 0, 0)


@pytest.mark.skipif(not SHARED_SCORER.exists(), reason="../shared/eval/score.py is not here")
def test_the_figures_are_those_of_the_projects_scorer(reported, gold_file, tmp_path):
    mine = evaluate(reported.engine, read_gold(gold_file))
    files = []
    for view in ("departures", "dissolutions"):
        path = tmp_path / f"{view}.json"
        path.write_text(json.dumps(run_view(reported.engine, view), default=str), "utf-8")
        files.append(str(path))
    shared = json.loads(
        subprocess.run(
            [sys.executable, str(SHARED_SCORER), str(gold_file), *files, "--json"],
            capture_output=True, text=True, check=True,
        ).stdout
    )  # fmt: skip
    for name, result in (("departures", mine.departures), ("dissolutions", mine.dissolutions)):
        for key in ("tp", "fp", "fn", "precision", "recall", "f1", "date_strict", "date_lenient"):
            assert getattr(result, key) == shared[name][key], (name, key)
        assert result.missed == shared[name]["missed"] and result.extra == shared[name]["extra"]
    assert mine.departures.kind_accuracy == shared["departures"]["kind_accuracy"]


def test_the_cli_prints_the_scores_and_the_rule_table(reported, gold_file):
    result = runner.invoke(app, ["evaluate", str(gold_file), "--by-rule", "--db", reported.url])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("departures: P=0.667 R=0.667 F1=0.667 (tp=2 fp=1 fn=1)")
    assert "  missed: Carl Gauss / Google" in lines
    header = next(line for line in lines if line.startswith("rule"))
    assert header.split() == ["rule", "fired", "right", "wrong", "precision", "alone"]
    assert any(line.split()[:4] == ["fr.r.b", "2", "1", "1"] for line in lines)
    as_json = runner.invoke(
        app, ["evaluate", str(gold_file), "--format", "json", "--db", reported.url]
    )
    assert json.loads(as_json.stdout)["dissolutions"]["f1"] == 1.0


def test_a_bad_gold_line_is_refused_with_its_file_and_line(tmp_path, sqlite_url):
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"type": "departure", "person": "A B", "organization": "C"}\n{oops\n')
    result = runner.invoke(app, ["evaluate", str(gold), "--db", sqlite_url])
    assert result.exit_code == 2
    assert result.stderr.strip() == f"error: {gold}:2: not JSON (Expecting property name " + (
        "enclosed in double quotes)"
    )
    missing = runner.invoke(app, ["evaluate", str(tmp_path / "none.jsonl"), "--db", sqlite_url])
    assert missing.exit_code == 2 and "none.jsonl" in missing.stderr


def test_rows_without_the_pair_keys_are_refused(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"type": "dissolution", "organization": "C"}\n')
    with pytest.raises(ValueError, match=r"gold.jsonl:1: a dissolution row needs 'team'"):
        read_gold(gold)


def test_a_found_pair_is_taken_by_one_gold_row_only():
    gold = [
        {"type": "departure", "person": "A B", "organization": "X", "kind": "departure"},
        {"type": "departure", "person": "A B", "organization": "X", "kind": "departure"},
    ]
    result = score(gold, [{"person": "A B", "organization": "X", "kind": "departure"}], "person")
    assert (result.tp, result.fn) == (1, 1)


def test_a_rule_whose_finds_are_all_unscored_shows_no_precision():
    from pipeline.outputs.evaluate import RuleScore, _rule_table

    table = _rule_table([RuleScore("fr.r.a", 1, 0, 0, 0), RuleScore("fr.r.b", 2, 1, 1, 1)])
    rows = {line.split()[0]: line.split() for line in table.splitlines()[1:]}
    assert rows["fr.r.a"][4] == "-" and rows["fr.r.b"][4] == "0.50"
