"""spaCy components of eventwire: paragraph breaks and datelines bound sentences and entities;
abbreviations ("U.S.", "Gen.") do not end sentences.

Registered once, by name, with versioned factories; the model module adds them to the pipeline.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from eventwire.clean.debris import dateline
from eventwire.extract.gazetteer import AMBIGUOUS_NAMES, countries, name_key
from eventwire.resources import resource_words

_INITIALISM = re.compile(r"^(?:[A-Z]\.){2,}$")  # U.S., U.N., U.K.


def _is_break(text: str) -> bool:
    return text.count("\n") >= 1


@Language.component(
    "eventwire_paragraph_breaks",
    assigns=["token.is_sent_start"],
)
def paragraph_breaks(doc: Doc) -> Doc:
    """A token after a line break starts a sentence, and so does the story after a dateline
    ("HELSINKI (AP) — Milley met": the place is not the subject); the parser keeps preset
    boundaries."""
    line = dateline(doc[:40].text)
    if line is not None:
        after = doc.char_span(line.end, line.end + 1, alignment_mode="expand")
        if after is not None and after.start > 0:
            doc[after.start].is_sent_start = True
    for token in doc[1:]:
        previous = doc[token.i - 1]
        after_break = _is_break(previous.whitespace_) or (
            previous.is_space and _is_break(previous.text)
        )
        if after_break and not token.is_space:
            token.is_sent_start = True
    return doc


def _joins(previous: str, token: str) -> bool:
    """Whether `token` continues the sentence of the abbreviation `previous` before it.

    A title abbreviation never ends a sentence; an initialism does only before a function word
    ("... in the U.S. The talks"), not before a content word ("the U.S. Joint Chiefs").
    """
    if previous.lower() in resource_words("abbreviations.txt"):
        return True
    return bool(_INITIALISM.match(previous)) and token.lower() not in resource_words(
        "stopwords.txt"
    )


@Language.component(
    "eventwire_abbreviations",
    assigns=["token.is_sent_start"],
)
def abbreviations(doc: Doc) -> Doc:
    """A capitalised word after an abbreviation on the same line does not start a sentence."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if (
            token.is_alpha
            and token.is_title
            and previous.text.endswith(".")
            and not _is_break(previous.whitespace_)
            and _joins(previous.text, token.text)
        ):
            token.is_sent_start = False
    return doc


@Language.component(
    "eventwire_entity_guard",
    requires=["doc.ents"],
    assigns=["doc.ents"],
)
def entity_guard(doc: Doc) -> Doc:
    """Entities never cross a line break: keep the part before the break (if any text is left)."""
    kept: list[Span] = []
    for ent in doc.ents:
        if "\n" not in ent.text:
            kept.append(ent)
            continue
        end = ent.start
        while end < ent.end and "\n" not in doc[end].text and "\n" not in doc[end].whitespace_:
            end += 1
        if end < ent.end and "\n" in doc[end].whitespace_:
            end += 1  # the token itself is clean; the break is in its trailing whitespace
        if end > ent.start:
            kept.append(Span(doc, ent.start, end, label=ent.label_))
    doc.ents = kept
    return doc


def _country_key(doc: Doc, start: int, end: int) -> str | None:
    """The lookup key of a country's name spelt by tokens start..end, capitalised as a name is;
    None for other words and for names that are also first names or words ("Jordan", "Chad")."""
    words = doc[start:end]
    if not all(t.is_alpha and (t.is_title or t.is_upper) or t.text == "." for t in words):
        return None
    key = name_key(words.text)
    if key == "us" and not words.text.isupper():
        return None  # "Us" at a sentence's start is the pronoun
    return key if key in countries().names and key not in AMBIGUOUS_NAMES else None


@Language.component(
    "eventwire_country_names",
    requires=["doc.ents"],
    assigns=["doc.ents"],
)
def country_names(doc: Doc) -> Doc:
    """Country names the small model's NER leaves out ("Nigeria says ...", often at a sentence's
    start) become GPE entities, and a country's bare name tagged PERSON ("Mali") is relabelled;
    names that are also first names or other words ("Jordan", "Chad") are left to the NER."""
    kept: list[Span] = []
    taken: set[int] = set()
    for ent in doc.ents:
        if ent.label_ == "PERSON" and _country_key(doc, ent.start, ent.end):
            ent = Span(doc, ent.start, ent.end, label="GPE")
        kept.append(ent)
        taken.update(range(ent.start, ent.end))
    i = 0
    while i < len(doc):
        if i in taken or not (doc[i].is_title or doc[i].is_upper):
            i += 1  # the common case, decided without building a span
            continue
        size = next(
            (
                n
                for n in (3, 2, 1)
                if i + n <= len(doc)
                and not taken.intersection(range(i, i + n))
                and _country_key(doc, i, i + n)
                and not (i + n < len(doc) and doc[i + n].pos_ == "PROPN")
                and not (i > 0 and doc[i - 1].pos_ == "PROPN" and doc[i - 1].is_title)
            ),
            0,
        )
        if size:
            kept.append(Span(doc, i, i + size, label="GPE"))
        i += size or 1
    doc.ents = sorted(kept, key=lambda span: span.start)
    return doc
