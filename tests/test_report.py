"""`pipeline report`: one self-contained HTML file; structure checked in Python, rendering checked
in a real headless Chromium (skipped only where `chromium` is not installed)."""

import datetime
import shutil
import subprocess

import lxml.html
import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.outputs.query import run_view
from pipeline.outputs.report import load, render, write_report
from pipeline.outputs.timeline import KIND_COLOURS
from tests.helpers import departure, dissolution, store_report, url_of

TODAY = datetime.date(2026, 11, 23)
HOSTILE = '<script>alert("x")</script> & "Eve"'


@pytest.fixture
def reported(fresh_engine):
    """Departures at three labs (one undated, one dated by year only), a dissolution, and an
    article whose title and URL try to inject markup and script."""
    store_report(
        fresh_engine,
        departure("Jan Leike", "OpenAI", "resignation", date="2024-05"),
        dissolution("Superalignment", "OpenAI", date="2024-05"),
        published="2024-05-17",
        title="Jan Leike quitte OpenAI",
        url="https://news.example/leike",
    )
    store_report(
        fresh_engine,
        departure("Jan Leike", "OpenAI", "resignation", date="2024-05-17"),
        published="2024-05-18",
        title="Second report",
    )
    store_report(
        fresh_engine,
        departure("Ilya Sutskever", "OpenAI", date="2024"),
        departure("Geoffrey Hinton", "Google", date="2023-05-01"),
        departure("Timnit Gebru", "Google", "dismissal", date="2020-12"),
        published="2023-05-02",
    )
    store_report(
        fresh_engine,
        departure(HOSTILE, "Meta", "dismissal"),
        title=HOSTILE,
        url="javascript:alert(1)",
    )
    return fresh_engine


def parse(page: str):
    return lxml.html.document_fromstring(page)


def page_of(engine) -> str:
    return render(load(engine), today=TODAY)


def test_every_row_links_to_its_evidence_sentences(reported):
    document = parse(page_of(reported))
    sources = run_view(reported, "sources")
    shown = [
        *(("departure", row) for row in run_view(reported, "departures")),
        *(("dissolution", row) for row in run_view(reported, "dissolutions")),
    ]
    rows = document.xpath(
        "//tr[starts-with(@id, 'departure-') or starts-with(@id, 'dissolution-')]"
    )
    assert len(rows) == len(shown) == 6
    for row in rows:
        links = row.xpath(".//td[@class='evidence-links']/a/@href")
        assert links, f"row {row.get('id')} has no evidence link"
        name = row.xpath("./td[1]")[0].text_content()
        expected = {
            source["sentence"]
            for source in sources
            if source["subject"] == name and source["event_type"] in ("departure", "dissolution")
        }
        linked = set()
        for href in links:
            [target] = document.xpath(f"//*[@id='{href[1:]}']")
            linked.add(target.xpath(".//blockquote")[0].text_content())
        assert linked == expected


def test_evidence_lists_article_title_url_and_source(reported):
    document = parse(page_of(reported))
    article_links = document.xpath("//section[@id='evidence']//p[@class='source']/a")
    assert ("https://news.example/leike", "Jan Leike quitte OpenAI") in {
        (a.get("href"), a.text_content()) for a in article_links
    }
    sources = document.xpath("//section[@id='evidence']//p[@class='source']//code/text()")
    assert any(source.startswith("test/") for source in sources)


def test_all_text_is_escaped_and_only_web_links_are_clickable(reported):
    page = page_of(reported)
    assert "<script" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;Eve&quot;" in page
    document = parse(page)
    hrefs = document.xpath("//a/@href")
    assert all(href.startswith(("#", "https://")) for href in hrefs), hrefs
    assert HOSTILE in document.xpath("//table[@class='departures']//td/text()")


