"""eventwire: political event data from news, with the evidence for every field.

>>> import eventwire                                    # doctest: +SKIP
>>> doc = eventwire.extract(open("story.txt").read(), published="2021-09-23")
>>> [(e.type, e.source_text, e.target_text) for e in doc.events]
"""

from __future__ import annotations

from eventwire._log import logger
from eventwire.api import extract, extract_many, extract_paths
from eventwire.errors import EventwireError
from eventwire.records import (
    Actor,
    Document,
    Entity,
    Event,
    Failure,
    Place,
    Quote,
    Time,
    document_from_dict,
)
from eventwire.settings import Settings
from eventwire.store import EventFilter, EventRow, Store

__version__ = "0.4.0"

__all__ = [
    "Actor",
    "Document",
    "Entity",
    "Event",
    "EventFilter",
    "EventRow",
    "EventwireError",
    "Failure",
    "Place",
    "Quote",
    "Settings",
    "Store",
    "Time",
    "__version__",
    "document_from_dict",
    "extract",
    "extract_many",
    "extract_paths",
    "logger",
]
