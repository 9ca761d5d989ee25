"""Text blocks of a scraped page, their features, and which of them are the story.

A block is a run of non-blank lines. Each block gets shape features (length, stopword density,
punctuation, title case, digits, debris phrases, credits, repetition, position) and those of
its neighbours, its relation to the headline (after it or not, how much prose lies between,
words shared with it, how headline-like it and the blocks since the headline are) and to the
story's lead (the words it shares with the first prose blocks after the headline); a small
gradient-boosted tree ensemble (clean/trees.py, weights in
resources/block_model.json, trained by tools/train_blocks.py on the dev half of the
article-extraction dataset) gives the chance it belongs to the story.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

from eventwire.clean.credits import split_credit
from eventwire.clean.dedup import word_shingles
from eventwire.clean.trees import TreeEnsemble, load_ensemble
from eventwire.resources import resource_table, resource_words

_BLANK = re.compile(r"\n[ \t\u00a0]*\n")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]?(?:\s|$)")
_TERMINAL = (".", "!", "?", '"', "”", "’", ":", ";", ")")


@dataclass(frozen=True, slots=True)
class Block:
    text: str  # the block as in the page, inner line breaks kept
    start: int
    end: int

    @property
    def flat(self) -> str:
        return " ".join(self.text.split())


def split_blocks(text: str) -> list[Block]:
    """Non-blank blocks of a page with their [start, end) offsets in it."""
    blocks = []
    position = 0
    for piece in _BLANK.split(text):
        start = text.index(piece, position) if piece else position
        position = start + len(piece)
        stripped = piece.strip()
        if stripped:
            lead = piece.index(stripped)
            blocks.append(Block(stripped, start + lead, start + lead + len(stripped)))
    return blocks


@cache
def _debris_phrases() -> tuple[tuple[re.Pattern[str], str], ...]:
    rows = resource_table("boilerplate.tsv")
    return tuple(
        (re.compile(rf"(?<!\w){re.escape(r['pattern'])}(?!\w)", re.I), r["kind"]) for r in rows
    )


def debris_kind(text: str) -> str | None:
    """The kind of the first debris phrase found in a block, else None."""
    return next((kind for pattern, kind in _debris_phrases() if pattern.search(text)), None)


DEBRIS_WORDS = 15  # a debris phrase marks a block shorter than this; in prose it is a word


def is_debris_line(flat: str, words: int | None = None) -> bool:
    """A short block with a debris phrase ("Share", "Read more", "Home"), not prose that uses
    the word ("the Kreamer Funeral Home"). `words`: its word count, when the caller has it."""
    count = len(_WORD.findall(flat)) if words is None else words
    return count < DEBRIS_WORDS and debris_kind(flat) is not None


def _shape(block: Block) -> list[float]:
    flat = block.flat
    words = _WORD.findall(flat)
    n = len(words)
    stop = sum(w.lower() in resource_words("stopwords.txt") for w in words)
    titled = sum(w[:1].isupper() for w in words)
    digits = sum(c.isdigit() for c in flat)
    lines = block.text.count("\n") + 1
    return [
        math.log1p(n),
        stop / n if n else 0.0,
        1.0 if flat.endswith(_TERMINAL) else 0.0,
        math.log1p(len(_SENTENCE_END.findall(flat))),
        titled / n if n else 0.0,
        digits / max(len(flat), 1),
        1.0 if is_debris_line(flat, n) else 0.0,
        1.0 if split_credit(block.text.splitlines()[-1])[1] else 0.0,
        math.log1p(lines),
        sum(len(w) for w in words) / n if n else 0.0,
        1.0 if re.search(r"[|•·»›▸►]", flat) else 0.0,
        1.0 if re.search(r"[\"“”]", flat) else 0.0,
    ]


SHAPE_SIZE = 12
CONTEXT = (1, 2, 3)  # neighbours whose (length, stopword density, terminal) features are added


def _bags(blocks: list[Block]) -> list[Counter[str]]:
    """Content words (over two letters, not stopwords) of each block, lowercased, with counts."""
    stop = resource_words("stopwords.txt")
    return [
        Counter(w.lower() for w in _WORD.findall(b.flat) if len(w) > 2 and w.lower() not in stop)
        for b in blocks
    ]


def _length(bag: Mapping[str, float]) -> float:
    return math.sqrt(sum(v * v for v in bag.values()))


def _cosines(bags: list[Counter[str]], other: Mapping[str, float]) -> list[float]:
    """The cosine of each bag with `other` (0 when either is empty)."""
    length = _length(other)
    out = []
    for bag in bags:
        norm = _length(bag) * length
        out.append(sum(c * other.get(w, 0) for w, c in bag.items()) / norm if norm else 0.0)
    return out


def _topic_similarity(bags: list[Counter[str]], prose: list[float]) -> list[float]:
    """Cosine of each block's content words with the prose-weighted centroid of the page.

    Story paragraphs share a topic; teasers for other stories and comments drift from it.
    """
    centroid: dict[str, float] = {}
    for bag, weight in zip(bags, prose, strict=True):
        norm = _length(bag) or 1.0
        for word, count in bag.items():
            centroid[word] = centroid.get(word, 0.0) + weight * count / norm
    return _cosines(bags, centroid)


# The story's lead: the first LEAD_BLOCKS prose blocks after the headline, a prose block having
# LEAD_WORDS words or more, a stopword share of LEAD_STOP or more and an end stop.
LEAD_BLOCKS = 5
LEAD_WORDS = 20
LEAD_STOP = 0.3


def _lead_similarity(
    bags: list[Counter[str]], shapes: list[list[float]], title_at: int | None
) -> list[float]:
    """Cosine of each block's content words with the story's lead (the first LEAD_BLOCKS prose
    blocks after the headline). A page that scrolls on into the next story, or appends teasers,
    shares the page's words but not the lead's names and subject."""
    lead: Counter[str] = Counter()
    found = 0
    for i in range(0 if title_at is None else title_at + 1, len(bags)):
        length, stop, terminal = shapes[i][:3]
        if length >= math.log1p(LEAD_WORDS) and stop >= LEAD_STOP and terminal:
            lead.update(bags[i])
            found += 1
            if found == LEAD_BLOCKS:
                break
    return _cosines(bags, lead)


_END_KINDS = {"related", "footer", "share"}


def block_features(
    blocks: list[Block], title_at: int | None = None, headline_scores: list[float] | None = None
) -> list[list[float]]:
    """One feature vector per block: its shape, page-level cues, and its neighbours' shapes.

    `title_at` is the headline's index when known: the story follows it. `headline_scores` are
    the headline model's scores of every block (clean/title.title_scores): a block that reads
    like another headline after the chosen one often starts a teaser or a different story.
    """
    scores = headline_scores or [0.0] * len(blocks)
    rival = 0.0  # best headline score between the headline and this block
    shapes = [_shape(b) for b in blocks]
    counts = Counter(b.flat for b in blocks)
    total = len(blocks)
    longest = max(range(total), key=lambda i: shapes[i][0] * shapes[i][1]) if blocks else 0
    prose = [s[0] * s[1] * s[2] for s in shapes]
    mass = sum(prose) or 1.0
    counted = _bags(blocks)
    topic = _topic_similarity(counted, prose)
    lead = _lead_similarity(counted, shapes, title_at)
    bags = [set(bag) for bag in counted]
    headline = bags[title_at] if title_at is not None else set()
    since_title = 0.0  # prose between the headline and this block
    rows = []
    before = 0.0
    ends = 0  # short related/share/footer blocks seen so far: the story rarely resumes after many
    for i, shape in enumerate(shapes):
        window = prose[max(0, i - 3) : i + 4]
        row = [
            *shape,
            i / max(total - 1, 1),
            1.0 if counts[blocks[i].flat] > 1 else 0.0,
            max(-1.0, min(1.0, (i - longest) / 20)),
            abs(max(-1.0, min(1.0, (i - longest) / 20))),
            sum(window) / len(window),
            before / mass,
            topic[i],
            sum(topic[max(0, i - 2) : i + 3]) / len(topic[max(0, i - 2) : i + 3]),
            math.log1p(ends),
            -1.0 if title_at is None else (1.0 if i > title_at else 0.0),
            math.log1p(i - title_at) if title_at is not None and i > title_at else 0.0,
            since_title / mass,
            len(bags[i] & headline) / len(headline) if headline else 0.0,
            len(bags[i] & headline) / len(bags[i]) if headline and bags[i] else 0.0,
            scores[i],
            scores[i - 1] if i else 0.0,
            rival,
            scores[title_at] if title_at is not None else 0.0,
            lead[i],
            sum(lead[max(0, i - 2) : i + 3]) / len(lead[max(0, i - 2) : i + 3]),
        ]
        if title_at is None or i > title_at:
            rival = max(rival, scores[i])
        before += prose[i]
        if title_at is not None and i > title_at:
            since_title += prose[i]
        if (
            shape[6]
            and debris_kind(blocks[i].flat) in _END_KINDS
            and (title_at is None or i > title_at)
        ):
            ends += 1
        for offset in CONTEXT:
            for j in (i - offset, i + offset):
                near = shapes[j] if 0 <= j < total else [0.0] * SHAPE_SIZE
                row += [near[0], near[1], near[2]]
        rows.append(row)
    return rows


FALLBACK_WORDS = 40  # a page whose confident story is shorter than this is read again, relatively
FALLBACK_FRACTION = 0.3  # ... keeping blocks within this fraction of the page's best probability
FALLBACK_BLOCKS = 20  # ... if it is a whole page: a short text is all story (clean/text.py)


def story_blocks(
    blocks: list[Block],
    probabilities: list[float],
    threshold: float,
    region_penalty: float | None = None,
    title_at: int | None = None,
) -> list[bool]:
    """Which blocks are the story, from the block model's probabilities.

    1. A block is story when its probability reaches the threshold. When those blocks (the
       headline aside) hold fewer than FALLBACK_WORDS words, the page is one the model is unsure
       of everywhere (an unfamiliar layout, a cookie wall first): if it has FALLBACK_BLOCKS
       blocks or more, the threshold drops to FALLBACK_FRACTION of its best probability. (A
       shorter text, a brief or two paragraphs, has no debris to tell from: clean/text.py keeps
       it whole when no block is confident.)
    2. With a `region_penalty`, the story is one run of blocks: each block scores
       (probability - threshold) x log(1 + words), scores under zero damped by the penalty, and
       only the story blocks inside the best-scoring run are kept. A live blog's later entries,
       a teaser far below the story, a cookie notice above it fall outside the run.
    3. Once TRAILER_MASS of the story's words are read, a story block holding a trailer phrase
       (resources/trailers.tsv: a sign-up prompt, a copyright line, an author's contact line)
       leaves the story: pages append these after the story, and the block model, which weighs
       single words, keeps long ones.
    4. A story block that repeats earlier story blocks (REPEAT_SHARE of its word 4-grams) leaves
       it: the same paragraph twice is a teaser or a summary box, not the story told twice.
    5. An embedded social-media post (resources/embeds.tsv: its attribution line "— Name
       (@handle) Date", and the block of up to EMBED_WORDS words before an attribution that
       stands alone) leaves it: the page quotes the post, its text is not the story's.
    The constants of steps 1, 3 and 4 and the penalty were chosen by cross-validated body F1 on
    the dev half.
    """
    words = [len(b.flat.split()) for b in blocks]
    confident = sum(
        w for i, w in enumerate(words) if probabilities[i] >= threshold and i != title_at
    )
    if confident < FALLBACK_WORDS and len(blocks) >= FALLBACK_BLOCKS:
        threshold = min(threshold, FALLBACK_FRACTION * max(probabilities))
    story = [p >= threshold for p in probabilities]
    if region_penalty is None:
        return _trimmed(blocks, words, story, title_at)
    best, run, start, region = -math.inf, 0.0, 0, (0, -1)
    for i, p in enumerate(probabilities):
        score = (p - threshold) * math.log1p(words[i])
        score *= 1.0 if score >= 0 else region_penalty
        if run <= 0:
            run, start = score, i
        else:
            run += score
        if run > best:
            best, region = run, (start, i)
    in_run = [s and region[0] <= i <= region[1] for i, s in enumerate(story)]
    return _trimmed(blocks, words, in_run, title_at)


EMBED_WORDS = 60  # an attribution alone in its block takes the block before, if no longer


@cache
def _embed_lines() -> tuple[tuple[re.Pattern[str], str], ...]:
    rows = resource_table("embeds.tsv")
    return tuple((re.compile(rf"^(?:{r['pattern']})\s*$", re.I), r["part"]) for r in rows)


def embedded_posts(blocks: list[Block], words: list[int]) -> set[int]:
    """Indices of the blocks that are social-media posts embedded in the page (step 5 of
    story_blocks). `words`: each block's word count."""
    found: set[int] = set()
    for i, block in enumerate(blocks):
        lines = block.text.splitlines()
        for pattern, part in _embed_lines():
            if part == "marker" and pattern.match(lines[0].strip()):
                found.add(i)
            elif part == "attribution" and pattern.match(lines[-1].strip()):
                found.add(i)
                if len(lines) == 1 and i and words[i - 1] <= EMBED_WORDS:
                    found.add(i - 1)
    return found


TRAILER_MASS = 0.3  # a trailer phrase ends story blocks only after this share of the story's words
REPEAT_SHARE = 0.8  # a story block whose word 4-grams are this much in earlier story blocks ...
REPEAT_MIN = 8  # ... and that has at least this many, repeats the story (a teaser, a summary box)


@cache
def _trailers() -> tuple[tuple[re.Pattern[str], str], ...]:
    rows = resource_table("trailers.tsv")
    return tuple((re.compile(rf"(?<!\w){r['pattern']}(?!\w)", re.I), r["kind"]) for r in rows)


def trailer_kind(text: str) -> str | None:
    """The kind of the first trailer phrase (resources/trailers.tsv) in a block, else None."""
    return next((kind for pattern, kind in _trailers() if pattern.search(text)), None)


def _trimmed(
    blocks: list[Block], words: list[int], story: list[bool], title_at: int | None
) -> list[bool]:
    """Steps 3 to 5 of story_blocks: trailers, repeats and embedded posts leave the story.
    `words`: each block's word count, as story_blocks has it."""
    kept = [i for i, s in enumerate(story) if s and i != title_at]
    total = sum(words[i] for i in kept)
    out = list(story)
    read = 0
    seen: set[bytes] = set()
    for i in kept:
        flat = blocks[i].flat
        if read >= TRAILER_MASS * total and trailer_kind(flat):
            out[i] = False
        else:
            grams = word_shingles(flat, 4)
            if len(grams) >= REPEAT_MIN and len(grams & seen) >= REPEAT_SHARE * len(grams):
                out[i] = False
            seen |= grams
        read += words[i]
    for i in embedded_posts(blocks, words):  # step 5
        out[i] = False
    return out


def block_model() -> TreeEnsemble:
    return load_ensemble("block_model.json")
