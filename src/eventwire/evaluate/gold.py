"""Reading gold files (JSONL, optionally gzip) and the fixed dev/test split."""

from __future__ import annotations

import gzip
import hashlib
import json
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from eventwire.errors import InputFormat, InputMissing
from eventwire.records import Document, RawDocument, Source
from eventwire.settings import Settings


def read_gold(path: str | Path) -> Iterator[dict[str, Any]]:
    """Rows of a gold JSONL file (.jsonl or .jsonl.gz)."""
    path = Path(path)
    if not path.is_file():
        raise InputMissing("no such gold file", name=str(path))
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if line.strip():
                try:
                    yield json.loads(line)
                except ValueError as exc:
                    raise InputFormat(f"bad JSON ({exc})", name=f"{path}:{number}") from None


def split_of(row_id: str) -> str:
    """'dev' or 'test' for a gold row, fixed by a hash of its id (about half each).

    Rules and thresholds are tuned on 'dev' only; figures are reported on 'test'.
    """
    digest = hashlib.sha256(row_id.encode("utf-8")).digest()
    return "dev" if digest[0] % 2 == 0 else "test"


def run_as_given(
    rows: Sequence[dict[str, Any]],
) -> Iterator[tuple[dict[str, Any], Document | None]]:
    """Each gold row's text through the pipeline as given (no cleaning, no deduplication, its
    `published` date), paired with its Document (None if the pipeline refused it). Offsets in
    the Document are then offsets into the row's text."""
    from eventwire.api import extract_many_raw

    raws = [
        RawDocument(
            str(r["id"]),
            str(r["text"]),
            "text",
            Source(format="text"),
            r.get("published"),
            str(r["id"]),
        )  # fmt: skip
        for r in rows
    ]
    settings = Settings(clean=False, dedup=False)
    for row, document in zip(rows, extract_many_raw(raws, settings), strict=True):
        if not isinstance(document, Document):
            yield row, None
            continue
        if document.body != row["text"]:
            raise ValueError(f"{row['id']}: body changed under --no-clean")
        yield row, document


def found_as_given(
    rows: Sequence[dict[str, Any]], field: str
) -> Iterator[tuple[dict[str, Any], list[Any] | None]]:
    """Each row with the Document records of one `field` ("times", "places") that
    `run_as_given` finds in it (None if the pipeline refused the row)."""
    for row, document in run_as_given(rows):
        yield row, None if document is None else list(getattr(document, field))
