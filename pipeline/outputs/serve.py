"""`pipeline serve`: Datasette on a pipeline SQLite database, read-only, with generated metadata
(pipeline/outputs/serve_metadata.py) and links from events to their evidence
(pipeline/outputs/serve_links.py). Datasette reads SQLite files only: a PostgreSQL database is
served through a snapshot made by `pipeline export --sqlite`."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from sqlalchemy.engine import make_url

from pipeline.outputs.serve_metadata import datasette_metadata
from pipeline.store.db import display_url, resolve_url


class ServeError(ValueError):
    """What stops serving this database, and what to do, in one line."""


def sqlite_file(url: str | None) -> Path:
    """The SQLite file `url` names; refuses PostgreSQL (with the snapshot to make instead) and
    a file that does not exist."""
    resolved = resolve_url(url)
    parsed = make_url(resolved)
    if parsed.get_backend_name() != "sqlite":
        raise ServeError(
            f"pipeline serve reads SQLite files and {display_url(resolved)} is not one: make a "
            "read-only snapshot with `pipeline export --sqlite snapshot.db`, then "
            "`pipeline serve --db snapshot.db`"
        )
    path = Path(parsed.database or "")
    if not parsed.database or not path.is_file():
        raise ServeError(f"no database at {path}: run `pipeline ingest` first, or give --db")
    return path


def check_datasette() -> None:
    try:
        import datasette  # noqa: F401
    except ImportError:
        raise ServeError("pipeline serve needs Datasette: pip install 'pipeline[serve]'") from None


def serve(path: Path, *, host: str, port: int) -> None:
    """Run Datasette on `path` until interrupted. Datasette opens the file read-only (mode=ro):
    nothing it serves can change the database."""
    check_datasette()
    from datasette.cli import cli
    from datasette.plugins import pm

    from pipeline.outputs import serve_links

    if not pm.is_registered(serve_links):
        pm.register(serve_links, name="pipeline-serve-links")
    with tempfile.TemporaryDirectory(prefix="pipeline-serve-") as folder:
        metadata = Path(folder) / "metadata.json"
        metadata.write_text(json.dumps(datasette_metadata(path.stem)), encoding="utf-8")
        arguments = ["serve", str(path), "--metadata", str(metadata), "-h", host, "-p", str(port)]
        cli.main(arguments, prog_name="pipeline serve", standalone_mode=False)
