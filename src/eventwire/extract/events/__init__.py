"""Events: triggers from the lexicon, source and target from the parse, PLOVER coding, factuality.

1. Find trigger words (verbs and event nouns) in every sentence.
2. Read their source and target heads from the parse and resolve them to actors.
3. Keep an event when at least one side is an actor and the two sides differ.
4. Code it (type, mode, CAMEO, quad, intensity): the lexicon's, or the dyad model's (classify.py)
   when it reads the trigger's own link and disagrees with confidence; a stated intent is AGREE
   or THREATEN and refused cooperation REJECT. Judge its factuality and reporter.
5. Anchor it (anchors.py): the date and place of its clause, else of a clause governing it,
   else another mention of the same event, else the dateline's place and the story's date.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import numpy as np
from spacy.tokens import Doc, Token

from eventwire.extract.events.anchors import StoryAnchors, share_anchors, story_anchors
from eventwire.extract.events.classify import dyad_model, marked_span, view_dyad
from eventwire.extract.events.coding import Coding, needs_recipient, quad_of
from eventwire.extract.events.dyads import (
    inner_targets,
    noun_arguments,
    resolve_argument,
    verb_arguments,
)
from eventwire.extract.events.factuality import factuality, intent, reporter
from eventwire.extract.events.triggers import find_demands, find_triggers, type_coding
from eventwire.records import Actor, Event, Evidence, Place, Time, Trigger, content_hash
from eventwire.resources import resource_words

__all__ = ["DyadCoding", "code_dyad", "extract_events"]

MAX_PAIRS = 4  # coordinated arguments ("X, Y and Z met W") give at most this many events
# PLOVER codes a stated intent as its own event: a cooperative act the source says it will do is
# AGREE, a forceful one THREATEN.
INTENT_TYPES = {
    **dict.fromkeys(("CONSULT", "SUPPORT", "COOPERATE", "AID", "RETREAT", "CONCEDE"), "AGREE"),
    **dict.fromkeys(("ASSAULT", "COERCE", "SANCTION"), "THREATEN"),
}
MODEL_OVERRIDE = 0.5  # the dyad model overrules the trigger's lexicon type at this probability


def _arguments(trigger: Token) -> tuple[list[Token], list[Token]]:
    return verb_arguments(trigger) if trigger.pos_ == "VERB" else noun_arguments(trigger)


def _confidence(
    source: Actor | None, target: Actor | None, coding: Coding, probability: float | None
) -> float:
    """How sure the event is: both sides resolved, a verb trigger, and the dyad model's
    probability of its type (when a model is shipped)."""
    score = 0.45 + (0.2 if source else 0.0) + (0.15 if target else 0.0)
    score -= 0.05 if coding.pos == "NOUN" else 0.0
    if probability is not None:
        score = score * (0.5 + 0.5 * probability)
    return round(score, 2)


@dataclass(frozen=True, slots=True)
class _Context:
    doc_id: str
    actors: Sequence[Actor]
    anchors: StoryAnchors


_Side = tuple[Token | None, Actor | None, str | None]


def _chars(token: Token | None) -> tuple[int, int] | None:
    return (token.idx, token.idx + len(token.text)) if token is not None else None


def _typed(
    trigger: Token, coding: Coding, source: Token | None, target: Token | None
) -> tuple[Coding, float | None, str]:
    """The event's coding: the dyad model's type for the pair when it is sure enough, with the
    trigger's lexicon entry when that codes the same type; else the lexicon's.

    The model reads the link between the two sides, so it types this event only when both
    sides are there and the trigger lies on that link; otherwise it would type another event."""
    rule = f"{coding.rule}.{coding.pos.lower()}:{coding.trigger}"
    if source is None or target is None or coding.rule == "demand":
        # a reported demand ("declared that Uganda must withdraw") is REQUEST by its grammar,
        # as in code_dyad; the model would type the demanded act
        return coding, None, rule
    model = dyad_model()
    view = view_dyad(trigger.doc, _chars(source), _chars(target))
    if all(p.i != trigger.i for p in view.predicates):
        return coding, None, rule
    label, probabilities = model.predict(view.features)
    if label == coding.type:
        return coding, probabilities[label], rule + "+model.dyad"
    if probabilities[label] < MODEL_OVERRIDE:
        return coding, probabilities.get(coding.type, 0.0), rule
    return type_coding(label, trigger), probabilities[label], model.rule(view.features, label)


def _events_for(trigger: Token, coding: Coding, ctx: _Context) -> Iterator[Event]:
    sources, targets = _arguments(trigger)
    nobody: list[_Side] = [(None, None, None)]
    resolved_sources: list[_Side] = [(t, *resolve_argument(t, ctx.actors)) for t in sources]
    resolved_targets: list[_Side] = [(t, *resolve_argument(t, ctx.actors)) for t in targets]
    if not any(actor for _, actor, _ in resolved_targets):
        # "threatened to impose a curfew in Algiers": the actor inside the thing or the act
        inner = [(t, *resolve_argument(t, ctx.actors)) for t in inner_targets(trigger, targets)]
        resolved_targets = [side for side in inner if side[1] is not None] or resolved_targets
    # an argument that names no actor is kept only when no other one does ("warned the U.S.
    # against any deployment": the U.S.)
    resolved_sources = [x for x in resolved_sources if x[1]] or resolved_sources
    resolved_targets = [x for x in resolved_targets if x[1]] or resolved_targets
    resolved_sources, resolved_targets = resolved_sources or nobody, resolved_targets or nobody
    sentence = trigger.sent
    date, date_from = ctx.anchors.date(trigger)
    place, place_from = ctx.anchors.place(trigger)
    fact = factuality(trigger)
    promised = intent(trigger)
    speaker_token = reporter(trigger)
    speaker = resolve_argument(speaker_token, ctx.actors)[0] if speaker_token is not None else None
    pairs = [(s, t) for s in resolved_sources for t in resolved_targets][:MAX_PAIRS]
    for (s_token, source, source_text), (t_token, target, target_text) in pairs:
        if s_token is None or source is None and target is None or source is target is not None:
            # who did it is the first thing an event says: with no subject, agent or holder in
            # the parse ("... to help monitor al-Qaida"), there is no event to report
            continue
        typed, probability, rule = _typed(trigger, coding, s_token, t_token)
        if target is None and t_token is None and needs_recipient(typed.type):
            continue  # the manual's COOPERATE, AID and SANCTION have a recipient
        fact_here = fact
        stated = INTENT_TYPES.get(typed.type) if promised else None
        if promised and stated is None and INTENT_TYPES.get(coding.type) == typed.type:
            stated = typed.type  # the model read the stated intent as the convention does
        if stated is not None:  # "X is willing to withdraw": the statement is the event
            typed = type_coding(stated, trigger)
            rule, fact_here = f"{rule}+intent:{promised}", "asserted"
        elif (
            fact == "negated"
            and (source or target)
            and (typed.quad <= 2 or typed.type == "REJECT" and quad_of(coding.type) <= 2)
        ):
            # "X said it will not accept the refugees": a refusal, which PLOVER codes REJECT
            # (whether the lexicon's cooperation or the model's REJECT reads it)
            typed = type_coding("REJECT", trigger)
            rule, fact_here = f"{rule}+negated:REJECT", "asserted"
        yield Event(
            id=content_hash(
                ctx.doc_id,
                str(trigger.idx),
                typed.type,
                source.id if source else "",
                target.id if target else "",
                size=16,
            ),  # fmt: skip
            type=typed.type,
            mode=typed.mode,
            cameo=typed.cameo,
            quad=typed.quad,
            intensity=typed.intensity,
            source=source.id if source else None,
            target=target.id if target else None,
            source_text=source_text,
            target_text=target_text,
            trigger=Trigger(trigger.text, trigger.idx, trigger.idx + len(trigger.text)),
            sentence=(sentence.start_char, sentence.end_char),
            date=date,
            place=place,
            factuality=fact_here,
            reported_by=speaker.id if speaker else None,
            confidence=_confidence(source, target, typed, probability),
            evidence=Evidence(rule=rule, date_from=date_from, place_from=place_from),
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
    found = sorted([*find_triggers(doc), *find_demands(doc)], key=lambda pair: pair[0].i)
    at = {t.i for t, _ in found}
    intent_words = resource_words("intent_heads.txt")
    # "vowed to bomb", "agreed to withdraw": the complement's event carries the stated intent
    found = [
        (t, c)
        for t, c in found
        if t.lemma_ not in intent_words
        or not any(x.dep_ == "xcomp" and x.i in at for x in t.children)
    ]
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


def _demand_between(
    doc: Doc, source: tuple[int, int] | None, target: tuple[int, int] | None
) -> Token | None:
    """The speech verb of a reported demand (triggers.find_demands) whose subject is the source
    and whose obliged subject is the target, if there is one."""
    s_span, t_span = marked_span(doc, source), marked_span(doc, target)
    if not s_span or not t_span:
        return None
    s_at, t_at = {t.i for t in s_span}, {t.i for t in t_span}
    for speech, _ in find_demands(doc):
        says = any(c.dep_ == "nsubj" and c.i in s_at for c in speech.children)
        obliged = any(
            c.dep_ == "nsubj" and c.i in t_at
            for clause in speech.children
            if clause.dep_ == "ccomp"
            for c in clause.children
        )
        if says and obliged:
            return speech
    return None


def code_dyad(
    doc: Doc,
    source: tuple[int, int] | None,
    target: tuple[int, int] | None,
    vector: np.ndarray | None = None,
) -> DyadCoding:
    """The PLOVER type of the event from a marked source to a marked target in a one-sentence Doc.

    The dyad model (classify.py) gives the type and its probability; with the encoder's
    `vector` (annotate/encoder.encode_marked: the sentence's embedding and the state of the
    words between source and target) the sentence model does. PLOVER's conventions
    then apply as in `extract`: a reported demand on the target ("X says Y must ...") is
    REQUEST, a stated intent ("will meet", "is willing to withdraw") is AGREE or THREATEN, a
    refused cooperation is REJECT. The lexicon entry of the predicate nearest the target gives
    mode and CAMEO when it codes the same type.
    """
    model = dyad_model(sentence=vector is not None)
    if source is None and target is None and next(find_triggers(doc), None) is None:
        return DyadCoding(None, None, None, None, 0.5, "dyad.no_trigger")
    view = view_dyad(doc, source, target)
    label, probabilities = model.predict(view.features, vector)
    rule = model.rule(view.features, label, vector)
    promised = intent(view.predicate) if view.predicate is not None else None
    if label != "REQUEST" and (speech := _demand_between(doc, source, target)) is not None:
        # "Russia says Israel must end attacks": a demand from the speaker to the obliged
        label, rule = "REQUEST", f"{rule}+demand:{speech.lemma_}"
    elif promised and label in INTENT_TYPES:
        # "X will meet Y", "X is willing to withdraw": the statement is the event (as in extract)
        label, rule = INTENT_TYPES[label], f"{rule}+intent:{promised}"
    elif "neg:cooperation" in view.features and quad_of(label) <= 2:
        label, rule = "REJECT", f"{rule}+negated:REJECT"  # "will not accept the refugees"
    coding = type_coding(label, view.predicate)
    return DyadCoding(
        label, coding.mode, coding.cameo, coding.quad, round(probabilities[label], 3), rule
    )
