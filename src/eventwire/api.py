"""The Python API that the CLI wraps."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from itertools import islice

from eventwire import pipeline
from eventwire.annotate import load_model
from eventwire.annotate.encoder import sentence_encoder
from eventwire.clean.dedup import DuplicateIndex
from eventwire.errors import EventwireError
from eventwire.extract.events import DyadCoding, code_dyad
from eventwire.ingest import read_paths, read_texts
from eventwire.records import Document, Failure, RawDocument
from eventwire.settings import Settings


def _settings(settings: Settings | None, published: str | None) -> Settings:
    settings = settings or Settings()
    if published is not None:
        settings = dataclasses.replace(settings, published=published)
    return settings


def _raw_texts(texts: Iterable[str], settings: Settings) -> Iterator[RawDocument | Failure]:
    for number, text in enumerate(texts, start=1):
        yield from read_texts(text, f"<text {number}>", settings)


def extract_many(
    texts: Iterable[str], published: str | None = None, settings: Settings | None = None
) -> Iterator[Document | Failure]:
    """Documents for many texts or HTML pages, batched through the model; a Failure per bad one."""
    settings = _settings(settings, published)
    return pipeline.run(_raw_texts(texts, settings), settings)


def extract(
    text_or_html: str, published: str | None = None, settings: Settings | None = None
) -> Document:
    """The Document of one story (plain text or HTML). Raises EventwireError if nothing is found."""
    if not isinstance(text_or_html, str) or not text_or_html.strip():
        raise EventwireError("input is empty", name="<text>")
    for result in extract_many([text_or_html], published, settings):
        if isinstance(result, Failure):
            raise EventwireError(result.message)
        return result
    raise EventwireError("no document produced", name="<text>")


def extract_paths(
    paths: Iterable[str],
    published: str | None = None,
    settings: Settings | None = None,
    duplicates: DuplicateIndex | None = None,
) -> Iterator[Document | Failure]:
    """Documents for files, directories, URLs and '-' (stdin); a Failure per unreadable input.

    `duplicates` holds stories seen before (e.g. `Store.duplicate_index()`): copies of them link
    to them and are not extracted again.
    """
    settings = _settings(settings, published)
    return pipeline.run(read_paths(paths, settings), settings, duplicates)


def locate_actor(text: str, actor: str | None) -> tuple[int, int] | None:
    """Where a marked actor string stands in its sentence (any case), or None."""
    if not actor:
        return None
    found = text.lower().find(actor.lower())
    return (found, found + len(actor)) if found >= 0 else None


def code_dyads(
    dyads: Iterable[tuple[str, str | None, str | None]], settings: Settings | None = None
) -> Iterator[DyadCoding]:
    """The PLOVER coding of the event from source to target in each (text, source, target)."""
    settings = settings or Settings()
    nlp = load_model(settings.model)
    encoder = sentence_encoder() if settings.sentence_vectors else None
    rows = iter(dyads)
    while chunk := list(islice(rows, 64)):
        texts = [text for text, _, _ in chunk]
        marks = [(locate_actor(t, source), locate_actor(t, target)) for t, source, target in chunk]
        vectors = encoder.encode_marked(texts, marks) if encoder else [None] * len(chunk)
        docs = nlp.pipe(texts)
        for doc, (source, target), vector in zip(docs, marks, vectors, strict=True):
            yield code_dyad(doc, source, target, vector)


def extract_many_raw(
    raws: Iterable[RawDocument | Failure],
    settings: Settings | None = None,
    duplicates: DuplicateIndex | None = None,
) -> Iterator[Document | Failure]:
    """Documents for RawDocuments built by the caller (readers of other sources, the demo)."""
    return pipeline.run(raws, settings or Settings(), duplicates)
