"""JSONL dumps: one JSON object per line, its text under `text` and its metadata beside it
(`url`, `title`, `date`, `lang`, or the names sources use for them). Each line is read on its own
and limited in size, so a large dump streams in small pieces and a bad line costs only itself."""

import json
from collections.abc import Iterator
from typing import Any, BinaryIO

from pipeline.inputs.article import (
    MAX_BYTES,
    RawArticle,
    Rejected,
    SourceError,
    build_article,
    clean_json_string,
    decode_text,
)
from pipeline.inputs.metadata import canonical_fields

_MB = 1024 * 1024


def read_jsonl_stream(name: str, file: BinaryIO) -> Iterator[RawArticle | SourceError]:
    """The articles of a JSONL stream, each named `NAME:LINE`."""
    found_line = False
    for number, line in enumerate(_limited_lines(file), start=1):
        if line is not None and not line.strip():
            continue
        found_line = True
        source = f"{name}:{number}"
        if line is None:
            yield SourceError(source, f"line too large (> {MAX_BYTES / _MB:g} MB)")
        else:
            yield _article_from_json_line(source, line)
    if not found_line:
        yield SourceError(name, "empty file")


def looks_like_jsonl(text: str) -> bool:
    """Whether `text` opens with a line that is a JSON object: how stdin tells a dump from an
    article."""
    first_line = text.lstrip().split("\n", 1)[0]
    if not first_line.startswith("{"):
        return False
    try:
        return isinstance(json.loads(first_line), dict)
    except (ValueError, RecursionError):
        return False


def _limited_lines(file: BinaryIO) -> Iterator[bytes | None]:
    """The file's lines; None in place of a line longer than MAX_BYTES (which is skipped)."""
    while line := file.readline(MAX_BYTES + 1):
        if len(line) <= MAX_BYTES:
            yield line
            continue
        if not line.endswith(b"\n"):
            _skip_rest_of_line(file)
        yield None


def _skip_rest_of_line(file: BinaryIO) -> None:
    while (chunk := file.readline(_MB)) and not chunk.endswith(b"\n"):
        pass


def _article_from_json_line(source: str, line: bytes) -> RawArticle | SourceError:
    try:
        record = _parse_json_object(decode_text(line))
        text = clean_json_string(record["text"])
        return build_article(source, text, _json_fields(record), where="in JSON")
    except Rejected as rejection:
        return SourceError(source, str(rejection))


def _parse_json_object(line: str) -> dict[str, Any]:
    try:
        record = json.loads(line)
    except (ValueError, RecursionError):
        raise Rejected("not JSON") from None
    if not isinstance(record, dict):
        raise Rejected("not a JSON object")
    if not isinstance(record.get("text"), str):
        raise Rejected("missing text")
    return record


def _json_fields(record: dict[str, Any]) -> dict[str, object]:
    """The record's metadata; a date that is not a string is left for read_date to warn about."""
    fields = canonical_fields(record)
    for key, value in fields.items():
        if isinstance(value, str):
            fields[key] = clean_json_string(value)
        elif key != "date":
            raise Rejected(f"'{key}' is not a string")
    return fields
