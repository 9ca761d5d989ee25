"""Scoring places on `places` gold: recall and accuracy within 161 km (100 miles).

Each story is run as given. Our places are matched to gold toponyms one to one by character
overlap (largest first). Gold toponyms without coordinates (the corpus found no gazetteer
entry) count for precision only.
- recall: gold toponyms with coordinates that one of our places covers;
- accuracy@161km: of those, the share we put within 161 km of the gold point (the geoparsing
  literature's figure, e.g. Gritta et al. 2019);
- found_within_161km: the same over all gold toponyms with coordinates (recall x accuracy);
- precision: our places that cover any gold toponym; mean and median error in km.
"""

from __future__ import annotations

from collections.abc import Iterable
from statistics import median
from typing import Any

from eventwire.evaluate.gold import run_as_given, split_of
from eventwire.evaluate.metrics import match_items
from eventwire.extract.gazetteer import distance_km

WITHIN_KM = 161.0

__all__ = ["WITHIN_KM", "distance_km", "evaluate_places"]


def evaluate_places(rows: Iterable[dict[str, Any]], split: str | None = None) -> dict[str, Any]:
    rows = [r for r in rows if not split or split_of(str(r["id"])) == split]
    located = predicted = covering = found = within = 0
    errors: list[float] = []
    by_rule: dict[str, list[int]] = {}
    for row, document in run_as_given(rows):
        gold = row["places"]
        located += sum(1 for g in gold if g.get("lat") is not None)
        if document is None:
            continue
        ours = list(document.places)
        predicted += len(ours)
        pairs = match_items(gold, ours)
        covering += len(pairs)
        for gi, pi in pairs:
            g, p = gold[gi], ours[pi]
            if g.get("lat") is None or p.lat is None or p.lon is None:
                continue
            found += 1
            km = distance_km(float(g["lat"]), float(g["lon"]), p.lat, p.lon)
            errors.append(km)
            within += km <= WITHIN_KM
            tally = by_rule.setdefault(p.rule, [0, 0])
            tally[0] += km <= WITHIN_KM
            tally[1] += 1
    return {
        "documents": len(rows),
        "split": split or "all",
        "gold_with_coordinates": located,
        "predicted_places": predicted,
        "precision": round(covering / predicted, 4) if predicted else None,
        "recall": round(found / located, 4) if located else None,
        "accuracy_161km": round(within / found, 4) if found else None,
        "found_within_161km": round(within / located, 4) if located else None,
        "mean_error_km": round(sum(errors) / len(errors), 1) if errors else None,
        "median_error_km": round(median(errors), 1) if errors else None,
        "within_by_rule": {rule: f"{r}/{n}" for rule, (r, n) in sorted(by_rule.items())},
    }
