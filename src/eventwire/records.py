"""Typed records passed between the stages, and their JSON form.

Every record is a frozen, slotted dataclass whose field names are the keys of ../shared/SPEC.md's
Document record, so ``to_dict`` is a plain walk over the fields. Offsets are half-open ``str``
indexes into ``Document.body``. This module imports nothing of the package.
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass, field
from typing import Any, Literal

Span = tuple[int, int]
InputFormat = Literal["text", "html", "warc", "rss", "jsonl"]


def content_hash(*parts: str, size: int = 16) -> str:
    """A stable hex id from text parts; ids are content hashes so re-runs are idempotent."""
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
    return digest[:size]


@dataclass(frozen=True, slots=True)
class Source:
    """Where a document came from: a path or a URL, and the reader that read it."""

    format: str
    path: str | None = None
    url: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if self.path is not None:
            out["path"] = self.path
        if self.url is not None:
            out["url"] = self.url
        out["format"] = self.format
        return out


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One input as read by ingest: decoded content, not yet cleaned."""

    name: str  # how errors name this input (path, "path:line", "<stdin>")
    content: str
    format: str  # "text" | "html"
    source: Source
    published: str | None = None
    given_id: str | None = None  # an id supplied by the input (JSONL), kept on output


@dataclass(frozen=True, slots=True)
class Caption:
    text: str
    credit: str | None
    label: str | None


@dataclass(frozen=True, slots=True)
class Correction:
    date: str | None
    text: str


@dataclass(frozen=True, slots=True)
class Removed:
    kind: str  # promo | caption | nav | related | share | footer | other
    text: str


@dataclass(frozen=True, slots=True)
class DuplicateLink:
    """A near-duplicate's link to the story it copies (the group's original)."""

    id: str
    similarity: float


@dataclass(frozen=True, slots=True)
class Article:
    """The cleaned story: what annotate and extract read."""

    source: Source
    body: str
    paragraphs: tuple[Span, ...]
    title: str | None = None
    byline: str | None = None
    publisher: str | None = None
    wire: tuple[str, ...] = ()
    published: str | None = None
    published_inferred: bool = False
    captions: tuple[Caption, ...] = ()
    corrections: tuple[Correction, ...] = ()
    removed: tuple[Removed, ...] = ()
    given_id: str | None = None
    duplicate_of: DuplicateLink | None = None

    @property
    def id(self) -> str:
        return self.given_id or content_hash(self.body)


@dataclass(frozen=True, slots=True)
class Actor:
    id: str
    name: str
    kind: str  # person | organization | country | group
    country: str | None
    sectors: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    mentions: tuple[Span, ...] = ()
    # Beyond SPEC: mentions in photo captions, (caption index, start, end) into that caption's
    # text; an actor only a caption names has no body mentions.
    caption_mentions: tuple[tuple[int, int, int], ...] = ()
    # Beyond SPEC: the rules that made the actor and its country ("ner.PERSON", "known_list",
    # "country.appositive", "group.modifier", "caption"), its evidence.
    rules: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Entity:
    text: str
    label: str
    start: int
    end: int
    actor: str | None = None


@dataclass(frozen=True, slots=True)
class Quote:
    text: str
    start: int
    end: int
    kind: str  # direct | partial | indirect
    speaker: str | None
    speaker_text: str | None
    rule: str = ""
    confidence: float = 0.0
    speaker_start: int | None = None  # where the speaker is cited for this quote (beyond SPEC)
    speaker_end: int | None = None


@dataclass(frozen=True, slots=True)
class Time:
    text: str
    start: int
    end: int
    type: str  # DATE | TIME | DURATION | SET
    value: str | None
    rule: str = ""
    confidence: float = 0.0


@dataclass(frozen=True, slots=True)
class Place:
    text: str
    start: int
    end: int
    name: str
    feature: str  # country | admin | city | site | region | water
    country: str | None
    lat: float | None
    lon: float | None
    geonameid: str | None
    rule: str = ""
    confidence: float = 0.0


