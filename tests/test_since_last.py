"""`pipeline ingest --since-last FOLDER`: a cron run reads only the files new since the last run."""

import os
import time

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.commands import watermarks
from pipeline.commands.watermarks import NotAFolderError, ingest_since_last, read_watermark
from tests.helpers import count

ARTICLES = {
    "a.txt": "Marie Curie a quitté OpenAI en mai 2024, selon un communiqué de l'entreprise.",
    "b.txt": "Ada Lovelace a démissionné de Google DeepMind en mars 2023, a-t-elle annoncé.",
    "c.txt": "Grace Hopper a quitté Anthropic en janvier 2025 pour fonder sa propre entreprise.",
    "d.txt": "Alan Turing a été licencié par Meta en juin 2024, selon plusieurs sources.",
}


@pytest.fixture
def no_margin(monkeypatch):
    """Without the safety margin, exactly the files changed after the last scan are new."""
    monkeypatch.setattr(watermarks, "MARGIN_NS", 0)


def put(folder, *names):
    for name in names:
        (folder / name).write_text(ARTICLES[name], encoding="utf-8")


def files_read(report) -> int:
    return report.new + report.already_stored + len(report.failed)


def wait_for_the_file_clock():
    """File times come from a coarse clock (a few ms): let it tick past the last scan."""
    time.sleep(0.05)


def test_second_run_reads_only_the_new_file(fresh_engine, extractor, articles_dir, no_margin):
    put(articles_dir, "a.txt", "b.txt")
    first = ingest_since_last([str(articles_dir)], engine=fresh_engine, extractor=extractor)
    assert (first.new, first.already_stored, first.failed) == (2, 0, [])

    wait_for_the_file_clock()
    put(articles_dir, "c.txt")
    second = ingest_since_last([str(articles_dir)], engine=fresh_engine, extractor=extractor)
    assert (second.new, second.already_stored, second.failed) == (1, 0, [])

    third = ingest_since_last([str(articles_dir)], engine=fresh_engine, extractor=extractor)
    assert files_read(third) == 0
    assert count(fresh_engine, "articles") == 3


def test_watermark_is_when_the_last_run_began(fresh_engine, extractor, articles_dir):
    put(articles_dir, "a.txt")
    assert read_watermark(fresh_engine, str(articles_dir)) is None
    before = time.time_ns()
    ingest_since_last([str(articles_dir)], engine=fresh_engine, extractor=extractor)
    after = time.time_ns()
    assert before <= read_watermark(fresh_engine, str(articles_dir)) <= after


def test_files_in_the_safety_margin_are_read_again_but_not_stored_twice(
    fresh_engine, extractor, articles_dir
):
    put(articles_dir, "a.txt", "b.txt")
    ingest_since_last([str(articles_dir)], engine=fresh_engine, extractor=extractor)
    put(articles_dir, "c.txt")
    again = ingest_since_last([str(articles_dir)], engine=fresh_engine, extractor=extractor)
    assert (again.new, again.already_stored) == (1, 2)  # a, b: written < 2 s before the scan
    assert count(fresh_engine, "articles") == 3


def test_a_file_copied_with_an_old_mtime_is_still_new(extractor, fresh_engine, tmp_path, no_margin):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    put(inbox, "a.txt")
    ingest_since_last([str(inbox)], engine=fresh_engine, extractor=extractor)

    wait_for_the_file_clock()
    put(tmp_path, "d.txt")
    old = time.time() - 3 * 365 * 24 * 3600
    os.utime(tmp_path / "d.txt", (old, old))  # as `cp -p`, `rsync -t` or a scraper's temp file
    os.rename(tmp_path / "d.txt", inbox / "d.txt")
    second = ingest_since_last([str(inbox)], engine=fresh_engine, extractor=extractor)
    assert (second.new, second.already_stored) == (1, 0)


def test_each_folder_has_its_own_watermark_shared_by_its_aliases(
    fresh_engine, extractor, tmp_path, no_margin
):
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    put(first, "a.txt")
    put(second, "b.txt")
    ingest_since_last([str(first)], engine=fresh_engine, extractor=extractor)

    other = ingest_since_last([str(second)], engine=fresh_engine, extractor=extractor)
    assert other.new == 1, "a folder never read before is read whole"
    (tmp_path / "alias").symlink_to(first, target_is_directory=True)
    via_alias = ingest_since_last([str(tmp_path / "alias/")], engine=fresh_engine)
    assert files_read(via_alias) == 0


def test_only_folders_and_feeds_are_accepted(fresh_engine, articles_dir):
    put(articles_dir, "a.txt")
    with pytest.raises(NotAFolderError, match=r"a\.txt is neither a folder nor a feed"):
        ingest_since_last([str(articles_dir / "a.txt")], engine=fresh_engine)


@pytest.mark.slow
def test_cli_cron_runs_pick_up_only_new_files(tmp_path, articles_dir, no_margin):
    database = tmp_path / "cron.db"
    runner = CliRunner()

    def cron():
        return runner.invoke(
            app, ["ingest", "--since-last", str(articles_dir), "--db", str(database)]
        )

    put(articles_dir, "a.txt", "b.txt")
    first = cron()
    assert first.exit_code == 0, first.output
    assert first.stdout.startswith("2 new, 0 already stored, 0 failed")

    wait_for_the_file_clock()
    put(articles_dir, "c.txt")
    second = cron()
    assert second.exit_code == 0, second.output
    assert second.stdout.startswith("1 new, 0 already stored, 0 failed")

    assert cron().stdout.startswith("0 new, 0 already stored, 0 failed")

    not_folder = runner.invoke(
        app, ["ingest", "--since-last", str(articles_dir / "a.txt"), "--db", str(database)]
    )
    assert not_folder.exit_code == 2
    assert not_folder.stderr == (
        f"error: --since-last reads folders and feeds: {articles_dir / 'a.txt'} is neither a "
        "folder nor a feed\n"
    )
