"""Store: records -> DuckDB, and the queries over it."""

from __future__ import annotations

from eventwire.store.duck import DEFAULT_DB, IngestStats, Store
from eventwire.store.queries import EventFilter, EventRow

__all__ = ["DEFAULT_DB", "EventFilter", "EventRow", "IngestStats", "Store"]
