"""Shared fixtures: the spaCy model loaded once per session, fixture paths, the shared data."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from eventwire.annotate import load_model
from eventwire.records import Document

DATA = Path(__file__).parent / "data"
SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"
SEED = SHARED / "seed" / "000_9ee1bc05f03825ac.txt"


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_model()


@pytest.fixture(scope="session")
def data_dir() -> Path:
    return DATA


@pytest.fixture(scope="session")
def seed_path() -> Path:
    if not SEED.exists():
        pytest.skip("../shared/data is not beside this checkout")
    return SEED


@pytest.fixture(scope="session")
def seed_document(seed_path: Path, nlp: Language) -> Document:
    import eventwire

    return eventwire.extract(seed_path.read_text(encoding="utf-8"), published="2021-09-23")


@pytest.fixture(scope="session")
def plain_document(nlp: Language) -> Document:
    import eventwire

    return eventwire.extract(
        (DATA / "article_plain.txt").read_text(encoding="utf-8"), published="2025-03-05"
    )
