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
from collections.abc import Sequence

from spacy.tokens import Doc, Token

from eventwire.extract.events.factuality import clause_verb
from eventwire.extract.places import dateline_place
from eventwire.records import Event, Place, Time
from eventwire.resources import resource_words

_GOVERNORS = {"VERB", "AUX"}
_OWN = ("clause", "sentence")  # anchors an event has of its own, strongest first
_COMPLEMENTS = {"ccomp", "xcomp"}


def _attachment(doc: Doc, start: int, end: int, triggers: frozenset[int]) -> Token | None:
    """What a time or place phrase at [start, end) attaches to: up from the phrase's root
    through prepositions and nouns to the first verb or event trigger ("the meeting ... on
    Wednesday": the meeting; "an airstrike in Afghanistan": the airstrike, not the main verb)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    token = span.root
    while token.head.i != token.i:
        token = token.head
        if token.pos_ in _GOVERNORS or token.i in triggers:
            return token
    return token if token.pos_ in _GOVERNORS else None


def _level(trigger: Token, governor: Token | None) -> str | None:
    """'clause' when a phrase attached to `governor` is the trigger's own, 'sentence' when it
    governs the trigger's clause from above, None when it belongs to another clause."""
    if governor is None:  # (a phrase of the sentence: its governor is in the sentence too)
        return None
    verb = clause_verb(trigger)
    if governor.i in {trigger.i, verb.i}:
        return "clause"
    if governor.pos_ in _GOVERNORS and any(a.i == governor.i for a in verb.ancestors):
        return "sentence"
    if governor.dep_ in _COMPLEMENTS and governor.head.i == verb.i:
        return "complement"  # "insisted the U.S. vacate the base in 2014": the demand's date too
    return None


def _calendar(time: Time) -> bool:
    value = time.value or ""
    return time.type in {"DATE", "TIME"} and value[:1].isdigit()


def _nearest(trigger: Token, found: list[tuple[str, int, int]]) -> tuple[int, str] | None:
    """The strongest (index, level) among `found` = (level, index, start), nearest the trigger;
    a complement's phrase counts as the sentence's."""
    for level in (*_OWN, "complement"):
        here = [(abs(start - trigger.idx), index) for lv, index, start in found if lv == level]
        if here:
            return min(here)[1], "sentence" if level == "complement" else level
    return None


def anchor_date(
    trigger: Token, times: Sequence[Time], published: str | None, triggers: frozenset[int]
) -> tuple[str | None, str | None]:
    """(TIMEX3 value, where it came from) for the event a trigger names; `triggers` are the
    token indices of every trigger in the Doc."""
    sentence = trigger.sent
    doc = trigger.doc
    found = []
    for index, time in enumerate(times):
        if sentence.start_char <= time.start < sentence.end_char and _calendar(time):
            level = _level(trigger, _attachment(doc, time.start, time.end, triggers))
            if level is not None:
                found.append((level, index, time.start))
    best = _nearest(trigger, found)
    if best is not None:
        return times[best[0]].value, best[1]
    return (published, "published") if published else (None, None)


def anchor_place(
    trigger: Token, places: Sequence[Place], triggers: frozenset[int]
) -> tuple[int | None, str | None]:
    """(index into places, where it came from): a locative phrase of the trigger's clause, else
    of a clause governing it, else the dateline's place."""
    sentence = trigger.sent
    doc = trigger.doc
    locative = resource_words("event_place_preps.txt")
    found = []
    for index, place in enumerate(places):
        if not sentence.start_char <= place.start < sentence.end_char:
            continue
        span = doc.char_span(place.start, place.end, alignment_mode="expand")
        if span is None or span.root.dep_ != "pobj" or span.root.head.lower_ not in locative:
            continue
        level = _level(trigger, _attachment(doc, place.start, place.end, triggers))
        if level is not None:
            found.append((level, index, place.start))
    best = _nearest(trigger, found)
    if best is not None:
        return best
    opening = dateline_place(doc)
    if opening is not None:
        for index, place in enumerate(places):
            if place.start == opening.start_char:
                return index, "dateline"
    return None, None


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
