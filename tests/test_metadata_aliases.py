"""The names sources give their metadata: `published`, `pubDate`, `datePublished`... for the
date, `link` for the URL, `headline` for the title, and a Markdown `# Heading` as the title."""

import datetime
import json

import pytest

from pipeline.commands.ingest import ingest
from pipeline.inputs.sources import read_sources

FRENCH = "La chercheuse Marie Curie a quitté OpenAI le 3 mai 2024, a annoncé la société."


@pytest.mark.parametrize("date_key", ["published", "published_at", "pubDate", "datePublished"])
def test_date_aliases_are_read_as_the_date_in_json_and_front_matter(tmp_path, date_key):
    record = {"text": FRENCH, date_key: "2024-05-14", "link": "https://a.example/1"}
    record["headline"] = "Marie Curie quitte OpenAI"
    (tmp_path / "dump.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    (tmp_path / "a.md").write_text(
        f"---\n{date_key}: 2024-05-14\nlink: https://a.example/1\n"
        f"headline: Marie Curie quitte OpenAI\n---\n{FRENCH} Bis.",
        encoding="utf-8",
    )
    for article in read_sources([str(tmp_path / "dump.jsonl"), str(tmp_path / "a.md")]):
        assert (article.published, article.url, article.title) == (
            datetime.date(2024, 5, 14),
            "https://a.example/1",
            "Marie Curie quitte OpenAI",
        )


def test_the_canonical_name_wins_over_an_alias(tmp_path):
    record = {"text": FRENCH, "published": "2023-01-01", "date": "2024-05-14", "title": "T"}
    record["headline"] = "H"
    (tmp_path / "dump.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    [article] = read_sources([str(tmp_path / "dump.jsonl")])
    assert (article.published, article.title) == (datetime.date(2024, 5, 14), "T")


def test_a_markdown_heading_on_the_first_line_is_the_title(tmp_path):
    (tmp_path / "a.md").write_text(f"# Marie Curie quitte OpenAI\n\n{FRENCH}\n", encoding="utf-8")
    (tmp_path / "b.md").write_text(f"---\ntitle: Given\n---\n# Heading\n{FRENCH} B", "utf-8")
    (tmp_path / "c.md").write_text(f"{FRENCH} C\n\n# Not first\n", encoding="utf-8")
    titles = [a.title for a in read_sources([str(tmp_path / n) for n in ("a.md", "b.md", "c.md")])]
    assert titles == ["Marie Curie quitte OpenAI", "Given", None]


@pytest.mark.slow
def test_a_markdown_heading_never_reaches_evidence_sentences_with_its_mark(
    fresh_engine, extractor, tmp_path
):
    path = tmp_path / "a.md"
    path.write_text(f"# Marie Curie quitte OpenAI\n{FRENCH}\n", encoding="utf-8")
    ingest([str(path)], engine=fresh_engine, extractor=extractor)
    with fresh_engine.connect() as connection:
        from sqlalchemy import text

        rows = connection.execute(text("select sentence, article_title from event_sources")).all()
    assert rows and all(not sentence.startswith("#") for sentence, _ in rows)
    assert {title for _, title in rows} == {"Marie Curie quitte OpenAI"}
    assert "Marie Curie quitte OpenAI" in {sentence for sentence, _ in rows}
