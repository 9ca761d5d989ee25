"""News outlets cited as sources are not actors.

"told Breitbart News", "The New York Times reported", "according to Reuters", "in an interview
with CNN", "a Washington Post investigation": the outlet is where the story's information comes
from, not a participant. GDELT-style coders that keep them fill their data with media "events".

1. An outlet is a name in outlets.tsv (newspapers, broadcasters, news sites, agencies and
   magazines with their country) or an organisation name shaped like one (its last word is a
   masthead word: News, Times, Post, Journal, Herald, Tribune, Gazette, TV, Radio ...).
2. It is cited as a source when it stands in a citing position: the object of "tell"
   ("told CNN"); after "according to"; after "to"/"with" attached to a speech verb or an
   interview/statement noun ("speaking to the BBC", "in an interview with Fox News"); after "by"
   attached to a reporting verb ("first reported by Axios"); the subject of a reporting verb
   ("The Times reported", "as The New Yorker put it"); after "in"/"on" attached to a verb of
   publishing or speaking ("said on CNN", "wrote in The Atlantic"); after "to" attached to a verb
   of disclosing ("disclosed them to the AP"); the owner of a report noun ("a Reuters report",
   "CNN's tally", "a CNN town hall"); or a journalist's employer ("CNN's Jake Tapper").
3. An outlet anywhere else is an actor like any organisation ("Russia blocked the BBC"), coded
   with its country and the media sector (JRN).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Span, Token

from eventwire.extract.gazetteer import name_key
from eventwire.resources import resource_table, resource_words

MEDIA_SECTOR = "JRN"
_MASTHEAD = re.compile(
    r"\b(?:News|Times|Post|Journal|Herald|Tribune|Gazette|Telegraph|Chronicle|Courier|Observer|"
    r"Express|Standard|Daily|Weekly|Magazine|TV|Television|Radio|Broadcasting|Broadcast|"
    r"Network|Newswire|Wire|Press|Agency)$"
)
_TELL = {"tell"}
_REPORTING = {
    "report", "say", "write", "publish", "reveal", "quote", "cite", "find", "obtain", "learn",
    "air", "broadcast", "confirm", "put", "note", "describe", "headline", "tweet", "post",
}  # fmt: skip
_REPORT_NOUNS = {
    "report", "reports", "reporting", "story", "article", "investigation", "analysis", "poll",
    "interview", "survey", "editorial", "op-ed", "piece", "profile", "expose", "review",
    "broadcast", "documentary", "footage", "podcast", "tally", "count", "estimate", "reporter",
    "correspondent", "journalist", "columnist", "editor", "anchor", "host", "headline",
    "exclusive", "scoop", "data", "calculation", "projection", "essay", "column", "panel",
    "hall", "ratings", "show", "program", "programme", "segment", "newsletter", "website", "site",
    "blog", "page", "feed", "account", "coverage", "headlines", "readers", "viewers", "audience",
}  # fmt: skip
_DISCLOSE = {"disclose", "leak", "reveal", "give", "provide", "send", "speak", "talk", "write"}
_ON_AIR = {"appear", "publish", "write", "say", "tell", "air", "run", "print", "speak", "talk"}
_INTERVIEW_NOUNS = {"interview", "statement", "comments", "remarks", "email", "call", "appearance"}


@dataclass(frozen=True, slots=True)
class Outlet:
    name: str
    kind: str  # agency | newspaper | broadcaster | online | magazine
    country: str | None


@lru_cache(maxsize=1)
def _outlets() -> dict[str, tuple[Outlet, bool]]:
    """name key -> (outlet, whether the name needs its leading "The" to be the outlet)."""
    index: dict[str, tuple[Outlet, bool]] = {}
    for row in resource_table("outlets.tsv"):
        outlet = Outlet(row["name"], row["kind"], row.get("country") or None)
        for form in [row["name"], *row.get("aliases", "").split("|")]:
            if form.strip():
                needs_the = form.startswith("The ")
                index.setdefault(name_key(form), (outlet, needs_the))
    return index


def find_outlet(span: Span) -> Outlet | None:
    """The outlet an entity names, from the list or by its masthead shape, else None."""
    text = span.text
    found = _outlets().get(name_key(text))
    if found is not None:
        outlet, needs_the = found
        before = span.doc[span.start - 1].lower_ if span.start > 0 else ""
        if not needs_the or text.lower().startswith("the ") or before == "the":
            return outlet
        return None
    if span.label_ == "ORG" and _MASTHEAD.search(text.strip()):
        return Outlet(text, "unknown", None)
    return None


def _speech_or_interview(token: Token) -> bool:
    return (
        token.pos_ in {"VERB", "AUX"} and token.lemma_.lower() in resource_words("speech_verbs.txt")
    ) or token.lower_ in _INTERVIEW_NOUNS


def cited_as_source(span: Span) -> bool:
    """Whether an outlet mention stands where a story cites its source (module docstring, 2)."""
    root = span.root
    head = root.head
    dep = root.dep_
    if dep in {"dobj", "dative", "iobj"} and head.lemma_.lower() in _TELL:
        return True
    if dep == "pobj":
        prep = head.lower_
        if prep == "to" and head.head.lower_ == "according":
            return True
        if prep in {"to", "with"} and _speech_or_interview(head.head):
            return True
        if prep == "to" and head.head.lemma_.lower() in _DISCLOSE:
            return True  # "disclosed them to the AP"
        if prep == "by" and head.head.lemma_.lower() in _REPORTING:
            return True
        if prep in {"in", "on"} and (
            head.head.lemma_.lower() in _ON_AIR or head.head.lower_ in _INTERVIEW_NOUNS
        ):
            return True  # "said on CNN", "wrote in The Atlantic", "an interview on CNBC"
    if dep in {"nsubj", "nsubjpass"} and head.lemma_.lower() in _REPORTING | _TELL:
        return dep == "nsubj"
    if dep in {"poss", "compound", "nmod"} and head.lower_ in _REPORT_NOUNS:
        return True
    # an employer before a journalist's name: "CNN's Jake Tapper", "Fox News' Chris Wallace"
    return dep in {"poss", "compound", "nmod"} and head.ent_type_ == "PERSON"
