"""`pipeline serve` for real: the command starts Datasette on 127.0.0.1, every view and the
canned queries are read over HTTP as JSON, the metadata comes from docs/views.md, events link to
their evidence, nothing can be written, and headless Chromium shows the departures page
(PIPELINE_WRITE_DOCS=1 saves that screenshot as docs/serve.png). PostgreSQL is served through
`pipeline export --sqlite`, tested here too."""

import hashlib
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import lxml.html
import pytest
from sqlalchemy import text
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.commands.ingest import ingest
from pipeline.outputs.view_docs import view_docs
from pipeline.store import schema
from pipeline.store.db import make_engine
from pipeline.store.views import VIEW_NAMES
from tests.helpers import ROOT, SEEDS_DIR, departure, dissolution, hiring, store_report, url_of

PIPELINE = str(Path(sys.executable).parent / "pipeline")
CHROMIUM = shutil.which("chromium")
runner = CliRunner()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.read()


def get_json(url: str):
    return json.loads(get(url))


def rows_of(engine, view: str) -> list[dict]:
    with engine.connect() as connection:
        return [dict(row._mapping) for row in connection.execute(text(f"select * from {view}"))]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


class Server:
    """`pipeline serve` in a subprocess, stopped (and waited for) on exit."""

    def __init__(self, database: Path):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.database = f"{self.base}/{database.stem}"
        self.process = subprocess.Popen(
            [PIPELINE, "serve", "--db", str(database), "--port", str(self.port)],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            env={k: v for k, v in os.environ.items() if k != "PIPELINE_DB_URL"},
        )

    def __enter__(self) -> "Server":
        deadline = time.monotonic() + 90
        while True:
            try:
                get(f"{self.base}/-/versions.json")
                return self
            except OSError:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    self.__exit__()
                    output = self.process.stdout.read().decode(errors="replace")
                    pytest.fail(f"pipeline serve did not start: {output[-2000:]}")
                time.sleep(0.2)

    def __exit__(self, *_) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=20)


@pytest.fixture(scope="module")
def served(tmp_path_factory, extractor) -> Iterator[tuple[Server, object, Path]]:
    """The seeds ingested into a SQLite file, with a hiring and a return so that careers have
    more than departures, served by `pipeline serve`: (server, engine, database file)."""
    path = tmp_path_factory.mktemp("served") / "pipeline.db"
    engine = make_engine(f"sqlite:///{path}")
    schema.upgrade(engine)
    ingest([str(SEEDS_DIR)], engine=engine, extractor=extractor)
    store_report(
        engine,
        hiring("Jan Leike", "Anthropic", date="2024-05-28"),
        dissolution("Python", "Google", date="2024-04", focus="other"),
        published="2024-05-28",
        title="Jan Leike rejoint Anthropic",
        url="https://news.example/leike",
    )
    engine.dispose()
    engine = make_engine(f"sqlite:///{path}", write=False)
    before = digest(path)
    with Server(path) as server:
        yield server, engine, path
    engine.dispose()
    assert digest(path) == before, "serving changed the database file"


@pytest.mark.slow
def test_every_view_is_served_as_json_with_its_rows(served):
    server, engine, _ = served
    docs = view_docs()
    for view in VIEW_NAMES:
        rows = get_json(f"{server.database}/{view}.json?_shape=array&_size=max")
        expected = rows_of(engine, view)
        assert len(rows) == len(expected) > 0, view
        assert list(rows[0]) == list(docs[view].columns), view


@pytest.mark.slow
def test_every_view_and_column_has_a_title_and_a_description_from_the_docs(served):
    server, _, path = served
    metadata = get_json(f"{server.base}/-/metadata.json")
    tables = metadata["databases"][path.stem]["tables"]
    docs = view_docs()
    for view in VIEW_NAMES:
        described = tables[view]
        assert described["title"] and described["description"] == docs[view].description
        assert set(described["columns"]) == set(docs[view].columns), view
        assert all(described["columns"].values()), view
    assert tables["departures"]["title"] == "Departures"
    assert tables["safety_team_dissolutions"]["title"] == "Dissolved AI-safety teams"
    page = get(f"{server.database}/departures").decode()
    assert "One row per person leaving an organisation" in page


@pytest.mark.slow
def test_departures_come_with_organisation_kind_and_year_facets(served):
    server, engine, _ = served
    answer = get_json(f"{server.database}/departures.json")
    facets = answer["facet_results"]
    facets = facets.get("results", facets)  # Datasette 1.0 nests them
    assert {"organization", "kind", "year"} <= set(facets)
    openai = next(v for v in facets["organization"]["results"] if v["value"] == "OpenAI")
    expected = sum(1 for row in rows_of(engine, "departures") if row["organization"] == "OpenAI")
    assert openai["count"] == expected


@pytest.mark.slow
def test_the_canned_queries_answer(served):
    server, engine, _ = served
    leavers = get_json(
        f"{server.database}/departures_from_one_lab.json?organization=openai&_shape=array"
    )
    assert sorted(row["person"] for row in leavers) == sorted(
        row["person"] for row in rows_of(engine, "departures") if row["organization"] == "OpenAI"
    )
    by_year = get_json(f"{server.database}/dissolutions_by_year.json?_shape=array")
    assert sum(row["dissolutions"] for row in by_year) == len(rows_of(engine, "dissolutions"))
    assert {row["year"]: row["safety_teams"] for row in by_year}[2024] == 1  # not the Python team
    career = get_json(f"{server.database}/one_persons_career.json?person=leike&_shape=array")
    assert [(row["move"], row["organization"]) for row in career] == [
        ("left", "OpenAI"),
        ("joined", "Anthropic"),
    ]


