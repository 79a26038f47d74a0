"""Bad inputs through the real CLI: each gives one line naming the file and the reason on stderr,
the good files beside it are still stored, and the exit code says something failed. Text in
Latin-1, Windows-1252, UTF-8 with a BOM or UTF-16 is decoded, never stored as mojibake."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest
from sqlalchemy import text
from typer.testing import CliRunner

from pipeline.cli import EXIT_INPUT_FAILED, app
from pipeline.inputs.sources import MAX_BYTES, MAX_CHARS
from pipeline.store.db import make_engine
from tests.reliability.conftest import run_pipeline

runner = CliRunner()
GOOD_TEXT = "Camille Moreau a quitté OpenAI le 3 mars 2024, selon plusieurs sources."
MB = 1024 * 1024


def write_bytes(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def empty(folder: Path) -> Path:
    return write_bytes(folder / "empty.txt", b"")


def whitespace(folder: Path) -> Path:
    return write_bytes(folder / "blank.md", b"  \n\t\r\n   \n")


def binary(folder: Path) -> Path:
    return write_bytes(folder / "photo.txt", bytes(range(256)) * 40)


def over_20_mb(folder: Path) -> Path:
    return write_bytes(folder / "huge.txt", b"a" * (MAX_BYTES + 1))


def exactly_20_mb_of_text(folder: Path) -> Path:
    """Not too large to read, but longer than the extractor analyses: rejected, not cut."""
    sentence = "Le chercheur a quitté la société. ".encode()
    return write_bytes(
        folder / "long.txt", (sentence * (MAX_BYTES // len(sentence) + 1))[:MAX_BYTES]
    )


def just_over_the_analysable_length(folder: Path) -> Path:
    return write_bytes(folder / "long.md", b"mot " * (MAX_CHARS // 4) + b"fin")


def malformed_front_matter(folder: Path) -> Path:
    return write_bytes(folder / "fm.md", b"---\ntitle: x\nnot a key value line\n---\nLe texte.")


def unclosed_front_matter(folder: Path) -> Path:
    return write_bytes(folder / "open.md", b"---\ntitle: x\nLe texte sans fin de bloc.")


def pdf(folder: Path) -> Path:
    return write_bytes(folder / "report.pdf", b"%PDF-1.4\n" + GOOD_TEXT.encode())


def pdf_named_txt(folder: Path) -> Path:
    return write_bytes(folder / "saved.txt", b"%PDF-1.7\n" + GOOD_TEXT.encode())


def word_document(folder: Path) -> Path:
    return write_bytes(folder / "draft.docx", b"PK\x03\x04" + GOOD_TEXT.encode())


def csv_without_text(folder: Path) -> Path:
    return write_bytes(folder / "links.csv", b"url,title\nhttps://a.example/1,Un titre\n")


def missing_path(folder: Path) -> Path:
    return folder / "no-such-article.txt"


def folder_without_articles(folder: Path) -> Path:
    empty_folder = folder / "images"
    empty_folder.mkdir()
    (empty_folder / "logo.png").write_bytes(b"\x89PNG")
    return empty_folder


def symlink_to_itself(folder: Path) -> Path:
    link = folder / "loop.txt"
    link.symlink_to(link)
    return link


def broken_symlink(folder: Path) -> Path:
    link = folder / "gone.txt"
    link.symlink_to(folder / "deleted.txt")
    return link


def named_pipe_in_a_folder(folder: Path) -> Path:
    sub = folder / "with_pipe"
    sub.mkdir()
    os.mkfifo(sub / "feed.txt")
    return sub / "feed.txt"


def german(folder: Path) -> Path:
    text_de = (
        "Der Forscher hat das Unternehmen verlassen und ist nicht mehr bei der Firma, die er "
        "mit seinen Kollegen aufgebaut hat."
    )
    return write_bytes(folder / "de.txt", text_de.encode())


def declared_spanish(folder: Path) -> Path:
    return write_bytes(folder / "es.md", f"---\nlang: es\n---\n{GOOD_TEXT} Ter.".encode())


# (case, make the bad input, path named in the message, reason)
CASES = [
    (empty, None, "empty article"),
    (whitespace, None, "empty article"),
    (binary, None, "not UTF-8 text (binary file?)"),
    (over_20_mb, None, "too large (20.0 MB > 20 MB)"),
    (exactly_20_mb_of_text, None, "too long to analyse (19,"),
    (just_over_the_analysable_length, None, "too long to analyse (900,003 characters > 900,000): "),
    (malformed_front_matter, None, "malformed front matter: line 3: expected 'key: value'"),
    (unclosed_front_matter, None, "malformed front matter"),
    (pdf, None, "PDF is not supported: export the text first"),
    (pdf_named_txt, None, "PDF is not supported: export the text first"),
    (word_document, None, "Word is not supported: export the text first"),
    (csv_without_text, None, "no 'text' column (columns: url, title): a CSV holds one article"),
    (missing_path, None, "no such file or directory"),
    (folder_without_articles, None, "no article files (.txt, .md, .html, .jsonl, .csv, feeds)"),
    (symlink_to_itself, None, "too many levels of symbolic links"),
    (broken_symlink, None, "no such file or directory"),
    (named_pipe_in_a_folder, "parent", "not a regular file (named pipe, socket or device)"),
    (german, None, "unsupported language 'de' (supported: fr, en)"),
    (declared_spanish, None, "unsupported language 'es' (supported: fr, en)"),
]


@pytest.fixture
def good_article(articles_dir) -> Path:
    return write_bytes(articles_dir / "good.txt", GOOD_TEXT.encode())


def stored_texts(url: str) -> list[str]:
    engine = make_engine(url)
    with engine.connect() as connection:
        texts = connection.execute(text("select text from articles order by id")).scalars().all()
    engine.dispose()
    return texts


@pytest.mark.parametrize(("make", "given", "reason"), CASES, ids=[c[0].__name__ for c in CASES])
def test_a_bad_input_is_named_with_its_reason_and_the_good_one_is_stored(
    make, given, reason, good_article, articles_dir, sqlite_url, extractor
):
    bad = make(articles_dir)
    argument = bad.parent if given == "parent" else bad
    result = runner.invoke(app, ["ingest", str(good_article), str(argument), "--db", sqlite_url])
    assert result.exit_code == EXIT_INPUT_FAILED, result.output
    [line] = result.stderr.strip().splitlines()
    assert line.startswith(f"error: {bad}: {reason}"), line
    assert result.stdout.startswith("1 new, 0 already stored, 1 failed;")
    assert stored_texts(sqlite_url) == [GOOD_TEXT]


def jsonl_lines(folder: Path) -> Path:
    lines = [
        json.dumps({"text": GOOD_TEXT + " (jsonl)"}),
        "{not json",
        json.dumps({"title": "no text here"}),
        json.dumps(["a", "list"]),
        json.dumps({"text": 42}),
        json.dumps({"text": "   "}),
        json.dumps({"text": GOOD_TEXT + " (date)", "date": "2024-13-01"}),
    ]
    return write_bytes(folder / "dump.jsonl", "\n".join(lines).encode())


def test_bad_jsonl_lines_are_named_by_line_and_the_good_lines_are_stored(
    articles_dir, sqlite_url, extractor
):
    dump = jsonl_lines(articles_dir)
    result = runner.invoke(app, ["ingest", str(dump), "--db", sqlite_url])
    assert result.exit_code == EXIT_INPUT_FAILED
    assert result.stderr.strip().splitlines() == [
        f"error: {dump}:2: not JSON",
        f"error: {dump}:3: missing text",
        f"error: {dump}:4: not a JSON object",
        f"error: {dump}:5: missing text",
        f"error: {dump}:6: empty article",
        f"warning: {dump}:7: unreadable date '2024-13-01' in JSON: stored without a date",
    ]
    assert stored_texts(sqlite_url) == [GOOD_TEXT + " (jsonl)", GOOD_TEXT + " (date)"]


def test_a_folder_holding_a_symlink_to_itself_is_read_once_without_hanging(
    articles_dir, good_article, sqlite_url, extractor
):
    (articles_dir / "again").symlink_to(articles_dir)
    result = runner.invoke(app, ["ingest", str(articles_dir), "--db", sqlite_url])
    assert result.exit_code == 0, result.output
    assert stored_texts(sqlite_url) == [GOOD_TEXT]


DECODED = {
    "latin1.txt": GOOD_TEXT.replace("quitté", "quitté à Paris").encode("latin-1"),
    "cp1252.txt": "« Camille Moreau » a quitté OpenAI – c’est fait… l’été 2024.".encode("cp1252"),
    "bom.txt": b"\xef\xbb\xbf" + "Léa Faure a quitté Meta en juin 2023.".encode(),
    "utf16.txt": "Hugo Blanc a quitté Anthropic en mai 2022.".encode("utf-16"),
}


def test_western_encodings_and_boms_are_decoded_without_mojibake(
    articles_dir, sqlite_url, extractor
):
    for name, data in DECODED.items():
        write_bytes(articles_dir / name, data)
    result = runner.invoke(app, ["ingest", str(articles_dir), "--db", sqlite_url])
    assert result.exit_code == 0, result.output
    expected = {
        GOOD_TEXT.replace("quitté", "quitté à Paris"),
        "« Camille Moreau » a quitté OpenAI – c’est fait… l’été 2024.",
        "Léa Faure a quitté Meta en juin 2023.",
        "Hugo Blanc a quitté Anthropic en mai 2022.",
    }
    stored = stored_texts(sqlite_url)
    assert set(stored) == expected
    assert not any("Ã" in t or "\ufeff" in t or "\ufffd" in t for t in stored)


@pytest.mark.slow
def test_every_bad_input_at_once_in_a_real_process(articles_dir, good_article, sqlite_url):
    """One `pipeline ingest` over all of them: one line each, no traceback, the good stored."""
    bad = [make(articles_dir) for make, _, _ in CASES if make is not named_pipe_in_a_folder]
    dump = jsonl_lines(articles_dir)
    done = run_pipeline("ingest", str(good_article), *map(str, bad), str(dump), "--db", sqlite_url)
    assert done.returncode == EXIT_INPUT_FAILED, done.stderr
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    errors = [line for line in lines if line.startswith("error: ")]
    assert lines == [
        *errors,
        f"warning: {dump}:7: unreadable date '2024-13-01' in JSON: stored without a date",
    ]
    assert len(errors) == len(bad) + 5
    for path in bad:
        assert sum(line.startswith(f"error: {path}: ") for line in lines) == 1, path
    assert done.stdout.startswith(f"3 new, 0 already stored, {len(bad) + 5} failed;")
    assert sorted(stored_texts(sqlite_url)) == [
        GOOD_TEXT,
        GOOD_TEXT + " (date)",
        GOOD_TEXT + " (jsonl)",
    ]


def test_an_unreadable_file_is_named_when_permissions_apply(articles_dir, good_article, sqlite_url):
    if os.geteuid() == 0:
        pytest.skip("root reads any file: permissions cannot be tested as root")
    locked = write_bytes(articles_dir / "locked.txt", GOOD_TEXT.encode() + b" locked")
    locked.chmod(0)
    try:
        result = runner.invoke(app, ["ingest", str(good_article), str(locked), "--db", sqlite_url])
    finally:
        locked.chmod(stat.S_IRUSR | stat.S_IWUSR)
    assert result.stderr.strip() == f"error: {locked}: permission denied"


def test_inputs_are_never_longer_than_the_extractor_analyses():
    """The extractor cuts text at its MAX_CHARS; the input limit keeps every article under it,
    so nothing is cut silently."""
    from pipeline.extract.batch import MAX_CHARS as EXTRACTOR_MAX_CHARS

    assert MAX_CHARS <= EXTRACTOR_MAX_CHARS
