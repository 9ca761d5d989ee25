"""Bootstrap intervals, breakdowns and the readable table of `eventwire eval`."""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from pathlib import Path

from click.testing import CliRunner

from eventwire.cli import main
from eventwire.evaluate.clean import CleanResult, evaluate_clean
from eventwire.evaluate.metrics import bootstrap, ratio, scored
from eventwire.evaluate.table import render_table
from eventwire.evaluate.times import evaluate_times


def _accuracy(t: dict[str, float]) -> dict[str, float | None]:
    return {"accuracy": ratio(t.get("right", 0.0), t["n"]), "per_type/A/accuracy": None}


def test_bootstrap_interval_brackets_the_point_and_repeats() -> None:
    units = [{"n": 1.0, "right": float(i % 4 != 0)} for i in range(200)]  # 75% right
    report = scored(units, _accuracy)
    low, high = report["intervals"]["accuracy"]
    assert low < report["accuracy"] == 0.75 < high
    assert low > 0.6 and high < 0.9
    assert bootstrap(units, _accuracy) == report["intervals"]  # fixed seed: same intervals
    assert "per_type/A/accuracy" not in report["intervals"]  # never defined: no interval
    assert report["per_type"] == {"A": {"accuracy": None}}  # "/" paths are nested


def test_bootstrap_of_identical_units_has_no_spread() -> None:
    units = [{"n": 1.0, "right": 1.0}] * 30
    assert bootstrap(units, _accuracy)["accuracy"] == [1.0, 1.0]
    assert bootstrap([], _accuracy) == {}


def test_intervals_narrow_as_the_gold_grows() -> None:
    small = [{"n": 1.0, "right": float(i % 2)} for i in range(40)]
    large = small * 25
    width = [
        (b["accuracy"][1] - b["accuracy"][0])
        for b in map(lambda u: bootstrap(u, _accuracy), (small, large))
    ]
    assert width[1] < width[0] / 3


_PAGES = [
    {
        "id": "p1",
        "gold": {"title": "Dam opens", "body": "the river dam opened on monday to traffic"},
    },
    {
        "id": "p2",
        "gold": {"title": "Port shuts", "body": "the port closed for three days after a storm"},
    },
]


def _first_words(row: dict) -> CleanResult:
    words = row["gold"]["body"].split()
    return CleanResult(
        row["gold"]["title"] if row["id"] == "p1" else None, " ".join(words[:6]), None
    )


def test_evaluate_clean_gives_figures_intervals_and_pages() -> None:
    report = evaluate_clean(_PAGES, _first_words)
    assert report["pages"] == 2
    assert report["body_precision"] == 1.0 and report["body_recall"] < 1.0
    assert report["title_accuracy"] == 0.5
    assert report["date_accuracy"] is None
    assert set(report["intervals"]) >= {"body_f1", "body_precision", "title_accuracy"}


@dataclass(frozen=True)
class _Found:
    start: int
    end: int
    type: str
    value: str


def test_evaluate_times_scores_a_peer_and_breaks_down_by_type() -> None:
    text = "Talks began on May 4, 2021 and lasted two weeks."
    gold = [
        {"start": 15, "end": 26, "type": "DATE", "value": "2021-05-04"},
        {"start": 38, "end": 47, "type": "DURATION", "value": "P2W"},
    ]
    row = {"id": "t1", "text": text, "times": gold, "published": "2021-05-05"}
    report = evaluate_times([row], predict=lambda r: [_Found(15, 26, "DATE", "2021-05-04")])
    assert report["extent_relaxed"] == {"precision": 1.0, "recall": 0.5, "f1": 0.6667}
    assert report["by_gold_type"]["DATE"] == {"recall": 1.0, "value_accuracy": 1.0, "gold": 1}
    assert report["by_gold_type"]["DURATION"]["recall"] == 0.0
    table = render_table("times", report)
    assert "by gold type" in table and "DURATION" in table
    assert "value_accuracy" in table


def test_cli_eval_table_and_json(tmp_path: Path) -> None:
    gold = tmp_path / "textclean.jsonl.gz"
    story = (
        "The city council voted on Tuesday to close the old bridge for repairs. "
        "Engineers said cracks had spread along two of its supports since the spring floods."
    )
    rows = [
        {"id": f"t{i}", "text": f"Home\n\nNews\n\nBridge closes {i}\n\n{story}\n\nShare this",
         "gold": {"title": f"Bridge closes {i}", "body": story}}
        for i in range(4)
    ]  # fmt: skip
    with gzip.open(gold, "wt", encoding="utf-8") as f:
        f.write("\n".join(json.dumps(r) for r in rows) + "\n")
    runner = CliRunner()
    as_json = runner.invoke(main, ["eval", "textclean", str(gold)])
    assert as_json.exit_code == 0, as_json.output
    report = json.loads(as_json.output)
    assert report["pages"] == 4 and "body_f1" in report["intervals"]
    as_table = runner.invoke(main, ["eval", "textclean", str(gold), "--format", "table"])
    assert as_table.exit_code == 0
    assert as_table.output.startswith("eventwire eval textclean: pages 4, split all")
    assert "95% interval" in as_table.output and "body_f1" in as_table.output
