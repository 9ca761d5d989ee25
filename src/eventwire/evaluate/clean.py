"""Scoring the cleaner on `clean` (HTML pages) and `textclean` (whole pages as plain text) gold."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from eventwire.clean import clean
from eventwire.evaluate.gold import split_of
from eventwire.evaluate.metrics import mean, shingle_scores
from eventwire.records import RawDocument, Source
from eventwire.settings import Settings


@dataclass(frozen=True, slots=True)
class CleanResult:
    title: str | None
    body: str
    published: str | None


Cleaner = Callable[[dict[str, Any]], CleanResult]


def eventwire_cleaner(task: str, settings: Settings | None = None) -> Cleaner:
    """Our cleaner as a gold-row -> CleanResult function for `task` ('clean' or 'textclean')."""
    settings = settings or Settings()

    def run(row: dict[str, Any]) -> CleanResult:
        content = row["html"] if task == "clean" else row["text"]
        fmt = "html" if task == "clean" else "text"
        raw = RawDocument(str(row["id"]), content, fmt, Source(format=fmt, url=row.get("url")))
        article = clean(raw, settings)
        return CleanResult(article.title, article.body, article.published)

    return run


def _same(a: str | None, b: str | None) -> bool:
    return " ".join((a or "").split()).casefold() == " ".join((b or "").split()).casefold()


def evaluate_clean(
    rows: Iterable[dict[str, Any]], cleaner: Cleaner, split: str | None = None
) -> dict[str, Any]:
    """Body shingle precision/recall/F1 (means over pages), title and date exact-match accuracy."""
    precisions, recalls, f1s, titles, dates, failures = [], [], [], [], [], 0
    per_page = []
    for row in rows:
        if split and split_of(str(row["id"])) != split:
            continue
        gold = row["gold"]
        try:
            result = cleaner(row)
        except Exception:  # a page we cannot clean scores zero, and is counted
            result, failures = CleanResult(None, "", None), failures + 1
        overlap = shingle_scores(gold.get("body"), result.body)
        precisions.append(overlap.precision)
        recalls.append(overlap.recall)
        f1s.append(overlap.f1)
        titles.append(_same(result.title, gold.get("title")))
        if gold.get("published"):
            dates.append(result.published == gold["published"])
        per_page.append({"id": row["id"], "f1": round(overlap.f1, 4)})
    p, r = mean(precisions), mean(recalls)
    return {
        "pages": len(f1s),
        "split": split or "all",
        "body_precision": round(p, 4),
        "body_recall": round(r, 4),
        "body_f1": round(2 * p * r / (p + r) if p + r else 0.0, 4),
        "body_f1_mean_per_page": round(mean(f1s), 4),
        "title_accuracy": round(mean([float(t) for t in titles]), 4),
        "date_accuracy": round(mean([float(d) for d in dates]), 4) if dates else None,
        "failures": failures,
        "per_page": per_page,
    }
