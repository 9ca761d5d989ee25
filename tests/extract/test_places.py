from __future__ import annotations

from spacy.language import Language

from eventwire.extract.places import extract_places, resolve_place


def test_places_countries_use_geonames_country_points() -> None:
    russia, rule = resolve_place("Russia", set())  # type: ignore[misc]
    assert (russia.feature, russia.country, rule) == ("country", "RUS", "place.country")
    assert abs(russia.lat - 60.0) < 1 and abs(russia.lon - 100.0) < 1  # type: ignore[operator]


def test_places_cities_prefer_the_story_countries() -> None:
    found = resolve_place("Helsinki", set())
    assert found is not None
    helsinki = found[0]
    assert helsinki.country == "FIN" and abs(helsinki.lat - 60.17) < 0.2  # type: ignore[operator]


def test_places_unknown_names_are_not_guessed() -> None:
    assert resolve_place("Zqxwv Flats", set()) is None


def test_places_offsets_index_the_text(nlp: Language) -> None:
    doc = nlp("The ministers met in Helsinki, Finland, and later flew to the Persian Gulf.")
    places = list(extract_places(doc))
    assert {p.name for p in places} >= {"Helsinki", "Finland"}
    for place in places:
        assert doc.text[place.start : place.end] == place.text
