"""Date and time expressions to TIMEX3 type and value, relative to the story's date.

First version over spaCy's DATE and TIME entities. The type is decided first (a "six-hour"
meeting is a duration, not June), then the value:
1. durations ("six-hour", "several years", "one year to two years") -> P..;
2. sets ("every Friday", "daily") -> XXXX-WXX-5, P1D;
3. explicit dates ("September 28", "September22", "Sept. 28, 2021", "9/28/21") and years;
4. months ("in July") -> the latest such month not after the anchor;
5. weekdays -> the latest such day before the anchor (the next one in future clauses);
6. deictic expressions ("last week", "yesterday", "this year", "now").
Without a story date, relative values stay underspecified (XXXX-09-28) rather than guessed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta

from spacy.tokens import Doc, Span

from eventwire.records import Time

MONTHS = {
    name: i + 1
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for name in names
}
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "several": "X", "few": "X",
    "many": "X", "some": "X",
}  # fmt: skip
UNITS = {
    "second": "S",
    "minute": "M",
    "hour": "H",
    "day": "D",
    "week": "W",
    "month": "M",
    "year": "Y",
    "decade": "DE",
}
_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
_NUM_RE = r"\d+|" + "|".join(NUMBERS)
_UNIT_RE = "|".join(UNITS)
_DURATION = re.compile(
    rf"\b({_NUM_RE})[\s-]+({_UNIT_RE})s?\b(?!\s+(?:ago|earlier|later|before))", re.I
)
_AGO = re.compile(rf"\b({_NUM_RE})\s+({_UNIT_RE})s?\s+ago\b", re.I)
_MONTH_DAY = re.compile(
    rf"\b({_MONTH_RE})\.?\s*(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s*(\d{{4}}))?", re.I
)
_DAY_MONTH = re.compile(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH_RE})\.?(?:,?\s*(\d{{4}}))?", re.I
)
_NUMERIC = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})\b")
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_MONTH_YEAR = re.compile(rf"\b({_MONTH_RE})\.?(?:\s+(?:of\s+)?(\d{{4}}))?\b", re.I)
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)s?\b")
_WEEKDAY = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")s?\b", re.I)
_SET = re.compile(r"\b(every|each)\s+(\w+)|\b(daily|weekly|monthly|annually|yearly)\b", re.I)
_FUTURE = re.compile(r"\b(will|next|upcoming|coming|scheduled|expected to|plans? to)\b", re.I)
_DEICTIC = {
    "today": ("day", 0),
    "tonight": ("day", 0),
    "yesterday": ("day", -1),
    "tomorrow": ("day", 1),
    "this week": ("week", 0),
    "last week": ("week", -1),
    "next week": ("week", 1),
    "this month": ("month", 0),
    "last month": ("month", -1),
    "next month": ("month", 1),
    "this year": ("year", 0),
    "last year": ("year", -1),
    "next year": ("year", 1),
}
_REFS = {
    "now": "PRESENT_REF",
    "currently": "PRESENT_REF",
    "recently": "PAST_REF",
    "future": "FUTURE_REF",
}


def _number(token: str) -> str:
    value = NUMBERS.get(token.lower(), token)
    return str(value)


def _unit(token: str) -> str:
    return UNITS[token.lower().rstrip("s")]


def _duration_value(count: str, unit: str) -> str:
    code = _unit(unit)
    prefix = "PT" if unit.lower().rstrip("s") in {"second", "minute", "hour"} else "P"
    if code == "DE":
        code, count = "Y", str(int(count) * 10) if count.isdigit() else count
    return f"{prefix}{_number(count)}{code}"


def _shift_month(anchor: date, months: int) -> tuple[int, int]:
    total = anchor.year * 12 + anchor.month - 1 + months
    return total // 12, total % 12 + 1


def _month_value(month: int, year: str | None, anchor: date | None, future: bool) -> str:
    if year:
        return f"{int(year):04d}-{month:02d}"
    if anchor is None:
        return f"XXXX-{month:02d}"
    guess = anchor.year + (1 if future and month < anchor.month else 0)
    if not future and month > anchor.month:
        guess -= 1
    return f"{guess:04d}-{month:02d}"


def _day_value(
    month: int, day: int, year: str | None, anchor: date | None, future: bool
) -> str | None:
    month_part = _month_value(month, year, anchor, future)
    try:
        if not month_part.startswith("X"):
            date(int(month_part[:4]), month, day)
    except ValueError:
        return None
    return f"{month_part}-{day:02d}"


def _weekday_value(name: str, anchor: date | None, future: bool) -> str:
    target = WEEKDAYS.index(name.lower())
    if anchor is None:
        return f"XXXX-WXX-{target + 1}"
    delta = (target - anchor.weekday()) % 7
    day = anchor + timedelta(days=delta or 7) if future else anchor - timedelta(days=(-delta) % 7)
    return day.isoformat()


def _deictic_value(unit: str, offset: int, anchor: date | None) -> str | None:
    if anchor is None:
        return None
    if unit == "day":
        return (anchor + timedelta(days=offset)).isoformat()
    if unit == "week":
        year, week, _ = (anchor + timedelta(weeks=offset)).isocalendar()
        return f"{year:04d}-W{week:02d}"
    if unit == "month":
        year, month = _shift_month(anchor, offset)
        return f"{year:04d}-{month:02d}"
    return f"{anchor.year + offset:04d}"


def resolve_time(
    text: str, anchor: date | None, future: bool = False
) -> tuple[str, str | None, str]:
    """TIMEX3 (type, value, rule) of one expression; the numbered steps of the module docstring."""
    lowered = " ".join(text.lower().split())
    # 1. durations: decided before any date reading
    if (match := _DURATION.search(text)) and not _MONTH_DAY.search(text):
        return "DURATION", _duration_value(match[1], match[2]), "time.duration"
    # 2. sets
    if match := _SET.search(text):
        if match[3]:
            return (
                "SET",
                {"daily": "P1D", "weekly": "P1W", "monthly": "P1M"}.get(match[3].lower(), "P1Y"),
                "time.set",
            )
        word = match[2].lower()
        if word in WEEKDAYS:
            return "SET", f"XXXX-WXX-{WEEKDAYS.index(word) + 1}", "time.set"
        return "SET", f"P1{UNITS.get(word.rstrip('s'), 'D')}", "time.set"
    # 3. explicit dates and years
    if match := _ISO.search(text):
        return "DATE", match[0], "time.iso"
    if match := _NUMERIC.search(text):
        year = int(match[3]) + (2000 if len(match[3]) == 2 else 0)
        return (
            "DATE",
            _day_value(int(match[1]), int(match[2]), str(year), anchor, future),
            "time.numeric",
        )
    if match := _MONTH_DAY.search(text):
        value = _day_value(MONTHS[match[1].lower()], int(match[2]), match[3], anchor, future)
        return "DATE", value, "time.month_day"
    if match := _DAY_MONTH.search(text):
        value = _day_value(MONTHS[match[2].lower()], int(match[1]), match[3], anchor, future)
        return "DATE", value, "time.day_month"
    if match := _AGO.search(text):
        if anchor is None:
            return "DATE", None, "time.ago"
        unit = _unit(match[2])
        count = int(_number(match[1])) if _number(match[1]).isdigit() else None
        if count is None:
            return "DATE", "PAST_REF", "time.ago"
        if unit == "Y":
            return "DATE", f"{anchor.year - count:04d}", "time.ago"
        days = {"D": 1, "W": 7}.get(unit)
        if days:
            return "DATE", (anchor - timedelta(days=count * days)).isoformat(), "time.ago"
        year, month = _shift_month(anchor, -count)
        return "DATE", f"{year:04d}-{month:02d}", "time.ago"
    # 4. months
    if (match := _MONTH_YEAR.search(text)) and (
        match[1].lower() != "may" or text.strip()[:1] == "M"
    ):
        return (
            "DATE",
            _month_value(MONTHS[match[1].lower()], match[2], anchor, future),
            "time.month",
        )
    if match := _YEAR.search(text):
        return "DATE", match[1] if not match[0].endswith("s") else match[1][:3], "time.year"
    # 5. weekdays
    if match := _WEEKDAY.search(text):
        return "DATE", _weekday_value(match[1], anchor, future), "time.weekday"
    # 6. deictic expressions and references
    for phrase, (unit, offset) in _DEICTIC.items():
        if re.search(rf"\b{phrase}\b", lowered):
            return "DATE", _deictic_value(unit, offset, anchor), "time.deictic"
    if "weekend" in lowered and anchor is not None:
        year, week, _ = (anchor - timedelta(days=anchor.weekday() + 1)).isocalendar()
        return "DATE", f"{year:04d}-W{week:02d}-WE", "time.weekend"
    for word, value in _REFS.items():
        if word in lowered:
            return "DATE", value, "time.reference"
    return "DATE", None, "time.unresolved"


def _is_future(span: Span) -> bool:
    """A future clause: a future marker in the words of the sentence before the expression's end."""
    sentence = span.sent
    return bool(_FUTURE.search(span.doc[sentence.start : span.end].text))


def extract_times(doc: Doc, published: str | None) -> Iterator[Time]:
    """DATE and TIME entities of a Doc as normalised times."""
    anchor = date.fromisoformat(published) if published else None
    for span in doc.ents:
        if span.label_ not in {"DATE", "TIME"}:
            continue
        kind, value, rule = resolve_time(span.text, anchor, _is_future(span))
        if kind == "DATE" and span.label_ == "TIME" and value is None:
            kind = "TIME"
        confidence = 0.9 if value and "X" not in value else 0.5 if value else 0.2
        yield Time(span.text, span.start_char, span.end_char, kind, value, rule, confidence)
