"""A candidate sentence's features come from its passage: recency is the one rerank gave the article."""

from __future__ import annotations

import pytest

from assistant.answer.sentences import FEATURES, candidates
from assistant.retrieval.candidates import Candidate
from assistant.retrieval.config import RetrievalSettings
from index.store import StoredArticle, StoredChunk

TEXT = "Prigozhin founded the Wagner group in 2014. Its fighters later took Bakhmut after months of fighting."


def passage(recency: float) -> Candidate:
    chunk = StoredChunk(id="wagner:0", article_id="wagner", start=0, end=len(TEXT), text=TEXT)
    article = StoredArticle("wagner", "Wagner", "", "", "", TEXT, [], 1, 0.0)  # undated
    return Candidate(chunk, article, dense=0.6, score=1.0, features={"dense": 0.6, "recency": recency})


@pytest.mark.parametrize("recency", [RetrievalSettings().recency_undated, 0.9])
def test_each_sentence_has_its_passages_recency(recency: float) -> None:
    found = candidates([passage(recency)], "Who founded Wagner?", {"found": 1.0, "wagner": 1.0}, 8, 60)
    assert len(found) == 2 and set(found[0].features) == set(FEATURES)
    assert [s.features["recency"] for s in found] == [recency, recency]

