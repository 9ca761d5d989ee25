"""Saved HTML pages to Article with the standard library's HTML parser.

First version: the story is the text blocks (p, h2-h6, li, blockquote) of the page's <article>
(else <main>, else <body>); navigation, headers, footers, asides and forms go to `removed` with
their kind; <figcaption>s go to `captions`; title, author, site and date come from meta tags.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from eventwire.clean.dates import normalize_date
from eventwire.clean.text import join_paragraphs
from eventwire.records import Article, Caption, RawDocument, Removed

_BLOCKS = {"p", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "dd"}
_SKIP = {"script", "style", "noscript", "template", "svg", "iframe", "button", "select"}
_DEBRIS = {"nav": "nav", "header": "nav", "footer": "footer", "aside": "related", "form": "share"}
_VOID = {"br", "img", "hr", "meta", "link", "input", "source", "wbr", "area", "base", "col"}
_SPACES = re.compile(r"\s+")
_DATE_META = (
    "article:published_time",
    "datepublished",
    "pubdate",
    "date",
    "dc.date",
    "og:published_time",
)


@dataclass
class _Block:
    tag: str
    container: str  # article | main | body
    debris: str | None
    caption: bool
    parts: list[str] = field(default_factory=list)


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.meta: dict[str, str] = {}
        self.title_parts: list[str] = []
        self.h1_parts: list[str] = []
        self.blocks: list[_Block] = []
        self.current: _Block | None = None

    def _inside(self, names: set[str] | dict[str, str]) -> str | None:
        return next((tag for tag in reversed(self.stack) if tag in names), None)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "meta":
            values = dict(attrs)
            key = (
                values.get("property") or values.get("name") or values.get("itemprop") or ""
            ).lower()
            if key and values.get("content"):
                self.meta.setdefault(key, values["content"] or "")
            return
        if tag == "time" and "time:datetime" not in self.meta:
            stamp = dict(attrs).get("datetime")
            if stamp:
                self.meta["time:datetime"] = stamp
        if tag in _VOID:
            if tag == "br" and self.current:
                self.current.parts.append("\n")
            return
        self.stack.append(tag)
        if tag in _BLOCKS or tag == "figcaption":
            self._close_block()
            container = self._inside({"article", "main"}) or "body"
            debris = self._inside(_DEBRIS)
            self.current = _Block(tag, container, _DEBRIS.get(debris or ""), tag == "figcaption")

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID or tag not in self.stack:
            return
        while self.stack:
            if self.stack.pop() == tag:
                break
        if tag in _BLOCKS or tag == "figcaption":
            self._close_block()

    def handle_data(self, data: str) -> None:
        if self._inside(_SKIP):
            return
        if "title" in self.stack and "svg" not in self.stack and not self._inside({"body"}):
            self.title_parts.append(data)
        elif "h1" in self.stack:
            self.h1_parts.append(data)
        elif self.current is not None:
            self.current.parts.append(data)

    def _close_block(self) -> None:
        if self.current is not None and _SPACES.sub(" ", "".join(self.current.parts)).strip():
            self.blocks.append(self.current)
        self.current = None


def _text(parts: list[str]) -> str:
    return _SPACES.sub(" ", "".join(parts)).strip()


def _story_container(blocks: list[_Block]) -> str:
    """The narrowest container that holds story paragraphs: article, then main, then body."""
    for container in ("article", "main"):
        if any(b.container == container and b.tag == "p" and not b.debris for b in blocks):
            return container
    return "body"


def clean_html(raw: RawDocument) -> Article:
    """An HTML page to an Article: story blocks in the body, debris and captions kept aside."""
    parser = _PageParser()
    parser.feed(raw.content)
    parser.close()
    parser._close_block()
    container = _story_container(parser.blocks)
    paragraphs: list[str] = []
    captions: list[Caption] = []
    removed: list[Removed] = []
    for block in parser.blocks:
        text = _text(block.parts)
        if block.caption:
            captions.append(Caption(text=text, credit=None, label=None))
        elif block.debris or (container != "body" and block.container != container):
            removed.append(Removed(kind=block.debris or "other", text=text))
        else:
            paragraphs.append(text)
    body, spans = join_paragraphs(paragraphs)
    meta = parser.meta
    title = _text(parser.h1_parts) or meta.get("og:title") or _text(parser.title_parts) or None
    published = next(
        (normalize_date(meta[k]) for k in _DATE_META if normalize_date(meta.get(k))), None
    )
    return Article(
        source=raw.source,
        body=body,
        paragraphs=spans,
        title=title,
        byline=meta.get("author") or meta.get("article:author"),
        publisher=meta.get("og:site_name"),
        published=published
        or normalize_date(meta.get("time:datetime"))
        or normalize_date(raw.published),
        captions=tuple(captions),
        removed=tuple(removed),
        given_id=raw.given_id,
    )
