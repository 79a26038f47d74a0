"""Inputs as they come: documents that are not articles are refused (named) or skipped and
counted (in folders), CSV exports are read row by row, stdin is sniffed (HTML, JSONL, text), and
the words of HTML <time> elements stay in the text while their dates become the article's."""

import datetime
import io
import json
import logging

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.commands.ingest import ingest
from pipeline.inputs.sources import RawArticle, SkippedFile, SourceError, read_sources
from tests.helpers import count
from tests.test_html_input import ARTICLE_PARAGRAPHS, BOILERPLATE, news_page

runner = CliRunner()
FRENCH = "La chercheuse Marie Curie a quitté OpenAI le 3 mai 2024, a annoncé la société."
PDF_BYTES = b"%PDF-1.4\n1 0 obj << >> endobj\n" + FRENCH.encode()


def read_all(*paths, stdin=None):
    return list(read_sources([str(path) for path in paths], stdin=stdin))


# --- files that are not articles


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("report.pdf", PDF_BYTES, "PDF is not supported: export the text first"),
        ("report.txt", PDF_BYTES, "PDF is not supported: export the text first"),
        ("draft.docx", b"PK\x03\x04...", "Word is not supported: export the text first"),
        ("draft.odt", b"PK\x03\x04...", "OpenDocument is not supported: export the text first"),
        ("photo.jpg", b"\xff\xd8\xff\xe0", "an image is not an article"),
        ("news.zip", b"PK\x03\x04", "an archive is not supported: extract its files first"),
        ("news.txt.gz", b"\x1f\x8b\x08", "an archive is not supported: extract its files first"),
    ],
)
def test_a_document_named_on_the_command_line_is_refused_in_one_line(tmp_path, name, data, reason):
    path = tmp_path / name
    path.write_bytes(data)
    [result] = read_all(path)
    assert isinstance(result, SourceError) and result.source == str(path)
    assert result.reason.startswith(reason)


def test_pdf_bytes_on_stdin_are_refused_not_read_as_text():
    assert read_all("-", stdin=io.BytesIO(PDF_BYTES)) == [
        SourceError("<stdin>", "PDF is not supported: export the text first")
    ]


def test_in_a_folder_documents_are_skipped_counted_and_named_with_v(
    db_url, extractor, tmp_path, caplog
):
    folder = tmp_path / "scraped"
    folder.mkdir()
    (folder / "a.txt").write_text(FRENCH, encoding="utf-8")
    for name in ("report.pdf", "photo.png", "archive.zip"):
        (folder / name).write_bytes(PDF_BYTES)
    quiet = runner.invoke(app, ["ingest", str(folder), "--db", db_url])
    assert quiet.exit_code == 0, quiet.output
    assert quiet.stdout.splitlines() == [
        "1 new, 0 already stored, 0 failed; 1 event found",
        "3 files skipped: not articles (-v names them)",
    ]
    caplog.set_level(logging.INFO)
    verbose = runner.invoke(app, ["-v", "ingest", str(folder), "--db", db_url])
    assert verbose.stdout.splitlines()[-1] == "3 files skipped: not articles"
    assert {f"skipped {folder / n}: not an article" for n in ("report.pdf", "photo.png")} <= {
        record.getMessage() for record in caplog.records
    }


def test_pdf_bytes_are_never_stored(fresh_engine, extractor, tmp_path):
    (tmp_path / "a.pdf").write_bytes(PDF_BYTES)
    (tmp_path / "b.txt").write_bytes(PDF_BYTES)
    report = ingest([str(tmp_path / "a.pdf"), str(tmp_path / "b.txt")], engine=fresh_engine)
    assert (report.new, len(report.failed)) == (0, 2)
    assert count(fresh_engine, "articles") == 0


# --- CSV


