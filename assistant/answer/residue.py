"""What a question asks of its names: the question without its names, its numbers and the nouns that go on a name
("Where did Prigozhin die?" -> "Where did die?"), so a sentence matching on the names alone can be told from one
that answers (constraints.py says which names and numbers must be stated)."""

from __future__ import annotations

import re

from assistant.answer.constraints import Constraints, norm_number, norm_word
from assistant.retrieval.answer_type import measure_terms
from assistant.retrieval.rewrite import asked_part
from newstext.generic import ORGANISATION_WORDS
from newstext.terms import FILLERS, RIGHT_NOW, STOPWORDS, readings, terms

_AROUND = "?!.,;:()[]\"'“”‘’"  # what may stand around a word of a question
_ENDS_PHRASE = re.compile(r"[?!.,;:)\]]$")  # a word the question's punctuation closes: no name phrase goes on past it

# Relations a thing has ("France's capital", "the capital of France"): what a question asks of the name, never a noun
# going on it (asked.relations).
RELATION_WORDS = ("capital", "currency", "nickname", "motto", "slogan", "mascot", "anthem")


def _goes_on_name(word: str) -> str:
    """What a lower-case word after a name can be in a name phrase ("the Wagner mercenary group", "the Kestrel Valley
    cider festival"): "noun" (a noun that is no verb, or an organisation's generic word), "adj" (an adjective, which
    must stand before a noun: "Why was the Kerch Bridge important?" asks of the bridge), or "" (neither)."""
    low = word.lower()
    if not word.islower() or low in STOPWORDS or low in RELATION_WORDS:
        return ""
    if low in ORGANISATION_WORDS:
        return "noun"
    found = set(readings(low))
    if not found or "VERB" in found:
        return ""
    return "noun" if "NOUN" in found else "adj" if "ADJ" in found else ""


def _name_words(question: str) -> tuple[list[str], list[bool]]:
    """The question's words, and for each whether it is part of a name phrase: a name, or a run of nouns (and the
    adjectives before them) right after one."""
    wanted = Constraints.of(question)
    drop = wanted.names | wanted.numbers
    words = question.split()
    bare = [w.strip(_AROUND) for w in words]  # "(Kadyrov": a follow-up's names come in brackets (retrieval.rewrite)
    flags = [norm_word(b) in drop or norm_number(b) in drop for b in bare]
    i = 0
    while i < len(words):
        if not flags[i] or _ENDS_PHRASE.search(words[i]):
            i += 1
            continue
        run, j = [], i + 1
        while j < len(words) and not flags[j] and (kind := _goes_on_name(bare[j])):
            run.append(kind)
            if _ENDS_PHRASE.search(words[j]):
                break
            j += 1
        while run and run[-1] == "adj":  # a run ends on a noun
            run.pop()
        for k in range(i + 1, i + 1 + len(run)):
            flags[k] = True
        i += 1 + len(run)
    return words, flags


def name_phrases(question: str) -> list[str]:
    """The question's names with the nouns that go on them, as written ("Wagner mercenary group")."""
    words, flags = _name_words(question)
    phrases, run = [], []
    for w, f in zip(words, flags, strict=True):
        if f:
            run.append(w.strip(_AROUND))
        elif run:
            phrases.append(" ".join(run))
            run = []
    return phrases + ([" ".join(run)] if run else [])


def residue(question: str) -> str:
    """The question without its names and numbers, and the nouns that go on a name: what it asks of them ("Where
    did Prigozhin die?" -> "Where did die?", "Who started the Wagner mercenary group?" -> "Who started the"), so a
    sentence matching on the names alone can be told from one that answers. A follow-up's words from the
    conversation are no part of what it asks ("Who promoted him? (Kadyrov argue)" -> "Who promoted him?")."""
    words, flags = _name_words(RIGHT_NOW.sub("", asked_part(question)))
    frame = measure_terms(question)  # "How long has the assault lasted?" asks of the assault

    def framing(word: str) -> bool:
        found = set(terms(word))
        return bool(found) and found <= frame

    # nor the fillers of hurried typing ("whats the reason, like what broke" asks nothing of "like")
    rest = [
        w for w, f in zip(words, flags, strict=True)
        if not f and not framing(w) and w.strip(_AROUND).lower() not in FILLERS
    ]  # fmt: skip
    if not set(terms(" ".join(rest))) - _ASKING_TERMS and (head := _asked_head(words, flags)):
        rest.append(head)  # "How much was the Ford verdict?" asks of the verdict, not of Ford alone
    return " ".join(rest)


# Terms that only ask ("How much …?", "How many …?", "How old …?", "How big …?"): a rest of these and stop words asks
# nothing of its own ("How old is Callery's son?" asks of the son).
_ASKING_TERMS = frozenset(terms("much many old big large"))


def _asked_head(words: list[str], flags: list[bool]) -> str:
    """The noun ending a name phrase that ends the question ("the Ford verdict?" -> "verdict"), when it is no
    organisation's generic word ("the Wagner group"); "" otherwise."""
    if not words or not flags[-1]:
        return ""
    head = words[-1].strip(_AROUND)
    return head if head.islower() and head.lower() not in ORGANISATION_WORDS else ""
