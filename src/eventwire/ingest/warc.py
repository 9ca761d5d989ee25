"""Read web archives (.warc, .warc.gz, and Common Crawl .wet, .wet.gz) with warcio.

What becomes a document (one per record, named ``<path>#<n>``, n = the record's 1-based position
in the file, so a name points back at its record):
- a ``response`` record with a 2xx HTTP status and an HTML Content-Type -> format "html";
- a WET ``conversion`` record (text/plain) -> format "text".
Every other record (warcinfo, request, metadata, revisit, resource; images and other non-HTML
responses; non-2xx statuses; responses without a Content-Type) is skipped without a Failure and
counted; the counts are logged at the end of each file.

Per document:
1. warcio undoes the HTTP Transfer-Encoding and Content-Encoding of the payload
2. a payload over ``settings.max_chars * 4`` bytes is refused (a Failure for that record only)
3. the charset is the HTTP Content-Type's, else the payload's <meta>/XML prolog, else detected
   (``decode_bytes`` with "auto": archived pages are rarely plain UTF-8 by contract)

Limits:
- a truncated or corrupt archive yields the documents read so far, then one Failure naming the file.
  Gzip archives are decompressed here, not by warcio, because warcio ends quietly at a cut gzip
  member; an uncompressed archive is truncated when a record holds fewer bytes than it declares
  or the last complete record ends before the file does.
- ARC files (the WARC's predecessor) are refused as "not a WARC archive"; an empty file is a Failure.
- ``published`` is ``settings.published``: WARC-Date is the crawl date, not the story's date.
- feeds archived as responses (application/rss+xml) are skipped, not read.
"""

from __future__ import annotations

import email.message
import gzip
import zlib
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.statusandheaders import StatusAndHeadersParserException

from eventwire._log import get_logger
from eventwire.errors import EventwireError, InputEmpty, InputFormat, InputMissing
from eventwire.ingest.encoding import declared_charset, decode_bytes
from eventwire.records import Failure, RawDocument, Source
from eventwire.settings import Settings

log = get_logger("ingest.warc")

_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_GZIP_MAGIC = b"\x1f\x8b"
_CHUNK = 65536


class _Truncated(Exception):
    """The archive ends inside a record (raised instead of EOFError, which warcio takes as the end)."""


class _GzipStream:
    """A gzip file read one decompressed block at a time, so the records before a cut are read."""

    def __init__(self, raw: BinaryIO) -> None:
        self._gz = gzip.GzipFile(fileobj=raw, mode="rb")

    def read(self, size: int | None = -1) -> bytes:
        try:
            return self._gz.read1(size) if size is not None and size > 0 else self._gz.read()
        except EOFError as exc:
            raise _Truncated(str(exc)) from None

    def tell(self) -> int:
        return self._gz.tell()

    def close(self) -> None:
        self._gz.close()


# What a damaged archive raises: warcio's own errors, gzip/zlib errors, bad numbers in headers.
_CORRUPT = (
    ArchiveLoadFailed,
    StatusAndHeadersParserException,
    _Truncated,
    EOFError,
    OSError,
    zlib.error,
    ValueError,
)


def _media_type(value: str | None) -> tuple[str, str | None]:
    """(mime type, charset) of a Content-Type header value; ("", None) when there is none."""
    if not value:
        return "", None
    message = email.message.Message()
    message["content-type"] = value
    return message.get_content_type(), message.get_content_charset()


def _skip_reason(record: Any) -> str | None:
    """Why a record holds no document (counted, not reported), or None when it is read."""
    if record.rec_type == "conversion":
        mime, _ = _media_type(record.rec_headers.get_header("Content-Type"))
        return None if mime == "text/plain" else "conversion (not text/plain)"
    if record.rec_type != "response":
        return str(record.rec_type)
    if record.http_headers is None:
        return "response (not HTTP)"
    if not str(record.http_headers.get_statuscode()).startswith("2"):
        return "response (status not 2xx)"
    mime, _ = _media_type(record.http_headers.get_header("Content-Type"))
    return None if mime in _HTML_TYPES else "response (not HTML)"


def _payload(record: Any, cap: int) -> bytes | None:
    """The decoded payload bytes, or None when it is over ``cap`` bytes."""
    stream = record.content_stream()
    chunks: list[bytes] = []
    size = 0
    while chunk := stream.read(_CHUNK):
        size += len(chunk)
        if size > cap:
            return None
        chunks.append(chunk)
    return b"".join(chunks)


