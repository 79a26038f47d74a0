"""One article as read from any input: its text decoded and normalised, its metadata under the
names sources use, its language; or the one-line reason it cannot be an article."""

import codecs
import datetime
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass

from pipeline.inputs.language import detect_language
from pipeline.inputs.metadata import canonical_fields, markdown_title, read_date

# The most text the extractor analyses (pipeline.extract.batch.MAX_CHARS; spaCy refuses more):
# a longer article is rejected here rather than silently cut.
MAX_CHARS = 900_000
SUPPORTED_LANGS = ("fr", "en")
DEFAULT_LANG = "fr"
MAX_BYTES = 20 * 1024 * 1024  # the most one file, page, line or row may hold
NOT_TEXT = "not UTF-8 text (binary file?)"
EMPTY_ARTICLE = "empty article"

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
    published: datetime.date | None  # the first day of the period the source's date names
    lang: str | None
    published_precision: str | None = None  # "day", "month" or "year"; None: a day
    published_text: str | None = None  # the date as the source wrote it
    warnings: tuple[str, ...] = ()  # what was read but could not be kept (an unreadable date)


@dataclass(frozen=True)
class SourceError:
    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


@dataclass(frozen=True)
class SourceWarning:
    """Something an input gave that could not be kept, its article stored all the same."""

    source: str
    message: str

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"


class Rejected(Exception):
    """An input that cannot become an article; the message is the one-line reason."""


def clean_json_string(value: str) -> str:
    """JSON escapes (and CSV cells) can hold NUL and lone surrogates, which no database accepts
    as text."""
    return _LONE_SURROGATE.sub("\ufffd", normalize(value).replace("\x00", ""))


# --- text and metadata


def decode_text(data: bytes) -> str:
    """UTF-8 (BOM stripped), UTF-16 with a BOM, or Western (Windows-1252) text; else Rejected."""
    if data.startswith(_UTF16_BOMS):
        return _decode_utf16(data)
    if b"\x00" in data:
        raise Rejected(NOT_TEXT)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return _decode_western(data)


def _decode_utf16(data: bytes) -> str:
    try:
        text = data.decode("utf-16")
    except UnicodeDecodeError:
        raise Rejected(NOT_TEXT) from None
    if "\x00" in text:
        raise Rejected(NOT_TEXT)
    return text


def _decode_western(data: bytes) -> str:
    """Windows-1252 (covers printable Latin-1), only for bytes that look like Western text.

    A file that is mostly UTF-8 with a few stray Windows-1252 bytes keeps its UTF-8 characters.
    """
    if _CONTROL_BYTES.search(data):
        raise Rejected(NOT_TEXT)
    try:
        if _UTF8_SEQUENCE.search(data):
            text = data.decode("utf-8-sig", errors=_CP1252_FOR_INVALID_UTF8)
        else:
            text = data.decode("cp1252")
    except UnicodeDecodeError:  # bytes 0x81, 0x8d, 0x8f, 0x90, 0x9d are unassigned
        raise Rejected(NOT_TEXT) from None
    if not _has_only_western_characters(text) or not _is_mostly_letters(text):
        raise Rejected(NOT_TEXT)
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


def normalize(text: str) -> str:
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))


def build_article(source: str, body: str, meta: Mapping[str, object], *, where: str) -> RawArticle:
    text = body.strip()
    if not text:
        raise Rejected(EMPTY_ARTICLE)
    if len(text) > MAX_CHARS:
        raise Rejected(
            f"too long to analyse ({len(text):,} characters > {MAX_CHARS:,}): "
            "split it into several articles"
        )
    fields = canonical_fields(meta)
    date, warning = read_date(fields["date"], where=where) if "date" in fields else (None, None)
    return RawArticle(
        source=source,
        text=text,
        title=_optional(fields.get("title")) or markdown_title(text),
        url=_optional(fields.get("url")),
        published=date.value if date else None,
        lang=_resolve_language(fields.get("lang"), text),
        published_precision=date.precision if date else None,
        published_text=date.text if date else None,
        warnings=(warning,) if warning else (),
    )


def _optional(value: str | None) -> str | None:
    """The stripped value, or None for a missing or blank one."""
    if value is None:
        return None
    return value.strip() or None


def _resolve_language(declared: str | None, text: str) -> str:
    declared = _optional(declared)
    if declared is not None:
        lang = _normalize_language_tag(declared)
    else:
        lang = detect_language(text) or DEFAULT_LANG
    if lang not in SUPPORTED_LANGS:
        supported = ", ".join(SUPPORTED_LANGS)
        raise Rejected(f"unsupported language '{lang}' (supported: {supported})")
    return lang


def _normalize_language_tag(tag: str) -> str:
    """'fr', 'FR', 'fr-FR', 'fr_CA' and 'French' all give 'fr'."""
    lowered = tag.strip().lower()
    return _LANGUAGE_NAMES.get(lowered, re.split(r"[-_]", lowered)[0])
