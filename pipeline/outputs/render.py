"""Rows to text: a terminal table, one JSON array, or CSV."""

from __future__ import annotations

import csv
import datetime
import decimal
import enum
import io
import json
from collections.abc import Sequence

from rich.console import Console
from rich.table import Table


class Format(enum.StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


def _plain(value):
    if isinstance(value, datetime.date | datetime.datetime):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):  # PostgreSQL's sum() of counts
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def to_json(rows: Sequence[dict]) -> str:
    return json.dumps(
        [{k: _plain(v) for k, v in row.items()} for row in rows], ensure_ascii=False, indent=2
    )


def to_csv(rows: Sequence[dict], columns: Sequence[str]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(columns), lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _plain(v) for k, v in row.items()})
    return buffer.getvalue()


def print_rows(rows: Sequence[dict], columns: Sequence[str], fmt: Format, title: str = "") -> None:
    if fmt is Format.json:
        print(to_json(rows))
    elif fmt is Format.csv:
        print(to_csv(rows, columns), end="")
    else:
        console = Console()
        table = Table(title=title or None, show_lines=False)
        for name in columns:
            table.add_column(name, overflow="fold")
        for row in rows:
            table.add_row(*("" if row.get(c) is None else str(_plain(row.get(c))) for c in columns))
        console.print(table)
        console.print(f"{len(rows)} row(s)", style="dim")
