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


def test_quotes_doubled_apostrophes_and_same_paragraph_continuation(nlp: Language) -> None:
    text = (
        "Economist Rosa Vance studied the plan.\n\n"
        "''It is a tax increase,'' said Ms. Vance. ''Nothing more than that.''"
    )
    got = _quotes(nlp, text)
    assert got == [
        ("It is a tax increase,", "direct", "Rosa Vance"),
        ("Nothing more than that.", "direct", "Rosa Vance"),
    ]


def test_quotes_reported_speech_belongs_to_the_reporting_speaker(nlp: Language) -> None:
    text = (
        "Deputy Minister Ivan Sokol spoke in July. He said Moscow told Washington "
        '"in a direct way" that the bases were unacceptable.'
    )
    assert _quotes(nlp, text) == [("in a direct way", "partial", "Ivan Sokol")]


def test_quotes_running_over_paragraphs_are_one_quote(nlp: Language) -> None:
    text = (
        "Mayor Lena Ortiz told the council:\n\n"
        '"The bridge will close in May.\n\n'
        '"Traffic will go through the north road until the repairs end."'
    )
    got = _quotes(nlp, text)
    assert len(got) == 1
    assert got[0][0].startswith("The bridge") and got[0][0].endswith("repairs end.")
    assert got[0][2] == "Lena Ortiz"


def _cited(nlp: Language, text: str) -> list[tuple[str | None, str]]:
    doc = nlp(text)
    actors, pronouns = resolve_coreference(doc, extract_actors(doc)[0])
    return [(q.speaker_text, q.rule) for q in extract_quotes(doc, actors, pronouns)]


def test_quotes_attribution_after_in_either_order(nlp: Language) -> None:
    text = (
        '"The harvest is lost in three districts," said Amara Diallo, a regional agriculture '
        "official.\n\n"
        '"We need seed before the rains," Diallo told the radio station.\n\n'
        '"Who will pay for the pumps?" a farmer at the meeting asked.'
    )
    assert _cited(nlp, text) == [
        ("Amara Diallo", "quote.attribution_after"),
        ("Diallo", "quote.attribution_after"),
        ("a farmer at the meeting", "quote.attribution_after"),
    ]


def test_quotes_words_inside_a_quote_are_never_its_speaker(nlp: Language) -> None:
    text = (
        '"Prices are up again. Full stop," said Tomas Lindqvist, who chairs the consumer '
        "council in Uppsala."
    )
    assert _cited(nlp, text) == [("Tomas Lindqvist", "quote.attribution_after")]


def test_quotes_mixed_marks_and_a_colon_in_the_paragraph(nlp: Language) -> None:
    text = (
        'The mayor of Porto Velho has a new slogan for the campaign: "Clean water first.\u201d '
        "She repeated it at every stop."
    )
    cited = _cited(nlp, text)
    assert cited == [("The mayor of Porto Velho", "quote.colon_cue")]


def test_quotes_after_reported_speech_belong_to_its_speaker(nlp: Language) -> None:
    text = (
        "Mayor Ines Carvalho said on Monday that the flood barriers had held.\n\n"
        '"We were lucky this time, and we know it."'
    )
    assert _cited(nlp, text) == [("Mayor Ines Carvalho", "quote.reported_before")]
