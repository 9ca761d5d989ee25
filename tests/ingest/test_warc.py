from __future__ import annotations

import gzip
import logging
from io import BytesIO
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from eventwire.ingest.warc import read_warc
from eventwire.records import Failure, RawDocument
from eventwire.settings import Settings

PAGE_ONE = (
    "<!doctype html><html><head><title>Border talks</title></head><body><article>"
    "<h1>Kenya and Somalia reopen border talks</h1>"
    "<p>Ministers from Kenya and Somalia met in Nairobi on Tuesday to reopen talks on the "
    "Mandera crossing, officials said. “We agreed to meet again,” one delegate said.</p>"
    "</article></body></html>"
)
PAGE_TWO = (
    '<html><head><meta charset="iso-8859-1"><title>Bogotá</title></head><body>'
    "<p>Colombia's government and a rebel group resumed talks in Bogotá on Friday.</p>"
    "</body></html>"
)
WET_TEXT = "Chile recalls ambassador\n\nChile recalled its ambassador on Monday, the ministry said."


def _response(
    writer: WARCWriter, url: str, body: bytes, content_type: str, status: str = "200 OK"
) -> None:
    headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    record = writer.create_warc_record(url, "response", payload=BytesIO(body), http_headers=headers)
    writer.write_record(record)


def _request(writer: WARCWriter, url: str) -> None:
    headers = StatusAndHeaders(
        "GET /news/1 HTTP/1.1", [("Host", "news.example.invalid")], is_http_request=True
    )
    record = writer.create_warc_record(url, "request", payload=BytesIO(b""), http_headers=headers)
    writer.write_record(record)


def _archive(gz: bool) -> tuple[bytes, list[int]]:
    """Five records (2 HTML pages, a request, an image, a 404) and the offset each ends at."""
    buffer = BytesIO()
    writer = WARCWriter(buffer, gzip=gz)
    ends: list[int] = []
    steps = [
        lambda: _response(
            writer, "https://news.example.invalid/1", PAGE_ONE.encode(), "text/html; charset=utf-8"
        ),
        lambda: _response(
            writer, "https://news.example.invalid/2", PAGE_TWO.encode("latin-1"), "text/html"
        ),
        lambda: _request(writer, "https://news.example.invalid/1"),
        lambda: _response(
            writer, "https://news.example.invalid/logo.png", b"\x89PNG\r\n\x1a\n\x00", "image/png"
        ),
        lambda: _response(
            writer, "https://news.example.invalid/gone", b"<p>Not found</p>", "text/html", "404"
        ),
    ]
    for step in steps:
        step()
        ends.append(buffer.tell())
    return buffer.getvalue(), ends


@pytest.mark.parametrize("suffix", [".warc", ".warc.gz"])
def test_warc_reads_html_responses_and_skips_the_rest(
    tmp_path: Path, suffix: str, caplog: pytest.LogCaptureFixture
) -> None:
    data, _ = _archive(gz=suffix.endswith(".gz"))
    path = tmp_path / f"crawl{suffix}"
    path.write_bytes(data)
    with caplog.at_level(logging.INFO, logger="eventwire.ingest.warc"):
        results = list(read_warc(path, Settings()))
    assert all(isinstance(r, RawDocument) for r in results)
    docs = [r for r in results if isinstance(r, RawDocument)]
    assert [d.name for d in docs] == [f"{path}#1", f"{path}#2"]
    assert [d.source.url for d in docs] == [
        "https://news.example.invalid/1",
        "https://news.example.invalid/2",
    ]
    assert {d.format for d in docs} == {"html"}
    assert {d.source.format for d in docs} == {"warc"}
    assert docs[0].source.path == str(path) and docs[0].published is None
    assert "“We agreed to meet again,”" in docs[0].content
    assert "Bogotá" in docs[1].content  # charset from <meta>, the header declares none
    assert "request" in caplog.text and "not HTML" in caplog.text and "not 2xx" in caplog.text


