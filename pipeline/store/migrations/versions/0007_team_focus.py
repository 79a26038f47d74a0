"""events.focus: what a dissolved team worked on, shown by dissolutions, events_merged,
event_sources and the new safety_team_dissolutions view. The dissolutions already stored get
theirs from the team's name and the reporting sentence (a `pipeline reprocess` also reads the
sentence before it).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-06
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from pipeline.extract.team_focus import team_focus

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("events", sa.Column("focus", sa.String(16)))
    connection = op.get_bind()
    stored = connection.execute(
        sa.text(
            "select events.id, entities.name, events.sentence from events "
            "join entities on entities.id = events.subject_id "
            "where events.event_type = 'dissolution'"
        )
    ).all()
    if stored:
        connection.execute(
            sa.text("update events set focus = :focus where id = :id"),
            [{"id": id_, "focus": team_focus(team, sentence)} for id_, team, sentence in stored],
        )


def downgrade() -> None:
    op.drop_column("events", "focus")  # below 0007 there are no views reading it
