"""When and where an event happened: the date and place that govern its clause.

An event takes the time or place phrase attached to its own clause (the trigger, or the light
verb of an event noun: "held talks in Oslo on Monday"), else one attached to a clause that
governs it in the same sentence ("On Monday, officials said troops attacked") or of its
complement ("insisted the U.S. vacate the base in 2014" dates the demand too), else the
dateline's place and the story's date. A phrase attached to another clause of the sentence
("the meeting comes after an airstrike in Afghanistan") is not the event's. Mentions of one
event in other sentences (same type and actors) lend their anchors to a mention that has none
of its own. The evidence says which: clause | sentence | event | dateline | published.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from eventwire.extract.events.factuality import clause_verb
from eventwire.extract.places import dateline_place
from eventwire.records import Event, Place, Time
from eventwire.resources import resource_words

_GOVERNORS = {"VERB", "AUX"}
_OWN = ("clause", "sentence")  # anchors an event has of its own
_COMPLEMENTS = {"ccomp", "xcomp"}
_OCCASION_MARKS = {"when", "while", "as"}  # a clause naming the occasion of its governor


def _attachment(span: Span, triggers: frozenset[int]) -> Token | None:
    """What a time or place phrase attaches to: up from the phrase's root through prepositions
    and nouns to the first verb or event trigger ("the meeting ... on Wednesday": the meeting;
    "an airstrike in Afghanistan": the airstrike, not the main verb)."""
    token = span.root
    while token.head.i != token.i:
        token = token.head
        if token.pos_ in _GOVERNORS or token.i in triggers:
            return token
    return token if token.pos_ in _GOVERNORS else None


def _level(trigger: Token, governor: Token) -> str | None:
    """'clause' when a phrase attached to `governor` is the trigger's own, 'sentence' when it
    governs the trigger's clause from above, 'complement' when it is in the clause the trigger
    takes as complement, None when it belongs to another clause."""
    verb = clause_verb(trigger)
    if governor.i in {trigger.i, verb.i}:
        return "clause"
    if governor.pos_ in _GOVERNORS and any(a.i == governor.i for a in verb.ancestors):
        return "sentence"
    if governor.dep_ in _COMPLEMENTS and governor.head.i == verb.i:
        return "complement"  # "insisted the U.S. vacate the base in 2014": the demand's date too
    if (
        governor.dep_ == "advcl"
        and governor.head.i == verb.i
        and any(c.lower_ in _OCCASION_MARKS for c in governor.children if c.dep_ == "advmod")
    ):
        return "complement"  # "discussed it with them when they met in Greece": the same occasion
    return None


def _calendar(time: Time) -> bool:
    value = time.value or ""
    return time.type in {"DATE", "TIME"} and value[:1].isdigit()


@dataclass(frozen=True, slots=True)
class _Phrase:
    index: int  # into the story's times or places
    start: int  # character offset
    governor: Token  # what the phrase attaches to


def _phrases(
    doc: Doc,
    items: Iterable[tuple[int, int, int]],
    triggers: frozenset[int],
    keep: Callable[[Span], bool] = lambda span: True,
) -> tuple[_Phrase, ...]:
    """The phrases (index, start, end) that `keep` accepts, with what each attaches to."""
    out = []
    for index, start, end in items:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or not keep(span):
            continue
        governor = _attachment(span, triggers)
        if governor is not None:
            out.append(_Phrase(index, start, governor))
    return tuple(out)


def _pick(trigger: Token, phrases: Sequence[_Phrase]) -> tuple[int, str] | None:
    """(index, level) of the strongest phrase of the trigger's sentence, nearest the trigger
    among equals; a complement's phrase counts as the sentence's."""
    sentence = trigger.sent
    found = [
        (level, phrase)
        for phrase in phrases
        if sentence.start_char <= phrase.start < sentence.end_char
        and (level := _level(trigger, phrase.governor)) is not None
    ]
    for wanted in ("clause", "sentence", "complement"):
        here = [(abs(p.start - trigger.idx), p.index) for level, p in found if level == wanted]
        if here:
            return min(here)[1], "sentence" if wanted == "complement" else wanted
    return None


@dataclass(frozen=True, slots=True)
class StoryAnchors:
    """The story's dated and placed phrases, what each attaches to, and its fallbacks; built
    once per Doc (story_anchors), asked once per trigger."""

    times: Sequence[Time]
    dates: tuple[_Phrase, ...]
    places: tuple[_Phrase, ...]
    dateline: int | None  # index of the dateline's place
    published: str | None

    def date(self, trigger: Token) -> tuple[str | None, str | None]:
        """(TIMEX3 value, where it came from) for the event a trigger names."""
        best = _pick(trigger, self.dates)
        if best is not None:
            return self.times[best[0]].value, best[1]
        return (self.published, "published") if self.published else (None, None)

    def place(self, trigger: Token) -> tuple[int | None, str | None]:
        """(index into places, where it came from): a where-phrase of the trigger's clause, of
        a clause governing it or of its complement, else the dateline's place."""
        best = _pick(trigger, self.places)
        if best is not None:
            return best
        return (self.dateline, "dateline") if self.dateline is not None else (None, None)


def story_anchors(
    doc: Doc,
    times: Sequence[Time],
    places: Sequence[Place],
    published: str | None,
    triggers: frozenset[int],
) -> StoryAnchors:
    """The anchors of a Doc; `triggers` are the token indices of every trigger in it."""
    where = resource_words("event_place_preps.txt")
    dates = _phrases(
        doc, [(i, t.start, t.end) for i, t in enumerate(times) if _calendar(t)], triggers
    )
    located = _phrases(
        doc,
        [(i, p.start, p.end) for i, p in enumerate(places)],
        triggers,
        lambda span: span.root.dep_ == "pobj" and span.root.head.lower_ in where,
    )
    opening = dateline_place(doc)
    dateline = next(
        (i for i, p in enumerate(places) if opening is not None and p.start == opening.start_char),
        None,
    )
    return StoryAnchors(times, dates, located, dateline, published)


def share_anchors(events: Sequence[Event]) -> list[Event]:
    """Mentions of one event (same type, same pair of actors) lend their own date and place to
    mentions that have none ("met" in the lead, "the meeting ... on Wednesday in Helsinki"
    later); only when the mentions that have one agree."""
    groups: dict[tuple[str, frozenset[str]], list[int]] = defaultdict(list)
    for i, event in enumerate(events):
        if event.source and event.target:
            groups[(event.type, frozenset((event.source, event.target)))].append(i)
    out = list(events)
    for members in groups.values():
        dates = {events[i].date for i in members if events[i].evidence.date_from in _OWN}
        places = {events[i].place for i in members if events[i].evidence.place_from in _OWN}
        for i in members:
            event = out[i]
            evidence = event.evidence
            date, place = event.date, event.place
            if evidence.date_from not in _OWN and len(dates) == 1:
                date, evidence = next(iter(dates)), dataclasses.replace(evidence, date_from="event")
            if evidence.place_from not in _OWN and len(places) == 1:
                place = next(iter(places))
                evidence = dataclasses.replace(evidence, place_from="event")
            out[i] = dataclasses.replace(event, date=date, place=place, evidence=evidence)
    return out
