"""`pipeline ingest --since-last FOLDER|FEED`: read only the files that changed since the last run
for that folder, and only the items of a feed not read before, so that a cron job over a folder
that a scraper fills, or over a news site's feed, picks up just the new articles.

Each feed (its URL, or a feed file's real path) keeps the keys of the items read (`feed_items`);
an item whose page could not be read is not kept, so the next run tries it again.

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
from pipeline.inputs.feeds import is_feed_path
from pipeline.inputs.fetch import is_url
from pipeline.inputs.sources import FeedTracking, SkippedFile, SourceError, iter_source_files
from pipeline.store.clock import now
from pipeline.store.models import feed_items, ingest_watermarks

MARGIN_NS = 2_000_000_000  # FAT stamps times to 2 s; Linux's file clock lags by a few ms


class NotAFolderError(ValueError):
    """--since-last was given something that is neither a folder nor a feed."""


def ingest_since_last(paths: Sequence[str], *, engine: Engine, **ingest_options) -> IngestReport:
    """Ingest the files of the folders in `paths` changed since the last run and the feed items
    not read before, then move each folder's watermark and remember the items read."""
    check_folders(paths)
    scanned_at = time.time_ns()
    folders = [path for path in paths if os.path.isdir(path)]
    feeds = [path for path in paths if not os.path.isdir(path)]
    files, failed, skipped = _changed_files(folders, engine=engine)
    seen = {feed_key(feed): read_seen_items(engine, feed_key(feed)) for feed in feeds}
    read_now: list[tuple[str, str]] = []
    tracking = FeedTracking(
        is_new=lambda feed, key: key not in seen.get(feed_key(feed), set()),
        on_read=lambda feed, key: read_now.append((feed_key(feed), key)),
    )
    report = ingest([*files, *feeds], engine=engine, feeds=tracking, **ingest_options)
    report.failed[:0] = failed
    report.skipped[:0] = skipped
    for folder in folders:
        save_watermark(engine, folder, scanned_at)
    save_seen_items(engine, read_now)
    return report


def _changed_files(folders: Sequence[str], *, engine: Engine):
    """(files changed since each folder's watermark, errors, files skipped as not articles)."""
    files: list[str] = []
    failed: list[SourceError] = []
    skipped: list[str] = []
    for folder in folders:
        since = read_watermark(engine, folder)
        for item in iter_source_files([folder]):
            if isinstance(item, SourceError):
                failed.append(item)
            elif (
                since is not None
                and _changed_at(item if isinstance(item, str) else item.source) < since - MARGIN_NS
            ):
                continue
            elif isinstance(item, SkippedFile):
                skipped.append(item.source)
            else:
                files.append(item)
    return files, failed, skipped


def check_folders(paths: Sequence[str]) -> None:
    for path in paths:
        if not (
            os.path.isdir(path) or is_url(path) or (is_feed_path(path) and os.path.isfile(path))
        ):
            raise NotAFolderError(
                f"--since-last reads folders and feeds: {path} is neither a folder nor a feed"
            )


def read_seen_items(engine: Engine, feed: str) -> set[str]:
    with engine.connect() as connection:
        rows = connection.execute(select(feed_items.c.item_key).where(feed_items.c.feed == feed))
        return set(rows.scalars())


def save_seen_items(engine: Engine, items: Sequence[tuple[str, str]]) -> None:
    if not items:
        return
    dialect_insert = pg_insert if engine.dialect.name == "postgresql" else sqlite_insert
    rows = [{"feed": feed, "item_key": key, "seen_at": now()} for feed, key in sorted(set(items))]
    with engine.begin() as connection:
        connection.execute(dialect_insert(feed_items).on_conflict_do_nothing(), rows)


def feed_key(feed: str) -> str:
    """A feed URL as given; a feed file by its real path."""
    return feed if is_url(feed) else os.path.realpath(feed)


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
