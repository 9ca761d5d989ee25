"""Metrics: word 4-gram shingle overlap (the article-extraction-benchmark body metric)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

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
