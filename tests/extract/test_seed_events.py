"""The seed story's events (issue 6's must-show); skipped without ../shared."""

from __future__ import annotations

from eventwire.records import Document, Event


def _named(document: Document, actor_id: str | None) -> str:
    return next((a.name for a in document.actors if a.id == actor_id), "")


def _find(document: Document, kind: str, source: str, target: str) -> list[Event]:
    return [
        e
        for e in document.events
        if e.type == kind
        and e.factuality == "asserted"
        and source in _named(document, e.source)
        and target in _named(document, e.target)
    ]


def _place(document: Document, event: Event) -> str:
    return document.places[event.place].name if event.place is not None else ""


def test_seed_meetings_and_calls(seed_document: Document) -> None:
    met = _find(seed_document, "CONSULT", "Milley", "Gerasimov")
    assert any(e.date == "2021-09-22" and _place(seed_document, e) == "Helsinki" for e in met)
    assert _find(seed_document, "CONSULT", "Milley", "Li Zuocheng")
    nato = _find(seed_document, "CONSULT", "Milley", "NATO")
    assert any(_place(seed_document, e) == "Greece" for e in nato)


def test_seed_russian_warnings(seed_document: Document) -> None:
    warned = _find(seed_document, "THREATEN", "Russia", "United States")
    assert any(e.date == "2021-07" for e in warned)
    talks = [
        e for e in seed_document.events if e.source and "Russia" in _named(seed_document, e.source)
    ]
    assert any(e.target_text and "Central Asian countries" in e.target_text for e in talks)


def test_seed_bases_closed_to_the_united_states(seed_document: Document) -> None:
    manas = _find(seed_document, "REQUEST", "Kyrgyzstan", "United States")
    assert any(e.date == "2014" for e in manas)
    k2 = [
        e
        for e in seed_document.events
        if "Uzbekistan" in (_named(seed_document, e.source) or e.source_text or "")
        and _named(seed_document, e.target) == "United States"
    ]
    assert k2 and all(e.date == "2005" and e.quad in {3, 4} for e in k2)


def test_seed_strike_and_no_asserted_hypothetical_attacks(seed_document: Document) -> None:
    assert _find(seed_document, "ASSAULT", "United States", "")
    killed = [e for e in seed_document.events if e.trigger.text == "killed" and e.target_text]
    assert any(
        "civilians" in (e.target_text or "") and _named(seed_document, e.source) == "United States"
        for e in killed
    )
    body = seed_document.body
    for phrase in ("would not suddenly launch an attack", "future counterterror strikes"):
        start = body.index(phrase)
        inside = [
            e
            for e in seed_document.events
            if start <= e.trigger.start < start + len(phrase) and e.type == "ASSAULT"
        ]
        assert all(e.factuality != "asserted" for e in inside), inside
