"""Scoring `code-dyads` on `dyads` gold: accuracy, macro-F1 over types, quad accuracy."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

from eventwire.api import code_dyads
from eventwire.evaluate.gold import split_of
from eventwire.evaluate.metrics import mean
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


def evaluate_dyads(
    rows: Iterable[dict[str, Any]], split: str | None = None, settings: Settings | None = None
) -> dict[str, Any]:
    """A prediction is right when its type is in the row's `accept` list (SPEC)."""
    rows = [r for r in rows if not split or split_of(str(r["id"])) == split]
    triples = ((str(r["text"]), r.get("source"), r.get("target")) for r in rows)
    codings = list(code_dyads(triples, settings))
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    quads = []
    for coding, row in zip(codings, rows, strict=True):
        accept = list(row.get("accept") or [row["type"]])
        gold = str(row["type"]) if row["type"] in TYPES else accept[0]
        if coding.type in accept:
            tp[gold] += 1
        else:
            fn[gold] += 1
            if coding.type:
                fp[coding.type] += 1
        if row.get("quad") is not None:
            quads.append(float(coding.quad == row["quad"]))
    per_type = {}
    for name in TYPES:
        if tp[name] + fn[name] == 0:
            continue
        p = tp[name] / (tp[name] + fp[name]) if tp[name] + fp[name] else 0.0
        r = tp[name] / (tp[name] + fn[name])
        per_type[name] = {
            "f1": round(2 * p * r / (p + r) if p + r else 0.0, 4),
            "support": tp[name] + fn[name],
        }
    return {
        "dyads": len(rows),
        "split": split or "all",
        "accuracy": round(sum(tp.values()) / len(rows), 4) if rows else 0.0,
        "macro_f1": round(mean([v["f1"] for v in per_type.values()]), 4),
        "quad_accuracy": round(mean(quads), 4) if quads else None,
        "no_type": sum(c.type is None for c in codings),
        "per_type": per_type,
    }
