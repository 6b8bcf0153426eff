"""Rare names: which of a question's names the answer's best sentences must come from a chunk stating, and the
gate's reading when none does (the pipeline's own types over the fake embedder: the rule reads no ranking)."""

from __future__ import annotations

import math

import pytest
from fakes import FakeEmbedder

from assistant.answer.config import AnswerPolicy, RefusalPolicy
from assistant.answer.constraints import Constraints
from assistant.answer.prompts import load_prompt
from assistant.answer.rare_names import as_written, describes_answer, rare_names
from assistant.answer.reading import Reading
from assistant.answer.refusal import NO_RARE
from assistant.retrieval.candidates import Candidate
from assistant.retrieval.pipeline import Retrieval
from assistant.settings import PROJECT_ROOT, load_settings
from index.records import StoredArticle, StoredChunk
from newstext.terms import terms

SHARE = 0.01  # a name in at most 1 of 100 chunks


def idf_of(**names: float) -> dict[str, float]:
    """An idf for each name's terms, as the lexical index would give them."""
    return {t: value for name, value in names.items() for t in terms(name)}


def test_the_names_of_the_wh_phrase_describe_the_answer() -> None:
    assert describes_answer("Which Caribbean nation's prime minister resigned?") == {"caribbean"}
    assert describes_answer("What U.S. state banned TikTok?") == {"us"}
    assert describes_answer("What did Kadyrov say about the war?") == set()
    assert describes_answer("Reckitt Benckiser recalled which product?") == set()


def test_a_name_few_chunks_hold_is_rare_and_a_common_one_is_not() -> None:
    question = "Manufacturer Reckitt Benckiser recalled which product in Britain?"
    idf = idf_of(reckitt=10.6, benckiser=10.6, britain=2.4)
    assert rare_names(Constraints.of(question), question, idf, SHARE).names == {"reckitt", "benckiser"}
    floor = math.log(1 / SHARE)  # df / N <= share
    at_floor = idf_of(reckitt=floor, benckiser=floor - 0.1)
    assert rare_names(Constraints.of(question), question, at_floor, SHARE).names == {"reckitt"}


def test_in_a_collection_too_small_for_the_share_a_name_one_chunk_holds_is_rare() -> None:
    """Of three chunks none is 1% of them: "Elm" (one chunk) is rare there, "Street" (two) is not."""
    question = "When did the Elm Street bridge reopen?"
    chunks = 3
    idf = {t: math.log(1 + (chunks - df + 0.5) / (df + 0.5)) for t, df in (("elm", 1), ("street", 2))}
    one_chunk = math.log(1 + (chunks - 0.5) / 1.5)
    assert rare_names(Constraints.of(question), question, idf, SHARE, one_chunk).names == {"elm"}
    assert not rare_names(Constraints.of(question), question, idf, SHARE).names
    large = math.log(1 + (10_000 - 0.5) / 1.5)  # a large collection: the share's floor, not one chunk's, holds
    common = {"elm": math.log(1 / SHARE) - 0.1}
    assert not rare_names(Constraints.of(question), question, common, SHARE, large).names


def test_a_name_describing_the_answer_or_unknown_to_the_index_is_not_rare() -> None:
    question = "Which Caribbean nation's prime minister resigned in Kingston?"
    rare = rare_names(Constraints.of(question), question, idf_of(caribbean=7.0), SHARE)
    assert not rare.names  # Caribbean describes the answer; Kingston has no idf given: counted as common
    assert not rare.numbers and not rare.phrases


def candidate(article: str, title: str, text: str) -> Candidate:
    """A retrieved chunk (or its passage: the same chunk id and text) of one article."""
    chunk = StoredChunk(id=f"{article}:0", article_id=article, start=0, end=len(text), text=text)
    article_row = StoredArticle(article, title, "", "", "", text, [], 1, 0.0)
    return Candidate(chunk, article_row, dense=0.5, features={"recency": 0.5})  # rerank sets recency


