"""Lexical terms: the one tokenisation behind BM25, query-term coverage and the answer's term checks."""

from __future__ import annotations

import re
from functools import lru_cache

_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
_POSSESSIVE = re.compile(r"['’]s\b")
_WORD_POSSESSIVE = re.compile(r"['’]s?$")  # "Russia's", "Russia’s", "Reuters'"
STOPWORDS = frozenset(
    "a an and are as at be but by for if in into is it its no not of on or such that the their then there "
    "these they this to was were will with which who whom what when where why how do does did has have had "
    "he she his her him i we you your our us them from than so can could would should about after before "
    "been being also over more most other some any all one".split()
)


@lru_cache(maxsize=1)
def _stemmer():  # type: ignore[no-untyped-def]
    import Stemmer

    return Stemmer.Stemmer("english")


def without_possessive(word: str) -> str:
    """One word without its possessive ending, so "Russia's" is asked and stated as "Russia"."""
    return _WORD_POSSESSIVE.sub("", word)


def terms(text: str) -> list[str]:
    """Lower-cased, stop-word-free, Snowball-stemmed word tokens."""
    words = [w for w in _TOKEN.findall(_POSSESSIVE.sub("", text.lower())) if w not in STOPWORDS]
    return list(_stemmer().stemWords(words))


@lru_cache(maxsize=4096)
def readings(word: str) -> dict[str, tuple[str, ...]]:
    """lemminflect's dictionary forms of the word by part of speech ({} for a word it does not know)."""
    from lemminflect import getAllLemmas

    return dict(getAllLemmas(word))
