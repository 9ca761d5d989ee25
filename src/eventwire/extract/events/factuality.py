"""Is an event asserted, negated, future or hypothetical, and who reports it?

Read off the trigger's clause: a negation on the trigger or its governing verb; modal and
conditional markers (could, might, would, must, if) -> hypothetical; will, scheduled to, expected to,
plan to -> future. A trigger inside the complement of a speech verb is reported by that verb's
subject.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from eventwire.resources import resource_words

# Modal auxiliaries. With "must" and "should", an act demanded of its subject is not one done
# ("Libya must hand over"); the others (PREDICTIVE) say what may happen.
MODALS = frozenset({"could", "might", "may", "would", "should", "must", "can"})
PREDICTIVE = MODALS - resource_words("obligation_modals.txt")
_HYPOTHETICAL = MODALS | {"if", "unless", "whether"}
NEGATIONS = frozenset({"not", "n't", "never", "no"})
FUTURE = frozenset({"will", "shall", "'ll", "wo"})
_FUTURE_HEADS = {"schedule", "expect", "plan", "intend", "prepare", "aim", "hope", "set", "want"}
_NOUN_HEADS = {"threat", "possibility", "risk", "prospect", "plan", "need", "danger"}


def clause_verb(trigger: Token) -> Token:
    """The verb whose clause states an event: the trigger, or the light verb of an event noun
    ("launch an attack", "hold talks with")."""
    if trigger.pos_ in {"NOUN", "PROPN"}:
        if trigger.dep_ in {"dobj", "nsubjpass", "nsubj"} and trigger.head.pos_ in {"VERB", "AUX"}:
            return trigger.head
        if trigger.dep_ == "pobj" and trigger.head.head.pos_ in {"VERB", "AUX"}:
            return trigger.head.head
    return trigger


def _clause_chain(trigger: Token) -> list[Token]:
    """The trigger, its light verb, and the verbs that govern it through xcomp/aux chains
    ("scheduled to testify")."""
    chain = [trigger]
    token = clause_verb(trigger)
    if token is not trigger:
        chain.append(token)
    while token.head.i != token.i and (
        token.dep_ in {"xcomp", "aux", "auxpass", "pcomp"}
        or token.dep_ == "conj"
        and not any(c.dep_ in {"nsubj", "nsubjpass", "aux"} for c in token.children)
    ):
        # a conjunct verb with no subject or auxiliary of its own shares its head's ("could
        # regroup and pose a threat")
        token = token.head
        chain.append(token)
    return chain


def clause_markers(tokens: Iterable[Token]) -> set[str]:
    """Auxiliaries, negations, subordinators and adverbs attached to the given verbs."""
    found = set()
    for token in tokens:
        for child in token.children:
            if child.dep_ in {"aux", "auxpass", "neg", "mark", "advmod"}:
                found.add(child.lower_)
    return found


def factuality(trigger: Token) -> str:
    """asserted | negated | future | hypothetical for the event a trigger names."""
    chain = _clause_chain(trigger)
    markers = clause_markers(chain)
    if markers & NEGATIONS:
        return "negated"
    if markers & _HYPOTHETICAL:
        return "hypothetical"
    demands = resource_words("demand_heads.txt")
    if any(t.dep_ in {"ccomp", "xcomp"} and t.head.lemma_ in demands for t in chain):
        return "hypothetical"  # "insisted the U.S. vacate": asked for, not done
    if trigger.pos_ == "NOUN" and (
        any(c.lower_ in {"future", "possible", "potential"} for c in trigger.children)
        or trigger.head.lemma_ in _NOUN_HEADS
    ):
        return "hypothetical"
    if markers & FUTURE or any(t.lemma_ in _FUTURE_HEADS for t in chain[1:]):
        return "future"
    return "asserted"


def reporter(trigger: Token) -> Token | None:
    """The subject of the speech verb whose complement holds the trigger, if any."""
    token = trigger
    while token.head.i != token.i:
        if token.dep_ in {
            "ccomp",
            "xcomp",
            "advcl",
            "conj",
        } and token.head.lemma_ in resource_words("speech_verbs.txt"):
            return next((c for c in token.head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if token.dep_ not in {"ccomp", "xcomp", "conj", "aux", "relcl", "advcl"}:
            return None
        token = token.head
    return None


def intent(trigger: Token) -> str | None:
    """The word that makes the trigger's clause a statement of intent by its subject ("will",
    "willing", "vowed", resources/intent_heads.txt), or None. A negated clause has none."""
    chain = _clause_chain(trigger)
    markers = clause_markers(chain)
    if markers & NEGATIONS:
        return None
    heads = resource_words("intent_heads.txt")
    stated = min(markers & heads, default=None)
    return (
        stated
        if stated is not None
        else next((t.lemma_ for t in chain[1:] if t.lemma_ in heads), None)
    )
