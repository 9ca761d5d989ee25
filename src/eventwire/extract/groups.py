"""Agent nouns as group actors: "Russian troops", "police", "protesters", "lawmakers".

News names many participants by what they are, not who: the collective and plural agent nouns
of titles.tsv (kind "group"). Each one outside a named entity becomes a group actor:

1. The noun is the head of its phrase ("police" in "riot police fired", not in "police
   station"), matched longest first over up to three words ("riot police", "security forces").
2. Its country, in order of evidence (the rule is kept in the actor's `rules`):
   - group.modifier: a country, demonym or capital among its modifiers ("Russian troops",
     "Afghanistan's army", "U.S. lawmakers") or after "of"/"from" ("troops from Turkey");
   - group.member_of: a named organisation or group modifying it ("Taliban fighters") makes
     the mention one of that actor's, not a new group;
   - group.located: else a country it is placed in ("protesters in Hong Kong", "terrorists in
     Afghanistan"), as PETRARCH-style coders do; a country elsewhere in the sentence is not
     evidence ("strikes on insurgents deemed to pose a threat to America");
   - group.no_country: else the country stays unknown.
3. A bare repeat ("the troops") joins the last group with the same noun.
Sectors come from the title's sector plus titles named among the modifiers ("opposition
lawmakers"). Groups with the same country and noun are one actor.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from eventwire.extract.actors import actor_at, sectors_in
from eventwire.extract.gazetteer import country_or_capital
from eventwire.records import Actor, content_hash
from eventwire.resources import resource_table

MAX_WORDS = 3
_MODIFIERS = {"amod", "compound", "poss", "nmod", "npadvmod"}


@lru_cache(maxsize=1)
def _group_nouns() -> dict[str, str]:
    """Lowercased group agent noun (one to three words) -> PLOVER sector."""
    return {
        row["title"].lower(): row["sector"]
        for row in resource_table("titles.tsv")
        if row.get("kind") == "group"
    }


@lru_cache(maxsize=1)
def _last_words() -> frozenset[str]:
    return frozenset(noun.split()[-1] for noun in _group_nouns())


@dataclass
class _Group:
    key: str
    name: str
    country: str | None
    sectors: list[str]
    rule: str
    mentions: list[tuple[int, int]] = field(default_factory=list)


def _match(doc: Doc, head: Token) -> int | None:
    """Index of the first token of the longest agent noun ending at `head`, or None."""
    nouns = _group_nouns()
    for size in range(MAX_WORDS, 0, -1):
        first = head.i - size + 1
        if first < 0:
            continue
        words = doc[first : head.i + 1]
        if any(t.ent_type_ for t in words):
            continue
        if " ".join(t.lower_ for t in words) in nouns:
            return first
    return None


def _is_head(token: Token) -> bool:
    """An agent noun heading its phrase, not modifying another noun ("police" in "police
    station"), written in lowercase (capitalised inside a sentence, it is a name NER missed or a
    headline's word)."""
    return (
        token.pos_ in {"NOUN", "PROPN"}
        and token.dep_ not in {"compound", "amod", "poss"}
        and (not token.is_title or bool(token.is_sent_start))
        and not token.is_upper
    )


def _modifies(token: Token, head: Token) -> bool:
    """`token` hangs off `head` through modifiers only (not through a conjunct or a clause)."""
    while token.i != head.i:
        if token.dep_ not in _MODIFIERS | {"case"} or token.head.i == token.i:
            return False
        token = token.head
    return True


def _phrase_start(head: Token, first: int) -> int:
    """First token of the group's phrase: the modifiers right before it, not its determiner."""
    doc = head.doc
    start = first
    while start > 0 and (
        _modifies(doc[start - 1], head)
        # a demonym right before it, whatever the parser made of it ("Austin and American
        # intelligence officials" parses "American" as a conjunct of "Austin")
        or (doc[start - 1].pos_ == "ADJ" and doc[start - 1].ent_type_ in {"NORP", "GPE"})
    ):
        start -= 1
    while start < first and doc[start].dep_ == "case":
        start += 1
    return start


def _country_word(tokens: Span) -> str | None:
    """The ISO code of a country, demonym or capital written in `tokens` (one to three words)."""
    text = " ".join(t.text for t in tokens)
    if not any(t.text[:1].isupper() for t in tokens):
        return None
    found = country_or_capital(text)
    return found.iso3 if found else None


def _modifier_country(doc: Doc, head: Token, start: int) -> str | None:
    for i in range(start, head.i):
        for size in (3, 2, 1):
            if i + size <= head.i:
                iso = _country_word(doc[i : i + size])
                if iso:
                    return iso
    return _prep_country(head, {"of", "from"})


def _prep_country(head: Token, preps: set[str]) -> str | None:
    """A country after one of `preps` attached to the noun ("troops from Turkey")."""
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ in preps:
            for obj in prep.children:
                if obj.dep_ == "pobj":
                    iso = _country_word(head.doc[obj.left_edge.i : obj.i + 1][-3:])
                    if iso:
                        return iso
    return None


def add_group_actors(doc: Doc, actors: Sequence[Actor]) -> tuple[Actor, ...]:
    """`actors` with the story's agent-noun groups added, or joined to their named actor."""
    groups: dict[str, _Group] = {}
    last_by_noun: dict[str, str] = {}
    joined: dict[str, list[tuple[int, int]]] = {}
    nouns = _group_nouns()
    for token in doc:
        if token.lower_ not in _last_words() or not _is_head(token) or token.ent_type_:
            continue
        first = _match(doc, token)
        if first is None:
            continue
        noun = doc[first : token.i + 1].text.lower()
        start = _phrase_start(token, first)
        span = (doc[start].idx, token.idx + len(token.text))
        owner = next(
            (
                actor_at(actors, doc[i].idx, doc[i].idx + len(doc[i]))
                for i in range(start, first)
                if doc[i].ent_type_ in {"ORG", "NORP"}
            ),
            None,
        )
        if owner is not None and owner.kind in {"organization", "group"}:
            joined.setdefault(owner.id, []).append(span)  # group.member_of
            continue
        country, rule = _modifier_country(doc, token, start), "group.modifier"
        if country is None and start == first and noun in last_by_noun:
            groups[last_by_noun[noun]].mentions.append(span)  # a bare repeat
            continue
        if country is None:
            country, rule = _prep_country(token, {"in", "inside"}), "group.located"
        rule = rule if country else "group.no_country"
        key = f"{country or '-'}:{noun}"
        if key not in groups:
            words = doc[start : token.i + 1].text
            sectors = [nouns[noun], *(s for s in sectors_in(words) if s != nouns[noun])]
            groups[key] = _Group(key, words, country, sectors, rule)
        groups[key].mentions.append(span)
        last_by_noun[noun] = key
    merged = [
        dataclasses.replace(a, mentions=tuple(sorted({*a.mentions, *joined[a.id]})))
        if a.id in joined  # group.member_of
        else a
        for a in actors
    ]
    merged.extend(
        Actor(
            id=content_hash("group", g.key, size=12),
            name=g.name,
            kind="group",
            country=g.country,
            sectors=tuple(g.sectors),
            mentions=tuple(sorted(g.mentions)),
            rules=(g.rule,),
        )
        for g in groups.values()
    )
    return tuple(merged)
