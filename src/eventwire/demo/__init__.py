"""Sample articles written for the project, bundled for `eventwire demo`."""

from __future__ import annotations

from importlib import resources

from eventwire.records import RawDocument, Source
from eventwire.resources import read_tsv

PACKAGE = "eventwire.demo.articles"


def demo_sources() -> list[RawDocument]:
    """The bundled demo articles as RawDocuments, with their publication dates."""
    folder = resources.files(PACKAGE)
    sources = []
    for row in read_tsv(PACKAGE, "manifest.tsv"):
        text = folder.joinpath(row["file"]).read_text(encoding="utf-8")
        name = f"demo/{row['file']}"
        sources.append(
            RawDocument(
                name, text, "text", Source(format="text", path=name), published=row["published"]
            )
        )
    return sources
