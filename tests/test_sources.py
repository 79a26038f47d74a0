import datetime
import io
import json
import os
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.inputs.language import detect_language
from pipeline.inputs.sources import (
    MAX_BYTES,
    NO_ARTICLE_FILES,
    SUPPORTED_LANGS,
    RawArticle,
    SkippedFile,
    SourceError,
    iter_source_files,
    read_sources,
)

FRENCH = (
    "Le chercheur Jan Leike a quitté OpenAI pour rejoindre Anthropic, selon un message publié "
    "sur X. Il dirigeait l’équipe de superalignement, qui a été dissoute quelques jours plus tard."
)
ENGLISH = (
    "Jan Leike, who co-led OpenAI's superalignment team, has left the company and joined "
    "Anthropic, he said in a post on X. The team was dissolved days later."
)
GERMAN = (
    "Der Forscher Jan Leike hat OpenAI verlassen und ist zu Anthropic gewechselt. Er leitete das "
    "Superalignment-Team, das wenige Tage später aufgelöst wurde, wie die Firma mitteilte."
)
SPANISH = (
    "El investigador Jan Leike ha dejado OpenAI para unirse a Anthropic, según un mensaje "
    "publicado en X. Dirigía el equipo de superalineación, que fue disuelto pocos días después."
)
ITALIAN = (
    "Il ricercatore Jan Leike ha lasciato OpenAI per unirsi ad Anthropic, secondo un messaggio "
    "pubblicato su X. Guidava il team di superallineamento, che è stato sciolto pochi giorni dopo."
)
NOT_TEXT = "not UTF-8 text (binary file?)"


def read_all(*paths, stdin=None):
    return list(read_sources([str(path) for path in paths], stdin=stdin))


def read_one(path):
    [result] = read_all(path)
    return result


def write(path, content):
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8", newline="")
    return path


# --- plain files


def test_plain_text_file_becomes_an_article(tmp_path):
    path = write(tmp_path / "leike.txt", FRENCH + "\n")
    assert read_one(path) == RawArticle(
        source=str(path), text=FRENCH, title=None, url=None, published=None, lang="fr"
    )


def test_english_article_is_detected_as_english(tmp_path):
    assert read_one(write(tmp_path / "a.txt", ENGLISH)).lang == "en"


def test_crlf_and_lone_cr_become_newlines(tmp_path):
    path = write(tmp_path / "a.txt", "Ligne un.\r\nLigne deux.\rLigne trois.")
    assert read_one(path).text == "Ligne un.\nLigne deux.\nLigne trois."


def test_text_is_nfc_normalized(tmp_path):
    decomposed = "Le de\u0301part de l’e\u0301quipe"
    assert read_one(write(tmp_path / "a.txt", decomposed)).text == "Le départ de l’équipe"


def test_utf8_bom_is_stripped(tmp_path):
    path = write(tmp_path / "a.txt", b"\xef\xbb\xbf" + FRENCH.encode())
    assert read_one(path).text == FRENCH


def test_utf8_bom_before_front_matter_is_stripped(tmp_path):
    path = write(tmp_path / "a.md", b"\xef\xbb\xbf---\ntitle: T\n---\n" + FRENCH.encode())
    article = read_one(path)
    assert (article.title, article.text) == ("T", FRENCH)


def test_utf16_with_bom_is_decoded(tmp_path):
    path = write(tmp_path / "a.txt", FRENCH.encode("utf-16"))
    assert read_one(path).text == FRENCH


def test_latin1_text_is_decoded_without_mojibake(tmp_path):
    text = "Élodie a quitté la société à Paris ; l'équipe « éthique » est dissoute."
    assert read_one(write(tmp_path / "a.txt", text.encode("latin-1"))).text == text


def test_windows_1252_text_is_decoded_without_mojibake(tmp_path):
    text = "L’équipe de sécurité a été dissoute — « c’est fini », dit-elle… 3 € de moins."
    assert read_one(write(tmp_path / "a.txt", text.encode("cp1252"))).text == text


def test_utf8_with_stray_windows_1252_bytes_keeps_both_without_mojibake(tmp_path):
    content = "Élodie a quitté l’équipe".encode() + " – « fin »".encode("cp1252") + " déjà".encode()
    path = write(tmp_path / "a.txt", content)
    assert read_one(path).text == "Élodie a quitté l’équipe – « fin » déjà"


