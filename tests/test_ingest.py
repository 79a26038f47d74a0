"""Ingest end to end into the database: every input form, metadata, idempotency, transactions."""

import dataclasses
import datetime
import io

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.commands.ingest import ingest
from pipeline.extract import Extractor
from pipeline.store.models import article_extractions, articles, events, extraction_runs, mentions
from tests.helpers import SEEDS_DIR, count, snapshot, url_of

LEAVING = "Marie Curie, chercheuse chez OpenAI, a quitté l'entreprise en mai 2024."
JOINING = "Pierre Dupont a rejoint Anthropic en mars 2024 comme directeur de la recherche."
ENGLISH = "Jane Smith left OpenAI in May 2024, the company said on Tuesday."
runner = CliRunner()


class ExtractorThatMustNotRun(Extractor):
    def extract_many(self, articles):
        raise AssertionError("the extractor ran on articles that were already stored")


class ExtractorFailingOn(Extractor):
    """The real extractor, except that the article at `failing_index` gets an event the
    database rejects (a NULL evidence sentence), after its mentions were written."""

    def __init__(self, real: Extractor, failing_index: int):
        super().__init__()
        self.real = real
        self.failing_index = failing_index

    def extract_many(self, texts):
        for index, extraction in enumerate(self.real.extract_many(texts)):
            if index == self.failing_index:
                assert extraction.events, "the failing article must report an event"
                broken = dataclasses.replace(extraction.events[0], sentence=None)
                extraction = dataclasses.replace(extraction, events=(broken,))
            yield extraction


def stored_articles(engine) -> list[dict]:
    with engine.connect() as connection:
        rows = connection.execute(select(articles).order_by(articles.c.id))
        return [dict(row._mapping) for row in rows]


def by_source(engine) -> dict[str, dict]:
    return {row["source"]: row for row in stored_articles(engine)}


# --- every input form


def test_a_text_file_is_stored_with_its_projections(fresh_engine, extractor, write_article):
    path = write_article("curie.txt", LEAVING)
    report = ingest([str(path)], engine=fresh_engine, extractor=extractor)
    assert (report.new, report.already_stored, report.failed) == (1, 0, [])
    [article] = stored_articles(fresh_engine)
    assert article["source"] == str(path)
    assert article["text"] == LEAVING
    assert article["lang"] == "fr"
    assert article["ingested_at"] is not None
    assert count(fresh_engine, "article_extractions") == 1
    with fresh_engine.connect() as connection:
        traced = connection.execute(
            select(events.c.article_id, events.c.run_id, events.c.extractor_version)
        ).all()
    assert traced, "the departure in the article was not stored"
    assert set(traced) == {(article["id"], report.run_id, extractor.version)}


def test_a_folder_is_read_recursively_for_txt_and_md_files(
    fresh_engine, extractor, write_article, articles_dir
):
    write_article("a.txt", LEAVING)
    write_article("deeper/still/b.md", JOINING)
    (articles_dir / "notes.pdf").write_bytes(b"%PDF-1.4 Ceci n'est pas un article.")
    write_article(".hidden/c.txt", "Un article caché ne doit pas être lu.")
    report = ingest([str(articles_dir)], engine=fresh_engine, extractor=extractor)
    assert (report.new, report.failed) == (2, [])
    assert report.skipped == [str(articles_dir / "notes.pdf")]
    assert set(by_source(fresh_engine)) == {
        str(articles_dir / "a.txt"),
        str(articles_dir / "deeper" / "still" / "b.md"),
    }


def test_stdin_is_read_as_one_article(fresh_engine, extractor):
    stdin = io.BytesIO(("---\ntitle: Depuis stdin\n---\n" + LEAVING).encode())
    report = ingest(["-"], engine=fresh_engine, extractor=extractor, stdin=stdin)
    assert report.new == 1
    [article] = stored_articles(fresh_engine)
    assert (article["source"], article["title"], article["text"]) == (
        "<stdin>",
        "Depuis stdin",
        LEAVING,
    )


