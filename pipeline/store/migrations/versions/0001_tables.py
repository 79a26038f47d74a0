"""Tables: the append-only article log and its projections.

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

APPEND_ONLY_MESSAGE = "articles is an append-only log: rows are never updated or deleted"


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("url", sa.Text()),
        sa.Column("title", sa.Text()),
        sa.Column("published_on", sa.Date()),
        sa.Column("lang", sa.String(8), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_articles"),
        sa.UniqueConstraint("content_hash", name="uq_articles_content_hash"),
    )
    op.create_table(
        "extraction_runs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("extractor_version", sa.String(64), nullable=False),
        sa.Column("command", sa.String(16), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True)),
        sa.Column("articles_extracted", sa.Integer(), server_default="0", nullable=False),
        sa.Column("events_found", sa.Integer(), server_default="0", nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_extraction_runs"),
    )
    op.create_table(
        "article_extractions",
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.Column("extractor_version", sa.String(64), nullable=False),
        sa.Column("extracted_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name="fk_article_extractions_article_id_articles",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["run_id"], ["extraction_runs.id"], name="fk_article_extractions_run_id_extraction_runs"
        ),
        sa.PrimaryKeyConstraint("article_id", name="pk_article_extractions"),
    )
    op.create_index("ix_article_extractions_run_id", "article_extractions", ["run_id"])
    op.create_table(
        "entities",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("key", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_entities"),
        sa.UniqueConstraint("kind", "key", name="uq_entities_kind_key"),
    )
    op.create_table(
        "mentions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.Column("start_char", sa.Integer(), nullable=False),
        sa.Column("end_char", sa.Integer(), nullable=False),
        sa.Column("surface", sa.Text(), nullable=False),
        sa.Column("sentence", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"], ["articles.id"], name="fk_mentions_article_id_articles"
        ),
        sa.ForeignKeyConstraint(
            ["entity_id"], ["entities.id"], name="fk_mentions_entity_id_entities"
        ),
        sa.ForeignKeyConstraint(
            ["run_id"], ["extraction_runs.id"], name="fk_mentions_run_id_extraction_runs"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_mentions"),
    )
    op.create_index("ix_mentions_article_id", "mentions", ["article_id"])
    op.create_index("ix_mentions_entity_id", "mentions", ["entity_id"])
    op.create_table(
        "events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.Column("extractor_version", sa.String(64), nullable=False),
        sa.Column("event_type", sa.String(16), nullable=False),
        sa.Column("subject_id", sa.Integer(), nullable=False),
        sa.Column("organization_id", sa.Integer()),
        sa.Column("kind", sa.String(16)),
        sa.Column("role", sa.Text()),
        sa.Column("event_date", sa.Date()),
        sa.Column("date_precision", sa.String(8)),
        sa.Column("date_text", sa.Text()),
        sa.Column("sentence", sa.Text(), nullable=False),
        sa.Column("sentence_start", sa.Integer(), nullable=False),
        sa.Column("sentence_end", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"], ["articles.id"], name="fk_events_article_id_articles"
        ),
        sa.ForeignKeyConstraint(
            ["run_id"], ["extraction_runs.id"], name="fk_events_run_id_extraction_runs"
        ),
        sa.ForeignKeyConstraint(
            ["subject_id"], ["entities.id"], name="fk_events_subject_id_entities"
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"], ["entities.id"], name="fk_events_organization_id_entities"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_events"),
    )
    op.create_index("ix_events_article_id", "events", ["article_id"])
    op.create_index(
        "ix_events_type_subject_org", "events", ["event_type", "subject_id", "organization_id"]
    )
    _forbid_article_changes()


def _forbid_article_changes() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "create function articles_append_only() returns trigger language plpgsql as $$ "
            f"begin raise exception '{APPEND_ONLY_MESSAGE}'; end $$"
        )
        op.execute(
            "create trigger articles_append_only before update or delete on articles "
            "for each row execute function articles_append_only()"
        )
        return
    for action in ("update", "delete"):
        op.execute(
            f"create trigger articles_no_{action} before {action} on articles "
            f"begin select raise(abort, '{APPEND_ONLY_MESSAGE}'); end"
        )


def downgrade() -> None:
    for table in ("events", "mentions", "entities", "article_extractions", "extraction_runs"):
        op.drop_table(table)
    if op.get_bind().dialect.name == "postgresql":
        op.execute("drop trigger if exists articles_append_only on articles")
        op.execute("drop function if exists articles_append_only()")
    op.drop_table("articles")
