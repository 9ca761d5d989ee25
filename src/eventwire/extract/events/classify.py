"""The PLOVER type of the event from a marked source to a marked target: a linear model over the
words that link them in the parse.

Features (all sparse, named so that a reader can see what voted):
- `p:` the content words on the dependency path between the source's and the target's heads,
  `lca:` the word where the two paths meet, and `pp:` the phrasal form of a path verb in place
  of its bare lemma ("call off" is not "call"); neutral reporting verbs ("said", "told") are
  one feature, `p:<say>` / `lca:<say>`, since they frame the event without typing it;
- `lex:` the lexicon type of each path word (ontology/triggers.tsv), `lexn:` the same, negated;
- `obj:` the objects and event nouns hanging off the path's verbs ("imposed *sanctions* on",
  "held *talks* with"), `tprep:` the preposition that introduces the target ("against", "with");
- `sdep:`/`tdep:` the grammatical roles of the two heads, `t:` the target's own head word
  ("a court *decision*");
- `neg`, `modal:`, `future` markers on the path's verbs;
- `w:` every content lemma of the sentence, a weak fallback when the path is empty or unparsed.

The weights (ontology/dyad_model.json) are trained by tools/train_dyads.py only on dyads the
project wrote (tools/training/dyads_*.jsonl) and on half of PLOVER GSR (Open Event Data
Alliance, CC BY-SA 4.0); see that script for the split. The sentence model
(ontology/dyad_model_sentence.json) adds the sentence's all-MiniLM-L6-v2 embedding
(annotate/encoder.py) as one more input, named `sentence` among the votes; `code-dyads` uses
it when the encoder is installed; `extract` keeps the parse model, which runs about six times
faster (BENCHMARKS.md).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import numpy as np
from spacy.tokens import Doc, Span, Token

from eventwire.extract.events.coding import quad_of
from eventwire.extract.events.factuality import FUTURE, MODALS, NEGATIONS, clause_markers
from eventwire.extract.events.triggers import trigger_coding
from eventwire.resources import resource_words

_CONTENT = {"VERB", "NOUN", "ADJ", "PROPN", "ADV"}
_OBJECT_DEPS = {"dobj", "attr", "oprd", "nsubjpass", "xcomp", "ccomp"}


def marked_span(doc: Doc, chars: tuple[int, int] | None) -> Span | None:
    if chars is None:
        return None
    return doc.char_span(chars[0], chars[1], alignment_mode="expand")


def _up(token: Token) -> list[Token]:
    """The token and its ancestors, nearest first."""
    return [token, *token.ancestors]


def dependency_path(source: Token | None, target: Token | None) -> tuple[list[Token], Token | None]:
    """The tokens strictly between the two heads on the parse tree, and where they meet."""
    if source is None and target is None:
        return [], None
    if source is None or target is None:
        one = source if source is not None else target
        assert one is not None
        chain = _up(one)
        return chain[1:], chain[-1]
    up_s, up_t = _up(source), _up(target)
    on_t = {t.i for t in up_t}
    meet = next((t for t in up_s if t.i in on_t), None)
    if meet is None:  # two parse trees (the parser split the sentence): both chains to the roots
        return _path_tokens(up_s[1:], up_t[1:], source, target), up_s[-1]
    below = [t for t in up_t if t.head.i == meet.i and t.i != meet.i]
    if (
        source.head.i == meet.i
        and source.dep_ in {"nsubj", "nsubjpass"}
        and below
        and below[0].dep_ in {"conj", "dep"}
        and below[0].pos_ == "VERB"
        and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in below[0].children)
    ):
        # "Russia accused Ukraine ..., then met French officials": the conjunct verb shares the
        # subject, so the link runs through it alone
        meet = below[0]
        up_s = [source, meet]
    left = up_s[1 : [x.i for x in up_s].index(meet.i) + 1]
    right = up_t[1 : [x.i for x in up_t].index(meet.i) + 1]
    return _path_tokens(left, right, source, target), meet


def _path_tokens(
    left: list[Token], right: list[Token], source: Token, target: Token
) -> list[Token]:
    seen: set[int] = set()
    path = []
    for token in [*left, *reversed(right)]:
        if token.i not in seen and token.i not in {source.i, target.i}:
            seen.add(token.i)
            path.append(token)
    return path


def _complements(token: Token, depth: int = 2) -> list[Token]:
    """Verbs of the clauses a verb takes as complement, two levels down."""
    found = []
    for child in token.children:
        if child.dep_ in {"ccomp", "xcomp"} and child.pos_ in {"VERB", "AUX"}:
            found.append(child)
            if depth > 1:
                found.extend(_complements(child, depth - 1))
    return found


def _phrasal(token: Token) -> str | None:
    for child in token.children:
        if child.dep_ == "prt":
            return f"{token.lemma_.lower()} {child.lemma_.lower()}"
    return None


def _distance(token: Token, target: Token | None) -> int:
    """Steps up from the target's head to the token (the target's own predicate is 1)."""
    if target is None:
        return 0
    for steps, up in enumerate(target.ancestors, start=1):
        if up.i == token.i:
            return steps
    return 100 + abs(token.i - target.i)


@dataclass(frozen=True, slots=True)
class DyadView:
    """What the classifier sees of a dyad: its features, and the predicate nearest the target
    (the word whose lexicon entry gives mode and CAMEO when it agrees with the type)."""

    features: dict[str, float]
    predicate: Token | None
    predicates: tuple[Token, ...] = ()


def dyad_features(
    doc: Doc, source: tuple[int, int] | None, target: tuple[int, int] | None
) -> dict[str, float]:
    """Named features of the link from the source span to the target span (char offsets)."""
    return view_dyad(doc, source, target).features


def view_dyad(doc: Doc, source: tuple[int, int] | None, target: tuple[int, int] | None) -> DyadView:
    """The features and predicate of the link from the source span to the target span."""
    feats: dict[str, float] = {"bias": 1.0}
    s_span, t_span = marked_span(doc, source), marked_span(doc, target)
    s_head = s_span.root if s_span is not None and len(s_span) else None
    t_head = t_span.root if t_span is not None and len(t_span) else None
    path, meet = dependency_path(s_head, t_head)
    inside = {t.i for sp in (s_span, t_span) if sp is not None for t in sp}
    words = [t for t in path if t.pos_ in _CONTENT and t.i not in inside]
    verbs = [t for t in path if t.pos_ in {"VERB", "AUX"}]
    if (s_head is None or t_head is None) and meet is not None:
        # one side only ("X said it will not end the strike"): the clauses under the top of the
        # path say what X did
        for clause in _complements(meet):
            if clause.i not in inside:
                words.append(clause)
                verbs.append(clause)
    neutral = resource_words("neutral_speech_verbs.txt")
    if meet is not None and meet.i not in inside:
        # a neutral reporting verb ("said", "announced") frames the event but types nothing
        feats["lca:<say>" if meet.lemma_.lower() in neutral else f"lca:{meet.lemma_.lower()}"] = 1.0
        if meet.pos_ in {"VERB", "AUX"} and meet not in verbs:
            verbs.append(meet)
    negated = bool(clause_markers(verbs) & NEGATIONS)
    for token in words:
        phrasal = _phrasal(token)
        if phrasal:  # "call off" is not "call": the phrasal verb stands alone
            feats[f"pp:{phrasal}"] = 1.0
        elif token.lemma_.lower() in neutral:
            feats["p:<say>"] = 1.0
        else:
            feats[f"p:{token.lemma_.lower()}"] = 1.0
    predicates = [t for t in words if t.lemma_.lower() not in neutral]
    if (
        meet is not None
        and meet.i not in inside
        and meet.lemma_.lower() not in neutral
        and all(t.i != meet.i for t in predicates)
    ):
        predicates.append(meet)
    predicates.sort(key=lambda t: _distance(t, t_head))
    for rank, token in enumerate(predicates):
        coding = trigger_coding(token)
        kind = coding.type if coding else None
        if rank == 0:
            feats[f"near:{_phrasal(token) or token.lemma_.lower()}"] = 1.0
        if kind:
            feats[f"lex:{kind}"] = feats.get(f"lex:{kind}", 0.0) + 1.0
            feats[f"{'lexnear' if rank == 0 else 'lexfar'}:{kind}"] = 1.0
            if negated:
                feats[f"lexn:{kind}"] = 1.0
                if quad_of(kind) <= 2:
                    feats["neg:cooperation"] = 1.0
    for verb in verbs:
        for child in verb.children:
            if child.dep_ in _OBJECT_DEPS and child.i not in inside and child.pos_ in _CONTENT:
                feats[f"obj:{child.lemma_.lower()}"] = 1.0
    if t_head is not None:
        feats[f"t:{t_head.lemma_.lower()}"] = 1.0
        feats[f"tdep:{t_head.dep_}"] = 1.0
        if t_head.dep_ == "pobj":
            feats[f"tprep:{t_head.head.lower_}"] = 1.0
            feats[f"tprep:{t_head.head.head.lemma_.lower()}_{t_head.head.lower_}"] = 1.0
    if s_head is not None:
        feats[f"sdep:{s_head.dep_}"] = 1.0
    markers = clause_markers(verbs)
    if negated:
        feats["neg"] = 1.0
    for modal in markers & MODALS:
        feats[f"modal:{modal}"] = 1.0
    if markers & FUTURE:
        feats["future"] = 1.0
    sentence = s_head.sent if s_head is not None else t_head.sent if t_head is not None else doc[:]
    for token in sentence:
        if token.pos_ in {"VERB", "NOUN"} and token.i not in inside and not token.is_stop:
            feats[f"w:{token.lemma_.lower()}"] = 0.5
    return DyadView(feats, predicates[0] if predicates else None, tuple(predicates))


SENTENCE = "sentence"  # how the sentence vector is named among the votes


@dataclass(frozen=True, slots=True)
class LinearModel:
    """Multinomial logistic regression over named sparse features and, in the sentence model, the
    encoder's vector times `dense_scale` (annotate/encoder.encode_marked: the sentence's embedding
    and the mean state of the words between source and target; its votes are named `sentence`)."""

    classes: tuple[str, ...]
    intercept: tuple[float, ...]
    weights: dict[str, tuple[float, ...]]
    dense: np.ndarray | None = None  # classes x embedding size
    dense_scale: float = 1.0

    def _dense_scores(self, vector: np.ndarray | None) -> list[float]:
        if self.dense is None or vector is None:
            return [0.0] * len(self.classes)
        return [float(x) for x in self.dense @ (np.asarray(vector) * self.dense_scale)]

    def probabilities(
        self, feats: dict[str, float], vector: np.ndarray | None = None
    ) -> dict[str, float]:
        scores = [b + d for b, d in zip(self.intercept, self._dense_scores(vector), strict=True)]
        for name, value in feats.items():
            row = self.weights.get(name)
            if row is not None:
                for k, w in enumerate(row):
                    scores[k] += w * value
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        return {c: e / total for c, e in zip(self.classes, exps, strict=True)}

    def predict(
        self, feats: dict[str, float], vector: np.ndarray | None = None
    ) -> tuple[str, dict[str, float]]:
        """The most probable class, and every class's probability."""
        probabilities = self.probabilities(feats, vector)
        return max(probabilities, key=probabilities.__getitem__), probabilities

    def rule(self, feats: dict[str, float], label: str, vector: np.ndarray | None = None) -> str:
        """The evidence rule of a coding: the model and the features that voted for it."""
        return f"model.dyad:{','.join(self.votes(feats, label, vector=vector))}"

    def votes(
        self, feats: dict[str, float], label: str, n: int = 3, vector: np.ndarray | None = None
    ) -> list[str]:
        """The features that pushed hardest toward `label` (the sentence vector as one), for the
        evidence."""
        k = self.classes.index(label)
        pushed = [(self.weights[f][k] * v, f) for f, v in feats.items() if f in self.weights]
        if self.dense is not None and vector is not None:
            pushed.append((self._dense_scores(vector)[k], SENTENCE))
        return [f for w, f in sorted(pushed, reverse=True)[:n] if w > 0]


def model_from_dict(data: dict[str, Any]) -> LinearModel:
    dense = data.get("dense")
    return LinearModel(
        tuple(data["classes"]),
        tuple(data["intercept"]),
        {name: tuple(row) for name, row in data["weights"].items()},
        np.array(dense["weights"], dtype=np.float32) if dense else None,
        float(dense["scale"]) if dense else 1.0,
    )


@cache
def dyad_model(sentence: bool = False) -> LinearModel:
    """A shipped model, written by tools/train_dyads.py: the sparse one (ontology/dyad_model.json),
    or the one that also reads the sentence's embedding (ontology/dyad_model_sentence.json)."""
    name = "dyad_model_sentence.json" if sentence else "dyad_model.json"
    path = resources.files("eventwire.extract.events.ontology").joinpath(name)
    return model_from_dict(json.loads(path.read_text("utf-8")))