def test_warc_truncated_gzip_yields_records_before_the_cut_then_a_failure(
    tmp_path: Path,
) -> None:
    data, ends = _archive(gz=True)
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(data[: (ends[0] + ends[1]) // 2])  # in the middle of the second record
    results = list(read_warc(path, Settings()))
    assert isinstance(results[0], RawDocument) and results[0].name == f"{path}#1"
    assert len(results) == 2 and isinstance(results[1], Failure)
    assert results[1].name == str(path)
    assert str(path) in results[1].message and "[E105]" in results[1].message
    assert "\n" not in results[1].message


@pytest.mark.parametrize("cut", [40, 380, 500])  # in the WARC headers, HTTP headers, payload
def test_warc_truncated_plain_archive_is_reported(tmp_path: Path, cut: int) -> None:
    data, ends = _archive(gz=False)
    path = tmp_path / "cut.warc"
    path.write_bytes(data[: ends[0] + cut])
    results = list(read_warc(path, Settings()))
    doc, failure = results
    assert isinstance(doc, RawDocument) and isinstance(failure, Failure)
    assert "truncated" in failure.message and failure.name == str(path)


def test_warc_reads_wet_conversion_records_as_text(tmp_path: Path) -> None:
    buffer = BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    record = writer.create_warc_record(
        "https://news.example.invalid/chile",
        "conversion",
        payload=BytesIO(WET_TEXT.encode()),
        warc_content_type="text/plain",
    )
    writer.write_record(record)
    path = tmp_path / "crawl.warc.wet.gz"
    path.write_bytes(buffer.getvalue())
    [doc] = read_warc(path, Settings(published="2024-03-04"))
    assert isinstance(doc, RawDocument)
    assert doc.format == "text" and doc.content == WET_TEXT and doc.published == "2024-03-04"


def test_warc_oversized_record_fails_alone(tmp_path: Path) -> None:
    data, _ = _archive(gz=False)
    path = tmp_path / "crawl.warc"
    path.write_bytes(data)
    assert len(PAGE_ONE) > 250 > len(PAGE_TWO)
    results = list(read_warc(path, Settings(max_chars=250)))
    assert [type(r) for r in results] == [Failure, RawDocument]
    assert results[0].name == f"{path}#1" and "over the cap" in str(results[0])
    results = list(read_warc(path, Settings(max_chars=50)))  # payload cap: 200 bytes
    assert [type(r) for r in results] == [Failure, Failure]
    assert "bytes" in str(results[0])


def test_warc_not_an_archive_or_missing_is_one_failure(tmp_path: Path) -> None:
    path = tmp_path / "notes.warc"
    path.write_text("These are notes, not an archive.\n")
    gz_path = tmp_path / "notes.warc.gz"
    gz_path.write_bytes(gzip.compress(b"plain words inside gzip\n"))
    empty = tmp_path / "empty.warc"
    empty.write_bytes(b"")
    for bad in (path, gz_path, empty, tmp_path / "missing.warc"):
        [failure] = read_warc(bad, Settings())
        assert isinstance(failure, Failure) and failure.name == str(bad)
        assert str(bad) in failure.message


@settings(max_examples=60, deadline=None)
@given(gz=st.booleans(), fraction=st.floats(min_value=0.0, max_value=1.0, exclude_max=True))
def test_warc_any_cut_yields_a_prefix_then_at_most_one_failure(
    tmp_path_factory: pytest.TempPathFactory, gz: bool, fraction: float
) -> None:
    data, _ = _archive(gz=gz)
    path = tmp_path_factory.mktemp("cuts") / ("cut.warc.gz" if gz else "cut.warc")
    path.write_bytes(data[: int(len(data) * fraction)])
    results = list(read_warc(path, Settings()))
    docs = [r for r in results if isinstance(r, RawDocument)]
    assert [d.content for d in docs] == [PAGE_ONE, PAGE_TWO][: len(docs)]
    assert all(isinstance(r, Failure) for r in results[len(docs) :])
    assert len(results) - len(docs) <= 1 and results  # an empty or cut file says so
