"""`pipeline report`: one self-contained HTML file; structure checked in Python, rendering checked
in a real headless Chromium (skipped only where `chromium` is not installed): the timeline's
gridlines above the rows, and the page at 1280 and 390 pixels wide."""

import datetime
import shutil
import subprocess
from pathlib import Path

import lxml.html
import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.outputs.query import run_view
from pipeline.outputs.report import load, render, write_report
from pipeline.outputs.report_words import choose_language, event_sentence
from pipeline.outputs.timeline import KIND_COLOURS, YEAR_LINE_COLOUR, Mark, draw
from tests.helpers import departure, dissolution, hiring, store_report, url_of

TODAY = datetime.date(2026, 11, 23)
HOSTILE = '<script>alert("x")</script> & "Eve"'


@pytest.fixture
def reported(fresh_engine):
    """Departures at three labs (one undated, one dated by year only), a dissolution, and an
    article whose title and URL try to inject markup and script."""
    store_report(
        fresh_engine,
        departure("Jan Leike", "OpenAI", "resignation", date="2024-05"),
        dissolution("Superalignment", "OpenAI", date="2024-05", focus="alignment"),
        published="2024-05-17",
        title="Jan Leike quitte OpenAI",
        url="https://news.example/leike",
    )
    store_report(
        fresh_engine,
        departure("Jan Leike", "OpenAI", "resignation", date="2024-05-17"),
        hiring("Jan Leike", "Anthropic", date="2024-05-28"),
        published="2024-05-28",
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


def page_of(engine, lang: str = "en") -> str:
    return render(load(engine), today=TODAY, lang=lang)


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
    assert HOSTILE in document.xpath("//table[@class='departures']//td//text()")


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
    assert note.startswith("1 departure without a known date is in the tables")


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
        "No career to show.",
        "No evidence: nothing was found yet.",
    ]


def test_cli_writes_the_report_and_reports_a_bad_path(reported, tmp_path):
    out = tmp_path / "report.html"
    result = CliRunner().invoke(app, ["report", "--out", str(out), "--db", url_of(reported)])
    assert result.exit_code == 0, result.output
    assert result.stdout == f"{out}: 5 departures, 1 dissolution, 7 evidence sentences (fr)\n"
    assert parse(out.read_text(encoding="utf-8")).xpath("//svg[@id='timeline']")

    missing = tmp_path / "no" / "such" / "report.html"
    result = CliRunner().invoke(app, ["report", "--out", str(missing), "--db", url_of(reported)])
    assert result.exit_code == 1
    assert result.stderr == f"error: cannot write {missing}: no such file or directory\n"


def test_out_dash_writes_the_page_to_stdout(reported):
    result = CliRunner().invoke(app, ["report", "--out", "-", "--db", url_of(reported)])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("<!DOCTYPE html>")
    assert parse(result.stdout).xpath("//svg[@id='timeline']")
    assert result.stderr == "report: 5 departures, 1 dissolution, 7 evidence sentences (fr)\n"


@pytest.mark.parametrize("out", ["report.txt", "report", "report.html.bak"])
def test_an_out_that_is_not_html_is_refused_in_one_line(reported, tmp_path, out):
    target = tmp_path / out
    result = CliRunner().invoke(app, ["report", "--out", str(target), "--db", url_of(reported)])
    assert result.exit_code == 2
    assert (
        result.stderr
        == f"error: --out must be an .html file or - for stdout, not {str(target)!r}\n"
    )
    assert not target.exists()


# --- language, sentences, careers


def test_the_language_follows_the_articles_unless_asked(reported, tmp_path):
    out = tmp_path / "report.html"
    assert write_report(reported, out, today=TODAY).lang == "fr"  # store_report writes French
    document = parse(out.read_text(encoding="utf-8"))
    assert document.get("lang") == "fr"
    headings = [h.text_content() for h in document.xpath("//h2")]
    assert headings == [
        "Chronologie des départs par laboratoire",
        "Équipes dissoutes",
        "Départs par laboratoire",
        "Parcours",
        "Sources",
    ]
    assert "démission" in document.xpath("//span[contains(@class, 'kind')]/text()")
    assert "alignement" in document.xpath("//span[contains(@class, 'focus')]/text()")

    result = CliRunner().invoke(
        app, ["report", "--out", str(out), "--lang", "en", "--db", url_of(reported)]
    )
    assert result.exit_code == 0, result.output
    document = parse(out.read_text(encoding="utf-8"))
    assert document.get("lang") == "en"
    assert document.xpath("//h2/text()")[0] == "Timeline of departures per lab"
    assert "resignation" in document.xpath("//span[contains(@class, 'kind')]/text()")


