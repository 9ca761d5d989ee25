"""spaCy components of eventwire: paragraph breaks bound sentences and entities.

Registered once, by name, with versioned factories; the model module adds them to the pipeline.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span


def _is_break(text: str) -> bool:
    return text.count("\n") >= 1


@Language.component(
    "eventwire_paragraph_breaks",
    assigns=["token.is_sent_start"],
)
def paragraph_breaks(doc: Doc) -> Doc:
    """A token after a line break starts a sentence; the parser keeps preset boundaries."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        after_break = _is_break(previous.whitespace_) or (
            previous.is_space and _is_break(previous.text)
        )
        if after_break and not token.is_space:
            token.is_sent_start = True
    return doc


@Language.component(
    "eventwire_entity_guard",
    requires=["doc.ents"],
    assigns=["doc.ents"],
)
def entity_guard(doc: Doc) -> Doc:
    """Entities never cross a line break: keep the part before the break (if any text is left)."""
    kept: list[Span] = []
    for ent in doc.ents:
        if "\n" not in ent.text:
            kept.append(ent)
            continue
        end = ent.start
        while end < ent.end and "\n" not in doc[end].text and "\n" not in doc[end].whitespace_:
            end += 1
        if end < ent.end and "\n" in doc[end].whitespace_:
            end += 1  # the token itself is clean; the break is in its trailing whitespace
        if end > ent.start:
            kept.append(Span(doc, ent.start, end, label=ent.label_))
    doc.ents = kept
    return doc
