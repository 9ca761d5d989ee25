"""Date and time expressions to TIMEX3 type and value, relative to the story's date.

First version over spaCy's DATE and TIME entities. The type is decided first (a "six-hour"
meeting is a duration, not June), then the value:
0. reporting periods closed by a day ("the third quarter ended Sept. 30" -> the quarter, "the
   six months ended Aug. 12" -> P6M);
1. durations ("six-hour", "several years", "one year to two years") -> P..;
2. sets ("every Friday", "daily") -> XXXX-WXX-5, P1D;
3. explicit dates ("September 28", "September22", "Sept. 28, 2021", "9/28/21") and years;
4. months ("in July") and days without a year -> by the clause's tense (a participle under a
   modal or an infinitive is not a past), the latest one not after the anchor (past) or the
   next one (future); in the present, the nearer; a day without its year stays within half a
   year of the story when one reading is;
5. weekdays -> the same way ("met on Wednesday" the one before, "will meet on Wednesday" the
   one after, the story's own day included for the past; "last Monday" always before it);
6. deictic expressions ("last week", "yesterday", "this year", "now");
7. narrative times, against the story's last calendar value rather than its date ("that
   year", "the following month", "a year earlier" after a quarter).
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
    "many": "X", "some": "X", "couple": 2, "dozen": 12, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100,
}  # fmt: skip
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_ONES = "one|two|three|four|five|six|seven|eight|nine"
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
_NUM_RE = rf"(?:{_TENS})[\s-](?:{_ONES})|\d+|" + "|".join(NUMBERS)
_UNIT_RE = "|".join(UNITS)
_DURATION = re.compile(
    rf"\b({_NUM_RE})[\s-]+({_UNIT_RE})s?\b(?!\s+(?:ago|earlier|later|before))", re.I
)
_VAGUE = re.compile(
    r"^(?:the\s+)?(?:(?:recent|coming|past|last|next|following|early|later|many|several|"
    r"few)\s+)?(years|months|weeks|days|hours|minutes|decades)$",
    re.I,
)
_AGE = re.compile(r"^\d+[\s-]+(?:year|month|week|day)s?[\s-]+old$|^\d{1,3}$", re.I)
_REF_WORDS = {
    "now": "PRESENT_REF", "currently": "PRESENT_REF", "recently": "PAST_REF",
    "previously": "PAST_REF", "formerly": "PAST_REF", "soon": "FUTURE_REF",
}  # fmt: skip
_QUARTER = re.compile(
    r"\b(first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+(?:fiscal[\s-]+)?quarter\b", re.I
)
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3,
             "4th": 4}  # fmt: skip
_ENDED = re.compile(
    r"\b(?:(first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+)?(?:fiscal[\s-]+)?"
    r"(quarter|year|(?:\w+[\s-]+)?(?:months|weeks))\s+(?:that\s+)?end(?:ed|ing|s)\b",
    re.I,
)
_THIS_QUARTER = re.compile(r"\b(this|current)\s+quarter\b", re.I)
_LAST_QUARTER = re.compile(
    r"^(?:the\s+)?(?:latest|last|past|most recent|recent|year-earlier|year-ago)?\s*quarter$", re.I
)
_YEAR_EARLIER = re.compile(r"\b(?:a\s+)?year[\s-]+(?:earlier|ago|before)\b", re.I)
_THIS_YEAR = re.compile(
    r"^(?:the\s+)?(?:(?:current|this)\s+)?(?:fiscal\s+|calendar\s+)?year$", re.I
)
_SEASON = re.compile(r"\b(?:(last|this|next|past)\s+)?(spring|summer|fall|autumn|winter)\b", re.I)
_SEASONS = {"spring": ("SP", 3), "summer": ("SU", 6), "fall": ("FA", 9), "autumn": ("FA", 9),
            "winter": ("WI", 12)}  # fmt: skip
_DAY_PART = re.compile(r"\b(morning|afternoon|evening|night|tonight)\b", re.I)
_PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI"}
_CLOCK = re.compile(
    r"\b(\d{1,2})(?:[:.](\d\d))?\s*([ap])\.?\s?m\b\.?|\b(noon|midday|midnight)\b", re.I
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
    words = re.split(r"[\s-]+", token.lower())
    if len(words) == 2 and words[0] in NUMBERS and words[1] in NUMBERS:
        return str(int(str(NUMBERS[words[0]])) + int(str(NUMBERS[words[1]])))  # "twenty four"
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


def _pick(past: int, ahead: int, tense: str | None) -> int:
    """Which of two readings of an underspecified date: the one `past` units back (0: the
    anchor's own) or `ahead` units on; by the clause's tense, else the nearer (past on a tie).
    "before" is a past that excludes the anchor's own unit ("last Monday" said on a Monday)."""
    if tense == "before":
        return -(past or 7)
    if tense == "past":
        return -past
    if tense == "future":
        return ahead
    return -past if past <= ahead else ahead


def _month_value(month: int, year: str | None, anchor: date | None, tense: str | None) -> str:
    if year:
        return f"{int(year):04d}-{month:02d}"
    if anchor is None:
        return f"XXXX-{month:02d}"
    back = (anchor.month - month) % 12
    ahead = (month - anchor.month) % 12 or 12
    if tense == "future" and back == 0:
        ahead = 0  # "in September" said in September of the future: this one
    shift = _pick(back, ahead, tense)
    year_value, _ = _shift_month(anchor, shift)
    return f"{year_value:04d}-{month:02d}"


def _day_value(
    month: int, day: int, year: str | None, anchor: date | None, tense: str | None
) -> str | None:
    if year or anchor is None:
        month_part = _month_value(month, year, anchor, tense)
    else:
        readings = []
        for candidate_year in (anchor.year - 1, anchor.year, anchor.year + 1):
            try:
                readings.append(date(candidate_year, month, day))
            except ValueError:
                continue
        if not readings:
            return None
        past = [d for d in readings if d <= anchor]
        ahead = [d for d in readings if d > anchor]
        back_days = (anchor - max(past)).days if past else 10**6
        ahead_days = (min(ahead) - anchor).days if ahead else 10**6
        if tense != "before" and max(back_days, ahead_days) > HALF_YEAR >= min(
            back_days, ahead_days
        ):
            tense = None  # a day written without its year is within half a year of the story:
            # "extended to Nov. 20" said on Nov. 2 is this Nov. 20, past tense or not
        chosen = max(past) if _pick(back_days, ahead_days, tense) <= 0 and past else min(ahead)
        return chosen.isoformat()
    try:
        if not month_part.startswith("X"):
            date(int(month_part[:4]), month, day)
    except ValueError:
        return None
    return f"{month_part}-{day:02d}"


def _weekday_value(name: str, anchor: date | None, tense: str | None) -> str:
    target = WEEKDAYS.index(name.lower())
    if anchor is None:
        return f"XXXX-WXX-{target + 1}"
    back = (anchor.weekday() - target) % 7  # 0: the anchor's own day
    ahead = (target - anchor.weekday()) % 7 or 7
    return (anchor + timedelta(days=_pick(back, ahead, tense))).isoformat()


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
    text: str, anchor: date | None, tense: str | None = None
) -> tuple[str, str | None, str]:
    """TIMEX3 (type, value, rule) of one expression; the numbered steps of the module docstring."""
    lowered = " ".join(text.lower().split())
    # 0. a reporting period closed by a date: "the third quarter ended Sept. 30" is the quarter,
    # "the six months ended Aug. 12" six months
    if (match := _ENDED.search(text)) and (period := _period(match, text, anchor, tense)):
        return period
    # 1. durations: decided before any date reading
    if (match := _DURATION.search(text)) and not _MONTH_DAY.search(text):
        return "DURATION", _duration_value(match[1], match[2]), "time.duration"
    if match := _VAGUE.search(text):  # "recent years", "the coming months", "decades"
        unit = match[1].lower().rstrip("s")
        code = "Y" if unit == "decade" else UNITS[unit]
        prefix = "PT" if unit in {"hour", "minute", "second"} else "P"
        return "DURATION", f"{prefix}X{code}", "time.vague_duration"
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
            _day_value(int(match[1]), int(match[2]), str(year), anchor, tense),
            "time.numeric",
        )
    if match := _MONTH_DAY.search(text):
        value = _day_value(MONTHS[match[1].lower()], int(match[2]), match[3], anchor, tense)
        return "DATE", value, "time.month_day"
    if match := _DAY_MONTH.search(text):
        value = _day_value(MONTHS[match[2].lower()], int(match[1]), match[3], anchor, tense)
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
    # quarters, seasons, the year itself, clock times and parts of a day
    if found := _calendar_part(text, anchor, tense):
        return found
    # 4. months
    if (match := _MONTH_YEAR.search(text)) and (
        match[1].lower() != "may" or text.strip()[:1] == "M"
    ):
        return (
            "DATE",
            _month_value(MONTHS[match[1].lower()], match[2], anchor, tense),
            "time.month",
        )
    if match := _YEAR.search(text):
        return "DATE", match[1] if not match[0].endswith("s") else match[1][:3], "time.year"
    # 5. weekdays: "last Thursday" is before the story's day, "next Thursday" after it,
    # whatever the clause's tense ("due to expire last Thursday")
    if match := _WEEKDAY.search(text):
        before = lowered[: match.start()].split()[-2:]
        if "last" in before or "past" in before:
            tense = "before"
        elif "next" in before or "coming" in before:
            tense = "future"
        return "DATE", _weekday_value(match[1], anchor, tense), "time.weekday"
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


