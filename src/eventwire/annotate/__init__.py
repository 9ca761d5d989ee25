"""Annotate: Article -> spaCy Doc. The model loads once per process, never at import time."""

from __future__ import annotations

from eventwire.annotate.model import annotate, load_model

__all__ = ["annotate", "load_model"]
