"""A question's specific constraints (numbers, quoted phrases, names, dates) and whether passages state them.

A passage close in meaning to "Which automaker recalled 112,000 vehicles?" is about recalls; only one that
says 112,000 answers it. Checking the question's specifics against the passages tells "the articles cover
this topic but not this fact" apart from an answer, in any collection, however often a story is reported.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from assistant.retrieval.answer_kinds import SCORE_PAIR
from assistant.retrieval.rewrite import asked_part
from newstext.generic import ORGANISATION_WORDS
from newstext.sentences import opens_sentence
from newstext.terms import STOPWORDS, fold, without_possessive
from newstext.titles import titles

_QUOTED = re.compile(r"[\"“”]([^\"“”]{2,80})[\"“”]")
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
# A score or tally ("won 8-1", "a 5–4 ruling") is one number: its halves alone are stated by almost any text.
_SCORE = re.compile(r"\b" + SCORE_PAIR)
_SCORE_DASH = re.compile(r" ?[-–] ?")
_WORD = re.compile(r"[A-Za-z][\w’'.-]*")
_SQUASH = re.compile(r"[^a-z0-9]+")
_CONTENT = re.compile(r"[a-z0-9]+")
# Titles, which articles write in lower case as often as not ("the president said"), and drop before a name they
# have given once ("Charles, 73, became Britain's monarch" for "King Charles").
TITLE_WORDS = frozenset("president governor senator mayor king queen prince princess pope minister chancellor".split())
# Capitalised words that are no constraint: question words, titles, words of address, and ORGANISATION_WORDS (the
# name beside one is still demanded: "Who is the founder of the Wagner Group?" -> wagner).
NOT_NAMES = ORGANISATION_WORDS | frozenset(
    "what which who whom whose when where why how did does do is are was were will would could should can "
    "has have had in on at of for to by from with as and or but if after before during since this that these "
    "those there here the a an it its mr mrs ms dr sir st".split()
) | TITLE_WORDS
# Small numbers are as often spelled out: "a 10-year deal" is stated by "a ten-year deal".
_SPELLED = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty"
).split()


def norm_number(text: str) -> str:
    """112,000 and 112000 are one number; a trailing period or comma is punctuation."""
    return text.rstrip(".,").replace(",", "")


def norm_word(word: str) -> str:
    """Lower case, no possessive, no dots (U.S. ~ US), no trailing punctuation, no diacritics (Arévalo ~ Arevalo)."""
    return fold(without_possessive(word.rstrip(".,;:!?-")).replace(".", "").lower())


def _squash(text: str) -> str:
    """Letters and digits only: "shout-out" ~ "shout out", "re-freeze" ~ "refreeze", any quotes or spacing."""
    return _SQUASH.sub("", fold(text.lower().replace("’", "'")))


@dataclass(frozen=True)
class ConstraintRules:
    """How strictly a passage must echo the question (tuned on nothing: chosen so paraphrase is tolerated)."""

    long_phrase_words: int = 4  # a quoted phrase with at least this many content words...
    long_phrase_share: float = 0.75  # ...is stated when this share of them appears
    min_acronym: int = 3  # shorter capitalised tokens (AI, UK, Q&A) are written out too often to demand


RULES = ConstraintRules()


def _score(written: str) -> str:
    """A score as one number, however its dash is written: "5 – 4" -> "5-4"."""
    return "-".join(_SCORE_DASH.split(written, maxsplit=1))


@dataclass(frozen=True)
class Constraints:
    """What a passage must state for it to answer the question as asked."""

    numbers: frozenset[str]
    names: frozenset[str]
    phrases: frozenset[str]
    shown: tuple[tuple[str, str], ...] = ()  # (normalised, as the question writes it), for messages
    rules: ConstraintRules = RULES

    @classmethod
    def of(cls, question: str, rules: ConstraintRules = RULES) -> Constraints:
        """Numbers, quoted phrases and capitalised names (not a sentence's first word) of a question."""
        shown: dict[str, str] = {}
        for p in [*_QUOTED.findall(question), *titles(asked_part(question))]:
            norm = " ".join(_CONTENT.findall(fold(p.lower().replace("’", "'"))))
            if norm:
                shown[norm] = p.strip()
        phrases = frozenset(shown)
        scores = {_score(m.group(0)): m.group(0) for m in _SCORE.finditer(question)}
        rest = _SCORE.sub(" ", question)
        plain = {norm_number(m): m.rstrip(".,") for m in _NUMBER.findall(rest) if norm_number(m)}
        numbers = frozenset(plain) | frozenset(scores)
        shown |= plain | scores
        names: set[str] = set()
        asked = len(asked_part(question))  # a follow-up's words from the conversation keep their capitals as names
        for m in _WORD.finditer(question):
            word = m.group(0)
            acronym = word.isupper() and len(word) >= rules.min_acronym
            opens = m.start() < asked and opens_sentence(question[: m.start()])
            if not word[0].isupper() or (opens and not acronym):
                continue
            for part in word.split("-"):
                norm = norm_word(part)
                short = without_possessive(part).isupper() and len(norm) < rules.min_acronym
                if part[:1].isupper() and len(norm) > 1 and not short and norm not in NOT_NAMES | STOPWORDS:
                    names.add(norm)
                    shown.setdefault(norm, without_possessive(part.rstrip(".,;:!?-")))
        return cls(numbers, frozenset(names), phrases, tuple(shown.items()), rules)

    def only_names(self, names: Iterable[str]) -> Constraints:
        """These names alone, as this question's (its rules and how it writes them kept): no numbers or quotes."""
        return replace(self, numbers=frozenset(), names=frozenset(names), phrases=frozenset())

    def label(self, norm: str) -> str:
        """A missing constraint as the question wrote it."""
        return dict(self.shown).get(norm, norm)

    def __bool__(self) -> bool:
        return bool(self.numbers or self.names or self.phrases)

    def missing(self, texts: Iterable[str]) -> list[str]:
        """The constraints no text states (each may be met by a different text), in a stable order."""
        joined = fold("\n".join(texts))
        content = set(_CONTENT.findall(joined.lower().replace("’", "'")))
        spelled = {str(i) for i, w in enumerate(_SPELLED) if w in content}
        scores = {_score(m) for m in _SCORE.findall(joined)}
        numbers = {norm_number(m) for m in _NUMBER.findall(joined)} | spelled | scores
        # A name is stated as a name: "Alexander the Great" is not met by "a great deal" (a capital, or a digit).
        words = {
            norm_word(w) for m in _WORD.finditer(joined) for w in (m.group(0), *m.group(0).split("-"))
            if w[:1].isupper() or w[:1].isdigit()
        }
        out = [n for n in sorted(self.numbers) if n not in numbers]
        unmet = [w for w in sorted(self.names) if not _name_in(w, words)]
        if unmet:  # an acronym the texts write out ("Central Ohio …" for COTA), read only when a name is unmet
            initials = {i for m in _NAME_RUN.finditer(joined) for i in _initials(m.group(0))}
            lowered = joined.lower()
            unmet = [w for w in unmet if not _name_in(w, initials) and not _role_in(w, lowered)]
        out += unmet
        out += [p for p in sorted(self.phrases) if not self._phrase_in(p, _squash(joined), content)]
        return out

    def _phrase_in(self, phrase: str, squashed: str, content: set[str]) -> bool:
        """As written (spacing, hyphens and quotes aside), or, for a long quote, most of its content words."""
        if _squash(phrase) in squashed:
            return True
        words = {w for w in phrase.split() if w not in STOPWORDS}
        found = sum(w in content for w in words)
        return len(words) >= self.rules.long_phrase_words and found >= self.rules.long_phrase_share * len(words)


# An acronym of a role or a common thing news writes out as often as not, in lower case ("Chief executive Priya
# Nair said" for "Who is the CEO of Voltline?", "31,000 electric models" for "How many EVs did Harlow deliver?"):
# part of what a name's being stated means, not a tuning knob.
_WRITTEN_OUT = {
    "ceo": "chief executive", "cfo": "chief financial officer", "coo": "chief operating officer",
    "cto": "chief technology officer", "ev": "electric (?:vehicle|car|model)", "evs": "electric (?:vehicle|car|model)s",
    "mvp": "most (?:valuable|outstanding) player", "eps": "(?:earnings|profit) (?:of \\S+ )?per share",
}


def _role_in(name: str, lowered: str) -> bool:
    """The name is an acronym news writes out (_WRITTEN_OUT) that the lower-cased texts write out."""
    written = _WRITTEN_OUT.get(name)
    return written is not None and re.search(r"\b" + written.replace(" ", r"\s+") + r"\b", lowered) is not None


# A name of several words in capitals, "of" or "and" between them ("Central Ohio Transit Authority", "Bureau of
# Labor Statistics"): its initials state its acronym (COTA, BLS), which a question may write for it.
_NAME_RUN = re.compile(r"\b[A-Z][\w'’-]*(?:\s+(?:(?:of|and|for|the|on)\s+)?[A-Z][\w'’-]*)+")


def _initials(run: str) -> set[str]:
    """The initials of a name's words in capitals, lower case, from each of them on ("The Bureau of Labor
    Statistics" -> tbls, bls, ls): the run may open with a sentence's first word."""
    capitals = "".join(w[0] for w in run.split() if w[:1].isupper()).lower()
    return {capitals[i:] for i in range(len(capitals) - 1)}


# A name's inflections (Ukraine, Ukrainian, Ukrainians): the same word up to an ending of this many letters, the
# asked name's ending shorter, in a stem of at least STEM_LETTERS. Part of what "stated" means, not a tuning knob.
STEM_LETTERS, NAME_ENDING, WORD_ENDING = 5, 3, 4
# The endings that make a place's name its people's, or a name its plural (Ukraine ~ Ukrainians, Russia ~ Russian,
# Israel ~ Israelis, Japan ~ Japanese, Zelensky ~ Zelenskyy, County ~ Counties): one of the two words ends as a
# place, the other as its people or a plural. Other endings make other names: Charles is not Charlie, Charlotte or
# Charleston, nor Harris Harrison.
_PLACE_ENDS = frozenset({"", "e", "a", "y", "o"})
_PEOPLE_ENDS = frozenset(
    {"", "s", "es", "ies", "n", "ns", "an", "ans", "ian", "ians", "ean", "eans", "i", "is", "ese", "ish", "ys"}
)


def _name_in(name: str, words: set[str]) -> bool:
    """The name itself, or the same word with an ending of a place or its people (Ukrainian ~ Ukraine, Russia's ~
    Russians): the two share all but the name's last NAME_ENDING letters and all but the word's last WORD_ENDING,
    and differ by those endings alone. A longer name that only opens alike is another name: Zelenogorsk does not
    state Zelensky, nor Charlie Charles."""
    if name in words or (len(name) >= STEM_LETTERS and name.endswith("s") and name[:-1] in words):  # Fords ~ Ford
        return True
    stem = name[: max(STEM_LETTERS, len(name) - NAME_ENDING)]
    return len(name) >= STEM_LETTERS and any(
        w.startswith(stem) and len(shared := os.path.commonprefix([name, w])) >= len(w) - WORD_ENDING
        and _inflects(name[len(shared) :], w[len(shared) :])
        for w in words
    )


def _inflects(one: str, other: str) -> bool:
    """Two endings after a shared stem make one name's place and people forms (_PLACE_ENDS, _PEOPLE_ENDS)."""
    return (one in _PLACE_ENDS and other in _PEOPLE_ENDS) or (one in _PEOPLE_ENDS and other in _PLACE_ENDS)
