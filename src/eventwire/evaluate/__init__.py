"""Evaluate: gold readers and metrics behind `eventwire eval`."""

from __future__ import annotations

from eventwire.evaluate.gold import read_gold, split_of
from eventwire.evaluate.metrics import shingle_scores

__all__ = ["TASKS", "evaluate", "read_gold", "shingle_scores", "split_of"]

TASKS = ("clean", "textclean", "dyads", "events", "quotes", "times", "places")


def evaluate(task: str, path: str, split: str | None = None) -> dict[str, object]:
    """Metrics of the pipeline on a gold file for one SPEC task."""
    rows = read_gold(path)
    if task in ("clean", "textclean"):
        from eventwire.evaluate.clean import evaluate_clean, eventwire_cleaner

        report = evaluate_clean(rows, eventwire_cleaner(task), split)
        report.pop("per_page")
        return report
    if task == "dyads":
        from eventwire.evaluate.dyads import evaluate_dyads

        return evaluate_dyads(rows, split)
    if task == "events":
        from eventwire.evaluate.events import evaluate_events

        return evaluate_events(rows, split)
    if task == "quotes":
        from eventwire.evaluate.quotes import evaluate_quotes

        return evaluate_quotes(rows, split)
    if task == "times":
        from eventwire.evaluate.times import evaluate_times

        return evaluate_times(rows, split)
    if task == "places":
        from eventwire.evaluate.places import evaluate_places

        return evaluate_places(rows, split)
    raise ValueError(f"unknown task {task!r}")
