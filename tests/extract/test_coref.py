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


def test_coref_it_and_they_go_to_the_latest_subject_actor(nlp: Language) -> None:
    from eventwire.extract.actors import extract_actors
    from eventwire.extract.coref import resolve_coreference
    from eventwire.extract.groups import add_group_actors

    text = (
        "The World Health Organization sent a team to Goma on Monday. It said its experts "
        "would stay a month. Congolese soldiers guarded the airport, and they searched every "
        "car. It is likely that the team will return."
    )
    doc = nlp(text)
    actors, pronouns = resolve_coreference(doc, add_group_actors(doc, extract_actors(doc)[0]))
    names = {a.id: a.name for a in actors}
    by_word = {text[p : p + 5].split()[0].strip(".,"): names[a] for p, a in pronouns.items()}
    assert by_word["It"] == "World Health Organization"
    assert by_word["its"] == "World Health Organization"
    assert by_word["they"] == "Congolese soldiers"
    second_it = text.rindex("It is")
    assert second_it not in pronouns  # an expletive "it"
