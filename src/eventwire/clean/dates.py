"""Publication dates: normalising stamps, finding dates in text, inferring a story's date.

`infer_published` reads the story's own evidence when no stamp is given:
1. corrections are made after publication, so the earliest correction date is an upper bound;
2. dated captions and past-tense mentions of full dates are lower bounds (the story reports them);
3. the year of a month-day date comes from the nearest full date (a correction, a stamp);
4. weekday names in the story ("on Wednesday") must fall in the week before the chosen date:
   the latest lower bound that agrees with them (and the upper bound) is the inferred date.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})")
_COMPACT = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})\b")
MONTHS = {
    m: i + 1
    for i, m in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    )
}
_MONTH = r"(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_PATTERNS = (
    ("ymd", re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")),
    ("mdy_num", re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})\b")),
    ("mdy", re.compile(rf"\b{_MONTH}\s*(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s*(\d{{4}}))?")),
    ("dmy", re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH}(?:,?\s*(\d{{4}}))?")),
)
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY = re.compile(
    r"\b(?:on|last|this|since|until|from|by)\s+(" + "|".join(WEEKDAYS) + r")\b", re.I
)
_FUTURE = re.compile(
    r"\b(will|would|expected|scheduled|plans?|next|upcoming|due to|set to)\b", re.I
)


def normalize_date(value: str | None) -> str | None:
    """An ISO-like date or timestamp to YYYY-MM-DD; None when it is not a real calendar date."""
    if not value:
        return None
    match = _ISO.match(value) or _COMPACT.match(value)
    if not match:
        found = find_dates(value, full_only=True)
        return found[0] if found else None
    return _make(int(match[1]), int(match[2]), int(match[3]))


def _make(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _month(name: str) -> int:
    return MONTHS[name[:3].lower()]


def find_dates(text: str, full_only: bool = False, year: int | None = None) -> list[str]:
    """ISO dates named in a text, in order; month-day dates need `year` unless `full_only`."""
    found: list[tuple[int, str]] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            if kind == "ymd":
                value = _make(int(m[1]), int(m[2]), int(m[3]))
            elif kind == "mdy_num":
                y = int(m[3]) + (2000 if len(m[3]) == 2 else 0)
                value = _make(y, int(m[1]), int(m[2]))
            else:
                month, day, y_text = (m[1], m[2], m[3]) if kind == "mdy" else (m[2], m[1], m[3])
                full = int(y_text) if y_text else (None if full_only else year)
                value = _make(full, _month(month), int(day)) if full else None
            if value:
                found.append((m.start(), value))
                taken.append((m.start(), m.end()))
    return [value for _, value in sorted(found)]


def _sentences(text: str) -> list[str]:
    return re.split(r"(?<=[.!?])\s+", text)


def infer_published(body: str, captions: list[str], corrections: list[str | None]) -> str | None:
    """The story's date from its own evidence (numbered steps in the module docstring)."""
    upper = min((d for d in corrections if d), default=None)
    years = [
        int(d[:4])
        for d in [upper, *find_dates(body + " " + " ".join(captions), full_only=True)]
        if d
    ]
    year = years[0] if years else None
    lower: list[str] = []
    for text in [*captions, *_sentences(body)]:
        if text in captions or not _FUTURE.search(text):
            lower += find_dates(text, year=year)
    weekdays = {WEEKDAYS.index(w.lower()) for w in _WEEKDAY.findall(body)}
    candidates = sorted({d for d in lower if upper is None or d <= upper}, reverse=True)
    for candidate in candidates:
        day = date.fromisoformat(candidate)
        week = {(day - timedelta(days=k)).weekday() for k in range(7)}
        if weekdays <= week:
            return candidate
    return candidates[0] if candidates else upper
