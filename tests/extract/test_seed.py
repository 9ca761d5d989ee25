"""The seed story end to end: every SPEC field present, the main actors and events found."""

from __future__ import annotations

from eventwire.records import Document


def test_seed_document_has_every_spec_field(seed_document: Document) -> None:
    from tests.test_api import SPEC_KEYS

    assert list(seed_document.to_dict())[: len(SPEC_KEYS)] == SPEC_KEYS
    assert seed_document.entities and seed_document.times and seed_document.places
    assert seed_document.quotes and seed_document.events


def test_seed_document_has_the_story_and_its_actors(seed_document: Document) -> None:
    doc = seed_document
    assert doc.title and doc.title.startswith("Mark Milley Meets With Russian General")
    names = {a.name: a for a in doc.actors}
    milley = names["Mark Milley"]
    assert milley.kind == "person" and len(milley.mentions) >= 8  # by name; pronouns: issue 4
    assert {"Valery Gerasimov", "Li Zuocheng", "Sergei Ryabkov"} <= set(names)
    assert names["Russia"].country == "RUS"
    assert not any("/" in a.name for a in doc.actors)


def test_seed_meeting_is_coded(seed_document: Document) -> None:
    names = {a.id: a.name for a in seed_document.actors}
    consults = {
        (names.get(e.source or ""), names.get(e.target or ""))
        for e in seed_document.events
        if e.type == "CONSULT"
    }
    assert ("Mark Milley", "Valery Gerasimov") in consults


def test_seed_hypothetical_attack_is_not_asserted(seed_document: Document) -> None:
    for event in seed_document.events:
        if (
            event.type == "ASSAULT"
            and "launch" in seed_document.body[event.sentence[0] : event.sentence[1]]
        ):
            assert event.factuality != "asserted"
