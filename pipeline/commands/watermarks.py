"""`pipeline ingest --since-last FOLDER`: read only the files that changed since the last run for
that folder, so a cron job over a folder that a scraper fills picks up just the new files.

Each folder (by real path) has a watermark: when the last successful run began listing it. A file
is new when its ctime is at or after the watermark minus a margin. ctime, unlike mtime, is set by
the kernel on every write and rename and cannot be set back (`cp -p`, `rsync -t` and renaming a
finished temporary file all still count as new). The margin covers coarse file-system clocks;
the few files it reads twice are recognised by content hash and skipped without any NLP.
"""

from __future__ import annotations

import os
import time
from collections.abc import Sequence

from sqlalchemy import Engine, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from pipeline.commands.batches import IngestReport
from pipeline.commands.ingest import ingest
from pipeline.inputs.sources import SourceError, iter_source_files
from pipeline.store.models import ingest_watermarks

MARGIN_NS = 2_000_000_000  # FAT stamps times to 2 s; Linux's file clock lags by a few ms


class NotAFolderError(ValueError):
    """--since-last was given something other than a folder."""


def ingest_since_last(folders: Sequence[str], *, engine: Engine, **ingest_options) -> IngestReport:
    """Ingest the files of `folders` changed since the last run, then move each watermark."""
    check_folders(folders)
    scanned_at = time.time_ns()
    paths: list[str] = []
    failed: list[SourceError] = []
    for folder in folders:
        since = read_watermark(engine, folder)
        for item in iter_source_files([folder]):
            if isinstance(item, SourceError):
                failed.append(item)
            elif since is None or _changed_at(item) >= since - MARGIN_NS:
                paths.append(item)
    report = ingest(paths, engine=engine, **ingest_options)
    report.failed[:0] = failed
    for folder in folders:
        save_watermark(engine, folder, scanned_at)
    return report


def check_folders(folders: Sequence[str]) -> None:
    for folder in folders:
        if not os.path.isdir(folder):
            raise NotAFolderError(f"--since-last reads folders: {folder} is not a folder")


def read_watermark(engine: Engine, folder: str) -> int | None:
    with engine.connect() as connection:
        return connection.execute(
            select(ingest_watermarks.c.scanned_at_ns).where(
                ingest_watermarks.c.folder == folder_key(folder)
            )
        ).scalar_one_or_none()


def save_watermark(engine: Engine, folder: str, scanned_at_ns: int) -> None:
    dialect_insert = pg_insert if engine.dialect.name == "postgresql" else sqlite_insert
    statement = dialect_insert(ingest_watermarks).values(
        folder=folder_key(folder), scanned_at_ns=scanned_at_ns
    )
    statement = statement.on_conflict_do_update(
        index_elements=["folder"], set_={"scanned_at_ns": statement.excluded.scanned_at_ns}
    )
    with engine.begin() as connection:
        connection.execute(statement)


def folder_key(folder: str) -> str:
    """The folder's real path: `news/`, `./news` and a symlink to it share one watermark."""
    return os.path.realpath(folder)


def _changed_at(path: str) -> int:
    """The later of ctime and mtime; a file that vanished since listing counts as new (its
    read then reports the error)."""
    try:
        status = os.stat(path)
    except OSError:
        return time.time_ns()
    return max(status.st_ctime_ns, status.st_mtime_ns)
