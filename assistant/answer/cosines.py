"""A question's cosines with the texts its answer checks read: each sentence and each of its clauses with the
question, and with what the question asks beyond its names (its residue), every text embedded at most once however
many checks ask."""

from __future__ import annotations

from functools import cached_property

import numpy as np

from assistant.answer.config import RefusalPolicy
from assistant.answer.residue import residue
from assistant.answer.sentences import Sentence, clauses
from index.embedding import Embedder
from newstext.terms import terms


class Cosines:
    """One question's cosines, memoised: what a check embeds is there for every later check."""

    def __init__(self, query: str, query_vector: np.ndarray, embedder: Embedder, refusal: RefusalPolicy) -> None:
        self._query, self._query_vector, self._embedder, self._refusal = query, query_vector, embedder, refusal
        self._vectors: dict[str, np.ndarray] = {}  # every text embedded (sentences, clauses, what is asked, names)
        self._residues: dict[int, float] = {}

    def remember(self, vectors: dict[str, np.ndarray]) -> None:
        """Vectors embedded elsewhere (the ranking's), by text."""
        self._vectors.update(vectors)

    def embedded(self, texts: list[str]) -> np.ndarray:
        """The texts' vectors, one row each: those not yet embedded (by the ranking or an earlier check) in one call."""
        missing = [t for t in dict.fromkeys(texts) if t not in self._vectors]
        if missing:
            self._vectors.update(zip(missing, self._embedder.embed(missing), strict=True))
        return np.stack([self._vectors[t] for t in texts])

    def clause(self, sentence: Sentence) -> float:
        """The best cosine of the sentence's clauses with the question: a long sentence may answer in one clause."""
        return float(np.max(self.embedded(clauses(sentence.text)) @ self._query_vector))

    @cached_property
    def asked(self) -> str:
        """The question's residue (residue.residue); empty when too short to embed (policy.min_residue_terms)."""
        asked = residue(self._query)
        return asked if len(terms(asked)) >= self._refusal.min_residue_terms else ""

    def residue(self, sentence: Sentence) -> float:
        """The best cosine of the sentence or one of its clauses with what the question asks beyond its names and
        numbers, memoised; 1.0 when that rest is too short to test. A sentence whose own vector already reaches
        policy.min_residue_cosine (the test's only use) gives that cosine, and its clauses are not embedded."""
        if not self.asked:
            return 1.0
        if id(sentence) not in self._residues:
            asked, known = self.embedded([self.asked])[0], self._vectors.get(sentence.text)
            best = float(known @ asked) if known is not None else -1.0
            if best < self._refusal.min_residue_cosine:
                best = float(np.max(self.embedded([sentence.text, *clauses(sentence.text)]) @ asked))
            self._residues[id(sentence)] = best
        return self._residues[id(sentence)]
