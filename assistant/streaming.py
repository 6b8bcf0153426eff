"""Word-by-word streaming of a finished answer, one rule for the extractive engine and the generative fallback."""

from __future__ import annotations

from collections.abc import Iterator


def words(text: str) -> Iterator[str]:
    """The text in pieces that join back to it exactly: the first word, then each further word with its space."""
    for i, word in enumerate(text.split(" ")):
        yield word if i == 0 else " " + word
