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
from pipeline.command_line import PipelineGroup
from pipeline.outputs.query import (
    VIEWS,
    Filters,
    QueryError,
    organization_suggestions,
    parse_foci,
    run_view,
)
from pipeline.outputs.render import (
    ColumnsError,
    Format,
    output_width,
    pick_columns,
    plural,
    print_rows,
)
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
    f"  {EXIT_USAGE}  usage error: unknown command or option, bad value, date, revision, folder "
    "or person\n"
    f"  {EXIT_DATABASE}  database error: cannot open or connect, schema newer than this "
    "pipeline, SQL refused\n"
    f"  {EXIT_PROBLEMS}  doctor found problems (each printed)\n"
    f"  {EXIT_INTERRUPTED}  stopped by Ctrl-C (what was stored is whole, and said)\n"
    "\n\b\nShell completion: pipeline --install-completion (bash, zsh, fish, PowerShell)"
)

app = typer.Typer(
    cls=PipelineGroup,
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
FormatOption = Annotated[
    Format,
    typer.Option(
        "--format",
        "-f",
        help="table (fits the terminal), json, csv, or markdown (to paste into an article).",
    ),
]
ColumnsOption = Annotated[
    str | None,
    typer.Option(
        "--columns",
        help="Only these columns, in this order, e.g. person,kind,date (names as in json).",
    ),
]
WideOption = Annotated[
    bool,
    typer.Option("--wide", help="Every column in the table (json and csv always have them all)."),
]
log = logging.getLogger("pipeline")


class ReportFormat(StrEnum):
    text = "text"
    json = "json"


class Lang(StrEnum):
    fr = "fr"
    en = "en"


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


def _progress(label: str):
    from pipeline.outputs.progress import progress_bar

    return progress_bar(label, shown=not _STATE["quiet"] and sys.stderr.isatty())


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
    with _database(db, create=True) as engine, _progress("ingesting") as bar:
        options = {
            "engine": engine,
            "batch_size": batch_size,
            "workers": workers,
            "on_progress": bar.advance if bar else None,
            "on_total": bar.set_total if bar else None,
        }
        if since_last:
            report = ingest_since_last(paths, **options)
        else:
            stdin = sys.stdin.buffer if "-" in paths else None
            report = run_ingest(paths, stdin=stdin, **options)
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
            f"{len(report.failed)} failed; {plural(report.events, 'event')} found{corrected}"
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

    with _database(db) as engine, _progress("reprocessing") as bar:
        report = run_reprocess(
            engine=engine, batch_size=batch_size, on_progress=bar.advance if bar else None
        )
    _report_closed_runs(report.closed_runs)
    if not _STATE["quiet"]:
        typer.echo(
            f"{plural(report.articles, 'article')} reprocessed; "
            f"{plural(report.events, 'event')} found"
        )


def _query(
    name: str,
    db: str | None,
    fmt: Format,
    filters: Filters,
    columns: str | None = None,
    wide: bool = False,
) -> None:
    spec = VIEWS[name]
    try:
        shown = pick_columns(spec.columns, spec.table_columns, fmt, wide=wide, wanted=columns)
        with _database(db, write=False) as engine:
            rows = run_view(engine, name, filters)
            if filters.organization and not rows:
                _say_which_organizations_are_close(engine, filters.organization)
    except (QueryError, ColumnsError) as exc:
        raise _fail(str(exc), EXIT_USAGE) from None
    print_rows(rows, shown, fmt, footer=not _STATE["quiet"])


def _say_which_organizations_are_close(engine: Engine, organization: str) -> None:
    close = organization_suggestions(engine, organization)
    if close is None:
        return
    hint = f"; did you mean {', '.join(close)}?" if close else " in the database"
    typer.echo(f"no organisation {organization!r}{hint}", err=True)


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
    columns: ColumnsOption = None,
    wide: WideOption = False,
) -> None:
    """Who left which organisation, when, and how.

    Example: pipeline query departures --org OpenAI --kind dismissal
    """
    filters = Filters(org, since, until, kind.value if kind else None, person, limit=limit)
    _query("departures", db, fmt, filters, columns, wide)