def test_file_with_nul_bytes_is_binary(tmp_path):
    path = write(tmp_path / "a.txt", b"\x01\x02\x00\x00 fake binary " + FRENCH.encode())
    assert read_one(path) == SourceError(str(path), NOT_TEXT)


def test_invalid_utf8_with_control_bytes_is_binary(tmp_path):
    noise = bytes((index * 37) % 255 + 1 for index in range(4096))
    path = write(tmp_path / "a.txt", noise)
    assert read_one(path) == SourceError(str(path), NOT_TEXT)


def test_invalid_utf8_that_is_mostly_symbols_is_not_decoded_as_western(tmp_path):
    path = write(tmp_path / "a.txt", b"\xe9\xe8 " + b"#$%&*+<=>@^|~ " * 50)
    assert read_one(path) == SourceError(str(path), NOT_TEXT)


def test_empty_file_is_an_empty_article(tmp_path):
    path = write(tmp_path / "a.txt", b"")
    assert read_one(path) == SourceError(str(path), "empty article")


def test_whitespace_only_file_is_an_empty_article(tmp_path):
    path = write(tmp_path / "a.txt", " \n\t\r\n  \n")
    assert read_one(path) == SourceError(str(path), "empty article")


def test_front_matter_without_body_is_an_empty_article(tmp_path):
    path = write(tmp_path / "a.md", "---\ntitle: T\n---\n\n")
    assert read_one(path) == SourceError(str(path), "empty article")


def test_file_over_max_bytes_is_rejected_without_reading_it(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as file:
        file.truncate(int(21.3 * 1024 * 1024))  # sparse: no disk or memory used
    started = time.perf_counter()
    result = read_one(path)
    assert result == SourceError(str(path), "too large (21.3 MB > 20 MB)")
    assert time.perf_counter() - started < 1.0


def test_file_of_exactly_max_bytes_is_not_too_large(tmp_path):
    path = write(tmp_path / "a.txt", (FRENCH + "\n").encode())
    with open(path, "ab") as file:
        file.write(b" " * (MAX_BYTES - path.stat().st_size))
    assert read_one(path).text == FRENCH


def test_missing_path_is_an_error(tmp_path):
    path = tmp_path / "nope.txt"
    assert read_one(path) == SourceError(str(path), "no such file or directory")


def test_broken_symlink_is_an_error(tmp_path):
    link = tmp_path / "a.txt"
    link.symlink_to(tmp_path / "gone.txt")
    assert read_one(link) == SourceError(str(link), "no such file or directory")


def test_unreadable_file_is_an_error(tmp_path):
    path = write(tmp_path / "a.txt", FRENCH)
    path.chmod(0)
    if os.access(path, os.R_OK):
        pytest.skip("running as root: permissions are not enforced")
    assert read_one(path) == SourceError(str(path), "permission denied")


def test_explicit_file_with_another_extension_is_still_read(tmp_path):
    path = write(tmp_path / "article.html.txt.bak", FRENCH)
    assert read_one(path).text == FRENCH


# --- front matter


def test_markdown_front_matter_fills_metadata(tmp_path):
    path = write(
        tmp_path / "a.md",
        "---\n"
        'title: "Jan Leike quitte OpenAI"\n'
        "url: 'https://example.com/leike'\n"
        "date: 2024-05-17\n"
        "lang: FR\n"
        'tags: ["ia", "départs"]\n'
        "---\n\n" + FRENCH + "\n",
    )
    assert read_one(path) == RawArticle(
        source=str(path),
        text=FRENCH,
        title="Jan Leike quitte OpenAI",
        url="https://example.com/leike",
        published=datetime.date(2024, 5, 17),
        lang="fr",
        published_precision="day",
        published_text="2024-05-17",
    )


def test_front_matter_keys_are_case_insensitive(tmp_path):
    path = write(tmp_path / "a.md", f"---\nTitle: T\nDate: 2024-05-17\n---\n{FRENCH}")
    article = read_one(path)
    assert (article.title, article.published) == ("T", datetime.date(2024, 5, 17))


def test_front_matter_datetime_gives_its_date(tmp_path):
    path = write(tmp_path / "a.md", f"---\ndate: 2024-05-17T23:10:00+02:00\n---\n{FRENCH}")
    assert read_one(path).published == datetime.date(2024, 5, 17)


def test_blank_front_matter_values_are_none(tmp_path):
    path = write(tmp_path / "a.md", f"---\ntitle: ''\ndate:\nlang: \n---\n{ENGLISH}")
    article = read_one(path)
    assert (article.title, article.published, article.lang) == (None, None, "en")


@pytest.mark.parametrize("declared", ["en", "EN", "en-US", "en_GB", "English"])
def test_declared_language_wins_over_detection(tmp_path, declared):
    path = write(tmp_path / "a.md", f"---\nlang: {declared}\n---\n{FRENCH}")
    assert read_one(path).lang == "en"


@pytest.mark.parametrize("date", ["2024-02-30", "yesterday", "17/13/2024"])
def test_an_unreadable_date_is_a_warning_and_the_article_is_kept_without_it(tmp_path, date):
    path = write(tmp_path / "a.md", f"---\ndate: {date}\ntitle: T\n---\n{FRENCH}")
    article = read_one(path)
    assert (article.text, article.title, article.published) == (FRENCH, "T", None)
    assert article.warnings == (f"unreadable date '{date}' in front matter: stored without a date",)


def test_unclosed_front_matter_is_an_error(tmp_path):
    path = write(tmp_path / "a.md", f"---\ntitle: T\n{FRENCH}")
    assert read_one(path) == SourceError(str(path), "malformed front matter: no closing '---' line")


def test_front_matter_line_that_is_not_key_value_is_an_error(tmp_path):
    path = write(tmp_path / "a.md", f"---\ntitle: T\njust words\n---\n{FRENCH}")
    assert read_one(path) == SourceError(
        str(path), "malformed front matter: line 3: expected 'key: value', got 'just words'"
    )


# --- languages


def test_german_article_is_rejected(tmp_path):
    path = write(tmp_path / "a.txt", GERMAN)
    assert read_one(path) == SourceError(str(path), "unsupported language 'de' (supported: fr, en)")


def test_declared_unsupported_language_is_rejected(tmp_path):
    path = write(tmp_path / "a.md", f"---\nlang: es\n---\n{FRENCH}")
    assert read_one(path) == SourceError(str(path), "unsupported language 'es' (supported: fr, en)")


def test_unclear_language_defaults_to_french(tmp_path):
    assert read_one(write(tmp_path / "a.txt", "Jane Doe → Anthropic.")).lang == "fr"


def test_supported_languages():
    assert SUPPORTED_LANGS == ("fr", "en")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (FRENCH, "fr"),
        (ENGLISH, "en"),
        (GERMAN, "de"),
        (SPANISH, "es"),
        (ITALIAN, "it"),
        ("« We are leaving », a déclaré le cofondateur dans un message publié mardi.", "fr"),
        ("", None),
        ("OpenAI, Anthropic, Mistral AI.", None),
        ("Jane Doe leaves OpenAI.", None),
    ],
)
def test_detect_language(text, expected):
    assert detect_language(text) == expected


