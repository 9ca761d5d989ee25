"""Read text, HTML and JSONL inputs from files, directories and stdin.

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
from eventwire.records import Failure, RawDocument, Source
from eventwire.settings import Settings

STDIN = "-"
_HTML_EXT = {".html", ".htm", ".xhtml"}
_JSONL_EXT = {".jsonl", ".ndjson"}
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
                if p.is_file() and p.suffix.lower() in settings.extensions
            )
            if not found:
                yield Failure(raw, str(InputMissing("directory holds no readable files", name=raw)))
            yield from found
        elif path.is_file():
            yield path
        else:
            yield Failure(raw, str(InputMissing("no such file or directory", name=raw)))


def read_paths(paths: Iterable[str], settings: Settings) -> Iterator[RawDocument | Failure]:
    """Files, directories and '-' (stdin) to RawDocuments, a Failure for each unreadable input."""
    for item in _expand(paths, settings):
        if isinstance(item, Failure):
            yield item
            continue
        name = "<stdin>" if item == STDIN else str(item)
        try:
            data = sys.stdin.buffer.read() if item == STDIN else Path(item).read_bytes()
            text = decode_bytes(
                data, name, settings.max_chars, settings.encoding, declared_charset(data)
            )
        except EventwireError as exc:
            yield Failure(name, str(exc))
            continue
        except OSError as exc:
            yield Failure(name, str(InputMissing(f"cannot read ({exc.strerror})", name=name)))
            continue
        yield from read_texts(text, name, settings, None if item == STDIN else Path(item))
