from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventwire.errors import InputBinary, InputEmpty, InputEncoding, InputFormat
from eventwire.ingest import decode_bytes, read_paths, read_texts
from eventwire.records import Failure, RawDocument
from eventwire.settings import Settings


def test_files_decode_refuses_empty_binary_and_latin1(data_dir: Path) -> None:
    with pytest.raises(InputEmpty):
        decode_bytes(b" \n ", "x", 100)
    with pytest.raises(InputBinary):
        decode_bytes((data_dir / "noise.bin").read_bytes(), "noise.bin", 10_000)
    with pytest.raises(InputEncoding, match="(?i)not valid utf-8"):
        decode_bytes((data_dir / "article_latin1.txt").read_bytes(), "latin1", 10_000)
    with pytest.raises(InputFormat, match="over the cap"):
        decode_bytes(b"abc " * 100, "big", 50)


def test_files_decode_normalises_newlines_and_bom() -> None:
    assert decode_bytes("\ufeffa\r\nb\rc".encode(), "x", 100) == "a\nb\nc"


@given(st.text(min_size=1).filter(lambda s: s.strip() and "\x00" not in s))
def test_files_decode_round_trips_utf8_text(text: str) -> None:
    try:
        decoded = decode_bytes(text.encode("utf-8"), "x", 10**6)
    except InputBinary:
        return  # texts with many control characters are refused as binary, by design
    assert decoded == text.replace("\r\n", "\n").replace("\r", "\n").removeprefix("\ufeff")


def test_files_read_paths_reports_each_bad_input_and_keeps_the_rest(data_dir: Path) -> None:
    names = ["empty.txt", "noise.bin", "missing.txt", "article_latin1.txt", "article_plain.txt"]
    results = list(read_paths([str(data_dir / n) for n in names], Settings()))
    failures = [r for r in results if isinstance(r, Failure)]
    docs = [r for r in results if isinstance(r, RawDocument)]
    assert len(failures) == 4 and len(docs) == 1
    for failure, name in zip(failures, names, strict=False):
        assert name in failure.message and "\n" not in failure.message


def test_files_reads_directories_recursively_and_detects_formats(
    data_dir: Path, tmp_path: Path
) -> None:
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    (nested / "page.html").write_text((data_dir / "article.html").read_text())
    (tmp_path / "story.txt").write_text("Title here\n\nKenya met Somalia on Monday.")
    (tmp_path / "ignored.png").write_bytes(b"\x89PNG")
    results = list(read_paths([str(tmp_path)], Settings()))
    assert sorted(r.format for r in results if isinstance(r, RawDocument)) == ["html", "text"]


def test_files_jsonl_keeps_ids_and_reports_bad_lines(data_dir: Path) -> None:
    text = (data_dir / "articles.jsonl").read_text() + "not json\n" + json.dumps({"id": "x"}) + "\n"
    results = list(read_texts(text, "feed.jsonl", Settings(input="jsonl")))
    docs = [r for r in results if isinstance(r, RawDocument)]
    assert [d.given_id for d in docs] == ["ew-2025-0001", "ew-2025-0002", "ew-2025-0003"]
    assert docs[2].format == "html" and docs[2].source.url
    bad = [r.name for r in results if isinstance(r, Failure)]
    assert bad == ["feed.jsonl:4", "feed.jsonl:5"]


def test_files_sniffs_html_and_jsonl_from_content() -> None:
    html = list(
        read_texts("<!DOCTYPE html><html><body><p>Hi there.</p></body></html>", "-", Settings())
    )
    assert html[0].format == "html"  # type: ignore[union-attr]
    lines = list(read_texts('{"id": 1, "text": "Chad met Niger."}\n', "-", Settings()))
    assert lines[0].given_id == "1"  # type: ignore[union-attr]


def test_files_encoding_auto_and_declared_charsets(data_dir: Path) -> None:
    latin = (data_dir / "article_latin1.txt").read_bytes()
    assert "Zürich" in decode_bytes(latin, "x", 10**6, encoding="latin-1")
    assert decode_bytes(latin, "x", 10**6, encoding="auto")  # a detected encoding, never an error
    page = (
        '<html><head><meta charset="iso-8859-1"></head><body><p>Café in Zürich.</p></body></html>'
    )
    data = page.encode("latin-1")
    from eventwire.ingest.encoding import declared_charset

    assert "Café in Zürich" in decode_bytes(data, "p.html", 10**6, declared=declared_charset(data))


def test_files_utf16_with_bom_is_text_not_binary() -> None:
    data = "Kenya met Somalia.".encode("utf-16")
    assert decode_bytes(data, "x", 100) == "Kenya met Somalia."
