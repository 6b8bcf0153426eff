"""The near ties of a ranking's best sentence, which a tie-break reads (ties.py, name_ties.py): those at least a share
of its probability, in rank order."""

from __future__ import annotations

from collections.abc import Callable

from assistant.answer.sentences import Sentence
from assistant.retrieval.gazetteer import MONTHS, WEEKDAYS
from newstext.terms import WORD_RUN, fold


def first_near(scored: list[tuple[float, Sentence]], tie: float, ok: Callable[[Sentence], bool]) -> int:
    """The index of the first near tie of the best sentence (at least `tie` of its probability) that is `ok`, when
    the best one is not; 0 otherwise."""
    if not scored or ok(scored[0][1]):
        return 0
    for i, (p, s) in enumerate(scored[1:], start=1):
        if p < tie * scored[0][0]:
            break
        if ok(s):
            return i
    return 0


def new_word(word: str, asked: set[str]) -> bool:
    """A capitalised word is no word of the question (`asked`: folded_words), month or day."""
    return fold(word).lower().strip("’'") not in asked and word not in MONTHS | WEEKDAYS


def folded_words(question: str) -> set[str]:
    """The question's words, folded and lower case: what new_word tells a sentence's capitalised words apart from."""
    return {fold(w).lower() for w in WORD_RUN.findall(question)}
