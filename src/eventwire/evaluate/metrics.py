"""Metrics: word 4-gram shingle overlap (the article-extraction-benchmark body metric), one-to-one
span matching, precision/recall/F1."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

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


def mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else 0.0


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


def f1(matched: int, predicted: int, gold: int) -> dict[str, float]:
    """Precision, recall and F1 of `matched` items among `predicted` and `gold` ones."""
    precision = matched / predicted if predicted else 0.0
    recall = matched / gold if gold else 0.0
    score = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(score, 4)}


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
