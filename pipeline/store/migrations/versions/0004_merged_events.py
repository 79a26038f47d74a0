"""merged_events: the rows of events_merged stored and kept up to date at write time, so that
departures, dissolutions and hirings stay fast on large databases; the views are recreated from
the current sql/*.sql files.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23
"""

from collections.abc import Sequence

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    pass  # migrations/env.py creates the views after each run, from the current sql files


def downgrade() -> None:
    pass  # and drops them before each run