def test_detect_language_reads_only_the_start():
    assert detect_language(FRENCH * 40 + GERMAN * 200) == "fr"


@given(st.text())
def test_detect_language_never_raises(text):
    result = detect_language(text)
    assert result is None or (len(result) == 2 and result.islower())


# --- stdin


def test_stdin_is_one_article():
    stdin = io.BytesIO(f"---\ntitle: T\n---\n{FRENCH}".encode())
    assert read_all("-", stdin=stdin) == [
        RawArticle(source="<stdin>", text=FRENCH, title="T", url=None, published=None, lang="fr")
    ]


def test_stdin_uses_the_same_decoding_rules():
    text = "L’équipe de sécurité a été dissoute."
    [article] = read_all("-", stdin=io.BytesIO(text.encode("cp1252")))
    assert article.text == text


def test_empty_stdin_is_an_empty_article():
    assert read_all("-", stdin=io.BytesIO(b"")) == [SourceError("<stdin>", "empty article")]


def test_binary_stdin_is_rejected():
    stdin = io.BytesIO(b"\x01\x02\x00\x00 binary")
    assert read_all("-", stdin=stdin) == [SourceError("<stdin>", NOT_TEXT)]


def test_stdin_over_max_bytes_is_rejected():
    stdin = io.BytesIO(b"a" * (MAX_BYTES + 1))
    assert read_all("-", stdin=stdin) == [SourceError("<stdin>", "too large (> 20 MB)")]


@settings(max_examples=200)
@given(st.binary(max_size=2000))
def test_arbitrary_bytes_on_stdin_never_raise(data):
    [result] = read_all("-", stdin=io.BytesIO(data))
    if isinstance(result, SourceError):
        assert result.reason and "\n" not in result.reason
    else:
        assert result.text.strip() and "\x00" not in result.text and "\r" not in result.text


