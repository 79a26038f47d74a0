"""`pipeline export --sqlite PATH`: a read-only SQLite snapshot of a database (PostgreSQL or
SQLite), with every table, the views and the merged rows, e.g. for `pipeline serve` or to hand
the data to someone as one file."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, Table, insert, select

from pipeline.store import schema
from pipeline.store.db import make_engine
from pipeline.store.models import (
    article_extractions,
    articles,
    entities,
    events,
    extraction_runs,
    ingest_watermarks,
    mentions,
    merged_events,
)

# Parents before children (foreign keys); merged_events last, as the views leave it empty.
TABLES_IN_ORDER = (
    articles,
    extraction_runs,
    article_extractions,
    entities,
    mentions,
    events,
    ingest_watermarks,
    merged_events,
)
ROWS_PER_INSERT = 1000
READ_ONLY = stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH


class ExportError(ValueError):
    """Why the snapshot cannot be written, in one line."""


@dataclass(frozen=True)
class ExportSummary:
    path: Path
    articles: int
    events: int


def export_sqlite(source: Engine, path: Path) -> ExportSummary:
    """Copy `source` into a new SQLite file at `path` (refused if it exists), written under a
    temporary name and renamed when complete, then made read-only."""
    if path.exists():
        raise ExportError(f"{path} exists: remove it or choose another path")
    if not path.parent.is_dir():
        raise ExportError(f"cannot write {path}: no such folder {path.parent}")
    partial = path.with_name(f".{path.name}.partial")
    partial.unlink(missing_ok=True)
    target = make_engine(f"sqlite:///{partial}")
    try:
        schema.upgrade(target)
        counts = _copy(source, target)
        _single_file(target)
    except BaseException:
        target.dispose()
        partial.unlink(missing_ok=True)
        raise
    target.dispose()
    os.replace(partial, path)
    path.chmod(READ_ONLY)
    return ExportSummary(path, counts[articles.name], counts[events.name])


def _single_file(target: Engine) -> None:
    """Rollback journal instead of WAL: a read-only file then opens without a -shm beside it."""
    connection = target.raw_connection()
    try:
        connection.execute("PRAGMA journal_mode = DELETE")
    finally:
        connection.close()


def _copy(source: Engine, target: Engine) -> dict[str, int]:
    counts = {}
    with source.connect() as reading, target.begin() as writing:
        for table in TABLES_IN_ORDER:
            counts[table.name] = _copy_table(table, reading, writing)
    return counts


def _copy_table(table: Table, reading, writing) -> int:
    copied = 0
    rows = reading.execution_options(yield_per=ROWS_PER_INSERT).execute(
        select(table).order_by(*table.primary_key.columns)
    )
    for chunk in rows.mappings().partitions():
        writing.execute(insert(table), [dict(row) for row in chunk])
        copied += len(chunk)
    return copied
