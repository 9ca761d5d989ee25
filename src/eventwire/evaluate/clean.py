"""Scoring the cleaner on `clean` (HTML pages) and `textclean` (whole pages as plain text) gold."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from eventwire.clean import clean
from eventwire.evaluate.gold import split_of
from eventwire.evaluate.metrics import Tally, harmonic, ratio, scored, shingle_scores
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


def _summary(t: Mapping[str, float]) -> dict[str, float | None]:
    p, r = ratio(t.get("precision", 0.0), t["pages"]), ratio(t.get("recall", 0.0), t["pages"])
    return {
        "body_precision": p,
        "body_recall": r,
        "body_f1": harmonic(p, r),
        "body_f1_mean_per_page": ratio(t.get("f1", 0.0), t["pages"]),
        "title_accuracy": ratio(t.get("title", 0.0), t["pages"]),
        "date_accuracy": ratio(t.get("date", 0.0), t.get("dated", 0.0)),
    }


def evaluate_clean(
    rows: Iterable[dict[str, Any]], cleaner: Cleaner, split: str | None = None
) -> dict[str, Any]:
    """Body shingle precision/recall (means over pages) and the F1 of the means, title and date
    exact-match accuracy; bootstrap intervals over pages."""
    units: list[Tally] = []
    failures = 0
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
        unit = {
            "pages": 1.0,
            "precision": overlap.precision,
            "recall": overlap.recall,
            "f1": overlap.f1,
            "title": float(_same(result.title, gold.get("title"))),
        }
        if gold.get("published"):
            unit.update(dated=1.0, date=float(result.published == gold["published"]))
        units.append(unit)
        per_page.append({"id": row["id"], "f1": round(overlap.f1, 4)})
    return {
        "pages": len(units),
        "split": split or "all",
        **scored(units, _summary),
        "failures": failures,
        "per_page": per_page,
    }