@pytest.mark.parametrize(
    ("languages", "asked", "chosen"),
    [
        (["fr", "fr", "en"], None, "fr"),
        (["fr", "en"], None, "fr"),
        (["en", "en", "fr"], None, "en"),
        ([], None, "en"),
        (["fr", "fr"], "en", "en"),
    ],
)
def test_choose_language(languages, asked, chosen):
    assert choose_language(languages, asked) == chosen


EVENT_HEADINGS = {
    "en": [
        "OpenAI dissolved the Superalignment team in May 2024.",
        "Geoffrey Hinton left Google on 1 May 2023.",
        "Google dismissed Timnit Gebru in December 2020.",
        "Jan Leike resigned from OpenAI on 17 May 2024.",
        "Ilya Sutskever left OpenAI in 2024.",
        f"Meta dismissed {HOSTILE}.",
    ],
    "fr": [
        "OpenAI a dissous l'équipe Superalignment en mai 2024.",
        "Geoffrey Hinton a quitté Google le 1er mai 2023.",
        "Google a licencié Timnit Gebru en décembre 2020.",
        "Jan Leike a démissionné d'OpenAI le 17 mai 2024.",
        "Ilya Sutskever a quitté OpenAI en 2024.",
        f"Meta a licencié {HOSTILE}.",
    ],
}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_each_event_is_headed_by_a_sentence_in_the_page_language(reported, lang):
    document = parse(page_of(reported, lang))
    headings = document.xpath("//ol[@class='evidence']/li/h4")
    assert [h.text_content() for h in headings] == EVENT_HEADINGS[lang]


def test_an_event_without_organisation_or_date_still_reads_as_a_sentence():
    row = {"person": "Ada Lovelace", "organization": None, "kind": "resignation", "date": None}
    assert event_sentence(row, "en") == "Ada Lovelace resigned."
    assert event_sentence(row, "fr") == "Démission de Ada Lovelace."
    team = {"team": "équipe d'éthique", "organization": "Twitter", "date": "2022-11"}
    assert event_sentence(team, "fr") == "Twitter a dissous l'équipe d'éthique en novembre 2022."
    assert event_sentence(team, "en") == "Twitter dissolved équipe d'éthique in November 2022."


def test_each_person_links_to_their_career(reported):
    document = parse(page_of(reported))
    links = document.xpath("//table[@class='departures']//td[1]/a")
    assert len(links) == 5
    for link in links:
        [career] = document.xpath(f"//section[@id='careers']//li[@id='{link.get('href')[1:]}']")
        assert career.xpath("./b/text()") == [link.text_content()]
    [leike] = document.xpath("//section[@id='careers']//li[b='Jan Leike']")
    assert leike.text_content() == (
        "Jan Leike: left OpenAI (resignation, 17 May 2024) → joined Anthropic (28 May 2024)"
    )
    departure_row = leike.xpath("./a")[0].get("href")[1:]
    assert document.xpath(f"//tr[@id='{departure_row}']//a[@class='person']/text()") == [
        "Jan Leike"
    ]


# --- the timeline's layers


def test_gridlines_and_year_ticks_are_drawn_above_the_row_backgrounds(reported):
    document = parse(page_of(reported))
    [svg] = document.xpath("//svg[@id='timeline']")
    order = [element.get("class") for element in svg.iter() if element.get("class")]
    last_background = max(i for i, name in enumerate(order) if name in ("even", "odd"))
    first_line = min(i for i, name in enumerate(order) if name in ("year", "quarter"))
    assert last_background < first_line, "a row background is painted over a gridline"
    ticks = svg.xpath(".//line[@class='tick']")
    labels = svg.xpath(".//text[@class='axis']")
    assert [label.text for label in labels] == [str(year) for year in range(2020, 2026)]
    assert [tick.get("x1") for tick in ticks] == [label.get("x") for label in labels]


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


