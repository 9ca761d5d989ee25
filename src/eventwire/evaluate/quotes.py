"""Scoring quotes on `quotes` gold: direct-quote span overlap F1 and speaker accuracy.

The gold marks direct quotations (spans that open with a quotation mark) and the span of the
speaker the writer attributes each to. Each story is run through the pipeline as given
(`--no-clean`, its published date), and our direct quotes (partial quotes sit inside the
writer's sentence, and the gold leaves such mixed attributions out) are matched to gold quotes
one to one by character overlap, largest overlap first.

Speaker accuracy is over matched gold quotes that have a speaker: our speaker is right when the
text we cite as speaker overlaps the gold speaker span (even a pronoun we could not resolve:
the gold marks the cited span), or the actor we name has a mention overlapping it, or (a
speaker named elsewhere in the story) our actor's name holds the gold speaker's last word. A
quote we leave without speaker counts as wrong.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

from eventwire.evaluate.gold import run_as_given, split_of
from eventwire.evaluate.metrics import (
    add_counts,
    found_counts,
    harmonic,
    keyed,
    match_items,
    overlap,
    ratio,
    scored,
    total,
)
from eventwire.records import Document, Quote

SCORED_KINDS = {"direct"}  # the gold holds quotes whose attributed content opens with a mark


def _last_word(text: str) -> str:
    words = re.findall(r"[^\W\d_]+", text.casefold())
    return words[-1] if words else ""


def speaker_right(gold: dict[str, Any], quote: Quote, document: Document) -> bool:
    span = (int(gold["speaker_start"]), int(gold["speaker_end"]))
    cited = (quote.speaker_start, quote.speaker_end)
    if cited[0] is not None and cited[1] is not None and overlap(span, (cited[0], cited[1])):
        return True
    if quote.speaker is None:
        return False
    actor = next((a for a in document.actors if a.id == quote.speaker), None)
    if actor is not None and any(overlap(span, m) for m in actor.mentions):
        return True
    last = _last_word(str(gold["speaker"]))
    name = actor.name if actor is not None else (quote.speaker_text or "")
    return bool(last) and last in re.findall(r"[^\W\d_]+", name.casefold())


def _summary(t: Mapping[str, float]) -> dict[str, float | None]:
    precision = ratio(t.get("matched", 0.0), t.get("predicted", 0.0)) or 0.0
    recall = ratio(t.get("matched", 0.0), t.get("gold", 0.0)) or 0.0
    out: dict[str, float | None] = {
        "span_precision": precision,
        "span_recall": recall,
        "span_f1": harmonic(precision, recall),
        "speaker_accuracy": ratio(t.get("speakers_right", 0.0), t.get("speakers", 0.0)),
    }
    for rule in keyed(t):
        out[f"speaker_by_rule/{rule}/accuracy"] = ratio(
            t.get(f"right:{rule}", 0.0), t.get(f"speakers:{rule}", 0.0)
        )
    return out


def evaluate_quotes(rows: Iterable[dict[str, Any]], split: str | None = None) -> dict[str, Any]:
    """Span F1 and speaker accuracy (module docstring), speaker accuracy by our rule; bootstrap
    intervals resample stories."""
    rows = [r for r in rows if not split or split_of(str(r["id"])) == split]
    units: list[Mapping[str, float]] = []
    for row, document in run_as_given(rows):
        gold = row["quotes"]
        ours = [q for q in document.quotes if q.kind in SCORED_KINDS] if document else []
        pairs = match_items(gold, ours)
        unit = Counter(gold=len(gold), predicted=len(ours), matched=len(pairs))
        units.append(unit)
        for gi, pi in pairs:
            if gold[gi].get("speaker_start") is None or document is None:
                continue
            right = speaker_right(gold[gi], ours[pi], document)
            unit.update(("speakers", f"speakers:{ours[pi].rule}"))
            if right:
                unit.update(("speakers_right", f"right:{ours[pi].rule}"))
    counts = total(units)
    report = {"documents": len(rows), "split": split or "all", **scored(units, _summary, counts)}
    report.update(found_counts(counts, "quotes"))
    add_counts(report.get("speaker_by_rule", {}), "quotes", counts, "speakers")
    return report
