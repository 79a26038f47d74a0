"""The `pipeline` command as a user meets it: help, docs, the main job, and database errors."""

import itertools
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import typer.main
from typer.testing import CliRunner

from pipeline.cli import app
from tests.helpers import ROOT, SEEDS_DIR

runner = CliRunner()
PIPELINE = str(Path(sys.executable).parent / "pipeline")
SECRET = "S3cr3t-pw"


def command_paths(command=None, path=()) -> list[tuple[str, ...]]:
    """Every command and group under `pipeline`, as the words a user types after `pipeline`."""
    command = command or typer.main.get_command(app)
    paths = [path]
    if hasattr(command, "list_commands"):
        context = command.context_class(command)
        for name in command.list_commands(context):
            paths += command_paths(command.get_command(context, name), (*path, name))
    return paths


ALL_COMMANDS = command_paths()
LEAF_COMMANDS = [
    p for p in ALL_COMMANDS if p and not any(o[: len(p)] == p != o for o in ALL_COMMANDS)
]


def one_line(text: str) -> str:
    return " ".join(text.split())


def subprocess_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PIPELINE_DB_URL"}
    env["PATH"] = f"{Path(PIPELINE).parent}{os.pathsep}{env.get('PATH', '')}"
    return {**env, **extra}


# --- help and docs


def test_the_cli_has_the_commands_the_issue_names():
    assert {("ingest",), ("reprocess",), ("query", "departures"), ("query", "dissolutions")} <= set(
        ALL_COMMANDS
    )
    assert {("db", "upgrade"), ("db", "downgrade"), ("db", "current")} <= set(ALL_COMMANDS)


@pytest.mark.parametrize("path", ALL_COMMANDS, ids=lambda p: " ".join(("pipeline", *p)))
def test_help_says_what_the_command_does_with_an_example(path):
    result = runner.invoke(app, [*path, "--help"])
    assert result.exit_code == 0, result.output
    description = result.output.split("Options:")[0].split("\n", 1)[1]
    sentences = [
        paragraph
        for paragraph in map(one_line, description.split("\n\n"))
        if re.match(r"[A-Z][^.]*( \S+){3,}\.", paragraph) and not paragraph.startswith("Example")
    ]
    assert sentences, f"no sentence in the help of {path}"
    assert f"Example: {' '.join(('pipeline', *path))}" in one_line(result.output)


def documented_commands(readme: str) -> set[tuple[str, ...]]:
    """Command paths written as `pipeline WORD...` in the README; `a|b` lists alternatives, as in
    `pipeline db upgrade|downgrade|current`."""
    found = set()
    for match in re.finditer(r"pipeline((?: [\w-]+(?:\|[\w-]+)*)+)", readme.replace("\\|", "|")):
        found.update(itertools.product(*(word.split("|") for word in match.group(1).split())))
    return found


@pytest.mark.parametrize("path", LEAF_COMMANDS, ids=" ".join)
def test_every_command_is_documented_in_the_readme(path):
    readme = ROOT / "README.md"
    assert readme.is_file(), "README.md is missing"
    documented = documented_commands(readme.read_text(encoding="utf-8"))
    assert any(words[: len(path)] == path for words in documented), f"pipeline {' '.join(path)}"


def test_version():
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert re.fullmatch(r"\d+\.\d+\.\d+\S*", result.output.strip())


# --- the main job, as a user runs it


def test_ingest_the_seeds_then_query_departures_in_a_shell(tmp_path):
    shutil.copytree(SEEDS_DIR, tmp_path / "seeds")
    done = subprocess.run(
        ["bash", "-c", "pipeline ingest seeds/ && pipeline query departures"],
        cwd=tmp_path,
        env=subprocess_env(COLUMNS="200"),
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    seeds = len(list(SEEDS_DIR.glob("*.txt")))
    assert f"{seeds} new, 0 already stored, 0 failed" in done.stdout
    rows = int(re.search(r"^(\d+) rows?$", done.stdout, re.MULTILINE).group(1))
    assert rows > 0, done.stdout
    assert "person" in done.stdout and "organization" in done.stdout
    assert (tmp_path / "pipeline.db").is_file(), "the default database is ./pipeline.db"

    as_json = subprocess.run(
        [PIPELINE, "query", "departures", "--format", "json"],
        cwd=tmp_path,
        env=subprocess_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    found = json.loads(as_json.stdout)
    assert len(found) == rows
    assert all(row["person"] and row["article_count"] >= 1 for row in found)


def test_pipeline_db_url_environment_variable_chooses_the_database(tmp_path, monkeypatch):
    monkeypatch.setenv("PIPELINE_DB_URL", str(tmp_path / "from-env.db"))
    result = runner.invoke(app, ["db", "upgrade"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "from-env.db").is_file()


# --- database errors: one line, exit 3, no password


BAD_URLS = [
    f"postgresql+psycopg://pipeline:{SECRET}@127.0.0.1:1/nowhere",
    f"postgresql+psycopg://pipeline:{SECRET}@127.0.0.1:notaport/nowhere",
    f"postgresql+nosuchdriver://pipeline:{SECRET}@127.0.0.1/nowhere",
    f"nosuchdatabase://pipeline:{SECRET}@127.0.0.1/nowhere",
    "sqlite:////no/such/folder/pipeline.db",
]
COMMANDS = [["query", "departures"], ["reprocess"], ["db", "current"], ["db", "upgrade"]]


def assert_one_line_database_error(result):
    assert result.exit_code == 3, result.output
    assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit)
    [line] = result.output.strip().splitlines()
    assert line.startswith("error: ")
    assert SECRET not in result.output


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
@pytest.mark.parametrize("url", BAD_URLS)
def test_a_wrong_database_url_is_a_one_line_error_without_the_password(url, command):
    assert_one_line_database_error(runner.invoke(app, [*command, "--db", url]))


def test_a_wrong_url_in_the_environment_hides_its_password_too(monkeypatch):
    monkeypatch.setenv("PIPELINE_DB_URL", BAD_URLS[0])
    assert_one_line_database_error(runner.invoke(app, ["-v", "query", "departures"]))


def test_a_wrong_password_on_a_real_server_is_a_one_line_error(pg_url):
    from sqlalchemy.engine import make_url

    wrong = make_url(pg_url).set(password=SECRET).render_as_string(hide_password=False)
    assert_one_line_database_error(runner.invoke(app, ["query", "departures", "--db", wrong]))


def test_a_wrong_database_url_fails_cleanly_in_a_real_process(write_article):
    path = write_article("a.txt", "Marie Curie a quitté OpenAI en mai 2024.")
    done = subprocess.run(
        [PIPELINE, "ingest", str(path), "--db", BAD_URLS[0]],
        env=subprocess_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 3
    assert done.stdout == ""
    [line] = done.stderr.strip().splitlines()
    assert line.startswith("error: ") and "127.0.0.1" in line
    assert "Traceback" not in done.stderr and SECRET not in done.stderr