def test_timeline_has_a_row_per_lab_and_a_mark_per_dated_departure(reported):
    document = parse(page_of(reported))
    [svg] = document.xpath("//svg[@id='timeline']")
    labs = [text.strip() for text in svg.xpath(".//text[@class='lab']/text()")]
    assert labs == ["Google", "OpenAI"]  # as many departures: by name; Meta's has no date
    marks = svg.xpath(".//*[contains(concat(' ', @class, ' '), ' mark ')]")
    assert len(marks) == 4
    colours = {mark.get("class").split()[1]: mark.get("fill") for mark in marks}
    assert colours == {
        kind: KIND_COLOURS[kind] for kind in ("resignation", "departure", "dismissal")
    }
    year_only = svg.xpath(".//rect[contains(@class, 'mark')]")
    assert len(year_only) == 1, "the departure dated 2024 only spans the year"
    for link in svg.xpath(".//a/@href"):
        assert document.xpath(f"//tr[@id='{link[1:]}']"), link
    note = document.xpath("//section[@id='timeline-section']//p[@class='note']")[0].text_content()
    assert note.startswith("1 departure(s) without a known date")


def test_report_needs_no_network(reported):
    page = page_of(reported)
    document = parse(page)
    assert not document.xpath("//script | //link | //iframe | //img | //*[@src]")
    assert "url(" not in page and "@import" not in page
    assert document.xpath("//style") and document.xpath("//svg")


def test_empty_database_gives_a_report_that_says_so(fresh_engine):
    document = parse(page_of(fresh_engine))
    empties = [p.text_content() for p in document.xpath("//p[@class='empty']")]
    assert empties == [
        "No dated departure to draw.",
        "No team dissolution found.",
        "No departure found.",
        "No evidence: nothing was found yet.",
    ]


def test_cli_writes_the_report_and_reports_a_bad_path(reported, tmp_path):
    out = tmp_path / "report.html"
    result = CliRunner().invoke(app, ["report", "--out", str(out), "--db", url_of(reported)])
    assert result.exit_code == 0, result.output
    assert result.stdout == f"{out}: 5 departures, 1 dissolutions, 7 evidence sentences\n"
    assert parse(out.read_text(encoding="utf-8")).xpath("//svg[@id='timeline']")

    missing = tmp_path / "no" / "such" / "report.html"
    result = CliRunner().invoke(app, ["report", "--out", str(missing), "--db", url_of(reported)])
    assert result.exit_code == 1
    assert result.stderr == f"error: cannot write {missing}: no such file or directory\n"


# --- a real browser

CHROMIUM = shutil.which("chromium")
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)


def chromium(tmp_path, *args: str) -> subprocess.CompletedProcess:
    profile = tmp_path / "chromium-profile"
    command = [CHROMIUM, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=True)


@pytest.mark.slow
@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")
def test_report_renders_in_headless_chromium(reported, tmp_path):
    from PIL import Image

    out = tmp_path / "report.html"
    summary = write_report(reported, out, today=TODAY)

    dom = parse(chromium(tmp_path, "--dump-dom", out.as_uri()).stdout)
    [svg] = dom.xpath("//svg[@id='timeline']")
    assert len(svg.xpath(".//*[contains(@class, 'mark')]")) == 4
    assert len(dom.xpath("//tr[starts-with(@id, 'departure-')]")) == summary.departures == 5
    assert len(dom.xpath("//tr[starts-with(@id, 'dissolution-')]")) == summary.dissolutions
    assert len(dom.xpath("//div[@class='sentence']")) == summary.evidence

    shot = tmp_path / "report.png"
    chromium(tmp_path, f"--screenshot={shot}", "--window-size=1280,2000", out.as_uri())
    with Image.open(shot) as image:
        assert image.size == (1280, 2000)
        pixels = {colour for _, colour in image.convert("RGB").getcolors(1 << 24)}
    for colour in KIND_COLOURS.values():
        rgb = tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))
        assert rgb in pixels, f"nothing drawn in {colour}"
