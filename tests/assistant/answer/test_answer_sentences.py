"""A candidate sentence's features come from its passage (recency is the one rerank gave the article), and which
sentence follows the lead (the pipeline's own types, no mocks)."""

from __future__ import annotations

import pytest

from assistant.answer.sentences import FEATURES, Sentence, candidates, follows, own_idf, sentence_terms
from assistant.retrieval.candidates import Candidate
from assistant.retrieval.config import RetrievalSettings
from index.records import StoredArticle, StoredChunk

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



def test_coverage_and_held_terms_count_a_story_question_s_own_words() -> None:
    """Asked in a conversation about Wagner, "Which city was taken? (Wagner founded)" is answered by the sentence
    naming the city taken, not by the one holding the conversation's words."""
    text = "Wagner was founded in 2014. The city of Bakhmut was taken in May."
    chunk = StoredChunk(id="w:0", article_id="w", start=0, end=len(text), text=text)
    cand = Candidate(chunk, StoredArticle("w", "W", "", "", "", text, [], 1, 0.0), dense=0.6, score=1.0,
                     features={"dense": 0.6, "recency": 0.5})  # fmt: skip
    idf = {"citi": 1.0, "taken": 1.0, "wagner": 1.0, "found": 1.0}
    question = "Which city was taken? (Wagner founded)"
    assert own_idf(question, idf) == {"citi": 1.0, "taken": 1.0}
    founded, taken = candidates([cand], question, idf, 8, 60)
    assert (founded.features["coverage"], taken.features["coverage"]) == (0.0, 1.0)
    assert (founded.held_terms, taken.held_terms) == (0, 2)
    assert own_idf("Which city was taken?", idf) == idf  # asked on its own
    assert own_idf("Who leads it? (Wagner founded)", idf) == idf  # "it" is the conversation's
    founded, taken = candidates([cand], "Which city was taken?", idf, 8, 60)
    assert (founded.features["coverage"], taken.features["coverage"]) == (0.5, 0.5)


def test_a_question_sentence_offers_the_statement_it_opens_with_at_its_own_offsets() -> None:
    text = "Putin may be dangling a peace deal, but is it a ploy? Who knows what comes next?"
    chunk = StoredChunk(id="deal:0", article_id="deal", start=10, end=10 + len(text), text=text)
    article = StoredArticle("deal", "Deal", "", "", "", " " * 10 + text, [], 1, 0.0)
    cand = Candidate(chunk, article, dense=0.6, score=1.0, features={"dense": 0.6, "recency": 0.5})
    found = candidates([cand], "What is Putin dangling?", {"dangling": 1.0}, 8, 60)
    assert [s.text for s in found] == ["Putin may be dangling a peace deal"]
    assert article.text[found[0].start : found[0].end] == found[0].text


def test_the_statement_after_a_section_label_is_a_candidate_at_its_own_offsets() -> None:
    """AP's previews open sentences with a label ("BOTTOM LINE: …"); the sentence was read as a heading."""
    text = "BOTTOM LINE: Delaware hosts Princeton after an 88-85 overtime loss to Rider. SEE ALSO: Rider beats Delaware"
    chunk = StoredChunk(id="ap:0", article_id="ap", start=0, end=len(text), text=text)
    article = StoredArticle("ap", "Preview", "", "", "", text, [], 1, 0.0)
    cand = Candidate(chunk, article, dense=0.6, score=1.0, features={"dense": 0.6, "recency": 0.5})
    found = candidates([cand], "What was the score against Rider?", {"rider": 1.0}, 8, 60)
    assert [s.text for s in found] == ["Delaware hosts Princeton after an 88-85 overtime loss to Rider."]
    assert article.text[found[0].start : found[0].end] == found[0].text


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


def test_a_sentence_holds_the_dictionary_forms_of_its_verbs() -> None:
    """"… health inspectors found mice droppings …" held no "find" of "What did the inspectors find?": a stem does
    not join an irregular verb's forms."""
    held = sentence_terms("Health inspectors found mice droppings, and the owner left.")
    assert {"find", "inspector", "leav"} <= held and "found" in held
    assert "find" not in sentence_terms("The inspectors saw droppings.")


def test_a_fact_told_according_to_its_source_holds_what_the_source_found() -> None:
    """"What did the study find?" was refused as off-topic: no sentence held "find" (forms.ACCORDING)."""
    assert {"find", "say"} <= sentence_terms("Walkers were less likely to develop dementia, according to a study.")
    assert "find" not in sentence_terms("Walkers were less likely to develop dementia, a study said.")
