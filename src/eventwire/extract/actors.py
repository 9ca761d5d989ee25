"""Entities to actors: one actor per real-world participant, its mentions merged by name.

First version, by name and shape:
1. PERSON, ORG, GPE and NORP entities are candidate mentions; photo-credit shapes ("Name/Agency")
   are not actors.
2. A name NER labels a place or organisation but that is the surname of a person named in full
   in the story is that person ("Austin" after "Lloyd Austin").
3. Countries, their aliases and demonyms resolve to the country actor; a capital city is the
   country's government unless it follows a locative preposition ("in Moscow" is a place).
   Other places are not actors, nor are sites NER labels organisations ("the Transit Center at
   Manas", an air base).
4. A one-word person mention joins the full name that ends with it ("Milley" -> "Mark Milley").
5. News outlets cited as sources ("told CNN", "The Times reported") are not actors; an outlet
   elsewhere is an organisation of the media sector (extract/outlets.py).
6. Roles are the person's appositive and the title words before the name; sectors come from
   titles.tsv; a person's or organisation's country from a country named in that context.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from eventwire.extract.actorlist import ActorList, KnownActor, actor_list
from eventwire.extract.gazetteer import (
    Country,
    country_or_capital,
    find_country_in,
    find_site,
    name_key,
    resolve_capital,
    resolve_country,
)
from eventwire.extract.outlets import MEDIA_SECTOR, cited_as_source, find_outlet
from eventwire.records import Actor, Entity, content_hash
from eventwire.resources import resource_table, resource_words

ACTOR_LABELS = {"PERSON", "ORG", "GPE", "NORP"}
_CREDIT = re.compile(r"/|\bvia\b", re.I)
_LEADING = re.compile(r"^(?:the|a|an)\s+", re.I)
_POSSESSIVE = re.compile(r"\s*['\u2019]s?$")


@lru_cache(maxsize=1)
def title_sectors() -> dict[str, str]:
    """Lowercased title or agent noun -> PLOVER sector code."""
    return {row["title"].lower(): row["sector"] for row in resource_table("titles.tsv")}


def sectors_in(text: str) -> tuple[str, ...]:
    """Sector codes of the titles named in `text`, longest titles first, without repeats."""
    lowered = f" {' '.join(re.findall(r'[a-z]+', text.lower()))} "
    found: list[str] = []
    for title in sorted(title_sectors(), key=len, reverse=True):
        if f" {title} " in lowered:
            lowered = lowered.replace(f" {title} ", " | ")
            if title_sectors()[title] not in found:
                found.append(title_sectors()[title])
    return tuple(found)


@dataclass
class _Draft:
    key: str
    name: str
    kind: str
    country: str | None = None
    sectors: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    mentions: list[tuple[int, int]] = field(default_factory=list)
    rules: list[str] = field(default_factory=list)


def _clean_name(span: Span) -> tuple[str, int, int]:
    """Entity text without a leading article or trailing possessive, with its new offsets."""
    text, start = span.text, span.start_char
    lead = _LEADING.match(text)
    if lead:
        text, start = text[lead.end() :], start + lead.end()
    text = _POSSESSIVE.sub("", text)
    return text, start, start + len(text)


def _is_locative(span: Span) -> bool:
    head = span.root.head
    return span.root.dep_ == "pobj" and head.lower_ in resource_words("locative_preps.txt")


def _title_tokens(span: Span) -> list[Token]:
    """Capitalised title words right before a name inside its noun phrase ("Defense Secretary")."""
    tokens: list[Token] = []
    i = span.start - 1
    doc = span.doc
    while (
        i >= 0
        and doc[i].head.i in range(span.start, span.end)
        and doc[i].dep_
        in {
            "compound",
            "amod",
            "nmod",
            "npadvmod",
        }
    ):
        tokens.insert(0, doc[i])
        i -= 1
    # Country words often hang off the title ("U.S. Defense Secretary"): take the whole left edge.
    if tokens:
        left = min(t.left_edge.i for t in tokens)
        tokens = list(doc[left : tokens[-1].i + 1])
    return [t for t in tokens if not t.is_punct and t.lower_ not in {"the", "a", "an"}]


def _to_comma(doc: Doc, start: int, limit: int) -> int:
    """Index after the last token of a phrase that runs from `start` to a comma or `limit`."""
    end = start
    while (
        end < limit
        and doc[end].text not in {",", ";", "(", ")", "\u2014"}
        and "\n" not in doc[end].text
    ):
        end += 1
    return end


def _appositive(span: Span) -> Span | None:
    """The descriptive phrase set off by commas after a name ("Milley, Chairman of ..., met")
    or before it ("Russia's deputy foreign minister, Sergei Ryabkov, said")."""
    doc, sentence = span.doc, span.sent
    for child in span.root.children:
        if child.dep_ == "appos" and child.i >= span.end:
            # to the closing comma, even past a sentence break the parser put after "U.S."
            return doc[
                child.left_edge.i : _to_comma(
                    doc, child.left_edge.i, min(len(doc), sentence.end + 12)
                )
            ]
    head = span.root.head
    if (
        span.root.dep_ == "appos"
        and head.i < span.start
        and head.pos_ in {"NOUN", "PROPN"}
        and head.ent_type_ != "PERSON"  # two people in a row ("Putin, center, Shoigu") are not
    ):
        return doc[head.left_edge.i : head.i + 1]
    return None


def _person_context(span: Span) -> tuple[list[str], str]:
    """Roles of a person mention and the text in which to look for its country and sectors."""
    roles: list[str] = []
    context = []
    titles = _title_tokens(span)
    if titles:
        roles.append(" ".join(t.text for t in titles))
        context.append(roles[-1])
    appos = _appositive(span)
    if (
        appos is not None
        and (not appos.ents or appos.ents[0].label_ != "PERSON")
        and appos.text.strip(" ,").lower() not in resource_words("picture_positions.txt")
    ):
        roles.append(appos.text.strip(" ,"))
        context.append(roles[-1])
    doc = span.doc
    if span.end + 1 < len(doc) and doc[span.end].lower_ == "of":  # "General Li of the PLA"
        org = next(
            (e for e in doc.ents if e.label_ == "ORG" and span.end < e.start <= span.end + 2), None
        )
        if org is not None:
            context.append(org.text)
    return roles, " ".join(context)


def _known_in(text: str, known: ActorList, date: str | None) -> KnownActor | None:
    """A listed organisation named inside a phrase ("of the People's Liberation Army")."""
    words = text.split()
    for size in range(min(len(words), 6), 0, -1):
        for i in range(len(words) - size + 1):
            entry = known.lookup(" ".join(words[i : i + size]), date)
            if entry is not None and entry.country:
                return entry
    return None


def _surnames(doc: Doc) -> set[str]:
    """Last names of the people named in full in a story."""
    return {
        _clean_name(span)[0].split()[-1]
        for span in doc.ents
        if span.label_ == "PERSON" and len(_clean_name(span)[0].split()) > 1
    }


def _candidate(span: Span, surnames: set[str], known: ActorList, date: str | None) -> _Draft | None:
    """The actor a single entity mention stands for, or None if it is not an actor."""
    name, _, _ = _clean_name(span)
    if not name or _CREDIT.search(span.text):
        return None
    label = span.label_
    entry = known.lookup(name, date)
    if entry is not None and entry.kind == "country" and entry.country:
        return _Draft(
            f"country:{entry.country}", entry.name, "country", entry.country, rules=["known_list"]
        )
    if entry is not None and (label != "PERSON" or entry.kind == "person"):
        return _Draft(
            f"{entry.kind}:{name_key(entry.name)}",
            entry.name,
            entry.kind,
            entry.country,
            list(entry.sectors),
            rules=["known_list"],
        )
    if label in {"ORG", "FAC"} and find_site(name) is not None:
        return None  # an air base or airport NER calls an organisation is a place (places.py)
    outlet = find_outlet(span) if label in {"ORG", "PERSON", "GPE"} else None
    if outlet is not None and name in surnames:
        outlet = None  # "Bloomberg" after "Michael Bloomberg" is the man
    if outlet is not None:
        if cited_as_source(span):  # "told CNN", "The Times reported": a source, not an actor
            return None
        return _Draft(
            f"organization:{name_key(outlet.name)}",
            outlet.name,
            "organization",
            outlet.country,
            [MEDIA_SECTOR],
            rules=["outlet"],
        )
    rules = [f"ner.{label}"]
    if label != "PERSON" and name in surnames and resolve_country(name) is None:
        label = "PERSON"  # NER read a surname as a place or organisation ("Austin")
        rules.append("person.surname")
    if label in {"GPE", "NORP", "ORG"}:
        # NER often labels a country or its capital ORG; as a government it is the country actor
        country = resolve_country(name)
        if country is None and not _is_locative(span):
            country = resolve_capital(name)
            rules += ["country.capital"] if country else []
        if country is not None:
            return _Draft(
                f"country:{country.iso3}", country.name, "country", country.iso3, rules=rules
            )
        if label != "ORG" or _title_fragment(span):
            return None
    if label == "PERSON":
        roles, context = _person_context(span)
        country = find_country_in(context) if context else None
        listed = _known_in(context, known, date) if context and country is None else None
        if country or listed:
            rules.append("country.title" if country else "country.listed_employer")
        return _Draft(
            f"person:{name_key(name)}",
            name,
            "person",
            country.iso3 if country else (listed.country if listed else None),
            list(sectors_in(context)),
            roles,
            rules=rules,
        )
    country = find_country_in(name)
    if country is not None:
        rules.append("country.in_name")
    else:
        country = _owner_country(span)
        rules += ["country.possessive"] if country else []
    return _Draft(
        f"organization:{name_key(name)}",
        name,
        "organization",
        country.iso3 if country else None,
        list(sectors_in(name)),
        rules=rules,
    )


def _title_fragment(span: Span) -> bool:
    """An ORG that is the first word of a title NER split off ("Defense" in "Russian Defense
    Minister Sergei Shoigu")."""
    doc = span.doc
    following = doc[span.end : span.end + 2]
    return any(
        f"{span.text} {following[: i + 1].text}".lower() in title_sectors()
        for i in range(len(following))
    )


def _owner_country(span: Span) -> Country | None:
    """The country owning an organisation in a possessive or modifier before it ("Russia's
    Defense Ministry", "the Afghan Interior Ministry")."""
    doc = span.doc
    for child in span.root.children:
        if child.i < span.start and child.dep_ in {"poss", "amod", "compound", "nmod"}:
            words = doc[child.left_edge.i : child.i + 1].text
            found = country_or_capital(words)
            if found is not None:
                return found
    return None


def _merge_surnames(drafts: dict[str, _Draft]) -> dict[str, str]:
    """Map each one-word person key to the unique longer person key ending with that word."""
    people = [d for d in drafts.values() if d.kind == "person"]
    redirect: dict[str, str] = {}
    for short in people:
        words = short.name.split()
        if len(words) != 1:
            continue
        longer = [p for p in people if p is not short and p.name.split()[-1] == words[0]]
        if len({p.key for p in longer}) == 1:
            redirect[short.key] = longer[0].key
    return redirect


def _absorb(target: _Draft, other: _Draft) -> None:
    target.mentions.extend(other.mentions)
    target.rules.extend(r for r in other.rules if r not in target.rules)
    target.country = target.country or other.country
    target.sectors.extend(s for s in other.sectors if s not in target.sectors)
    target.roles.extend(r for r in other.roles if r not in target.roles)


def extract_actors(
    doc: Doc, known: ActorList | None = None, date: str | None = None
) -> tuple[tuple[Actor, ...], tuple[Entity, ...]]:
    """Actors of a Doc (mentions merged) and every NER entity, linked to its actor where it has one.

    `known` is the list of known actors (ours and the user's, extract/actorlist.py); `date` the
    story's, for entries valid only for a time.
    """
    known = known or actor_list()
    drafts: dict[str, _Draft] = {}
    linked: list[tuple[Span, str | None]] = []
    surnames = _surnames(doc)
    for span in doc.ents:
        draft = _candidate(span, surnames, known, date) if span.label_ in ACTOR_LABELS else None
        if draft is None:
            linked.append((span, None))
            continue
        _, start, end = _clean_name(span)
        draft.mentions.append((start, end))
        if draft.key in drafts:
            _absorb(drafts[draft.key], draft)
        else:
            drafts[draft.key] = draft
        linked.append((span, draft.key))
    redirect = _merge_surnames(drafts)
    for short_key, long_key in redirect.items():
        _absorb(drafts[long_key], drafts.pop(short_key))
    ids = {key: content_hash(d.kind, d.name, size=12) for key, d in drafts.items()}
    actors = tuple(_freeze(d, ids[d.key]) for d in drafts.values())
    entities = tuple(
        Entity(
            span.text,
            span.label_,
            span.start_char,
            span.end_char,
            ids[redirect.get(key, key)] if key else None,
        )
        for span, key in linked
    )
    return actors, entities


def _freeze(draft: _Draft, actor_id: str) -> Actor:
    return Actor(
        id=actor_id,
        name=draft.name,
        kind=draft.kind,
        country=draft.country,
        sectors=tuple(draft.sectors),
        roles=tuple(draft.roles),
        mentions=tuple(sorted(set(draft.mentions))),
        rules=tuple(draft.rules),
    )


def actor_at(actors: Iterable[Actor], start: int, end: int) -> Actor | None:
    """The actor with a mention overlapping [start, end), preferring the longest mention."""
    best: tuple[int, Actor] | None = None
    for actor in actors:
        for m_start, m_end in actor.mentions:
            if m_start < end and start < m_end:
                size = m_end - m_start
                if best is None or size > best[0]:
                    best = (size, actor)
    return best[1] if best else None
