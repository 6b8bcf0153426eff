"""What the top chunks state of a question's names: a sentence's whole chunk and title count, and a follow-up's
carried names need only one of them (the pipeline's own types; nothing is embedded)."""

from __future__ import annotations

import numpy as np

from assistant.answer.sentences import FEATURES, Sentence
from assistant.answer.stating import Stating
from assistant.retrieval.candidates import Candidate
from assistant.retrieval.pipeline import Retrieval
from index.records import StoredArticle, StoredChunk
from newstext.terms import terms

CHUNK = (
    "Kadyrov has gone further, arguing that Putin should use tactical nuclear weapons. He was later promoted to "
    "colonel general."
)


def sentence_of(chunk_text: str, title: str, sentence: str) -> Sentence:
    """A candidate sentence of a chunk (its passage is the sentence alone, as the pipeline cuts passages)."""
    start = chunk_text.index(sentence)
    passage = StoredChunk(id="a:0", article_id="a", start=start, end=start + len(sentence), text=sentence)
    article = StoredArticle("a", title, "", "", "", chunk_text, [], 1, 0.0)
    return Sentence(Candidate(passage, article, dense=0.5), start, start + len(sentence), sentence,
                    dict.fromkeys(FEATURES, 0.0))  # fmt: skip


def stating(query: str, chunk_text: str, title: str = "") -> Stating:
    """The stating of a retrieval whose one top chunk is chunk_text."""
    chunk = StoredChunk(id="a:0", article_id="a", start=0, end=len(chunk_text), text=chunk_text)
    top = Candidate(chunk, StoredArticle("a", title, "", "", "", chunk_text, [], 1, 0.0), dense=0.5)
    return Stating(Retrieval(query, [], [top], np.zeros(3), terms(query), {}))


def test_a_name_in_the_sentence_before_or_in_the_title_is_stated() -> None:
    promoted = sentence_of(CHUNK, "", "He was later promoted to colonel general.")
    assert stating("When was Kadyrov promoted?", CHUNK).names_stated(promoted)  # "Kadyrov" opens the chunk
    assert not stating("When was Shoigu promoted?", CHUNK).names_stated(promoted)
    titled = stating("When was Shoigu promoted?", CHUNK, title="Shoigu and Kadyrov")
    assert titled.names_stated(promoted)


def test_a_follow_up_needs_its_own_names_and_one_it_carries() -> None:
    """"Who promoted him? (Kadyrov Wagner)" carries two names from the last answer; the chunk names one."""
    promoted = sentence_of(CHUNK, "", "He was later promoted to colonel general.")
    follow_up = stating("Who promoted him? (Kadyrov Wagner)", CHUNK)
    assert follow_up.own.names == frozenset() and follow_up.wanted.names == {"kadyrov", "wagner"}
    assert follow_up.own_names_stated(promoted)
    assert not follow_up.names_stated(promoted)  # Wagner is not in the chunk
    assert not stating("Who promoted him? (Shoigu Wagner)", CHUNK).own_names_stated(promoted)


def test_the_sentence_opening_its_article_after_a_dateline_reads_its_headline() -> None:
    """A headline tells its lede's fact, often in other words ("rescues" over "carried … out"); no later sentence's."""
    text = "OAKDALE (AP) — A firefighter carried two children out. Firefighter Luis Ortega climbed a ladder."
    title = "Firefighter rescues two children"
    read = stating("Who rescued the children?", text, title)
    assert read.headline(sentence_of(text, title, "A firefighter carried two children out.")) == title
    assert read.headline(sentence_of(text, title, "Firefighter Luis Ortega climbed a ladder.")) == ""
