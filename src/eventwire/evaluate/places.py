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

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from statistics import median
from typing import Any, Protocol

from eventwire.evaluate.gold import found_as_given, split_of
from eventwire.evaluate.metrics import add_counts, keyed, match_items, ratio, scored, total
from eventwire.extract.gazetteer import distance_km

WITHIN_KM = 161.0

__all__ = ["WITHIN_KM", "distance_km", "evaluate_places"]


class _Place(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...

    @property
    def lat(self) -> float | None: ...

    @property
    def lon(self) -> float | None: ...

    @property
    def rule(self) -> str: ...


Placer = Callable[[dict[str, Any]], Sequence[_Place]]  # a gold row -> its places (a peer system)


def _summary(t: Mapping[str, float]) -> dict[str, float | None]:
    located, found, within = t.get("located", 0.0), t.get("found", 0.0), t.get("within", 0.0)
    out: dict[str, float | None] = {
        "precision": ratio(t.get("covering", 0.0), t.get("predicted", 0.0)),
        "recall": ratio(found, located),
        "accuracy_161km": ratio(within, found),
        "found_within_161km": ratio(within, located),
        "mean_error_km": ratio(t.get("km", 0.0), found),
    }
    for rule in keyed(t):
        out[f"by_rule/{rule}/accuracy_161km"] = ratio(
            t.get(f"within:{rule}", 0.0), t.get(f"found:{rule}", 0.0)
        )
    return out


def evaluate_places(
    rows: Iterable[dict[str, Any]], split: str | None = None, predict: Placer | None = None
) -> dict[str, Any]:
    """The figures of the module docstring for our pipeline, or for `predict` (a peer), overall
    and by the rule that placed each toponym; bootstrap intervals resample stories."""
    rows = [r for r in rows if not split or split_of(str(r["id"])) == split]
    found = ((r, predict(r)) for r in rows) if predict else found_as_given(rows, "places")
    units: list[Mapping[str, float]] = []
    errors: list[float] = []
    for row, ours in found:
        gold, ours = row["places"], list(ours or ())
        unit: Counter[str] = Counter(
            located=sum(1 for g in gold if g.get("lat") is not None), predicted=len(ours)
        )
        units.append(unit)
        for gi, pi in match_items(gold, ours):
            g, p = gold[gi], ours[pi]
            unit["covering"] += 1
            if g.get("lat") is None or p.lat is None or p.lon is None:
                continue
            km = distance_km(float(g["lat"]), float(g["lon"]), p.lat, p.lon)
            errors.append(km)
            unit.update(("found", f"found:{p.rule}"))
            unit["km"] += km  # type: ignore[assignment]
            if km <= WITHIN_KM:
                unit.update(("within", f"within:{p.rule}"))
    counts = total(units)
    report = {"documents": len(rows), "split": split or "all", **scored(units, _summary, counts)}
    report.update(
        gold_with_coordinates=int(counts.get("located", 0)),
        predicted_places=int(counts.get("predicted", 0)),
        median_error_km=round(median(errors), 1) if errors else None,
    )
    if report["mean_error_km"] is not None:
        report["mean_error_km"] = round(report["mean_error_km"], 1)
    add_counts(report.get("by_rule", {}), "placed", counts, "found")
    return report
