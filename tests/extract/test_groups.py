from __future__ import annotations

from spacy.language import Language

from eventwire.extract.actors import extract_actors
from eventwire.extract.groups import add_group_actors
from eventwire.records import Actor


def _groups(nlp: Language, text: str) -> tuple[str, tuple[Actor, ...]]:
    doc = nlp(text)
    named, _ = extract_actors(doc)
    return text, add_group_actors(doc, named)


def _texts(text: str, actor: Actor) -> list[str]:
    return [text[s:e] for s, e in actor.mentions]


def test_groups_take_their_country_from_modifiers(nlp: Language) -> None:
    text, actors = _groups(
        nlp,
        "Russian troops crossed the border at dawn, and Ukrainian police closed the road. "
        "Lawmakers from Poland condemned the move.",
    )
    groups = {a.name: a for a in actors if a.kind == "group"}
    assert groups["Russian troops"].country == "RUS"
    assert groups["Russian troops"].sectors[0] == "MIL"
    assert groups["Ukrainian police"].country == "UKR"
    assert groups["Ukrainian police"].sectors[0] == "COP"
    lawmakers = next(a for a in groups.values() if "Lawmakers" in a.name or "lawmakers" in a.name)
    assert lawmakers.country == "POL" and lawmakers.rules == ("group.modifier",)


def test_groups_bare_repeat_joins_the_last_group(nlp: Language) -> None:
    text, actors = _groups(
        nlp,
        "Kenyan police fired tear gas at the crowd on Monday. "
        "Witnesses said the police later withdrew from the square.",
    )
    police = [a for a in actors if a.kind == "group" and "police" in a.name]
    assert len(police) == 1
    assert police[0].country == "KEN"
    assert _texts(text, police[0]) == ["Kenyan police", "police"]


def test_groups_noun_modifiers_are_not_groups(nlp: Language) -> None:
    _, actors = _groups(nlp, "The police station was closed and the army base was empty.")
    assert not [a for a in actors if a.kind == "group"]


def test_groups_named_organisation_members_join_it(nlp: Language) -> None:
    text, actors = _groups(
        nlp, "The Taliban said on Friday that Taliban fighters had taken the district centre."
    )
    taliban = next(a for a in actors if a.name == "Taliban")
    assert "Taliban fighters" in _texts(text, taliban)
    assert not [a for a in actors if a.kind == "group" and "fighters" in a.name]


def test_groups_without_evidence_have_no_country(nlp: Language) -> None:
    _, actors = _groups(
        nlp, "Future strikes on insurgents seen as a threat to America would need approval."
    )
    insurgents = next(a for a in actors if "insurgents" in a.name)
    assert insurgents.country is None and insurgents.rules == ("group.no_country",)
