"""Watermarks for `pipeline ingest --since-last`: per folder, when the last run began reading it.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "ingest_watermarks",
        sa.Column("folder", sa.Text(), nullable=False),
        sa.Column("scanned_at_ns", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("folder", name="pk_ingest_watermarks"),
    )


def downgrade() -> None:
    op.drop_table("ingest_watermarks")