@pytest.mark.slow
def test_each_event_links_to_its_evidence_and_each_person_to_their_career(served):
    server, engine, _ = served
    page = lxml.html.document_fromstring(get(f"{server.database}/departures"))
    links = page.xpath("//a[@class='pipeline-evidence']")
    assert len(links) == len(rows_of(engine, "departures"))
    target = urllib.parse.urljoin(server.base, links[0].get("href"))
    path, _, query = target.partition("?")
    evidence = get_json(f"{path}.json?{query}&_shape=array")
    event_key = urllib.parse.parse_qs(query)["event_key"][0]
    assert evidence and {row["event_key"] for row in evidence} == {event_key}
    assert all(row["sentence"] for row in evidence)
    people = page.xpath("//a[@class='pipeline-career']")
    assert people and all("/careers?person=" in a.get("href") for a in people)


@pytest.mark.slow
def test_nothing_served_can_write(served):
    server, engine, _ = served
    before = rows_of(engine, "departures")
    for statement in ("delete from articles", "update entities set name = 'x'"):
        query = urllib.parse.urlencode({"sql": statement})
        try:
            answer = get_json(f"{server.database}.json?{query}")
            assert answer.get("ok") is False, answer
        except urllib.error.HTTPError as refused:
            assert refused.code in (400, 403)
    assert rows_of(engine, "departures") == before


@pytest.mark.slow
@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")
def test_the_departures_page_in_headless_chromium(served, tmp_path):
    from PIL import Image

    server, engine, _ = served
    profile = tmp_path / "chromium-profile"
    flags = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        f"--user-data-dir={profile}",
    ]
    url = f"{server.database}/departures"
    dom = subprocess.run(
        [*flags, "--dump-dom", url], capture_output=True, text=True, timeout=120, check=True
    ).stdout
    page = lxml.html.document_fromstring(dom)
    assert page.xpath("//h1")[0].text_content().split() == ["Departures", "(view)"]
    assert len(page.xpath("//table[contains(@class, 'rows-and-columns')]/tbody/tr")) == len(
        rows_of(engine, "departures")
    )
    shot = tmp_path / "serve.png"
    subprocess.run(
        [*flags, "--hide-scrollbars", f"--screenshot={shot}", "--window-size=1280,1700", url],
        capture_output=True,
        timeout=120,
        check=True,
    )
    with Image.open(shot) as image:
        assert image.size == (1280, 1700)
        colours = image.convert("RGB").getcolors(1 << 24)
    assert len(colours) > 50, "the page is not blank"
    if os.environ.get("PIPELINE_WRITE_DOCS"):
        shutil.copy(shot, ROOT / "docs" / "serve.png")


# --- what is not served, and PostgreSQL through a snapshot


def test_serve_refuses_postgresql_and_says_what_to_do():
    result = runner.invoke(app, ["serve", "--db", "postgresql://user:s3cret@db.example/news"])
    assert result.exit_code == 2
    assert result.stderr == (
        "error: pipeline serve reads SQLite files and postgresql+psycopg://user:***@db.example/"
        "news is not one: make a read-only snapshot with `pipeline export --sqlite snapshot.db`, "
        "then `pipeline serve --db snapshot.db`\n"
    )


def test_serve_refuses_a_database_that_does_not_exist(tmp_path):
    missing = tmp_path / "missing.db"
    result = runner.invoke(app, ["serve", "--db", str(missing)])
    assert result.exit_code == 2
    assert (
        result.stderr
        == f"error: no database at {missing}: run `pipeline ingest` first, or give --db\n"
    )
    assert not missing.exists()


def test_export_refuses_to_overwrite(tmp_path, sqlite_url):
    existing = tmp_path / "snapshot.db"
    existing.write_text("mine")
    assert runner.invoke(app, ["db", "upgrade", "--db", sqlite_url]).exit_code == 0
    result = runner.invoke(app, ["export", "--sqlite", str(existing), "--db", sqlite_url])
    assert result.exit_code == 1
    assert result.stderr == f"error: {existing} exists: remove it or choose another path\n"
    assert existing.read_text() == "mine"


@pytest.mark.slow
def test_a_postgresql_database_is_served_through_a_read_only_snapshot(pg_url, tmp_path):
    engine = make_engine(pg_url)
    schema.upgrade(engine)
    store_report(
        engine,
        departure("Jan Leike", "OpenAI", "resignation", date="2024-05"),
        dissolution("Superalignment", "OpenAI", date="2024-05", focus="alignment"),
        published="2024-05-17",
    )
    snapshot = tmp_path / "snapshot.db"
    result = runner.invoke(app, ["export", "--sqlite", str(snapshot), "--db", url_of(engine)])
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        f"{snapshot}: 1 article, 2 events (read-only snapshot; browse it with pipeline serve "
        f"--db {snapshot})\n"
    )
    assert oct(snapshot.stat().st_mode)[-3:] == "444"
    assert not list(tmp_path.glob("*.partial")) and not list(tmp_path.glob("*-wal"))
    copy = make_engine(f"sqlite:///{snapshot}", write=False)
    for view in VIEW_NAMES:
        assert len(rows_of(copy, view)) == len(rows_of(engine, view)), view
    assert [row["focus"] for row in rows_of(copy, "safety_team_dissolutions")] == ["alignment"]
    copy.dispose()
    engine.dispose()
    with Server(snapshot) as server:
        rows = get_json(f"{server.database}/departures.json?_shape=array")
    assert [(row["person"], row["kind"]) for row in rows] == [("Jan Leike", "resignation")]


def test_serve_is_an_optional_extra_that_the_tests_install():
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert not any(d.startswith("datasette") for d in project["dependencies"])
    extras = project["optional-dependencies"]
    assert any(d.startswith("datasette") for d in extras["serve"])
    assert "pipeline[serve]" in extras["test"]
