"""The public surface: __all__ is exact, and the API returns complete SPEC Documents."""

from __future__ import annotations

import inspect

import pytest

import eventwire
from eventwire.records import Document

SPEC_KEYS = [
    "id", "source", "title", "byline", "publisher", "wire", "published", "published_inferred",
    "body", "paragraphs", "captions", "corrections", "removed", "actors", "entities", "quotes",
    "times", "places", "events",
]  # fmt: skip
SPEC_EVENT_KEYS = {
    "id", "type", "mode", "cameo", "quad", "intensity", "source", "target", "source_text",
    "target_text", "trigger", "sentence", "date", "place", "factuality", "reported_by", "confidence",
}  # fmt: skip


def test_api_all_is_exactly_the_public_names() -> None:
    public = {
        name
        for name, value in vars(eventwire).items()
        if not name.startswith("_") and not inspect.ismodule(value) and name != "annotations"
    }
    assert set(eventwire.__all__) - {"__version__"} == public
    for name in eventwire.__all__:
        assert hasattr(eventwire, name)


def test_api_extract_returns_every_spec_field(plain_document: Document) -> None:
    data = plain_document.to_dict()
    assert list(data)[: len(SPEC_KEYS)] == SPEC_KEYS
    assert data["title"].startswith("Thai and Cambodian defence ministers")
    assert data["published"] == "2025-03-05"
    for event in data["events"]:
        assert set(event) >= SPEC_EVENT_KEYS
        assert (
            event["trigger"]["text"]
            == data["body"][event["trigger"]["start"] : event["trigger"]["end"]]
        )
    for key in ("entities", "times", "places", "quotes"):
        for item in data[key]:
            assert item["text"] == data["body"][item["start"] : item["end"]]


def test_api_extract_refuses_empty_text() -> None:
    with pytest.raises(eventwire.EventwireError):
        eventwire.extract("   ")


def test_api_extract_many_yields_failures_in_place(nlp: object) -> None:
    results = list(
        eventwire.extract_many(
            ["Kenya and Somalia signed a pact on Tuesday.", "  ", "Chad met Niger."]
        )
    )
    kinds = [type(r).__name__ for r in results]
    assert kinds.count("Document") == 2
    assert kinds.count("Failure") == 1


def test_api_document_round_trips_through_dict(plain_document: Document) -> None:
    assert eventwire.document_from_dict(plain_document.to_dict()) == plain_document
