"""Lexical terms: the one tokenisation behind BM25, query-term coverage and the answer's term checks."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# A word as written, with its apostrophes and hyphens ("Wagner-led", "Russia’s"): one pattern for every module that
# reads a text's words whole.
WORD_RUN = re.compile(r"[\w’'-]+")
_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
_POSSESSIVE = re.compile(r"['’]s\b")
_WORD_POSSESSIVE = re.compile(r"['’]s?$")  # "Russia's", "Russia’s", "Reuters'"
STOPWORDS = frozenset(
    "a an and are as at be but by for if in into is it its no not of on or such that the their then there "
    "these they this to was were will with which who whom what when where why how do does did has have had "
    "he she his her him i we you your our us them from than so can could would should about after before "
    "been being also over more most other some any all one".split()
)
# Indefinite pronouns: no topic of their own ("anyone in the hospital" asks of one word).
INDEFINITE = frozenset(
    "anyone anybody someone somebody everyone everybody nobody anything something everything nothing".split()
)
# The words a hurried user types around a question ("ok but how much did they actually make", "whats the reason,
# like what broke"): no topic, and not what is asked.
FILLERS = frozenset("ok okay alright actually really anyway btw like".split())
# "right now" asks of now, as "now" does: its "right" is no word of what is asked ("how big is the fire rn")
RIGHT_NOW = re.compile(r"\bright (?=now\b)", re.I)
# Words that place, join or quantify, left out of the stop words (retrieval weighs them) and of which the dictionary
# (open-class words) knows none or misreads some as nouns ("the above", "many"): no names ("Despite …" opening a
# sentence), and no thing a question asks about ("When will it get above freezing?" asks of no "above"; "How many
# cars use the bridge each day?" of no "each"), nor a pronoun standing for someone.
FUNCTION_WORDS = frozenset(
    "despite during amid amidst until although though among amongst because unless whereas whilst toward towards per"
    " against onto upon every throughout beneath besides except inside outside unlike within without via"
    " above below under each many much few several up down across around through since ago"
    " else".split()  # and the indefinite pronouns: "Was anyone else on board?" asks of no "anyone"
) | INDEFINITE


@lru_cache(maxsize=1)
def _stemmer():  # type: ignore[no-untyped-def]
    import Stemmer

    return Stemmer.Stemmer("english")


def without_possessive(word: str) -> str:
    """One word without its possessive ending, so "Russia's" is asked and stated as "Russia"."""
    return _WORD_POSSESSIVE.sub("", word)


def _base_letter(char: str) -> str:
    """A Latin letter without its diacritics ("é" -> "e"); the character itself when it has none."""
    return "".join(c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c))


# Latin letters with diacritics (Latin-1 Supplement to Latin Extended-B) to their base letters, for str.translate.
# "Ł", "Ø" and "Đ" have no decomposition, so they are mapped by hand.
_FOLD = {code: base for code in range(0xC0, 0x250) if (base := _base_letter(chr(code))) != chr(code) and base} | {
    ord(a): b for a, b in zip("ŁłØøĐđ", "LlOoDd", strict=True)
}


def fold(text: str) -> str:
    """The text without diacritics on Latin letters ("Arévalo" -> "Arevalo"), offsets kept: users type names
    without them, articles with them."""
    return text if text.isascii() else text.translate(_FOLD)


def terms(text: str) -> list[str]:
    """Lower-cased, diacritic-free (fold), stop-word-free, Snowball-stemmed word tokens."""
    words = [w for w in _TOKEN.findall(_POSSESSIVE.sub("", fold(text.lower()))) if w not in STOPWORDS]
    return list(_stemmer().stemWords(words))


@lru_cache(maxsize=4096)
def readings(word: str) -> dict[str, tuple[str, ...]]:
    """lemminflect's dictionary forms of the word by part of speech ({} for a word it does not know)."""
    from lemminflect import getAllLemmas

    return dict(getAllLemmas(word))
