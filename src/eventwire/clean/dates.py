"""Publication-date strings (meta tags, JSONL fields, CLI flags) to YYYY-MM-DD."""

from __future__ import annotations

import re
from datetime import date

_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})")
_COMPACT = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})\b")


def normalize_date(value: str | None) -> str | None:
    """An ISO-like date or timestamp to YYYY-MM-DD; None when it is not a real calendar date."""
    if not value:
        return None
    match = _ISO.match(value) or _COMPACT.match(value)
    if not match:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3])).isoformat()
    except ValueError:
        return None
