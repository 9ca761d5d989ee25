"""The seed's cleaning must-shows: story whole, debris aside, date inferred."""

from __future__ import annotations

from pathlib import Path

from eventwire.clean import clean_text
from eventwire.records import RawDocument, Source


def test_seed_clean_story_and_debris(seed_path: Path) -> None:
    text = seed_path.read_text(encoding="utf-8")
    article = clean_text(RawDocument("seed", text, "text", Source(format="text")))
    assert article.title == text.split("\n", 1)[0].strip()
    paragraphs = [article.body[s:e] for s, e in article.paragraphs]
    assert paragraphs[0].startswith("General Mark Milley, Chairman")
    assert paragraphs[-1].startswith("Future strikes on insurgents")
    assert len(paragraphs) == 18
    for debris in (
        "Getty Images",
        "Editor's pick",
        "Correction",
        "see below",
        "Newsweek",
        "via AP",
    ):
        assert debris not in article.body
    assert [c.credit for c in article.captions] == [
        "Saul Loeb/AFP via Getty Images",
        "Sergei Savostyanov, Sputnik/Kremlin Pool Photo via AP",
    ]
    assert [c.date for c in article.corrections] == ["2021-09-28"]
    assert article.wire == ("Associated Press",)
    assert article.published_inferred and "2021-09-22" <= (article.published or "") <= "2021-09-28"
    kinds = {r.kind for r in article.removed}
    assert "promo" in kinds
    # nothing silently dropped: every non-blank line of the page is somewhere in the record
    kept = " ".join([article.body, article.title or "", *(c.text + " " + (c.credit or "") + " " + (c.label or "") for c in article.captions),
                     *(c.text for c in article.corrections), *(r.text for r in article.removed)])  # fmt: skip
    for line in text.splitlines():
        words = " ".join(line.split())
        if words:
            assert " ".join(words.split()[:4]) in " ".join(kept.split()), words
