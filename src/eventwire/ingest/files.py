"""Read text, HTML, JSONL, WARC and feed inputs from files, directories, URLs and stdin.

Each reader yields ``RawDocument`` for what it could read and ``Failure`` for what it could not,
so one bad input never stops a run.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from eventwire.errors import EventwireError, InputEmpty, InputFormat, InputMissing
from eventwire.ingest.encoding import declared_charset, decode_bytes
from eventwire.ingest.feeds import looks_like_feed, read_feed
from eventwire.ingest.warc import read_warc
from eventwire.records import Failure, RawDocument, Source
from eventwire.settings import Settings

STDIN = "-"
_HTML_EXT = {".html", ".htm", ".xhtml"}
_JSONL_EXT = {".jsonl", ".ndjson"}
_FEED_EXT = {".rss", ".atom"}  # .xml is read as a feed only when it sniffs as one
_WARC_ENDINGS = (".warc", ".warc.gz", ".wet", ".wet.gz")
_URL_PREFIXES = ("http://", "https://")
_HTML_SNIFF = ("<!doctype html", "<html", "<head", "<body", "<article", "<p>", "<div")


def _kind_of(path: Path | None, text: str, wanted: str) -> str:
    """The reader for one input: the user's choice, else the extension, else a content sniff."""
    if wanted != "auto":
        return wanted
    suffix = path.suffix.lower() if path else ""
    if suffix in _HTML_EXT:
        return "html"
    if suffix in _JSONL_EXT:
        return "jsonl"
    head = text.lstrip()[:512].lower()
    if head.startswith("{") and _looks_jsonl(text):
        return "jsonl"
    if head.startswith("<") and any(tag in head for tag in _HTML_SNIFF):
        return "html"
    return "text"


def _looks_jsonl(text: str) -> bool:
    first = text.lstrip().split("\n", 1)[0]
    try:
        obj = json.loads(first)
    except ValueError:
        return False
    return isinstance(obj, dict) and ("text" in obj or "html" in obj)


def _jsonl_documents(
    text: str, name: str, source_path: str | None
) -> Iterator[RawDocument | Failure]:
    """One RawDocument per JSONL line `{"id", "text"|"html", "url"?, "published"?}`."""
    for lineno, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{name}:{lineno}"
        try:
            obj = json.loads(line)
            if not isinstance(obj, dict):
                raise ValueError("not a JSON object")
        except ValueError as exc:
            yield Failure(where, str(InputFormat(f"bad JSON line ({exc})", name=where)))
            continue
        content = obj.get("text") if obj.get("text") is not None else obj.get("html")
        if not isinstance(content, str) or not content.strip():
            yield Failure(where, str(InputEmpty('line has no "text" or "html"', name=where)))
            continue
        kind = "text" if obj.get("text") is not None else "html"
        url = obj.get("url") if isinstance(obj.get("url"), str) else None
        yield RawDocument(
            name=where,
            content=content,
            format=kind,
            source=Source(format="jsonl", path=source_path, url=url),
            published=obj.get("published") if isinstance(obj.get("published"), str) else None,
            given_id=str(obj["id"]) if obj.get("id") is not None else None,
        )


def read_texts(
    text: str, name: str, settings: Settings, path: Path | None = None
) -> Iterator[RawDocument | Failure]:
    """Decoded content of one input to RawDocuments (several for JSONL)."""
    kind = _kind_of(path, text, settings.input)
    source_path = str(path) if path else None
    if kind == "jsonl":
        yield from _jsonl_documents(text, name, source_path)
        return
    yield RawDocument(
        name=name,
        content=text,
        format=kind,
        source=Source(format=kind, path=source_path),
        published=settings.published,
    )


def _expand(paths: Iterable[str], settings: Settings) -> Iterator[str | Path | Failure]:
    """Paths to files: directories are walked recursively (sorted, by extension), '-' kept."""
    for raw in paths:
        if raw == STDIN:
            yield STDIN
            continue
        path = Path(raw)
        if path.is_dir():
            found = sorted(
                p
                for p in path.rglob("*")
                if p.is_file() and p.name.lower().endswith(settings.extensions)
            )
            if not found:
                yield Failure(raw, str(InputMissing("directory holds no readable files", name=raw)))
            yield from found
        elif path.is_file():
            yield path
        else:
            yield Failure(raw, str(InputMissing("no such file or directory", name=raw)))


def _is_feed(path: Path | None, data: bytes, settings: Settings) -> bool:
    """A feed by extension (.rss, .atom) or by its first bytes (any ASCII-compatible charset)."""
    if settings.input != "auto":
        return False
    suffix = path.suffix.lower() if path else ""
    return suffix in _FEED_EXT or looks_like_feed(data[:2048].decode("latin-1"))


def _read_local(item: str | Path, settings: Settings) -> Iterator[RawDocument | Failure]:
    """One file or stdin: a WARC by extension, a feed by extension or sniff, else decoded text."""
    path = None if item == STDIN else Path(item)
    if path and settings.input == "auto" and path.name.lower().endswith(_WARC_ENDINGS):
        yield from read_warc(path, settings)
        return
    name = "<stdin>" if path is None else str(path)
    try:
        data = sys.stdin.buffer.read() if path is None else path.read_bytes()
    except OSError as exc:
        yield Failure(name, str(InputMissing(f"cannot read ({exc.strerror})", name=name)))
        return
    if _is_feed(path, data, settings):
        yield from read_feed(data, name, settings)
        return
    try:
        text = decode_bytes(
            data, name, settings.max_chars, settings.encoding, declared_charset(data)
        )
    except EventwireError as exc:
        yield Failure(name, str(exc))
        return
    yield from read_texts(text, name, settings, path)


def read_paths(paths: Iterable[str], settings: Settings) -> Iterator[RawDocument | Failure]:
    """Files, directories, http(s) URLs and '-' to RawDocuments, a Failure per unreadable input."""
    for raw in paths:
        if raw.startswith(_URL_PREFIXES):
            from eventwire.ingest.http import read_urls  # httpx loads only when a URL is given

            yield from read_urls([raw], settings)
            continue
        for item in _expand([raw], settings):
            if isinstance(item, Failure):
                yield item
            else:
                yield from _read_local(item, settings)
