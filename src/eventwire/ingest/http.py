"""Fetch news pages and feeds over HTTP(S) with httpx, one URL at a time.

Each URL is named by itself in RawDocuments and Failures; ``source.url`` is the final URL after
redirects. The default client sends a User-Agent naming eventwire and how to reach its authors,
waits 10 s to connect and 30 s between bytes, and follows at most 5 redirects.

Per URL:
1. GET it; a network error, a non-2xx status or too many redirects is a Failure naming the URL
2. route by Content-Type before the body is read, so images and other unsupported types are
   refused without downloading them
3. read the body in chunks, stopping with a Failure past ``settings.max_chars * 4`` bytes
4. a feed (RSS/Atom/RDF type, or any body whose first bytes open a feed element) goes to
   ``feeds.read_feed`` with the final URL as base; HTML and text/plain are decoded with the HTTP
   charset, else the HTML's <meta>, else detection

Limits: no robots.txt, politeness delay, cookies or retries: this reader is for a handful of URLs
a user names, not for crawling. A client you pass in is used as configured (its own headers,
timeouts and redirect policy).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import metadata

import httpx

from eventwire.errors import EventwireError, InputFormat, InputMissing
from eventwire.ingest.encoding import declared_charset, decode_bytes
from eventwire.ingest.feeds import looks_like_feed, read_feed
from eventwire.records import Failure, RawDocument, Source
from eventwire.settings import Settings


def _version() -> str:
    try:
        return metadata.version("eventwire")
    except metadata.PackageNotFoundError:
        return "dev"


USER_AGENT = f"eventwire/{_version()} (+https://example.invalid/eventwire; news event extraction)"
TIMEOUT = httpx.Timeout(30.0, connect=10.0)
MAX_REDIRECTS = 5

# Content-Type -> how the body is read; a type not listed here is refused unread.
_KINDS = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "text/plain": "text",
    "application/rss+xml": "feed",
    "application/atom+xml": "feed",
    "application/rdf+xml": "feed",
    "application/xml": "xml",  # a feed when it sniffs as one, else refused
    "text/xml": "xml",
    "": "untyped",  # no Content-Type: a feed or HTML when it sniffs as one
}
_SNIFF_BYTES = 2048


@dataclass(frozen=True, slots=True)
class _Page:
    url: str  # final URL, after redirects
    kind: str  # a value of _KINDS
    mime: str
    charset: str | None  # from the Content-Type header
    body: bytes


def make_client() -> httpx.Client:
    """The client read_urls uses when given none: user agent, timeouts and redirect limit set."""
    return httpx.Client(
        headers={"User-Agent": USER_AGENT},
        timeout=TIMEOUT,
        follow_redirects=True,
        max_redirects=MAX_REDIRECTS,
    )


def _read_capped(response: httpx.Response, cap: int) -> bytes | None:
    """3. the body, or None as soon as it (or its declared length) is over ``cap`` bytes."""
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > cap:
        return None
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > cap:
            return None
        chunks.append(chunk)
    return b"".join(chunks)


def _fetch(client: httpx.Client, url: str, cap: int) -> _Page | Failure:
    """1-3. the page at ``url``, or a Failure for its status, type or size (raises httpx errors)."""
    with client.stream("GET", url) as response:
        final = str(response.url)
        if not response.is_success:
            where = "" if final == url else f" (at {final})"
            status = f"HTTP {response.status_code} {response.reason_phrase}".strip()
            return Failure(url, str(InputMissing(f"{status}{where}", name=url)))
        mime = response.headers.get("content-type", "").split(";")[0].strip().lower()
        kind = _KINDS.get(mime)
        if kind is None:
            return Failure(url, str(InputFormat(f"unsupported content type {mime}", name=url)))
        body = _read_capped(response, cap)
        if body is None:
            message = f"response is over the cap of {cap:,} bytes (4 x max_chars)"
            return Failure(url, str(InputFormat(message, name=url)))
        return _Page(final, kind, mime, response.charset_encoding, body)


def _route(page: _Page, url: str, settings: Settings) -> Iterator[RawDocument | Failure]:
    """4. feeds to read_feed; HTML and text decoded; XML or untyped bodies that are neither refused."""
    head = page.body[:_SNIFF_BYTES].decode("latin-1").lstrip()  # tags are ASCII in any charset
    if page.kind == "feed" or looks_like_feed(head):
        yield from read_feed(page.body, url, settings, base_url=page.url)
        return
    kind = page.kind
    if kind == "untyped" and head[:256].lower().startswith(("<!doctype html", "<html")):
        kind = "html"
    if kind not in ("html", "text"):
        shown = page.mime or "(none)"
        yield Failure(url, str(InputFormat(f"unsupported content type {shown}", name=url)))
        return
    declared = page.charset or (declared_charset(page.body) if kind == "html" else None)
    try:
        text = decode_bytes(page.body, url, settings.max_chars, "auto", declared)
    except EventwireError as exc:
        yield Failure(url, str(exc))
        return
    yield RawDocument(
        name=url,
        content=text,
        format=kind,
        source=Source(format=kind, url=page.url),
        published=settings.published,
    )


def _read_url(
    client: httpx.Client, url: str, settings: Settings
) -> Iterator[RawDocument | Failure]:
    try:
        page = _fetch(client, url, settings.max_chars * 4)
    except (httpx.HTTPError, httpx.InvalidURL) as exc:
        detail = f"{type(exc).__name__}: {exc}".rstrip(": ")
        yield Failure(url, str(InputMissing(f"cannot fetch ({detail})", name=url)))
        return
    if isinstance(page, Failure):
        yield page
    else:
        yield from _route(page, url, settings)


def read_urls(
    urls: Iterable[str], settings: Settings, client: httpx.Client | None = None
) -> Iterator[RawDocument | Failure]:
    """Pages and feed entries at each URL, a Failure naming each URL that could not be read."""
    own = client is None
    active = make_client() if client is None else client
    try:
        for url in urls:
            yield from _read_url(active, url, settings)
    finally:
        if own:
            active.close()
