"""merged_events: the rows of events_merged stored and kept up to date at write time, so that
departures, dissolutions and hirings stay fast on large databases; the views are recreated from
the current sql/*.sql files.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23
"""

from collections.abc import Sequence

from alembic import op

from pipeline.store.views import create_views, drop_views

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    drop_views(op.get_bind())
    create_views(op.get_bind())  # creates merged_events and fills it from the stored reports


def downgrade() -> None:
    # The views and merged_events always follow the installed code (0002 creates them from the
    # current sql/*.sql files), so the schema before 0004 has them too: recreate them as they are.
    drop_views(op.get_bind())
    create_views(op.get_bind())
