"""The stage order, nothing else: ingest -> clean (-> dedup) -> annotate -> extract."""

from __future__ import annotations

import dataclasses
from collections import deque
from collections.abc import Iterable, Iterator

from eventwire.annotate import annotate
from eventwire.clean import clean
from eventwire.clean.dedup import DuplicateIndex, signature
from eventwire.errors import EventwireError
from eventwire.extract import extract_document, unextracted
from eventwire.extract.actorlist import ActorList, actor_list
from eventwire.records import Article, Document, DuplicateLink, Failure, RawDocument
from eventwire.settings import Settings


def clean_one(raw: RawDocument | Failure, settings: Settings) -> Article | Failure:
    """Step 1 for one input: its Article, or the Failure that says why there is none."""
    if isinstance(raw, Failure):
        return raw
    try:
        return clean(raw, settings)
    except EventwireError as exc:
        return Failure(raw.name, str(exc))


def deduplicated(
    items: Iterable[Article | Failure], index: DuplicateIndex | None
) -> Iterator[Article | Document | Failure]:
    """Step 2, in input order: a near-duplicate of a story already seen becomes a Document
    linked to it, with nothing extracted; other items pass as they are."""
    for item in items:
        if index is None or isinstance(item, Failure):
            yield item
            continue
        values = signature(item.body)
        match = index.match(item.id, values)
        if match is None:
            index.add(item.id, values)
            yield item
        else:
            link = DuplicateLink(match[0], round(match[1], 3))
            yield unextracted(dataclasses.replace(item, duplicate_of=link))


def extracted(
    items: Iterable[Article | Document | Failure], settings: Settings, known: ActorList
) -> Iterator[Document | Failure]:
    """Steps 3 and 4, in input order: articles are annotated in batches and extracted;
    Documents (duplicates) and Failures ride along in their places."""
    queue: deque[Article | Document | Failure] = deque()  # everything in input order

    def articles_only() -> Iterator[tuple[Article, Article]]:
        for item in items:
            queue.append(item)
            if isinstance(item, Article):
                yield item, item

    for doc, captions, article in annotate(articles_only(), settings.model, settings.batch_size):
        while queue[0] is not article:  # failures and duplicates that came before this article
            item = queue.popleft()
            assert not isinstance(item, Article)
            yield item
        queue.popleft()
        yield extract_document(doc, article, known, captions)
    for item in queue:
        assert not isinstance(item, Article)
        yield item


def run(
    raws: Iterable[RawDocument | Failure],
    settings: Settings,
    duplicates: DuplicateIndex | None = None,
) -> Iterator[Document | Failure]:
    """Documents and Failures for raw inputs, in input order.

    1. clean each input; a failure is passed through, never raised
    2. near-duplicates of a story already seen (this run, or `duplicates` from the store) link
       to it and skip the model
    3. annotate the articles and their captions in batches (failures and duplicates ride along
       in order)
    4. extract the records of each annotated article

    With `settings.workers` > 1, steps 1, 3 and 4 run in that many processes
    (eventwire/workers.py); step 2 stays here, so duplicates are found as in one process.
    """
    index = (duplicates or DuplicateIndex(settings.dedup_threshold)) if settings.dedup else None
    known = actor_list(settings.actors)  # read before any input: a bad list fails the run at once
    if settings.workers > 1:
        from eventwire.workers import run_in_workers

        yield from run_in_workers(raws, settings, index)
        return
    cleaned = (clean_one(raw, settings) for raw in raws)
    yield from extracted(deduplicated(cleaned, index), settings, known)
