"""Reading gold files (JSONL, optionally gzip) and the fixed dev/test split."""

from __future__ import annotations

import gzip
import hashlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from eventwire.errors import InputFormat, InputMissing


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
