"""Several `pipeline ingest` processes at once on overlapping inputs store what one sequential
ingest stores: every article once, no duplicate entity, no failed run, no "database is locked".

The processes are forked from the test process once the spaCy model is loaded, and released
together, so that they really extract and store at the same moments (separate processes, each
with its own CLI, engine and transactions)."""

from __future__ import annotations

import pytest

from pipeline.commands import doctor
from pipeline.store import schema
from pipeline.store.db import make_engine
from tests.helpers import natural_projections
from tests.reliability.conftest import exit_status, fork_pipeline, scalar

pytestmark = pytest.mark.slow


def ingest_at_once(file_sets, url: str, folder) -> list[tuple[int, str, str]]:
    """Start one `pipeline ingest` per file set, all at once; (exit code, stdout, stderr) each."""
    outputs = [folder / f"ingest{number}" for number in range(len(file_sets))]
    pids = [
        fork_pipeline(["ingest", *map(str, paths), "--db", url, "--batch-size", "4"], output=output)
        for paths, output in zip(file_sets, outputs, strict=True)
    ]
    codes = [exit_status(pid) for pid in pids]
    return [
        (code, output.with_suffix(".out").read_text(), output.with_suffix(".err").read_text())
        for code, output in zip(codes, outputs, strict=True)
    ]


def assert_all_succeeded(results, reference) -> None:
    for code, out, err in results:
        assert (code, err) == (0, ""), err
        assert "database is locked" not in err and "Traceback" not in err
        assert ", 0 failed;" in out, out
    new = sum(int(out.split(" new")[0]) for _, out, _ in results)
    assert new == reference.articles  # each article stored by exactly one of them


def assert_same_as_one_sequential_ingest(url: str, reference) -> None:
    engine = make_engine(url)
    assert schema.current_revision(engine) == schema.head_revision()
    assert doctor.check(engine) == []  # every run finished, nothing orphaned or half-stored
    assert scalar(engine, "select count(*) from articles") == reference.articles
    duplicates = "select count(*) from (select kind, key from entities group by kind, key "
    assert scalar(engine, duplicates + "having count(*) > 1) d") == 0
    assert natural_projections(engine) == reference.projections
    engine.dispose()


def test_four_ingests_at_once_on_postgresql_store_what_one_sequential_ingest_stores(
    pg_url, reference, tmp_path
):
    """The database starts empty, so the four also race to create the schema. Two go forward
    and two backward through overlapping slices, meeting on the same articles and entities."""
    paths = reference.paths
    file_sets = [paths[:180], paths[120:][::-1], paths[60:240], paths[::-1][:150]]
    assert set().union(*file_sets) == set(paths)
    assert_all_succeeded(ingest_at_once(file_sets, pg_url, tmp_path), reference)
    assert_same_as_one_sequential_ingest(pg_url, reference)


def test_two_ingests_at_once_on_sqlite_both_succeed_and_lose_nothing(
    sqlite_url, reference, tmp_path
):
    """The file does not exist yet: both processes create it, set WAL and migrate at once."""
    paths = reference.paths
    file_sets = [paths[:200], paths[100:][::-1]]
    assert_all_succeeded(ingest_at_once(file_sets, sqlite_url, tmp_path), reference)
    assert_same_as_one_sequential_ingest(sqlite_url, reference)
