"""Answers a person reads at a glance in a terminal: tables that fit 80 and 200 columns without
cutting a value mid-word or mid-date, --columns and --wide, Markdown, one-line usage errors,
-q/-v on either side of the command, the progress bar, grammatical summaries, and organisations
that are close to a --org that matches nothing."""

import fcntl
import json
import os
import pty
import re
import select
import struct
import subprocess
import sys
import termios
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.outputs.table import ELLIPSIS, render_table
from tests.helpers import SEEDS_DIR, departure, dissolution, store_report

PIPELINE = str(Path(sys.executable).parent / "pipeline")
LONG_NAME = "Jean-Baptiste « JB » Rolland de la Tour-Maubourg"
LONG_LAB = "Institut Européen pour l'Intelligence Artificielle Responsable"
ANSI = re.compile(r"\x1b\[")


@pytest.fixture(scope="module")
def reported(module_db):
    engine = module_db.engine
    store_report(
        engine,
        departure(LONG_NAME, LONG_LAB, "dismissal", date="2025-06-10", role="directeur"),
        departure("Jan Leike", "OpenAI", "resignation", date="2024-05"),
        dissolution("Superalignment", "OpenAI", date="2024-05", focus="alignment"),
        dissolution("Python", "Google", date="2024-04", focus="other"),
        dissolution("Boussole", "Aquilon", date="2024-06", focus="safety"),
        published="2025-06-12",
    )
    store_report(engine, departure("Jan Leike", "OpenAI", "resignation", date="2024-05-17"))
    for _ in range(11):
        store_report(engine, departure("Ada Lovelace", "OpenText", date="2023-02"))
    return module_db


def env(**extra: str) -> dict[str, str]:
    base = {k: v for k, v in os.environ.items() if k not in ("PIPELINE_DB_URL", "COLUMNS")}
    return base | extra


def run(*args: str, columns: int | None = None) -> subprocess.CompletedProcess:
    """The real `pipeline` command with its output piped (as in `pipeline ... | less`)."""
    extra = {"COLUMNS": str(columns)} if columns else {}
    return subprocess.run(
        [PIPELINE, *args], capture_output=True, text=True, env=env(**extra), timeout=120
    )


def in_terminal(*args: str, columns: int) -> str:
    """The real `pipeline` command in a pseudo-terminal `columns` wide; what it shows."""
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 50, columns, 0, 0))
    process = subprocess.Popen(
        [PIPELINE, *args], stdin=follower, stdout=follower, stderr=follower, env=env()
    )
    os.close(follower)
    shown = b""
    while True:
        ready, _, _ = select.select([leader], [], [], 120)
        if not ready:
            break
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the command ended and closed the terminal
            break
        if not chunk:
            break
        shown += chunk
    process.wait(timeout=120)
    os.close(leader)
    return shown.decode("utf-8").replace("\r\n", "\n")


def table_lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if line and not re.fullmatch(r"\d+ rows?", line)]


def assert_whole_or_cut_after_a_word(shown: str, value: str) -> None:
    shown = shown.strip()
    if shown == value:
        return
    assert shown.endswith(ELLIPSIS), (shown, value)
    kept = shown[: -len(ELLIPSIS)]
    assert value.startswith(kept), (shown, value)
    assert value[len(kept)] in " ,;:-", f"{value!r} cut inside a word: {shown!r}"


# --- tables that fit


@pytest.mark.parametrize("columns", [80, 200])
def test_departures_fit_the_width_with_values_whole_or_cut_after_a_word(reported, columns):
    result = run("query", "departures", "--db", reported.url, columns=columns)
    assert result.returncode == 0, result.stderr
    lines = table_lines(result.stdout)
    assert all(len(line) <= columns for line in lines), result.stdout
    header, rule, *rows = lines
    assert header.split() == ["person", "organization", "kind", "date", "articles"]
    starts = [match.start() for match in re.finditer(r"-+", rule)]
    by_person = {}
    for line in rows:
        cells = [line[a:b].strip() for a, b in zip(starts, [*starts[1:], None], strict=True)]
        by_person[cells[0].rstrip(ELLIPSIS)] = cells
    [long] = [cells for person, cells in by_person.items() if LONG_NAME.startswith(person)]
    assert_whole_or_cut_after_a_word(long[0], LONG_NAME)
    assert_whole_or_cut_after_a_word(long[1], LONG_LAB)
    assert long[2:] == ["dismissal", "2025-06-10", "1"], "kinds, dates and counts are never cut"
    if columns == 200:
        assert long[:2] == [LONG_NAME, LONG_LAB]
    else:
        assert long[1].endswith(ELLIPSIS)


def test_numbers_are_right_aligned_under_their_header(reported):
    lines = table_lines(run("query", "departures", "--db", reported.url, columns=80).stdout)
    header, _, *rows = lines
    end = header.index("articles") + len("articles")
    assert all(len(row) == end and row[-1].isdigit() for row in rows), lines
    assert any(row.endswith("11") for row in rows)


