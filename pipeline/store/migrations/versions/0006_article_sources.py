"""Facts as received, and what is derived apart: `article_sources` (every receipt of an article:
source, url, title, publication date with its precision; corrections are appended), the date
found in the text as a projection (`article_extractions.published_in_text`), the process of each
extraction run (to close the runs that died), and `feed_items` for `ingest --since-last FEED`.

Each existing article gets its first receipt from its `articles` row. Its stored date may have
been found in the text rather than given by the source (before this revision both were stored
alike); it is kept as the source's, at day precision, since nothing tells the two apart.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-08
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_RUN_COLUMN_TYPES = {"host": sa.Text, "pid": sa.Integer, "interrupted": sa.Boolean}
APPEND_ONLY_MESSAGE = "article_sources is an append-only log: rows are never updated or deleted"


def upgrade() -> None:
    op.create_table(
        "article_sources",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("url", sa.Text()),
        sa.Column("title", sa.Text()),
        sa.Column("published_on", sa.Date()),
        sa.Column("published_precision", sa.String(8)),
        sa.Column("published_text", sa.Text()),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"], ["articles.id"], name="fk_article_sources_article_id_articles"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_article_sources"),
    )
    op.create_index("ix_article_sources_article_id", "article_sources", ["article_id"])
    op.execute(
        "insert into article_sources (article_id, source, url, title, published_on, "
        "published_precision, received_at) "
        "select id, source, url, title, published_on, "
        "case when published_on is null then null else 'day' end, ingested_at "
        "from articles order by id"
    )
    _forbid_changes()
    # Plain ALTER TABLE on both backends: SQLite's batch mode would copy extraction_runs, which
    # other tables' foreign keys point to.
    op.add_column("article_extractions", sa.Column("published_in_text", sa.Date()))
    for name, column_type in _RUN_COLUMN_TYPES.items():
        op.add_column("extraction_runs", sa.Column(name, column_type()))
    op.create_table(
        "feed_items",
        sa.Column("feed", sa.Text(), nullable=False),
        sa.Column("item_key", sa.Text(), nullable=False),
        sa.Column("seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("feed", "item_key", name="pk_feed_items"),
    )


def _forbid_changes() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "create function article_sources_append_only() returns trigger language plpgsql as $$ "
            f"begin raise exception '{APPEND_ONLY_MESSAGE}'; end $$"
        )
        op.execute(
            "create trigger article_sources_append_only before update or delete on "
            "article_sources for each row execute function article_sources_append_only()"
        )
        return
    for action in ("update", "delete"):
        op.execute(
            f"create trigger article_sources_no_{action} before {action} on article_sources "
            f"begin select raise(abort, '{APPEND_ONLY_MESSAGE}'); end"
        )


def downgrade() -> None:
    op.drop_table("feed_items")
    for name in reversed(_RUN_COLUMN_TYPES):
        op.drop_column("extraction_runs", name)  # ALTER TABLE DROP COLUMN: SQLite 3.35+
    op.drop_column("article_extractions", "published_in_text")
    if op.get_bind().dialect.name == "postgresql":
        op.execute("drop trigger if exists article_sources_append_only on article_sources")
        op.execute("drop function if exists article_sources_append_only()")
    op.drop_table("article_sources")
