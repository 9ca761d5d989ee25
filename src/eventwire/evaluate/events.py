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
from collections.abc import Iterable, Mapping
from typing import Any

from eventwire.api import locate_actor
from eventwire.evaluate.gold import run_as_given, split_of
from eventwire.evaluate.metrics import add_counts, harmonic, keyed, ratio, scored, total
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


def _summary(t: Mapping[str, float]) -> dict[str, float | None]:
    recall, precision = (
        ratio(t.get("found", 0.0), t["gold"]),
        ratio(t.get("right", 0.0), t["output"]),
    )
    out: dict[str, float | None] = {
        "recall": recall,
        "precision": precision,
        "f1": harmonic(recall or 0.0, precision or 0.0),
        "type_only/recall": ratio(t.get("typed", 0.0), t["gold"]),
        "type_only/precision": ratio(t.get("right_type", 0.0), t["output"]),
    }
    for name in keyed(t):
        out[f"per_type/{name}/recall"] = ratio(
            t.get(f"found:{name}", 0.0), t.get(f"gold:{name}", 0)
        )
        out[f"per_type/{name}/precision"] = ratio(
            t.get(f"right:{name}", 0.0), t.get(f"output:{name}", 0.0)
        )
    return out


def evaluate_events(rows: Iterable[dict[str, Any]], split: str | None = None) -> dict[str, Any]:
    """Recall of gold events and precision of asserted output events, with and without actors,
    overall and by type (recall by the gold type, precision by ours); bootstrap intervals
    resample sentences."""
    rows = [r for r in rows if not split or split_of(str(r["id"])) == split]
    units: list[Mapping[str, float]] = []
    factuality: Counter[str] = Counter()
    for row, document in run_as_given(rows):
        golds = list(row.get("events") or [])
        unit: Counter[str] = Counter(gold=len(golds), output=0)
        unit.update(f"gold:{g['type']}" for g in golds)
        units.append(unit)
        if document is None:  # refused: every gold event is missed
            continue
        factuality.update(e.factuality for e in document.events)
        asserted = [e for e in document.events if e.factuality == "asserted"]
        text = str(row["text"])
        for gold in golds:
            accept = gold.get("accept") or [gold["type"]]
            if any(_matches(e, gold, document, text) for e in asserted):
                unit.update(("found", f"found:{gold['type']}"))
            unit["typed"] += any(e.type in accept for e in asserted)
        unit["output"] += len(asserted)
        for event in asserted:
            unit[f"output:{event.type}"] += 1
            if any(_matches(event, g, document, text) for g in golds):
                unit.update(("right", f"right:{event.type}"))
            unit["right_type"] += any(event.type in (g.get("accept") or [g["type"]]) for g in golds)
    counts = total(units)
    report = {"sentences": len(rows), "split": split or "all", **scored(units, _summary, counts)}
    report.update(
        gold_events=int(counts.get("gold", 0)), output_events=int(counts.get("output", 0))
    )
    add_counts(report.get("per_type", {}), "gold", counts, "gold")
    add_counts(report.get("per_type", {}), "output", counts, "output")
    report["output_by_factuality"] = dict(factuality)
    return report
