"""The stage order, nothing else: ingest -> clean -> annotate -> extract."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from eventwire.annotate import annotate
from eventwire.clean import clean
from eventwire.errors import EventwireError
from eventwire.extract import extract_document
from eventwire.records import Article, Document, Failure, RawDocument
from eventwire.settings import Settings


def _cleaned(
    raws: Iterable[RawDocument | Failure], settings: Settings
) -> Iterator[Article | Failure]:
    for raw in raws:
        if isinstance(raw, Failure):
            yield raw
            continue
        try:
            yield clean(raw, settings)
        except EventwireError as exc:
            yield Failure(raw.name, str(exc))


def run(raws: Iterable[RawDocument | Failure], settings: Settings) -> Iterator[Document | Failure]:
    """Documents and Failures for raw inputs (a failure comes out near its place in the input).

    1. clean each input; a failure is passed through, never raised
    2. annotate the articles in batches (failures ride along in order without being parsed)
    3. extract the records of each annotated article
    """
    items = _cleaned(raws, settings)
    pending: list[Failure] = []

    def articles_only() -> Iterator[tuple[Article, Article]]:
        for item in items:
            if isinstance(item, Failure):
                pending.append(item)
            else:
                yield item, item

    for doc, article in annotate(articles_only(), settings.model, settings.batch_size):
        while pending:
            yield pending.pop(0)
        yield extract_document(doc, article)
    while pending:
        yield pending.pop(0)
