"""Data files shipped with eventwire (lexicons, gazetteer additions), loaded once, read-only.

Each TSV has a header row; lines starting with '#' are comments. See README.md beside this file.
"""

from __future__ import annotations

from functools import cache
from importlib import resources


def read_tsv(package: str, filename: str) -> tuple[dict[str, str], ...]:
    """Rows of a packaged TSV file as dicts keyed by its header (comments and blanks skipped)."""
    return parse_tsv(resources.files(package).joinpath(filename).read_text(encoding="utf-8"))


def parse_tsv(text: str) -> tuple[dict[str, str], ...]:
    """Rows of TSV text as dicts keyed by its header (comments and blanks skipped)."""
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    if not lines:
        return ()
    header = [name.strip() for name in lines[0].split("\t")]
    rows = []
    for line in lines[1:]:
        cells = [cell.strip() for cell in line.split("\t")]
        cells += [""] * (len(header) - len(cells))
        rows.append(dict(zip(header, cells, strict=False)))
    return tuple(rows)


def read_lines(package: str, filename: str) -> tuple[str, ...]:
    """The entries of a packaged one-entry-a-line file, as written (comments and blanks skipped)."""
    text = resources.files(package).joinpath(filename).read_text(encoding="utf-8")
    return tuple(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


def read_words(package: str, filename: str) -> frozenset[str]:
    """A packaged one-entry-a-line word list, lowercased."""
    return frozenset(line.lower() for line in read_lines(package, filename))


@cache
def resource_table(filename: str) -> tuple[dict[str, str], ...]:
    return read_tsv("eventwire.resources", filename)


@cache
def resource_lines(filename: str) -> tuple[str, ...]:
    return read_lines("eventwire.resources", filename)


@cache
def resource_words(filename: str) -> frozenset[str]:
    return read_words("eventwire.resources", filename)