def test_departures_by_lab_right_aligns_postgresql_sums_too(reported):
    result = run("query", "departures-by-lab", "--db", reported.url, columns=80)
    header, _, *rows = table_lines(result.stdout)
    end = header.index("articles") + len("articles")
    assert {row[end - 2 : end] for row in rows} == {" 1", " 2", "11"}, result.stdout


def test_piped_output_without_a_width_keeps_whole_values_aligned_and_plain(reported):
    result = run("query", "departures", "--db", reported.url)
    assert not ANSI.search(result.stdout)
    header, rule, *rows = table_lines(result.stdout)
    assert LONG_NAME in result.stdout and LONG_LAB in result.stdout
    starts = [match.start() for match in re.finditer(r"-+", rule)]
    assert [header.index(name) for name in ("person", "organization", "kind")] == starts[:3]
    for row in rows:
        assert all(row[start - 2 : start] == "  " for start in starts[1:4]), row


def test_an_80_column_terminal_gets_a_table_that_fits(reported):
    shown = in_terminal("query", "departures", "--db", reported.url, columns=80)
    lines = table_lines(shown)
    assert lines[0].split() == ["person", "organization", "kind", "date", "articles"]
    assert all(len(line) <= 80 for line in lines), shown
    assert "2025-06-10" in shown and "dismissal" in shown


def test_sources_show_one_line_per_sentence_at_80_columns(reported):
    result = run("query", "sources", "--db", reported.url, columns=80)
    lines = table_lines(result.stdout)
    sentences = len(json.loads(run("query", "sources", "--db", reported.url, "-f", "json").stdout))
    assert sentences == 17
    assert len(lines) == 2 + sentences  # header, rule, one line per evidence sentence
    assert all(len(line) <= 80 for line in lines)


def test_render_table_gives_up_columns_for_blocks_when_they_cannot_fit():
    row = {"person": LONG_NAME, "organization": LONG_LAB, "kind": "dismissal", "date": "2025-06"}
    blocks = render_table([row], list(row), 30)
    lines = blocks.splitlines()
    assert lines[0].startswith("-[ 1 ]") and all(len(line) <= 30 for line in lines)
    values = " ".join(line[len("organization  ") :] for line in lines[1:])
    assert values.split() == " ".join(row.values()).split(), "wrapped between words only"


# --- --columns, --wide, markdown


def test_columns_chooses_and_orders_the_columns(reported):
    result = run("query", "departures", "--db", reported.url, "--columns", "date,person")
    assert table_lines(result.stdout)[0].split() == ["date", "person"]
    result = run(
        "query", "departures", "--db", reported.url, "--columns", "person", "--format", "csv"
    )
    assert result.stdout.splitlines()[0] == "person"


def test_an_unknown_column_is_one_line(reported):
    result = run("query", "dissolutions", "--db", reported.url, "--columns", "team,colour")
    assert result.returncode == 2
    assert result.stderr == (
        "error: --columns: no column 'colour'; choose from team, organization, focus, date, "
        "year, date_precision, article_count, first_reported, last_reported, event_key\n"
    )


def test_wide_shows_every_column_and_at_80_columns_one_block_per_row(reported):
    result = run("query", "departures", "--db", reported.url, "--wide", columns=200)
    assert "event_key" in table_lines(result.stdout)[0]
    result = run("query", "departures", "--db", reported.url, "--wide", columns=80)
    lines = result.stdout.splitlines()
    assert lines[0].startswith("-[ 1 ]") and all(len(line) <= 80 for line in lines)
    assert any(line.startswith("event_key") for line in lines)
    assert any(LONG_LAB in line for line in lines), "a block keeps a value that fits whole"


def test_markdown_for_an_article_draft(reported):
    result = run(
        "query", "dissolutions", "--db", reported.url, "--format", "markdown", "--org", "OpenAI"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == (
        "| team | organization | focus | date | articles |\n"
        "| --- | --- | --- | --- | ---: |\n"
        "| Superalignment | OpenAI | alignment | 2024-05 | 1 |\n"
    )


# --- focus


def test_dissolutions_filter_by_focus(reported):
    def teams(*args: str) -> list[str]:
        result = run("query", "dissolutions", "--db", reported.url, "--format", "csv", *args)
        assert result.returncode == 0, result.stderr
        return sorted(line.split(",")[0] for line in result.stdout.splitlines()[1:])

    assert teams("--focus", "safety") == ["Boussole"]
    assert teams("--focus", "safety,alignment") == ["Boussole", "Superalignment"]
    assert teams() == ["Boussole", "Python", "Superalignment"]


# --- usage errors in one line


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (
            ["query", "departures", "--format", "xml"],
            "--format must be table, json, csv or markdown",
        ),
        (
            ["query", "departures", "--kind", "promotion"],
            "--kind must be resignation, dismissal or departure",
        ),
        (["query", "departures", "--limit", "0"], "--limit must be a whole number of at least 1"),
        (["query", "departures", "--limit", "ten"], "--limit must be a whole number of at least 1"),
        (
            ["query", "dissolutions", "--focus", "security"],
            "--focus must be safety, ethics, alignment, policy, research, product or other "
            "(several with commas: safety,ethics)",
        ),
        (["query", "departures", "--fomat", "json"], "no option --fomat; did you mean --format?"),
        (["query", "person"], "missing NAME (see pipeline query person --help)"),
        (["report", "--lang", "de"], "--lang must be fr or en"),
        (["querry"], "no such command 'querry'; did you mean query?"),
        (["frobnicate"], "no such command 'frobnicate' (see pipeline --help)"),
    ],
)
def test_a_bad_value_is_one_line_in_the_projects_words(arguments, message):
    result = run(*arguments)
    assert result.returncode == 2
    assert result.stderr == f"error: {message}\n"
    assert result.stdout == ""