def test_each_jsonl_line_is_an_article_with_its_fields(fresh_engine, extractor, write_jsonl):
    path = write_jsonl(
        "dump.jsonl",
        [
            {
                "text": LEAVING,
                "url": "https://example.fr/curie",
                "title": "Départ chez OpenAI",
                "date": "2024-05-20",
                "lang": "fr",
            },
            {"text": ENGLISH, "lang": "en"},
        ],
    )
    report = ingest([str(path)], engine=fresh_engine, extractor=extractor)
    assert (report.new, report.failed) == (2, [])
    stored = by_source(fresh_engine)
    first, second = stored[f"{path}:1"], stored[f"{path}:2"]
    assert (first["url"], first["title"], first["published_on"], first["lang"]) == (
        "https://example.fr/curie",
        "Départ chez OpenAI",
        datetime.date(2024, 5, 20),
        "fr",
    )
    assert (second["text"], second["lang"], second["url"]) == (ENGLISH, "en", None)


def test_front_matter_fields_are_stored(fresh_engine, extractor, write_article):
    path = write_article(
        "curie.md",
        ENGLISH,
        url="https://example.com/smith",
        title="Smith: « départ » d'OpenAI",
        date="2024-05-21",
        lang="en",
    )
    ingest([str(path)], engine=fresh_engine, extractor=extractor)
    [article] = stored_articles(fresh_engine)
    assert article["url"] == "https://example.com/smith"
    assert article["title"] == "Smith: « départ » d'OpenAI"
    assert article["published_on"] == datetime.date(2024, 5, 21)
    assert article["lang"] == "en"
    assert article["text"] == ENGLISH


def test_the_publication_date_is_found_in_the_text_without_front_matter(
    fresh_engine, extractor, write_article
):
    path = write_article(
        "dated.txt", f"Départ chez OpenAI\nPublié le 3 mars 2024 à 10h12\n\n{LEAVING}"
    )
    ingest([str(path)], engine=fresh_engine, extractor=extractor)
    [article] = stored_articles(fresh_engine)
    assert article["published_on"] is None, "the log holds only what the source gave"
    with fresh_engine.connect() as connection:
        found = connection.execute(select(article_extractions.c.published_in_text)).scalar_one()
        shown = connection.execute(text("select distinct published_on from event_sources"))
        assert found == datetime.date(2024, 3, 3)
        assert [str(value) for value in shown.scalars()] == ["2024-03-03"]


def test_the_front_matter_date_wins_over_a_date_in_the_text(fresh_engine, extractor, write_article):
    body = f"Publié le 3 mars 2024\n\n{LEAVING}"
    path = write_article("dated.md", body, date="2024-06-01")
    ingest([str(path)], engine=fresh_engine, extractor=extractor)
    [article] = stored_articles(fresh_engine)
    assert article["published_on"] == datetime.date(2024, 6, 1)


# --- idempotency


def test_reingesting_the_seeds_changes_no_row_and_runs_no_extraction(seeded_db):
    before = snapshot(seeded_db.engine)
    report = ingest([str(SEEDS_DIR)], engine=seeded_db.engine, extractor=ExtractorThatMustNotRun())
    assert (report.new, report.already_stored, report.failed) == (0, seeded_db.report.new, [])
    assert report.run_id is None
    assert snapshot(seeded_db.engine) == before


def test_the_seeds_are_stored_with_events_and_one_finished_run(seeded_db):
    engine = seeded_db.engine
    assert count(engine, "articles") == len(list(SEEDS_DIR.glob("*.txt")))
    assert count(engine, "article_extractions") == count(engine, "articles")
    assert seeded_db.report.events > 0
    with engine.connect() as connection:
        runs = connection.execute(
            select(
                extraction_runs.c.command,
                extraction_runs.c.articles_extracted,
                extraction_runs.c.events_found,
                extraction_runs.c.finished_at.is_not(None),
            ).where(extraction_runs.c.id == seeded_db.report.run_id)
        ).all()
    assert runs == [("ingest", count(engine, "articles"), seeded_db.report.events, True)]


def test_the_same_content_in_two_files_is_stored_once(fresh_engine, extractor, write_article):
    first = write_article("a.txt", LEAVING)
    copy = write_article("b.txt", LEAVING + "  \n\n")
    crlf = write_article("c.txt", LEAVING + "\r\n")
    report = ingest([str(first), str(copy), str(crlf)], engine=fresh_engine, extractor=extractor)
    assert (report.new, report.already_stored) == (1, 2)
    assert count(fresh_engine, "articles") == 1


