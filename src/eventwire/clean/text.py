"""Plain scraped text to Article: the story kept whole, the page's debris set aside with its kind.

1. Split the page into blocks (runs of non-blank lines).
2. Find the headline (clean/title.py): a short block with navigation above it, a byline or date
   below it and story prose after it. Blocks above it are usually page furniture, but the model
   decides: a wrong headline (a teaser after the story) must not cost the story.
3. Score every block with the block model (clean/blocks.py); the story is the confident blocks
   in the page's best-scoring run of blocks (clean/blocks.story_blocks).
4. Walk the blocks: corrections, wire credits, captions (with credits), bylines and publication
   stamps are recognised by their shape wherever they are; other blocks are story when the model
   says so, and debris (`removed`, with a kind) when it does not.
5. A dateline opening the story ("HELSINKI (AP) —") credits its agency.
6. The publication date: the input's own, else a stamp on the page, else inferred from the
   story's evidence (clean/dates.py) and marked `published_inferred`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from eventwire.clean import debris
from eventwire.clean.blocks import (
    Block,
    block_features,
    block_model,
    debris_kind,
    is_debris_line,
    split_blocks,
    story_blocks,
    trailer_kind,
)
from eventwire.clean.dates import infer_published, normalize_date
from eventwire.clean.title import find_title, title_scores
from eventwire.records import Article, Caption, Correction, RawDocument, Removed, Span

_SPACES = re.compile(r"[ \t\u00a0\u2009\u200a\u202f]+")
_HEADLINE_END = (".", ",", ";", ":")
NEAR_TOP = 8  # blocks after the headline where bylines and stamps are looked for


@dataclass
class _Page:
    paragraphs: list[str] = field(default_factory=list)
    captions: list[Caption] = field(default_factory=list)
    corrections: list[Correction] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)
    wire: list[str] = field(default_factory=list)
    byline: str | None = None
    stamp: str | None = None

    def credit(self, agencies: list[str]) -> None:
        self.wire += [a for a in agencies if a not in self.wire]


def _flat(text: str) -> str:
    return " ".join(_SPACES.sub(" ", line).strip() for line in text.split("\n") if line.strip())


def _place(page: _Page, block: Block, story: bool, near_top: bool) -> None:
    """Step 4 for one block: what it is, and where it goes."""
    text = block.text
    if (found := debris.correction(text)) is not None:
        page.corrections.append(found)
    elif (agencies := debris.wire_credit(text)) is not None:
        page.credit(agencies)
        page.removed.append(Removed("other", _flat(text)))
    elif (cap := debris.caption(text)) is not None and not (story and len(block.flat.split()) > 60):
        page.captions.append(cap)
    elif near_top and page.byline is None and (names := debris.byline(text)):
        page.byline = names
    elif near_top and page.stamp is None and (stamp := debris.publication_stamp(text)):
        page.stamp = stamp
        page.removed.append(Removed("other", _flat(text)))
    elif story:
        page.paragraphs.append(_flat(text))
    else:
        kind = trailer_kind(block.flat) or debris_kind(block.flat) or "other"
        page.removed.append(Removed(kind, _flat(text)))


def _walk(blocks: list[Block], title_at: int | None, story: list[bool]) -> _Page:
    page = _Page()
    for i, block in enumerate(blocks):
        if i == title_at:
            continue
        if title_at is not None and i < title_at and not story[i]:
            page.removed.append(Removed(debris_kind(block.flat) or "nav", _flat(block.text)))
            continue
        near_top = not page.paragraphs and (title_at is None or i - title_at <= NEAR_TOP)
        _place(page, block, story[i], near_top)
    return page


def sort_paragraphs(paragraphs: list[str]) -> _Page:
    """Story paragraphs from an extractor, with captions, corrections and wire credits set aside."""
    blocks = [Block(text, 0, len(text)) for text in paragraphs]
    page = _walk(blocks, None, [True] * len(blocks))
    if page.paragraphs and (line := debris.dateline(page.paragraphs[0])) and line.agency:
        page.credit(debris.agencies_in(line.agency) or [line.agency])
    return page


def join_paragraphs(paragraphs: list[str]) -> tuple[str, tuple[Span, ...]]:
    """Paragraph texts to a body joined by blank lines, with each paragraph's [start, end)."""
    spans: list[Span] = []
    position = 0
    for text in paragraphs:
        spans.append((position, position + len(text)))
        position += len(text) + 2
    return "\n\n".join(paragraphs), tuple(spans)


def clean_text(raw: RawDocument) -> Article:
    """Scraped plain text to an Article (numbered steps in the module docstring)."""
    blocks = split_blocks(raw.content)  # 1
    headline_scores = title_scores(blocks)
    title_at = find_title(blocks, headline_scores)  # 2
    model = block_model()
    probabilities = model.probabilities(block_features(blocks, title_at, headline_scores))  # 3
    story = story_blocks(blocks, probabilities, model.threshold, model.region_penalty, title_at)
    page = _walk(blocks, title_at, story)  # 4
    if not page.paragraphs:
        # a short text the model finds no story in (one sentence, a wire brief) is all story,
        # but for what is recognised as debris by its shape
        page = _walk(blocks, title_at, [not is_debris_line(b.flat) for b in blocks])
    if page.paragraphs and (line := debris.dateline(page.paragraphs[0])) and line.agency:  # 5
        page.credit(debris.agencies_in(line.agency) or [line.agency])
    body, spans = join_paragraphs(page.paragraphs)
    published = normalize_date(raw.published) or page.stamp  # 6
    inferred = None
    if published is None:
        inferred = infer_published(
            body, [c.text for c in page.captions], [c.date for c in page.corrections]
        )
    return Article(
        source=raw.source,
        body=body,
        paragraphs=spans,
        title=_flat(blocks[title_at].text) if title_at is not None else None,
        byline=page.byline,
        wire=tuple(page.wire),
        published=published or inferred,
        published_inferred=inferred is not None,
        captions=tuple(page.captions),
        corrections=tuple(page.corrections),
        removed=tuple(page.removed),
        given_id=raw.given_id,
    )


def keep_text(raw: RawDocument) -> Article:
    """`--no-clean`: the input is the body, unchanged; paragraphs are its non-blank blocks."""
    spans = tuple((b.start, b.end) for b in split_blocks(raw.content))
    return Article(
        source=raw.source,
        body=raw.content,
        paragraphs=spans,
        published=normalize_date(raw.published),
        given_id=raw.given_id,
    )
