"""Rows to text: a terminal table, one JSON array, CSV, or a Markdown table for an article draft."""

from __future__ import annotations

import csv
import datetime
import decimal
import enum
import io
import json
import os
import shutil
import sys
from collections.abc import Sequence
from typing import TextIO

from pipeline.outputs.table import cell_text, header, is_number, render_table


class Format(enum.StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"


class ColumnsError(ValueError):
    """--columns names a column the answer does not have, explained in one line."""


def pick_columns(
    available: Sequence[str],
    few: Sequence[str],
    fmt: Format,
    *,
    wide: bool = False,
    wanted: str | None = None,
) -> list[str]:
    """The columns to print: those of `--columns a,b,c` in that order, else all of them for
    `--wide`, JSON and CSV, else the `few` a person reads."""
    if wanted:
        names = [name.strip() for name in wanted.split(",") if name.strip()]
        unknown = [name for name in names if name not in available]
        if unknown or not names:
            raise ColumnsError(
                f"--columns: no column {', '.join(map(repr, unknown)) or 'given'}; "
                f"choose from {', '.join(available)}"
            )
        return names
    if wide or fmt in (Format.json, Format.csv):
        return list(available)
    return list(few)


def plural(count: int, noun: str, many: str | None = None) -> str:
    """ "1 event", "2 events", "0 events"."""
    return f"{count} {noun if count == 1 else many or noun + 's'}"


def _plain(value):
    if isinstance(value, datetime.date | datetime.datetime):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):  # PostgreSQL's sum() of counts
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def to_json(rows: Sequence[dict], columns: Sequence[str]) -> str:
    return json.dumps(
        [{c: _plain(row.get(c)) for c in columns} for row in rows], ensure_ascii=False, indent=2
    )


def to_csv(rows: Sequence[dict], columns: Sequence[str]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow(["" if row.get(c) is None else _plain(row.get(c)) for c in columns])
    return buffer.getvalue()


def to_markdown(rows: Sequence[dict], columns: Sequence[str]) -> str:
    """A GitHub-flavoured Markdown table, numbers right-aligned, every value whole."""

    def escape(text: str) -> str:
        return text.replace("\\", "\\\\").replace("|", "\\|")

    numeric = [
        bool(rows) and all(is_number(v) for row in rows if (v := row.get(c)) is not None)
        for c in columns
    ]
    lines = [
        "| " + " | ".join(escape(header(c)) for c in columns) + " |",
        "| " + " | ".join("---:" if n else "---" for n in numeric) + " |",
    ]
    for row in rows:
        lines.append("| " + " | ".join(escape(cell_text(row.get(c))) for c in columns) + " |")
    return "\n".join(lines) + "\n"


def output_width(stream: TextIO) -> int | None:
    """The terminal's width; $COLUMNS when piped and set; else None (no limit: piped output
    keeps whole values, for grep and less -S)."""
    if stream.isatty():
        return shutil.get_terminal_size().columns
    columns = os.environ.get("COLUMNS", "")
    return int(columns) if columns.isdigit() and int(columns) > 0 else None


def print_rows(
    rows: Sequence[dict],
    columns: Sequence[str],
    fmt: Format,
    *,
    stream: TextIO | None = None,
    footer: bool = True,
    noun: str = "row",
) -> None:
    """`rows` in `fmt`; a table ends with how many rows it has ("1 row") unless not `footer`."""
    stream = stream or sys.stdout
    if fmt is Format.json:
        print(to_json(rows, columns), file=stream)
    elif fmt is Format.csv:
        print(to_csv(rows, columns), end="", file=stream)
    elif fmt is Format.markdown:
        print(to_markdown(rows, columns), end="", file=stream)
    else:
        if rows:
            print(render_table(rows, columns, output_width(stream)), file=stream)
        if footer:
            print(plural(len(rows), noun), file=stream)
