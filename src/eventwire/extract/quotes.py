"""Quotations in quotation marks, with the speaker found through a cue verb.

First version:
1. A quote is text between matching quotation marks (straight or curly) inside one paragraph.
2. It is `direct` when it holds a clause of its own (starts with a capital, or follows a colon or
   comma cue) and `partial` when it is a phrase inside the writer's sentence.
3. The speaker is the subject of a speech verb (speech_verbs.txt) in the quote's sentence, outside
   the quote; a pronoun subject goes to the nearest person mentioned before it. Failing that, a
   quote that is a whole paragraph goes to the speaker of the quote just before it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from spacy.tokens import Doc, Span, Token

from eventwire.extract.actors import actor_at
from eventwire.records import Actor, Quote
from eventwire.resources import resource_words

_QUOTE = re.compile(r'"([^"\n]{2,}?)"|\u201c([^\u201d\n]{2,}?)\u201d')
_PRONOUNS = {"he", "she", "they", "i", "we"}


def _speech_verb(tokens: Sequence[Token], start: int, end: int) -> Token | None:
    """The speech verb of a sentence nearest to the quote, outside the quote."""
    verbs = [
        t
        for t in tokens
        if t.lemma_.lower() in resource_words("speech_verbs.txt")
        and t.pos_ in {"VERB", "AUX"}
        and not start <= t.idx < end
    ]
    if not verbs:
        return None
    return min(verbs, key=lambda t: min(abs(t.idx - start), abs(t.idx - end)))


def _subject(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in {"nsubj", "nsubjpass"}:
            return child
    if verb.dep_ in {"conj", "advcl", "xcomp"} and verb.head is not verb:
        return _subject(verb.head)
    return None


def _resolve(subject: Token, actors: Sequence[Actor]) -> tuple[Actor | None, str]:
    """The actor a subject names; a personal pronoun goes to the last person named before it."""
    span = subject.doc[subject.left_edge.i : subject.right_edge.i + 1]
    if subject.lower_ in _PRONOUNS:
        people = [
            (m_start, actor)
            for actor in actors
            if actor.kind == "person"
            for m_start, _ in actor.mentions
            if m_start < subject.idx
        ]
        if people:
            return max(people, key=lambda pair: pair[0])[1], subject.text
        return None, subject.text
    found = actor_at(actors, subject.idx, subject.idx + len(subject.text))
    return found or actor_at(actors, span.start_char, span.end_char), span.text


def _kind(body: str, start: int, text: str) -> str:
    before = body[:start].rstrip()[-1:]
    starts_clause = text[:1].isupper() and (len(text.split()) > 3 or before in {":", ",", ""})
    return "direct" if starts_clause or before in {":"} else "partial"


def _sentences_over(doc: Doc, start: int, end: int) -> list[Span]:
    return [s for s in doc.sents if s.start_char < end and start < s.end_char]


def extract_quotes(doc: Doc, actors: Sequence[Actor]) -> Iterator[Quote]:
    """Quotes of a Doc with their speakers, in text order."""
    body = doc.text
    previous: Quote | None = None
    for match in _QUOTE.finditer(body):
        group = 1 if match.group(1) is not None else 2
        start, end = match.start(group), match.end(group)
        text = body[start:end]
        sentences = _sentences_over(doc, match.start(), match.end())
        tokens = [t for s in sentences for t in s]
        verb = _speech_verb(tokens, match.start(), match.end())
        subject = _subject(verb) if verb is not None else None
        speaker, speaker_text = _resolve(subject, actors) if subject is not None else (None, None)
        speaker_id = speaker.id if speaker else None
        rule, confidence = "quote.cue_verb_subject", 0.8
        starts_paragraph = match.start() == 0 or body[: match.start()].endswith("\n")
        if subject is None and starts_paragraph and previous and previous.speaker:
            # a quote that opens a paragraph with no cue continues the previous speaker
            speaker_id, speaker_text = previous.speaker, previous.speaker_text
            rule, confidence = "quote.previous_speaker", 0.5
        if speaker_id is None:
            rule, confidence = "quote.no_speaker", 0.6
        quote = Quote(
            text=text,
            start=start,
            end=end,
            kind=_kind(body, match.start(), text),
            speaker=speaker_id,
            speaker_text=speaker_text,
            rule=rule,
            confidence=confidence,
        )
        previous = quote
        yield quote
