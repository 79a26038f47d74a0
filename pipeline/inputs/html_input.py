"""HTML pages (saved from a news site, or fetched): the article's text, title, date and language,
without the navigation, footer and other boilerplate around it (trafilatura)."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from lxml import etree

HTML_SUFFIXES = (".html", ".htm")
NO_ARTICLE_TEXT = "no article text found in HTML page"
NOT_HTML = "not an HTML page"

_BLOCKS = ("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr")
_PUBLISHED_META_NAMES = frozenset(
    {"article:published_time", "datepublished", "date", "dc.date", "dcterms.created", "pubdate"}
)
_LANG_TAG = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)*$")

# trafilatura and htmldate report every page they find hard to read at WARNING level; the
# caller already says, in one line, when a page gives no article.
for _name in ("trafilatura", "htmldate"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)


@dataclass(frozen=True)
class HtmlArticle:
    text: str
    title: str | None
    url: str | None  # the page's canonical URL when it declares one
    date: str | None
    lang: str | None


class HtmlInputError(ValueError):
    """A page that gives no article; the message is the one-line reason."""


def is_html_path(path: str) -> bool:
    return path.lower().endswith(HTML_SUFFIXES)


def extract_article(data: bytes, *, url: str | None = None) -> HtmlArticle:
    """The main text of the page (headline first), with the metadata the page declares."""
    import trafilatura
    from trafilatura.utils import load_html

    tree = load_html(data)
    if tree is None:
        raise HtmlInputError(NOT_HTML)
    lang = _declared_language(tree.get("lang"))
    declared_date = _published_meta(tree) or _first_time(tree)
    # trafilatura drops <time> elements, and with them "mardi 14 mai" from the middle of a
    # sentence: keep their words as plain text.
    etree.strip_tags(tree, "time")
    document = trafilatura.bare_extraction(
        tree,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
        fast=True,
    )
    lines = (document.text or "").splitlines() if document is not None else []
    # One paragraph per line from trafilatura; a blank line between them keeps a headline with no
    # final full stop from running into the first sentence.
    text = "\n\n".join(line.strip() for line in lines if line.strip())
    if not text:
        raise HtmlInputError(NO_ARTICLE_TEXT)
    return HtmlArticle(
        text=text,
        title=_blank_to_none(document.title),
        url=_blank_to_none(document.url),
        date=declared_date or _blank_to_none(document.date),
        lang=lang,
    )


def fragment_text(fragment: str) -> str:
    """The text of an HTML fragment (a feed item's content), one paragraph per block; text with
    no markup is returned as it is."""
    if "<" not in fragment:
        return fragment
    from lxml import html

    try:
        root = html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return fragment
    for element in root.iter("br"):
        element.tail = "\n" + (element.tail or "")
    for element in root.iter(*_BLOCKS):
        element.tail = "\n\n" + (element.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().split("\n"))
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _published_meta(tree) -> str | None:
    """The publication date the page declares for machines (Open Graph, schema.org, Dublin
    Core), as written."""
    for element in tree.iter("meta"):
        name = element.get("property") or element.get("name") or element.get("itemprop") or ""
        if name.lower() in _PUBLISHED_META_NAMES and (element.get("content") or "").strip():
            return element.get("content").strip()
    return None


def _first_time(tree) -> str | None:
    """The first <time> of the page: a date in its datetime= attribute, else its words."""
    for element in tree.iter("time"):
        written = (element.get("datetime") or "").strip() or " ".join(
            element.text_content().split()
        )
        if written:
            return written
    return None


def _declared_language(value: str | None) -> str | None:
    """`<html lang="fr-FR">` gives "fr-FR"; anything that is not a language tag gives None."""
    value = (value or "").strip()
    return value if _LANG_TAG.match(value) else None


def _blank_to_none(value: str | None) -> str | None:
    return (value or "").strip() or None
