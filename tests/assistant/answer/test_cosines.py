"""A question's cosines: each text embedded once, whichever check asks first (the deterministic fake embedder)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from fakes import FakeEmbedder

from assistant.answer.config import RefusalPolicy
from assistant.answer.cosines import Cosines
from assistant.answer.sentences import FEATURES, Sentence
from assistant.retrieval.candidates import Candidate
from index.records import StoredArticle, StoredChunk


class CountingEmbedder(FakeEmbedder):
    """The fake embedder, keeping every text it was asked to embed."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: list[str] = []

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        self.seen.extend(texts)
        return super().embed(texts)


def sentence(text: str) -> Sentence:
    chunk = StoredChunk(id="a:0", article_id="a", start=0, end=len(text), text=text)
    article = StoredArticle("a", "Title", "", "", "", text, [], 1, 0.0)
    return Sentence(Candidate(chunk, article, dense=0.5), 0, len(text), text, dict.fromkeys(FEATURES, 0.0))


def test_each_text_is_embedded_once_and_the_rankings_vectors_are_not_embedded_again() -> None:
    embedder = CountingEmbedder()
    query = "Which city did Wagner's forces assault in the spring?"
    cosines = Cosines(query, embedder.embed([query])[0], embedder, RefusalPolicy())
    assault = sentence("Wagner fighters assaulted Bakhmut, and the city fell in May after months of fighting.")
    known = sentence("The ruble fell.")
    cosines.remember({known.text: FakeEmbedder().embed([known.text])[0]})
    embedder.seen.clear()
    first = (cosines.clause(assault), cosines.residue(assault), cosines.residue(known))
    assert (cosines.clause(assault), cosines.residue(assault), cosines.residue(known)) == first
    assert len(embedder.seen) == len(set(embedder.seen)) and known.text not in embedder.seen
    assert cosines.asked and min(first) >= -1.0 and max(first) <= 1.0


def test_a_rest_too_short_to_embed_passes_the_residue_test() -> None:
    embedder = CountingEmbedder()
    cosines = Cosines("Who is Kadyrov?", embedder.embed(["Who is Kadyrov?"])[0], embedder, RefusalPolicy())
    assert cosines.asked == "" and cosines.residue(sentence("Kadyrov leads Chechnya.")) == 1.0