@dataclass(frozen=True, slots=True)
class Trigger:
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Evidence:
    """Why an event says what it says: the rule that coded it and where its date and place came from."""

    rule: str
    date_from: str | None = (
        None  # clause | sentence | event | published (extract/events/anchors.py)
    )
    place_from: str | None = None  # clause | sentence | event | dateline


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    type: str
    mode: str | None
    cameo: str | None
    quad: int
    intensity: float | None
    source: str | None
    target: str | None
    source_text: str | None
    target_text: str | None
    trigger: Trigger
    sentence: Span
    date: str | None
    place: int | None
    factuality: str  # asserted | negated | future | hypothetical
    reported_by: str | None
    confidence: float
    evidence: Evidence = field(default_factory=lambda: Evidence(rule=""))


@dataclass(frozen=True, slots=True)
class Document:
    """The SPEC Document: one cleaned story with everything extracted from it."""

    id: str
    source: Source
    title: str | None
    byline: str | None
    publisher: str | None
    wire: tuple[str, ...]
    published: str | None
    published_inferred: bool
    body: str
    paragraphs: tuple[Span, ...]
    captions: tuple[Caption, ...] = ()
    corrections: tuple[Correction, ...] = ()
    removed: tuple[Removed, ...] = ()
    actors: tuple[Actor, ...] = ()
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    times: tuple[Time, ...] = ()
    places: tuple[Place, ...] = ()
    events: tuple[Event, ...] = ()
    # beyond SPEC: set when this story is a near-copy of another (then nothing is extracted)
    duplicate_of: DuplicateLink | None = None

    def to_dict(self) -> dict[str, Any]:
        return to_dict(self)


@dataclass(frozen=True, slots=True)
class Failure:
    """An input that could not be processed: its name and a one-line coded message."""

    name: str
    message: str


def to_dict(record: Any) -> Any:
    """JSON-ready form of a record: dataclasses to dicts, tuples to lists, in field order."""
    if isinstance(record, Source):
        return record.to_dict()
    if dataclasses.is_dataclass(record) and not isinstance(record, type):
        return {f.name: to_dict(getattr(record, f.name)) for f in dataclasses.fields(record)}
    if isinstance(record, tuple | list):
        return [to_dict(item) for item in record]
    return record


def _spans(items: Any) -> tuple[Span, ...]:
    return tuple((int(a), int(b)) for a, b in items or ())


def _many(cls: type, items: Any) -> tuple[Any, ...]:
    return tuple(cls(**item) for item in items or ())


def _event_from_dict(data: dict[str, Any]) -> Event:
    data = dict(data)
    data["trigger"] = Trigger(**data["trigger"])
    data["sentence"] = tuple(data["sentence"])
    data["evidence"] = Evidence(**data.get("evidence") or {"rule": ""})
    return Event(**data)


def document_from_dict(data: dict[str, Any]) -> Document:
    """Inverse of ``Document.to_dict`` (used by the store and by readers of our own JSONL)."""
    actors = tuple(
        Actor(
            id=a["id"],
            name=a["name"],
            kind=a["kind"],
            country=a["country"],
            sectors=tuple(a["sectors"]),
            roles=tuple(a["roles"]),
            mentions=_spans(a["mentions"]),
            caption_mentions=tuple(
                (int(c), int(b), int(e)) for c, b, e in a.get("caption_mentions") or ()
            ),
            rules=tuple(a.get("rules") or ()),
        )
        for a in data.get("actors") or ()
    )
    return Document(
        id=data["id"],
        source=Source(**data["source"]),
        title=data.get("title"),
        byline=data.get("byline"),
        publisher=data.get("publisher"),
        wire=tuple(data.get("wire") or ()),
        published=data.get("published"),
        published_inferred=bool(data.get("published_inferred")),
        body=data["body"],
        paragraphs=_spans(data.get("paragraphs")),
        captions=_many(Caption, data.get("captions")),
        corrections=_many(Correction, data.get("corrections")),
        removed=_many(Removed, data.get("removed")),
        actors=actors,
        entities=_many(Entity, data.get("entities")),
        quotes=_many(Quote, data.get("quotes")),
        times=_many(Time, data.get("times")),
        places=_many(Place, data.get("places")),
        events=tuple(_event_from_dict(e) for e in data.get("events") or ()),
        duplicate_of=DuplicateLink(**data["duplicate_of"]) if data.get("duplicate_of") else None,
    )
