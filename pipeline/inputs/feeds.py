"""RSS and Atom feeds, read with feedparser: each item becomes the article its link points to
(fetched and read as any web page), or, for an item without a link, the text the feed carries.

The feed's own title and date for an item fill what the page does not say; the feed's date wins
over a date guessed from the page. `--since-last` passes `is_new`, so that a cron job fetches only
the items it has not read before, and `on_read` learns each item read, to remember it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from pipeline.inputs.article import RawArticle, Rejected, SourceError, build_article, normalize
from pipeline.inputs.fetch import is_url
from pipeline.inputs.html_input import fragment_text
from pipeline.inputs.metadata import read_date

FEED_SUFFIXES = (".rss", ".atom", ".xml")
NOT_A_FEED = "not an RSS or Atom feed"
NO_ITEMS = "the feed has no items"

ReadPage = Callable[[str], RawArticle | SourceError]


@dataclass(frozen=True)
class FeedItem:
    key: str  # the item's id, else its link: how a later run knows it
    link: str | None
    title: str | None
    date: str | None  # as the feed wrote it
    content: str | None  # the HTML or text the feed carries for it


class NotAFeed(ValueError):
    """Bytes that feedparser cannot read as a feed."""


def is_feed_path(path: str) -> bool:
    return path.lower().endswith(FEED_SUFFIXES)


def parse_feed(data: bytes) -> list[FeedItem]:
    import feedparser

    parsed = feedparser.parse(data)
    if not parsed.get("version"):
        raise NotAFeed(NOT_A_FEED)
    items = []
    for number, entry in enumerate(parsed.entries, start=1):
        link = (entry.get("link") or "").strip()
        link = link if is_url(link) else None  # an RSS guid that is no URL is not a link
        items.append(
            FeedItem(
                key=(entry.get("id") or "").strip() or link or f"#{number}",
                link=link,
                title=(entry.get("title") or "").strip() or None,
                date=entry.get("published") or entry.get("updated") or None,
                content=_content(entry),
            )
        )
    return items


def _content(entry) -> str | None:
    """The fullest text the feed gives: its content, else its summary."""
    for part in entry.get("content") or ():
        if (part.get("value") or "").strip():
            return part["value"]
    return (entry.get("summary") or "").strip() or None


def read_feed(
    name: str,
    data: bytes,
    *,
    read_page: ReadPage,
    is_new: Callable[[str, str], bool] | None = None,
    on_read: Callable[[str, str], None] | None = None,
) -> Iterator[RawArticle | SourceError]:
    """The articles of the feed `name` (a URL or a file), item by item."""
    try:
        items = parse_feed(data)
    except NotAFeed as error:
        yield SourceError(name, str(error))
        return
    if not items:
        yield SourceError(name, NO_ITEMS)
        return
    for number, item in enumerate(items, start=1):
        if is_new is not None and not is_new(name, item.key):
            continue
        article = _read_item(name, number, item, read_page)
        if isinstance(article, RawArticle) and on_read is not None:
            on_read(name, item.key)
        yield article


def _read_item(name: str, number: int, item: FeedItem, read_page: ReadPage):
    if item.link:
        page = read_page(item.link)
        return page if isinstance(page, SourceError) else _with_feed_metadata(page, item)
    source = f"{name}#{number}"
    if not item.content:
        return SourceError(source, "feed item with no link and no text")
    try:
        meta = {"title": item.title, "date": item.date}
        fields = {key: value for key, value in meta.items() if value}
        return build_article(
            source, normalize(fragment_text(item.content)), fields, where="in feed"
        )
    except Rejected as rejection:
        return SourceError(source, str(rejection))


def _with_feed_metadata(article: RawArticle, item: FeedItem) -> RawArticle:
    """The page as read, with the item's title where the page gives none and the item's date."""
    changes: dict = {}
    if not article.title and item.title:
        changes["title"] = item.title
    if item.date:
        date, warning = read_date(item.date, where="in feed")
        if date is not None:
            changes |= {
                "published": date.value,
                "published_precision": date.precision,
                "published_text": date.text,
            }
        elif warning:
            changes["warnings"] = (*article.warnings, warning)
    return dataclasses.replace(article, **changes) if changes else article
