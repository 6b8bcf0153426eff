"""The rare names of a question: the few the collection seldom writes ("Reckitt Benckiser", "Salesianum"), which
say what the question is about, unlike the common ones ("Britain", "Delaware") that many of its stories share.

The constraint check (refusal.decide) only asks that some top chunk state each name. A chunk that mentions Reckitt
Benckiser in passing meets it, and the best sentence may then come from a chunk about another recall. The answer's
best sentences must include one from the rare names' story: an article that writes them (in the sentence's chunk, or
elsewhere in its text), and the first of them leads when the best comes from an article that never does."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from assistant.answer.constraints import Constraints, norm_word
from newstext.terms import terms, without_possessive

# The capitalised words right after "which" or "what" describe the answer, not the topic: "Which Caribbean nation's
# prime minister resigned?" is answered by a chunk on Haiti, which need not say "Caribbean".
_ANSWER_WORDS = re.compile(r"\b(?i:which|what)\s+((?:[A-Z][\w’'.&-]*\s+)+)")


def describes_answer(question: str) -> set[str]:
    """The names in the question's wh-phrase ("Which Caribbean nation" -> caribbean), lower-cased."""
    return {norm_word(word) for m in _ANSWER_WORDS.finditer(question) for word in m.group(1).split()}


def rare_names(
    asked: Constraints, question: str, idf: Mapping[str, float], share: float, one_chunk: float | None = None
) -> Constraints:
    """The names of `asked` (the question's own) that at most `share` of the chunks hold: a BM25 idf of at least
    log(1 / share) for each of the name's terms (idf = log(1 + (N - df + 0.5) / (df + 0.5)), so df / N <= share),
    or, in a collection too small for that share to be one chunk, `one_chunk` (the idf of a term one chunk holds):
    there "Elm" of "the Elm Street bridge", written by one article of three, is rare, and "Street" is not. A term
    `idf` lacks counts as common. No numbers or quotes: those the constraint check reads as they are."""
    floor = math.log(1.0 / share) if one_chunk is None else min(math.log(1.0 / share), one_chunk)
    answer = describes_answer(question)
    rare = {
        name for name in asked.names - answer
        if (found := terms(name)) and all(idf.get(t, 0.0) >= floor for t in found)
    }  # fmt: skip
    return asked.only_names(rare)


# Capitalised words in a row, as a question writes a name ("Reckitt Benckiser", "Ken-Del Studios", "Mid-County
# Lanes & Entertainment").
_NAME_RUN = re.compile(r"[A-Z][\w’'.&-]*(?:\s+(?:&\s+)?[A-Z][\w’'.&-]*)*")


def as_written(names: frozenset[str], asked: Constraints, question: str) -> list[str]:
    """The question's names holding one of `names`, as it writes them ("Reckitt Benckiser"), without the words
    before them that name nothing ("Manufacturer") and a closing possessive: for a message."""
    def among(word: str, these: frozenset[str]) -> bool:
        return any(part in these for part in norm_word(word).split("-"))  # "Ken-Del": ken, del

    out = []
    for m in _NAME_RUN.finditer(question):
        words = m.group(0).split()
        while words and not among(words[0], asked.names):
            words = words[1:]
        if any(among(w, names) for w in words):
            out.append(without_possessive(" ".join(words)).rstrip("’'"))
    return list(dict.fromkeys(out))


@dataclass(frozen=True)
class RareNames:
    """A question's rare names, and how the answer's best sentences (their chunks or articles) stand to them."""

    rare: Constraints
    own: Constraints  # the question's own names (a follow-up's without the conversation's)
    question: str

    @classmethod
    def of(
        cls, own: Constraints, question: str, idf: Mapping[str, float], share: float | None,
        one_chunk: float | None = None,
    ) -> RareNames | None:
        """The rare names of the question's own names (rare_names); None when it has none or the test is off."""
        found = rare_names(own, question, idf, share, one_chunk) if share is not None else None
        return cls(found, own, question) if found else None

    def held(self, chunks: Sequence[str], about: Callable[[int], bool]) -> bool:
        """One of the best sentences (by its chunk's or article's text) states every rare name and is `about` the
        question (asked only of those that state them)."""
        return any(not self.rare.missing([text]) and about(i) for i, text in enumerate(chunks))

    def shown(self, chunks: Sequence[str]) -> str:
        """The rare names no chunk states (all of them when each is stated by one), quoted as the question writes
        them: "“Reckitt Benckiser”"."""
        unstated = frozenset(self.rare.missing(chunks)) or self.rare.names
        return " and ".join(f"“{n}”" for n in as_written(unstated, self.own, self.question))
