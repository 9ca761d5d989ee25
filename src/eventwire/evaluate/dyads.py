"""Scoring `code-dyads` on `dyads` gold: accuracy, macro-F1 over types, quad accuracy."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from eventwire.api import code_dyads
from eventwire.evaluate.gold import split_of
from eventwire.evaluate.metrics import Tally, add_counts, harmonic, ratio, scored, total
from eventwire.settings import Settings

TYPES = [
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
]


def _summary(t: Mapping[str, float]) -> dict[str, float | None]:
    out: dict[str, float | None] = {}
    scores = []
    for name in TYPES:
        tp, fp, fn = t.get(f"tp:{name}", 0.0), t.get(f"fp:{name}", 0.0), t.get(f"fn:{name}", 0.0)
        if tp + fn == 0:
            continue
        score = harmonic(ratio(tp, tp + fp) or 0.0, tp / (tp + fn))
        scores.append(score or 0.0)
        out[f"per_type/{name}/f1"] = score
    right = sum(t.get(f"tp:{name}", 0.0) for name in TYPES)
    return {
        "accuracy": ratio(right, t.get("dyads", 0.0)),
        "macro_f1": sum(scores) / len(scores) if scores else None,
        "quad_accuracy": ratio(t.get("quad_right", 0.0), t.get("quads", 0.0)),
        **out,
    }


def evaluate_dyads(
    rows: Iterable[dict[str, Any]], split: str | None = None, settings: Settings | None = None
) -> dict[str, Any]:
    """A prediction is right when its type is in the row's `accept` list (SPEC). Macro-F1 is
    over the gold types present; bootstrap intervals resample dyads."""
    rows = [r for r in rows if not split or split_of(str(r["id"])) == split]
    triples = ((str(r["text"]), r.get("source"), r.get("target")) for r in rows)
    codings = list(code_dyads(triples, settings))
    units: list[Tally] = []
    for coding, row in zip(codings, rows, strict=True):
        accept = list(row.get("accept") or [row["type"]])
        gold = str(row["type"]) if row["type"] in TYPES else accept[0]
        unit = {"dyads": 1.0}
        if coding.type in accept:
            unit[f"tp:{gold}"] = 1.0
        else:
            unit[f"fn:{gold}"] = 1.0
            if coding.type:
                unit[f"fp:{coding.type}"] = 1.0
        if row.get("quad") is not None:
            unit.update(quads=1.0, quad_right=float(coding.quad == row["quad"]))
        units.append(unit)
    counts = total(units)
    report = {"dyads": len(rows), "split": split or "all", **scored(units, _summary, counts)}
    add_counts(report.get("per_type", {}), "support", counts, "tp", "fn")
    report["no_type"] = sum(c.type is None for c in codings)
    return report
