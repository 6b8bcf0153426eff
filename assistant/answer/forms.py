"""A word in one of its forms: a sentence's content words, their dictionary forms, and the words news uses for them
(newstext.synonyms); what the answer checks read a question's words against (asked.py says which words it asks)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from newstext.synonyms import same_as
from newstext.terms import STOPWORDS, readings, terms

WORD = re.compile(r"[A-Za-z][A-Za-z’']*")  # "Wagner-led" states "led"
# A month's name is no verb or noun a question asks ("the March strikes" state no marching), and the model puts
# one month close to another ("march" ~ "July": 0.65).
_MONTHS = frozenset("january february march april may june july august september october november december".split())
# A negated auxiliary ("won't", "can't") states no deed: "won't" is no form of "won".
_NEGATED = ("n't", "n’t")


# A fact told "according to" its source is what the source found, said, showed or reported ("… were 51 percent less
# likely to develop dementia …, according to a study" for "What did the study find?").
ACCORDING = re.compile(r"\baccording to\b", re.I)
SOURCE_VERBS = ("find", "say", "show", "report")


def sourced_words(text: str) -> list[str]:
    """sentence_words, and for a fact told "according to" its source the verbs of what the source did (ACCORDING)."""
    return sentence_words(text) + (list(SOURCE_VERBS) if ACCORDING.search(text) else [])


@lru_cache(maxsize=4096)
def lemmas(word: str) -> frozenset[str]:
    """The word's dictionary forms in any part of speech (shot: shot, shoot), itself and its Snowball stem too."""
    found = {lemma for forms in readings(word).values() for lemma in forms}
    return frozenset({word, *terms(word), *found})


# The shortest word sentence_words keeps ("He", "T" of "AT&T" are none).
MIN_LETTERS = 3


def sentence_words(text: str) -> list[str]:
    """The sentence's content words, lower case; a month's name written as a name is not the verb or noun."""
    out = []
    for m in WORD.finditer(text):
        word = m.group(0).strip("'’")
        low = word.lower()
        month = word[:1].isupper() and low in _MONTHS
        if len(low) < MIN_LETTERS or low in STOPWORDS or low.endswith(_NEGATED) or month:
            continue
        out.append(low)
    return list(dict.fromkeys(out))


def in_form(asked: Sequence[str], words: Sequence[str]) -> bool:
    """Some asked word is one of the words (sentence_words) in one of its forms, or in a form of a word news uses
    for it (newstext.synonyms): died ~ die, led ~ leads, started ~ founder, attacking ~ assault."""
    forms = [lemmas(w) for w in words]
    return any(said_as(a) & f for a in asked for f in forms)


def holds_all(asked: Sequence[str], words: Sequence[str]) -> bool:
    """Every asked word is one of the words (sentence_words) in one of its forms (in_form); True when none is asked."""
    return all(in_form([w], words) for w in asked)


def deed_in_form(verb: str, words: Sequence[str]) -> bool:
    """in_form for a word asked as a verb ("Who shot …?"): its readings as another part of speech are left out, so
    "mug shots" (the noun shot) does not state it, while "was shot" and "the shooting" do."""
    deeds = _deed_forms(verb)
    return any(deeds & lemmas(w) for w in words)


@lru_cache(maxsize=1024)
def _deed_forms(verb: str) -> frozenset[str]:
    """said_as of a verb without its readings as another part of speech, read once a verb."""
    parsed = readings(verb)
    other = {lemma for pos, found in parsed.items() if pos != "VERB" for lemma in found} - set(parsed.get("VERB", ()))
    return said_as(verb) - other


# "have not yet confirmed", "never signed", "did not win": a deed denied within this many words after "not" (part of
# what negation is, not a tuning knob).
_NOT_REACH = 3
_NOT = frozenset({"not", "never", "no", "nobody"})


def negates(verbs: Sequence[str], text: str) -> bool:
    """The text states one of the verbs (in a form: in_form) only after a negation: "as many as 12 tornadoes … that
    they have not yet confirmed" denies what "How many tornadoes were confirmed?" asks, and "no one had been
    arrested" what "who got arrested" asks."""
    words = [w.lower().strip("'’") for w in WORD.findall(text)]
    at = [i for i, w in enumerate(words) if in_form(verbs, [w])]
    return bool(at) and all(_denied(words, i) for i in at)


def _denied(words: list[str], i: int) -> bool:
    """A negation within _NOT_REACH words before the i-th word, "no one" counting as one word."""
    before = words[max(0, i - _NOT_REACH - 1) : i]
    if any(b in _NOT or b.endswith(_NEGATED) for b in before[-_NOT_REACH:]):
        return True
    return any(a == "no" and b == "one" for a, b in zip(before, before[1:], strict=False))


@lru_cache(maxsize=4096)
def said_as(word: str) -> frozenset[str]:
    """The word's forms (lemmas) and the dictionary forms of the words news uses for it."""
    return frozenset(same for lemma in lemmas(word) for same in same_as(lemma))


_GET = frozenset({"get", "gets", "got", "gotten", "getting"})


def passive_gets(words: Sequence[str]) -> set[str]:
    """The forms of "get" that make a passive before a verb's past participle ("Which route is getting cut?", "Who
    got arrested?"): an auxiliary, as "is" and "being" are, not a deed the answer must state."""
    return {w for w, after in zip(words, words[1:], strict=False) if w in _GET and _participle(after)}


@lru_cache(maxsize=1024)
def _participle(word: str) -> bool:
    """The word is a verb's past participle ("cut", "arrested", "stolen")."""
    from lemminflect import getInflection

    return any(word in getInflection(v, "VBN") for v in readings(word).get("VERB", ()))
