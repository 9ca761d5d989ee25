from __future__ import annotations

from spacy.language import Language


def test_components_sentences_and_entities_stop_at_paragraph_breaks(nlp: Language) -> None:
    text = "Photo by Jana Ruiz/Getty Images\n\nWithout troops the United States will rely on allies\n\nAnd more"
    doc = nlp(text)
    for sent in doc.sents:
        assert "\n\n" not in sent.text.strip()
    for ent in doc.ents:
        assert "\n" not in ent.text
    starts = {s.start_char for s in doc.sents}
    assert text.index("Without") in starts and text.index("And more") in starts


def test_components_model_loads_once(nlp: Language) -> None:
    from eventwire.annotate import load_model

    assert load_model() is nlp
    assert (
        "eventwire_paragraph_breaks" in nlp.pipe_names
        and "eventwire_entity_guard" in nlp.pipe_names
    )
