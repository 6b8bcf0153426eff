"""The reading's own rules: which sentence follows the lead (the pipeline's own types, no mocks)."""

from __future__ import annotations

from assistant.answer.reading import follows
from assistant.answer.sentences import FEATURES, Sentence
from assistant.retrieval.candidates import Candidate
from index.store import StoredArticle, StoredChunk


def sentence(article: str, start: int, text: str) -> Sentence:
    """A candidate sentence at `start` of an article's text."""
    chunk = StoredChunk(id=f"{article}:0", article_id=article, start=0, end=500, text=text)
    candidate = Candidate(chunk, StoredArticle(article, article, "", "", "", text, [], 1, 0.0), dense=0.5)
    return Sentence(candidate, start, start + len(text), text, dict.fromkeys(FEATURES, 0.0))


def test_the_next_sentence_of_the_same_article_follows_the_lead() -> None:
    lead = sentence("a", 0, "Ukrainian forces reclaimed the Kinburn Spit.")
    assert follows(sentence("a", lead.end + 1, "It is a launchpad to hit the Saki air base."), lead)
    assert follows(sentence("a", lead.end + 2, "A new paragraph opens."), lead)
    assert not follows(sentence("b", lead.end + 1, "Another article's sentence."), lead)
    assert not follows(sentence("a", lead.end + 80, "A later sentence."), lead)
    assert not follows(sentence("a", 0, "The lead's predecessor."), sentence("a", 50, "The lead."))
