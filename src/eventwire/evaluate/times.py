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

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, Protocol

from eventwire.evaluate.gold import found_as_given, split_of
from eventwire.evaluate.metrics import (
    add_counts,
    found_counts,
    harmonic,
    keyed,
    match_items,
    ratio,
    scored,
    total,
)


class _Time(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...

    @property
    def type(self) -> str: ...

    @property
    def value(self) -> str | None: ...


Timer = Callable[[dict[str, Any]], Sequence[_Time]]  # a gold row -> its times (a peer system)


def _summary(t: Mapping[str, float]) -> dict[str, float | None]:
    relaxed, gold, predicted = t.get("relaxed", 0.0), t["gold"], t["predicted"]
    out: dict[str, float | None] = {}
    for name, matched in (("extent_relaxed", relaxed), ("extent_strict", t.get("strict", 0.0))):
        p, r = ratio(matched, predicted) or 0.0, ratio(matched, gold) or 0.0
        out.update({f"{name}/precision": p, f"{name}/recall": r, f"{name}/f1": harmonic(p, r)})
    out["type_accuracy"] = ratio(t.get("type_right", 0.0), relaxed)
    out["value_accuracy"] = ratio(t.get("value_right", 0.0), relaxed)
    p, r = (
        ratio(t.get("value_right", 0.0), predicted) or 0.0,
        ratio(t.get("value_right", 0.0), gold) or 0.0,
    )
    out.update({"value/precision": p, "value/recall": r, "value/f1": harmonic(p, r)})
    for kind in keyed(t):
        found = t.get(f"found:{kind}", 0.0)
        out[f"by_gold_type/{kind}/recall"] = ratio(found, t.get(f"gold:{kind}", 0.0))
        out[f"by_gold_type/{kind}/value_accuracy"] = ratio(t.get(f"right:{kind}", 0.0), found)
    return out


def evaluate_times(
    rows: Iterable[dict[str, Any]], split: str | None = None, predict: Timer | None = None
) -> dict[str, Any]:
    """The figures of the module docstring for our pipeline, or for `predict` (a peer)."""
    rows = [r for r in rows if not split or split_of(str(r["id"])) == split]
    found = ((r, predict(r)) for r in rows) if predict else found_as_given(rows, "times")
    units: list[Mapping[str, float]] = []
    for row, ours in found:
        gold = row["times"]
        unit: Counter[str] = Counter(gold=len(gold), predicted=len(ours or ()))
        unit.update(f"gold:{g['type']}" for g in gold)
        units.append(unit)
        for gi, pi in match_items(gold, ours or ()):
            g, t = gold[gi], (ours or ())[pi]
            right = str(g["value"]) == str(t.value)
            unit["relaxed"] += 1
            unit["strict"] += (g["start"], g["end"]) == (t.start, t.end)
            unit["type_right"] += g["type"] == t.type
            unit["value_right"] += right
            unit[f"found:{g['type']}"] += 1
            unit[f"right:{g['type']}"] += right
    counts = total(units)
    report = {"documents": len(rows), "split": split or "all", **scored(units, _summary, counts)}
    report.update(found_counts(counts, "times"))
    add_counts(report.get("by_gold_type", {}), "gold", counts, "gold")
    return report
