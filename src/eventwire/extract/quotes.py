"""Quotations and who said them.

1. Quoted spans: text between matching marks: straight or curly double quotes (or one of each,
   as re-typed text has them), the doubled
   apostrophes some papers print (''...''), guillemets, and curly single quotes that open after a
   space and close before a non-letter (so "don’t" is not a mark). A single-quoted span inside a
   double-quoted one is part of it. A paragraph that opens a quote and does not close it, followed
   by a paragraph that opens with a mark, is one quote running over both (news style).
2. Kind: `direct` when the quote stands as a clause of its own: it opens a paragraph or sentence,
   or follows a colon, comma or dash ("Milley said: ...", "he said, ..."), and holds at least two
   words; `partial` when it is a phrase inside the writer's sentence ("called it a 'tragic
   mistake'"). Reported speech without marks ("X said that ...") is `indirect`.
3. Speaker, first rule that applies (each quote says which in `rule`):
   - `quote.attribution_after`: a speaker phrase and a speech verb right after the closing mark,
     in either order ('...," said Leslie Wimes, a ...' / '...,' Mitchell recalled / '...?' a
     narrator in the ad asks): news style's most reliable attribution;
   - `quote.cue_verb_subject`: the subject of the nearest speech verb (speech_verbs.txt) of the
     quote's sentence outside the quote (or of the speech verb reporting that one: in "He said
     Russia told the U.S. '...'" the quoted words are his), or the object of "according to";
     never a word inside a quote (the parser often makes one the verb's subject);
   - `quote.same_paragraph`: a quote in the same paragraph as an attributed one ("'...,' X said.
     '...'") continues it;
   - `quote.colon_cue`: a quote right after a colon belongs to the subject of the sentence the
     colon ends, in the paragraph before ("X told reporters:") or in its own ("Obama is rolling
     out a new message: '...'");
   - `quote.previous_speaker`: a paragraph-opening quote with no cue right after a quote
     continues its speaker;
   - `quote.reported_before`: a paragraph-opening quote with no cue after a paragraph that ends
     in reported speech ("X said the talks had failed.") is X's.
   A pronoun speaker is resolved by coreference (extract/coref.py) to its actor; the cited
   speaker span (`speaker_start`, `speaker_end`) is where the text names the speaker for it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from eventwire.extract.actors import actor_at
from eventwire.records import Actor, Quote
from eventwire.resources import resource_words

_DOUBLE = re.compile(
    r'"(?P<a>[^"\n]{2,}?)"'
    r"|\u201c(?P<b>[^\u201c\u201d\n]{2,}?)\u201d"
    r"|''(?P<c>(?:(?!'')[^\n]){2,}?)''"
    r"|\u00ab(?P<d>[^\u00bb\n]{2,}?)\u00bb"
    # mixed marks, as scraped and re-typed text has them: a straight mark closed by a curly
    # one, or the other way round, when no mark of the opener's own kind closes it
    r'|"(?P<f>[^"\u201c\u201d\n]{2,}?)\u201d'
    r'|\u201c(?P<g>[^"\u201c\u201d\n]{2,}?)"'
)
_SINGLE = re.compile(
    r"(?<![\w\u2019'])\u2018(?P<e>(?:[^\u2018\u2019\n]|\u2019(?=\w)){2,}?)\u2019(?!\w)"
)
_OPENERS = ('"', "\u201c", "''", "\u00ab")
_CLOSERS = {'"': '"', "\u201c": "\u201d", "''": "''", "\u00ab": "\u00bb"}
_DIRECT_BEFORE = {"", ":", ",", ".", "!", "?", ";", "\u2014", "\u2013", "-", "(", "\n"}
_SUBJECTS = {"nsubj", "nsubjpass"}


@dataclass(frozen=True, slots=True)
class Marked:
    """A quoted span: [open, close) with the marks, [start, end) without them."""

    open: int
    start: int
    end: int
    close: int


def _opener(paragraph: str) -> str | None:
    return next((m for m in _OPENERS if paragraph.startswith(m)), None)


def _running(body: str) -> list[Marked]:
    """Quotes running over paragraphs: an unclosed opening paragraph and its continuations."""
    out = []
    paragraphs = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", body)]
    i = 0
    while i < len(paragraphs):
        start, end = paragraphs[i]
        mark = _opener(body[start:end])
        text = body[start:end]
        if mark is None or text.count(_CLOSERS[mark]) - (mark == _CLOSERS[mark]) > 0:
            i += 1
            continue
        j = i + 1
        while j < len(paragraphs) and _opener(body[paragraphs[j][0] : paragraphs[j][1]]) == mark:
            tail = body[paragraphs[j][0] : paragraphs[j][1]]
            if tail.count(_CLOSERS[mark]) - (mark == _CLOSERS[mark]) > 0:
                close = paragraphs[j][0] + tail.rindex(_CLOSERS[mark])
                out.append(Marked(start, start + len(mark), close, close + len(_CLOSERS[mark])))
                break
            j += 1
        i = j if j > i + 1 else i + 1
    return out


def find_marked(body: str) -> list[Marked]:
    """Every quoted span of a text, in order (step 1 of the module docstring)."""
    found = _running(body)

    def inside(a: int, b: int) -> bool:
        return any(m.open <= a and b <= m.close for m in found)

    for pattern in (_DOUBLE, _SINGLE):
        for match in pattern.finditer(body):
            group = match.lastgroup or ""
            if not inside(match.start(), match.end()):
                found.append(
                    Marked(match.start(), match.start(group), match.end(group), match.end())
                )
    return sorted(found, key=lambda m: m.open)


def quote_kind(body: str, marked: Marked) -> str:
    before = body[: marked.open].rstrip(" \t\u00a0")
    last = before[-1:] if not before.endswith("\n") else "\n"
    text = body[marked.start : marked.end]
    if last in {".", "!", "?"} and not text[:1].isupper():
        return "partial"  # after an abbreviation ("the U.S. 'in a direct way'"), not a sentence
    return "direct" if last in _DIRECT_BEFORE and len(text.split()) >= 2 else "partial"


def _speech_verb(tokens: Sequence[Token], start: int, end: int) -> Token | None:
    """The speech verb of a sentence nearest to the quote, outside the quote."""
    verbs = [t for t in tokens if _is_speech(t) and not start <= t.idx < end]
    if not verbs:
        return None
    return min(verbs, key=lambda t: min(abs(t.idx - start), abs(t.idx - end)))


_STOP = {",", ".", ";", ":", "(", ")", "\u2014", "\u2013", "--", '"', "\u201c", "\u201d", "''"}
SPEAKER_WORDS = 9  # longest speaker phrase read around a verb after a quote


def _is_speech(token: Token) -> bool:
    if token.pos_ not in {"VERB", "AUX"}:
        return False
    if token.lemma_.lower() == "put":  # "as X put it, '...'"
        return any(c.lower_ == "it" and c.dep_ == "dobj" for c in token.children)
    return token.lemma_.lower() in resource_words("speech_verbs.txt")


def _phrase(tokens: Sequence[Token]) -> list[Token] | None:
    """Tokens up to the first stop mark or line break, if they can name a speaker (a name, a
    pronoun or a noun, no verb of their own: "a narrator in the ad", "Sen. Claire McCaskill")."""
    words: list[Token] = []
    for token in tokens[:SPEAKER_WORDS]:
        if token.text in _STOP or "\n" in token.text or token.pos_ in {"VERB", "AUX"}:
            break
        words.append(token)
    starts_right = bool(words) and words[0].pos_ in {"DET", "PRON", "PROPN", "NOUN", "ADJ", "NUM"}
    if starts_right and any(t.pos_ in {"PROPN", "PRON", "NOUN"} for t in words):
        return words
    return None


def _attribution_after(doc: Doc, body: str, close: int) -> tuple[list[Token], Token] | None:
    """The speaker phrase and speech verb right after a quote, before or after the verb
    ('...," said Leslie Wimes, a ...' / '...,' Mitchell recalled / '...?' a narrator asks)."""
    after = doc.char_span(close, min(len(body), close + 200), alignment_mode="expand")
    tokens = [t for t in list(after or ())[: SPEAKER_WORDS + 4] if not t.is_space]
    while tokens and tokens[0].text in {",", "\u2014", "\u2013", "--", "-"}:
        tokens = tokens[1:]
    if tokens and "\n" in body[close : tokens[0].idx]:
        return None
    if tokens and _is_speech(tokens[0]):
        phrase = _phrase(tokens[1:])
        return (phrase, tokens[0]) if phrase else None
    phrase = _phrase(tokens)
    if phrase and len(phrase) < len(tokens):
        following = tokens[len(phrase)]
        verb = following if _is_speech(following) else None
        if verb is None and following.pos_ == "ADV" and len(phrase) + 1 < len(tokens):
            verb = tokens[len(phrase) + 1] if _is_speech(tokens[len(phrase) + 1]) else None
        if verb is not None:  # "Trump later said"
            return phrase, verb
    return None


def _outermost(verb: Token) -> Token:
    """The reporting verb a speech verb's clause hangs from ("He said Russia told ...": said)."""
    speech = resource_words("speech_verbs.txt")
    while verb.dep_ == "ccomp" and verb.head.lemma_.lower() in speech and _subject(verb.head):
        verb = verb.head
    return verb


