"""The `pipeline` command: parse options, call one library function, render. No SQL, no spaCy."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from pipeline import __version__
from pipeline.outputs.query import VIEWS, Filters, QueryError, run_view
from pipeline.outputs.render import Format, print_rows
from pipeline.store import schema
from pipeline.store.db import (
    DatabaseError,
    display_url,
    explain,
    make_engine,
    require_existing_database,
    resolve_url,
)

# Each command imports the library modules only it needs (ingest, report, doctor, sql...), so
# that a `pipeline query` from a script or a BI refresh does not pay for all of them at start-up.

EXIT_INPUT_FAILED = 1
EXIT_USAGE = 2
EXIT_DATABASE = 3
EXIT_PROBLEMS = 4
EXIT_INTERRUPTED = 130  # the shell's code for a command stopped by Ctrl-C
EPILOG = (
    "\b\nExit codes:\n"
    "  0  success\n"
    f"  {EXIT_INPUT_FAILED}  some inputs could not be read (each named on stderr), "
    "or the report could not be written\n"
    f"  {EXIT_USAGE}  usage error: unknown command or option, bad date, revision or folder\n"
    f"  {EXIT_DATABASE}  database error: cannot open or connect, schema newer than this "
    "pipeline, SQL refused\n"
    f"  {EXIT_PROBLEMS}  doctor found problems (each printed)\n"
    f"  {EXIT_INTERRUPTED}  stopped by Ctrl-C (what was stored is whole, and said)\n"
    "\n\b\nShell completion: pipeline --install-completion (bash, zsh, fish, PowerShell)"
)

app = typer.Typer(
    help=(
        "Turn AI-industry news (French first, English too) into a SQL database of departures "
        "and team dissolutions.\n\nExample: pipeline ingest seeds/ && pipeline query departures"
    ),
    epilog=EPILOG,
    no_args_is_help=True,
    rich_markup_mode=None,
)
query_app = typer.Typer(
    help="Answer from the saved views. Example: pipeline query departures --org OpenAI",
    no_args_is_help=True,
)
db_app = typer.Typer(
    help="Manage the schema (Alembic). Example: pipeline db current", no_args_is_help=True
)
app.add_typer(query_app, name="query")
app.add_typer(db_app, name="db")

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        help="Database URL or SQLite path [default: $PIPELINE_DB_URL, else ./pipeline.db]",
        show_default=False,
    ),
]
BatchSizeOption = Annotated[int, typer.Option(help="Articles per spaCy batch.", min=1)]
FormatOption = Annotated[Format, typer.Option("--format", "-f", help="Output format.")]
log = logging.getLogger("pipeline")


class ReportFormat(StrEnum):
    text = "text"
    json = "json"


class Kind(StrEnum):
    resignation = "resignation"
    dismissal = "dismissal"
    departure = "departure"


def _fail(message: str, code: int) -> typer.Exit:
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(code)


@contextmanager
def _database(url: str | None, *, write: bool = True, create: bool = False) -> Iterator[Engine]:
    """An engine at the current schema, with every database failure turned into one line. Only
    with `create` may a SQLite path that names no file become a new database."""
    engine = None
    try:
        if not create:
            require_existing_database(url)
        engine = make_engine(url, write=write)
        schema.ensure_current(engine)
        yield engine
    except DatabaseError as exc:
        raise _fail(str(exc), EXIT_DATABASE) from None
    except SQLAlchemyError as exc:
        raise _fail(_describe(exc, url), EXIT_DATABASE) from None
    finally:
        if engine is not None:
            engine.dispose()


def _describe(exc: SQLAlchemyError, url: str | None) -> str:
    original = getattr(exc, "orig", None) or exc
    first_line = explain((str(original).strip().splitlines() or [type(exc).__name__])[0])
    target = display_url(resolve_url(url))
    password = _password(url)
    if password:
        first_line = first_line.replace(password, "***")
    return f"database {target}: {first_line}"


def _password(url: str | None) -> str | None:
    from sqlalchemy.engine import make_url

    try:
        return make_url(resolve_url(url)).password
    except Exception:
        return None


def _print_version(wanted: bool) -> None:
    if wanted:
        typer.echo(__version__)
        raise typer.Exit()


@app.callback()
def main(
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Show progress detail.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Only errors (for cron).")] = False,
    version: Annotated[
        bool,
        typer.Option(
            "--version", help="Print the version.", callback=_print_version, is_eager=True
        ),
    ] = False,
) -> None:
    """Turn AI-industry news into a SQL database of departures and team dissolutions."""
    level = logging.ERROR if quiet else logging.DEBUG if verbose else logging.WARNING
    logging.basicConfig(level=level, format="%(levelname)s %(message)s", stream=sys.stderr)
    _STATE["quiet"] = quiet


_STATE: dict[str, bool] = {"quiet": False}


@contextmanager
def _progress(total_hint: str) -> Iterator[Callable[[int], None] | None]:
    if _STATE["quiet"] or not sys.stderr.isatty():
        yield None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    columns = (TextColumn(total_hint), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, transient=True) as progress:
        task = progress.add_task(total_hint, total=None)
        yield lambda n: progress.advance(task, n)


@app.command()
def ingest(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Files, folders, .jsonl and .csv dumps, RSS/Atom feeds, http(s) URLs, or - for "
            "stdin."
        ),
    ],
    db: DbOption = None,
    batch_size: BatchSizeOption = 64,
    workers: Annotated[
        int, typer.Option(help="Processes extracting in parallel (one NLP model each).", min=1)
    ] = 1,
    since_last: Annotated[
        bool,
        typer.Option(
            "--since-last",
            help="Only files changed, and feed items not read, since the last --since-last run on "
            "these folders and feeds (cron).",
        ),
    ] = False,
) -> None:
    """Read articles (text, Markdown, HTML pages, JSONL, CSV, feeds, URLs) and store what they
    report.

    Example: pipeline ingest seeds/ news.jsonl https://example.org/article.html
    """
    from pipeline.commands.ingest import ingest as run_ingest
    from pipeline.commands.watermarks import NotAFolderError, check_folders, ingest_since_last

    try:
        if since_last:
            check_folders(paths)
    except NotAFolderError as exc:
        raise _fail(str(exc), EXIT_USAGE) from None
    with _database(db, create=True) as engine, _progress("ingesting") as progress:
        if since_last:
            report = ingest_since_last(
                paths,
                engine=engine,
                batch_size=batch_size,
                on_progress=progress,
                workers=workers,
            )
        else:
            report = run_ingest(
                paths,
                engine=engine,
                stdin=sys.stdin.buffer if "-" in paths else None,
                batch_size=batch_size,
                on_progress=progress,
                workers=workers,
            )
    _report_closed_runs(report.closed_runs)
    for failure in report.failed:
        typer.echo(f"error: {failure.source}: {failure.reason}", err=True)
    if not _STATE["quiet"]:
        for warning in report.warnings:
            typer.echo(f"warning: {warning}", err=True)
    if report.interrupted:
        typer.echo(
            f"interrupted: {report.new} new articles were kept, each stored whole; run the same "
            "command again to carry on",
            err=True,
        )
        raise typer.Exit(EXIT_INTERRUPTED)
    if not _STATE["quiet"]:
        corrected = f"; {report.corrected} corrected (new metadata)" if report.corrected else ""
        typer.echo(
            f"{report.new} new, {report.already_stored} already stored, "
            f"{len(report.failed)} failed; {report.events} events found{corrected}"
        )
        if report.skipped:
            named = "" if log.isEnabledFor(logging.INFO) else " (-v names them)"
            typer.echo(f"{_files(len(report.skipped))} skipped: not articles{named}")
    if report.failed:
        raise typer.Exit(EXIT_INPUT_FAILED)


def _report_closed_runs(closed) -> None:
    """Runs that had died, closed by this command: said once, here."""
    if not _STATE["quiet"]:
        for run in closed:
            typer.echo(f"note: {run}; closed now", err=True)


def _files(number: int) -> str:
    return f"{number} file{'s' if number != 1 else ''}"


@app.command()
def reprocess(db: DbOption = None, batch_size: BatchSizeOption = 64) -> None:
    """Rebuild entities, mentions and events from the stored articles with the current extractor.

    Example: pipeline reprocess --db pipeline.db
    """
    from pipeline.commands.reprocess import reprocess as run_reprocess

    with _database(db) as engine, _progress("reprocessing") as progress:
        report = run_reprocess(engine=engine, batch_size=batch_size, on_progress=progress)
    _report_closed_runs(report.closed_runs)
    if not _STATE["quiet"]:
        typer.echo(f"{report.articles} articles reprocessed; {report.events} events found")


def _query(
    name: str,
    db: str | None,
    fmt: Format,
    filters: Filters,
) -> None:
    spec = VIEWS[name]
    try:
        with _database(db, write=False) as engine:
            rows = run_view(engine, name, filters)
    except QueryError as exc:
        raise _fail(str(exc), EXIT_USAGE) from None
    columns = [c for c in spec.columns if fmt is not Format.table or c != "event_key"]
    print_rows(rows, columns, fmt, title=name)


OrgOption = Annotated[str | None, typer.Option("--org", help="Organisation (name or alias).")]
SinceOption = Annotated[
    str | None, typer.Option("--since", help="From this date: YYYY, YYYY-MM or YYYY-MM-DD.")
]
UntilOption = Annotated[
    str | None, typer.Option("--until", help="Up to this date: YYYY, YYYY-MM or YYYY-MM-DD.")
]
LimitOption = Annotated[int | None, typer.Option("--limit", min=1, help="At most this many rows.")]
PersonOption = Annotated[str | None, typer.Option("--person", help="Name contains this text.")]


@query_app.command("departures")
def query_departures(
    db: DbOption = None,
    org: OrgOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    kind: Annotated[Kind | None, typer.Option("--kind", help="Kind of departure.")] = None,
    person: PersonOption = None,
    limit: LimitOption = None,
    fmt: FormatOption = Format.table,
) -> None:
    """Who left which organisation, when, and how.

    Example: pipeline query departures --org OpenAI --kind dismissal
    """
    filters = Filters(org, since, until, kind.value if kind else None, person, limit=limit)
    _query("departures", db, fmt, filters)


@query_app.command("dissolutions")
def query_dissolutions(
    db: DbOption = None,
    org: OrgOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    limit: LimitOption = None,
    fmt: FormatOption = Format.table,
) -> None:
    """Which teams were dissolved, by whom, when.

    Example: pipeline query dissolutions --since 2024
    """
    _query("dissolutions", db, fmt, Filters(org, since, until, limit=limit))


@query_app.command("hirings")
def query_hirings(
    db: DbOption = None,
    org: OrgOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    person: PersonOption = None,
    limit: LimitOption = None,
    fmt: FormatOption = Format.table,
) -> None:
    """Who joined or went back to which organisation.

    Example: pipeline query hirings --org Anthropic
    """
    _query("hirings", db, fmt, Filters(org, since, until, person=person, limit=limit))


@query_app.command("departures-by-lab")
def query_departures_by_lab(
    db: DbOption = None,
    org: OrgOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    fmt: FormatOption = Format.table,
) -> None:
    """Departures per organisation and year, by kind.

    Example: pipeline query departures-by-lab --since 2023
    """
    _query("departures-by-lab", db, fmt, Filters(org, since, until))


@query_app.command("people-moves")
def query_people_moves(
    db: DbOption = None,
    org: OrgOption = None,
    person: PersonOption = None,
    fmt: FormatOption = Format.table,
) -> None:
    """Who left each organisation and where they went.

    Example: pipeline query people-moves --org OpenAI
    """
    _query("people-moves", db, fmt, Filters(org, person=person))


@query_app.command("sources")
def query_sources(
    db: DbOption = None,
    org: OrgOption = None,
    person: Annotated[
        str | None, typer.Option("--person", help="Person or team name contains this text.")
    ] = None,
    event_key: Annotated[
        str | None,
        typer.Option("--event", help="Only this event_key (from departures --format json)."),
    ] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    fmt: FormatOption = Format.table,
) -> None:
    """Every evidence sentence behind the events, with its article.

    Example: pipeline query sources --person "Jane Doe\"
    """
    _query("sources", db, fmt, Filters(org, since, until, person=person, event_key=event_key))


@app.command("report")
def report(
    out: Annotated[
        Path, typer.Option("--out", "-o", help="HTML file to write.", dir_okay=False)
    ] = Path("report.html"),
    db: DbOption = None,
) -> None:
    """Write one self-contained HTML report: timeline per lab, dissolutions, departures, evidence.

    Example: pipeline report --out report.html
    """
    from pipeline.outputs.report import write_report

    with _database(db, write=False) as engine:
        try:
            summary = write_report(engine, out)
        except OSError as exc:
            reason = (exc.strerror or type(exc).__name__).lower()
            raise _fail(f"cannot write {out}: {reason}", EXIT_INPUT_FAILED) from None
    if not _STATE["quiet"]:
        typer.echo(
            f"{out}: {summary.departures} departures, {summary.dissolutions} dissolutions, "
            f"{summary.evidence} evidence sentences"
        )


@app.command("sql")
def sql(
    statement: Annotated[str, typer.Argument(help="One SQL statement, e.g. a SELECT on a view.")],
    db: DbOption = None,
    fmt: FormatOption = Format.table,
    timeout: Annotated[
        float,
        typer.Option("--timeout", help="Stop the statement after this many seconds.", min=0.001),
    ] = 30.0,
) -> None:
    """Run one read-only SQL statement; the database itself refuses any write. It stops after
    --timeout seconds, or at Ctrl-C.

    Example: pipeline sql "select * from departures where organization = 'OpenAI'"
    """
    from pipeline.outputs.readonly import QueryInterrupted, run_readonly

    try:
        result = run_readonly(db, statement, timeout=timeout)
    except QueryInterrupted as exc:
        raise _fail(str(exc), EXIT_INTERRUPTED) from None
    except DatabaseError as exc:
        raise _fail(str(exc), EXIT_DATABASE) from None
    print_rows(result.rows, result.columns, fmt, title="")


@app.command("evaluate")
def evaluate(
    gold: Annotated[Path, typer.Argument(help="Gold file: one JSON object per line.")],
    db: DbOption = None,
    by_rule: Annotated[
        bool, typer.Option("--by-rule", help="Also a table of rules: fired, right, wrong.")
    ] = False,
    fmt: Annotated[
        ReportFormat, typer.Option("--format", help="text, or json: one JSON object.")
    ] = ReportFormat.text,
) -> None:
    """Score the database's departures and dissolutions against a gold file (ingests nothing):
    precision, recall, F1, date and kind accuracy, misses and extras, and with --by-rule how
    right each extraction rule is.

    Example: pipeline evaluate my-gold.jsonl --by-rule
    """
    from pipeline.outputs.evaluate import GoldError, read_gold, report
    from pipeline.outputs.evaluate import as_json as evaluation_json
    from pipeline.outputs.evaluate import evaluate as run_evaluation

    try:
        rows = read_gold(gold)
    except (GoldError, OSError) as exc:
        reason = exc if isinstance(exc, GoldError) else f"{gold}: {exc.strerror or exc}"
        raise _fail(str(reason), EXIT_USAGE) from None
    with _database(db, write=False) as engine:
        evaluation = run_evaluation(engine, rows)
    as_json = fmt is ReportFormat.json
    typer.echo(evaluation_json(evaluation) if as_json else report(evaluation, by_rule=by_rule))


@app.command("doctor")
def doctor(
    db: DbOption = None,
    repair: Annotated[
        bool,
        typer.Option("--repair", help="Close the runs that were interrupted, with their counts."),
    ] = False,
) -> None:
    """Check integrity: half-stored articles, orphan mentions and events, interrupted runs, run
    counts, schema version. Prints each problem; changes nothing unless --repair. Also notes
    articles whose events another extractor version made (`pipeline reprocess` rebuilds them).

    Example: pipeline doctor --db pipeline.db
    """
    from pipeline.commands.doctor import check as check_database
    from pipeline.commands.doctor import other_extractor_versions
    from pipeline.commands.doctor import summary as database_summary
    from pipeline.extract import EXTRACTOR_VERSION
    from pipeline.store.runs import close_interrupted_runs

    def examine(engine: Engine) -> None:
        if repair:
            for run in close_interrupted_runs(engine):
                typer.echo(f"repaired: {run}; closed")
        problems = check_database(engine)
        for problem in problems:
            typer.echo(f"{problem.kind}: {problem}")
        if problems:
            raise _fail(f"{len(problems)} problem(s) found", EXIT_PROBLEMS)
        if _STATE["quiet"]:
            return
        typer.echo(database_summary(engine))
        for version, count in other_extractor_versions(engine, EXTRACTOR_VERSION).items():
            article_s = "article was" if count == 1 else "articles were"
            typer.echo(
                f"note: {count} {article_s} extracted by {version}, not by this pipeline's "
                f"{EXTRACTOR_VERSION}: `pipeline reprocess` rebuilds their events"
            )

    _schema_action(db, examine, write=repair)


@db_app.command("upgrade")
def db_upgrade(
    revision: Annotated[str, typer.Argument(help="Target revision.")] = "head", db: DbOption = None
) -> None:
    """Upgrade the schema (default: to the newest).

    Example: pipeline db upgrade
    """
    _schema_action(db, lambda engine: schema.upgrade(engine, revision), create=True)
    typer.echo(f"database at {revision}")


@db_app.command("downgrade")
def db_downgrade(
    revision: Annotated[str, typer.Argument(help="Target revision, e.g. base or 0001.")],
    db: DbOption = None,
    yes: Annotated[
        bool, typer.Option("--yes", help="Drop tables that hold data without asking.")
    ] = False,
) -> None:
    """Downgrade the schema; "base" drops everything. A downgrade that would drop tables holding
    data says how many articles would be lost and asks (on a terminal) or needs --yes.

    Example: pipeline db downgrade 0005
    """

    def confirm(loss: schema.DataLoss) -> bool:
        if yes:
            return True
        if sys.stdin.isatty():
            return typer.confirm(f"{loss}. Downgrade anyway?", default=False, err=True)
        return False

    try:
        _schema_action(db, lambda engine: schema.downgrade(engine, revision, confirm=confirm))
    except schema.DowngradeRefused as refused:
        raise _fail(f"{refused}: nothing changed (--yes to downgrade)", EXIT_USAGE) from None
    typer.echo(f"database at {revision}")


@db_app.command("current")
def db_current(db: DbOption = None) -> None:
    """Print the schema revision of the database and the newest one.

    Example: pipeline db current
    """
    _schema_action(
        db,
        lambda engine: typer.echo(
            f"current: {schema.current_revision(engine) or 'empty'}; head: {schema.head_revision()}"
        ),
    )


def _schema_action(
    db: str | None, action: Callable[[Engine], None], *, write: bool = True, create: bool = False
) -> None:
    engine = None
    try:
        if not create:
            require_existing_database(db)
        engine = make_engine(db, write=write)
        action(engine)
    except schema.RevisionError as exc:
        raise _fail(str(exc), EXIT_USAGE) from None
    except DatabaseError as exc:
        raise _fail(str(exc), EXIT_DATABASE) from None
    except SQLAlchemyError as exc:
        raise _fail(_describe(exc, db), EXIT_DATABASE) from None
    finally:
        if engine is not None:
            engine.dispose()


if __name__ == "__main__":
    app()
