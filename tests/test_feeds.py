"""RSS and Atom feeds, served with the pages they link to by a real HTTP server on 127.0.0.1:
each item is followed to its page (or read from the feed when it has no link), and
`--since-last` reads only the items a previous run has not read."""

import datetime

import pytest
from sqlalchemy import text
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.commands.ingest import ingest
from pipeline.commands.watermarks import ingest_since_last
from pipeline.inputs.sources import RawArticle, SourceError, read_sources
from tests import test_ingest_url
from tests.helpers import count
from tests.test_html_input import news_page
from tests.test_ingest_url import Reply

served_site = test_ingest_url.site  # the `served_site` fixture: a real HTTP server on 127.0.0.1

runner = CliRunner()
RSS_TYPE = "application/rss+xml; charset=utf-8"


def rss(served_site, *items: tuple[str, str | None, str | None]) -> bytes:
    """An RSS 2.0 feed of (title, path of the page or None, description) items."""
    entries = []
    for number, (title, path, description) in enumerate(items, start=1):
        link = f"<link>{served_site.url(path)}</link>" if path else ""
        guid = f"<guid>item-{number}-{title}</guid>"
        body = f"<description><![CDATA[{description}]]></description>" if description else ""
        entries.append(
            f"<item><title>{title}</title>{link}{guid}"
            f"<pubDate>Tue, 14 May 2024 10:00:00 GMT</pubDate>{body}</item>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>Le Journal</title><link>{served_site.url('/')}</link>{''.join(entries)}"
        "</channel></rss>"
    ).encode()


def page(headline: str, sentence: str) -> bytes:
    return (
        news_page(headline=headline, published=None)
        .replace("Le chercheur Jan Leike a quitté OpenAI", sentence, 1)
        .encode()
    )


def serve_feed(served_site, *items) -> str:
    served_site.pages["/feed.xml"] = Reply(content_type=RSS_TYPE, body=rss(served_site, *items))
    return served_site.url("/feed.xml")


def test_each_item_of_an_rss_feed_is_followed_to_its_page(served_site):
    served_site.pages["/a"] = Reply(body=page("Départ chez OpenAI", "Marie Curie a quitté OpenAI"))
    served_site.pages["/b"] = Reply(body=page("Départ chez Meta", "Paul Langevin a quitté Meta"))
    feed = serve_feed(served_site, ("Départ A", "/a", None), ("Départ B", "/b", None))
    first, second = read_sources([feed])
    assert (first.source, first.url, second.source) == (
        served_site.url("/a"),
        served_site.url("/a"),
        served_site.url("/b"),
    )
    assert "Marie Curie a quitté OpenAI" in first.text
    assert (first.published, first.published_precision) == (datetime.date(2024, 5, 14), "day")


def test_an_item_without_a_link_is_read_from_the_feed_and_a_dead_link_is_one_error(
    served_site,
):
    feed = serve_feed(
        served_site,
        ("Sans lien", None, "<p>Marie Curie a quitté OpenAI, a annoncé la société.</p>"),
        ("Lien mort", "/gone", None),
    )
    first, second = read_sources([feed])
    assert isinstance(first, RawArticle) and first.source == f"{feed}#1"
    assert first.text == "Marie Curie a quitté OpenAI, a annoncé la société."
    assert first.title == "Sans lien"
    assert second == SourceError(served_site.url("/gone"), "HTTP 404 Not Found")


def test_an_atom_feed_saved_to_a_file_is_read_too(tmp_path, served_site):
    served_site.pages["/a"] = Reply(body=page("Départ", "Marie Curie a quitté OpenAI"))
    path = tmp_path / "saved.atom"
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        "<title>Journal</title><id>urn:j</id><updated>2024-05-14T10:00:00Z</updated>"
        f'<entry><title>Départ</title><id>urn:a</id><link href="{served_site.url("/a")}"/>'
        "<updated>2024-05-14T10:00:00Z</updated></entry></feed>",
        encoding="utf-8",
    )
    [article] = read_sources([str(path)])
    assert article.source == served_site.url("/a") and "Marie Curie a quitté OpenAI" in article.text


def test_xml_that_is_no_feed_is_one_error(tmp_path):
    path = tmp_path / "sitemap.xml"
    path.write_text("<urlset><url><loc>x</loc></url></urlset>", encoding="utf-8")
    assert list(read_sources([str(path)])) == [SourceError(str(path), "not an RSS or Atom feed")]


@pytest.mark.slow
def test_since_last_on_a_feed_reads_only_the_new_items(db_url, extractor, served_site):
    from pipeline.store import schema
    from pipeline.store.db import make_engine

    engine = make_engine(db_url)
    schema.upgrade(engine)
    served_site.pages["/a"] = Reply(body=page("Départ A", "Marie Curie a quitté OpenAI"))
    feed = serve_feed(served_site, ("A", "/a", None))
    first = ingest_since_last([feed], engine=engine, extractor=extractor)
    assert (first.new, first.failed) == (1, [])

    served_site.pages["/a"] = Reply(status=500, body=b"must not be fetched again")
    served_site.pages["/b"] = Reply(body=page("Départ B", "Paul Langevin a quitté Meta"))
    serve_feed(served_site, ("A", "/a", None), ("B", "/b", None))
    second = ingest_since_last([feed], engine=engine, extractor=extractor)
    assert (second.new, second.already_stored, second.failed) == (1, 0, [])

    third = ingest_since_last([feed], engine=engine, extractor=extractor)
    assert (third.new, third.already_stored, third.failed) == (0, 0, [])
    assert count(engine, "articles") == 2 and count(engine, "feed_items") == 2
    engine.dispose()


@pytest.mark.slow
def test_an_item_that_failed_is_tried_again_by_the_next_cron_run(
    sqlite_url,
    extractor,
    served_site,
):
    served_site.pages["/a"] = Reply(status=503, body=b"busy")
    feed = serve_feed(served_site, ("A", "/a", None))
    cron = ["ingest", "--since-last", feed, "--db", sqlite_url]
    failed = runner.invoke(app, cron)
    assert failed.exit_code == 1 and "HTTP 503" in failed.stderr
    served_site.pages["/a"] = Reply(body=page("Départ A", "Marie Curie a quitté OpenAI"))
    stored = runner.invoke(app, cron)
    assert stored.exit_code == 0, stored.output
    assert stored.stdout.startswith("1 new, 0 already stored, 0 failed")


@pytest.mark.slow
def test_a_feed_url_is_ingested_with_the_feed_date(fresh_engine, extractor, served_site):
    served_site.pages["/a"] = Reply(body=page("Départ A", "Marie Curie a quitté OpenAI hier"))
    report = ingest(
        [serve_feed(served_site, ("A", "/a", None))], engine=fresh_engine, extractor=extractor
    )
    assert (report.new, report.failed) == (1, [])
    with fresh_engine.connect() as connection:
        [(published, precision)] = connection.execute(
            text("select published_on, published_precision from article_sources")
        ).all()
    assert (str(published), precision) == ("2024-05-14", "day")
