"""Dates as sources give them (front matter, JSON, CSV, feeds, HTML): every common shape is read
with its precision, and an unreadable date costs a warning, never the article."""

import datetime
import json

import pytest
from sqlalchemy import text

from pipeline.commands.ingest import ingest
from pipeline.inputs.source_dates import UnreadableDate, parse_source_date
from pipeline.inputs.sources import read_sources
from tests.helpers import ROOT

FRENCH = "La chercheuse Marie Curie a quitté OpenAI mercredi, a annoncé la société dans un message."


@pytest.mark.parametrize(
    ("written", "value", "precision"),
    [
        ("2024-05-14", "2024-05-14", "day"),
        ("2024-05-14T10:00:00+02:00", "2024-05-14", "day"),
        ("2024-05-14 10:00", "2024-05-14", "day"),
        ("2024-05", "2024-05-01", "month"),
        ("2025", "2025-01-01", "year"),
        ("mai 2025", "2025-05-01", "month"),
        ("Septembre 2024", "2024-09-01", "month"),
        ("févr. 2024", "2024-02-01", "month"),
        ("May 2025", "2025-05-01", "month"),
        ("14/05/2025", "2025-05-14", "day"),
        ("03/05/2025", "2025-05-03", "day"),  # day first, as French writes it
        ("14.05.2025", "2025-05-14", "day"),
        ("05/14/2025", "2025-05-14", "day"),  # only month first can be a date
        ("May 14, 2025", "2025-05-14", "day"),
        ("14 May 2025", "2025-05-14", "day"),
        ("14 mai 2025", "2025-05-14", "day"),
        ("1er mai 2025", "2025-05-01", "day"),
        ("mardi 14 mai 2024 à 10h12", "2024-05-14", "day"),
        ("Tuesday, May 14, 2024", "2024-05-14", "day"),
        ("Tue, 14 May 2024 10:00:00 GMT", "2024-05-14", "day"),
    ],
)
def test_a_source_date_is_read_with_the_precision_it_is_written_with(written, value, precision):
    date = parse_source_date(written)
    assert (date.value.isoformat(), date.precision, date.text) == (value, precision, written)


@pytest.mark.parametrize("written", ["2024-02-30", "2024-13", "hier", "pas une date", "32/01/2024"])
def test_a_date_that_names_no_real_day_is_unreadable(written):
    with pytest.raises(UnreadableDate, match=f"unreadable date '{written}'"):
        parse_source_date(written)


def test_partial_dates_in_front_matter_and_json_are_kept_with_their_precision(tmp_path):
    (tmp_path / "a.md").write_text(f"---\ndate: 2024-05\n---\n{FRENCH}", encoding="utf-8")
    records = [{"text": FRENCH, "date": "mai 2025"}, {"text": f"{FRENCH} 2", "date": 2025}]
    (tmp_path / "b.jsonl").write_text("\n".join(map(json.dumps, records)), encoding="utf-8")
    a, b, c = read_sources([str(tmp_path / "a.md"), str(tmp_path / "b.jsonl")])
    assert (a.published, a.published_precision) == (datetime.date(2024, 5, 1), "month")
    assert (b.published, b.published_precision, b.published_text) == (
        datetime.date(2025, 5, 1),
        "month",
        "mai 2025",
    )
    assert (c.published, c.warnings) == (
        None,
        ("unreadable date 2025 in JSON: stored without a date",),
    )


REAL_DEV = ROOT.parent / "shared" / "eval" / "real-dev" / "articles"


@pytest.mark.slow
@pytest.mark.skipif(not REAL_DEV.is_dir(), reason="the real-dev set is not beside this checkout")
def test_every_article_of_the_real_dev_set_is_stored_month_only_dates_included(
    fresh_engine, extractor
):
    """28 of its 78 real scraped articles are dated by month only ("2025-09"): all are stored,
    with that precision."""
    files = sorted(REAL_DEV.glob("*.txt"))
    report = ingest([str(REAL_DEV)], engine=fresh_engine, extractor=extractor)
    assert (report.new, report.failed, report.warnings) == (len(files), [], [])
    with fresh_engine.connect() as connection:
        precisions = connection.execute(
            text("select published_precision, count(*) from article_sources group by 1")
        ).all()
    assert dict(precisions)["month"] == 28
