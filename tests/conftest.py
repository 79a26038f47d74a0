"""Fixtures named for the state they give: databases on both backends, the extractor, the seeds.

PostgreSQL tests run against the server in $PIPELINE_TEST_PG_URL (each test or module gets its own
database, dropped afterwards) and are skipped only when that variable is unset.
"""

from __future__ import annotations

import json
import os
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from pipeline.commands.batches import IngestReport
from pipeline.commands.ingest import ingest
from pipeline.extract import ArticleText, Extractor
from pipeline.store import schema
from pipeline.store.db import make_engine, resolve_url
from tests.helpers import SEEDS_DIR, Database, front_matter_article

PG_URL_ENV = "PIPELINE_TEST_PG_URL"
BACKENDS = ("sqlite", "postgresql")


def pytest_report_header(config) -> str:
    url = os.environ.get(PG_URL_ENV)
    if not url:
        return f"PostgreSQL: {PG_URL_ENV} is unset, PostgreSQL tests are skipped"
    return f"PostgreSQL: {make_url(resolve_url(url)).render_as_string(hide_password=True)}"


# --- databases


def _pg_server_url() -> str:
    url = os.environ.get(PG_URL_ENV)
    if not url:
        pytest.skip(f"{PG_URL_ENV} is not set")
    return resolve_url(url)


@contextmanager
def _new_pg_database(server_url: str) -> Iterator[str]:
    """A new, empty database on the test server; dropped (connections and all) on exit."""
    server = make_url(server_url)
    name = f"pipeline_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.exec_driver_sql(f'create database "{name}"')
        yield server.set(database=name).render_as_string(hide_password=False)
    finally:
        _drop_database(admin, name)
        admin.dispose()


def _drop_database(admin: Engine, name: str, attempts: int = 40) -> None:
    """Drop `name` and its connections. An autovacuum worker runs as a superuser, whom the test
    role may not terminate ("must be a member of the role whose process is being terminated"):
    wait for it to finish and try again."""
    for attempt in range(attempts):
        try:
            with admin.connect() as connection:
                connection.exec_driver_sql(f'drop database if exists "{name}" with (force)')
            return
        except DBAPIError:
            if attempt == attempts - 1:
                raise
            time.sleep(0.25)


@contextmanager
def _new_database(backend: str, folder: Path) -> Iterator[str]:
    if backend == "sqlite":
        yield f"sqlite:///{folder / f'pipeline-{uuid.uuid4().hex[:8]}.db'}"
    else:
        with _new_pg_database(_pg_server_url()) as url:
            yield url


@pytest.fixture
def sqlite_url(tmp_path) -> str:
    """URL of a SQLite file that does not exist yet."""
    return f"sqlite:///{tmp_path / 'pipeline.db'}"


@pytest.fixture
def pg_url() -> Iterator[str]:
    """URL of a new, empty PostgreSQL database (no schema), dropped after the test."""
    with _new_pg_database(_pg_server_url()) as url:
        yield url


@pytest.fixture(params=BACKENDS)
def db_url(request) -> str:
    """URL of an empty database with no schema, on each backend in turn."""
    return request.getfixturevalue("sqlite_url" if request.param == "sqlite" else "pg_url")


@pytest.fixture
def fresh_engine(db_url) -> Iterator[Engine]:
    """A write engine on a database at the newest schema, with no rows."""
    engine = make_engine(db_url)
    schema.upgrade(engine)
    yield engine
    engine.dispose()


@pytest.fixture(scope="module", params=BACKENDS)
def module_db(request, tmp_path_factory) -> Iterator[Database]:
    """A database at the newest schema shared by the tests of one module, on each backend."""
    with _new_database(request.param, tmp_path_factory.mktemp("db")) as url:
        engine = make_engine(url)
        schema.upgrade(engine)
        yield Database(url, engine)
        engine.dispose()


# --- extraction


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    """The real extractor with both language pipelines loaded (spaCy loads once per process)."""
    real = Extractor()
    real.extract(ArticleText("Marie Curie a quitté OpenAI en mai 2024.", "fr"))
    real.extract(ArticleText("Marie Curie left OpenAI in May 2024.", "en"))
    return real


@pytest.fixture(scope="module", params=BACKENDS)
def seeded_db(request, tmp_path_factory, extractor) -> Iterator[Database]:
    """The seeds ingested once per module into a fresh database, on each backend."""
    with _new_database(request.param, tmp_path_factory.mktemp("seeded")) as url:
        engine = make_engine(url)
        schema.upgrade(engine)
        report: IngestReport = ingest([str(SEEDS_DIR)], engine=engine, extractor=extractor)
        assert report.new == len(list(SEEDS_DIR.glob("*.txt"))) and not report.failed
        yield Database(url, engine, report)
        engine.dispose()


# --- article files


@pytest.fixture
def articles_dir(tmp_path) -> Path:
    """An empty folder for article files."""
    folder = tmp_path / "articles"
    folder.mkdir()
    return folder


@pytest.fixture
def write_article(articles_dir) -> Callable[..., Path]:
    """write_article("a.md", text, title=..., date=...) -> path; front matter when fields given."""

    def write(name: str, text: str, **fields: str) -> Path:
        path = articles_dir / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(front_matter_article(text, **fields), encoding="utf-8")
        return path

    return write


@pytest.fixture
def write_jsonl(articles_dir) -> Callable[..., Path]:
    """write_jsonl("dump.jsonl", [{"text": ...}, ...]) -> path, one JSON object per line."""

    def write(name: str, records: list[dict]) -> Path:
        path = articles_dir / name
        lines = (json.dumps(record, ensure_ascii=False) for record in records)
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return path

    return write
