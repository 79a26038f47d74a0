"""Schema versions through Alembic: upgrade, downgrade, current, and "upgrade on first use"."""

from __future__ import annotations

from importlib import resources

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError as SAOperationalError

from pipeline.db import DatabaseError, display_url, explain


class RevisionError(ValueError):
    """A revision Alembic cannot find or reach, explained in one line."""


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(resources.files("pipeline") / "migrations"))
    return config


def head_revision() -> str:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def known_revisions() -> set[str]:
    return {
        script.revision for script in ScriptDirectory.from_config(alembic_config()).walk_revisions()
    }


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> None:
    _run(engine, command.upgrade, revision)


def downgrade(engine: Engine, revision: str) -> None:
    _run(engine, command.downgrade, revision)


def _run(engine: Engine, action, revision: str) -> None:
    config = alembic_config()
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            action(config, revision)
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
