"""Read articles from files, folders, JSONL and CSV dumps, feeds, URLs and stdin, never raising
for bad input.

Every input becomes a `RawArticle` (clean text plus metadata), a `SourceError` (where, and a
one-line reason) or, for a file in a folder that is no article (a PDF, an image...), a
`SkippedFile`, in the order given, so that a caller can store the good ones and report the rest.
"""

import dataclasses
import io
import logging
import os
import stat
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import BinaryIO

from pipeline.inputs.article import (
    DEFAULT_LANG,
    EMPTY_ARTICLE,
    MAX_BYTES,
    MAX_CHARS,
    NOT_TEXT,
    SUPPORTED_LANGS,
    RawArticle,
    Rejected,
    SourceError,
    SourceWarning,
    build_article,
    decode_text,
    normalize,
)
from pipeline.inputs.feeds import is_feed_path, read_feed
from pipeline.inputs.fetch import FetchError, fetch, is_url
from pipeline.inputs.frontmatter import FrontMatterError, split_front_matter
from pipeline.inputs.html_input import HtmlInputError, extract_article, is_html_path
from pipeline.inputs.jsonl import looks_like_jsonl, read_jsonl_stream
from pipeline.inputs.sniff import (
    looks_like_feed,
    looks_like_html,
    not_an_article_by_content,
    not_an_article_by_name,
)
from pipeline.inputs.tabular import is_csv_path, read_csv

__all__ = [
    "DEFAULT_LANG",
    "EMPTY_ARTICLE",
    "MAX_BYTES",
    "MAX_CHARS",
    "NOT_TEXT",
    "SUPPORTED_LANGS",
    "RawArticle",
    "SkippedFile",
    "SourceError",
    "SourceWarning",
    "iter_source_files",
    "read_sources",
]

ARTICLE_SUFFIXES = (
    ".txt", ".md", ".markdown", ".html", ".htm", ".jsonl", ".csv", ".rss", ".atom", ".xml",
)  # fmt: skip
STDIN_PATH = "-"
STDIN_SOURCE = "<stdin>"
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/xml", "text/xml")
NO_SUCH_PATH = "no such file or directory"
NO_ARTICLE_FILES = "no article files (.txt, .md, .html, .jsonl, .csv, feeds) in folder"
NOT_A_REGULAR_FILE = "not a regular file (named pipe, socket or device): skipped"
NOT_AN_ARTICLE = "not an article"

_MB = 1024 * 1024
logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class SkippedFile:
    """A file found in a folder that is no article (a PDF, an image, a spreadsheet...)."""

    source: str
    reason: str = NOT_AN_ARTICLE


@dataclass(frozen=True)
class FeedTracking:
    """For `--since-last` on feeds: which items are new, and what to do with each item read."""

    is_new: Callable[[str, str], bool]
    on_read: Callable[[str, str], None]


def read_sources(
    paths: Sequence[str],
    *,
    stdin: BinaryIO | None = None,
    feeds: FeedTracking | None = None,
) -> Iterator[RawArticle | SourceError | SkippedFile]:
    """Yield articles, errors and skipped files in order; `-` reads stdin (an article, a JSONL
    dump, an HTML page or a feed, told apart by how it starts)."""
    for item in iter_source_files(paths):
        if isinstance(item, SourceError | SkippedFile):
            yield item
        elif item == STDIN_PATH:
            yield from _read_stdin(stdin if stdin is not None else sys.stdin.buffer, feeds)
        elif is_url(item):
            yield from _read_url(item, feeds)
        elif reason := not_an_article_by_name(item):
            yield SourceError(item, reason)
        elif item.lower().endswith(".jsonl"):
            yield from _read_jsonl(item)
        elif is_csv_path(item):
            yield from read_csv(item)
        elif is_feed_path(item):
            yield from _read_feed_file(item, feeds)
        else:
            yield _read_article_file(item)


def iter_source_files(paths: Sequence[str]) -> Iterator[str | SourceError | SkippedFile]:
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
        is_file = isinstance(item, str) and item != STDIN_PATH and not is_url(item)
        if is_file and item.lower().endswith(".jsonl"):
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


def _walk_folder(root: str) -> Iterator[str | SourceError | SkippedFile]:
    found_file = False
    for item in _walk(root):
        found_file = found_file or isinstance(item, str) or item.reason == NOT_A_REGULAR_FILE
        if isinstance(item, SkippedFile):
            logger.info("skipped %s: %s", item.source, item.reason)
        yield item
    if not found_file:
        yield SourceError(root, NO_ARTICLE_FILES)


def _walk(root: str) -> Iterator[str | SourceError | SkippedFile]:
    """Article files under `root`, depth first in name order; each real folder is visited once."""
    seen_folders: set[str] = set()
    pending: list[tuple[str, bool]] = [(root, True)]
    while pending:
        path, is_folder = pending.pop()
        if not is_folder:
            if _is_special_file(path):
                yield SourceError(path, NOT_A_REGULAR_FILE)
            elif _has_article_suffix(path):
                yield path
            elif os.path.isfile(path):
                yield SkippedFile(path)
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
    """(path, is_folder) for visible sub-folders and files, sorted by name."""
    with os.scandir(folder) as entries:
        visible = sorted((entry for entry in entries if not _is_hidden(entry.name)), key=_name)
    children = []
    for entry in visible:
        path = os.path.join(folder, entry.name)
        children.append((path, _is_folder(entry)))
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