# --- folders


def test_folder_is_walked_recursively_in_name_order(tmp_path):
    write(tmp_path / "b.txt", FRENCH)
    write(tmp_path / "a" / "z.md", FRENCH)
    write(tmp_path / "a" / "deep" / "er" / "x.markdown", ENGLISH)
    write(tmp_path / "c" / "d.TXT", FRENCH)
    expected = ["a/deep/er/x.markdown", "a/z.md", "b.txt", "c/d.TXT"]
    assert [article.source for article in read_all(tmp_path)] == [
        os.path.join(str(tmp_path), name) for name in expected
    ]


def test_folder_skips_hidden_files_folders_and_other_extensions(tmp_path):
    write(tmp_path / "keep.txt", FRENCH)
    write(tmp_path / ".hidden.txt", FRENCH)
    write(tmp_path / ".git" / "notes.txt", FRENCH)
    write(tmp_path / "image.png", b"\x89PNG\x00")
    write(tmp_path / "page.pdf", "%PDF-1.4 hi")
    assert [(type(item), item.source) for item in read_all(tmp_path)] == [
        (SkippedFile, str(tmp_path / "image.png")),
        (RawArticle, str(tmp_path / "keep.txt")),
        (SkippedFile, str(tmp_path / "page.pdf")),
    ]


def test_folder_source_is_the_path_as_given_joined(tmp_path, monkeypatch):
    write(tmp_path / "corpus" / "a.txt", FRENCH)
    monkeypatch.chdir(tmp_path)
    assert [article.source for article in read_sources(["corpus"])] == ["corpus/a.txt"]


def test_folder_errors_and_articles_keep_their_order(tmp_path):
    good = write(tmp_path / "a.txt", FRENCH)
    empty = write(tmp_path / "b.txt", "")
    also_good = write(tmp_path / "c.txt", ENGLISH)
    results = read_all(tmp_path)
    assert [type(result) for result in results] == [RawArticle, SourceError, RawArticle]
    assert [result.source for result in results] == [str(good), str(empty), str(also_good)]


def test_empty_folder_is_an_error(tmp_path):
    assert read_all(tmp_path) == [SourceError(str(tmp_path), NO_ARTICLE_FILES)]


def test_folder_with_only_other_files_is_an_error(tmp_path):
    write(tmp_path / "notes.pdf", b"%PDF")
    assert read_all(tmp_path) == [
        SkippedFile(str(tmp_path / "notes.pdf")),
        SourceError(str(tmp_path), NO_ARTICLE_FILES),
    ]


def test_symlink_loop_in_folder_does_not_hang(tmp_path):
    write(tmp_path / "sub" / "a.txt", FRENCH)
    (tmp_path / "sub" / "back").symlink_to(tmp_path, target_is_directory=True)
    (tmp_path / "self").symlink_to(tmp_path / "self")
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    results = read_all(tmp_path)
    assert results == [
        SourceError(str(tmp_path / "loop.txt"), "too many levels of symbolic links"),
        RawArticle(
            source=str(tmp_path / "sub" / "a.txt"),
            text=FRENCH,
            title=None,
            url=None,
            published=None,
            lang="fr",
        ),
    ]


def test_symlinked_folder_is_followed_once(tmp_path):
    write(tmp_path / "real" / "a.txt", FRENCH)
    (tmp_path / "zlink").symlink_to(tmp_path / "real", target_is_directory=True)
    assert [article.source for article in read_all(tmp_path)] == [str(tmp_path / "real" / "a.txt")]


def test_iter_source_files_lists_what_would_be_read(tmp_path):
    write(tmp_path / "a.txt", FRENCH)
    write(tmp_path / "b.jsonl", "{}")
    missing = str(tmp_path / "missing.md")
    assert list(iter_source_files([str(tmp_path), "-", missing])) == [
        str(tmp_path / "a.txt"),
        str(tmp_path / "b.jsonl"),
        "-",
        SourceError(missing, "no such file or directory"),
    ]


def test_mixed_inputs_keep_their_order(tmp_path):
    folder = tmp_path / "folder"
    write(folder / "x.txt", ENGLISH)
    single = write(tmp_path / "single.txt", FRENCH)
    results = read_all(single, tmp_path / "missing", "-", folder, stdin=io.BytesIO(b"Bonjour"))
    assert [result.source for result in results] == [
        str(single),
        str(tmp_path / "missing"),
        "<stdin>",
        str(folder / "x.txt"),
    ]


