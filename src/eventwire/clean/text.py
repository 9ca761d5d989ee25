"""Plain scraped text to Article: whitespace, paragraphs and the title line.

This first version is deliberately minimal and honest: it normalises whitespace, splits paragraphs
on blank lines and recognises a headline line. Page debris (captions, promos, corrections) is left
in the body until the cleaner learns to remove it with evidence.
"""

from __future__ import annotations

import re

from eventwire.clean.dates import normalize_date
from eventwire.records import Article, RawDocument, Span

_BLANK = re.compile(r"\n[ \t\u00a0]*\n")
_SPACES = re.compile(r"[ \t\u00a0\u2009\u200a\u202f]+")
_TERMINAL = (".", "!", "?", ":", ";", ",", '"', "\u201d")
TITLE_MAX_WORDS = 25


def _blocks(text: str) -> list[str]:
    """Blank-line separated blocks, each with its lines joined and its spaces folded."""
    blocks = []
    for block in _BLANK.split(text):
        lines = [_SPACES.sub(" ", line).strip() for line in block.split("\n")]
        joined = " ".join(line for line in lines if line)
        if joined:
            blocks.append(joined)
    return blocks


def _is_title(block: str, rest: list[str]) -> bool:
    """A headline: a short first block without sentence-final punctuation, with story after it."""
    words = block.split()
    return bool(rest) and 2 <= len(words) <= TITLE_MAX_WORDS and not block.endswith(_TERMINAL)


def join_paragraphs(paragraphs: list[str]) -> tuple[str, tuple[Span, ...]]:
    """Paragraph texts to a body joined by blank lines, with each paragraph's [start, end)."""
    spans: list[Span] = []
    position = 0
    for text in paragraphs:
        spans.append((position, position + len(text)))
        position += len(text) + 2
    return "\n\n".join(paragraphs), tuple(spans)


def clean_text(raw: RawDocument) -> Article:
    """Scraped plain text to an Article: title line off, paragraphs normalised."""
    blocks = _blocks(raw.content)
    title = None
    if blocks and _is_title(blocks[0], blocks[1:]):
        title, blocks = blocks[0], blocks[1:]
    body, spans = join_paragraphs(blocks)
    return Article(
        source=raw.source,
        body=body,
        paragraphs=spans,
        title=title,
        published=normalize_date(raw.published),
        given_id=raw.given_id,
    )


def keep_text(raw: RawDocument) -> Article:
    """`--no-clean`: the input is the body, unchanged; paragraphs are its non-blank blocks."""
    spans = tuple(
        (m.start(), m.end())
        for m in re.finditer(r"\S(?:.*?\S)?(?=\n[ \t]*\n|\s*\Z)", raw.content, re.S)
    )
    return Article(
        source=raw.source,
        body=raw.content,
        paragraphs=spans,
        published=normalize_date(raw.published),
        given_id=raw.given_id,
    )