HALF_YEAR = 183  # days
_MODALS = {"would", "could", "should", "must", "may", "might", "can", "ca", "'d"}
_PLANS = {"plan", "schedule", "expect", "hope", "intend", "want", "aim", "set", "agree", "prepare"}


def _period(
    match: re.Match[str], text: str, anchor: date | None, tense: str | None
) -> tuple[str, str | None, str] | None:
    """Step 0 of resolve_time: a quarter, year or run of months ending on a written day."""
    unit = match[2].lower()
    if unit != "quarter":
        if length := _DURATION.search(match[2]):
            return "DURATION", _duration_value(length[1], length[2]), "time.period"
        return ("DURATION", "P1Y", "time.period") if unit == "year" else None
    end = _MONTH_DAY.search(text, match.end())
    if end is None:
        return None
    closed = "before" if match[0].lower().endswith("ended") else tense  # a closed period is past
    value = _day_value(MONTHS[end[1].lower()], int(end[2]), end[3], anchor, closed)
    if value is None or value.startswith("X"):
        return None
    number = _ORDINALS[match[1].lower()] if match[1] else (int(value[5:7]) - 1) // 3 + 1
    return "DATE", f"{value[:4]}-Q{number}", "time.period"


def _day_of(text: str, anchor: date, tense: str | None) -> date:
    """The day a time of day belongs to: a weekday named with it, else the story's day."""
    if match := _WEEKDAY.search(text):
        return date.fromisoformat(_weekday_value(match[1], anchor, tense))
    if re.search(r"\byesterday\b", text, re.I):
        return anchor - timedelta(days=1)
    if re.search(r"\btomorrow\b", text, re.I):
        return anchor + timedelta(days=1)
    return anchor