def test_reingest_after_new_files_extracts_only_the_new_ones(
    fresh_engine, extractor, write_article, articles_dir
):
    write_article("a.txt", LEAVING)
    ingest([str(articles_dir)], engine=fresh_engine, extractor=extractor)
    write_article("b.txt", JOINING)
    report = ingest([str(articles_dir)], engine=fresh_engine, extractor=extractor)
    assert (report.new, report.already_stored) == (1, 1)
    assert count(fresh_engine, "article_extractions") == 2


# --- one transaction per article


def test_a_failure_while_storing_an_article_keeps_the_earlier_ones_whole(
    fresh_engine, extractor, write_article, articles_dir
):
    for i, name in enumerate(["Alice Martin", "Bruno Petit", "Chloé Durand"]):
        write_article(f"{i}.txt", f"{name} a quitté OpenAI en mai 2024, selon l'entreprise.")
    failing = ExtractorFailingOn(extractor, failing_index=2)
    with pytest.raises(IntegrityError):
        ingest([str(articles_dir)], engine=fresh_engine, extractor=failing)

    stored = stored_articles(fresh_engine)
    assert [row["source"] for row in stored] == [str(articles_dir / f"{i}.txt") for i in (0, 1)]
    stored_ids = {row["id"] for row in stored}
    with fresh_engine.connect() as connection:
        for table in (article_extractions, mentions, events):
            ids = set(connection.execute(select(table.c.article_id)).scalars())
            assert ids == stored_ids, f"{table.name} is not whole for the stored articles"

    report = ingest([str(articles_dir)], engine=fresh_engine, extractor=extractor)
    assert (report.new, report.already_stored) == (1, 2)


# --- bad inputs


def test_bad_files_are_reported_while_good_ones_are_stored(
    fresh_engine, extractor, write_article, write_jsonl, articles_dir
):
    write_article("good.txt", LEAVING)
    write_article("empty.md", "   \n")
    (articles_dir / "binary.txt").write_bytes(b"\x00\x01\x02\xff" * 10)
    write_article("bad-date.md", JOINING, date="pas une date")
    write_jsonl("dump.jsonl", [{"text": ENGLISH, "lang": "en"}, {"title": "no text"}])
    missing = str(articles_dir / "missing.txt")

    report = ingest([str(articles_dir), missing], engine=fresh_engine, extractor=extractor)

    assert report.new == 3
    failed = {failure.source: failure.reason for failure in report.failed}
    assert set(failed) == {
        str(articles_dir / "empty.md"),
        str(articles_dir / "binary.txt"),
        f"{articles_dir / 'dump.jsonl'}:2",
        missing,
    }
    assert all(reason and "\n" not in reason for reason in failed.values())
    assert [str(warning) for warning in report.warnings] == [
        f"{articles_dir / 'bad-date.md'}: unreadable date 'pas une date' in front matter: "
        "stored without a date"
    ]
    assert set(by_source(fresh_engine)) == {
        str(articles_dir / "good.txt"),
        str(articles_dir / "bad-date.md"),
        f"{articles_dir / 'dump.jsonl'}:1",
    }


def test_the_cli_exits_1_and_names_each_bad_file_when_any_failed(
    fresh_engine, extractor, write_article, articles_dir
):
    write_article("good.txt", LEAVING)
    write_article("empty.txt", "")
    result = runner.invoke(app, ["ingest", str(articles_dir), "--db", url_of(fresh_engine)])
    assert result.exit_code == 1
    assert f"error: {articles_dir / 'empty.txt'}: empty article" in result.stderr
    assert "1 new, 0 already stored, 1 failed" in result.stdout
    assert count(fresh_engine, "articles") == 1


def test_the_cli_exits_0_when_every_input_was_stored_or_known(
    fresh_engine, extractor, write_article
):
    path = str(write_article("good.txt", LEAVING))
    first = runner.invoke(app, ["ingest", path, "--db", url_of(fresh_engine)])
    again = runner.invoke(app, ["ingest", path, "--db", url_of(fresh_engine)])
    assert (first.exit_code, again.exit_code) == (0, 0), first.output + again.output
    assert first.stdout.startswith("1 new, 0 already stored, 0 failed")
    assert again.stdout.startswith("0 new, 1 already stored, 0 failed")


def test_the_cli_reads_stdin_for_a_dash(fresh_engine, extractor):
    result = runner.invoke(app, ["ingest", "-", "--db", url_of(fresh_engine)], input=LEAVING)
    assert result.exit_code == 0, result.output
    assert [row["source"] for row in stored_articles(fresh_engine)] == ["<stdin>"]
