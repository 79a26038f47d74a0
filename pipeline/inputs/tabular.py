"""CSV exports: one article per row, its text in a `text` column and its metadata in others
(`url`, `title`, `date`, `lang`, or the names sources use for them), like a JSONL dump. A CSV
without a `text` column is refused whole, in one line that names the columns it has."""

from __future__ import annotations

import csv
from collections.abc import Iterator

from pipeline.inputs.article import (
    MAX_BYTES,
    RawArticle,
    Rejected,
    SourceError,
    build_article,
    clean_json_string,
)

_DELIMITERS = ",;\t"
_SHOWN_COLUMNS = 8


def is_csv_path(path: str) -> bool:
    return path.lower().endswith(".csv")


def read_csv(path: str) -> Iterator[RawArticle | SourceError]:
    """Each row an article named `PATH:LINE` (the line its row starts on)."""
    try:
        with open(path, encoding="utf-8-sig", newline="") as file:
            yield from _read_rows(path, file)
    except UnicodeDecodeError:
        yield SourceError(path, "not UTF-8 text: save the CSV as UTF-8")
    except csv.Error as error:
        yield SourceError(path, f"malformed CSV: {error}")
    except OSError as error:
        yield SourceError(path, (error.strerror or type(error).__name__).lower())


def _read_rows(path: str, file) -> Iterator[RawArticle | SourceError]:
    header_line = file.readline()
    if not header_line.strip():
        yield SourceError(path, "empty file")
        return
    delimiter = max(_DELIMITERS, key=header_line.count)
    columns = next(csv.reader([header_line], delimiter=delimiter))
    names = [name.strip().lower() for name in columns]
    if "text" not in names:
        shown = ", ".join(name for name in columns[:_SHOWN_COLUMNS] if name)
        more = ", ..." if len(columns) > _SHOWN_COLUMNS else ""
        yield SourceError(
            path, f"no 'text' column (columns: {shown}{more}): a CSV holds one article per row"
        )
        return
    previous_limit = csv.field_size_limit(MAX_BYTES)
    try:
        reader = csv.reader(file, delimiter=delimiter)
        line = 2
        for row in reader:
            if any(cell.strip() for cell in row):
                yield _article_from_row(f"{path}:{line}", dict(zip(names, row, strict=False)))
            line = reader.line_num + 2
    finally:
        csv.field_size_limit(previous_limit)


def _article_from_row(source: str, row: dict[str, str]) -> RawArticle | SourceError:
    try:
        text = clean_json_string(row.pop("text", ""))
        fields = {name: clean_json_string(value) for name, value in row.items()}
        return build_article(source, text, fields, where="in CSV")
    except Rejected as rejection:
        return SourceError(source, str(rejection))
