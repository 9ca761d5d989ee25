"""Known actors: the project's organizations.tsv plus a user's own list, looked up by name.

A list is a TSV file with the header `name aliases kind country sectors valid_from valid_until`
(the format is described at the top of resources/organizations.tsv and in the README). A user's
file is read in addition to ours; where both name the same key, the user's entry wins. An entry
whose validity dates exclude the story's date is not used for that story.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from eventwire.errors import InputFormat
from eventwire.extract.gazetteer import name_key
from eventwire.resources import parse_tsv, resource_table

KINDS = {"organization", "group", "person", "country"}
COLUMNS = ("name", "aliases", "kind", "country", "sectors", "valid_from", "valid_until")


@dataclass(frozen=True, slots=True)
class KnownActor:
    name: str
    kind: str
    country: str | None
    sectors: tuple[str, ...]
    valid_from: str | None = None
    valid_until: str | None = None

    def valid_on(self, date: str | None) -> bool:
        if date is None:
            return True
        return (self.valid_from or "") <= date and (
            not self.valid_until or date <= self.valid_until
        )


@dataclass(frozen=True, slots=True)
class ActorList:
    by_key: dict[str, tuple[KnownActor, ...]]

    def lookup(self, text: str, date: str | None = None) -> KnownActor | None:
        for entry in self.by_key.get(name_key(text), ()):
            if entry.valid_on(date):
                return entry
        return None


def _entries(rows: tuple[dict[str, str], ...], origin: str) -> dict[str, list[KnownActor]]:
    out: dict[str, list[KnownActor]] = {}
    for number, row in enumerate(rows, start=2):
        if not row.get("name") or row.get("kind", "organization") not in KINDS:
            raise InputFormat(
                f"line {number}: needs a name and a kind in {sorted(KINDS)}", name=origin
            )
        entry = KnownActor(
            row["name"],
            row.get("kind") or "organization",
            row.get("country") or None,
            tuple(s for s in (row.get("sectors") or "").split("|") if s),
            row.get("valid_from") or None,
            row.get("valid_until") or None,
        )
        for alias in [row["name"], *(row.get("aliases") or "").split("|")]:
            if alias.strip():
                out.setdefault(name_key(alias), []).append(entry)
    return out


def _read_user(path: str) -> tuple[dict[str, str], ...]:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise InputFormat(f"cannot read actor list: {exc.strerror}", name=path) from exc
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    if not lines or lines[0].split("\t")[0].strip() != "name":
        raise InputFormat("actor list needs a tab-separated header starting with 'name'", name=path)
    return parse_tsv(text)


@lru_cache(maxsize=8)
def actor_list(user_path: str | None = None) -> ActorList:
    """Our organizations.tsv, with a user's list (a path) read over it."""
    merged = _entries(resource_table("organizations.tsv"), "organizations.tsv")
    if user_path:
        for key, entries in _entries(_read_user(user_path), user_path).items():
            merged[key] = entries + merged.get(key, [])
    return ActorList({k: tuple(v) for k, v in merged.items()})
