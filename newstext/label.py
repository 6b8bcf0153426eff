"""How to name an article to a reader: its headline, or its opening words when it has none."""

from __future__ import annotations

from newstext.sentences import sentence_spans

OPENING_WORDS = 12  # an untitled article is named by at most this many of its first sentence's words
_OPENING_CHARS = 1000  # where its first sentence is looked for: enough for twelve words of any sentence


def article_label(title: str, text: str) -> str:
    """The title, else the first sentence's opening words (a plain-text file may start straight on its story,
    and a file id tells a reader nothing); empty only when both are."""
    if title.strip():
        return title.strip()
    spans = sentence_spans(text, 0, min(len(text), _OPENING_CHARS))
    first = text[spans[0][0] : spans[0][1]] if spans else ""
    words = first.split()
    return " ".join(words[:OPENING_WORDS]) + ("…" if len(words) > OPENING_WORDS else "")
