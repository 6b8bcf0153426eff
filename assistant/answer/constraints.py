"""A question's specific constraints (numbers, quoted phrases, names, dates) and whether passages state them.

A passage close in meaning to "Which automaker recalled 112,000 vehicles?" is about recalls; only one that
says 112,000 answers it. Checking the question's specifics against the passages tells "the articles cover
this topic but not this fact" apart from an answer, in any collection, however often a story is reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from newstext.terms import STOPWORDS

_QUOTED = re.compile(r"[\"“”]([^\"“”]{2,80})[\"“”]")
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
_WORD = re.compile(r"[A-Za-z][\w’'.-]*")
_POSSESSIVE = re.compile(r"['’]s?$")
# Capitalised words that are no constraint: question words, titles and words of address.
_NOT_NAMES = frozenset(
    "what which who whom whose when where why how did does do is are was were will would could should can "
    "has have had in on at of for to by from with as and or but if after before during since this that these "
    "those there here the a an it its mr mrs ms dr sir st".split()
)


def _norm_number(text: str) -> str:
    """112,000 and 112000 are one number; a trailing period or comma is punctuation."""
    return text.rstrip(".,").replace(",", "")


def _norm_word(word: str) -> str:
    """Lower case, no possessive, no dots (U.S. ~ US), no trailing punctuation."""
    return _POSSESSIVE.sub("", word.rstrip(".,;:!?-")).replace(".", "").lower()


@dataclass(frozen=True)
class Constraints:
    """What a passage must state for it to answer the question as asked."""

    numbers: frozenset[str]
    names: frozenset[str]
    phrases: frozenset[str]
    shown: tuple[tuple[str, str], ...] = ()  # (normalised, as the question writes it), for messages

    @classmethod
    def of(cls, question: str) -> Constraints:
        """Numbers, quoted phrases and capitalised names (not the question's first word) of a question."""
        shown = {" ".join(p.lower().split()): p for p in _QUOTED.findall(question)}
        phrases = frozenset(shown)
        shown |= {_norm_number(m): m.rstrip(".,") for m in _NUMBER.findall(question) if _norm_number(m)}
        numbers = frozenset(n for n in (_norm_number(m) for m in _NUMBER.findall(question)) if n)
        names: set[str] = set()
        for i, m in enumerate(_WORD.finditer(question)):
            word = m.group(0)
            if not word[0].isupper() or (i == 0 and word.lower() in _NOT_NAMES):
                continue
            for part in word.split("-"):
                norm = _norm_word(part)
                if part[:1].isupper() and norm and norm not in _NOT_NAMES and norm not in STOPWORDS:
                    names.add(norm)
                    shown.setdefault(norm, _POSSESSIVE.sub("", part.rstrip(".,;:!?-")))
        return cls(numbers, frozenset(names), phrases, tuple(shown.items()))

    def label(self, norm: str) -> str:
        """A missing constraint as the question wrote it."""
        return dict(self.shown).get(norm, norm)

    def __bool__(self) -> bool:
        return bool(self.numbers or self.names or self.phrases)

    def missing(self, texts: Iterable[str]) -> list[str]:
        """The constraints no text states (each may be met by a different text), in a stable order."""
        joined = "\n".join(texts)
        flat = " ".join(joined.lower().split())
        numbers = {_norm_number(m) for m in _NUMBER.findall(joined)}
        words = {_norm_word(w) for m in _WORD.finditer(joined) for w in (m.group(0), *m.group(0).split("-"))}
        out = [n for n in sorted(self.numbers) if n not in numbers]
        out += [w for w in sorted(self.names) if not _name_in(w, words)]
        out += [p for p in sorted(self.phrases) if p not in flat]
        return out


def _name_in(name: str, words: set[str]) -> bool:
    """The name itself, or a word sharing its stem (Ukrainian ~ Ukraine, Russia's ~ Russian)."""
    if name in words:
        return True
    stem = name[: max(5, len(name) - 3)]
    return len(name) >= 5 and any(w.startswith(stem) for w in words)
