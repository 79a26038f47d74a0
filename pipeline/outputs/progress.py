"""The progress bar of long commands, on stderr: how many inputs of how many, and the time left."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)


class ProgressBar:
    """`set_total(n)` once the inputs are counted, then `advance(k)` as they are done."""

    def __init__(self, progress: Progress, label: str):
        self._progress = progress
        self._task = progress.add_task(label, total=None)

    def set_total(self, total: int) -> None:
        self._progress.update(self._task, total=total)

    def advance(self, done: int) -> None:
        self._progress.advance(self._task, done)


@contextmanager
def progress_bar(label: str, *, shown: bool) -> Iterator[ProgressBar | None]:
    """A bar on stderr while the block runs (None when not `shown`: piped, or -q)."""
    if not shown:
        yield None
        return
    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("inputs · elapsed"),
        TimeElapsedColumn(),
        TextColumn("· eta"),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
        yield ProgressBar(progress, label)
