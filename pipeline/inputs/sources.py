"""Read articles from files, folders, JSONL dumps and stdin, never raising for bad input.

Every input becomes either a `RawArticle` (clean text plus metadata) or a `SourceError` (where, and
a one-line reason), in the order given, so a caller can store the good ones and report the rest.
"""

import codecs
import dataclasses
import datetime
import json
import os
import re
import stat
import sys
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, BinaryIO

from pipeline.inputs.fetch import FetchError, fetch, is_url
from pipeline.inputs.frontmatter import FrontMatterError, split_front_matter
from pipeline.inputs.html_input import HtmlInputError, extract_article, is_html_path
from pipeline.inputs.language import detect_language

MAX_BYTES = 20 * 1024 * 1024
# The most text the extractor analyses (pipeline.extract.batch.MAX_CHARS; spaCy refuses more):
# a longer article is rejected here rather than silently cut.
MAX_CHARS = 900_000
SUPPORTED_LANGS = ("fr", "en")
DEFAULT_LANG = "fr"
ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".jsonl")
STDIN_PATH = "-"
STDIN_SOURCE = "<stdin>"

NOT_TEXT = "not UTF-8 text (binary file?)"
EMPTY_ARTICLE = "empty article"
NO_SUCH_PATH = "no such file or directory"
NO_ARTICLE_FILES = "no .txt, .md, .markdown, .html, .htm or .jsonl files in folder"
NOT_A_REGULAR_FILE = "not a regular file (named pipe, socket or device): skipped"

_MB = 1024 * 1024
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
_CP1252_FOR_INVALID_UTF8 = "pipeline-cp1252-for-invalid-utf8"
_WESTERN_PUNCTUATION = frozenset("\xa0’‘‚“”„«»‹›–—…•·€£¥¢°§¶©®™¿¡ªº×÷±½¼¾¹²³µ")
_LETTER = re.compile(r"[^\W\d_]")
_LONE_SURROGATE = re.compile(r"[\ud800-\udfff]")
_LETTER_SAMPLE_CHARS = 100_000
_MIN_LETTER_SHARE = 0.5
_LANGUAGE_NAMES = {
    "french": "fr",
    "français": "fr",
    "francais": "fr",
    "english": "en",
    "anglais": "en",
}


@dataclass(frozen=True)
class RawArticle:
    source: str
    text: str
    title: str | None
    url: str | None
    published: datetime.date | None
    lang: str | None


@dataclass(frozen=True)
class SourceError:
    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


class _Rejected(Exception):
    """An input that cannot become an article; the message is the one-line reason."""


def read_sources(
    paths: Sequence[str], *, stdin: BinaryIO | None = None
) -> Iterator[RawArticle | SourceError]:
    """Yield articles and errors in order; `-` reads stdin as one article."""
    for item in iter_source_files(paths):
        if isinstance(item, SourceError):
            yield item
        elif item == STDIN_PATH:
            yield _read_stdin(stdin if stdin is not None else sys.stdin.buffer)
        elif is_url(item):
            yield _read_url(item)
        elif _is_jsonl(item):
            yield from _read_jsonl(item)
        else:
            yield _read_article_file(item)


def iter_source_files(paths: Sequence[str]) -> Iterator[str | SourceError]:
    """The files `read_sources` would read (`-` for stdin), folders expanded, or errors."""
    for path in paths:
        if path == STDIN_PATH or is_url(path):
            yield path
        elif os.path.isdir(path):
            yield from _walk_folder(path)
        elif os.path.lexists(path):
            yield path
        else:
            yield SourceError(path, NO_SUCH_PATH)


def count_inputs(paths: Sequence[str]) -> int:
    """How many items `read_sources` will yield (articles and errors), without reading the
    articles: files are counted, JSONL dumps by their non-blank lines. For a progress bar."""
    total = 0
    for item in iter_source_files(paths):
        if isinstance(item, str) and item != STDIN_PATH and not is_url(item) and _is_jsonl(item):
            total += _count_jsonl_lines(item)
        else:
            total += 1
    return total


