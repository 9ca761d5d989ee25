"""Coreference inside one story: pronouns and title descriptions joined to the actors named.

Actors arrive with their named mentions already merged (extract/actors.py: full names,
surnames, countries and their capitals). This adds what names alone miss:

1. Personal pronouns (he, him, his, she, her, himself, herself) go to the most salient person
   named before them: recent (same or previous sentences), a grammatical subject, and of the
   pronoun's gender when the story has shown it (an honorific such as "Mr."/"Ms." before a
   mention, or a pronoun already resolved to that person). A pronoun with no person named
   within `WINDOW` sentences before it stays unresolved; so do pronouns inside quotes (the
   quoted speaker's "I"/"we" and the people they mention are the speaker's, not the writer's).
2. A definite title ("the general", "the minister") goes to the last person named before it
   whose roles hold that title word.
3. "it"/"its" and "they"/"them"/"their" go to an organisation, country or group when it is the
   latest subject before them (`_collective_pronouns`).

Each resolved span is added to its actor's mentions; the pronoun map (start offset -> actor id)
lets quotes and events name the actor a pronoun stands for.
"""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from eventwire.extract.actors import actor_at
from eventwire.extract.quotes import find_marked
from eventwire.records import Actor
from eventwire.resources import resource_table

WINDOW = 3  # sentences back in which an antecedent is looked for
_MALE = {"he", "him", "his", "himself"}
_FEMALE = {"she", "her", "hers", "herself"}
_IT = {"it", "its", "itself"}
_THEY = {"they", "them", "their", "themselves"}
_EXPLETIVE_HEADS = {"be", "seem", "appear", "remain", "take", "matter", "happen", "look"}
_HONORIFIC = re.compile(r"\b(?P<m>Mr|Sir|Lord)\.?\s*$|\b(?P<f>Mrs|Ms|Miss|Madam|Lady|Dame)\.?\s*$")


@dataclass
class _Person:
    actor: Actor
    gender: str | None = None
    extra: list[tuple[int, int]] = field(default_factory=list)


def _title_words() -> set[str]:
    return {row["title"] for row in resource_table("titles.tsv") if " " not in row["title"]}


def _gender_from_names(body: str, actor: Actor) -> str | None:
    for start, _ in actor.mentions:
        found = _HONORIFIC.search(body[max(0, start - 6) : start])
        if found:
            return "m" if found.group("m") else "f"
    return None


def _quoted_ranges(body: str) -> list[tuple[int, int]]:
    return [(m.open, m.close) for m in find_marked(body)]


def _inside(ranges: list[tuple[int, int]], position: int) -> bool:
    return any(a < position < b for a, b in ranges)


def _is_subject(doc: Doc, start: int) -> bool:
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    token = span[0] if span is not None and len(span) else None
    while token is not None and token.dep_ in {"compound", "flat"}:
        token = token.head
    return token is not None and token.dep_ in {"nsubj", "nsubjpass"}


def resolve_coreference(
    doc: Doc, actors: Sequence[Actor]
) -> tuple[tuple[Actor, ...], dict[int, str]]:
    """Actors with pronoun and title mentions added, and the pronoun map (module docstring)."""
    body = doc.text
    people = {a.id: _Person(a, _gender_from_names(body, a)) for a in actors if a.kind == "person"}
    quoted = _quoted_ranges(body)
    collective = _collective_pronouns(doc, actors, quoted)
    if not people:
        return _with_mentions(actors, collective), {p: a for p, (_, a) in collective.items()}
    sentence_starts = [s.start_char for s in doc.sents]

    def sentence_of(position: int) -> int:
        return bisect_right(sentence_starts, position) - 1

    named = sorted(
        (start, end, actor_id, _is_subject(doc, start))
        for actor_id, person in people.items()
        for start, end in person.actor.mentions
    )
    titles = _title_words()
    pronouns: dict[int, str] = {}
    resolved: list[tuple[int, str, bool]] = []  # (position, actor id, subject) of resolved pronouns

    def antecedent(token: Token, gender: str | None) -> str | None:
        here = sentence_of(token.idx)
        best: tuple[float, str] | None = None
        candidates = [(s, a, subj) for s, _, a, subj in named if s < token.idx] + [
            (p, a, subj) for p, a, subj in resolved if p < token.idx
        ]
        for start, actor_id, subject in candidates:
            distance = here - sentence_of(start)
            if distance > WINDOW:
                continue
            known = people[actor_id].gender
            if gender and known and known != gender:
                continue
            score = -1.5 * distance + (1.0 if subject else 0.0) + start / max(len(body), 1)
            score += 0.5 if gender and known == gender else 0.0
            if best is None or score > best[0]:
                best = (score, actor_id)
        return best[1] if best else None

    for token in doc:
        lower = token.lower_
        if token.pos_ == "PRON" and lower in _MALE | _FEMALE and not _inside(quoted, token.idx):
            gender = "m" if lower in _MALE else "f"
            actor_id = antecedent(token, gender)
            if actor_id is not None:
                pronouns[token.idx] = actor_id
                people[actor_id].extra.append((token.idx, token.idx + len(token.text)))
                people[actor_id].gender = people[actor_id].gender or gender
                resolved.append((token.idx, actor_id, token.dep_ in {"nsubj", "nsubjpass"}))
        elif (
            lower in titles
            and token.i > 0
            and token.nbor(-1).lower_ == "the"
            and token.ent_type_ == ""
            and (token.i + 1 >= len(doc) or token.nbor(1).ent_type_ != "PERSON")
        ):
            match = [
                (s, a)
                for s, _, a, _ in named
                if s < token.idx and any(lower in r.lower().split() for r in people[a].actor.roles)
            ]
            if match:
                actor_id = max(match)[1]
                start = token.nbor(-1).idx
                people[actor_id].extra.append((start, token.idx + len(token.text)))
    pronouns.update({position: actor_id for position, (_, actor_id) in collective.items()})
    return _with_mentions(actors, collective, {a: p.extra for a, p in people.items()}), pronouns


