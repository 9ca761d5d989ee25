from __future__ import annotations

from spacy.language import Language

from eventwire.extract.actors import extract_actors
from eventwire.extract.captions import add_caption_actors

BODY = (
    "Kenya's foreign minister, Amina Wekesa, met her Ugandan counterpart in Nairobi on Monday. "
    "Wekesa said the border talks would resume next month."
)
CAPTIONS = (
    "Kenyan Foreign Minister Amina Wekesa, left, greets Ugandan President Daniel Okello, "
    "right, at State House in Nairobi on Monday.",
    "Wekesa speaks to reporters.",
)


def test_captions_join_story_actors_and_add_new_ones(nlp: Language) -> None:
    named, _ = extract_actors(nlp(BODY))
    actors = add_caption_actors(named, [nlp(c) for c in CAPTIONS])
    people = {a.name: a for a in actors if a.kind == "person"}
    wekesa = people["Amina Wekesa"]
    assert len(wekesa.mentions) == 2  # the body's own mentions are unchanged
    assert {number for number, _, _ in wekesa.caption_mentions} == {0, 1}
    okello = people["Daniel Okello"]
    assert okello.mentions == () and okello.country == "UGA" and "GOV" in okello.sectors
    number, start, end = okello.caption_mentions[0]
    assert CAPTIONS[number][start:end] == "Daniel Okello"
    assert "caption" in okello.rules
    # a position in the picture is not a role
    assert all(role not in {"left", "right"} for a in actors for role in a.roles)
