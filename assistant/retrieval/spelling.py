"""Words of a question mistyped ("Who founded the Wagnr group?"), read as the retrieved articles spell them.

A name the collection never writes is what the refusal rule says the articles lack, so a typo in one refused a
question the articles answer ("Wagnr" is no name of theirs). The search in meaning still finds the story: a word no
chunk holds and no dictionary knows, whose close likeness (difflib's ratio) the best chunks write, is taken for a
mistyping of that word, and the question is searched again with it. A name the collection lacks keeps its spelling
when the story's chunks write nothing like it ("a turtle in Cumbria").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from difflib import get_close_matches

from assistant.retrieval.casing import shouted, uncased
from assistant.retrieval.rewrite import asked_part
from newstext.terms import STOPWORDS, readings

_WORD = re.compile(r"[^\W\d_][\w’'-]*")
_POSSESSIVE = re.compile(r"['’][sS]$")  # in any case: "RESERVE'S" of a question typed in capitals
_CLOSEST = 3  # the likeliest words weighed by how often the chunks write them (get_close_matches's n)


def mistyped(
    question: str, texts: Iterable[str], written: Callable[[str], bool], ratio: float, min_letters: int
) -> dict[str, str]:
    """The question's names (its capitalised words, or any word of a question typed without capitals) of at least
    `min_letters` letters that no dictionary knows and neither the texts nor the rest of the collection write
    (`written` says whether the collection does: a word's stem may be another's, "Arlines" -> "arlin"), each with
    the word of the texts (the best chunks) most often written among those at least `ratio` alike, in the texts'
    own form ("Wagnr" -> "Wagner"); a word with no such likeness is left out, and so is one that only adds to or
    cuts the word's end, another form of it ("sidekicks" -> "sidekick", "co-own" -> "co-owner")."""
    typed = asked_part(question)  # a follow-up's carried words come from the last answer: the articles' own
    lower, loud = uncased(typed), shouted(typed)
    candidates = {
        w for w in (_POSSESSIVE.sub("", w).rstrip("’'-") for w in _WORD.findall(typed))
        if len(w) >= min_letters and (lower or w[:1].isupper()) and w.lower() not in STOPWORDS
        and not readings(w.lower())
    }  # fmt: skip
    if not candidates:
        return {}
    texts = list(texts)
    seen = Counter(w for t in texts for w in _WORD.findall(t) if len(w) >= min_letters - 1)
    forms = {_POSSESSIVE.sub("", w).lower() for w in seen}
    unknown = {w for w in candidates if w.lower() not in forms and not written(w)}
    if not unknown:
        return {}
    lowered: dict[str, list[str]] = {}
    for form in seen:
        lowered.setdefault(form.lower(), []).append(form)
    fixes: dict[str, str] = {}
    for word in sorted(unknown):
        low = word.lower()
        others = [w for w in lowered if not (w.startswith(low) or low.startswith(w))]  # "sidekicks", "co-owner"
        close = get_close_matches(low, others, n=_CLOSEST, cutoff=ratio)
        if close:
            form = max((seen[f], f) for w in close for f in lowered[w])[1]
            if loud:  # a question in capitals stays in capitals
                form = form.upper()
            elif not word[:1].isupper() and form[:1].isupper():  # nor does a name typed in lower case get one
                form = form.lower()
            fixes[word] = form
    return fixes


def respelled(question: str, fixes: dict[str, str]) -> str:
    """The question with each mistyped word replaced by its fix (a follow-up's carried words as they are)."""
    if not fixes:
        return question
    pattern = re.compile(r"(?<![\w’'-])(" + "|".join(map(re.escape, fixes)) + r")(?=['’]s\b|(?![\w’'-]))")
    return pattern.sub(lambda m: fixes[m.group(0)], question)
