from __future__ import annotations

from spacy.language import Language

from eventwire.clean import clean_text
from eventwire.extract import extract_document
from eventwire.extract.events import code_dyad
from eventwire.records import Document, RawDocument, Source


def _document(nlp: Language, text: str, published: str = "2025-03-05") -> Document:
    article = clean_text(RawDocument("t", text, "text", Source(format="text"), published=published))
    return extract_document(nlp(article.body), article)


def _summary(doc: Document) -> set[tuple[str, str | None, str | None, str]]:
    names = {a.id: a.name for a in doc.actors}
    return {
        (e.type, names.get(e.source or ""), names.get(e.target or ""), e.factuality)
        for e in doc.events
    }


def test_events_meeting_with_source_target_date_and_place(nlp: Language) -> None:
    doc = _document(
        nlp,
        "Kenya's foreign minister Grace Otieno met Somali President Ali Hassan in Nairobi on Tuesday.",
    )
    consult = [e for e in doc.events if e.type == "CONSULT"]
    assert consult, _summary(doc)
    event = consult[0]
    assert event.date == "2025-03-04" and event.evidence.date_from == "sentence"
    assert event.place is not None and doc.places[event.place].name == "Nairobi"
    assert event.quad == 1 and event.factuality == "asserted"
    assert doc.body[event.trigger.start : event.trigger.end] == event.trigger.text


def test_events_negated_and_hypothetical_are_not_asserted(nlp: Language) -> None:
    doc = _document(
        nlp,
        "Cambodia would not launch an attack on Thailand. The European Union could sanction Russia.",
    )
    facts = {e.type: e.factuality for e in doc.events}
    assert facts.get("ASSAULT") in {"negated", None}
    assert facts.get("SANCTION") in {"hypothetical", None}
    assert not any(
        e.factuality == "asserted" and e.type in {"ASSAULT", "SANCTION"} for e in doc.events
    )


def test_events_future_scheduled(nlp: Language) -> None:
    doc = _document(nlp, "India and China are scheduled to meet in Beijing next week.")
    assert all(e.factuality == "future" for e in doc.events if e.type == "CONSULT")


def test_events_passive_voice_swaps_roles(nlp: Language) -> None:
    doc = _document(nlp, "Ukraine was attacked by Russia on Monday.")
    assert ("ASSAULT", "Russia", "Ukraine", "asserted") in _summary(doc)


def test_events_dyad_follows_the_path_between_marked_actors(nlp: Language) -> None:
    doc = nlp("Russia accused Ukraine of shelling the plant, then met French officials.")
    russia, ukraine = (0, 6), (doc.text.index("Ukraine"), doc.text.index("Ukraine") + 7)
    assert code_dyad(doc, russia, ukraine).type == "ACCUSE"
    french = (doc.text.index("French officials"), doc.text.index("French officials") + 16)
    assert code_dyad(doc, russia, french).type == "CONSULT"
