from __future__ import annotations

from spacy.language import Language

from eventwire.extract.actors import extract_actors


def _names(nlp: Language, text: str) -> dict[str, tuple[str | None, tuple[str, ...]]]:
    actors, _ = extract_actors(nlp(text))
    return {a.name: (a.country, a.sectors) for a in actors}


def test_outlets_cited_as_sources_are_not_actors(nlp: Language) -> None:
    text = (
        "The interior minister, Kofi Mensah, told CNN on Tuesday that the border would reopen. "
        "The New York Times reported that talks had stalled, according to Reuters. "
        "In an interview with Al Jazeera, Mensah said Ghana wanted calm. "
        "A Washington Post investigation found no sign of troops."
    )
    names = " ".join(_names(nlp, text))
    for outlet in ("CNN", "New York Times", "Reuters", "Al Jazeera", "Washington Post"):
        assert outlet not in names, outlet
    assert "Kofi Mensah" in names and "Ghana" in names


def test_outlets_as_participants_are_media_actors(nlp: Language) -> None:
    names = _names(nlp, "Russia blocked the BBC and fined Deutsche Welle on Friday.")
    bbc = next(v for k, v in names.items() if "BBC" in k)
    assert bbc == ("GBR", ("JRN",))


def test_outlets_unknown_mastheads_cited_are_dropped(nlp: Language) -> None:
    names = _names(nlp, "The governor told the Riverside Daily Courier that the dam was safe.")
    assert not any("Courier" in name for name in names)
