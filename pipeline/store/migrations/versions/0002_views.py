"""Saved views for queries and BI tools, read from sql/*.sql (created by env.py since 0005:
the views follow the installed code, so they are made once the tables are at the revision
they read).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

from collections.abc import Sequence

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    pass  # migrations/env.py creates the views after each run, from the current sql files


def downgrade() -> None:
    pass  # and drops them before each run
