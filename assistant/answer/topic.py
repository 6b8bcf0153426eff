"""The things a question naming nothing asks about ("the library" of "How much did the library renovation cost?"):
with no name to tie the answer to its story, the answer's article must at least write one of them. Over three
one-story articles the bridge's "The city spent $12 million on the work" answered that question: close in meaning,
holding a sum, in an article that never says "library" or "renovation"."""

from __future__ import annotations

import re
from functools import cached_property

from assistant.answer.asked import DETERMINERS, GENERIC, asked_words
from assistant.answer.forms import MIN_LETTERS, in_form, sentence_words
from assistant.answer.residue import residue
from assistant.answer.sentences import Sentence
from assistant.answer.stating import Stating
from assistant.retrieval.answer_kinds import candidates
from assistant.retrieval.counts import counts
from newstext.terms import FUNCTION_WORDS, STOPWORDS, readings

# News writes a game as its result: "the Riverside Hawks beat the Lakeland Bears 98-91" tells of "the game".
_CONTESTS = frozenset({"game", "games", "match", "matchup", "contest"})

# The words after an article or a possessive, up to three ("a major bridge collapse"), read from each of them.
_PHRASE = re.compile(r"\b(?i:" + DETERMINERS + r")\s+(?=((?:[\w’'-]+\s+){0,2}[\w’'-]+))")


def topic_nouns(question: str) -> list[str]:
    """The nouns a question asks about, lower case: the noun each article or possessive introduces ("the library",
    "a major bridge collapse": bridge) and its asked words that cannot be verbs ("renovation"), less the words any
    question asks with, words too short for a sentence's words to hold ("T" of "AT&T's") and counts ("by millions
    of people": an article says "2 billion people"). A verb it asks ("cost", "close") is no topic: news states it
    in other words, of other stories too ("spent")."""
    nouns = [w for w in asked_words(question) if "VERB" not in readings(w)]
    nouns += [n for m in _PHRASE.finditer(residue(question)) if (n := _head(m.group(1).lower().split()))]
    skip = GENERIC | STOPWORDS | FUNCTION_WORDS
    kept = (w for w in nouns if len(w) >= MIN_LETTERS and w not in skip and _noun(w) and not counts(w))
    return list(dict.fromkeys(kept))


def _head(words: list[str]) -> str:
    """The first of the words after an article that is no adjective before another word ("major" of "a major
    bridge"), before any stop word; "" when none is."""
    for i, word in enumerate(words):
        if word in STOPWORDS:
            return ""
        last = i + 1 == len(words) or words[i + 1] in STOPWORDS
        if last or "ADJ" not in readings(word):
            return word
    return ""


def _noun(word: str) -> bool:
    """The dictionary reads the word as a noun, or does not know it."""
    found = readings(word)
    return not found or "NOUN" in found


class Topic:
    """A question's topic nouns (none when it names something: its names tie it to its story; nor without a
    `stating`, the test off) against the articles of the sentences that may answer it. Read once an article,
    however many rules ask."""

    def __init__(self, stating: Stating | None) -> None:
        self._stating = stating
        self._told: dict[str, bool] = {}  # by article id (chunk id when only chunks can be read)

    @cached_property
    def nouns(self) -> list[str]:
        """topic_nouns of the user's own words, for a question naming nothing and carrying no name from the
        conversation; [] otherwise."""
        if self._stating is None or self._stating.wanted.names or self._stating.wanted.phrases:
            return []
        return topic_nouns(self._stating.own_words)

    def tells(self, sentence: Sentence) -> bool:
        """The sentence's chunk, or its article when the articles can be read, writes one of the topic nouns in one
        of their forms, or a game's result for a game (True when the question has none)."""
        if not self.nouns or self._stating is None:
            return True
        chunk = sentence.candidate.chunk
        key = chunk.article_id if self._stating.reads_articles else chunk.id
        if key not in self._told:
            text = self._stating.story_text(sentence)
            contest = bool(_CONTESTS.intersection(self.nouns)) and bool(candidates(text, "score"))
            self._told[key] = contest or in_form(self.nouns, sentence_words(text))
        return self._told[key]
