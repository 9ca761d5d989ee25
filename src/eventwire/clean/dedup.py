"""Near-duplicate stories: MinHash signatures of the cleaned body, and an LSH index over them.

A wire story reprinted by several outlets differs by a headline, a byline, a trimmed paragraph:
word 5-gram shingles of the body, 128 MinHash permutations, and an LSH index find copies whose
estimated Jaccard similarity is at least the threshold (0.7: a copy trimmed by a paragraph or two
with a few words changed stays above it; different stories on one topic stay far below). The first copy seen (or stored) is the
original; later copies link to it and are not extracted again.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from datasketch import MinHash, MinHashLSH

NUM_PERM = 128
SHINGLE = 5
THRESHOLD = 0.7
CANDIDATES = 0.5  # LSH threshold for candidates, below THRESHOLD so banding misses few copies
SCHEME = "affine64"  # datasketch's hashing scheme, fixed so stored signatures stay comparable
_WORD = re.compile(r"\w+")


def word_shingles(text: str, size: int = SHINGLE) -> set[bytes]:
    """The distinct lowercased word `size`-grams of a text (the whole text if it is shorter)."""
    words = [w.lower() for w in _WORD.findall(text)]
    if len(words) < size:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i : i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


def signature(body: str) -> tuple[int, ...]:
    """The MinHash signature of a body (stable across runs: fixed seed and permutations)."""
    minhash = MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME)
    minhash.update_batch(list(word_shingles(body)))
    return tuple(int(v) for v in minhash.hashvalues)


def _minhash(values: Iterable[int]) -> MinHash:
    import numpy as np

    return MinHash(
        num_perm=NUM_PERM, seed=1, hashvalues=np.array(list(values), dtype=np.uint64), scheme=SCHEME
    )


class DuplicateIndex:
    """Signatures seen so far (this run's and, optionally, the store's), queried by LSH."""

    def __init__(self, threshold: float = THRESHOLD) -> None:
        self.threshold = threshold
        self._lsh = MinHashLSH(threshold=min(CANDIDATES, threshold), num_perm=NUM_PERM)
        self._hashes: dict[str, MinHash] = {}

    def __len__(self) -> int:
        return len(self._hashes)

    def add(self, doc_id: str, values: Iterable[int]) -> None:
        if doc_id not in self._hashes:
            minhash = _minhash(values)
            self._hashes[doc_id] = minhash
            self._lsh.insert(doc_id, minhash)

    def match(self, doc_id: str, values: Iterable[int]) -> tuple[str, float] | None:
        """The most similar other document at or above the threshold, with its similarity."""
        minhash = _minhash(values)
        best: tuple[str, float] | None = None
        for other in self._lsh.query(minhash):
            if other == doc_id:
                continue
            similarity = float(minhash.jaccard(self._hashes[other]))
            if similarity >= self.threshold and (best is None or similarity > best[1]):
                best = (str(other), similarity)
        return best
