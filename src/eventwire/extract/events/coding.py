"""The trigger lexicon and the PLOVER ontology, as data: trigger -> type, mode, CAMEO, quad.

Files in ontology/: plover.tsv (types, quads, modes) and triggers.tsv (lemma, pos, type, mode,
cameo, Goldstein intensity). Loaded once per process.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from eventwire.resources import read_tsv

ONTOLOGY = "eventwire.extract.events.ontology"


@dataclass(frozen=True, slots=True)
class Coding:
    """What a trigger codes to."""

    trigger: str
    pos: str
    type: str
    mode: str | None
    cameo: str | None
    quad: int
    intensity: float | None
    rule: str = "lexicon"  # what made the coding: the trigger lexicon, or a named rule


@lru_cache(maxsize=1)
def plover_types() -> dict[str, dict[str, str]]:
    """PLOVER type -> its row of plover.tsv (quad, requires_recipient, modes, description)."""
    return {row["type"]: row for row in read_tsv(ONTOLOGY, "plover.tsv")}


def quad_of(event_type: str) -> int:
    return int(plover_types()[event_type]["quad"])


def needs_recipient(event_type: str) -> bool:
    """Whether the manual requires the type to have a target (COOPERATE, AID, SANCTION)."""
    return plover_types()[event_type]["requires_recipient"] == "yes"


@lru_cache(maxsize=1)
def lexicon() -> dict[tuple[str, str], Coding]:
    """(trigger lemma or 'lemma particle', pos) -> Coding."""
    table: dict[tuple[str, str], Coding] = {}
    for row in read_tsv(ONTOLOGY, "triggers.tsv"):
        if row["type"] not in plover_types():
            continue
        try:
            intensity: float | None = float(row["intensity"])
        except ValueError:
            intensity = None
        coding = Coding(
            trigger=row["trigger"].lower(),
            pos=row["pos"].upper(),
            type=row["type"],
            mode=row["mode"] or None,
            cameo=row["cameo"] or None,
            quad=quad_of(row["type"]),
            intensity=intensity,
        )
        table.setdefault((coding.trigger, coding.pos), coding)
    return table


@lru_cache(maxsize=1)
def phrasal_particles() -> frozenset[str]:
    """Lemmas that have a phrasal entry ('call for'), so the particle must be checked."""
    return frozenset(t.split()[0] for t, _ in lexicon() if " " in t)


def code_trigger(lemma: str, pos: str, particles: tuple[str, ...] = ()) -> Coding | None:
    """The coding of a trigger word: a phrasal entry with one of its particles wins."""
    table = lexicon()
    lemma = lemma.lower()
    for particle in particles:
        found = table.get((f"{lemma} {particle.lower()}", pos))
        if found:
            return found
    return table.get((lemma, pos))
