"""`pipeline ingest URL`: fetched from a real HTTP server that the test runs on 127.0.0.1."""

import contextlib
import datetime
import http.server
import json
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.inputs.fetch import FetchError, fetch
from pipeline.inputs.sources import RawArticle, SourceError, read_sources
from tests.test_html_input import ARTICLE_PARAGRAPHS, BOILERPLATE, news_page


@dataclass
class Reply:
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    body: bytes = b""
    headers: tuple[tuple[str, str], ...] = ()
    send_length: bool = True
    delay: float = 0.0


class Site:
    """Pages served by path; anything else is a 404."""

    def __init__(self, base: str):
        self.base = base
        self.pages: dict[str, Reply] = {}

    def url(self, path: str) -> str:
        return f"{self.base}{path}"


def _handler(site: Site):
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (http.server's naming)
            reply = site.pages.get(self.path, Reply(404, "text/plain", b"not here"))
            if reply.delay:
                time.sleep(reply.delay)
            self.send_response(reply.status)
            self.send_header("Content-Type", reply.content_type)
            for name, value in reply.headers:
                self.send_header(name, value)
            if reply.send_length:
                self.send_header("Content-Length", str(len(reply.body)))
            else:
                self.close_connection = True
            self.end_headers()
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self.wfile.write(reply.body)

        def log_message(self, *args):
            pass

    return Handler


@pytest.fixture
def site() -> Iterator[Site]:
    """An HTTP server on a free loopback port, stopped after the test."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), None)
    host, port = server.server_address[:2]
    served = Site(f"http://{host}:{port}")
    server.RequestHandlerClass = _handler(served)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield served
    server.shutdown()
    server.server_close()
    thread.join(timeout=10)


def closed_port_url() -> str:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}/article"


def read_one(url: str) -> RawArticle | SourceError:
    [result] = list(read_sources([url]))
    return result


def test_html_page_from_url_gives_article_text_title_date(site):
    site.pages["/tech/leike"] = Reply(body=news_page().encode())
    article = read_one(site.url("/tech/leike"))
    assert isinstance(article, RawArticle), article
    assert article.source == site.url("/tech/leike")
    assert article.url == site.url("/tech/leike")
    assert article.title == "Jan Leike quitte OpenAI pour Anthropic"
    assert article.published == datetime.date(2024, 5, 17)
    assert ARTICLE_PARAGRAPHS[0] in article.text
    assert not any(chrome in article.text for chrome in BOILERPLATE)


def test_redirect_is_followed_and_the_final_url_kept(site):
    site.pages["/old"] = Reply(302, headers=(("Location", "/new"),))
    site.pages["/new"] = Reply(body=news_page().encode())
    article = read_one(site.url("/old"))
    assert isinstance(article, RawArticle), article
    assert article.url == site.url("/new")


def test_plain_text_url_is_read_like_a_text_file(site):
    site.pages["/a.txt"] = Reply(
        content_type="text/plain; charset=utf-8", body=ARTICLE_PARAGRAPHS[0].encode()
    )
    article = read_one(site.url("/a.txt"))
    assert isinstance(article, RawArticle), article
    assert article.text == ARTICLE_PARAGRAPHS[0]
    assert article.url == site.url("/a.txt")


def test_http_error_is_one_line(site):
    assert read_one(site.url("/missing")) == SourceError(site.url("/missing"), "HTTP 404 Not Found")
    site.pages["/boom"] = Reply(500, body=b"<h1>oops</h1>")
    assert read_one(site.url("/boom")) == SourceError(
        site.url("/boom"), "HTTP 500 Internal Server Error"
    )


def test_unreachable_server_is_one_line():
    url = closed_port_url()
    assert read_one(url) == SourceError(url, "unreachable: connection refused")


def test_declared_size_over_the_cap_is_refused_before_reading(site):
    site.pages["/big"] = Reply(body=b"x" * 5000)
    with pytest.raises(FetchError, match=r"^too large \(0\.0 MB > 0\.00390625 MB\)$"):
        fetch(site.url("/big"), max_bytes=4096)


def test_undeclared_size_over_the_cap_is_refused_while_reading(site):
    site.pages["/stream"] = Reply(body=b"x" * 5000, send_length=False)
    with pytest.raises(FetchError, match=r"^too large \(> 0\.00390625 MB\)$"):
        fetch(site.url("/stream"), max_bytes=4096)
    assert len(fetch(site.url("/stream"), max_bytes=5000).body) == 5000


def test_slow_server_times_out_with_one_line(site):
    site.pages["/slow"] = Reply(body=b"late", delay=2.0)
    with pytest.raises(FetchError, match=r"^timed out after 0\.5 s$"):
        fetch(site.url("/slow"), timeout=0.5)


def test_only_http_urls_are_fetched():
    with pytest.raises(FetchError, match="only http:// and https://"):
        fetch("file:///etc/passwd")


@pytest.mark.slow
def test_cli_ingests_a_url_and_reports_a_bad_one(site, tmp_path):
    site.pages["/tech/leike"] = Reply(body=news_page().encode())
    database = tmp_path / "pipeline.db"
    runner = CliRunner()
    good, bad = site.url("/tech/leike"), site.url("/gone")

    result = runner.invoke(app, ["ingest", good, bad, "--db", str(database)])
    assert result.exit_code == 1, result.output
    assert f"error: {bad}: HTTP 404 Not Found\n" in result.stderr
    assert "1 new, 0 already stored, 1 failed" in result.stdout

    sources = runner.invoke(app, ["query", "sources", "--db", str(database), "--format", "json"])
    assert sources.exit_code == 0, sources.output
    rows = json.loads(sources.stdout)
    assert rows, "the page's departure was not found"
    assert {row["article_url"] for row in rows} == {good}
    assert {row["article_title"] for row in rows} == {"Jan Leike quitte OpenAI pour Anthropic"}
    assert any(row["subject"] == "Jan Leike" and row["organization"] == "OpenAI" for row in rows)

    again = runner.invoke(app, ["ingest", good, "--db", str(database)])
    assert again.exit_code == 0, again.output
    assert "0 new, 1 already stored, 0 failed" in again.stdout
