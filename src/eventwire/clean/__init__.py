"""Clean: RawDocument -> Article (the story only, with what left the body kept aside)."""

from __future__ import annotations

from eventwire.clean.html import clean_html
from eventwire.clean.text import clean_text, keep_text
from eventwire.errors import CleanError
from eventwire.records import Article, RawDocument
from eventwire.settings import Settings

__all__ = ["clean", "clean_html", "clean_text", "keep_text"]


def clean(raw: RawDocument, settings: Settings) -> Article:
    """Dispatch on the input's format; `settings.clean=False` keeps the text as the body."""
    if not settings.clean:
        return keep_text(raw)
    article = clean_html(raw) if raw.format == "html" else clean_text(raw)
    if not article.body.strip():
        raise CleanError("no article text found", name=raw.name)
    return article
