"""Schema versions through Alembic: upgrade, downgrade, current, and "upgrade on first use"."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text
from sqlalchemy.exc import OperationalError as SAOperationalError

from pipeline.store.db import DatabaseError, display_url, explain

if TYPE_CHECKING:
    from alembic.config import Config

# The migration scripts' revisions, oldest first (tests/test_migrations.py checks this list
# against them). Every command checks the schema; knowing the revisions here lets that check
# skip importing Alembic, which costs a quarter of a second, unless there is something to migrate.
REVISIONS = ("0001", "0002", "0003", "0004", "0005", "0006", "0007")


class RevisionError(ValueError):
    """A revision Alembic cannot find or reach, explained in one line."""


def alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(resources.files("pipeline.store") / "migrations"))
    return config


def head_revision() -> str:
    return REVISIONS[-1]


def known_revisions() -> set[str]:
    return set(REVISIONS)


def current_revision(engine: Engine) -> str | None:
    """The revision in Alembic's own table; None for an empty database."""
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        return connection.execute(text("select version_num from alembic_version")).scalar()


# Tables a downgrade may drop without losing anything: rebuilt from the others.
DERIVED_TABLES = frozenset({"merged_events", "alembic_version"})


@dataclass(frozen=True)
class DataLoss:
    """The tables holding data that a downgrade would drop, with their row counts."""

    revision: str
    rows: dict[str, int]

    def __str__(self) -> str:
        tables = ", ".join(
            f"{name} ({rows} row{'s' if rows != 1 else ''})"
            for name, rows in sorted(self.rows.items())
        )
        articles = self.rows.get("articles")
        lost = (
            f", and {articles} article{'s' if articles != 1 else ''} would be lost"
            if articles
            else ""
        )
        return f"downgrading to {self.revision} drops tables holding data: {tables}{lost}"


class DowngradeRefused(RuntimeError):
    """A downgrade that would drop data and was not confirmed; nothing was changed."""

    def __init__(self, loss: DataLoss):
        super().__init__(str(loss))
        self.loss = loss


def upgrade(engine: Engine, revision: str = "head") -> None:
    _run(engine, "upgrade", revision)


def downgrade(
    engine: Engine, revision: str, *, confirm: Callable[[DataLoss], bool] | None = None
) -> None:
    """Downgrade to `revision`. With `confirm`, a downgrade that drops tables holding data runs
    only if confirm(loss) says yes; it is tried in the transaction that would commit it, so what
    it drops is measured, not predicted, and a refusal rolls it all back."""
    _run(engine, "downgrade", revision, confirm=confirm)


def _run(
    engine: Engine,
    action: str,
    revision: str,
    *,
    confirm: Callable[[DataLoss], bool] | None = None,
) -> None:
    from alembic import command
    from alembic.util import CommandError

    config = alembic_config()
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            before = _row_counts(connection) if confirm else {}
            getattr(command, action)(config, revision)
            if confirm:
                remaining = set(inspect(connection).get_table_names())
                dropped = {
                    name: rows
                    for name, rows in before.items()
                    if name not in remaining and rows and name not in DERIVED_TABLES
                }
                if dropped and not confirm(DataLoss(revision, dropped)):
                    raise DowngradeRefused(DataLoss(revision, dropped))
    except CommandError as exc:
        raise RevisionError(str(exc)) from exc


def _row_counts(connection: Connection) -> dict[str, int]:
    preparer = connection.dialect.identifier_preparer
    return {
        name: connection.execute(text(f"select count(*) from {preparer.quote(name)}")).scalar()
        for name in inspect(connection).get_table_names()
    }


def ensure_current(engine: Engine) -> None:
    """Upgrade an older (or empty) database to head; refuse one made by a newer pipeline."""
    try:
        current = current_revision(engine)
    except SAOperationalError as exc:
        raise DatabaseError(
            f"cannot open database {display_url(str(engine.url))}: {_first_line(exc)}"
        ) from exc
    head = head_revision()
    if current == head:
        return
    if current is not None and current not in known_revisions():
        raise DatabaseError(
            f"database schema is at revision {current}, newer than this pipeline knows "
            f"(head {head}): upgrade pipeline before using this database"
        )
    upgrade(engine)


def _first_line(exc: Exception) -> str:
    original = getattr(exc, "orig", None) or exc
    lines = str(original).strip().splitlines()
    return explain(lines[0]) if lines else type(exc).__name__
