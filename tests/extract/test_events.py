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
    assert event.date == "2025-03-04" and event.evidence.date_from == "clause"
    assert event.place is not None and doc.places[event.place].name == "Nairobi"
    assert event.evidence.place_from == "clause"
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


def _anchors(doc: Document) -> list[tuple[str, str | None, str | None, str | None, str | None]]:
    return [
        (
            e.trigger.text,
            e.date,
            e.evidence.date_from,
            doc.places[e.place].name if e.place is not None else None,
            e.evidence.place_from,
        )
        for e in doc.events
    ]


def test_events_phrase_of_another_clause_is_not_the_events(nlp: Language) -> None:
    # "in Gaza" and "on Sunday" belong to the airstrike, not to the talks
    doc = _document(
        nlp,
        "Egyptian and Qatari mediators held talks with Hamas after an Israeli airstrike "
        "in Gaza on Sunday.",
    )
    anchors = {a[0]: a for a in _anchors(doc)}
    assert anchors["talks"][2] == "published" and anchors["talks"][3] is None, anchors
    assert anchors["airstrike"][1:] == ("2025-03-02", "clause", "Gaza", "clause"), anchors


def test_events_governing_clause_dates_the_event(nlp: Language) -> None:
    doc = _document(nlp, "On Monday, the army said Russia attacked Ukraine.")
    attacks = [a for a in _anchors(doc) if a[0] == "attacked"]
    assert attacks and attacks[0][1:3] == ("2025-03-03", "sentence"), _anchors(doc)


def test_events_dateline_place_and_mentions_of_one_event(nlp: Language) -> None:
    doc = _document(
        nlp,
        "NAIROBI, Kenya (AP) — Kenya's foreign minister Grace Otieno met Somali President "
        "Ali Hassan to discuss the border.\n\n"
        "The meeting between Otieno and Hassan on Tuesday in Mombasa was their first.",
    )
    first = next(e for e in doc.events if e.trigger.text == "met")
    assert first.date == "2025-03-04" and first.evidence.date_from == "event"
    assert first.place is not None and doc.places[first.place].name == "Mombasa"
    assert first.evidence.place_from == "event"
    alone = _document(
        nlp,
        "NAIROBI, Kenya (AP) — Kenya's foreign minister Grace Otieno met Somali President "
        "Ali Hassan to discuss the border.",
    )
    met = next(e for e in alone.events if e.trigger.text == "met")
    assert met.evidence.place_from == "dateline" and met.place is not None
    assert alone.places[met.place].name == "Nairobi"
    assert met.date == "2025-03-05" and met.evidence.date_from == "published"
