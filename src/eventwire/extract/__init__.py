"""Extract: spaCy Doc -> records. Pure functions of the Doc and the cleaned Article."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from spacy.tokens import Doc

from eventwire.extract.actorlist import ActorList
from eventwire.extract.actors import extract_actors
from eventwire.extract.captions import add_caption_actors
from eventwire.extract.coref import resolve_coreference
from eventwire.extract.events import extract_events
from eventwire.extract.groups import add_group_actors
from eventwire.extract.places import extract_places
from eventwire.extract.quotes import extract_quotes
from eventwire.extract.times import extract_times
from eventwire.records import Article, Document

__all__ = ["extract_document", "unextracted"]


def unextracted(article: Article) -> Document:
    """The Document of an article with nothing extracted (a near-duplicate, or before extraction)."""
    return Document(
        id=article.id,
        source=article.source,
        title=article.title,
        byline=article.byline,
        publisher=article.publisher,
        wire=article.wire,
        published=article.published,
        published_inferred=article.published_inferred,
        body=article.body,
        paragraphs=article.paragraphs,
        captions=article.captions,
        corrections=article.corrections,
        removed=article.removed,
        duplicate_of=article.duplicate_of,
    )


def extract_document(
    doc: Doc,
    article: Article,
    known: ActorList | None = None,
    captions: Sequence[Doc] = (),
) -> Document:
    """Every extraction over one annotated article, in dependency order.

    `known`: the known-actor list (ours plus a user's, extract/actorlist.py); ours when None.
    `captions`: the Docs of the article's captions, in order; their actors join the story's.

    1. actors and entities (quotes and events refer to actor ids), the groups agent nouns name
       ("Russian troops"), then coreference: pronouns
       and title descriptions joined to the actors, then the actors the captions name
    2. quotes
    3. times, against the story's date
    4. places
    5. events, anchored on the times and places of their sentences
    """
    named, entities = extract_actors(doc, known, article.published)
    actors, pronouns = resolve_coreference(doc, add_group_actors(doc, named))
    actors = add_caption_actors(actors, captions, known, article.published)
    quotes = tuple(extract_quotes(doc, actors, pronouns))
    times = tuple(extract_times(doc, article.published))
    places = tuple(extract_places(doc))
    events = tuple(extract_events(doc, article.id, actors, times, places, article.published))
    return dataclasses.replace(
        unextracted(article),
        actors=actors,
        entities=entities,
        quotes=quotes,
        times=times,
        places=places,
        events=events,
    )
