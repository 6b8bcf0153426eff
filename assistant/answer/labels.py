"""Lines of a list under a label ("Best actress: Emma Stone, 'Poor Things'"): news prints award winners, a
ballot's results and a schedule this way, and the label is the question ("Who won best actress?") with its
answer after the colon, though the line states no deed."""

from __future__ import annotations

import re

from newstext.terms import STOPWORDS, fold, readings

# A short label opening the line, then its value: "Best actress: Emma Stone", "Worst picture: 'Blonde'".
_LABELLED = re.compile(r"^\W*([A-Z][\w’' -]{0,59}?):\s+\S")
_WORD = re.compile(r"[A-Za-z][A-Za-z’'-]*")
_FIGURE = re.compile(r"\d")
_MAX_LABEL_WORDS = 6  # a label is a few words: a longer run before a colon is a sentence introducing a quote


def _words(text: str) -> set[str]:
    """The text's content words, lower case, without diacritics."""
    return {w for w in (m.group(0).lower().strip("’'") for m in _WORD.finditer(fold(text))) if w not in STOPWORDS}


def label_of(text: str) -> set[str]:
    """The content words of the label opening a "<label>: <value>" line; empty for any other sentence."""
    m = _LABELLED.match(text)
    if m is None or len(m.group(1).split()) > _MAX_LABEL_WORDS:
        return set()
    return _words(m.group(1))


def labels_question(text: str, question: str, asked: list[str]) -> bool:
    """The line's label is what the question asks after: every label word is the question's, and every word it
    asks that the label lacks can be a verb, the deed the list's heading tells ("won" of "Who won best actress?"
    for "Best actress: Emma Stone"); "Best supporting actress: …" does not label "Who won best actress?"."""
    label = label_of(text)
    if not label or not label <= _words(question):
        return False
    rest = {w.lower() for w in asked} - label
    return bool(label & {w.lower() for w in asked}) and all("VERB" in readings(w) for w in rest)


def labels_name(text: str, names: frozenset[str]) -> bool:
    """The line's label is one of the question's names and no more, and its value a figure: a list of named things'
    values ("Illinois: $12 to $13" for "How much is the minimum wage in Illinois?"), its chunk saying what the values
    are; not a heading ("World Happiness Report: Nordic countries top the list")."""
    label = label_of(text)
    return bool(label) and label <= names and _FIGURE.search(text.split(":", 1)[1]) is not None