def _count_jsonl_lines(path: str) -> int:
    try:
        with open(path, "rb") as file:
            return max(1, sum(1 for line in file if line.strip()))
    except OSError:
        return 1  # reading it will report the error, as one item


# --- folders


def _walk_folder(root: str) -> Iterator[str | SourceError]:
    found_file = False
    for item in _walk(root):
        found_file = found_file or isinstance(item, str) or item.reason == NOT_A_REGULAR_FILE
        yield item
    if not found_file:
        yield SourceError(root, NO_ARTICLE_FILES)


def _walk(root: str) -> Iterator[str | SourceError]:
    """Article files under `root`, depth first in name order; each real folder is visited once."""
    seen_folders: set[str] = set()
    pending: list[tuple[str, bool]] = [(root, True)]
    while pending:
        path, is_folder = pending.pop()
        if not is_folder:
            yield SourceError(path, NOT_A_REGULAR_FILE) if _is_special_file(path) else path
            continue
        real_path = os.path.realpath(path)
        if real_path in seen_folders:
            continue
        seen_folders.add(real_path)
        try:
            pending.extend(reversed(_list_folder(path)))
        except OSError as error:
            yield SourceError(path, _describe_os_error(error))


def _is_special_file(path: str) -> bool:
    """A named pipe, socket or device: reading one found in a folder could block forever."""
    try:
        return not stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False  # reading it will say what is wrong


def _list_folder(folder: str) -> list[tuple[str, bool]]:
    """(path, is_folder) for visible sub-folders and article files, sorted by name."""
    with os.scandir(folder) as entries:
        visible = sorted((entry for entry in entries if not _is_hidden(entry.name)), key=_name)
    children = []
    for entry in visible:
        path = os.path.join(folder, entry.name)
        if _is_folder(entry):
            children.append((path, True))
        elif _has_article_suffix(entry.name):
            children.append((path, False))
    return children


def _name(entry: os.DirEntry) -> str:
    return entry.name


def _is_hidden(name: str) -> bool:
    return name.startswith(".")