def _complete(record: Any) -> bool:
    """Read what is left of a record; False when the file ends before its declared length."""
    raw = record.raw_stream
    while raw.read(_CHUNK):
        pass
    return getattr(raw, "limit", 0) <= 0


def _document(record: Any, name: str, path: Path, settings: Settings) -> RawDocument | Failure:
    """One readable record to a RawDocument, or a Failure naming the record."""
    cap = settings.max_chars * 4
    payload = _payload(record, cap)
    if payload is None:
        message = f"record payload is over the cap of {cap:,} bytes (4 x max_chars)"
        return Failure(name, str(InputFormat(message, name=name)))
    if record.rec_type == "conversion":
        fmt = "text"
        _, declared = _media_type(record.rec_headers.get_header("Content-Type"))
    else:
        fmt = "html"
        _, declared = _media_type(record.http_headers.get_header("Content-Type"))
        declared = declared or declared_charset(payload)
    try:
        text = decode_bytes(payload, name, settings.max_chars, "auto", declared)
    except EventwireError as exc:
        return Failure(name, str(exc))
    url = record.rec_headers.get_header("WARC-Target-URI")
    return RawDocument(
        name=name,
        content=text,
        format=fmt,
        source=Source(format="warc", path=str(path), url=url),
        published=settings.published,
    )


def _next(records: Any) -> Any | None:
    """The next record, or None at the end of the archive.

    warcio crashes (AttributeError, TypeError...) on some cut or malformed headers; that is
    reported as a damaged archive like its own ArchiveLoadFailed.
    """
    try:
        return next(records)
    except StopIteration:
        return None
    except (AttributeError, TypeError, IndexError, KeyError) as exc:
        raise ArchiveLoadFailed(f"malformed record headers ({type(exc).__name__})") from exc


def _check_headers(record: Any, n: int) -> None:
    """Refuse an ARC record, or a WARC record missing its mandatory WARC-Type or Content-Length."""
    if record.format != "warc":
        raise ArchiveLoadFailed(f"record {n} is {record.format}, not WARC")
    length = str(record.rec_headers.get_header("Content-Length") or "")
    if not record.rec_type or not length.isdigit():
        raise ArchiveLoadFailed(f"record {n} lacks WARC-Type or Content-Length")


def _records(
    stream: Any, size: int | None, path: Path, settings: Settings, skipped: Counter[str]
) -> Iterator[RawDocument | Failure]:
    """Documents of an open archive; raises one of _CORRUPT when it is damaged.

    ``size`` is the file size of an uncompressed archive: warcio ends quietly when the file stops
    inside a record's headers, so an archive whose last record ends before the file does is cut.
    """
    records = ArchiveIterator(stream)
    n = 0
    while (record := _next(records)) is not None:
        n += 1
        _check_headers(record, n)
        reason = _skip_reason(record)
        item = None if reason else _document(record, f"{path}#{n}", path, settings)
        if not _complete(record):
            raise _Truncated(f"record {n} is cut short")
        if reason:
            skipped[reason] += 1
        elif item is not None:
            yield item
    if size is not None and records.offset < size:
        raise _Truncated(f"the file ends inside record {n + 1}")


def read_warc(path: Path, settings: Settings) -> Iterator[RawDocument | Failure]:
    """The HTML responses and WET text records of a WARC file, then a Failure if it is damaged."""
    name = str(path)
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield Failure(name, str(InputMissing(f"cannot read ({exc.strerror})", name=name)))
        return
    skipped: Counter[str] = Counter()
    read = failed = 0
    with handle:
        gzipped = handle.read(2) == _GZIP_MAGIC
        handle.seek(0)
        stream: Any = _GzipStream(handle) if gzipped else handle
        size = None if gzipped else path.stat().st_size
        try:
            for item in _records(stream, size, path, settings, skipped):
                read += isinstance(item, RawDocument)
                failed += isinstance(item, Failure)
                yield item
        except _CORRUPT as exc:
            detail = f"{type(exc).__name__}: {exc}".rstrip(": ")[:200]
            message = (
                f"not a WARC archive, or truncated or corrupt ({detail}); {read} documents read"
            )
            yield Failure(name, str(InputFormat(message, name=name)))
        else:
            if not (read or failed or skipped):
                yield Failure(name, str(InputEmpty("archive holds no records", name=name)))
    log.info("%s: %d documents; records skipped: %s", name, read, dict(skipped) or "none")
