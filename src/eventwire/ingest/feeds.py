"""Read RSS 2.0, RSS 1.0 (RDF) and Atom feeds with feedparser: one RawDocument per entry.

Each entry becomes a small HTML page that the HTML cleaner reads like any saved page: the entry
title as the <h1>, the content in an <article>, the author and the feed's title as <meta> tags.
Entries are named ``<name>#<i>`` (i = the entry's 1-based position in the feed).

Per entry:
1. content: the full content (RSS content:encoded, Atom content) if present, else the
   summary/description; plain text is escaped and split into <p> paragraphs at blank lines, and
   HTML without any paragraph-level tag is wrapped in one <p> (the cleaner reads only blocks)
2. published: the entry's published date, else its updated date, as YYYY-MM-DD in the feed's own
   time zone, else ``settings.published``
3. url: the entry's link, made absolute against ``base_url`` (by feedparser), else against the
   feed's own <link>

Limits:
- feedparser sanitizes entry HTML (scripts, styles, event handlers are dropped).
- the feed is parsed from the given bytes only: nothing is fetched, not even a DTD.
- a feed over ``settings.max_chars * 4`` bytes is refused whole; an entry with neither content
  nor summary, or over ``settings.max_chars`` characters, is a Failure for that entry.
- a malformed feed without entries is one Failure; a malformed feed whose entries feedparser
  recovered is read (and a warning logged). JSON Feed is not supported.
"""

from __future__ import annotations

import html
import io
import re
import time
from collections.abc import Iterator
from datetime import datetime
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

import feedparser

from eventwire._log import get_logger
from eventwire.errors import InputEmpty, InputFormat
from eventwire.records import Failure, RawDocument, Source
from eventwire.settings import Settings

log = get_logger("ingest.feeds")

_FEED_ROOT = re.compile(r"<(rss|feed|rdf:rdf)[\s>]", re.I)
_BLOCK_TAG = re.compile(r"<(p|h[1-6]|li|blockquote|pre|dd)[\s>/]", re.I)
_BLANK_LINES = re.compile(r"\n\s*\n")
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_SNIFF_CHARS = 2048


def looks_like_feed(text_head: str) -> bool:
    """True when a document's first characters open an <rss>, <feed> or <rdf:RDF> root element."""
    head = text_head[:_SNIFF_CHARS]
    match = _FEED_ROOT.search(head)
    return match is not None and "<html" not in head[: match.start()].lower()


def _source_path(name: str) -> str | None:
    """The file a feed was read from: None for stdin and for feeds fetched from a URL."""
    if name == "<stdin>" or urlsplit(name).scheme in ("http", "https"):
        return None
    return name or None


def _local_date(raw: str | None, parsed: time.struct_time | None) -> str | None:
    """YYYY-MM-DD in the date's own time zone (feedparser's parsed dates are UTC)."""
    if raw:
        for parse in (datetime.fromisoformat, parsedate_to_datetime):
            try:
                return parse(raw.strip()).date().isoformat()
            except (ValueError, TypeError, IndexError):
                continue
    return time.strftime("%Y-%m-%d", parsed) if parsed else None


def _as_html(value: str, mime: str) -> str:
    """Entry content as HTML the cleaner finds paragraphs in."""
    if mime not in _HTML_TYPES:
        paragraphs = (p.strip() for p in _BLANK_LINES.split(value))
        return "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs if p)
    return value if _BLOCK_TAG.search(value) else f"<p>{value}</p>"


def _content(entry: Any) -> str | None:
    """1. the full content if present, else the summary, as HTML; None when there is neither."""
    for part in entry.get("content") or ():
        if str(part.get("value") or "").strip():
            return _as_html(part["value"], str(part.get("type") or "text/html"))
    summary = str(entry.get("summary") or "")
    if not summary.strip():
        return None
    return _as_html(summary, str((entry.get("summary_detail") or {}).get("type") or "text/html"))


def _page(entry: Any, content: str, publisher: str | None) -> str:
    """The entry as a small HTML page: <h1> title and <article> content, meta for the cleaner."""
    title = str(entry.get("title") or "").strip()
    title_type = str((entry.get("title_detail") or {}).get("type") or "text/plain")
    title_html = title if title_type in _HTML_TYPES else html.escape(title)
    meta = [("author", entry.get("author")), ("og:site_name", publisher)]
    head = "".join(
        f'<meta name="{key}" content="{html.escape(str(value))}">' for key, value in meta if value
    )
    return (
        f'<!doctype html>\n<html><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
        f"{head}</head>\n<body><article>\n<h1>{title_html}</h1>\n{content}\n</article></body></html>"
    )


def _entry_document(
    entry: Any, where: str, name: str, settings: Settings, feed: Any
) -> RawDocument | Failure:
    content = _content(entry)
    if content is None:
        return Failure(where, str(InputEmpty("feed entry has no content or summary", name=where)))
    page = _page(entry, content, str(feed.get("title") or "").strip() or None)
    if len(page) > settings.max_chars:
        message = f"feed entry has {len(page):,} characters, over the cap of {settings.max_chars:,}"
        return Failure(where, str(InputFormat(message, name=where)))
    published = entry.get("published") or entry.get("updated")
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    link = str(entry.get("link") or "") or None
    base = str(feed.get("link") or "")  # feedparser resolved links against base_url already
    return RawDocument(
        name=where,
        content=page,
        format="html",
        source=Source(
            format="rss", path=_source_path(name), url=urljoin(base, link) if link else None
        ),
        published=_local_date(published, parsed) or settings.published,
    )


def _parse(data: bytes, base_url: str | None) -> Any:
    """feedparser over the bytes themselves (a str or bytes argument could be fetched or opened)."""
    headers = {"content-location": base_url} if base_url else None
    return feedparser.parse(io.BytesIO(data), response_headers=headers)


def read_feed(
    data: bytes, name: str, settings: Settings, base_url: str | None = None
) -> Iterator[RawDocument | Failure]:
    """One RawDocument per feed entry (Failures for unreadable entries or an unreadable feed)."""
    cap = settings.max_chars * 4
    if len(data) > cap:
        message = f"feed has {len(data):,} bytes, over the cap of {cap:,} (4 x max_chars)"
        yield Failure(name, str(InputFormat(message, name=name)))
        return
    parsed = _parse(data, base_url)
    problem = parsed.get("bozo_exception") if parsed.get("bozo") else None
    if not parsed.entries:
        if problem is not None or not parsed.get("version"):
            detail = f" ({type(problem).__name__}: {problem})" if problem is not None else ""
            error: Exception = InputFormat(f"not a readable RSS or Atom feed{detail}", name=name)
        else:
            error = InputEmpty("feed has no entries", name=name)
        yield Failure(name, str(error))
        return
    if problem is not None:
        log.warning("%s: malformed feed, read leniently (%s)", name, problem)
    for i, entry in enumerate(parsed.entries, start=1):
        yield _entry_document(entry, f"{name}#{i}", name, settings, parsed.feed)
