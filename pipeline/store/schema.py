"""Schema versions through Alembic: upgrade, downgrade, current, and "upgrade on first use"."""

from __future__ import annotations

from importlib import resources
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text
from sqlalchemy.exc import OperationalError as SAOperationalError

from pipeline.store.db import DatabaseError, display_url, explain

if TYPE_CHECKING:
    from alembic.config import Config

# The migration scripts' revisions, oldest first (tests/test_migrations.py checks this list
# against them). Every command checks the schema; knowing the revisions here lets that check
# skip importing Alembic, which costs a quarter of a second, unless there is something to migrate.
REVISIONS = ("0001", "0002", "0003", "0004", "0005", "0007")


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


def upgrade(engine: Engine, revision: str = "head") -> None:
    _run(engine, "upgrade", revision)


def downgrade(engine: Engine, revision: str) -> None:
    _run(engine, "downgrade", revision)


def _run(engine: Engine, action: str, revision: str) -> None:
    from alembic import command
    from alembic.util import CommandError

    config = alembic_config()
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            getattr(command, action)(config, revision)
    except CommandError as exc:
        raise RevisionError(str(exc)) from exc


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
