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

from eventwire.extract.quotes import find_marked
from eventwire.records import Actor
from eventwire.resources import resource_table

WINDOW = 3  # sentences back in which an antecedent is looked for
_MALE = {"he", "him", "his", "himself"}
_FEMALE = {"she", "her", "hers", "herself"}
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
    if not people:
        return tuple(actors), {}
    sentence_starts = [s.start_char for s in doc.sents]

    def sentence_of(position: int) -> int:
        return bisect_right(sentence_starts, position) - 1

    named = sorted(
        (start, end, actor_id, _is_subject(doc, start))
        for actor_id, person in people.items()
        for start, end in person.actor.mentions
    )
    quoted = _quoted_ranges(body)
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
    out = []
    for actor in actors:
        person = people.get(actor.id)
        if person is None or not person.extra:
            out.append(actor)
            continue
        mentions = tuple(sorted(set(actor.mentions) | set(person.extra)))
        out.append(dataclasses.replace(actor, mentions=mentions))
    return tuple(out), pronouns
