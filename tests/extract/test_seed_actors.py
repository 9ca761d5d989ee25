"""The seed story's actors and quotes (issue 4's must-show); skipped without ../shared."""

from __future__ import annotations

from pathlib import Path

from eventwire.api import extract_paths
from eventwire.records import Document


def _document(seed_path: Path) -> Document:
    (document,) = list(extract_paths([str(seed_path)]))
    assert isinstance(document, Document)
    return document


def test_seed_actors_coded_and_merged(seed_path: Path) -> None:
    document = _document(seed_path)
    people = {a.name: a for a in document.actors if a.kind == "person"}
    milley = people["Mark Milley"]
    assert milley.country == "USA" and "MIL" in milley.sectors
    assert any("Joint Chiefs" in role for role in milley.roles)
    assert len(milley.mentions) >= 10
    expected = {
        "Valery Gerasimov": ("RUS", "MIL"),
        "Li Zuocheng": ("CHN", "MIL"),
        "Sergei Ryabkov": ("RUS", "GOV"),
        "Kenneth McKenzie": ("USA", "MIL"),
    }
    for name, (country, sector) in expected.items():
        assert people[name].country == country and sector in people[name].sectors, name
    assert people["Lloyd Austin"].country == "USA"
    assert "Donald Trump" in people
    names = " ".join(a.name for a in document.actors)
    assert "Loeb" not in names and "Savostyanov" not in names  # photographers
    # Putin and Shoigu are named only in a photo caption, with their offices
    for name in ("Vladimir Putin", "Sergei Shoigu"):
        assert people[name].country == "RUS" and "GOV" in people[name].sectors, name
        number, start, end = people[name].caption_mentions[0]
        assert document.captions[number].text[start:end] == name


def test_seed_quotes_attributed(seed_path: Path) -> None:
    document = _document(seed_path)
    names = {a.id: a.name for a in document.actors}
    speakers = {names.get(q.speaker or "") for q in document.quotes}
    assert {"Mark Milley", "Sergei Ryabkov", "Kenneth McKenzie"} <= speakers
    productive = next(q for q in document.quotes if "productive meeting" in q.text)
    assert names[productive.speaker or ""] == "Mark Milley" and productive.kind == "direct"
