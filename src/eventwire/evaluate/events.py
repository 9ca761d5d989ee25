"""Scoring `extract` on `events` gold: end-to-end event recall and precision per sentence.

A gold event is found when the Document has an event whose type is in the gold `accept` list,
whose source names the gold source, and whose target names the gold target (a gold side that is
null matches anything). An actor names a gold string when one of its mentions, or the event's
source/target text, overlaps the string's place in the sentence. Precision counts the asserted
events the pipeline output: each is right when it finds some gold event of its sentence.
Figures are also given for type only (the right type in the sentence, actors ignored), so that
actor errors and typing errors can be told apart.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

from eventwire.api import locate_actor
from eventwire.evaluate.gold import run_as_given, split_of
from eventwire.records import Document, Event


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _names(
    document: Document, actor_id: str | None, said: str | None, text: str, gold: str | None
) -> bool:
    if gold is None:
        return True
    where = locate_actor(text, gold)
    if where is None or actor_id is None and said is None:
        return False
    actor = next((a for a in document.actors if a.id == actor_id), None)
    if actor is not None and any(_overlaps(where, (s, e)) for s, e in actor.mentions):
        return True
    if said:
        start = text.find(said)
        return start >= 0 and _overlaps(where, (start, start + len(said)))
    return False


def _matches(event: Event, gold: dict[str, Any], document: Document, text: str) -> bool:
    return (
        event.type in (gold.get("accept") or [gold["type"]])
        and _names(document, event.source, event.source_text, text, gold.get("source"))
        and _names(document, event.target, event.target_text, text, gold.get("target"))
    )


def _ratio(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0


def evaluate_events(rows: Iterable[dict[str, Any]], split: str | None = None) -> dict[str, Any]:
    """Recall of gold events and precision of asserted output events, with and without actors."""
    rows = [r for r in rows if not split or split_of(str(r["id"])) == split]
    gold_total = found = typed = 0
    output = right = right_type = 0
    missed: Counter[str] = Counter()
    factuality: Counter[str] = Counter()
    for row, document in run_as_given(rows):
        golds = list(row.get("events") or [])
        gold_total += len(golds)
        if document is None:  # refused: every gold event is missed
            missed.update(str(g["type"]) for g in golds)
            continue
        factuality.update(e.factuality for e in document.events)
        asserted = [e for e in document.events if e.factuality == "asserted"]
        text = str(row["text"])
        for gold in golds:
            accept = gold.get("accept") or [gold["type"]]
            if any(_matches(e, gold, document, text) for e in asserted):
                found += 1
            else:
                missed[str(gold["type"])] += 1
            typed += any(e.type in accept for e in asserted)
        output += len(asserted)
        for event in asserted:
            right += any(_matches(event, g, document, text) for g in golds)
            right_type += any(event.type in (g.get("accept") or [g["type"]]) for g in golds)
    recall, precision = _ratio(found, gold_total), _ratio(right, output)
    return {
        "sentences": len(rows),
        "split": split or "all",
        "gold_events": gold_total,
        "output_events": output,
        "recall": recall,
        "precision": precision,
        "f1": round(2 * recall * precision / (recall + precision), 4)
        if recall + precision
        else 0.0,
        "type_only": {"recall": _ratio(typed, gold_total), "precision": _ratio(right_type, output)},
        "output_by_factuality": dict(factuality),
        "missed_by_type": dict(missed.most_common()),
    }
