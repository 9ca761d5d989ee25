"""Source and target of a trigger, read from the dependency parse.

Verbs: the subject is the source (the agent of a passive); the object, the passive subject, the
object of a role preposition ("with", "against", "on", "to") or the subject of a complement
clause ("insisted the U.S. vacate") is the target. A verb without a subject inherits the subject
of the verb that governs it ("agreed not to disclose"). Coordinated arguments ("X and Y") each
count.
Nouns: "the meeting between X and Y", "X's talks with Y", modifiers ("a U.S. airstrike"), and
the subject of a light verb governing the noun ("Russia imposed sanctions on ...").
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from eventwire.extract.actors import actor_at, title_sectors
from eventwire.extract.events.factuality import PREDICTIVE
from eventwire.records import Actor
from eventwire.resources import resource_words

SUBJECTS = {"nsubj", "csubj"}
ACTOR_ENTS = {"PERSON", "ORG", "GPE", "NORP"}
OBJECTS = {"dobj", "dative", "attr", "oprd"}
TARGET_PREPS = {
    "with",
    "against",
    "on",
    "to",
    "at",
    "toward",
    "towards",
    "into",
    "for",
    "from",
    "upon",
    "over",
}
_PRONOUNS = {"he": "person", "she": "person", "him": "person", "her": "person", "his": "person",
             "it": "other", "its": "other", "they": "any", "them": "any", "their": "any"}  # fmt: skip


def _with_conjuncts(token: Token) -> list[Token]:
    found = [token]
    for child in token.children:
        if child.dep_ == "conj":
            found.extend(_with_conjuncts(child))
    return found


def _children(token: Token, deps: set[str]) -> list[Token]:
    return [c for c in token.children if c.dep_ in deps]


def _prep_objects(token: Token, preps: set[str]) -> list[Token]:
    found = []
    for prep in token.children:
        if prep.dep_ in {"prep", "agent", "dative"} and prep.lower_ in preps | {"by"}:
            found.extend(_children(prep, {"pobj"}))
    return found


def verb_arguments(verb: Token) -> tuple[list[Token], list[Token]]:
    """(sources, targets) heads of a verb trigger."""
    sources = _children(verb, SUBJECTS)
    targets = _children(verb, {"nsubjpass"})
    if targets:  # passive: "was attacked by X"
        sources = [p for p in _prep_objects(verb, {"by"}) if p.head.lower_ == "by"]
    if not sources and not targets:
        sources = inherited_subjects(verb)
    things = [s for s in sources if not _may_act(s)]
    if things and verb.dep_ == "ccomp" and verb.head.lemma_ in resource_words("causatives.txt"):
        # "Uzbekistan ordered the base closed": the causer acts on the thing
        targets = things + targets
        sources = _children(verb.head, SUBJECTS)
    targets += _children(verb, OBJECTS)
    targets += [p for p in _prep_objects(verb, TARGET_PREPS) if p.head.lower_ != "by"]
    for clause in _children(verb, {"ccomp", "xcomp"}):
        # "insisted the U.S. vacate": the one told to act; not "warned that al-Qaida could
        # regroup" (a prediction about it) nor "reaffirmed that the constitution rules out"
        if not any(c.dep_ == "aux" and c.lower_ in PREDICTIVE for c in clause.children):
            targets += [
                t
                for t in _children(clause, {"nsubj"})
                if _may_act(t) or verb.lemma_ in resource_words("causatives.txt")
            ]
    return _expand(sources), _expand(targets)


def inherited_subjects(verb: Token) -> list[Token]:
    """The subject a verb without one takes from the verbs that govern it ("agreed not to
    disclose", "is willing to withdraw", "could regroup and pose a threat"), when it can act
    ("The incident raised questions about strikes to target X" has no source)."""
    head = verb
    while head.dep_ in {"xcomp", "conj", "advcl", "ccomp", "acomp"} and head.head.i != head.i:
        head = head.head
        subjects = _children(head, SUBJECTS)
        if subjects:
            return [s for s in subjects if _may_act(s)]
    return []


# prepositions by which a thing names the actor it concerns ("the withdrawal *of* Serbian forces",
# "a curfew *in* Algiers", "relations *with* Russia")
INNER_PREPS = {"of", "on", "in", "against", "with", "to", "from", "toward", "towards"}


def _inner(token: Token) -> list[Token]:
    return [p for p in _prep_objects(token, INNER_PREPS) if p.head.lower_ != "by"]


def inner_targets(trigger: Token, targets: Sequence[Token]) -> list[Token]:
    """Target heads to try when none of `targets` names an actor: the actor a thing concerns
    ("demanded the withdrawal of Serbian forces", "imposed a curfew in Cizre") and the targets
    of the act the trigger's complement states ("threatened to break relations with Russia")."""
    found: list[Token] = []
    for target in targets:
        if not _may_act(target):
            found += _inner(target)
    for clause in _children(trigger, {"xcomp"}):
        if clause.pos_ != "VERB":
            continue
        _, theirs = verb_arguments(clause)
        for target in theirs:
            found += [target] if _may_act(target) else _inner(target)
    return _expand(found)


def _may_act(token: Token) -> bool:
    """Can a subject be an actor: a name, a pronoun, or a noun for people or bodies?"""
    return (
        token.ent_type_ in ACTOR_ENTS
        or token.pos_ in {"PRON", "PROPN"}
        or token.lemma_.lower() in title_sectors()
    )


def noun_arguments(noun: Token) -> tuple[list[Token], list[Token]]:
    """(sources, targets) heads of an event-noun trigger."""
    sources: list[Token] = []
    targets: list[Token] = []
    between = [p for p in noun.children if p.lower_ == "between"]
    for prep in between:
        pair = [t for obj in _children(prep, {"pobj"}) for t in _with_conjuncts(obj)]
        sources, targets = pair[:1], pair[1:]
    sources += _children(noun, {"poss"})
    # modifiers name a participant only when they are names ("a U.S. airstrike", "Russian warnings")
    sources += [
        c for c in _children(noun, {"compound", "amod", "nmod"}) if c.ent_type_ in ACTOR_ENTS
    ]
    targets += _prep_objects(noun, TARGET_PREPS - {"from"})
    if noun.dep_ in {"dobj", "pobj"}:  # a light verb: "X launched an attack on Y", "held talks"
        verb = noun.head if noun.dep_ == "dobj" else noun.head.head
        if verb.pos_ in {"VERB", "AUX"}:
            sources += _children(verb, SUBJECTS) or inherited_subjects(verb)
            targets += [p for p in _prep_objects(verb, TARGET_PREPS) if p is not noun]
    return _expand(sources), _expand(targets)


# Entity types that are never participants ("met on Wednesday", "killed 10").
NOT_PARTICIPANTS = {"DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY"}


def _expand(tokens: list[Token]) -> list[Token]:
    """Argument heads with their conjuncts, without dates, numbers and other non-participants."""
    out: list[Token] = []
    for token in tokens:
        for conj in _with_conjuncts(token):
            if conj not in out and conj.ent_type_ not in NOT_PARTICIPANTS:
                out.append(conj)
    return out


def resolve_argument(token: Token, actors: Sequence[Actor]) -> tuple[Actor | None, str]:
    """The actor an argument head names (its own span, then its phrase), and the phrase's text.

    Pronouns go to the nearest compatible actor mentioned before them; a relative pronoun to
    the noun its clause modifies ("a mistake that killed 10 civilians"), and a predicate noun
    to its subject ("it was a mistake that ...": "it").
    """
    token = _antecedent_noun(token)
    kind = _PRONOUNS.get(token.lower_)
    if kind is not None:
        speaker = _reporting_subject(token)
        if speaker is not None and speaker.lower_ not in _PRONOUNS:
            found = resolve_argument(speaker, actors)[0]
            if found is not None and (
                kind == "any" or (kind == "person") == (found.kind == "person")
            ):
                return found, token.text  # "Syria says it is willing": Syria
        return _antecedent(token, kind, actors), token.text
    phrase = token.doc[token.left_edge.i : token.right_edge.i + 1]
    found = actor_at(actors, token.idx, token.idx + len(token.text))
    if found is None:
        # the phrase's own modifiers ("Russian officials"), not a clause hanging off it
        for child in token.children:
            if child.dep_ in {"compound", "amod", "poss", "nmod", "appos"} or child.i < token.i:
                found = actor_at(
                    actors, child.left_edge.idx, child.right_edge.idx + len(child.right_edge)
                )
                if found:
                    break
    if found is None and token.pos_ == "NOUN":
        found = _holder(token, actors)
    text = phrase.text if len(phrase) <= 12 else token.text
    return found, text


HOLDER_WINDOW = 2  # sentences back in which "the base" looks for the one an actor leased


def _holder(token: Token, actors: Sequence[Actor]) -> Actor | None:
    """The actor that holds a thing named by a definite noun phrase ("ordered the base closed"
    after "The U.S. leased K2 as a base"): the subject of a holding verb (resources/holders.txt)
    whose object is an earlier mention of the same noun, within HOLDER_WINDOW sentences."""
    if not any(c.lower_ in {"the", "that", "this"} for c in token.children if c.dep_ == "det"):
        return None
    sentence = token.sent
    start = sentence.start
    for _ in range(HOLDER_WINDOW):
        if start == 0:
            break
        start = token.doc[start - 1].sent.start
    holders = resource_words("holders.txt")
    for earlier in reversed(token.doc[start : token.i]):
        if earlier.lemma_ != token.lemma_ or earlier.pos_ != "NOUN":
            continue
        verb = earlier.head.head if earlier.dep_ == "pobj" else earlier.head
        if earlier.dep_ in {"dobj", "pobj"} and verb.lemma_ in holders:
            for subject in _children(verb, SUBJECTS):
                holder = actor_at(actors, subject.idx, subject.idx + len(subject.text))
                if holder is not None:
                    return holder
    return None


def _reporting_subject(token: Token) -> Token | None:
    """The subject of the clause that reports the pronoun's clause ("X says it will ...")."""
    if token.dep_ not in {"nsubj", "nsubjpass"} or token.head.dep_ != "ccomp":
        return None
    verb = token.head.head
    while True:  # "X claimed ..., but now says it was": the conjunct shares X
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None or verb.dep_ != "conj":
            return subject
        verb = verb.head


def _antecedent_noun(token: Token) -> Token:
    """What a relative pronoun stands for, through a copula ("it was a mistake that")."""
    if token.tag_ not in {"WDT", "WP"} or token.head.dep_ != "relcl":
        return token
    noun = token.head.head
    if noun.dep_ == "attr" and noun.head.lemma_ == "be":
        subject = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
        if subject is not None:
            return subject
    return noun


def _antecedent(token: Token, kind: str, actors: Sequence[Actor]) -> Actor | None:
    best: tuple[int, Actor] | None = None
    for actor in actors:
        if kind == "person" and actor.kind != "person":
            continue
        if kind == "other" and actor.kind == "person":
            continue
        for start, _ in actor.mentions:
            if start < token.idx and (best is None or start > best[0]):
                best = (start, actor)
    return best[1] if best else None
