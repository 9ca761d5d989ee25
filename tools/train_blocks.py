"""Train the cleaner's headline and block models; write resources/title_model.json and block_model.json.

Training data: the 'dev' half (eventwire.evaluate.split_of) of ../shared/data/clean/textclean_naeb
(the article-extraction dataset by AndyTheFactory, Apache-2.0: credit them). The 'test' half is
never read here: `eventwire eval textclean --split test` reports on it.

1. Headline: every candidate block (eventwire.clean.title.title_candidates) is labelled by whether
   it equals the gold title; gradient-boosted trees score them, the best candidate wins.
2. Story blocks: a block is story when its text is in the gold body (blocks under four words only
   when they equal a gold line). Features use the headline and headline scores of step 1,
   predicted out of fold so the block model learns from headlines as good as they will be at run
   time. Every page weighs the same in training, as it does in the body F1.
3. The story threshold and the story-run penalty (clean/blocks.story_blocks) are chosen by
   cross-validated body shingle F1 on the dev pages.

Folds group pages by site (from the URLs in clean_naeb beside the gold file), so a page is always
scored by models that saw no page of its site: the cross-validated figures are what a new site
gets.

Needs scikit-learn and numpy (`pip install -e .[train]`).
Usage: .venv/bin/python tools/train_blocks.py [--gold PATH]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import numpy as np
from sklearn.ensemble import GradientBoostingClassifier

from eventwire.clean.blocks import Block, block_features, split_blocks, story_blocks
from eventwire.clean.title import MIN_PROBABILITY, title_candidates
from eventwire.clean.trees import ensemble_from_dict
from eventwire.evaluate import read_gold, shingle_scores, split_of

ROOT = Path(__file__).resolve().parents[1]
RESOURCES = ROOT / "src" / "eventwire" / "resources"
FOLDS = 5
THRESHOLDS = (0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5)
PENALTIES = (None, 0.1, 0.2, 0.3, 0.5, 1.0)  # clean/blocks.story_blocks; None: no story run
CREDIT = "the article-extraction dataset by AndyTheFactory (Apache-2.0), dev half"


def _norm(text: str) -> str:
    return " ".join(text.split())


def labels(blocks: list[Block], gold: str) -> list[int]:
    body = _norm(gold)
    lines = {_norm(line) for line in gold.splitlines() if line.strip()}
    return [int(b.flat in body and (len(b.flat.split()) >= 4 or b.flat in lines)) for b in blocks]


def boost(
    x: np.ndarray, y: np.ndarray, trees: int, weight: np.ndarray | None = None
) -> GradientBoostingClassifier:
    model = GradientBoostingClassifier(
        n_estimators=trees, max_depth=3, learning_rate=0.1, subsample=0.8, random_state=0
    )
    return model.fit(x, y, sample_weight=weight)


PAGE_WEIGHT = 100.0  # every page's blocks weigh this much together


def page_weights(blocks: int) -> np.ndarray:
    """Equal weight per page, shared by its blocks: body F1 averages pages, so a page of 1,500
    menu blocks must not teach the model 100 times more than a page of 15 paragraphs."""
    return np.full(blocks, PAGE_WEIGHT / max(blocks, 1))


def export(model: GradientBoostingClassifier, features: int, **extra: Any) -> dict[str, Any]:
    """The fitted ensemble as eventwire.clean.trees reads it (checked against scikit-learn)."""
    trees = []
    for estimator in model.estimators_[:, 0]:
        t = estimator.tree_
        trees.append(
            {
                "feature": [int(f) if f >= 0 else -1 for f in t.feature],
                "threshold": [round(float(v), 6) for v in t.threshold],
                "left": [int(v) for v in t.children_left],
                "right": [int(v) for v in t.children_right],
                "value": [round(float(v), 6) for v in t.value[:, 0, 0]],
            }
        )
    probe = np.zeros((1, features))
    init = float(model.decision_function(probe)[0]) - model.learning_rate * sum(
        float(e.predict(probe)[0]) for e in model.estimators_[:, 0]
    )
    data = {
        "about": f"eventwire cleaner model trained by tools/train_blocks.py on {CREDIT}",
        "init": round(init, 6),
        "rate": model.learning_rate,
        "features": features,
        **extra,
        "trees": trees,
    }
    return data


def check(data: dict[str, Any], model: GradientBoostingClassifier, x: np.ndarray) -> None:
    ours = ensemble_from_dict(data)
    theirs = model.predict_proba(x[:200])[:, 1]
    mine = np.array(ours.probabilities([list(map(float, row)) for row in x[:200]]))
    if np.abs(theirs - mine).max() > 1e-3:
        raise SystemExit("exported ensemble disagrees with scikit-learn")


def folds(groups: list[str]) -> list[np.ndarray]:
    """FOLDS index arrays; pages of one group (site) always fall in the same fold."""
    order = {g: i % FOLDS for i, g in enumerate(sorted(set(groups)))}
    of = np.array([order[g] for g in groups])
    return [np.where(of == k)[0] for k in range(FOLDS)]


def sites(gold: Path, ids: list[str]) -> list[str]:
    """Each page's site, from the HTML gold beside the text gold; the page id if it is absent."""
    html = gold.with_name(gold.name.replace("textclean", "clean"))
    known = {}
    if html.is_file() and html != gold:
        known = {str(r["id"]): urlparse(str(r.get("url") or "")).netloc for r in read_gold(html)}
    return [(known.get(i) or i).removeprefix("www.") for i in ids]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--gold", default=str(ROOT.parent / "shared/data/clean/textclean_naeb.jsonl.gz")
    )
    args = parser.parse_args()
    pages = [r for r in read_gold(args.gold) if split_of(str(r["id"])) == "dev"]
    blocks = [split_blocks(r["text"]) for r in pages]
    golds = [r["gold"] for r in pages]
    groups = folds(sites(Path(args.gold), [str(r["id"]) for r in pages]))

    # 1. headline
    cands = [title_candidates(b) for b in blocks]
    title_y = [
        np.array([float(bl[i].flat == _norm(g["title"] or "")) for i, _ in c])
        for bl, c, g in zip(blocks, cands, golds, strict=True)
    ]
    title_x = [np.array([row for _, row in c]) for c in cands]

    def fit_titles(idx: np.ndarray) -> GradientBoostingClassifier:
        rows = [k for k in idx if len(title_x[k])]
        return boost(
            np.vstack([title_x[k] for k in rows]), np.concatenate([title_y[k] for k in rows]), 150
        )

    title_at: list[int | None] = [None] * len(pages)
    headline_scores = [[0.0] * len(b) for b in blocks]
    for held in groups:
        model = fit_titles(np.setdiff1d(np.arange(len(pages)), held))
        for k in held:
            if len(title_x[k]):
                p = model.predict_proba(title_x[k])[:, 1]
                for (i, _), q in zip(cands[k], p, strict=True):
                    headline_scores[k][i] = float(q)
                best = int(np.argmax(p))
                title_at[k] = cands[k][best][0] if p[best] >= MIN_PROBABILITY else None
    title_cv = np.mean(
        [
            t is not None and blocks[k][t].flat == _norm(golds[k]["title"] or "")
            for k, t in enumerate(title_at)
        ]
    )  # fmt: skip
    print(f"headline: {FOLDS}-fold accuracy on dev pages {title_cv:.4f}")
    title_model = fit_titles(np.arange(len(pages)))
    n_title = title_x[0].shape[1]
    title_data = export(
        title_model, n_title, dev_pages=len(pages), dev_cv_accuracy=round(float(title_cv), 4)
    )
    check(title_data, title_model, np.vstack([x for x in title_x if len(x)]))

    # 2. story blocks
    feats = [
        np.array(block_features(b, t, h))
        for b, t, h in zip(blocks, title_at, headline_scores, strict=True)
    ]
    ys = [np.array(labels(b, g["body"])) for b, g in zip(blocks, golds, strict=True)]

    def fit_blocks(idx: np.ndarray) -> GradientBoostingClassifier:
        return boost(
            np.vstack([feats[k] for k in idx]),
            np.concatenate([ys[k] for k in idx]),
            200,
            np.concatenate([page_weights(len(ys[k])) for k in idx]),
        )

    def page_scores(
        probabilities: list[float], k: int, threshold: float, penalty: float | None
    ) -> tuple[float, float]:
        story = story_blocks(blocks[k], probabilities, threshold, penalty, title_at[k])
        kept = [b.text for i, b in enumerate(blocks[k]) if story[i] and i != title_at[k]]
        o = shingle_scores(golds[k]["body"], "\n\n".join(kept))
        return o.precision, o.recall

    settings = [(t, p) for t in THRESHOLDS for p in PENALTIES]
    scores: dict[tuple[float, float | None], list[tuple[float, float]]] = {s: [] for s in settings}
    for held in groups:
        model = fit_blocks(np.setdiff1d(np.arange(len(pages)), held))
        for k in held:
            probabilities = [float(v) for v in model.predict_proba(feats[k])[:, 1]]
            for threshold, penalty in settings:
                scores[threshold, penalty].append(page_scores(probabilities, k, threshold, penalty))
    best, best_f1 = settings[0], -1.0
    for setting, pairs in scores.items():
        p, r = np.mean([a for a, _ in pairs]), np.mean([b for _, b in pairs])
        f1 = 2 * p * r / (p + r)
        print(f"threshold {setting[0]}, run penalty {setting[1]}: {FOLDS}-fold body F1 {f1:.4f}")
        if f1 > best_f1:
            best, best_f1 = setting, f1
    block_model = fit_blocks(np.arange(len(pages)))
    n_block = feats[0].shape[1]
    block_data = export(
        block_model,
        n_block,
        threshold=best[0],
        region_penalty=best[1],
        dev_pages=len(pages),
        dev_cv_body_f1=round(best_f1, 4),
    )
    check(block_data, block_model, np.vstack(feats))
    for name, data in (("title_model.json", title_data), ("block_model.json", block_data)):
        (RESOURCES / name).write_text(
            json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8"
        )
        print(f"wrote {RESOURCES / name}")


if __name__ == "__main__":
    main()
