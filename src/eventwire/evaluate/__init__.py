"""Evaluate: gold readers and metrics behind `eventwire eval`."""

from __future__ import annotations

from eventwire.evaluate.clean import evaluate_clean
from eventwire.evaluate.gold import read_gold, split_of
from eventwire.evaluate.metrics import shingle_scores

__all__ = ["evaluate_clean", "read_gold", "shingle_scores", "split_of"]