@query_app.command("dissolutions")
def query_dissolutions(
    db: DbOption = None,
    org: OrgOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    focus: Annotated[
        str | None,
        typer.Option(
            "--focus",
            help="What the team worked on: safety, ethics, alignment, policy, research, product "
            "or other; several with commas (safety,ethics,alignment,policy: the AI-safety teams).",
        ),
    ] = None,
    limit: LimitOption = None,
    fmt: FormatOption = Format.table,
    columns: ColumnsOption = None,
    wide: WideOption = False,
) -> None:
    """Which teams were dissolved, by whom, when, and what they worked on.

    Example: pipeline query dissolutions --focus safety,ethics,alignment,policy
    """
    try:
        foci = parse_foci(focus)
    except QueryError as exc:
        raise _fail(str(exc), EXIT_USAGE) from None
    filters = Filters(org, since, until, limit=limit, focus=foci)
    _query("dissolutions", db, fmt, filters, columns, wide)


@query_app.command("hirings")
def query_hirings(
    db: DbOption = None,
    org: OrgOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    person: PersonOption = None,
    limit: LimitOption = None,
    fmt: FormatOption = Format.table,
    columns: ColumnsOption = None,
    wide: WideOption = False,
) -> None:
    """Who joined or went back to which organisation.

    Example: pipeline query hirings --org Anthropic
    """
    filters = Filters(org, since, until, person=person, limit=limit)
    _query("hirings", db, fmt, filters, columns, wide)


@query_app.command("departures-by-lab")
def query_departures_by_lab(
    db: DbOption = None,
    org: OrgOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    fmt: FormatOption = Format.table,
    columns: ColumnsOption = None,
    wide: WideOption = False,
) -> None:
    """Departures per organisation and year, by kind.

    Example: pipeline query departures-by-lab --since 2023
    """
    _query("departures-by-lab", db, fmt, Filters(org, since, until), columns, wide)


@query_app.command("people-moves")
def query_people_moves(
    db: DbOption = None,
    org: OrgOption = None,
    person: PersonOption = None,
    fmt: FormatOption = Format.table,
    columns: ColumnsOption = None,
    wide: WideOption = False,
) -> None:
    """Who left each organisation and where they went.

    Example: pipeline query people-moves --org OpenAI
    """
    _query("people-moves", db, fmt, Filters(org, person=person), columns, wide)


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
    columns: ColumnsOption = None,
    wide: WideOption = False,
) -> None:
    """Every evidence sentence behind the events, with its article.

    Example: pipeline query sources --person "Jane Doe\"
    """
    filters = Filters(org, since, until, person=person, event_key=event_key)
    _query("sources", db, fmt, filters, columns, wide)


@query_app.command("person")
def query_person(
    name: Annotated[
        str, typer.Argument(help="The person: full name or surname; accents and case ignored.")
    ],
    db: DbOption = None,
    fmt: FormatOption = Format.table,
    columns: ColumnsOption = None,
    wide: WideOption = False,
) -> None:
    """One person's career: each organisation they left, joined or went back to, in date order.

    Example: pipeline query person leike
    """
    from pipeline.outputs.careers import PersonError, career, find_person, path_line

    spec = VIEWS["careers"]
    try:
        shown = pick_columns(spec.columns, spec.table_columns, fmt, wide=wide, wanted=columns)
        with _database(db, write=False) as engine:
            person = find_person(engine, name)
            moves = career(engine, person)
    except (PersonError, ColumnsError) as exc:
        raise _fail(str(exc), EXIT_USAGE) from None
    if fmt is Format.table:
        typer.echo(person)
        typer.echo(path_line(moves, output_width(sys.stdout)))
        typer.echo()
    print_rows(moves, shown, fmt, footer=not _STATE["quiet"], noun="move")


