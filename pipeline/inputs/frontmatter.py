"""Front matter: an optional block of `key: value` lines between two `---` lines.

Only the simple subset that news dumps use is read: one `key: value` per line, values optionally
single- or double-quoted. Anything richer (a list such as `tags: ["a", "b"]`, or indented lines
under a key) is kept as the raw string, never interpreted.
"""

import re

FENCE = "---"
_KEY_VALUE = re.compile(r"([^\W\d][\w.-]*)[ \t]*:[ \t]*(.*)")
_DOUBLE_QUOTED_ESCAPES = {"\\": "\\", '"': '"', "n": "\n", "t": "\t"}
_SHOWN_LINE_CHARS = 40


class FrontMatterError(ValueError):
    """The text opens a front matter block that cannot be read."""


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """Split `text` into (front matter fields, body); ({}, text) when there is no front matter."""
    lines = text.split("\n")
    opening = _first_non_blank_index(lines)
    if opening is None or not _is_fence(lines[opening]):
        return {}, text
    closing = _closing_fence_index(lines, opening)
    meta = _parse_fields(lines, first=opening + 1, stop=closing)
    return meta, "\n".join(lines[closing + 1 :])


def _first_non_blank_index(lines: list[str]) -> int | None:
    return next((index for index, line in enumerate(lines) if line.strip()), None)


def _is_fence(line: str) -> bool:
    return line.rstrip() == FENCE


def _closing_fence_index(lines: list[str], opening: int) -> int:
    for index in range(opening + 1, len(lines)):
        if _is_fence(lines[index]):
            return index
    raise FrontMatterError(f"no closing '{FENCE}' line")


def _parse_fields(lines: list[str], *, first: int, stop: int) -> dict[str, str]:
    meta: dict[str, str] = {}
    last_key: str | None = None
    for index in range(first, stop):
        line = lines[index]
        if _is_blank_or_comment(line):
            continue
        if line[0] in " \t" and last_key is not None:
            meta[last_key] = _append_raw_line(meta[last_key], line)
            continue
        key, value = _parse_key_value(line, line_number=index + 1)
        if key in meta:
            raise FrontMatterError(f"line {index + 1}: duplicate key '{key}'")
        meta[key] = value
        last_key = key
    return meta


def _is_blank_or_comment(line: str) -> bool:
    stripped = line.strip()
    return not stripped or stripped.startswith("#")


def _append_raw_line(value: str, line: str) -> str:
    """An indented line continues the previous key (e.g. a YAML list), kept as raw text."""
    return f"{value}\n{line.strip()}" if value else line.strip()


def _parse_key_value(line: str, *, line_number: int) -> tuple[str, str]:
    match = _KEY_VALUE.fullmatch(line.rstrip())
    if match is None:
        shown = line.strip()[:_SHOWN_LINE_CHARS]
        raise FrontMatterError(f"line {line_number}: expected 'key: value', got '{shown}'")
    return match.group(1), _unquote(match.group(2).strip())


def _unquote(value: str) -> str:
    if len(value) < 2 or value[0] != value[-1] or value[0] not in "'\"":
        return value
    inner = value[1:-1]
    if value[0] == "'":
        return inner.replace("''", "'")
    return _unescape_double_quoted(inner)


def _unescape_double_quoted(inner: str) -> str:
    return re.sub(
        r"\\(.)",
        lambda match: _DOUBLE_QUOTED_ESCAPES.get(match.group(1), match.group(0)),
        inner,
        flags=re.DOTALL,
    )