BRIEFS = candidate(
    "briefs", "Business briefs",
    "Corvid Robotics opened a research office in Graz. Quillon Dairy, a family firm from Brno, named a new head of "
    "marketing. Stonebridge Bank said it would close two branches in Cork.",
)  # fmt: skip
RECALL = candidate(
    "recall", "Cough syrup recalled",
    "Alder Pharma recalled 12,000 bottles of cough syrup from sale on Tuesday over contamination fears. No illnesses "
    "had been reported.",
)  # fmt: skip
DAIRY_RECALL = candidate(
    "dairy", "Dairy recall", "Quillon Dairy recalled its yoghurt over contamination fears, the product's maker said."
)
QUESTION = "Which product did Quillon Dairy recall over contamination fears?"


def reading(embedder: FakeEmbedder, passages: list[Candidate], idf: dict[str, float]) -> Reading:
    """The answer's reading of a retrieval whose top chunks are the briefs and the recall, with these passages; the
    question's other terms common."""
    vector = embedder.embed([QUESTION])[0]
    query_idf = dict.fromkeys(terms(QUESTION), 1.0) | idf
    retrieval = Retrieval(QUESTION, passages, [RECALL, BRIEFS, DAIRY_RECALL], vector, terms(QUESTION), query_idf)
    return Reading(retrieval, embedder, AnswerPolicy(), RefusalPolicy(rare_name_share=SHARE))


def test_best_sentences_from_other_stories_than_the_rare_name_s_are_not_held(fake_embedder: FakeEmbedder) -> None:
    """The briefs name the dairy in passing (the constraint check passes on them); every sentence about the
    question that the answer could open with is the recall's, another company's: the gate reads no answer."""
    rare = idf_of(quillon=9.0, dairy=8.0)
    assert reading(fake_embedder, [RECALL], rare).unheld_rare() == "“Quillon Dairy”"
    assert reading(fake_embedder, [RECALL], rare).answering() == 0.0
    assert reading(fake_embedder, [RECALL, BRIEFS], rare).unheld_rare()  # the briefs' is about a hire
    assert not reading(fake_embedder, [RECALL, DAIRY_RECALL], rare).unheld_rare()  # the dairy's own recall
    assert not reading(fake_embedder, [RECALL], idf_of(quillon=2.0, dairy=2.0)).unheld_rare()  # names many chunks hold


def test_the_share_is_a_setting_between_zero_and_one() -> None:
    assert load_settings(answer={"refusal": {"rare_name_share": 0.002}}).answer.refusal.rare_name_share == 0.002
    assert load_settings(answer={"refusal": {"rare_name_share": None}}).answer.refusal.rare_name_share is None
    with pytest.raises(ValueError, match="rare_name_share"):
        load_settings(answer={"refusal": {"rare_name_share": 0}})


def test_the_refusal_names_the_rare_names_as_the_question_writes_them(fake_embedder: FakeEmbedder) -> None:
    rare = idf_of(quillon=9.0, dairy=8.0)
    refused = reading(fake_embedder, [RECALL], rare)
    assert refused.rare_refused == ""  # asked before the gate read it
    assert refused.answering() == 0.0 and refused.rare_refused == "“Quillon Dairy”"
    held = reading(fake_embedder, [RECALL, DAIRY_RECALL], rare)
    held.answering()
    assert held.rare_refused == ""
    message = load_prompt(PROJECT_ROOT / "prompts", NO_RARE).format(named=refused.rare_refused)
    assert message.startswith("The passages of your articles that mention “Quillon Dairy” do not answer this")


def test_a_rare_name_is_shown_as_the_question_writes_it() -> None:
    question = "Manufacturer Reckitt Benckiser's boss said what of the future plan for Ken-Del Studios?"
    asked = Constraints.of(question)
    assert as_written(frozenset({"del"}), asked, question) == ["Ken-Del Studios"]
    assert as_written(frozenset({"benckiser"}), asked, question) == ["Reckitt Benckiser"]  # no "Manufacturer", no "'s"


