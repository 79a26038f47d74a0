"""events.rule_id: the extraction rule that made each event, shown by event_sources (`rule`) and
`pipeline query sources`.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-06
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("events", sa.Column("rule_id", sa.String(80)))


def downgrade() -> None:
    op.drop_column("events", "rule_id")  # below 0005 there are no views reading it
