"""The nouns a question naming nothing asks about, and which sentences' articles write one of them (the pipeline's
own types; the rule reads no ranking, so no model)."""

from __future__ import annotations

import numpy as np
import pytest

from assistant.answer.sentences import FEATURES, Sentence
from assistant.answer.stating import Stating
from assistant.answer.topic import Topic, topic_nouns
from assistant.retrieval.candidates import Candidate
from assistant.retrieval.pipeline import Retrieval
from index.records import StoredArticle, StoredChunk
from newstext.terms import terms

SPENT = "The city spent $12 million on the work, Mayor Ann Lee said."
CLOSES = "It will close on Sept. 3."
ARTICLES = {
    "bridge": "The Elm Street bridge reopened on Monday after two years of repairs. " + SPENT,
    "library": "The Main Street library needs renovations. " + CLOSES,
}


@pytest.mark.parametrize(
    ("question", "nouns"),
    [
        ("How much did the library renovation cost?", ["library", "renovation"]),  # "cost" is asked, not a topic
        ("Which city was rocked this week by a major bridge collapse?", ["bridge"]),  # the noun "major" goes on
        ("How many people died in the fire?", ["fire"]),
        ("Which holiday is celebrated by millions of people this month?", []),  # a count and a time are no topic
        ("How much did it cost?", []),
        # a word that places or quantifies, read as a noun by the dictionary ("the above"), is no topic: "When will it
        # get above freezing?" was refused over "… temperatures would stay below freezing until Friday afternoon."
        ("When will it get above freezing?", []),
        ("How many cars use the bridge each day?", ["bridge"]),
        ("Was anyone else on board?", []),  # a pronoun standing for someone is no topic ("anyone" was one)
    ],
)
def test_a_question_s_topic_nouns_are_the_nouns_it_asks_about(question: str, nouns: list[str]) -> None:
    assert topic_nouns(question) == nouns


def sentence_in(article: str, text: str) -> Sentence:
    """The one sentence of a retrieved chunk of that article (which holds only it)."""
    chunk = StoredChunk(id=f"{article}:1", article_id=article, start=0, end=len(text), text=text)
    row = StoredArticle(article, "", "", "", "", ARTICLES[article], [], 1, 0.0)
    return Sentence(Candidate(chunk, row), 0, len(text), text, dict.fromkeys(FEATURES, 0.0))


def topic(question: str, articles: dict[str, str] | None = ARTICLES, on: bool = True) -> Topic:
    """The question's topic over the two sentences' chunks (and their articles, when given)."""
    found = [sentence_in("bridge", SPENT).candidate, sentence_in("library", CLOSES).candidate]
    retrieval = Retrieval(question, found, found, np.zeros(3), terms(question), dict.fromkeys(terms(question), 1.0))
    return Topic(Stating(retrieval, articles.get if articles is not None else None) if on else None)


def test_a_sentence_tells_the_topic_when_its_article_writes_one_of_its_nouns() -> None:
    """The bridge's "The city spent $12 million" states a cost, in an article that never says "library"."""
    spent, closes = sentence_in("bridge", SPENT), sentence_in("library", CLOSES)
    renovation = topic("How much did the library renovation cost?")
    assert not renovation.tells(spent) and renovation.tells(closes)
    assert not topic("How much did the library renovation cost?", None).tells(closes)  # its chunk alone: no "library"
    assert topic("How much did the bridge repairs cost?").tells(spent)
    assert topic("How much did the library renovation cost?", on=False).tells(spent)  # the test off
    game = "The Riverside Hawks beat the Lakeland Bears 98-91 on Saturday."
    assert topic("Who won the game?", {**ARTICLES, "bridge": game}).tells(sentence_in("bridge", SPENT))  # its score
    assert not topic("Who won the game?").tells(spent)  # no game, no result
    named = topic("How much did the Main Street library renovation cost?")  # a name ties it to its story instead
    assert named.nouns == [] and named.tells(spent)
