"""The pipeline in several processes on one machine (`--workers N`).

The main process reads the inputs and keeps the near-duplicate index; N worker processes,
each with its own spaCy model loaded once, clean and extract. Inputs go in windows of
WINDOW_PER_WORKER x N:

1. the workers clean the window's inputs (pipeline.clean_one);
2. the main process finds near-duplicates in input order (pipeline.deduplicated), exactly as
   one process would, so which copy is the original does not depend on timing;
3. the workers annotate and extract the window's articles in chunks of CHUNK
   (pipeline.extracted), and the Documents come back in input order.

Memory stays bounded by the window whatever the size of the run. Workers start by `spawn`:
a fresh interpreter, so no thread or lock state of the parent is copied into them.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterable, Iterator
from itertools import islice
from multiprocessing.pool import AsyncResult, Pool
from typing import Any

from eventwire.annotate import load_model
from eventwire.clean.dedup import DuplicateIndex
from eventwire.extract.actorlist import actor_list
from eventwire.pipeline import clean_one, deduplicated, extracted
from eventwire.records import Article, Document, Failure, RawDocument
from eventwire.settings import Settings

WINDOW_PER_WORKER = 32  # inputs in flight per worker
CHUNK = 4  # articles per extraction task: small enough to share a window out evenly

_state: dict[str, Any] = {}  # one worker's settings and actor list, set by _start


def _start(settings: Settings) -> None:
    _state["settings"] = settings
    _state["known"] = actor_list(settings.actors)
    load_model(settings.model)


def _clean(raw: RawDocument) -> Article | Failure:
    return clean_one(raw, _state["settings"])


def _extract(articles: list[Article]) -> list[Document | Failure]:
    return list(extracted(articles, _state["settings"], _state["known"]))


def _windows(items: Iterable[RawDocument | Failure], size: int) -> Iterator[list[Any]]:
    iterator = iter(items)
    while window := list(islice(iterator, size)):
        yield window


def _resolved(
    window: list[RawDocument | Failure], result: AsyncResult[list[Article | Failure]]
) -> list[Article | Failure]:
    done = iter(result.get())
    return [next(done) if isinstance(raw, RawDocument) else raw for raw in window]


def run_in_workers(
    raws: Iterable[RawDocument | Failure], settings: Settings, index: DuplicateIndex | None
) -> Iterator[Document | Failure]:
    """pipeline.run's Documents and Failures, in input order, computed by settings.workers
    processes (the steps in the module docstring). The next window is cleaned while this one is
    extracted, so the workers do not wait for each other at a window's end."""
    context = multiprocessing.get_context("spawn")
    with context.Pool(settings.workers, initializer=_start, initargs=(settings,)) as pool:
        pending = []  # (window, its cleaning under way): this window and the next
        for window in _windows(raws, WINDOW_PER_WORKER * settings.workers):
            todo = [raw for raw in window if isinstance(raw, RawDocument)]
            pending.append((window, pool.map_async(_clean, todo, chunksize=2)))  # 1
            if len(pending) == 2:
                yield from _extract_window(pool, _resolved(*pending.pop(0)), index)
        for window, result in pending:
            yield from _extract_window(pool, _resolved(window, result), index)


def _extract_window(
    pool: Pool, cleaned: list[Article | Failure], index: DuplicateIndex | None
) -> Iterator[Document | Failure]:
    items = list(deduplicated(cleaned, index))  # 2
    articles = [item for item in items if isinstance(item, Article)]
    chunks = [articles[i : i + CHUNK] for i in range(0, len(articles), CHUNK)]
    results = (doc for chunk in pool.imap(_extract, chunks) for doc in chunk)  # 3
    for item in items:
        yield next(results) if isinstance(item, Article) else item
