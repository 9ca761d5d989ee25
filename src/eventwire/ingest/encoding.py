"""Bytes to text: empty, binary, oversized and mis-encoded inputs refused with a coded error.

Plain text is UTF-8 unless the user says otherwise (`--encoding NAME`, or `auto` to detect):
a guess is never silent. HTML, WARC and feed payloads declare their charset (HTTP header,
<meta charset>, XML prolog); that declaration is used, and detection is the fallback.
"""

from __future__ import annotations

import codecs
import re

from eventwire.errors import InputBinary, InputEmpty, InputEncoding, InputFormat

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([a-zA-Z0-9_.:-]+)""", re.I)


def declared_charset(data: bytes) -> str | None:
    """The charset a document declares in its first bytes (<meta charset>, XML prolog), if known."""
    head = data[:4096]
    match = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    if not match:
        return None
    name = match.group(1).decode("ascii", "ignore").lower()
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def detect_encoding(data: bytes) -> str | None:
    """charset_normalizer's best guess for undeclared bytes, or None."""
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    return best.encoding if best is not None else None


def _bom(data: bytes) -> str | None:
    return next((name for bom, name in _BOMS if data.startswith(bom)), None)


def _check_binary(data: bytes, name: str) -> None:
    sample = data[:65536]
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    if b"\x00" in sample or controls > len(sample) * 0.02:
        raise InputBinary("input looks binary, not text (control bytes)", name=name)


def _strict(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        bad = data[exc.start : exc.start + 1].hex()
        guess = detect_encoding(data)
        hint = (
            f"; it looks like {guess}: use --encoding {guess} or --encoding auto" if guess else ""
        )
        raise InputEncoding(
            f"input is not valid {encoding} (byte 0x{bad} at offset {exc.start}){hint}", name=name
        ) from None
    except LookupError:
        raise InputEncoding(f"unknown encoding {encoding!r}", name=name) from None


def decode_bytes(
    data: bytes,
    name: str,
    max_chars: int,
    encoding: str = "utf-8",
    declared: str | None = None,
) -> str:
    """Decoded text with normalised newlines.

    1. a byte-order mark decides the encoding (UTF-16/32 carry NUL bytes, so this comes first)
    2. empty (or only whitespace) -> InputEmpty; NUL or many control bytes -> InputBinary
    3. a declared charset (HTTP header, <meta>, XML prolog) is used when it decodes cleanly
    4. `encoding="auto"`: UTF-8 if valid, else detection; otherwise that encoding, strictly
    5. more characters than the cap -> InputFormat
    """
    bom = _bom(data)
    if bom:
        text = data.decode(bom, errors="replace")
    else:
        if not data.strip():
            raise InputEmpty("input is empty", name=name)
        _check_binary(data, name)
        text = ""
        if declared:
            try:
                text = data.decode(declared)
            except (UnicodeDecodeError, LookupError):
                text = ""
        if not text and encoding == "auto":
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError:
                guess = detect_encoding(data)
                if guess is None:
                    raise InputEncoding("input encoding could not be detected", name=name) from None
                text = data.decode(guess, errors="replace")
        elif not text:
            text = _strict(data, encoding, name)
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise InputEmpty("input is empty", name=name)
    if len(text) > max_chars:
        raise InputFormat(
            f"input has {len(text):,} characters, over the cap of {max_chars:,}", name=name
        )
    return text.replace("\r\n", "\n").replace("\r", "\n")