def _is_folder(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir()
    except OSError:  # e.g. a symlink pointing to itself
        return False


def _has_article_suffix(name: str) -> bool:
    return name.lower().endswith(ARTICLE_SUFFIXES)


def _is_jsonl(path: str) -> bool:
    return path.lower().endswith(".jsonl")


def _describe_os_error(error: OSError) -> str:
    if isinstance(error, FileNotFoundError):
        return NO_SUCH_PATH
    if isinstance(error, PermissionError):
        return "permission denied"
    return (error.strerror or type(error).__name__).lower()


# --- single articles: files and stdin


def _read_article_file(path: str) -> RawArticle | SourceError:
    try:
        data = _read_file_bytes(path)
        if is_html_path(path):
            return _article_from_html(path, data, url=None)
        return _article_from_bytes(path, data)
    except _Rejected as rejection:
        return SourceError(path, str(rejection))


def _read_url(url: str) -> RawArticle | SourceError:
    """A web page: HTML goes through the article extractor, plain text is read as a file."""
    try:
        page = fetch(url)
        if page.content_type in ("text/plain", "text/markdown"):
            article = _article_from_bytes(url, page.body)
            return article if article.url else dataclasses.replace(article, url=page.url)
        return _article_from_html(url, page.body, url=page.url)
    except FetchError as error:
        return SourceError(url, str(error))
    except _Rejected as rejection:
        return SourceError(url, str(rejection))


def _article_from_html(source: str, data: bytes, *, url: str | None) -> RawArticle:
    try:
        page = extract_article(data, url=url)
    except HtmlInputError as error:
        raise _Rejected(str(error)) from None
    meta = {"title": page.title, "url": url or page.url, "date": page.date, "lang": page.lang}
    fields = {key: value for key, value in meta.items() if value is not None}
    return _build_article(source, _normalize(page.text), fields, where="in HTML")


def _read_stdin(stream: BinaryIO) -> RawArticle | SourceError:
    try:
        return _article_from_bytes(STDIN_SOURCE, _read_limited(stream))
    except _Rejected as rejection:
        return SourceError(STDIN_SOURCE, str(rejection))


def _read_file_bytes(path: str) -> bytes:
    try:
        with open(path, "rb") as file:
            _check_size(os.fstat(file.fileno()).st_size)
            return _read_limited(file)
    except OSError as error:
        raise _Rejected(_describe_os_error(error)) from None


def _check_size(size: int) -> None:
    if size > MAX_BYTES:
        raise _Rejected(f"too large ({size / _MB:.1f} MB > {MAX_BYTES / _MB:g} MB)")


def _read_limited(stream: BinaryIO) -> bytes:
    try:
        data = stream.read(MAX_BYTES + 1)
    except OSError as error:
        raise _Rejected(_describe_os_error(error)) from None
    if len(data) > MAX_BYTES:
        raise _Rejected(f"too large (> {MAX_BYTES / _MB:g} MB)")
    return data


def _article_from_bytes(source: str, data: bytes) -> RawArticle:
    text = _normalize(_decode_text(data))
    try:
        meta, body = split_front_matter(text)
    except FrontMatterError as error:
        raise _Rejected(f"malformed front matter: {error}") from None
    return _build_article(source, body, meta, where="in front matter")


# --- JSONL dumps: one article per line


def _read_jsonl(path: str) -> Iterator[RawArticle | SourceError]:
    try:
        with open(path, "rb") as file:
            yield from _read_jsonl_lines(path, file)
    except OSError as error:
        yield SourceError(path, _describe_os_error(error))


def _read_jsonl_lines(path: str, file: BinaryIO) -> Iterator[RawArticle | SourceError]:
    """Each line is limited to MAX_BYTES on its own, so a large dump streams in small pieces."""
    found_line = False
    for number, line in enumerate(_limited_lines(file), start=1):
        if line is not None and not line.strip():
            continue
        found_line = True
        source = f"{path}:{number}"
        if line is None:
            yield SourceError(source, f"line too large (> {MAX_BYTES / _MB:g} MB)")
        else:
            yield _article_from_json_line(source, line)
    if not found_line:
        yield SourceError(path, "empty file")


def _limited_lines(file: BinaryIO) -> Iterator[bytes | None]:
    """The file's lines; None in place of a line longer than MAX_BYTES (which is skipped)."""
    while line := file.readline(MAX_BYTES + 1):
        if len(line) <= MAX_BYTES:
            yield line
            continue
        if not line.endswith(b"\n"):
            _skip_rest_of_line(file)
        yield None


def _skip_rest_of_line(file: BinaryIO) -> None:
    while (chunk := file.readline(_MB)) and not chunk.endswith(b"\n"):
        pass


def _article_from_json_line(source: str, line: bytes) -> RawArticle | SourceError:
    try:
        record = _parse_json_object(_decode_text(line))
        text = _clean_json_string(record["text"])
        return _build_article(source, text, _json_fields(record), where="in JSON")
    except _Rejected as rejection:
        return SourceError(source, str(rejection))


def _parse_json_object(line: str) -> dict[str, Any]:
    try:
        record = json.loads(line)
    except (ValueError, RecursionError):
        raise _Rejected("not JSON") from None
    if not isinstance(record, dict):
        raise _Rejected("not a JSON object")
    if not isinstance(record.get("text"), str):
        raise _Rejected("missing text")
    return record


def _json_fields(record: dict[str, Any]) -> dict[str, str]:
    fields = {}
    for key in ("title", "url", "date", "lang"):
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            raise _Rejected(f"'{key}' is not a string")
        if value is not None:
            fields[key] = _clean_json_string(value)
    return fields


def _clean_json_string(value: str) -> str:
    """JSON escapes can encode NUL and lone surrogates, which no database accepts as text."""
    return _LONE_SURROGATE.sub("\ufffd", _normalize(value).replace("\x00", ""))


# --- text and metadata


def _decode_text(data: bytes) -> str:
    """UTF-8 (BOM stripped), UTF-16 with a BOM, or Western (Windows-1252) text; else _Rejected."""
    if data.startswith(_UTF16_BOMS):
        return _decode_utf16(data)
    if b"\x00" in data:
        raise _Rejected(NOT_TEXT)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return _decode_western(data)


def _decode_utf16(data: bytes) -> str:
    try:
        text = data.decode("utf-16")
    except UnicodeDecodeError:
        raise _Rejected(NOT_TEXT) from None
    if "\x00" in text:
        raise _Rejected(NOT_TEXT)
    return text


def _decode_western(data: bytes) -> str:
    """Windows-1252 (covers printable Latin-1), only for bytes that look like Western text.

    A file that is mostly UTF-8 with a few stray Windows-1252 bytes keeps its UTF-8 characters.
    """
    if _CONTROL_BYTES.search(data):
        raise _Rejected(NOT_TEXT)
    try:
        if _UTF8_SEQUENCE.search(data):
            text = data.decode("utf-8-sig", errors=_CP1252_FOR_INVALID_UTF8)
        else:
            text = data.decode("cp1252")
    except UnicodeDecodeError:  # bytes 0x81, 0x8d, 0x8f, 0x90, 0x9d are unassigned
        raise _Rejected(NOT_TEXT) from None
    if not _has_only_western_characters(text) or not _is_mostly_letters(text):
        raise _Rejected(NOT_TEXT)
    return text


def _decode_invalid_utf8_as_cp1252(error: UnicodeDecodeError) -> tuple[str, int]:
    return error.object[error.start : error.end].decode("cp1252"), error.end


codecs.register_error(_CP1252_FOR_INVALID_UTF8, _decode_invalid_utf8_as_cp1252)


def _has_only_western_characters(text: str) -> bool:
    return all(
        char.isascii() or char.isalpha() or char in _WESTERN_PUNCTUATION for char in set(text)
    )


def _is_mostly_letters(text: str) -> bool:
    sample = "".join(text[:_LETTER_SAMPLE_CHARS].split())
    return len(_LETTER.findall(sample)) >= _MIN_LETTER_SHARE * len(sample)


def _normalize(text: str) -> str:
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))


