from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from eventwire.ingest.http import USER_AGENT, read_urls
from eventwire.records import Failure, RawDocument
from eventwire.settings import Settings

PAGE = (
    '<!doctype html><html><head><meta charset="utf-8"><title>Summit</title></head><body>'
    "<article><h1>Leaders meet in Zürich</h1><p>The leaders of Chile and Argentina met in "
    "Zürich on Thursday, their offices said.</p></article></body></html>"
)
LATIN1_PAGE = "<html><body><p>Ecuador's president spoke in Bogotá on Friday.</p></body></html>"
FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Loopback Times</title>
<item><title>Senate passes budget</title><link>/politics/budget</link>
<pubDate>Wed, 10 Apr 2024 09:00:00 +0000</pubDate>
<description>The senate passed the budget on Wednesday.</description></item>
</channel></rss>
"""

# path -> (status, headers, body); a None body streams BIG_BODY with no Content-Length.
BIG_BODY = b"<html><body><p>" + b"word " * 2000 + b"</p></body></html>"
ROUTES: dict[str, tuple[int, dict[str, str], bytes | None]] = {
    "/page.html": (200, {"Content-Type": "text/html; charset=utf-8"}, PAGE.encode()),
    "/latin1.html": (
        200,
        {"Content-Type": "text/html; charset=ISO-8859-1"},
        LATIN1_PAGE.encode("latin-1"),
    ),
    "/feed.rss": (200, {"Content-Type": "application/rss+xml"}, FEED.encode()),
    "/feed-as-xml": (200, {"Content-Type": "text/xml"}, FEED.encode()),
    "/notes.txt": (
        200,
        {"Content-Type": "text/plain"},
        "Talks resumed in Doha – officials.".encode(),
    ),
    "/missing": (404, {"Content-Type": "text/html"}, b"<p>Not found</p>"),
    "/old": (301, {"Location": "/page.html"}, b""),
    "/loop": (302, {"Location": "/loop"}, b""),
    "/big": (200, {"Content-Type": "text/html"}, None),
    "/big-declared": (200, {"Content-Type": "text/html"}, BIG_BODY),
    "/logo.png": (200, {"Content-Type": "image/png"}, b"\x89PNG\r\n\x1a\n" + b"\x00" * 64),
}


class _Handler(BaseHTTPRequestHandler):
    agents: list[str] = []

    def do_GET(self) -> None:
        self.agents.append(self.headers.get("User-Agent", ""))
        status, headers, body = ROUTES.get(self.path, (404, {}, b""))
        self.send_response(status)
        for key, value in headers.items():
            self.send_header(key, value)
        if body is not None:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(BIG_BODY if body is None else body)

    def log_message(self, format: str, *args: object) -> None:  # keep test output quiet
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()
    thread.join(timeout=5)


def _one(url: str, settings: Settings | None = None) -> RawDocument | Failure:
    [result] = read_urls([url], settings or Settings())
    return result


def test_http_reads_utf8_html_and_sends_the_user_agent(server: str) -> None:
    doc = _one(f"{server}/page.html")
    assert isinstance(doc, RawDocument)
    assert doc.name == f"{server}/page.html" and doc.format == "html"
    assert doc.source.format == "html" and doc.source.url == f"{server}/page.html"
    assert "Zürich on Thursday" in doc.content
    assert _Handler.agents[-1] == USER_AGENT
    assert USER_AGENT.startswith("eventwire/") and "news event extraction" in USER_AGENT


def test_http_charset_from_the_header_only(server: str) -> None:
    doc = _one(f"{server}/latin1.html")
    assert isinstance(doc, RawDocument) and "Bogotá" in doc.content


def test_http_follows_redirects_and_keeps_the_final_url(server: str) -> None:
    doc = _one(f"{server}/old")
    assert isinstance(doc, RawDocument)
    assert doc.name == f"{server}/old" and doc.source.url == f"{server}/page.html"
    loop = _one(f"{server}/loop")
    assert isinstance(loop, Failure) and loop.name == f"{server}/loop"
    assert "TooManyRedirects" in loop.message


def test_http_feeds_go_to_the_feed_reader_with_absolute_links(server: str) -> None:
    for path in ("/feed.rss", "/feed-as-xml"):
        doc = _one(f"{server}{path}")
        assert isinstance(doc, RawDocument) and doc.name == f"{server}{path}#1"
        assert doc.source.format == "rss" and doc.source.path is None
        assert doc.source.url == f"{server}/politics/budget"
        assert doc.published == "2024-04-10" and "<h1>Senate passes budget</h1>" in doc.content


def test_http_plain_text_is_read_as_text(server: str) -> None:
    doc = _one(f"{server}/notes.txt", Settings(published="2024-05-01"))
    assert isinstance(doc, RawDocument)
    assert doc.format == "text" and doc.content == "Talks resumed in Doha – officials."
    assert doc.published == "2024-05-01"


def test_http_status_type_and_size_failures_name_the_url(server: str) -> None:
    cases = {
        "/missing": "HTTP 404 Not Found",
        "/logo.png": "unsupported content type image/png",
        "/big": "over the cap of 4,000 bytes",
        "/big-declared": "over the cap of 4,000 bytes",
    }
    small = Settings(max_chars=1000)
    for path, expected in cases.items():
        failure = _one(f"{server}{path}", small)
        assert isinstance(failure, Failure) and failure.name == f"{server}{path}"
        assert failure.message.startswith(f"{server}{path}: ") and expected in failure.message
        assert "\n" not in failure.message


def test_http_network_errors_are_failures_and_the_rest_is_read(server: str) -> None:
    with socket.socket() as probe:  # a loopback port that nothing listens on
        probe.bind(("127.0.0.1", 0))
        closed = f"http://127.0.0.1:{probe.getsockname()[1]}/"
    urls = [closed, "ftp://example.invalid/file", "http://127.0.0.1:x/", f"{server}/page.html"]
    results = list(read_urls(urls, Settings()))
    assert [type(r) for r in results] == [Failure, Failure, Failure, RawDocument]
    for failure, url in zip(results[:3], urls, strict=False):
        assert isinstance(failure, Failure) and failure.name == url
        assert "cannot fetch" in failure.message and "[E101]" in failure.message
