"""CLI habits: --format, --columns and --wide wherever rows are printed, exit codes in --help,
usage errors in one line, -q and -v on either side of the command, shell completion."""

import re
import subprocess
import sys
from pathlib import Path

import typer
from typer.testing import CliRunner

from pipeline import cli
from pipeline.cli import app

PIPELINE = str(Path(sys.executable).parent / "pipeline")

# Commands that print no rows: a one-line summary, a file, or a schema revision.
NO_ROWS = {
    "ingest",
    "reprocess",
    "report",
    "serve",
    "export",
    "doctor",
    "db upgrade",
    "db downgrade",
    "db current",
    "evaluate",  # scores: --format text or json
}


def leaf_commands(group, prefix: str = "") -> dict:
    """Every runnable command by its full name ("query departures"); Typer's groups have
    `commands` (Typer ships its own copy of click, so no isinstance)."""
    found = {}
    for name, command in group.commands.items():
        path = f"{prefix}{name}"
        if hasattr(command, "commands"):
            found.update(leaf_commands(command, f"{path} "))
        else:
            found[path] = command
    return found


def test_every_command_that_prints_rows_takes_format_columns_and_wide():
    commands = leaf_commands(typer.main.get_command(app))
    printing = {name for name in commands if name not in NO_ROWS}
    assert {"sql", "query departures", "query sources", "query person"} <= printing
    for name in printing:
        result = CliRunner().invoke(app, [*name.split(), "--help"], terminal_width=200)
        assert result.exit_code == 0, name
        assert re.search(r"--format [<\[]table\|json\|csv\|markdown[>\]]", result.stdout), name
        assert "[default: table]" in result.stdout, name
        assert "--columns" in result.stdout and "--wide" in result.stdout, name


def test_help_documents_every_exit_code():
    result = CliRunner().invoke(app, ["--help"], terminal_width=100)
    assert result.exit_code == 0
    text = result.stdout
    assert "Exit codes:" in text
    for code, meaning in [
        (0, "success"),
        (cli.EXIT_INPUT_FAILED, "some inputs could not be read"),
        (cli.EXIT_USAGE, "usage error"),
        (cli.EXIT_DATABASE, "database error"),
    ]:
        assert f"  {code}  {meaning}" in text


def test_usage_errors_exit_with_the_documented_code():
    result = CliRunner().invoke(app, ["query", "departures", "--format", "xml"])
    assert result.exit_code == cli.EXIT_USAGE
    result = CliRunner().invoke(app, ["no-such-command"])
    assert result.exit_code == cli.EXIT_USAGE


def complete(words: str) -> list[str]:
    environment = {
        "_PIPELINE_COMPLETE": "complete_bash",
        "COMP_WORDS": words,
        "COMP_CWORD": str(len(words.split(" ")) - 1),
    }
    result = CliRunner().invoke(app, [], env=environment, prog_name="pipeline")
    assert result.exit_code == 0, result.output
    return result.stdout.split()


def test_shell_completion_completes_commands_and_format_values():
    assert complete("pipeline qu") == ["query"]
    assert complete("pipeline query departures --format ") == ["table", "json", "csv", "markdown"]
    assert "--format" in complete("pipeline sql --fo")
    # Typer finds the shell from the parent processes, so the script is asked from bash itself
    # ("; true" keeps bash from exec-ing the command, which would leave no bash parent).
    shown = subprocess.run(
        ["bash", "-c", f"{PIPELINE} --show-completion; true"], capture_output=True, text=True
    )
    assert "_PIPELINE_COMPLETE=complete_bash" in shown.stdout, shown.stderr
