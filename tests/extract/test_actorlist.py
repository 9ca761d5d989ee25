"""Known actors: our organizations.tsv and a user's own list."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from eventwire.errors import InputFormat
from eventwire.extract.actorlist import actor_list
from eventwire.extract.actors import extract_actors


def test_packaged_list_codes_organisations_and_armed_groups() -> None:
    known = actor_list()
    nato = known.lookup("NATO")
    assert nato is not None and "IGO" in nato.sectors and nato.country is None
    taliban = known.lookup("the Taliban")
    assert taliban is not None and taliban.kind == "group" and taliban.country == "AFG"
    assert known.lookup("Pentagon").country == "USA"  # type: ignore[union-attr]


def test_user_list_adds_actors_with_validity_dates(tmp_path: Path, nlp: Language) -> None:
    path = tmp_path / "mine.tsv"
    path.write_text(
        "name\taliases\tkind\tcountry\tsectors\tvalid_from\tvalid_until\n"
        "Northern Salt Union\tNSU\torganization\tCHL\tLAB\t2020-01-01\t2022-12-31\n",
        encoding="utf-8",
    )
    known = actor_list(str(path))
    assert known.lookup("NSU", "2021-05-01").country == "CHL"  # type: ignore[union-attr]
    assert known.lookup("NSU", "2024-05-01") is None
    doc = nlp("The Northern Salt Union called a strike in Antofagasta on Monday.")
    actors, _ = extract_actors(doc, known, "2021-05-01")
    union = next(a for a in actors if a.name == "Northern Salt Union")
    assert union.country == "CHL" and union.sectors == ("LAB",)


def test_bad_user_list_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.tsv"
    path.write_text("who\twhat\nx\ty\n", encoding="utf-8")
    with pytest.raises(InputFormat, match="header"):
        actor_list(str(path))
