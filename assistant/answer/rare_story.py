"""Which sentences tell the story of a question's rare names (rare_names.py): their chunk, or their article when the
articles' texts can be read, writes them. Read once a chunk, however many rules ask."""

from __future__ import annotations

from functools import cached_property

from assistant.answer.rare_names import RareNames
from assistant.answer.sentences import Sentence
from assistant.answer.stating import Stating
from assistant.retrieval.counts import counted_noun, counts_noun
from assistant.retrieval.pipeline import Retrieval


class RareStory:
    """One question's rare names (None: it has none, or the test is off) and the sentences of their story."""

    def __init__(self, rare: RareNames | None, stating: Stating, question: str) -> None:
        self.rare, self._stating, self._question = rare, stating, question
        self._told: dict[str, bool] = {}  # by chunk id: its chunk or article writes the rare names

    @classmethod
    def of(
        cls, stating: Stating, retrieval: Retrieval, share: float | None, one_chunk: float | None = None
    ) -> RareStory:
        """The story of the retrieved question's rare names (rare_names.rare_names; `one_chunk` its floor in a
        collection too small for the share)."""
        rare = RareNames.of(stating.own, stating.own_words, retrieval.query_idf, share, one_chunk)
        return cls(rare, stating, retrieval.query)

    def tells(self, sentence: Sentence) -> bool:
        """The sentence's chunk or article writes the question's rare names (True without any)."""
        if self.rare is None:
            return True
        key = sentence.candidate.chunk.id
        if key not in self._told:
            self._told[key] = not self.rare.rare.missing([self._stating.story_text(sentence)])
        return self._told[key]

    @cached_property
    def _counted(self) -> str:
        """What a "how many" question counts (counts.counted_noun), read once; "" for another question."""
        return counted_noun(self._question)

    def counts_in(self, sentence: Sentence) -> bool:
        """For a question counting a noun and naming rare names, the sentence counts that noun in a chunk writing
        them: "At least six people have died due to the storm" in the chunk on Isaias, far in meaning from "How many
        people died in Isaias?", which names no storm."""
        if self.rare is None or not self._counted or not counts_noun(sentence.text, self._counted):
            return False
        return not self.rare.rare.missing([self._stating.chunk_text(sentence)])
