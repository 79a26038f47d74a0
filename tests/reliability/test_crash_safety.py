"""SIGKILL at random moments during `pipeline ingest` and `pipeline reprocess`: after every kill
the database is consistent (each article whole, no orphan mention or event), and a re-run
completes the corpus with exactly the rows one uninterrupted ingest gives, no duplicates.

The kills hit forked children that share the parent's loaded spaCy model, so each trial costs
the extraction time only; one test kills the real console script too. The seed of the random
moments is printed on failure (set PIPELINE_KILL_SEED to replay the same sequence of waits)."""

from __future__ import annotations

import os
import random
import shutil
import signal
import time

import pytest

from pipeline.commands.ingest import ingest
from pipeline.store import schema
from pipeline.store.db import make_engine
from tests.helpers import natural_projections
from tests.reliability.conftest import (
    PIPELINE,
    exit_status,
    fork_pipeline,
    interrupted_runs,
    kill_if_running,
    problems_besides_interrupted_runs,
    scalar,
    subprocess_env,
    wait_until,
)

pytestmark = pytest.mark.slow
KILLS = 20  # on SQLite; PostgreSQL, slower per transaction, gets half as many on top
BATCH_SIZE = "4"
MAX_WAIT_AFTER_START = 1.0  # seconds after the first stored article before the kill


@pytest.fixture
def rng() -> random.Random:
    seed = int(os.environ.get("PIPELINE_KILL_SEED", time.time_ns() % 1_000_000))
    print(f"PIPELINE_KILL_SEED={seed}")
    return random.Random(seed)


def kills_for(url: str) -> int:
    return KILLS if url.startswith("sqlite") else KILLS // 2


def articles(engine) -> int:
    return scalar(engine, "select count(*) from articles")


def assert_consistent(engine, context: str) -> None:
    problems = problems_besides_interrupted_runs(engine)
    assert problems == [], f"{context}: {problems}"


def assert_same_rows_as_one_clean_ingest(engine, reference) -> None:
    assert articles(engine) == reference.articles
    assert natural_projections(engine) == reference.projections


def test_ingest_killed_at_random_moments_stores_whole_articles_and_a_rerun_completes(
    db_url, reference, rng
):
    engine = make_engine(db_url)
    schema.upgrade(engine)
    kills = completed_corpora = 0
    while kills < kills_for(db_url):
        before = articles(engine)
        engine.dispose()  # the child must not inherit open connections
        pid = fork_pipeline(
            ["--quiet", "ingest", str(reference.folder), "--db", db_url, "--batch-size", BATCH_SIZE]
        )
        if wait_until(lambda b=before: articles(engine) > b, pid):
            time.sleep(rng.uniform(0, MAX_WAIT_AFTER_START))
        code = kill_if_running(pid)
        assert code in (0, -signal.SIGKILL)
        kills += code == -signal.SIGKILL
        assert_consistent(engine, f"after kill {kills}")
        if articles(engine) == reference.articles:
            # The corpus is complete: nothing is missing or doubled. Start again from empty so
            # that every kill lands while articles are being stored.
            assert_same_rows_as_one_clean_ingest(engine, reference)
            completed_corpora += 1
            schema.downgrade(engine, "base")
            schema.upgrade(engine)
    engine.dispose()
    pid = fork_pipeline(["--quiet", "ingest", str(reference.folder), "--db", db_url])
    assert exit_status(pid) == 0
    assert_consistent(engine, "after the final re-run")
    assert_same_rows_as_one_clean_ingest(engine, reference)
    assert interrupted_runs(engine) <= kills
    engine.dispose()


def test_reprocess_killed_at_random_moments_keeps_every_article_whole(
    db_url, reference, rng, extractor, tmp_path
):
    if db_url.startswith("sqlite"):
        shutil.copy(reference.sqlite_file, db_url.removeprefix("sqlite:///"))
        engine = make_engine(db_url)
    else:
        engine = make_engine(db_url)
        schema.upgrade(engine)
        ingest([str(reference.folder)], engine=engine, extractor=extractor)
    for kill in range(1, kills_for(db_url) + 1):
        newest_run = scalar(engine, "select coalesce(max(id), 0) from extraction_runs")
        engine.dispose()
        pid = fork_pipeline(["--quiet", "reprocess", "--db", db_url, "--batch-size", BATCH_SIZE])
        stored_by_new_run = (
            "select count(*) from article_extractions "
            f"where run_id = (select max(id) from extraction_runs where id > {newest_run})"
        )
        assert wait_until(lambda q=stored_by_new_run: scalar(engine, q) > 0, pid)
        time.sleep(rng.uniform(0, MAX_WAIT_AFTER_START))
        assert kill_if_running(pid) == -signal.SIGKILL, "reprocess ended before it was killed"
        assert_consistent(engine, f"after kill {kill}")
        # Old or new, every article's mentions and events are all there, once.
        projections = natural_projections(engine)
        assert projections["mentions"] == reference.projections["mentions"]
        assert projections["events"] == reference.projections["events"]
        assert articles(engine) == reference.articles
    engine.dispose()
    pid = fork_pipeline(["--quiet", "reprocess", "--db", db_url])
    assert exit_status(pid) == 0
    assert_consistent(engine, "after the final reprocess")
    assert_same_rows_as_one_clean_ingest(engine, reference)  # orphan entities are gone too
    assert interrupted_runs(engine) == kills_for(db_url)
    engine.dispose()


def test_the_real_console_script_killed_mid_ingest_leaves_a_consistent_database(
    sqlite_url, reference, rng
):
    """The same fault on the installed `pipeline` program, model loading and all."""
    import subprocess

    engine = make_engine(sqlite_url)
    schema.upgrade(engine)
    command = [PIPELINE, "ingest", str(reference.folder), "--db", sqlite_url, "--batch-size", "4"]
    process = subprocess.Popen(command, env=subprocess_env(), stdout=subprocess.DEVNULL)
    assert wait_until(lambda: articles(engine) > 0, process.pid, timeout=300)
    time.sleep(rng.uniform(0, MAX_WAIT_AFTER_START))
    process.send_signal(signal.SIGKILL)
    assert process.wait() == -signal.SIGKILL
    assert 0 < articles(engine) < reference.articles
    assert_consistent(engine, "after killing the real process")
    assert interrupted_runs(engine) == 1
    engine.dispose()
    pid = fork_pipeline(["--quiet", "ingest", str(reference.folder), "--db", sqlite_url])
    assert exit_status(pid) == 0
    assert_consistent(engine, "after the re-run")
    assert_same_rows_as_one_clean_ingest(engine, reference)
    engine.dispose()
