"""Coreference: pronouns and title descriptions joined to the people named before them."""

from __future__ import annotations

from spacy.language import Language

from eventwire.extract.actors import extract_actors
from eventwire.extract.coref import resolve_coreference


def _people(nlp: Language, text: str):  # type: ignore[no-untyped-def]
    doc = nlp(text)
    actors, pronouns = resolve_coreference(doc, extract_actors(doc)[0])
    return doc, {a.name: a for a in actors}, pronouns


def test_pronouns_go_to_the_salient_person_of_their_gender(nlp: Language) -> None:
    text = (
        "Foreign Minister Amina Diallo met Mr. Tomas Berg in Dakar on Monday. "
        "She said the talks were frank. He later flew home, and she thanked him."
    )
    doc, people, pronouns = _people(nlp, text)
    diallo, berg = people["Amina Diallo"], people["Tomas Berg"]
    she = text.index("She said")
    he = text.index("He later")
    assert pronouns[she] == diallo.id
    assert pronouns[he] == berg.id
    assert (she, she + 3) in diallo.mentions
    assert pronouns[text.index("him.")] == berg.id


def test_title_description_joins_the_person_with_that_role(nlp: Language) -> None:
    text = (
        "General Petra Lind, the army chief, visited the border. "
        "Reporters asked the general about the new posts."
    )
    _, people, _ = _people(nlp, text)
    lind = people["Petra Lind"]
    start = text.index("the general")
    assert (start, start + len("the general")) in lind.mentions


def test_pronouns_inside_quotes_and_without_antecedent_stay_unresolved(nlp: Language) -> None:
    text = 'He arrived late. Minister Omar Haddad said: "He will not come back."'
    _, people, pronouns = _people(nlp, text)
    assert 0 not in pronouns
    assert text.index("He will") not in pronouns
    assert len(people["Omar Haddad"].mentions) == 1
