"""Metrics: word 4-gram shingle overlap (the article-extraction-benchmark body metric), one-to-one
span matching, precision/recall/F1, and bootstrap intervals.

Every evaluator scores in two steps: each unit (a page, a story, a dyad) gets a tally of counts,
and a summary turns the summed tallies into figures. The point figures are the summary of all
units; a 95% interval is the spread of the summary over units resampled with replacement (the
percentile bootstrap), so it says how much a figure owes to which stories happened to be in
the gold set.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

import numpy as np

_WORD = re.compile(r"\w+", re.UNICODE)


def shingles(text: str | None, n: int = 4) -> Counter[tuple[str, ...]]:
    tokens = _WORD.findall(text or "")
    return Counter(tuple(tokens[i : i + n]) for i in range(max(len(tokens) - n + 1, 0)))


@dataclass(frozen=True, slots=True)
class Overlap:
    precision: float
    recall: float

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


def shingle_scores(gold: str | None, predicted: str | None, n: int = 4) -> Overlap:
    """Precision and recall of predicted word n-gram shingles against gold (multiset overlap).

    An empty prediction for an empty gold is perfect; an empty side against a full one scores 0.
    """
    truth, guess = shingles(gold, n), shingles(predicted, n)
    if not truth and not guess:
        return Overlap(1.0, 1.0)
    common = sum((truth & guess).values())
    precision = common / sum(guess.values()) if guess else 0.0
    recall = common / sum(truth.values()) if truth else 0.0
    return Overlap(precision, recall)


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def match_spans(
    gold: list[tuple[int, int]], predicted: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """One-to-one (gold index, predicted index) pairs of overlapping spans, largest overlap first."""
    pairs = sorted(
        (
            (overlap(g, p), gi, pi)
            for gi, g in enumerate(gold)
            for pi, p in enumerate(predicted)
            if overlap(g, p) > 0
        ),
        reverse=True,
    )
    used_gold: set[int] = set()
    used_predicted: set[int] = set()
    out = []
    for _, gi, pi in pairs:
        if gi not in used_gold and pi not in used_predicted:
            used_gold.add(gi)
            used_predicted.add(pi)
            out.append((gi, pi))
    return out


class _Located(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


def match_items(
    gold: Sequence[dict[str, Any]], predicted: Sequence[_Located]
) -> list[tuple[int, int]]:
    """`match_spans` over gold rows ({"start", "end", ...}) and records with start and end."""
    return match_spans(
        [(int(g["start"]), int(g["end"])) for g in gold], [(p.start, p.end) for p in predicted]
    )


Tally = dict[str, float]  # one unit's counts, by name
Summary = Callable[[Mapping[str, float]], Mapping[str, float | None]]
ROUNDS = 1000  # bootstrap resamples
LEVEL = 0.95


def ratio(part: float, whole: float) -> float | None:
    return part / whole if whole else None


def harmonic(a: float | None, b: float | None) -> float | None:
    if a is None or b is None:
        return None
    return 2 * a * b / (a + b) if a + b else 0.0


def keyed(t: Mapping[str, float]) -> list[str]:
    """The names that tally keys of the form "count:NAME" break a figure down by, sorted."""
    return sorted({key.split(":", 1)[1] for key in t if ":" in key})


def found_counts(counts: Mapping[str, float], noun: str) -> dict[str, int]:
    """How many gold and predicted items a span task counted ("gold_quotes", "predicted_quotes")."""
    return {
        f"gold_{noun}": int(counts.get("gold", 0)),
        f"predicted_{noun}": int(counts.get("predicted", 0)),
    }


def add_counts(
    breakdown: Mapping[str, dict[str, Any]], field: str, t: Mapping[str, float], *counts: str
) -> None:
    """Give each row of a breakdown its count: the sum of the "count:NAME" tallies named."""
    for name, row in breakdown.items():
        row[field] = int(sum(t.get(f"{count}:{name}", 0.0) for count in counts))


def total(units: Sequence[Mapping[str, float]]) -> Tally:
    out: Tally = {}
    for unit in units:
        for name, value in unit.items():
            out[name] = out.get(name, 0.0) + value
    return out


def bootstrap(
    units: Sequence[Mapping[str, float]],
    summary: Summary,
    rounds: int = ROUNDS,
    level: float = LEVEL,
    seed: int = 0,
) -> dict[str, list[float]]:
    """Percentile-bootstrap interval of every figure `summary` gives, resampling `units`.

    Figures a resample leaves undefined (None) are left out of that figure's spread; a figure
    undefined in most resamples gets no interval. The seed is fixed: a rerun gives the same
    intervals.
    """
    if not units:
        return {}
    names = sorted({name for unit in units for name in unit})
    matrix = np.array([[unit.get(name, 0.0) for name in names] for unit in units])
    rng = np.random.default_rng(seed)
    weights = rng.multinomial(len(units), np.full(len(units), 1.0 / len(units)), size=rounds)
    spread: dict[str, list[float]] = {}
    for row in weights @ matrix:
        for figure, value in summary(dict(zip(names, row.tolist(), strict=True))).items():
            if value is not None:
                spread.setdefault(figure, []).append(value)
    tail = (1.0 - level) / 2 * 100
    return {
        figure: [round(float(v), 4) for v in np.percentile(values, [tail, 100 - tail])]
        for figure, values in spread.items()
        if len(values) * 2 > rounds
    }


def nest(flat: Mapping[str, Any]) -> dict[str, Any]:
    """{"per_type/AGREE/f1": v} -> {"per_type": {"AGREE": {"f1": v}}}."""
    out: dict[str, Any] = {}
    for path, value in flat.items():
        *parents, leaf = path.split("/")
        place = out
        for parent in parents:
            place = place.setdefault(parent, {})
        place[leaf] = value
    return out


def scored(
    units: Sequence[Mapping[str, float]],
    summary: Summary,
    totals: Mapping[str, float] | None = None,
) -> dict[str, Any]:
    """The summary of all units (their `totals`, when the caller has summed them already),
    rounded and nested at "/", with the bootstrap intervals (95%) of every figure under
    "intervals", keyed by the figure's path ("per_type/AGREE/f1")."""
    point = summary(total(units) if totals is None else totals)
    return {
        **nest({k: None if v is None else round(v, 4) for k, v in point.items()}),
        "intervals": bootstrap(units, summary),
    }
