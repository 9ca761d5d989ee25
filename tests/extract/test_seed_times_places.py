"""The seed story's times and places (issue 5's must-show); skipped without ../shared."""

from __future__ import annotations

import math

from eventwire.records import Document

# Where the seed's places really are (public facts): within 161 km counts as right.
TRUTH = {
    "Helsinki": (60.17, 24.94),
    "Kabul": (34.53, 69.17),
    "Washington": (38.90, -77.04),
    "Krygyzstan": (41.0, 75.0),
    "Persian Gulf": (26.0, 52.0),
    "Transit Center at Manas": (43.06, 74.48),
    "Karshi-Khanabad": (38.83, 65.92),
}


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    p1, p2 = math.radians(a[0]), math.radians(b[0])
    dl = math.radians(b[1] - a[1])
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(h))


def test_seed_times_resolve_against_the_story_date(seed_document: Document) -> None:
    values = {(t.text, t.value) for t in seed_document.times}
    for expected in [
        ("Wednesday", "2021-09-22"),
        ("July", "2021-07"),
        ("2014", "2014"),
        ("2005", "2005"),
        ("May", "2021-05"),
    ]:
        assert expected in values, expected
    assert any(v and v.startswith("2021-09-28") for t, v in values if "September" in t)
    weeks = [v for t, v in values if t.lower() == "last week"]
    assert weeks and all(v and v.startswith("2021-W3") for v in weeks)


def test_seed_places_within_161_km(seed_document: Document) -> None:
    for name, truth in TRUTH.items():
        found = [p for p in seed_document.places if name in p.text]
        assert found, name
        assert all(
            p.lat is not None and p.lon is not None and _km((p.lat, p.lon), truth) <= 161
            for p in found
        ), (name, [(p.name, p.lat, p.lon) for p in found])


def test_seed_meeting_anchored_in_helsinki_on_wednesday(seed_document: Document) -> None:
    names = {a.id: a.name for a in seed_document.actors}
    meetings = [
        e
        for e in seed_document.events
        if e.type == "CONSULT"
        and {names.get(e.source or ""), names.get(e.target or "")}
        == {"Mark Milley", "Valery Gerasimov"}
    ]
    assert meetings
    for event in meetings:  # the lead's "met" borrows the anchors of "the meeting ... in Helsinki"
        assert event.date == "2021-09-22", event
        assert event.place is not None and seed_document.places[event.place].name == "Helsinki"
        assert event.evidence.date_from in {"clause", "event"}
        assert event.evidence.place_from in {"clause", "event"}
