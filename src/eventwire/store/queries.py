"""Queries over the store: the events view with actor names, and its filters."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class EventFilter:
    type: str | None = None  # a PLOVER type, e.g. CONSULT
    actor: str | None = None  # a name (substring, any case) or an ISO alpha-3 country code
    since: str | None = None  # YYYY-MM-DD, inclusive, on the event's date (else its story's)
    until: str | None = None  # YYYY-MM-DD, inclusive
    factuality: str | None = None  # asserted | negated | future | hypothetical
    min_confidence: float | None = None
    limit: int | None = None


@dataclass(frozen=True, slots=True)
class EventRow:
    """One stored event as users query it: coded fields, named actors, evidence."""

    date: str | None
    type: str
    mode: str | None
    quad: int
    cameo: str | None
    source: str | None
    source_country: str | None
    target: str | None
    target_country: str | None
    factuality: str
    confidence: float
    trigger: str
    place: str | None
    sentence: str
    rule: str | None
    event_id: str
    doc_id: str
    title: str | None


# The day an event counts on: its own TIMEX3 date when it names a day (or a month/year, at its
# start), else the story's publication date.
_DAY = (
    "coalesce(try_cast(CASE WHEN length(e.date) = 4 THEN e.date || '-01-01' "
    "WHEN length(e.date) = 7 THEN e.date || '-01' ELSE e.date END AS DATE), d.published)"
)

_SELECT = """
SELECT e.date AS date, e.type AS type, e.mode AS mode, e.quad AS quad, e.cameo AS cameo,
       coalesce(s.name, e.source_text) AS source, s.country AS source_country,
       coalesce(t.name, e.target_text) AS target, t.country AS target_country,
       e.factuality AS factuality, e.confidence AS confidence, e.trigger_text AS trigger,
       p.name AS place,
       substr(d.body, e.sentence_start + 1, e.sentence_end - e.sentence_start) AS sentence,
       e.rule AS rule, e.id AS event_id, e.doc_id AS doc_id, d.title AS title
FROM events e
JOIN documents d ON d.id = e.doc_id
LEFT JOIN actors s ON s.doc_id = e.doc_id AND s.id = e.source
LEFT JOIN actors t ON t.doc_id = e.doc_id AND t.id = e.target
LEFT JOIN places p ON p.doc_id = e.doc_id AND p.idx = e.place_idx
"""


def events_sql(where: EventFilter) -> tuple[str, list[Any]]:
    """SQL and parameters for the events matching a filter."""
    clauses: list[str] = []
    params: list[Any] = []
    if where.type:
        clauses.append("e.type = ?")
        params.append(where.type.upper())
    if where.factuality:
        clauses.append("e.factuality = ?")
        params.append(where.factuality.lower())
    if where.min_confidence is not None:
        clauses.append("e.confidence >= ?")
        params.append(where.min_confidence)
    if where.actor:
        clauses.append(
            "(s.country = ? OR t.country = ? OR s.name ILIKE ? OR t.name ILIKE ?"
            " OR e.source_text ILIKE ? OR e.target_text ILIKE ?)"
        )
        like = f"%{where.actor}%"
        params += [where.actor.upper(), where.actor.upper(), like, like, like, like]
    if where.since:
        clauses.append(f"{_DAY} >= CAST(? AS DATE)")
        params.append(where.since)
    if where.until:
        clauses.append(f"{_DAY} <= CAST(? AS DATE)")
        params.append(where.until)
    sql = _SELECT + (" WHERE " + " AND ".join(clauses) if clauses else "")
    sql += f" ORDER BY {_DAY} DESC NULLS LAST, e.doc_id, e.trigger_start"
    if where.limit:
        sql += f" LIMIT {int(where.limit)}"
    return sql, params
