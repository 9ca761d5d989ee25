"""The pipeline links near-duplicates (in a run and across runs) and extracts each story once."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from spacy.language import Language

import eventwire
from eventwire.cli import main
from eventwire.demo import demo_sources
from eventwire.records import Document


def test_pipeline_wire_copy_is_linked_not_extracted(nlp: Language) -> None:
    original = demo_sources()[5].content
    copy = "\n\n".join(original.replace("Saturday", "Saturday morning").split("\n\n")[:-2])
    results = [r for r in eventwire.extract_many([original, copy], published="2025-11-18")]
    first, second = results
    assert isinstance(first, Document) and isinstance(second, Document)
    assert first.duplicate_of is None and first.events
    assert second.duplicate_of is not None and second.duplicate_of.id == first.id
    assert second.events == () and second.actors == ()


def test_pipeline_copies_of_stored_stories_link_across_runs(tmp_path: Path, nlp: Language) -> None:
    original = tmp_path / "a.txt"
    original.write_text(demo_sources()[2].content)
    copy = tmp_path / "b.txt"
    trimmed = demo_sources()[2].content.replace("Sunday", "Sunday afternoon").split("\n\n")[:-2]
    copy.write_text("\n\n".join(trimmed))
    db = str(tmp_path / "d.duckdb")
    runner = CliRunner()
    assert runner.invoke(main, ["ingest", "--db", db, str(original)]).exit_code == 0
    result = runner.invoke(main, ["ingest", "--db", db, str(copy)])
    assert result.exit_code == 0 and "1 near-duplicates" in result.stderr
    with eventwire.Store(db) as store:
        docs = {d.source.path: d for d in store.documents()}
    assert docs[str(copy)].duplicate_of is not None
    assert docs[str(copy)].duplicate_of.id == docs[str(original)].id  # type: ignore[union-attr]
