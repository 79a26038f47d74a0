"""What an input holds, from its name and its first bytes.

Documents that are not articles (PDF, Word, OpenDocument, images, archives) are refused with what
to do instead, rather than decoded as text, where their bytes would be stored and "read" for
departures. Text that comes without a name (stdin) is told apart by how it starts: a JSONL dump,
an RSS or Atom feed, an HTML page, or an article.
"""

from __future__ import annotations

import re

EXPORT_THE_TEXT = "export the text first"
EXTRACT_THE_FILES = "extract its files first"
NOT_READ_AS_ARTICLES = "only text, Markdown, HTML, JSONL, CSV and RSS/Atom feeds are read"

_DOCUMENT_KINDS = {
    ".pdf": "PDF",
    ".doc": "Word",
    ".docx": "Word",
    ".odt": "OpenDocument",
    ".ods": "OpenDocument",
    ".rtf": "RTF",
    ".epub": "EPUB",
    ".xls": "Excel",
    ".xlsx": "Excel",
    ".ppt": "PowerPoint",
    ".pptx": "PowerPoint",
    ".pages": "Pages",
}
_IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".bmp", ".tif", ".tiff", ".heic")
_ARCHIVE_SUFFIXES = (".zip", ".gz", ".tgz", ".tar", ".bz2", ".xz", ".7z", ".rar", ".zst")
_SIGNATURES = (
    (b"%PDF-", "PDF is not supported: " + EXPORT_THE_TEXT),
    (b"{\\rtf", "RTF is not supported: " + EXPORT_THE_TEXT),
    (b"\xd0\xcf\x11\xe0", "an Office document is not supported: " + EXPORT_THE_TEXT),
    (b"PK\x03\x04", "a ZIP file (Word, OpenDocument or archive) is not supported: "
     + EXPORT_THE_TEXT),
    (b"\x89PNG", "an image (PNG) is not an article: " + NOT_READ_AS_ARTICLES),
    (b"\xff\xd8\xff", "an image (JPEG) is not an article: " + NOT_READ_AS_ARTICLES),
    (b"GIF8", "an image (GIF) is not an article: " + NOT_READ_AS_ARTICLES),
    (b"\x1f\x8b", "a gzip archive is not supported: " + EXTRACT_THE_FILES),
    (b"7z\xbc\xaf", "a 7z archive is not supported: " + EXTRACT_THE_FILES),
    (b"Rar!", "a RAR archive is not supported: " + EXTRACT_THE_FILES),
)  # fmt: skip
_FEED_START = re.compile(r"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:rss|feed|rdf:RDF)\b", re.S)
_HTML_START = re.compile(r"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S)


def not_an_article_by_name(name: str) -> str | None:
    """Why a file with this name is no article (PDF, Word, image, archive...), else None."""
    lowered = name.lower()
    suffix = lowered[lowered.rfind(".") :] if "." in lowered else ""
    if suffix in _DOCUMENT_KINDS:
        return f"{_DOCUMENT_KINDS[suffix]} is not supported: {EXPORT_THE_TEXT}"
    if lowered.endswith(_IMAGE_SUFFIXES):
        return f"an image is not an article: {NOT_READ_AS_ARTICLES}"
    if lowered.endswith(_ARCHIVE_SUFFIXES):
        return f"an archive is not supported: {EXTRACT_THE_FILES}"
    return None


def not_an_article_by_content(head: bytes) -> str | None:
    """Why bytes starting with `head` are no article, whatever the file is called, else None."""
    for signature, reason in _SIGNATURES:
        if head.startswith(signature):
            return reason
    return None


def looks_like_feed(text: str) -> bool:
    return _FEED_START.match(text[:4096]) is not None


def looks_like_html(text: str) -> bool:
    return _HTML_START.match(text[:4096]) is not None
