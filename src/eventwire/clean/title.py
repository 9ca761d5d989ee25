"""Finding a scraped page's headline among its blocks.

A headline is a short one-line block with no closing full stop, and what surrounds it gives it
away: navigation above it (short blocks, little prose), a standfirst, byline or date just below
it, and story prose after it that shares its words. Pages put a share bar, gallery and menus
between headline and story, so the page's prose as a whole counts too: how many of the
candidate's words recur in it, whether the headline is echoed in another block ("Share this
story: <headline>"), and how far the next prose block is. Each candidate block gets those cues as
features; a small tree ensemble (resources/title_model.json, trained by tools/train_blocks.py on
the dev half of the article-extraction dataset) scores them and the best-scoring candidate wins,
if its score is high enough.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections import Counter
from itertools import accumulate

from eventwire.clean.blocks import _WORD, Block, debris_kind
from eventwire.clean.trees import load_ensemble
from eventwire.resources import resource_words

MAX_WORDS = 40
LOOK_AHEAD = 12  # blocks after a candidate whose words it should share
MIN_PROBABILITY = 0.1  # below this the page is taken to have no recognisable headline

_DATE_SHAPE = re.compile(
    r"(?i)\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b"
    r"|\b\d{1,2}/\d{1,2}/\d{2,4}\b|\b(?:19|20)\d\d\b|\b\d+\s+(?:hours?|minutes?|days?)\s+ago\b"
)
_FURNITURE = re.compile(
    r"(?i)^(?:by|photo|credit|posted|published|updated|share|advertisement|read|sign|subscribe)\b"
)


def content_words(text: str) -> set[str]:
    stop = resource_words("stopwords.txt")
    return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if len(w) > 2 and w not in stop}


def prose_words(block: Block) -> float:
    """Word count of a block that reads as prose (a long block ending a sentence), else 0."""
    words = block.flat.split()
    ends = block.flat.endswith((".", '"', "”", "?", "!"))
    return float(len(words)) if ends and len(words) > 12 else 0.0


def title_candidates(blocks: list[Block]) -> list[tuple[int, list[float]]]:
    """(block index, features) for every block that could be the headline."""
    prose = [prose_words(b) for b in blocks]
    total = sum(prose) or 1.0
    flats = [b.flat for b in blocks]
    counts = Counter(flats)
    last = max(len(blocks) - 1, 1)
    page = "\n".join(f.lower() for f in flats)
    starts = list(accumulate((len(f) + 1 for f in flats[:-1]), initial=0))
    in_prose: Counter[str] = Counter()  # in how many prose blocks each content word occurs
    prose_blocks = [i for i, count in enumerate(prose) if count]
    for j in prose_blocks:
        in_prose.update(content_words(flats[j]))
    out = []
    before = 0.0
    for i, block in enumerate(blocks):
        flat = flats[i]
        n = len(flat.split())
        if 1 <= n <= MAX_WORDS and "\n" not in block.text:
            own = content_words(flat)
            after = content_words(" ".join(flats[i + 1 : i + LOOK_AHEAD]))
            below, above = flats[i + 1 : i + 5], flats[max(0, i - 5) : i]
            words = _WORD.findall(flat)
            after_at = bisect_right(prose_blocks, i)
            next_prose = prose_blocks[after_at] if after_at < len(prose_blocks) else len(blocks)
            out.append(
                (
                    i,
                    [
                        math.log1p(n),
                        1.0 if n < 3 else 0.0,
                        1.0 if flat.endswith((".", ",", ";", ":")) else 0.0,
                        1.0 if flat.endswith("?") else 0.0,
                        sum(w[:1].isupper() for w in words) / len(words) if words else 0.0,
                        len(own & after) / len(own) if own else 0.0,
                        sum(prose[i + 1 : i + 15]) / total,
                        before / total,
                        1.0 if i == 0 else 0.0,
                        math.log1p(i),
                        i / last,
                        1.0
                        if any(_DATE_SHAPE.search(b) and len(b.split()) < 15 for b in below)
                        else 0.0,
                        1.0 if any(re.match(r"(?i)^by\b", b) for b in below) else 0.0,
                        sum(len(b.split()) < 4 for b in above) / max(len(above), 1),
                        1.0 if debris_kind(flat) else 0.0,
                        1.0 if re.search(r"[|>»›•]", flat) else 0.0,
                        1.0 if counts[flat] > 1 else 0.0,
                        1.0
                        if any(flat in f and f != flat for f in flats[max(0, i - 3) : i + 3])
                        else 0.0,
                        1.0 if _FURNITURE.match(flat) else 0.0,
                        sum(c.isdigit() for c in flat) / max(len(flat), 1),
                        1.0 if next_prose - i <= 6 else 0.0,
                        sum(len(w) for w in words) / len(words) if words else 0.0,
                        1.0 if flat.isupper() else 0.0,
                        sum(1 for w in own if in_prose[w]) / len(own) if own else 0.0,
                        sum(in_prose[w] for w in own) / (len(own) * max(len(prose_blocks), 1))
                        if own
                        else 0.0,
                        1.0 if n >= 3 and _echoed(page, starts, flat.lower(), i) else 0.0,
                        math.log1p(next_prose - i),
                        sum(prose[i + 1 : i + 40]) / total,
                    ],
                )
            )
        before += prose[i]
    return out


ECHO_GAP = 3  # a block repeating the candidate further away than this echoes it


def _echoed(page: str, starts: list[int], text: str, i: int) -> bool:
    """Whether block i's `text` recurs inside a block more than ECHO_GAP blocks away.

    `page` is the lowercased blocks joined by newlines, `starts` where each begins in it.
    """
    at = page.find(text)
    while at >= 0:
        if abs(bisect_right(starts, at) - 1 - i) > ECHO_GAP:
            return True
        at = page.find(text, at + 1)
    return False


def _headline_shaped(block: Block) -> bool:
    words = block.flat.split()
    return 2 <= len(words) <= 30 and "\n" not in block.text and not block.flat.endswith(".")


def title_scores(blocks: list[Block]) -> list[float]:
    """The headline model's probability for every block (0 for blocks that cannot be one)."""
    scores = [0.0] * len(blocks)
    model = load_ensemble("title_model.json")
    for i, row in title_candidates(blocks):
        scores[i] = model.probability(row)
    return scores


def find_title(blocks: list[Block], scores: list[float] | None = None) -> int | None:
    """Index of the headline block, or None when no candidate is likely enough.

    `scores` are title_scores(blocks) when the caller has them. A page too short for the
    model's cues (a brief, a pasted story) still has its headline when it opens with a
    headline-shaped line followed by more text.
    """
    scores = title_scores(blocks) if scores is None else scores
    best = max(range(len(scores)), key=lambda i: (scores[i], -i), default=None)  # ties: earlier
    if best is not None and scores[best] >= MIN_PROBABILITY:
        return best
    if len(blocks) > 1 and _headline_shaped(blocks[0]) and not _FURNITURE.match(blocks[0].flat):
        return 0
    return None
