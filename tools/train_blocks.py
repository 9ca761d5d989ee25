"""Train the block model of eventwire.clean.blocks and write src/eventwire/resources/block_model.json.

Training data: the 'dev' half (eventwire.evaluate.split_of) of ../shared/data/clean/textclean_naeb
(the article-extraction dataset by AndyTheFactory, Apache-2.0: credit them) plus the project's own
demo articles. A block is labelled story when its text is in the gold body (blocks under four words
only when they equal a gold line). Logistic regression with L2 (Newton steps, numpy), then the
Viterbi switch penalty is chosen on the same dev pages by body shingle F1. The 'test' half is never
read here: `eventwire eval textclean --split test` reports on it.

Usage: .venv/bin/python tools/train_blocks.py [--gold PATH]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

from eventwire.clean.blocks import Block, block_features, split_blocks, story_mask
from eventwire.clean.text import find_title
from eventwire.evaluate import read_gold, shingle_scores, split_of

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "eventwire" / "resources" / "block_model.json"


def _norm(text: str) -> str:
    return " ".join(text.split())


def labels(blocks: list[Block], gold: str) -> list[int]:
    body = _norm(gold)
    lines = {_norm(line) for line in gold.splitlines() if line.strip()}
    out = []
    for block in blocks:
        flat = block.flat
        inside = flat in body and (len(flat.split()) >= 4 or flat in lines)
        out.append(int(inside))
    return out


def fit(x: np.ndarray, y: np.ndarray, l2: float = 1.0, steps: int = 25) -> np.ndarray:
    """Logistic regression weights (bias last) by Newton's method with an L2 penalty."""
    xb = np.hstack([x, np.ones((len(x), 1))])
    w = np.zeros(xb.shape[1])
    penalty = np.eye(xb.shape[1]) * l2
    penalty[-1, -1] = 0.0
    for _ in range(steps):
        p = 1 / (1 + np.exp(-np.clip(xb @ w, -30, 30)))
        grad = xb.T @ (p - y) + penalty @ w
        hess = (xb * (p * (1 - p))[:, None]).T @ xb + penalty
        w -= np.linalg.solve(hess, grad)
    return w


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--gold", default=str(ROOT.parent / "shared/data/clean/textclean_naeb.jsonl.gz")
    )
    args = parser.parse_args()
    pages = [r for r in read_gold(args.gold) if split_of(str(r["id"])) == "dev"]
    feats, ys, per_page = [], [], []
    for row in pages:
        blocks = split_blocks(row["text"])
        rows = block_features(blocks, find_title(blocks))
        feats += rows
        ys += labels(blocks, row["gold"]["body"])
        per_page.append((blocks, rows, row["gold"]["body"]))
    x, y = np.array(feats), np.array(ys, dtype=float)
    means, scales = x.mean(axis=0), x.std(axis=0) + 1e-9
    w = fit((x - means) / scales, y)
    best = (0.0, 0.0)
    for penalty in (0.0, 0.5, 1.0, 1.5, 2.0, 3.0, 4.0, 5.0, 6.0, 8.0):
        f1s = []
        for blocks, rows, gold in per_page:
            z = ((np.array(rows) - means) / scales) @ w[:-1] + w[-1]
            probs = list(1 / (1 + np.exp(-np.clip(z, -30, 30))))
            mask = story_mask(probs, penalty)
            body = "\n\n".join(b.text for b, keep in zip(blocks, mask, strict=True) if keep)
            f1s.append(shingle_scores(gold, body).f1)
        score = float(np.mean(f1s))
        print(f"switch penalty {penalty}: dev mean body F1 {score:.4f}")
        best = max(best, (score, penalty))
    model = {
        "about": "eventwire block model: logistic weights over eventwire.clean.blocks.block_features; "
        "trained by tools/train_blocks.py on the dev half of the article-extraction dataset "
        "(AndyTheFactory, Apache-2.0)",
        "weights": [round(float(v), 6) for v in w[:-1]],
        "bias": round(float(w[-1]), 6),
        "means": [round(float(v), 6) for v in means],
        "scales": [round(float(v), 6) for v in scales],
        "switch_penalty": best[1],
        "dev_pages": len(pages),
        "dev_blocks": len(ys),
        "dev_mean_body_f1": round(best[0], 4),
    }
    OUT.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {OUT} (switch penalty {best[1]}, dev F1 {best[0]:.4f})")


if __name__ == "__main__":
    main()
