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
from collections.abc import Iterable
from typing import Any

from eventwire.evaluate.gold import run_as_given, split_of
from eventwire.evaluate.metrics import match_items, overlap
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


def evaluate_quotes(rows: Iterable[dict[str, Any]], split: str | None = None) -> dict[str, Any]:
    rows = [r for r in rows if not split or split_of(str(r["id"])) == split]
    gold_total = predicted_total = matched = speakers = speakers_right = 0
    rules: dict[str, list[int]] = {}
    for row, document in run_as_given(rows):
        if document is None:
            gold_total += len(row["quotes"])
            continue
        ours = [q for q in document.quotes if q.kind in SCORED_KINDS]
        gold = row["quotes"]
        pairs = match_items(gold, ours)
        gold_total, predicted_total, matched = (
            gold_total + len(gold),
            predicted_total + len(ours),
            matched + len(pairs),
        )
        for gi, pi in pairs:
            if gold[gi].get("speaker_start") is None:
                continue
            right = speaker_right(gold[gi], ours[pi], document)
            speakers += 1
            speakers_right += right
            tally = rules.setdefault(ours[pi].rule, [0, 0])
            tally[0] += right
            tally[1] += 1
    precision = matched / predicted_total if predicted_total else 0.0
    recall = matched / gold_total if gold_total else 0.0
    return {
        "documents": len(rows),
        "split": split or "all",
        "gold_quotes": gold_total,
        "predicted_quotes": predicted_total,
        "span_precision": round(precision, 4),
        "span_recall": round(recall, 4),
        "span_f1": round(2 * precision * recall / (precision + recall), 4)
        if precision + recall
        else 0.0,
        "speaker_accuracy": round(speakers_right / speakers, 4) if speakers else None,
        "speaker_by_rule": {rule: f"{r}/{n}" for rule, (r, n) in sorted(rules.items())},
    }
