"""Event triggers: verbs and event nouns of the lexicon, in main and subordinate clauses."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from functools import cache

from spacy.tokens import Token

from eventwire.extract.events.coding import Coding, code_trigger, lexicon, plover_types, quad_of
from eventwire.resources import resource_words

# spaCy's coarse tags that can carry an event, mapped to the lexicon's pos column.
_POS = {"VERB": "VERB", "NOUN": "NOUN", "PROPN": "NOUN"}


def _particles(token: Token) -> tuple[str, ...]:
    """Particles and prepositions attached to a verb (for phrasal entries such as 'call for')."""
    return tuple(c.lemma_ for c in token.children if c.dep_ in {"prt", "prep"} and c.i > token.i)


def trigger_coding(token: Token) -> Coding | None:
    """What a token codes to in the lexicon, or None."""
    pos = _POS.get(token.pos_)
    if pos is None or token.ent_type_ in {"PERSON", "GPE", "ORG", "NORP"}:
        return None
    coding = code_trigger(token.lemma_, pos, _particles(token) if pos == "VERB" else ())
    if coding is None and pos == "NOUN" and "-" not in token.text:
        coding = code_trigger(token.lower_, pos)
    return coding


def find_triggers(tokens: Iterable[Token]) -> Iterator[tuple[Token, Coding]]:
    """Tokens that trigger an event, with what they code to."""
    for token in tokens:
        coding = trigger_coding(token)
        if coding is not None:
            yield token, coding


def find_demands(tokens: Iterable[Token]) -> Iterator[tuple[Token, Coding]]:
    """Speech verbs that report a demand ("the Bush administration declared that China must drop
    barriers"): PLOVER codes it REQUEST from the speaker to the subject of the obligation. A
    speech verb that is a trigger itself ("insisted", "warned") keeps its own coding."""
    obliging = resource_words("obligation_modals.txt")
    speech = resource_words("speech_verbs.txt")
    for token in tokens:
        head = token.head
        if (
            token.dep_ == "ccomp"
            and head.pos_ == "VERB"
            and head.lemma_ in speech
            and trigger_coding(head) is None
            and any(c.dep_ == "nsubj" for c in token.children)
        ):
            modal = next(
                (c for c in token.children if c.dep_ == "aux" and c.lower_ in obliging), None
            )
            if modal is not None:
                coding = type_coding("REQUEST", head)
                yield head, replace(coding, trigger=f"{head.lemma_}+{modal.lower_}", rule="demand")


@cache
def _type_intensity(event_type: str) -> float | None:
    """The mean Goldstein intensity of the type's lexicon triggers."""
    values = [
        c.intensity for c in lexicon().values() if c.type == event_type and c.intensity is not None
    ]
    return round(sum(values) / len(values), 1) if values else None


def type_coding(event_type: str, predicate: Token | None = None) -> Coding:
    """The coding of an event typed by a model: the predicate's lexicon entry when it codes the
    same type (its mode, CAMEO and intensity), else the type's general CAMEO code and intensity."""
    if predicate is not None:
        found = trigger_coding(predicate)
        if found is not None and found.type == event_type:
            return found
    row = plover_types()[event_type]
    return Coding(
        trigger=predicate.lemma_.lower() if predicate is not None else "",
        pos="VERB" if predicate is None or predicate.pos_ in {"VERB", "AUX"} else "NOUN",
        type=event_type,
        mode=None,
        cameo=row.get("cameo") or None,
        quad=quad_of(event_type),
        intensity=_type_intensity(event_type),
    )
