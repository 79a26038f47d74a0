"""The SQL of each saved view, read from its file in `pipeline/sql/` (the file name is the view
name); `NAME.postgresql.sql` next to `NAME.sql` replaces it on PostgreSQL."""

from __future__ import annotations

from importlib import resources


def view_sql(name: str, dialect: str) -> str:
    folder = resources.files("pipeline") / "sql"
    specific = folder / f"{name}.{dialect}.sql"
    chosen = specific if specific.is_file() else folder / f"{name}.sql"
    return chosen.read_text(encoding="utf-8").strip().rstrip(";")