def _with_mentions(
    actors: Sequence[Actor],
    collective: dict[int, tuple[int, str]],
    extra: dict[str, list[tuple[int, int]]] | None = None,
) -> tuple[Actor, ...]:
    """Actors with the resolved spans added to their mentions."""
    extra = {k: list(v) for k, v in (extra or {}).items()}
    for position, (end, actor_id) in collective.items():
        extra.setdefault(actor_id, []).append((position, end))
    return tuple(
        dataclasses.replace(actor, mentions=tuple(sorted({*actor.mentions, *extra[actor.id]})))
        if extra.get(actor.id)
        else actor
        for actor in actors
    )


def _is_agent_group(actor: Actor) -> bool:
    """A group named by an agent noun ("Russian troops"), not a named one ("Taliban")."""
    return actor.kind == "group" and any(r.startswith("group.") for r in actor.rules)


def _collective_pronouns(
    doc: Doc, actors: Sequence[Actor], quoted: list[tuple[int, int]]
) -> dict[int, tuple[int, str]]:
    """ "it"/"its" and "they"/"them"/"their" resolved to organisations, countries and groups:
    start -> (end, actor id).

    A possessive goes to the nearest compatible actor before it in its sentence ("Russia and
    its allies"). Otherwise, precision first: the antecedent is the latest grammatical subject before the pronoun
    within the same or the previous sentence, and only if that subject is an actor of a
    compatible kind ("it": an organisation, a country or a named group; "they": a group or an
    organisation). "It" is read only as a subject or "its"; an expletive ("it is likely that")
    or an "it" whose latest subject is a thing ("the base ... it") stays unresolved.
    """
    out: dict[int, tuple[int, str]] = {}
    starts = [s.start for s in doc.sents]  # token index of each sentence's first token
    latest: Token | None = None  # the latest subject noun
    for token in doc:
        lower = token.lower_
        if token.pos_ == "PRON" and lower in _IT | _THEY and not _inside(quoted, token.idx):
            it = lower in _IT
            if it and (token.dep_ not in {"nsubj", "nsubjpass", "poss"} or _expletive(token)):
                continue
            here = bisect_right(starts, token.i) - 1
            window = starts[max(0, here - 1)]  # the same or the previous sentence
            antecedent = None
            if token.dep_ == "poss":
                antecedent = _nearest_before(doc[starts[here]].idx, token, actors, it)
            if antecedent is None and latest is not None and latest.i >= window:
                antecedent = actor_at(actors, latest.idx, latest.idx + len(latest))
            if antecedent is not None and _compatible(antecedent, it):
                out[token.idx] = (token.idx + len(token.text), antecedent.id)
        if token.dep_ in {"nsubj", "nsubjpass"} and token.pos_ in {"NOUN", "PROPN"}:
            latest = token
    return out


def _nearest_before(start: int, token: Token, actors: Sequence[Actor], it: bool) -> Actor | None:
    """For a possessive, the nearest compatible actor named between `start` (its sentence's)
    and it ("Russia and its allies")."""
    found = [
        (m_start, actor)
        for actor in actors
        if _compatible(actor, it)
        for m_start, m_end in actor.mentions
        if start <= m_start and m_end <= token.idx
    ]
    return max(found, key=lambda pair: pair[0])[1] if found else None


def _expletive(token: Token) -> bool:
    head = token.head
    return token.dep_ == "expl" or (
        head.lemma_ in _EXPLETIVE_HEADS
        and any(c.dep_ in {"ccomp", "xcomp", "acomp", "attr"} for c in head.children)
    )


def _compatible(actor: Actor, it: bool) -> bool:
    if it:
        return actor.kind in {"organization", "country"} or (
            actor.kind == "group" and not _is_agent_group(actor)
        )
    return actor.kind in {"group", "organization"}