def _subject(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in _SUBJECTS:
            return child
    if verb.dep_ in {"conj", "advcl", "xcomp"} and verb.head.i != verb.i:
        return _subject(verb.head)
    return None


def _according_to(tokens: Sequence[Token], start: int, end: int) -> Token | None:
    for t in tokens:
        if (
            t.dep_ == "pobj"
            and t.head.lower_ == "to"
            and t.head.head.lower_ == "according"
            and not start <= t.idx < end
        ):
            return t
    return None


def _cited(subject: Token) -> tuple[int, int]:
    """The speaker as cited: the subject with its left modifiers and an "of" phrase right after
    it, not its appositive or clause."""
    doc = subject.doc
    right = subject.i
    while right + 1 < len(doc) and doc[right + 1].dep_ in {"compound", "flat"}:
        right += 1
    for child in subject.rights:  # "the mayor of Porto Velho", "the head of the central bank"
        if child.dep_ == "prep" and child.lower_ == "of" and child.i == right + 1:
            right = child.right_edge.i
    left = doc[subject.left_edge.i]
    return left.idx, doc[right].idx + len(doc[right].text)


def _sentences_over(doc: Doc, start: int, end: int) -> list[Span]:
    return [s for s in doc.sents if s.start_char < end and start < s.end_char]


def _paragraph_of(body: str, position: int) -> tuple[int, int]:
    start = body.rfind("\n", 0, position) + 1
    end = body.find("\n", position)
    return start, len(body) if end < 0 else end


def _resolver(
    actors: Sequence[Actor], pronouns: dict[int, str]
) -> Callable[[int, int], Actor | None]:
    ids = {a.id: a for a in actors}

    def resolve(start: int, end: int) -> Actor | None:
        if start in pronouns:
            return ids.get(pronouns[start])
        return actor_at(actors, start, end)

    return resolve


def extract_quotes(
    doc: Doc, actors: Sequence[Actor], pronouns: dict[int, str] | None = None
) -> Iterator[Quote]:
    """Quotes of a Doc with their speakers, in text order.

    `pronouns` maps the start offset of a resolved pronoun to its actor id (extract/coref.py).
    """
    body = doc.text
    resolve = _resolver(actors, pronouns or {})
    previous: Quote | None = None
    previous_speaker: Actor | None = None
    previous_close = -1
    marked_all = find_marked(body)
    for marked in marked_all:
        sentences = _sentences_over(doc, marked.open, marked.close)
        tokens = [t for s in sentences for t in s]
        after = _attribution_after(doc, body, marked.close)
        verb = _speech_verb(tokens, marked.open, marked.close)
        subject = _subject(_outermost(verb)) if verb is not None and after is None else None
        if subject is not None and any(m.open <= subject.idx < m.close for m in marked_all):
            subject = None  # a word of this or another quote is not its speaker
        subject = subject or (
            _according_to(tokens, marked.open, marked.close) if after is None else None
        )
        paragraph = _paragraph_of(body, marked.open)
        speaker: Actor | None = None
        where: tuple[int, int] | None = None
        rule, confidence = "quote.no_speaker", 0.6
        if after is not None:
            phrase, _ = after
            where = (phrase[0].idx, phrase[-1].idx + len(phrase[-1].text))
            heads = [t for t in phrase if t.pos_ in {"PROPN", "PRON"}] or phrase
            speaker = resolve(heads[0].idx, heads[-1].idx + len(heads[-1].text)) or resolve(*where)
            rule, confidence = "quote.attribution_after", 0.9
        elif subject is not None:
            where = _cited(subject)
            named = [c for c in subject.children if c.dep_ == "appos"]  # "the minister, Ryabkov"
            speaker = (
                next((found for c in named if (found := resolve(c.idx, c.idx + len(c.text)))), None)
                or resolve(subject.idx, subject.idx + len(subject.text))
                or resolve(*where)
            )
            rule, confidence = "quote.cue_verb_subject", 0.85
        else:
            opens_paragraph = marked.open == paragraph[0]
            cue = _colon_cue(doc, body, marked.open)
            if cue is not None:
                where = _cited(cue)
                speaker = resolve(cue.idx, cue.idx + len(cue.text)) or resolve(*where)
                rule, confidence = "quote.colon_cue", 0.75
            elif previous is not None and previous.speaker_start is not None:
                if previous_close >= paragraph[0]:
                    rule, confidence = "quote.same_paragraph", 0.75
                elif opens_paragraph and not body[previous_close : paragraph[0]].strip():
                    rule, confidence = "quote.previous_speaker", 0.55
                if rule != "quote.no_speaker":
                    where = (previous.speaker_start, previous.speaker_end or previous.speaker_start)
                    speaker = previous_speaker
            if rule == "quote.no_speaker" and opens_paragraph:
                reporter = _reported_before(doc, body, paragraph[0], marked_all)
                if reporter is not None:
                    where = _cited(reporter)
                    speaker = resolve(reporter.idx, reporter.idx + len(reporter.text))
                    speaker = speaker or resolve(*where)
                    rule, confidence = "quote.reported_before", 0.5
        quote = Quote(
            text=body[marked.start : marked.end],
            start=marked.start,
            end=marked.end,
            kind=quote_kind(body, marked),
            speaker=speaker.id if speaker else None,
            speaker_text=body[where[0] : where[1]] if where else None,
            rule=rule,
            confidence=confidence,
            speaker_start=where[0] if where else None,
            speaker_end=where[1] if where else None,
        )
        previous, previous_speaker, previous_close = quote, speaker, marked.close
        yield quote


def _reported_before(
    doc: Doc, body: str, paragraph_start: int, marked: Sequence[Marked]
) -> Token | None:
    """The speaker of the reported speech that ends the paragraph before a paragraph-opening
    quote ("Otieno said the talks had failed.\n\n'We were not heard,' ...")."""
    end = len(body[:paragraph_start].rstrip())
    if end == 0 or body[end - 1] in {":", '"', "\u201d", "'"}:
        return None
    last = doc.char_span(end - 1, end, alignment_mode="expand")
    if last is None or not len(last):
        return None
    for token in last[0].sent:
        if _is_speech(token) and not any(m.open <= token.idx < m.close for m in marked):
            subject = _subject(_outermost(token))
            if subject is not None and not any(m.open <= subject.idx < m.close for m in marked):
                return subject
    return None


def _colon_cue(doc: Doc, body: str, position: int) -> Token | None:
    """The subject of the sentence a colon ends right before a quote: in the same paragraph
    ("Obama is rolling out a new message: '...'") or the one before ("X told reporters:")."""
    before = body[:position].rstrip()
    if not before.endswith(":"):
        return None
    colon = doc.char_span(len(before) - 1, len(before), alignment_mode="expand")
    if colon is None or not len(colon):
        return None
    sentence = colon[0].sent
    tokens = [t for t in sentence if t.i < colon[0].i]
    verbs = [t for t in tokens if t.pos_ in {"VERB", "AUX"} and t.dep_ == "ROOT"]
    for verb in verbs:
        if (subject := _subject(verb)) is not None:
            return subject
    return None
