"""The tables. `articles` is the append-only log; the rest are projections rebuilt from it."""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = MetaData(naming_convention=NAMING_CONVENTION)

articles = Table(
    "articles",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("content_hash", String(64), nullable=False, unique=True),
    Column("source", Text, nullable=False),
    Column("url", Text),
    Column("title", Text),
    Column("published_on", Date),
    Column("lang", String(8), nullable=False),
    Column("text", Text, nullable=False),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
)

# Every time an article's text was received: where from, and the url, title and publication
# date (with its precision and its words) that this source gave. The first row is written with
# the article; a later row is a correction or another outlet, appended, never updated (triggers
# refuse it, as for `articles`). The views read each field from the latest row that gives it.
article_sources = Table(
    "article_sources",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("article_id", ForeignKey("articles.id"), nullable=False, index=True),
    Column("source", Text, nullable=False),
    Column("url", Text),
    Column("title", Text),
    Column("published_on", Date),
    Column("published_precision", String(8)),
    Column("published_text", Text),
    Column("received_at", DateTime(timezone=True), nullable=False),
)

extraction_runs = Table(
    "extraction_runs",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("extractor_version", String(64), nullable=False),
    Column("command", String(16), nullable=False),
    Column("started_at", DateTime(timezone=True), nullable=False),
    Column("finished_at", DateTime(timezone=True)),
    Column("articles_extracted", Integer, nullable=False, server_default="0"),
    Column("events_found", Integer, nullable=False, server_default="0"),
    # the process that runs it, so that a later command can tell a run that died from one that
    # is still going, and close it with its true counts (`interrupted` then true)
    Column("host", Text),
    Column("pid", Integer),
    Column("interrupted", Boolean),
)

# One row per article whose projections are stored: written in the same transaction as its
# mentions and events, so "has a row here" means "has all its projections".
article_extractions = Table(
    "article_extractions",
    metadata,
    Column("article_id", ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("run_id", ForeignKey("extraction_runs.id"), nullable=False, index=True),
    Column("extractor_version", String(64), nullable=False),
    Column("extracted_at", DateTime(timezone=True), nullable=False),
    # the publication date a dateline in the text gives ("Publié le 3 mars 2024"): derived, so
    # recomputed by `pipeline reprocess`; the views use it when no source gave a date
    Column("published_in_text", Date),
)

entities = Table(
    "entities",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("kind", String(16), nullable=False),
    Column("name", Text, nullable=False),
    Column("key", Text, nullable=False),
    UniqueConstraint("kind", "key", name="uq_entities_kind_key"),
)

mentions = Table(
    "mentions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("article_id", ForeignKey("articles.id"), nullable=False, index=True),
    Column("entity_id", ForeignKey("entities.id"), nullable=False, index=True),
    Column("run_id", ForeignKey("extraction_runs.id"), nullable=False),
    Column("start_char", Integer, nullable=False),
    Column("end_char", Integer, nullable=False),
    Column("surface", Text, nullable=False),
    Column("sentence", Text, nullable=False),
)

events = Table(
    "events",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("article_id", ForeignKey("articles.id"), nullable=False, index=True),
    Column("run_id", ForeignKey("extraction_runs.id"), nullable=False),
    Column("extractor_version", String(64), nullable=False),
    Column("event_type", String(16), nullable=False),
    Column("subject_id", ForeignKey("entities.id"), nullable=False),
    Column("organization_id", ForeignKey("entities.id")),
    Column("kind", String(16)),
    Column("role", Text),
    Column("event_date", Date),
    Column("date_precision", String(8)),
    Column("date_text", Text),
    Column("sentence", Text, nullable=False),
    Column("sentence_start", Integer, nullable=False),
    Column("sentence_end", Integer, nullable=False),
    # the extraction rule that made the event ("fr.dismissal.passive"); empty for events stored
    # before rules had ids (a `pipeline reprocess` fills it)
    Column("rule_id", String(80)),
    # dissolutions: what the team worked on (`safety`, `ethics`, `alignment`, `policy`,
    # `research`, `product` or `other`; pipeline/extract/team_focus.py); empty for other events
    Column("focus", String(16)),
    Index("ix_events_type_subject_org", "event_type", "subject_id", "organization_id"),
)

# The rows of the events_merged view, stored: written with the reports they merge, in the same
# transaction (pipeline/merged.py), so departures, dissolutions and hirings read indexed rows
# instead of merging every report of the database on each query. Created and dropped with the
# views; (event_type, subject_id, organization_key) is the group of reports a row merges.
merged_events = Table(
    "merged_events",
    metadata,
    Column("event_key", Text, primary_key=True),
    Column("event_type", String(16), nullable=False),
    Column("subject_id", Integer, nullable=False),
    Column("organization_key", Integer, nullable=False),
    Column("subject", Text, nullable=False),
    Column("organization", Text),
    Column("kind", String(16)),
    Column("role", Text),
    Column("focus", String(16)),
    Column("date", String(10)),
    Column("event_date", Date),
    Column("date_precision", String(8)),
    Column("article_count", Integer, nullable=False),
    Column("evidence_count", Integer, nullable=False),
    Column("first_reported", Date),
    Column("last_reported", Date),
    Index("ix_merged_events_group", "subject_id", "event_type", "organization_key"),
    Index("ix_merged_events_type_date", "event_type", "event_date"),
    Index("ix_merged_events_type_organization", "event_type", "organization"),
)

# When `pipeline ingest --since-last` last began reading each folder: files changed since then
# (by ctime, which a rename or `cp -p` also sets) are the new ones.
ingest_watermarks = Table(
    "ingest_watermarks",
    metadata,
    Column("folder", Text, primary_key=True),
    Column("scanned_at_ns", BigInteger, nullable=False),
)

# Items of RSS and Atom feeds already read by `pipeline ingest --since-last FEED`.
feed_items = Table(
    "feed_items",
    metadata,
    Column("feed", Text, primary_key=True),
    Column("item_key", Text, primary_key=True),
    Column("seen_at", DateTime(timezone=True), nullable=False),
)

PROJECTION_TABLES = (events, mentions, article_extractions)