def _calendar_part(
    text: str, anchor: date | None, tense: str | None
) -> tuple[str, str | None, str] | None:
    """Quarters ("the third quarter" -> 1989-Q3), seasons ("last fall" -> 1998-FA), the year
    itself ("this year", "the fiscal year", "a year earlier"), clock times ("10 p.m. Wednesday")
    and parts of a day ("Friday morning" -> 1998-08-07TMO); None for anything else."""
    if anchor is None:
        return None
    current = (anchor.month - 1) // 3 + 1
    if match := _QUARTER.search(text):
        number = _ORDINALS[match[1].lower()]
        year = anchor.year - (1 if number > current and tense != "future" else 0)
        return "DATE", f"{year:04d}-Q{number}", "time.quarter"
    if _THIS_QUARTER.search(text):
        return "DATE", f"{anchor.year:04d}-Q{current}", "time.quarter"
    if _LAST_QUARTER.match(text.strip()):
        year, quarter = (anchor.year, current - 1) if current > 1 else (anchor.year - 1, 4)
        return "DATE", f"{year:04d}-Q{quarter}", "time.quarter"
    if _YEAR_EARLIER.search(text):
        return "DATE", f"{anchor.year - 1:04d}", "time.year_earlier"
    if _THIS_YEAR.match(text.strip()):
        return "DATE", f"{anchor.year:04d}", "time.this_year"
    if match := _SEASON.search(text):
        code, first_month = _SEASONS[match[2].lower()]
        which = (match[1] or "").lower()
        year = anchor.year
        if which in {"last", "past"}:
            year -= 1 if first_month >= anchor.month else 0
        elif which == "next":
            year += 1 if first_month <= anchor.month else 0
        elif not which and tense == "past" and first_month > anchor.month:
            year -= 1
        elif not which and tense == "future" and first_month < anchor.month:
            year += 1
        if year_match := _YEAR.search(text):
            year = int(year_match[1])
        return "DATE", f"{year:04d}-{code}", "time.season"
    if match := _CLOCK.search(text):
        day = _day_of(text, anchor, tense)
        if match[4]:
            hour, minute = (0, 0) if match[4].lower() == "midnight" else (12, 0)
        else:
            hour = int(match[1]) % 12 + (12 if match[3].lower() == "p" else 0)
            minute = int(match[2] or 0)
        if hour < 24 and minute < 60:
            return "TIME", f"{day.isoformat()}T{hour:02d}:{minute:02d}", "time.clock"
    if (match := _DAY_PART.search(text)) and (
        _WEEKDAY.search(text) or re.search(r"\b(this|tonight|yesterday|tomorrow)\b", text, re.I)
    ):
        day = _day_of(text, anchor, tense)
        return "TIME", f"{day.isoformat()}T{_PARTS[match[1].lower()]}", "time.day_part"
    return None


