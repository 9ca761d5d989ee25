"""Saved HTML pages to Article.

1. The page is parsed once with the standard library's parser: meta tags (title, author, site,
   date), the <h1>, <figcaption>s (credits split off), and the page furniture (nav, header,
   footer, aside, form) that goes to `removed` with its kind.
2. The story text comes from trafilatura (favouring recall), whose paragraphs then pass the same
   debris recognisers as scraped text: captions, corrections, wire credits, promos.
3. If trafilatura finds no story, the text blocks of the page's <article> (else <main>, else
   <body>) are the story.
4. Title: the <h1>, else og:title, else trafilatura's, else <title>. Date: meta tags, then
   trafilatura's reading of the page, then the input's own date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from eventwire.clean.credits import split_credit
from eventwire.clean.dates import normalize_date
from eventwire.clean.text import join_paragraphs, sort_paragraphs
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


def _parse(html: str) -> _PageParser:
    parser = _PageParser()
    try:
        parser.feed(html)
        parser.close()
    except (AssertionError, ValueError):  # the stdlib parser gives up on some broken markup
        pass
    parser._close_block()
    return parser


def _fallback_paragraphs(parser: _PageParser) -> list[str]:
    """Step 3: story blocks of the page's narrowest story container."""
    container = _story_container(parser.blocks)
    return [
        _text(b.parts)
        for b in parser.blocks
        if not b.caption and not b.debris and (container == "body" or b.container == container)
    ]


def _trafilatura(raw: RawDocument) -> tuple[list[str], str | None, str | None]:
    """Step 2: trafilatura's story paragraphs, title and date (empty when it finds none)."""
    import trafilatura

    found = trafilatura.bare_extraction(
        raw.content,
        url=raw.source.url,
        with_metadata=True,
        include_comments=False,
        favor_recall=True,
    )
    if found is None:
        return [], None, None
    data = found if isinstance(found, dict) else found.as_dict()
    text = data.get("text") or ""
    paragraphs = [" ".join(line.split()) for line in text.split("\n") if line.strip()]
    return paragraphs, data.get("title"), normalize_date(data.get("date"))


def _caption(text: str) -> Caption:
    body, credit = split_credit(text)
    return Caption(text=body if credit else text, credit=credit, label=None)


def clean_html(raw: RawDocument) -> Article:
    """An HTML page to an Article (numbered steps in the module docstring)."""
    parser = _parse(raw.content)  # 1
    captions = [_caption(_text(b.parts)) for b in parser.blocks if b.caption]
    removed = [Removed(kind=b.debris, text=_text(b.parts)) for b in parser.blocks if b.debris]
    paragraphs, found_title, found_date = _trafilatura(raw)  # 2
    if not paragraphs:
        paragraphs = _fallback_paragraphs(parser)  # 3
    meta = parser.meta
    title = (  # 4
        _text(parser.h1_parts) or meta.get("og:title") or found_title or _text(parser.title_parts)
    )
    if paragraphs and title and " ".join(paragraphs[0].split()) == " ".join(title.split()):
        paragraphs = paragraphs[1:]  # the headline is the title, not the story's first paragraph
    in_captions = {c.text for c in captions} | {f"{c.text} {c.credit}" for c in captions}
    page = sort_paragraphs([p for p in paragraphs if p not in in_captions])
    body, spans = join_paragraphs(page.paragraphs)
    stamps = [normalize_date(meta.get(k)) for k in (*_DATE_META, "time:datetime")]
    published = next((d for d in stamps if d), None) or found_date or normalize_date(raw.published)
    return Article(
        source=raw.source,
        body=body,
        paragraphs=spans,
        title=title or None,
        byline=meta.get("author") or meta.get("article:author") or page.byline,
        publisher=meta.get("og:site_name"),
        wire=tuple(page.wire),
        published=published,
        captions=tuple([*captions, *page.captions]),
        corrections=tuple(page.corrections),
        removed=tuple([*removed, *page.removed]),
        given_id=raw.given_id,
    )