# --- JSONL dumps


def jsonl(*records):
    return "\n".join(
        r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records
    )


def test_jsonl_lines_become_articles_with_metadata(tmp_path):
    path = write(
        tmp_path / "dump.jsonl",
        jsonl(
            {
                "text": FRENCH,
                "title": "Départ",
                "url": "https://example.com/a",
                "date": "2024-05-17",
                "lang": "fr",
                "extra": 1,
            },
            {"text": ENGLISH, "date": "2024-05-18T08:00:00Z"},
        ),
    )
    assert read_all(path) == [
        RawArticle(
            source=f"{path}:1",
            text=FRENCH,
            title="Départ",
            url="https://example.com/a",
            published=datetime.date(2024, 5, 17),
            lang="fr",
            published_precision="day",
            published_text="2024-05-17",
        ),
        RawArticle(
            source=f"{path}:2",
            text=ENGLISH,
            title=None,
            url=None,
            published=datetime.date(2024, 5, 18),
            lang="en",
            published_precision="day",
            published_text="2024-05-18T08:00:00Z",
        ),
    ]


def test_jsonl_bad_lines_are_errors_and_other_lines_still_read(tmp_path):
    path = write(
        tmp_path / "dump.jsonl",
        jsonl(
            {"text": FRENCH},
            "{not json",
            "",
            '["a list"]',
            {"title": "no text"},
            {"text": "   "},
            {"text": FRENCH + " ", "date": "2024-02-30"},
            {"text": GERMAN},
            {"text": FRENCH, "title": 3},
            {"text": ENGLISH},
        )
        + "\n\n",
    )
    results = read_all(path)
    assert [
        str(result) if isinstance(result, SourceError) else result.source for result in results
    ] == [
        f"{path}:1",
        f"{path}:2: not JSON",
        f"{path}:4: not a JSON object",
        f"{path}:5: missing text",
        f"{path}:6: empty article",
        f"{path}:7",
        f"{path}:8: unsupported language 'de' (supported: fr, en)",
        f"{path}:9: 'title' is not a string",
        f"{path}:10",
    ]


def test_jsonl_text_is_normalized(tmp_path):
    path = write(tmp_path / "dump.jsonl", jsonl({"text": "L\u2019e\u0301quipe\r\n\u0000dissoute"}))
    assert read_one(path).text == "L’équipe\ndissoute"


def test_jsonl_lone_surrogate_escape_is_replaced(tmp_path):
    path = write(
        tmp_path / "dump.jsonl", '{"text": "Fin \\ud800 de l\'équipe", "title": "\\udfff"}'
    )
    article = read_one(path)
    assert (article.text, article.title) == ("Fin \ufffd de l'équipe", "\ufffd")


def test_jsonl_with_bom_and_crlf(tmp_path):
    content = "\ufeff" + jsonl({"text": FRENCH}, {"text": ENGLISH}).replace("\n", "\r\n")
    path = write(tmp_path / "dump.jsonl", content)
    assert [article.lang for article in read_all(path)] == ["fr", "en"]


def test_empty_jsonl_file_is_an_error(tmp_path):
    path = write(tmp_path / "dump.jsonl", "\n\n")
    assert read_all(path) == [SourceError(str(path), "empty file")]


def test_jsonl_line_over_max_bytes_is_skipped(tmp_path, monkeypatch):
    monkeypatch.setattr("pipeline.inputs.jsonl.MAX_BYTES", 1000)
    path = write(tmp_path / "dump.jsonl", jsonl({"text": "x" * 5000}, {"text": FRENCH}))
    [too_large, article] = read_all(path)
    assert str(too_large).startswith(f"{path}:1: line too large")
    assert article.source == f"{path}:2"


def test_jsonl_with_only_a_line_over_max_bytes_is_not_also_empty(tmp_path, monkeypatch):
    monkeypatch.setattr("pipeline.inputs.jsonl.MAX_BYTES", 1000)
    path = write(tmp_path / "dump.jsonl", jsonl({"text": "x" * 5000}))
    [too_large] = read_all(path)
    assert too_large.source == f"{path}:1"
    assert too_large.reason.startswith("line too large")


def test_jsonl_in_folder_is_read(tmp_path):
    write(tmp_path / "dumps" / "day1.jsonl", jsonl({"text": FRENCH}))
    assert [article.source for article in read_all(tmp_path)] == [
        str(tmp_path / "dumps" / "day1.jsonl") + ":1"
    ]
