"""Recognising the parts of a scraped page that are not the story, by their shape.

Corrections ("Correction 9/28/21, 4.40 a.m. ET: ..."), wire credits ("For more reporting from the
Associated Press", "Reuters contributed to this report", "(AP) —"), bylines ("By Jane Doe"),
publication stamps ("Published Sep 23, 2021 9:15 AM", "December 22, 2023 at 10:20 PM") and
captions (a label line, a caption, a credit). Each function takes one block's text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from eventwire.clean.credits import split_credit
from eventwire.clean.dates import find_dates
from eventwire.records import Caption, Correction
from eventwire.resources import resource_table

_CORRECTION = re.compile(
    r"^(?:\W*)(?:correction|clarification|editor['’]?s note|update[d]?)\b[^:]{0,60}:\s*(.+)$",
    re.I | re.S,
)
_CORRECTED = re.compile(
    r"\b(?:was|has been|have been) (?:updated|corrected|amended) to (?:correct|reflect|clarify|fix)",
    re.I,
)
_BYLINE = re.compile(
    r"^(?:by|written by|words by)\s+([A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3})(?:\s*(?:,|and|&|\|)\s*.*)?$",
    re.I,
)
_STAMP = re.compile(
    r"^(?:published|updated|posted|last updated|first published|modified)\b[:\s]", re.I
)


@cache
def _wire_forms() -> tuple[tuple[str, re.Pattern[str]], ...]:
    rows = resource_table("wire.tsv")
    return tuple(
        (
            row["name"],
            re.compile(
                r"(?<![\w-])(?:"
                + "|".join(re.escape(f) for f in row["forms"].split("|"))
                + r")(?![\w-])"
            ),
        )
        for row in rows
    )


_WIRE_LINE = re.compile(
    r"^(?:for more (?:reporting|coverage) from|(?:additional )?reporting by|with (?:additional )?reporting (?:from|by)"
    r"|(?:the )?[\w .&'-]{2,60} contributed (?:to )?(?:this )?report|material from|this (?:story|article|report) "
    r"(?:was|is) (?:written|produced|published) (?:by|with)|copyright \d{4}|© \d{4})",
    re.I,
)
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'-]*(?: [A-Z][A-Z.'-]*){0,4})(?:,\s*(?P<region>[A-Z][\w.]*(?: [A-Z][\w.]*){0,3}))?"
    r"(?:\s*\((?P<agency>[A-Za-z][\w -]{0,30})\)\s*[—–-]{1,2}|\s+(?:[—–]|--))\s+"
)


def agencies_in(text: str) -> list[str]:
    """Wire agencies credited in a text, by their canonical names."""
    return [name for name, pattern in _wire_forms() if pattern.search(text)]


def wire_credit(text: str) -> list[str] | None:
    """Agencies of a wire-credit line ("For more reporting from the Associated Press, see below:")."""
    flat = " ".join(text.split())
    if len(flat.split()) > 40 or not _WIRE_LINE.search(flat):
        return None
    return agencies_in(flat)


@dataclass(frozen=True, slots=True)
class Dateline:
    place: str  # as written, with its region: "NAIROBI, Kenya"
    agency: str | None
    end: int  # where the story text starts after the dateline
    place_end: int  # where the first place name ends: "NAIROBI"


def dateline(paragraph: str) -> Dateline | None:
    """A dateline opening a paragraph: "HELSINKI (AP) —", "NAIROBI, Kenya (Reuters) —",
    "COLUMBUS, Ohio —". The first place name is in capitals; without an agency the dash must be a
    dash, not a hyphen ("U.S. - China talks" is no dateline)."""
    match = _DATELINE.match(paragraph)
    if match is None or len(match.group("place").replace(".", "")) < 2:
        return None
    place = match.group("place") + (f", {match.group('region')}" if match.group("region") else "")
    agency = match.group("agency")
    if agency is not None:
        agency = next(iter(agencies_in(agency)), agency)
    return Dateline(place, agency, match.end(), match.end("place"))


def correction(text: str) -> Correction | None:
    """A correction notice and its date, or None."""
    flat = " ".join(text.split())
    match = _CORRECTION.match(flat)
    if match is None and not _CORRECTED.search(flat):
        return None
    if len(flat.split()) > 120:
        return None
    head = flat[: match.start(1)] if match else flat
    dates = find_dates(head) or find_dates(flat)
    return Correction(date=dates[0] if dates else None, text=flat)


def byline(text: str) -> str | None:
    """The author names of a byline block ("By Jane Doe and John Roe"), else None."""
    flat = " ".join(text.split())
    if len(flat.split()) > 12:
        return None
    match = _BYLINE.match(flat)
    return flat[match.start(1) :].strip() if match else None


def publication_stamp(text: str) -> str | None:
    """The date of a publication stamp line near the top of a page, else None."""
    flat = " ".join(text.split())
    if len(flat.split()) > 14:
        return None
    dates = find_dates(flat, full_only=True)
    if not dates:
        return None
    rest = re.sub(
        r"[\d:,.|/-]|\b(?:am|pm|a\.m\.|p\.m\.|at|on|et|est|edt|gmt|utc|bst|cet)\b",
        " ",
        flat,
        flags=re.I,
    )
    words = [w for w in rest.split() if w]
    month_words = sum(w.lower()[:3] in _MONTH_PREFIXES for w in words)
    return dates[0] if _STAMP.match(flat) or len(words) - month_words <= 2 else None


_MONTH_PREFIXES = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
                   "mon", "tue", "wed", "thu", "fri", "sat", "sun"}  # fmt: skip


def caption(text: str) -> Caption | None:
    """A caption block: an optional short label line, the caption, and a credit at its end."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if not lines:
        return None
    body, credit = split_credit(lines[-1])
    if credit is None:
        return None
    label = None
    if len(lines) > 1 and len(lines[0].split()) <= 8 and not lines[0].endswith((".", "!", "?")):
        label, lines = lines[0], lines[1:]
    text_part = " ".join([*lines[:-1], body]).strip()
    return Caption(text=text_part, credit=credit, label=label)