@app.command("report")
def report(
    out: Annotated[
        str, typer.Option("--out", "-o", help="HTML file to write (.html), or - for stdout.")
    ] = "report.html",
    db: DbOption = None,
    lang: Annotated[
        Lang | None,
        typer.Option("--lang", help="Language of the page [default: that of most articles]."),
    ] = None,
) -> None:
    """Write one self-contained HTML report: timeline per lab, dissolutions, departures, careers,
    evidence; in French or English, as the articles are.

    Example: pipeline report --out report.html
    """
    from pipeline.outputs.report import write_report

    if out != "-" and not out.lower().endswith((".html", ".htm")):
        raise _fail(f"--out must be an .html file or - for stdout, not {out!r}", EXIT_USAGE)
    target = sys.stdout if out == "-" else Path(out)
    with _database(db, write=False) as engine:
        try:
            summary = write_report(engine, target, lang=lang.value if lang else None)
        except OSError as exc:
            reason = (exc.strerror or type(exc).__name__).lower()
            raise _fail(f"cannot write {out}: {reason}", EXIT_INPUT_FAILED) from None
    if not _STATE["quiet"]:
        typer.echo(
            f"{out if out != '-' else 'report'}: {plural(summary.departures, 'departure')}, "
            f"{plural(summary.dissolutions, 'dissolution')}, "
            f"{plural(summary.evidence, 'evidence sentence')} ({summary.lang})",
            err=out == "-",
        )


@app.command("serve")
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", "-p", help="Port to listen on.", min=1)] = 8001,
) -> None:
    """Browse the database without SQL: Datasette, read-only, every view titled and described,
    with facets, ready-made queries and links from each event to its evidence sentences. Needs
    the serve extra (pip install 'pipeline[serve]'). SQLite only: for PostgreSQL, serve a
    snapshot made with pipeline export --sqlite.

    Example: pipeline serve --db pipeline.db --port 8001
    """
    from pipeline.outputs.serve import ServeError, check_datasette, sqlite_file
    from pipeline.outputs.serve import serve as run_datasette

    try:
        path = sqlite_file(db)
        check_datasette()
    except ServeError as exc:
        raise _fail(str(exc), EXIT_USAGE) from None
    with _database(str(path), write=False):
        pass  # brings an older database to the current schema and views first
    if not _STATE["quiet"]:
        typer.echo(f"serving {path} read-only at http://{host}:{port}/{path.stem} (Ctrl-C stops)")
    run_datasette(path, host=host, port=port)


@app.command("export")
def export(
    sqlite: Annotated[
        Path,
        typer.Option("--sqlite", help="SQLite file to create (it must not exist).", dir_okay=False),
    ],
    db: DbOption = None,
) -> None:
    """Copy the database (PostgreSQL or SQLite) into a new read-only SQLite file: every table,
    view and merged row, e.g. to browse a PostgreSQL database with pipeline serve.

    Example: pipeline export --sqlite snapshot.db --db postgresql://user@host/news
    """
    from pipeline.commands.export import ExportError, export_sqlite

    with _database(db, write=False) as engine:
        try:
            summary = export_sqlite(engine, sqlite)
        except ExportError as exc:
            raise _fail(str(exc), EXIT_INPUT_FAILED) from None
    if not _STATE["quiet"]:
        typer.echo(
            f"{summary.path}: {plural(summary.articles, 'article')}, "
            f"{plural(summary.events, 'event')} (read-only snapshot; "
            f"browse it with pipeline serve --db {summary.path})"
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
    columns: ColumnsOption = None,
    wide: WideOption = False,
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
    try:
        shown = pick_columns(result.columns, result.columns, fmt, wide=wide, wanted=columns)
    except ColumnsError as exc:
        raise _fail(str(exc), EXIT_USAGE) from None
    print_rows(result.rows, shown, fmt, footer=not _STATE["quiet"])


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
