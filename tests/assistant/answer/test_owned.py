"""Whose figure a sentence gives (the pipeline's own types and the deterministic fake embedder; the real index's
answers are in tests/assistant/answer/test_respond.py)."""

from __future__ import annotations

from fakes import FakeEmbedder

from assistant.answer.config import AnswerPolicy, RefusalPolicy
from assistant.answer.owned import Owned
from assistant.answer.sentences import Sentence
from assistant.retrieval.candidates import Candidate
from assistant.retrieval.pipeline import Retrieval
from index.records import StoredArticle, StoredChunk
from newstext.terms import terms

GAME = (
    "Center Marcus Dell scored 31 points and grabbed 14 rebounds as the Hawks beat the Bears. "
    "Guard Eli Romero added 22 points and nine rebounds."
)
OUTBREAK = "Of the 37 people sickened, 11 have been hospitalized. In Iowa, six people fell ill after eating the salad."


def owned(embedder: FakeEmbedder, query: str, text: str) -> Owned:
    chunk = StoredChunk(id="a:0", article_id="a", start=0, end=len(text), text=text)
    row = StoredArticle("a", "Story", "", "", "", text, [], 1, 0.0)
    found = Candidate(chunk, row, dense=0.5, features={"recency": 0.5})
    vector = embedder.embed([query])[0]
    retrieval = Retrieval(query, [found], [found], vector, terms(query), dict.fromkeys(terms(query), 1.0))
    return Owned(retrieval, embedder, AnswerPolicy(), RefusalPolicy(), None)


def sentence(read: Owned, opening: str) -> Sentence:
    return next(s for _, s in read.scored if s.text.startswith(opening))


def test_a_figure_asked_of_a_name_is_not_another_s(fake_embedder: FakeEmbedder) -> None:
    """"How many rebounds did Romero get?": Dell's 14 rebounds are another's; Romero's own sentence is not."""
    read = owned(fake_embedder, "How many rebounds did Romero get?", GAME)
    assert read._of_another(sentence(read, "Center Marcus Dell"))
    assert not read._of_another(sentence(read, "Guard Eli Romero"))
    assert read._kind_of_own(sentence(read, "Guard Eli Romero"))


def test_a_question_of_when_or_of_no_name_asks_no_one_s_figure(fake_embedder: FakeEmbedder) -> None:
    """A "when" question may be answered by a sentence opened by whoever tells of the event, and a question naming
    no one has no one's figure to keep to."""
    assert not owned(fake_embedder, "When did Romero score?", GAME)._figure_kind
    unnamed = owned(fake_embedder, "How many rebounds did the guard get?", GAME)
    assert not unnamed._of_another(sentence(unnamed, "Center Marcus Dell"))


def test_a_count_asked_in_a_place_is_another_s_where_the_sentence_does_not_name_it(
    fake_embedder: FakeEmbedder,
) -> None:
    """"How many people in Iowa got sick?": the outbreak's whole count names no Iowa."""
    read = owned(fake_embedder, "How many people in Iowa got sick?", OUTBREAK)
    assert read._of_another(sentence(read, "Of the 37 people"))
    assert not read._of_another(sentence(read, "In Iowa"))