def _describe_os_error(error: OSError) -> str:
    if isinstance(error, FileNotFoundError):
        return NO_SUCH_PATH
    if isinstance(error, PermissionError):
        return "permission denied"
    return (error.strerror or type(error).__name__).lower()


# --- single articles: files, URLs and stdin


def _read_article_file(path: str) -> RawArticle | SourceError:
    try:
        data = _read_file_bytes(path)
        if is_html_path(path):
            return _article_from_html(path, data, url=None)
        return _article_from_bytes(path, data)
    except Rejected as rejection:
        return SourceError(path, str(rejection))


def _read_url(url: str, feeds: FeedTracking | None) -> Iterator[RawArticle | SourceError]:
    """A web page or a feed: HTML goes through the article extractor, a feed gives its items,
    plain text is read as a file."""
    try:
        page = fetch(url)
        if reason := not_an_article_by_content(page.body[:16]):
            raise Rejected(reason)
        if page.content_type in FEED_TYPES or looks_like_feed(_head_text(page.body)):
            yield from read_feed(url, page.body, read_page=_read_page, **_tracking(feeds))
        elif page.content_type in ("text/plain", "text/markdown"):
            article = _article_from_bytes(url, page.body)
            yield article if article.url else dataclasses.replace(article, url=page.url)
        else:
            yield _article_from_html(url, page.body, url=page.url)
    except FetchError as error:
        yield SourceError(url, str(error))
    except Rejected as rejection:
        yield SourceError(url, str(rejection))


def _read_page(url: str) -> RawArticle | SourceError:
    """One page a feed item links to (a link to another feed is not followed)."""
    for article in _read_url(url, feeds=None):
        return article
    return SourceError(url, "no article")


def _read_feed_file(path: str, feeds: FeedTracking | None) -> Iterator[RawArticle | SourceError]:
    try:
        data = _read_file_bytes(path)
    except Rejected as rejection:
        yield SourceError(path, str(rejection))
        return
    yield from read_feed(path, data, read_page=_read_page, **_tracking(feeds))


def _tracking(feeds: FeedTracking | None) -> dict:
    return {"is_new": feeds.is_new, "on_read": feeds.on_read} if feeds else {}


def _head_text(data: bytes) -> str:
    return data[:4096].decode("utf-8", errors="replace")


def _article_from_html(source: str, data: bytes, *, url: str | None) -> RawArticle:
    try:
        page = extract_article(data, url=url)
    except HtmlInputError as error:
        raise Rejected(str(error)) from None
    meta = {"title": page.title, "url": url or page.url, "date": page.date, "lang": page.lang}
    fields = {key: value for key, value in meta.items() if value is not None}
    return build_article(source, normalize(page.text), fields, where="in HTML")


def _read_stdin(stream: BinaryIO, feeds: FeedTracking | None) -> Iterator[RawArticle | SourceError]:
    """stdin, sniffed: a JSONL dump line by line, an HTML page through the article extractor, a
    feed item by item, anything else as one article."""
    try:
        data = _read_limited(stream)
        if reason := not_an_article_by_content(data[:16]):
            raise Rejected(reason)
        head = _head_text(data).lstrip("\ufeff")
        if looks_like_jsonl(head):
            yield from read_jsonl_stream(STDIN_SOURCE, io.BytesIO(data))
        elif looks_like_feed(head):
            yield from read_feed(STDIN_SOURCE, data, read_page=_read_page, **_tracking(feeds))
        elif looks_like_html(head):
            yield _article_from_html(STDIN_SOURCE, data, url=None)
        else:
            yield _article_from_bytes(STDIN_SOURCE, data)
    except Rejected as rejection:
        yield SourceError(STDIN_SOURCE, str(rejection))


def _read_jsonl(path: str) -> Iterator[RawArticle | SourceError]:
    try:
        with open(path, "rb") as file:
            yield from read_jsonl_stream(path, file)
    except OSError as error:
        yield SourceError(path, _describe_os_error(error))


def _read_file_bytes(path: str) -> bytes:
    try:
        with open(path, "rb") as file:
            _check_size(os.fstat(file.fileno()).st_size)
            return _read_limited(file)
    except OSError as error:
        raise Rejected(_describe_os_error(error)) from None


def _check_size(size: int) -> None:
    if size > MAX_BYTES:
        raise Rejected(f"too large ({size / _MB:.1f} MB > {MAX_BYTES / _MB:g} MB)")


def _read_limited(stream: BinaryIO) -> bytes:
    try:
        data = stream.read(MAX_BYTES + 1)
    except OSError as error:
        raise Rejected(_describe_os_error(error)) from None
    if len(data) > MAX_BYTES:
        raise Rejected(f"too large (> {MAX_BYTES / _MB:g} MB)")
    return data


def _article_from_bytes(source: str, data: bytes) -> RawArticle:
    if reason := not_an_article_by_content(data[:16]):
        raise Rejected(reason)
    text = normalize(decode_text(data))
    try:
        meta, body = split_front_matter(text)
    except FrontMatterError as error:
        raise Rejected(f"malformed front matter: {error}") from None
    return build_article(source, body, meta, where="in front matter")
