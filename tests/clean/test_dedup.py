from __future__ import annotations

from pathlib import Path

from eventwire.clean.dedup import DuplicateIndex, signature
from eventwire.demo import demo_sources


def _copy_of(text: str) -> str:
    """A wire copy as another outlet runs it: a word changed, the last two paragraphs cut."""
    paragraphs = text.replace("Tuesday", "Tuesday evening").split("\n\n")
    return "\n\n".join(paragraphs[:-2])


def test_dedup_links_a_trimmed_copy_and_not_other_stories() -> None:
    stories = [raw.content for raw in demo_sources()]
    index = DuplicateIndex()
    for number, text in enumerate(stories):
        assert index.match(str(number), signature(text)) is None
        index.add(str(number), signature(text))
    found = index.match("copy", signature(_copy_of(stories[0])))
    assert found is not None and found[0] == "0" and found[1] >= 0.8


def test_dedup_signatures_are_stable_across_runs() -> None:
    text = "Kenya and Somalia signed a border pact on Tuesday after talks in Nairobi."
    assert signature(text) == signature(text) and len(signature(text)) == 128


def test_dedup_a_document_never_matches_itself(tmp_path: Path) -> None:
    index = DuplicateIndex()
    body = demo_sources()[1].content
    index.add("a", signature(body))
    assert index.match("a", signature(body)) is None
    assert index.match("b", signature(body)) == ("a", 1.0)
