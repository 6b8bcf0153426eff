"""Query terms widened by the words news uses for the same event (newstext.synonyms), for BM25: "Which route is
getting cut?" is stated by "… voted to … eliminate Route 14", and no chunk of that story says "cut". Only a word
read as a verb is widened: "the estimated cost of the project" asks of a sum, not of who pays or funds it."""

from __future__ import annotations

import re

from newstext.synonyms import same_as
from newstext.terms import STOPWORDS, readings, terms

_WORD = re.compile(r"[a-z]+")
# Words after which a word both noun and verb is the verb: an auxiliary, "to", a passive's "get", a subject pronoun
# ("Which route is getting cut?", "How much has it cost?", "Who cut the program?").
_BEFORE_VERB = frozenset(
    "is are was were be been being am do does did has have had will would shall should can could may might must to"
    " get gets got gotten getting it they he she we i you who".split()
)


def _as_verb(word: str, before: str) -> bool:
    """The word reads as a verb here: it has no other reading, it is a verb's inflected form ("cutting", "won"), or
    it follows a word a verb follows."""
    parsed = readings(word)
    verbs = parsed.get("VERB", ())
    if not verbs:
        return False
    return len(parsed) == 1 or word not in verbs or before in _BEFORE_VERB


def widened(query: str, query_terms: list[str]) -> list[str]:
    """The terms of the words that state what one of the query's verbs states, less the query's own terms."""
    found: set[str] = set()
    own = set(query_terms)
    words = _WORD.findall(query.lower())
    for before, word in zip(["", *words], words, strict=False):
        if word in STOPWORDS or own.isdisjoint(terms(word)) or not _as_verb(word, before):
            continue
        lemmas = set(readings(word)["VERB"]) | {word}
        found.update(t for lemma in lemmas if len(group := same_as(lemma)) > 1 for same in group for t in terms(same))
    return sorted(found - own)
