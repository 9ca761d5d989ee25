"""Events: triggers from the lexicon, source and target from the parse, PLOVER coding, factuality.

1. Find trigger words (verbs and event nouns) in every sentence.
2. Read their source and target heads from the parse and resolve them to actors.
3. Keep an event when at least one side is an actor and the two sides differ.
4. Code it (type, mode, CAMEO, quad, intensity), judge its factuality and reporter.
5. Anchor it (anchors.py): the date and place of its clause, else of a clause governing it,
   else another mention of the same event, else the dateline's place and the story's date.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from eventwire.extract.events.anchors import StoryAnchors, share_anchors, story_anchors
from eventwire.extract.events.classify import dyad_model, view_dyad
from eventwire.extract.events.coding import Coding
from eventwire.extract.events.dyads import noun_arguments, resolve_argument, verb_arguments
from eventwire.extract.events.factuality import factuality, reporter
from eventwire.extract.events.triggers import find_triggers, type_coding
from eventwire.records import Actor, Event, Evidence, Place, Time, Trigger, content_hash

__all__ = ["DyadCoding", "code_dyad", "extract_events"]

MAX_PAIRS = 4  # coordinated arguments ("X, Y and Z met W") give at most this many events


def _arguments(trigger: Token) -> tuple[list[Token], list[Token]]:
    return verb_arguments(trigger) if trigger.pos_ == "VERB" else noun_arguments(trigger)


def _confidence(source: Actor | None, target: Actor | None, coding: Coding) -> float:
    score = 0.45 + (0.2 if source else 0.0) + (0.15 if target else 0.0)
    return round(score - (0.05 if coding.pos == "NOUN" else 0.0), 2)


@dataclass(frozen=True, slots=True)
class _Context:
    doc_id: str
    actors: Sequence[Actor]
    anchors: StoryAnchors


def _events_for(trigger: Token, coding: Coding, ctx: _Context) -> Iterator[Event]:
    sources, targets = _arguments(trigger)
    nobody: list[tuple[Actor | None, str | None]] = [(None, None)]
    resolved_sources: list[tuple[Actor | None, str | None]] = [
        resolve_argument(t, ctx.actors) for t in sources
    ]
    resolved_targets: list[tuple[Actor | None, str | None]] = [
        resolve_argument(t, ctx.actors) for t in targets
    ]
    resolved_sources, resolved_targets = resolved_sources or nobody, resolved_targets or nobody
    sentence = trigger.sent
    date, date_from = ctx.anchors.date(trigger)
    place, place_from = ctx.anchors.place(trigger)
    fact = factuality(trigger)
    speaker_token = reporter(trigger)
    speaker = resolve_argument(speaker_token, ctx.actors)[0] if speaker_token is not None else None
    pairs = [(s, t) for s in resolved_sources for t in resolved_targets][:MAX_PAIRS]
    for (source, source_text), (target, target_text) in pairs:
        if source is None and target is None or source is not None and source is target:
            continue
        yield Event(
            id=content_hash(
                ctx.doc_id,
                str(trigger.idx),
                coding.type,
                source.id if source else "",
                target.id if target else "",
                size=16,
            ),  # fmt: skip
            type=coding.type,
            mode=coding.mode,
            cameo=coding.cameo,
            quad=coding.quad,
            intensity=coding.intensity,
            source=source.id if source else None,
            target=target.id if target else None,
            source_text=source_text,
            target_text=target_text,
            trigger=Trigger(trigger.text, trigger.idx, trigger.idx + len(trigger.text)),
            sentence=(sentence.start_char, sentence.end_char),
            date=date,
            place=place,
            factuality=fact,
            reported_by=speaker.id if speaker else None,
            confidence=_confidence(source, target, coding),
            evidence=Evidence(
                rule=f"lexicon.{coding.pos.lower()}:{coding.trigger}",
                date_from=date_from,
                place_from=place_from,
            ),
        )


def extract_events(
    doc: Doc,
    doc_id: str,
    actors: Sequence[Actor],
    times: Sequence[Time],
    places: Sequence[Place],
    published: str | None,
) -> Iterator[Event]:
    """Every event between actors in a Doc, in text order."""
    found = list(find_triggers(doc))
    anchors = story_anchors(doc, times, places, published, frozenset(t.i for t, _ in found))
    ctx = _Context(doc_id, actors, anchors)
    seen: set[str] = set()
    events = []
    for trigger, coding in found:
        for event in _events_for(trigger, coding, ctx):
            if event.id not in seen:
                seen.add(event.id)
                events.append(event)
    yield from share_anchors(events)


@dataclass(frozen=True, slots=True)
class DyadCoding:
    type: str | None
    mode: str | None
    cameo: str | None
    quad: int | None
    confidence: float
    rule: str


def _inside(token: Token, span: tuple[int, int] | None) -> bool:
    return span is not None and span[0] <= token.idx < span[1]


def _score(trigger: Token, source: tuple[int, int] | None, target: tuple[int, int] | None) -> float:
    """How well a trigger's arguments match the marked source and target."""
    sources, targets = _arguments(trigger)
    score = 0.0
    score += (
        2.0
        if any(_inside(t, source) or any(_inside(x, source) for x in t.subtree) for t in sources)
        else 0.0
    )
    score += (
        2.0
        if any(_inside(t, target) or any(_inside(x, target) for x in t.subtree) for t in targets)
        else 0.0
    )
    anchor = target or source
    if anchor is not None:
        score -= min(abs(trigger.idx - anchor[0]), 400) / 400
    return score


def _lexicon_dyad(
    doc: Doc, source: tuple[int, int] | None, target: tuple[int, int] | None
) -> DyadCoding:
    """The lexicon trigger whose parse arguments best match the marked pair (no model shipped)."""
    candidates = list(find_triggers(doc))
    if not candidates:
        return DyadCoding(None, None, None, None, 0.5, "dyad.no_trigger")
    trigger, coding = max(candidates, key=lambda pair: _score(pair[0], source, target))
    matched = _score(trigger, source, target) > 0
    return DyadCoding(
        coding.type,
        coding.mode,
        coding.cameo,
        coding.quad,
        0.7 if matched else 0.4,
        f"dyad.{'path' if matched else 'nearest'}:{coding.trigger}",
    )


def code_dyad(
    doc: Doc, source: tuple[int, int] | None, target: tuple[int, int] | None
) -> DyadCoding:
    """The PLOVER type of the event from a marked source to a marked target in a one-sentence Doc.

    The dyad model (classify.py) gives the type and its probability; the lexicon entry of the
    predicate nearest the target gives mode and CAMEO when it codes the same type.
    """
    model = dyad_model()
    if model is None:
        return _lexicon_dyad(doc, source, target)
    view = view_dyad(doc, source, target)
    probabilities = model.probabilities(view.features)
    label = max(probabilities, key=probabilities.__getitem__)
    coding = type_coding(label, view.predicate)
    votes = ",".join(model.votes(view.features, label))
    return DyadCoding(
        label,
        coding.mode,
        coding.cameo,
        coding.quad,
        round(probabilities[label], 3),
        f"model.dyad:{votes}",
    )
