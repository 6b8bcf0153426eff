"""Bytes to text for article files: tolerate real-world encodings, refuse binaries with a clear reason."""

from __future__ import annotations

import codecs
from pathlib import Path

SNIFF_BYTES = 8192  # how much of a file the binary check looks at
MAX_CONTROL_FRACTION = 0.3  # more control bytes than this in the sniffed prefix: not text
PREFERRED_LEGACY = "cp1252"  # charset_normalizer often mislabels short cp1252 text as cp775 or cp1250
CHAOS_TOLERANCE = 0.1  # how much less plausible than the best guess cp1252 may be and still win
_TEXT_CONTROLS = frozenset(b"\t\n\r\f\b\x1b")
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


class DecodeError(ValueError):
    """A file that cannot be turned into article text; the message says why."""


def read_bytes(path: Path) -> bytes:
    """Read a whole file, turning OS errors into a DecodeError with a readable reason."""
    try:
        return path.read_bytes()
    except IsADirectoryError:
        raise DecodeError("cannot read: is a directory") from None
    except OSError as exc:
        raise DecodeError(f"cannot read: {exc.strerror or exc}") from None


def read_text(path: Path) -> str:
    """Read and decode a text file, refusing empty and binary files."""
    return decode_bytes(read_bytes(path))


def decode_bytes(data: bytes) -> str:
    """Decode file contents, trying UTF-8 (with or without BOM), UTF-16 with BOM, then a detected codec."""
    if not data.strip():
        raise DecodeError("empty file")
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace")
    if data.startswith(_UTF16_BOMS):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise DecodeError("invalid UTF-16 text") from None
    if looks_binary(data[:SNIFF_BYTES]):
        raise DecodeError("binary file, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return _decode_fallback(data)


def looks_binary(sample: bytes) -> bool:
    """NUL bytes or mostly control bytes mean a binary file (text in legacy codecs has neither)."""
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 0x20 and b not in _TEXT_CONTROLS)
    return controls > MAX_CONTROL_FRACTION * max(len(sample), 1)


def _decode_fallback(data: bytes) -> str:
    """Decode non-UTF-8 text: cp1252 (usual for English news) unless charset_normalizer finds better."""
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - installed with the project's dependencies
        return data.decode("cp1252", errors="replace")
    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        return data.decode("cp1252", errors="replace")
    for match in matches:
        if PREFERRED_LEGACY in match.could_be_from_charset and match.chaos <= best.chaos + CHAOS_TOLERANCE:
            return data.decode(PREFERRED_LEGACY, errors="replace")
    return str(best)
