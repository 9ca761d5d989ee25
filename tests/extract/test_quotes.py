from __future__ import annotations

from spacy.language import Language

from eventwire.extract.actors import extract_actors
from eventwire.extract.coref import resolve_coreference
from eventwire.extract.quotes import extract_quotes


def _quotes(nlp: Language, text: str):  # type: ignore[no-untyped-def]
    doc = nlp(text)
    actors, pronouns = resolve_coreference(doc, extract_actors(doc)[0])
    names = {a.id: a.name for a in actors}
    quotes = extract_quotes(doc, actors, pronouns)
    return [(q.text, q.kind, names.get(q.speaker or "")) for q in quotes]


def test_quotes_direct_with_cue_verb_after(nlp: Language) -> None:
    text = 'Minister Grace Otieno spoke in Nairobi.\n\n"We will not accept new bunkers on our side," Otieno told reporters.'
    assert _quotes(nlp, text) == [
        ("We will not accept new bunkers on our side,", "direct", "Grace Otieno")
    ]


def test_quotes_colon_and_pronoun_speaker(nlp: Language) -> None:
    text = 'General Mark Rowe met the envoy. Afterward, he said: "It was a productive meeting."'
    assert _quotes(nlp, text) == [("It was a productive meeting.", "direct", "Mark Rowe")]


def test_quotes_partial_inside_the_writers_sentence(nlp: Language) -> None:
    text = 'General Kenneth Hale said the strike was a "tragic mistake" and ordered a review.'
    assert _quotes(nlp, text) == [("tragic mistake", "partial", "Kenneth Hale")]