@pytest.mark.parametrize("arguments", [[], ["query"]])
def test_a_group_without_a_command_shows_its_help(arguments):
    result = run(*arguments)
    assert result.returncode == 2
    assert result.stderr.startswith(
        f"Usage: {' '.join(['pipeline', *arguments])} [OPTIONS] COMMAND"
    )
    assert "error" not in result.stderr.splitlines()[0]


# --- -q and -v, before or after the command


def test_quiet_and_verbose_work_after_the_command_name(reported):
    loud = run("query", "departures", "--db", reported.url)
    quiet_after = run("query", "departures", "--db", reported.url, "-q")
    quiet_before = run("-q", "query", "departures", "--db", reported.url)
    assert loud.stdout.endswith("\n3 rows\n")
    assert quiet_after.stdout == quiet_before.stdout == loud.stdout.removesuffix("3 rows\n")
    verbose = run("query", "departures", "--db", reported.url, "--verbose")
    assert verbose.returncode == 0 and verbose.stdout == loud.stdout


def test_verbose_after_the_command_shows_the_detail(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Rien à signaler.", encoding="utf-8")
    database = str(tmp_path / "v.db")
    assert "INFO" not in run("ingest", str(article), "--db", database).stderr
    assert "INFO read 1 inputs" in run("ingest", str(article), "--db", database, "-v").stderr


# --- ingest: progress bar and summary


def test_the_ingest_progress_bar_shows_the_total_and_the_time_left(tmp_path):
    seeds = len(list(SEEDS_DIR.glob("*.txt")))
    shown = in_terminal(
        "ingest", str(SEEDS_DIR), "--db", str(tmp_path / "p.db"), "--batch-size", "1", columns=120
    )
    plain = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", shown)
    assert re.search(rf"ingesting \S* 0/{seeds} inputs · elapsed", plain), "the total is known"
    done = rf" {seeds}/{seeds} inputs · elapsed \d:\d\d:\d\d · eta \d:\d\d:\d\d"
    assert re.search(done, plain), plain
    assert f"{seeds} new, 0 already stored, 0 failed;" in shown


def test_the_ingest_summary_is_grammatical(tmp_path, extractor):
    article = tmp_path / "one.txt"
    article.write_text("Ada Lovelace a quitté OpenAI en mai 2024.", encoding="utf-8")
    database = str(tmp_path / "one.db")
    first = CliRunner().invoke(app, ["ingest", str(article), "--db", database])
    assert first.stdout == "1 new, 0 already stored, 0 failed; 1 event found\n"
    again = CliRunner().invoke(app, ["ingest", str(article), "--db", database])
    assert again.stdout == "0 new, 1 already stored, 0 failed; 0 events found\n"


def test_count_inputs_counts_files_and_jsonl_lines(tmp_path):
    from pipeline.inputs.sources import count_inputs, read_sources

    (tmp_path / "a.txt").write_text("Un article.", encoding="utf-8")
    (tmp_path / "dump.jsonl").write_text('{"text": "x"}\n\n{"text": "y"}\n', encoding="utf-8")
    paths = [str(tmp_path), str(tmp_path / "missing.txt")]
    assert count_inputs(paths) == len(list(read_sources(paths))) == 4


# --- --org that matches nothing


def test_an_org_that_matches_nothing_names_the_close_ones_on_stderr(reported):
    result = run("query", "departures", "--db", reported.url, "--org", "Open")
    assert result.returncode == 0
    assert result.stderr == "no organisation 'Open'; did you mean OpenAI, OpenText?\n"
    assert result.stdout == "0 rows\n"
    result = run("query", "departures", "--db", reported.url, "--org", "Googel")
    assert result.stderr == "no organisation 'Googel'; did you mean Google?\n"
    result = run("query", "departures", "--db", reported.url, "--org", "Zork")
    assert result.stderr == "no organisation 'Zork' in the database\n"


def test_a_known_org_with_no_rows_says_nothing(reported):
    result = run("query", "dissolutions", "--db", reported.url, "--org", "OpenText")
    assert (result.stdout, result.stderr) == ("0 rows\n", "")
