"""Titles written in capitals without quotes: a work's or a campaign's name holding a stop word ("the He Gets Us
ads", "Who wrote It Ends With Us?"), whose stop words would otherwise be dropped as no names."""

from __future__ import annotations

import re

from newstext.sentences import opens_sentence
from newstext.terms import STOPWORDS

# A run of two or more capitalised words.
_CAPITALISED_RUN = re.compile(r"\b[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)+")
_ARTICLES = frozenset({"the", "a", "an"})


def titles(text: str) -> list[str]:
    """The text's runs of capitalised words holding a stop word in capitals ("He Gets Us"; not "US", an acronym), in
    order; a run opening a
    sentence starts after its first word, and an article opening one is left out ("The Daily Show" is often written
    "Comedy Central's Daily Show", and "Daily Show" holds no stop word: it is names)."""
    found = []
    for m in _CAPITALISED_RUN.finditer(text):
        words = m.group(0).split()
        if opens_sentence(text[: m.start()]):
            words = words[1:]
        if words and words[0].lower() in _ARTICLES:
            words = words[1:]
        if len(words) >= 2 and any(w.lower() in STOPWORDS and not w.isupper() for w in words):
            found.append(" ".join(words))
    return found
