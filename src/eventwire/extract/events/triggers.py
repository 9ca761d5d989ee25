"""Event triggers: verbs and event nouns of the lexicon, in main and subordinate clauses."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Token

from eventwire.extract.events.coding import Coding, code_trigger

# spaCy's coarse tags that can carry an event, mapped to the lexicon's pos column.
_POS = {"VERB": "VERB", "NOUN": "NOUN", "PROPN": "NOUN"}


def _particles(token: Token) -> tuple[str, ...]:
    """Particles and prepositions attached to a verb (for phrasal entries such as 'call for')."""
    return tuple(c.lemma_ for c in token.children if c.dep_ in {"prt", "prep"} and c.i > token.i)


def find_triggers(tokens: Iterable[Token]) -> Iterator[tuple[Token, Coding]]:
    """Tokens that trigger an event, with what they code to."""
    for token in tokens:
        pos = _POS.get(token.pos_)
        if pos is None or token.ent_type_ in {"PERSON", "GPE", "ORG", "NORP"}:
            continue
        coding = code_trigger(token.lemma_, pos, _particles(token) if pos == "VERB" else ())
        if coding is None and pos == "NOUN" and "-" not in token.text:
            coding = code_trigger(token.lower_, pos)
        if coding is not None:
            yield token, coding
