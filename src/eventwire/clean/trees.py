"""Gradient-boosted decision trees, evaluated in plain Python from a JSON file.

The cleaner's two models (which block is the headline, which blocks are the story) are small
ensembles of shallow regression trees trained by tools/train_blocks.py (scikit-learn, a
training-only dependency). At run time a tree is four parallel lists (feature, threshold, left,
right child) plus leaf values, so no numerical library is needed and the file is readable.

A row's log-odds is `init + rate * sum(tree leaf values)`; its probability the logistic of that.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

LEAF = -1


@dataclass(frozen=True, slots=True)
class Tree:
    feature: tuple[int, ...]  # LEAF for leaves
    threshold: tuple[float, ...]  # go left when row[feature] <= threshold
    left: tuple[int, ...]
    right: tuple[int, ...]
    value: tuple[float, ...]

    def leaf_value(self, row: list[float]) -> float:
        node = 0
        while (feature := self.feature[node]) != LEAF:
            node = self.left[node] if row[feature] <= self.threshold[node] else self.right[node]
        return self.value[node]


@dataclass(frozen=True, slots=True)
class TreeEnsemble:
    init: float
    rate: float
    trees: tuple[Tree, ...]
    features: int  # expected row length
    threshold: float = 0.5  # the decision threshold chosen in training
    region_penalty: float | None = None  # clean/blocks.story_blocks: one story run, if set

    def log_odds(self, row: list[float]) -> float:
        if len(row) != self.features:
            raise ValueError(f"expected {self.features} features, got {len(row)}")
        return self.init + self.rate * sum(tree.leaf_value(row) for tree in self.trees)

    def probability(self, row: list[float]) -> float:
        z = max(-30.0, min(30.0, self.log_odds(row)))
        return 1.0 / (1.0 + math.exp(-z))

    def probabilities(self, rows: list[list[float]]) -> list[float]:
        return [self.probability(row) for row in rows]


def ensemble_from_dict(data: dict[str, Any]) -> TreeEnsemble:
    trees = tuple(
        Tree(
            tuple(t["feature"]),
            tuple(t["threshold"]),
            tuple(t["left"]),
            tuple(t["right"]),
            tuple(t["value"]),
        )
        for t in data["trees"]
    )
    return TreeEnsemble(
        data["init"],
        data["rate"],
        trees,
        data["features"],
        data.get("threshold", 0.5),
        data.get("region_penalty"),
    )


@cache
def load_ensemble(name: str) -> TreeEnsemble:
    """A model file shipped in eventwire/resources (e.g. 'block_model.json')."""
    text = resources.files("eventwire.resources").joinpath(name).read_text("utf-8")
    return ensemble_from_dict(json.loads(text))