def rgb(colour: str) -> tuple[int, int, int]:
    return tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))


def screenshot(tmp_path, page: Path, width: int, height: int):
    from PIL import Image

    shot = tmp_path / f"{page.stem}-{width}.png"
    chromium(
        tmp_path,
        "--hide-scrollbars",
        f"--screenshot={shot}",
        f"--window-size={width},{height}",
        page.as_uri(),
    )
    with Image.open(shot) as image:
        return image.convert("RGB")


@pytest.mark.slow
@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")
def test_year_gridlines_show_through_the_row_backgrounds_in_chromium(tmp_path):
    """The timeline alone, one SVG unit to one pixel: on a shaded row, the pixels where a year
    line runs have the line's colour, and between lines the row's shade."""
    marks = [
        Mark("OpenAI", "A", "resignation", "2021-03", "a"),
        Mark("Google", "B", "dismissal", "2022-07", "b"),
        Mark("Meta", "C", "departure", "2023-10", "c"),
    ]
    svg = draw(marks)
    page = tmp_path / "timeline.html"
    page.write_text(
        "<!DOCTYPE html><style>body{margin:0} svg{width:1200px;display:block}"
        ".odd{fill:#f6f7f9} .even{fill:#fff}</style>" + svg,
        encoding="utf-8",
    )
    image = screenshot(tmp_path, page, 1200, 400)
    document = parse(svg)
    [odd] = document.xpath("//rect[@class='odd']")
    middle = round(float(odd.get("y")) + float(odd.get("height")) / 2)
    years = [float(line.get("x1")) for line in document.xpath("//line[@class='year']")]
    for x in years[:-1]:
        around = [image.getpixel((round(x) + dx, middle)) for dx in (-1, 0, 1)]
        assert rgb(YEAR_LINE_COLOUR) in around, (x, around)
    between = round((years[0] + years[1]) / 2) + 7  # not on a quarter line either
    assert image.getpixel((between, middle)) == rgb("#f6f7f9")


OVERFLOW_PROBE = """<script>
addEventListener("load", () => {
  const mark = document.createElement("div");
  const fits = document.documentElement.scrollWidth <= innerWidth;
  mark.style.cssText = "position:fixed;left:0;top:0;width:12px;height:12px;z-index:9;"
    + "background:" + (fits ? "#00ff00" : "#ff0000");
  document.body.appendChild(mark);
});
</script></head>"""
FITS, OVERFLOWS = (0, 255, 0), (255, 0, 0)


@pytest.mark.slow
@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")
@pytest.mark.parametrize("width", [1280, 390])
def test_the_page_fits_a_desktop_and_a_phone_in_chromium(reported, tmp_path, width):
    """A copy of the report with a probe that paints a corner green when nothing makes the page
    scroll sideways, red otherwise; the probe itself is checked on a page that is too wide."""
    report = tmp_path / "report.html"
    write_report(reported, report, today=TODAY)
    probed = tmp_path / "probed.html"
    probed.write_text(report.read_text(encoding="utf-8").replace("</head>", OVERFLOW_PROBE, 1))
    too_wide = tmp_path / "too-wide.html"
    too_wide.write_text(
        f"<html><head>{OVERFLOW_PROBE}<body><div style='width:{width + 200}px'>x</div></body>",
        encoding="utf-8",
    )
    assert screenshot(tmp_path, too_wide, width, 300).getpixel((4, 4)) == OVERFLOWS

    image = screenshot(tmp_path, probed, width, 2400)
    assert image.size == (width, 2400)
    assert image.getpixel((4, 4)) == FITS, f"the report scrolls sideways at {width} px"
    colours = {colour for _, colour in image.getcolors(1 << 24)}
    for kind in ("resignation", "dismissal"):  # the kind badges are drawn
        assert rgb(KIND_COLOURS[kind]) in colours
