"""Alembic environment: metadata from pipeline.store.models, URL from pipeline.store.db
(not alembic.ini)."""

from alembic import context

from pipeline.store.db import make_engine
from pipeline.store.models import metadata
from pipeline.store.views import VIEWS_NEED_REVISION, create_views, drop_views

config = context.config


def run_migrations(connection) -> None:
    context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
    with context.begin_transaction():
        if connection.dialect.name == "postgresql":
            # Two processes meeting a fresh database must not both create the schema.
            connection.exec_driver_sql("select pg_advisory_xact_lock(7411)")
        # The views always follow the installed code: every run drops them, migrates the tables
        # with no view in the way (SQLite's batch mode cannot alter a table a view reads), then
        # creates them again from the current sql/*.sql files if the tables are at a revision
        # those files can read.
        drop_views(connection)
        context.run_migrations()
        revision = context.get_context().get_current_revision()
        if revision is not None and revision >= VIEWS_NEED_REVISION:
            create_views(connection)


def run_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        run_migrations(connection)
        return
    engine = make_engine(config.get_main_option("sqlalchemy.url") or None)
    with engine.connect() as fresh_connection:
        run_migrations(fresh_connection)
    engine.dispose()


if context.is_offline_mode():
    raise SystemExit("offline (--sql) migrations are not supported; run them against a database")
run_online()
