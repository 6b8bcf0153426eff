"""Whose figure a sentence gives: a question asking a figure of someone it names is not answered by another's
("Center Marcus Dell scored 31 points" for Romero's), nor a count asked in a place by one that does not name it."""

from __future__ import annotations

import re
from functools import cached_property

from assistant.answer.leading import Leading
from assistant.answer.name_ties import is_name, opens_with_other
from assistant.answer.near import folded_words
from assistant.answer.sentences import Sentence
from assistant.retrieval.answer_type import expected_type
from assistant.retrieval.counts import asks_count, counted_in, counted_noun, counts, names_place

# Kinds of answer that are a name, which a sentence opening with a name the question lacks may well give ("Texas
# civil rights organizations … sued" for "Which state was sued by the Biden administration …?").
_NAMED_KINDS = frozenset({"holder", "statement", "writer", "name", "us_state", "country"})
# Kinds telling when, which a sentence gives of the event it tells whoever opens it ("Scott received the news about
# the bridge collapse in the wee hours Tuesday"): a sentence of the question's own names may lead in its place, but
# without one it still answers.
_WHEN_KINDS = frozenset({"time", "year", "month", "soon", "frequency"})


class Owned(Leading):
    """Leading, with what tells a figure of the question's own names from another's."""

    @cached_property
    def _figure_asked(self) -> set[str] | None:
        """For a question asking a figure or a time of someone it names (name_ties.is_name: "How many rebounds did
        Romero get?"), its folded words; None for another, one asking for a name (a holder, a speaker, a state), or
        one writing the name as an owner ("When did Ramirez's opponent concede?" asks of Palmer)."""
        kind = self._kind
        asked = (kind is not None and kind not in _NAMED_KINDS) or self._count_asked is not None
        own, words = self._stating.own, self._stating.own_words
        named = any(is_name(own.label(name)) for name in own.names)  # "Palmer", not "Republican"
        owner = re.search(r"\b[A-Z][\w-]*(?:'s|’s|s')\s+[a-z]", words) is not None
        return folded_words(words) if asked and named and not owner else None

    @cached_property
    def _figure_kind(self) -> bool:
        """The question asks a figure rather than when (_WHEN_KINDS): another's sentence then does not answer it."""
        return self._kind not in _WHEN_KINDS

    @cached_property
    def _kind(self) -> str | None:
        """The kind of answer the question asks for (answer_type.expected_type), read once."""
        return expected_type(self._retrieval.query)

    @cached_property
    def _count_asked(self) -> tuple[set[str], str] | None:
        """For "how many", the counts the question gives and the noun it counts, read once; None for another."""
        query = self._retrieval.query
        return (counts(query), counted_noun(query)) if asks_count(query) else None

    @cached_property
    def _counted_in(self) -> str:
        """The place a count question asks its count in (counts.counted_in), read once for every sentence."""
        return counted_in(self._stating.own_words)

    def _of_another(self, sentence: Sentence) -> bool:
        """The sentence states none of the question's names and opens with a name it lacks (_figure_asked): what it
        holds is another's ("Center Marcus Dell scored 31 points and grabbed 14 rebounds" for Romero's); or, for a
        count asked in a place (counts.counted_in), it does not name the place ("Of the 37 people sickened, 11 have
        been hospitalized" for "how many of those are in Iowa")."""
        if self._counted_in and not names_place(sentence.text, self._counted_in):
            return True
        asked = self._figure_asked
        return asked is not None and not self._states_own(sentence) and opens_with_other(sentence.text, asked)

    def _kind_of_own(self, sentence: Sentence) -> bool:
        """The sentence holds the asked kind (a count of the counted noun, for "how many") and states one of the
        question's names itself: "Joe Nathan James Jr. was put to death July 28" for "When was Joe Nathan James Jr.
        executed?"; "Guard Eli Romero added 22 points" counts no rebounds."""
        if self._count_asked is not None:
            given, noun = self._count_asked
            kind = bool(counts(sentence.text, noun) - given)
        else:
            kind = bool(sentence.features["answer_type"])
        return kind and self._states_own(sentence)

    def _states_own(self, sentence: Sentence) -> bool:
        """The sentence itself states one of the names, numbers or quotes of the user's own question."""
        own = self._stating.own
        return len(own.missing([sentence.text])) < len(own.names | own.numbers | own.phrases)
