"""The rare names' story: which sentences' chunks or articles write a question's rare names, and count its asked
noun there (the pipeline's own types; the rule reads no ranking, so no model)."""

from __future__ import annotations

import numpy as np

from assistant.answer.rare_names import RareNames
from assistant.answer.rare_story import RareStory
from assistant.answer.sentences import FEATURES, Sentence
from assistant.answer.stating import Stating
from assistant.retrieval.candidates import Candidate
from assistant.retrieval.pipeline import Retrieval
from index.records import StoredArticle, StoredChunk
from newstext.terms import terms

SHARE = 0.01  # a name in at most 1 of 100 chunks
ISAIAS = "At least six people have died due to the storm, officials said."
NAMED = "Isaias has killed at least six people."
ELSEWHERE = "Authorities say 33 people have died after the floods."
ARTICLES = {
    "isaias": "Tropical Storm Isaias tore up the East Coast. " + ISAIAS, "named": NAMED, "floods": ELSEWHERE,
}


def sentence_in(article: str, text: str) -> Sentence:
    """The one sentence of a retrieved chunk of that article (which holds only it)."""
    chunk = StoredChunk(id=f"{article}:1", article_id=article, start=0, end=len(text), text=text)
    row = StoredArticle(article, "", "", "", "", ARTICLES[article], [], 1, 0.0)
    return Sentence(Candidate(chunk, row), 0, len(text), text, dict.fromkeys(FEATURES, 0.0))


def story(question: str, articles: dict[str, str] | None, share: float | None = SHARE) -> RareStory:
    """The story of the question's rare names over the three sentences' chunks (Isaias's idf: a rare name)."""
    texts = [("isaias", ISAIAS), ("named", NAMED), ("floods", ELSEWHERE)]
    found = [sentence_in(article, text).candidate for article, text in texts]
    idf = dict.fromkeys(terms(question), 1.0) | dict.fromkeys(terms("Isaias"), 10.0)
    retrieval = Retrieval(question, found, found, np.zeros(3), terms(question), idf)
    stating = Stating(retrieval, articles.get if articles is not None else None)
    return RareStory(RareNames.of(stating.own, stating.own_words, idf, share), stating, question)


def test_a_sentence_tells_the_rare_names_story_when_its_chunk_or_article_writes_them() -> None:
    question = "How many people died in Isaias?"
    isaias, elsewhere = sentence_in("isaias", ISAIAS), sentence_in("floods", ELSEWHERE)
    read = story(question, ARTICLES)
    assert read.rare is not None
    assert read.tells(isaias) and not read.tells(elsewhere)  # its article names Isaias; the floods' does not
    assert not story(question, None).tells(isaias)  # without the articles' texts, only the chunk is read
    assert story(question, ARTICLES, share=None).tells(elsewhere)  # the test off: every sentence tells it


def test_a_count_of_the_asked_noun_counts_only_in_a_chunk_writing_the_rare_names() -> None:
    """A count of people in a chunk naming Isaias is of "How many people died in Isaias?", however far in meaning."""
    read = story("How many people died in Isaias?", ARTICLES)
    assert read.counts_in(sentence_in("named", NAMED))
    assert not read.counts_in(sentence_in("isaias", ISAIAS))  # only its article names Isaias, not its chunk
    assert not read.counts_in(sentence_in("floods", ELSEWHERE))  # people counted in another story
    assert not story("What did Isaias destroy?", ARTICLES).counts_in(sentence_in("named", NAMED))  # no count asked
