"""Tie-breaks among the lead's near ties: the ranker cannot tell two sentences of about the same probability apart,
but what the question asks for can (whose words and of what, a name it does not give)."""

from __future__ import annotations

import re

from assistant.answer.sentences import Sentence
from assistant.retrieval.answer_type import expected_type
from assistant.retrieval.gazetteer import COUNTRIES, MONTHS, US_STATES, WEEKDAYS
from newstext.sentences import opens_sentence
from newstext.terms import fold

# A question asking for someone or something by name: "Who …?", "Which airline …?", "What is the name of …?"
_ASKS_NAME = re.compile(r"^\W*(?:who|which)\b|\bwhat (?:is|was) the name\b", re.I)
_NAME = re.compile(r"\b[A-Z][\w’'-]*")
_WORD = re.compile(r"[\w’'-]+")


def names_tie(scored: list[tuple[float, Sentence]], question: str, tie: float) -> int:
    """For a question asking what someone said ("What did Jason Kelce say about Travis?"), the index of the near tie
    of the best sentence (at least `tie` of its probability) stating the largest share of the question's names, the
    first on a tie: whose words are asked, and of what (his retirement led, above what he said of Travis); 0 for
    any other question."""
    if not scored or expected_type(question) != "statement":
        return 0
    near = [i for i, (p, _) in enumerate(scored) if p >= tie * scored[0][0]]
    return max(near, key=lambda i: scored[i][1].features["constraints"])


def new_name_tie(scored: list[tuple[float, Sentence]], question: str, tie: float) -> int:
    """For a question asking for a name ("Which airline found loose bolts …?"), when the best sentence names nothing
    the question does not, the index of the first near tie (at least `tie` of its probability) that does; 0
    otherwise. "an international airline discovered a bolt …" led, above "United Airlines and Alaska Airlines
    both said they found loose parts …"."""
    if not scored or not _ASKS_NAME.search(question):
        return 0
    asked = {fold(w).lower() for w in _WORD.findall(question)}
    if _names_new(scored[0][1].text, asked):
        return 0
    for i, (p, s) in enumerate(scored[1:], start=1):
        if p < tie * scored[0][0]:
            break
        if _names_new(s.text, asked):
            return i
    return 0


def _names_new(text: str, asked: set[str]) -> bool:
    """The text holds a capitalised word that is no word of the question, month or day, and, opening a sentence, a
    country or US state ("Greece has legalized …" names Greece; "Despite …" names nothing)."""
    return any(
        fold(m.group(0)).lower().strip("’'") not in asked
        and m.group(0) not in MONTHS | WEEKDAYS
        and (not opens_sentence(text[: m.start()]) or m.group(0).strip("’'") in COUNTRIES | US_STATES)
        for m in _NAME.finditer(text)
    )
