"""Ingest: bytes in, RawDocument out. Readers yield a Failure for an input they cannot read."""

from __future__ import annotations

from eventwire.ingest.encoding import decode_bytes
from eventwire.ingest.files import read_paths, read_texts

__all__ = ["decode_bytes", "read_paths", "read_texts"]