def _tense(span: Span) -> str | None:
    """ "past", "future" or None (present or unknown) for the clause governing a time: its verb's
    tense and auxiliaries ("met on Wednesday", "will meet on Wednesday", "plans to meet ...")."""
    verb = span.root
    for _ in range(4):
        if verb.pos_ in {"VERB", "AUX"} or verb.head.i == verb.i:
            break
        verb = verb.head
    if verb.pos_ in {"VERB", "AUX"}:
        auxes = {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}}
        if auxes & {"will", "'ll", "shall", "wo"} or (
            verb.dep_ == "xcomp" and verb.head.lemma_ in _PLANS
        ):
            return "future"
        if auxes & _MODALS or "to" in auxes:
            # "must be returned by Jan. 14", "expect the sale to be completed by Dec. 15":
            # a participle under a modal or an infinitive is not a past
            return "past" if auxes & {"have", "'ve"} else None
        if verb.tag_ == "VBD" or auxes & {"did", "had", "was", "were", "has", "have", "'ve"}:
            return "past"
        if verb.tag_ == "VBN" and not auxes & {"is", "are", "be", "'s", "'re", "am", "being"}:
            return "past"  # a reduced clause ("the offer, extended last week, ...")
    sentence = span.sent
    return "future" if _FUTURE.search(span.doc[sentence.start : span.end].text) else None


def extract_times(doc: Doc, published: str | None) -> Iterator[Time]:
    """DATE and TIME entities of a Doc as normalised times, and the reference words NER leaves
    out ("now", "recently", "soon"), in text order. Ages ("6-year-old", "Smith, 44,") that NER
    calls dates are not times."""
    anchor = date.fromisoformat(published) if published else None
    found = []
    for span in doc.ents:
        if span.label_ not in {"DATE", "TIME"} or _AGE.match(span.text.strip()):
            continue
        kind, value, rule = resolve_time(span.text, anchor, _tense(span))
        if kind == "DATE" and span.label_ == "TIME" and value is None:
            kind = "TIME"
        confidence = 0.9 if value and "X" not in value else 0.5 if value else 0.2
        found.append(Time(span.text, span.start_char, span.end_char, kind, value, rule, confidence))
    found = _narrative(found)
    for token in doc:
        value = _REF_WORDS.get(token.lower_)
        if value is not None and not token.ent_type_ and token.pos_ == "ADV":
            end = token.idx + len(token.text)
            found.append(Time(token.text, token.idx, end, "DATE", value, "time.reference", 0.6))
    yield from sorted(found, key=lambda t: t.start)


_CALENDAR = re.compile(r"^(\d{4})(?:-(Q[1-4]|\d{2})(?:-(\d{2}))?)?$")
_THAT = re.compile(
    r"^(?:earlier\s+|later\s+)?(?:on\s+)?that\s+(?:same\s+)?(day|month|year)\W*$", re.I
)
_FOLLOWING = re.compile(r"^the\s+(following|next|previous|preceding)\s+(day|month|year)\W*$", re.I)


def _narrative(times: list[Time]) -> list[Time]:
    """Times told against the story's own timeline, not its date: "that year", "the following
    month", and "a year earlier" after a quarter (the same quarter a year before). Each takes the
    last calendar value before it (rule time.narrative)."""
    out: list[Time] = []
    previous: re.Match[str] | None = None
    for time in sorted(times, key=lambda t: t.start):
        text = time.text.strip()
        value = None
        if previous is not None:
            year, part, day = int(previous[1]), previous[2], previous[3]
            if (match := _THAT.match(text)) and time.type == "DATE":
                unit = match[1].lower()
                if unit == "year":
                    value = f"{year:04d}"
                elif unit == "month" and part and part[0] != "Q":
                    value = f"{year:04d}-{part}"
                elif unit == "day" and day:
                    value = previous[0]
            elif match := _FOLLOWING.match(text):
                step = 1 if match[1].lower() in {"following", "next"} else -1
                value = _step(year, part, day, match[2].lower(), step)
            elif _YEAR_EARLIER.search(text) and part and part[0] == "Q":
                value = f"{year - 1:04d}-{part}"
        if value is not None:
            time = Time(time.text, time.start, time.end, "DATE", value, "time.narrative", 0.6)
        elif time.value and (match := _CALENDAR.match(time.value)):
            previous = match
        out.append(time)
    return out


def _step(year: int, part: str | None, day: str | None, unit: str, step: int) -> str | None:
    """The year, month or day `step` units from a calendar value, at the unit's granularity."""
    if unit == "year":
        return f"{year + step:04d}"
    if part is None or part[0] == "Q":
        return None
    if unit == "month":
        y, m = _shift_month(date(year, int(part), 1), step)
        return f"{y:04d}-{m:02d}"
    if day is None:
        return None
    return (date(year, int(part), int(day)) + timedelta(days=step)).isoformat()
