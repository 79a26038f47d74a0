"""Names compared without accents or case, the same way on both backends: `--person 'Élodie'`
finds "Elodie" and "ÉLODIE", on SQLite (whose lower() knows only ASCII) as on PostgreSQL.

SQLite gets the Python function as `pipeline_fold` on every connection; PostgreSQL needs no
extension: translate() maps each accented Latin letter to its base letter, then lower()."""

from __future__ import annotations

import unicodedata

from sqlalchemy import func
from sqlalchemy.sql.elements import ColumnElement

SQLITE_FUNCTION = "pipeline_fold"


def fold(text: str | None) -> str | None:
    """`text` lower-cased, without accents."""
    if text is None:
        return None
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def _accent_table() -> tuple[str, str]:
    """(accented Latin letters, their base letters), for PostgreSQL's translate()."""
    accented, bases = [], []
    for code in range(0xC0, 0x250):
        char = chr(code)
        base = "".join(
            c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c)
        )
        if len(base) == 1 and base != char and base.isascii():
            accented.append(char)
            bases.append(base)
    return "".join(accented), "".join(bases)


_ACCENTED, _BASES = _accent_table()


def folded(expression, dialect: str) -> ColumnElement:
    """`expression` folded as fold() folds Python strings, in SQL."""
    if dialect == "postgresql":
        return func.lower(func.translate(expression, _ACCENTED, _BASES))
    return getattr(func, SQLITE_FUNCTION)(expression)