YOGHURT = candidate(
    "yoghurt", "Yoghurt recalled", "The company recalled its yoghurt over contamination fears, its maker said."
)  # the article's first paragraph, not this chunk, names Quillon Dairy
ARTICLES = {"yoghurt": "Quillon Dairy, a family firm from Brno, makes yoghurt.", "recall": RECALL.chunk.text}


def test_a_lead_whose_article_never_writes_the_rare_names_gives_way_to_one_whose_article_does(
    fake_embedder: FakeEmbedder,
) -> None:
    """"Where did the FlyDubai plane crash?" over news-smoke led with another crash's "crashed into the parking lot
    at the Waverly on the Lake apartment complex": its article never names FlyDubai."""
    vector = fake_embedder.embed([QUESTION])[0]
    retrieval = Retrieval(QUESTION, [RECALL, YOGHURT], [RECALL, YOGHURT], vector, terms(QUESTION),
                          dict.fromkeys(terms(QUESTION), 1.0) | idf_of(quillon=9.0, dairy=8.0))  # fmt: skip
    policy = RefusalPolicy(rare_name_share=SHARE)
    alone = Reading(retrieval, fake_embedder, AnswerPolicy(), policy)
    assert alone.scored[0][1].candidate is RECALL  # the ranker's best: Alder Pharma's recall
    with_articles = Reading(retrieval, fake_embedder, AnswerPolicy(), policy, ARTICLES.get)
    with_articles.answering()
    assert with_articles.scored[0][1].candidate is YOGHURT
    assert with_articles.rare_refused == ""  # its article states the rare names: the story is held


def test_support_from_another_story_than_the_rare_names_is_cut(fake_embedder: FakeEmbedder) -> None:
    """"How many people died in Isaias?" (news-dev) went on with another disaster's "Authorities say 33 people have
    died …": a sentence about the question may support the lead only from the story its rare names tell."""
    retrieval_of = reading(fake_embedder, [DAIRY_RECALL, RECALL], idf_of(quillon=9.0, dairy=8.0))
    dairy = next(s for _, s in retrieval_of.scored if s.candidate is DAIRY_RECALL)
    other = next(s for _, s in retrieval_of.scored if s.candidate is RECALL)
    assert retrieval_of.about(other) and not retrieval_of.supports(other)
    assert retrieval_of.supports(dairy)
    common = reading(fake_embedder, [DAIRY_RECALL, RECALL], idf_of(quillon=2.0, dairy=2.0))  # no rare names
    assert common.supports(next(s for _, s in common.scored if s.candidate is RECALL))


def test_a_count_of_the_asked_noun_in_the_rare_names_chunk_is_about_the_question(fake_embedder: FakeEmbedder) -> None:
    """"How many people died in Isaias?" (news-dev) was refused, "the sentences closest to it are from other
    stories": "At least six people have died due to the storm", in the chunk on Isaias, names no storm, and sits far
    from the question in meaning."""
    question = "How many people died in Isaias?"
    isaias = candidate("isaias", "Isaias track", "Isaias spawned deadly tornadoes. At least six people have died due "
                       "to the storm and more than 3 million customers were without power.")  # fmt: skip
    other = candidate("other", "Wildfire", "Authorities say 33 people have died and tens of thousands have been "
                      "displaced.")  # fmt: skip
    vector = fake_embedder.embed([question])[0]
    idf = dict.fromkeys(terms(question), 1.0) | idf_of(isaias=9.0)
    retrieval = Retrieval(question, [other, isaias], [other, isaias], vector, terms(question), idf)
    read = Reading(retrieval, fake_embedder, AnswerPolicy(), RefusalPolicy(rare_name_share=SHARE))
    six = next(s for _, s in read.scored if s.candidate is isaias and "six" in s.text)
    assert read._also_about(six)
    assert not read._also_about(next(s for _, s in read.scored if s.candidate is other))
    assert not read._also_about(next(s for _, s in read.scored if s.text.startswith("Isaias spawned")))  # no count