def _build_article(source: str, body: str, meta: Mapping[str, str], *, where: str) -> RawArticle:
    text = body.strip()
    if not text:
        raise _Rejected(EMPTY_ARTICLE)
    if len(text) > MAX_CHARS:
        raise _Rejected(
            f"too long to analyse ({len(text):,} characters > {MAX_CHARS:,}): "
            "split it into several articles"
        )
    fields = {key.lower(): value for key, value in meta.items()}
    return RawArticle(
        source=source,
        text=text,
        title=_optional(fields.get("title")),
        url=_optional(fields.get("url")),
        published=_parse_date(fields.get("date"), where=where),
        lang=_resolve_language(fields.get("lang"), text),
    )


def _optional(value: str | None) -> str | None:
    """The stripped value, or None for a missing or blank one."""
    if value is None:
        return None
    return value.strip() or None


def _parse_date(value: str | None, *, where: str) -> datetime.date | None:
    value = _optional(value)
    if value is None:
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        pass
    try:
        return datetime.datetime.fromisoformat(value).date()
    except ValueError:
        raise _Rejected(f"invalid date '{value}' {where}") from None


def _resolve_language(declared: str | None, text: str) -> str:
    declared = _optional(declared)
    if declared is not None:
        lang = _normalize_language_tag(declared)
    else:
        lang = detect_language(text) or DEFAULT_LANG
    if lang not in SUPPORTED_LANGS:
        supported = ", ".join(SUPPORTED_LANGS)
        raise _Rejected(f"unsupported language '{lang}' (supported: {supported})")
    return lang


def _normalize_language_tag(tag: str) -> str:
    """'fr', 'FR', 'fr-FR', 'fr_CA' and 'French' all give 'fr'."""
    lowered = tag.strip().lower()
    return _LANGUAGE_NAMES.get(lowered, re.split(r"[-_]", lowered)[0])
