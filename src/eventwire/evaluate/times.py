"""Scoring times on `times` gold, TempEval-3 style.

Each story is run as given with its creation date as `published`. Our times are matched to gold
TIMEX3s one to one by character overlap (largest first):
- extent: relaxed F1 (any overlap) and strict F1 (same start and end);
- over relaxed matches: type accuracy and value accuracy;
- value F1: a match counts only when its value is right too (precision over our times, recall
  over gold), the figure TempEval-3 ranks normalisers by.
Per-type rows break recall and value accuracy down by the gold type.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from eventwire.evaluate.gold import run_as_given, split_of
from eventwire.evaluate.metrics import f1, match_items


def evaluate_times(rows: Iterable[dict[str, Any]], split: str | None = None) -> dict[str, Any]:
    rows = [r for r in rows if not split or split_of(str(r["id"])) == split]
    gold_total = predicted_total = relaxed = strict = type_right = value_right = 0
    by_type: dict[str, list[int]] = {}  # gold type -> [gold, found, value right]
    for row, document in run_as_given(rows):
        gold = row["times"]
        for g in gold:
            by_type.setdefault(g["type"], [0, 0, 0])[0] += 1
        gold_total += len(gold)
        if document is None:
            continue
        ours = list(document.times)
        predicted_total += len(ours)
        pairs = match_items(gold, ours)
        for gi, pi in pairs:
            g, t = gold[gi], ours[pi]
            relaxed += 1
            strict += (g["start"], g["end"]) == (t.start, t.end)
            type_right += g["type"] == t.type
            right = str(g["value"]) == str(t.value)
            value_right += right
            by_type[g["type"]][1] += 1
            by_type[g["type"]][2] += right
    return {
        "documents": len(rows),
        "split": split or "all",
        "gold_times": gold_total,
        "predicted_times": predicted_total,
        "extent_relaxed": f1(relaxed, predicted_total, gold_total),
        "extent_strict": f1(strict, predicted_total, gold_total),
        "type_accuracy": round(type_right / relaxed, 4) if relaxed else None,
        "value_accuracy": round(value_right / relaxed, 4) if relaxed else None,
        "value": f1(value_right, predicted_total, gold_total),
        "by_gold_type": {
            kind: {
                "gold": n,
                "recall": round(found / n, 4) if n else None,
                "value_accuracy": round(right / found, 4) if found else None,
            }
            for kind, (n, found, right) in sorted(by_type.items())
        },
    }