def test_a_csv_with_a_text_column_is_one_article_per_row(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text(
        "Headline;text;pubDate;link\n"
        f'Départ;"{FRENCH}\nDeuxième ligne.";2024-05;https://a.example/1\n'
        ";;;\n"
        f"Autre;{FRENCH} Bis.;14/05/2024;https://a.example/2\n",
        encoding="utf-8",
    )
    first, second = read_all(path)
    assert (first.source, first.title, first.url, first.published, first.published_precision) == (
        f"{path}:2",
        "Départ",
        "https://a.example/1",
        datetime.date(2024, 5, 1),
        "month",
    )
    assert first.text == f"{FRENCH}\nDeuxième ligne."
    assert (second.source, second.published) == (f"{path}:5", datetime.date(2024, 5, 14))


def test_a_csv_without_a_text_column_is_refused_in_one_line(tmp_path):
    path = tmp_path / "links.csv"
    path.write_text("url,title\nhttps://a.example/1,T\n", encoding="utf-8")
    assert read_all(path) == [
        SourceError(
            str(path), "no 'text' column (columns: url, title): a CSV holds one article per row"
        )
    ]


def test_a_csv_row_that_is_no_article_costs_only_that_row(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text(f'text,lang\n"{FRENCH}",fr\nQuelques mots,de\n"{FRENCH} Ter.",\n', "utf-8")
    results = read_all(path)
    assert [type(r) for r in results] == [RawArticle, SourceError, RawArticle]
    assert str(results[1]) == f"{path}:3: unsupported language 'de' (supported: fr, en)"


# --- stdin sniffing


def test_html_on_stdin_goes_through_the_html_extractor():
    [article] = read_all("-", stdin=io.BytesIO(news_page().encode()))
    assert article.title == "Jan Leike quitte OpenAI pour Anthropic"
    assert ARTICLE_PARAGRAPHS[0] in article.text
    assert not any(boilerplate in article.text for boilerplate in BOILERPLATE)


def test_jsonl_on_stdin_is_read_line_by_line():
    records = [{"text": FRENCH, "date": "2024-05"}, {"text": f"{FRENCH} Bis."}]
    lines = "\n".join(json.dumps(record) for record in records)
    first, second = read_all("-", stdin=io.BytesIO(lines.encode()))
    assert (first.source, first.published_precision) == ("<stdin>:1", "month")
    assert (second.source, second.text) == ("<stdin>:2", f"{FRENCH} Bis.")


def test_plain_text_on_stdin_is_one_article_even_with_braces_or_tags_inside():
    text = f"{FRENCH}\n{{pas du JSON}} et <b>un peu</b> de balises."
    [article] = read_all("-", stdin=io.BytesIO(text.encode()))
    assert article.text == text


def test_html_piped_to_ingest_keeps_menus_and_footers_out(fresh_engine, extractor):
    ingest(["-"], engine=fresh_engine, stdin=io.BytesIO(news_page().encode()), extractor=extractor)
    with fresh_engine.connect() as connection:
        from sqlalchemy import text

        stored = connection.execute(text("select text from articles")).scalar_one()
    assert ARTICLE_PARAGRAPHS[0] in stored and "Mentions légales" not in stored


# --- HTML <time>

TIMED_PAGE = """<html lang="fr"><head><title>Marie Curie quitte OpenAI</title></head><body>
<nav><a href="/">Accueil</a> <a href="/tech">Tech</a></nav>
<article><h1>Marie Curie quitte OpenAI</h1>
<p class="byline">Par Jean Dupont, publié le <time datetime="{published}">mai 2024</time></p>
<p>La chercheuse Marie Curie a quitté OpenAI <time datetime="2024-05-14">mardi 14 mai</time>,
a annoncé la société dans un communiqué publié sur son site ce jour-là.</p>
<p>Elle rejoint Anthropic, où elle dirigera une équipe de recherche sur l'alignement.</p>
</article><footer>Mentions légales</footer></body></html>"""


def test_time_elements_keep_their_words_and_give_the_date_with_its_precision(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(TIMED_PAGE.format(published="2024-05"), encoding="utf-8")
    [article] = read_all(path)
    assert "a quitté OpenAI mardi 14 mai," in " ".join(article.text.split())
    assert (article.published, article.published_precision) == (datetime.date(2024, 5, 1), "month")


def test_a_time_element_without_datetime_gives_its_words_as_the_date(tmp_path):
    path = tmp_path / "page.html"
    page = TIMED_PAGE.format(published="").replace(' datetime=""', "")
    path.write_text(page.replace("mai 2024</time>", "14 mai 2024</time>"), encoding="utf-8")
    [article] = read_all(path)
    assert (article.published, article.published_text) == (
        datetime.date(2024, 5, 14),
        "14 mai 2024",
    )


def test_skipped_files_are_not_read_at_all(tmp_path):
    (tmp_path / "a.pdf").write_bytes(PDF_BYTES)
    assert read_all(tmp_path)[0] == SkippedFile(str(tmp_path / "a.pdf"))
