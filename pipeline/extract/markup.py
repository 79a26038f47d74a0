"""Markdown to plain text for NLP, with a map back to offsets in the stored article.

Links keep their label and lose their URL (a dot inside a URL would end a sentence), images,
bare URLs, heading marks, emphasis and wire datelines go, and table pipes become line breaks so
that a table cell never runs into the next one."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

_MARKUP = re.compile(
    r"(?P<image>!\[[^\]\n]*\]\([^)\n]*\))"
    r"|(?P<link>\[(?P<label>[^\]\n]*)\]\([^)\n]*\))"
    r"|(?P<url>https?://[^\s)\]]+)"
    r"|(?P<heading>^[ \t]*#{1,6}[ \t]+)"
    r"|(?P<rule>^[ \t]*(?:[-*_=][ \t]*){3,}$)"
    r"|(?P<emphasis>(?<![\w*_])[*_]{1,3}(?=\S)|(?<=\S)[*_]{1,3}(?![\w*_]))"
    r"|(?P<pipe>[ \t]*\|[ \t]*)"
    # "MADRID, Espagne - ", "PARIS (Reuters) - ", "AFP - ": a wire dateline, no sentence
    r"|(?P<dateline>^[ \t]*[A-ZÀ-Ý][A-ZÀ-Ý'’.-]+(?:[ \t]+[A-ZÀ-Ý][A-ZÀ-Ý'’.-]+)*"
    r"(?:,[ \t]*[A-ZÀ-Ý][\w'’.-]*(?:[ \t]+[\w'’.-]+){0,3})?"
    r"(?:[ \t]*\([^)\n]{1,30}\))?[ \t]+[-–—][ \t]+)",
    re.MULTILINE,
)


@dataclass(frozen=True)
class PlainText:
    text: str
    # Runs of copied characters: plain offset where each starts, and its original offset.
    _plain_starts: tuple[int, ...]
    _original_starts: tuple[int, ...]

    def original(self, offset: int) -> int:
        """Offset in the original text of the character at `offset` in the plain text."""
        run = bisect.bisect_right(self._plain_starts, offset) - 1
        if run < 0:
            return offset
        return self._original_starts[run] + offset - self._plain_starts[run]

    def original_end(self, end: int) -> int:
        """Original offset just after the character before `end` (for span ends)."""
        return self.original(end - 1) + 1 if end > 0 else 0


def to_plain_text(text: str) -> PlainText:
    pieces: list[str] = []
    plain_starts: list[int] = []
    original_starts: list[int] = []
    length = 0

    def copy(start: int, end: int) -> None:
        nonlocal length
        if end > start:
            plain_starts.append(length)
            original_starts.append(start)
            pieces.append(text[start:end])
            length += end - start

    def insert(value: str, at: int) -> None:
        nonlocal length
        plain_starts.append(length)
        original_starts.append(at)
        pieces.append(value)
        length += len(value)

    position = 0
    for match in _MARKUP.finditer(text):
        copy(position, match.start())
        if match.group("link") is not None:
            copy(match.start("label"), match.end("label"))
        elif match.group("pipe") is not None:
            insert("\n", match.start())
        position = match.end()
    copy(position, len(text))
    return PlainText("".join(pieces), tuple(plain_starts), tuple(original_starts))
