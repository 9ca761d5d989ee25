"""Actors named in photo captions, joined to the story's actors.

Captions leave the body (clean/), yet they often name who is in the picture and nobody else
does ("Russian President Vladimir Putin, center, ... walk to attend ..."). Each caption is
annotated like the body (annotate/ passes its Doc along) and read by the same actor rules
(extract/actors.py): roles, countries and sectors come from the caption's own words.

1. A caption actor that is a story actor (same kind and name, or a one-word person name that
   ends a story person's full name, or a full name whose surname alone is a story person) adds
   its caption mentions to that actor, and fills its missing country and sectors.
2. Any other caption actor is a new actor with caption mentions only (no body offsets).
3. A story person's name or surname written in a caption where NER found no entity for it
   is a mention too (short captions give NER little context).
Caption mentions are (caption index, start, end) into that caption's text.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from spacy.tokens import Doc

from eventwire.extract.actorlist import ActorList
from eventwire.extract.actors import extract_actors
from eventwire.extract.gazetteer import name_key
from eventwire.records import Actor


def _same(story: Actor, caption: Actor) -> bool:
    if story.kind != caption.kind:
        return False
    if story.country and caption.country and story.country != caption.country:
        return False
    if name_key(story.name) == name_key(caption.name):
        return True
    if story.kind != "person":
        return False
    mine, theirs = story.name.split(), caption.name.split()
    # "Milley" in a caption is the story's Mark Milley; "Mark Milley" is the story's "Milley"
    return (len(theirs) == 1 or len(mine) == 1) and mine[-1] == theirs[-1]


def _joined(story: Actor, found: Actor, number: int) -> Actor:
    return dataclasses.replace(
        story,
        country=story.country or found.country,
        sectors=story.sectors + tuple(s for s in found.sectors if s not in story.sectors),
        roles=story.roles + tuple(r for r in found.roles if r not in story.roles),
        caption_mentions=story.caption_mentions
        + tuple((number, start, end) for start, end in found.mentions),
        rules=story.rules + tuple(r for r in (*found.rules, "caption") if r not in story.rules),
    )


def _name_hits(text: str, person: Actor) -> list[tuple[int, int]]:
    """Where a story person's full name or surname is written in a caption that NER missed
    (short captions give it little context: "Wekesa speaks to reporters.")."""
    words = person.name.split()
    forms = [person.name] + ([words[-1]] if len(words) > 1 else [])
    pattern = "|".join(re.escape(f) for f in forms)
    return [(m.start(), m.end()) for m in re.finditer(rf"\b(?:{pattern})\b", text)]


def add_caption_actors(
    actors: Sequence[Actor],
    captions: Sequence[Doc],
    known: ActorList | None = None,
    date: str | None = None,
) -> tuple[Actor, ...]:
    """The story's actors with the mentions of its captions added (module docstring)."""
    merged = list(actors)
    for number, doc in enumerate(captions):
        found_actors, _ = extract_actors(doc, known, date)
        for found in found_actors:
            index = next((i for i, a in enumerate(merged) if _same(a, found)), None)
            if index is None:
                empty = dataclasses.replace(found, mentions=(), caption_mentions=())
                merged.append(_joined(empty, found, number))
            else:
                merged[index] = _joined(merged[index], found, number)
        for index, actor in enumerate(merged):
            if actor.kind != "person" or any(n == number for n, _, _ in actor.caption_mentions):
                continue
            hits = _name_hits(doc.text, actor)
            if hits:  # caption.name_match
                merged[index] = dataclasses.replace(
                    actor,
                    caption_mentions=actor.caption_mentions + tuple((number, *h) for h in hits),
                    rules=actor.rules + (() if "caption" in actor.rules else ("caption",)),
                )
    return tuple(merged)
