from __future__ import annotations

from spacy.language import Language

from eventwire.extract.actors import extract_actors


def _actors(nlp: Language, text: str) -> dict[str, object]:
    actors, _ = extract_actors(nlp(text))
    return {a.name: a for a in actors}


def test_actors_surnames_merge_with_titles_and_country(nlp: Language) -> None:
    text = (
        "U.S. Defense Secretary Lloyd Austin met Chinese officials on Monday. "
        "Austin said the talks were useful, and Austin later flew home."
    )
    actors = _actors(nlp, text)
    austin = actors["Lloyd Austin"]
    assert "Austin" not in actors
    assert austin.kind == "person" and austin.country == "USA"  # type: ignore[attr-defined]
    assert len(austin.mentions) == 3  # type: ignore[attr-defined]
    assert any("Secretary" in role for role in austin.roles)  # type: ignore[attr-defined]


def test_actors_capitals_are_governments_unless_locative(nlp: Language) -> None:
    actors = _actors(nlp, "Moscow warned Kyiv on Tuesday. The talks were held in Ankara.")
    assert actors["Russia"].kind == "country"  # type: ignore[attr-defined]
    assert "Turkey" not in actors and "Türkiye" not in actors


def test_actors_demonyms_join_their_country(nlp: Language) -> None:
    actors = _actors(nlp, "Russia said Russian forces would stay. The Russians did not comment.")
    russia = actors["Russia"]
    assert len(russia.mentions) >= 2  # type: ignore[attr-defined]


def test_actors_photo_credits_are_not_actors(nlp: Language) -> None:
    actors, entities = extract_actors(
        nlp("The minister spoke in Nairobi. Jana Ruiz/AFP via Getty Images")
    )
    assert not any("Ruiz" in a.name for a in actors)
    assert all(e.actor is None for e in entities if "Ruiz" in e.text)
