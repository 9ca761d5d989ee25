from __future__ import annotations

from pathlib import Path

from eventwire.clean import clean_html
from eventwire.records import RawDocument, Source


def test_html_story_meta_captions_and_debris(data_dir: Path) -> None:
    page = (data_dir / "article.html").read_text(encoding="utf-8")
    article = clean_html(RawDocument("p", page, "html", Source(format="html", path="p")))
    assert article.title == "Ghana and Togo agree joint patrols after militant raid"
    assert article.published == "2025-03-04"
    assert article.byline == "Kwame Asante"
    assert "gtag" not in article.body and "font-family" not in article.body
    assert "Related" not in article.body
    assert len(article.paragraphs) >= 3
    assert article.captions and "Getty" not in article.body.split("\n\n")[0]
    assert {r.kind for r in article.removed} >= {"nav", "related"}


def test_html_without_article_uses_body_and_keeps_all_paragraphs() -> None:
    page = "<html><head><title>T</title></head><body><p>One paragraph.</p><div><p>Two.</p></div></body></html>"
    article = clean_html(RawDocument("p", page, "html", Source(format="html")))
    assert article.body == "One paragraph.\n\nTwo."
    assert article.title == "T"


def test_html_broken_markup_does_not_lose_text() -> None:
    page = "<html><body><article><p>Kenya met <b>Somalia<p>They agreed</article>"
    article = clean_html(RawDocument("p", page, "html", Source(format="html")))
    assert "Kenya met Somalia" in article.body and "They agreed" in article.body
