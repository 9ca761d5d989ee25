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
from eventwire.extract.actorlist import actor_list
from eventwire.records import Article, Document, DuplicateLink, Failure, RawDocument
from eventwire.settings import Settings


def _cleaned(
    raws: Iterable[RawDocument | Failure], settings: Settings, index: DuplicateIndex | None
) -> Iterator[Article | Document | Failure]:
    for raw in raws:
        if isinstance(raw, Failure):
            yield raw
            continue
        try:
            article = clean(raw, settings)
        except EventwireError as exc:
            yield Failure(raw.name, str(exc))
            continue
        if index is None:
            yield article
            continue
        values = signature(article.body)
        match = index.match(article.id, values)
        if match is None:
            index.add(article.id, values)
            yield article
        else:
            link = DuplicateLink(match[0], round(match[1], 3))
            yield unextracted(dataclasses.replace(article, duplicate_of=link))


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
    """
    index = (duplicates or DuplicateIndex(settings.dedup_threshold)) if settings.dedup else None
    known = actor_list(settings.actors)  # read before any input: a bad list fails the run at once
    items = _cleaned(raws, settings, index)
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
