"""The shared refusal rule: close passages answer, a lone middling one needs a second article, tasks are refused."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from pinned_settings import SERVICE_PINNED

from assistant.answer.refusal import RefusalPolicy, article_support, out_of_scope, should_refuse
from assistant.factory import build_service
from assistant.retrieval.candidates import Candidate
from assistant.service import AnswerService
from assistant.settings import load_settings
from index.handles import IndexHandles
from index.store import StoredArticle, StoredChunk
from index.updater import update_index


def passage(article: str, dense: float, coverage: float = 0.5) -> Candidate:
    """A retrieved chunk with the two scores the rule reads (the pipeline's own types, no mocks)."""
    text = f"Text of {article}."
    chunk = StoredChunk(id=f"{article}:0", article_id=article, start=0, end=len(text), text=text)
    art = StoredArticle(article, article, "", "", "", text, [], 1, 0.0)
    return Candidate(chunk, art, dense=dense, features={"coverage": coverage})


def collection(*dense: float) -> list[Candidate]:
    """Chunks from as many articles as there are scores, best first, plus weak ones: a collection broad enough
    that a news story would be reported more than once."""
    return [passage(f"a{i}", d) for i, d in enumerate(dense)] + [passage(f"w{i}", 0.1) for i in range(10)]


def test_support_is_the_best_cosine_per_article() -> None:
    chunks = [passage("a", 0.4), passage("b", 0.6), passage("a", 0.5)]
    assert article_support(chunks) == [0.6, 0.5]


def test_a_close_passage_answers_on_its_own() -> None:
    assert not should_refuse(collection(0.55), "Who won the election?")


def test_a_middling_passage_needs_a_second_close_article() -> None:
    assert should_refuse(collection(0.45), "In which novel does the hero own an estate?")
    assert not should_refuse(collection(0.45, 0.40), "Who won the election?")


def test_nothing_close_is_refused_unless_one_passage_holds_every_term() -> None:
    assert should_refuse(collection(0.3, 0.3), "Who won the election?")
    chunks = collection(0.3)
    chunks[0].features["coverage"] = 1.0
    assert not should_refuse(chunks, "Who won the election?")


def test_a_tiny_collection_cannot_corroborate_so_one_middling_passage_answers() -> None:
    assert not should_refuse([passage("a", 0.45), passage("b", 0.1)], "Which city did his forces assault?")


@pytest.mark.parametrize(
    "question",
    [
        "Write me a haiku about autumn leaves.",
        "Tell me a joke about penguins.",
        "Translate 'good morning' into Portuguese.",
        "How do I change a flat tyre?",
        "What's the best way to learn to juggle?",
        "What's a good recipe for sourdough bread?",
        "What's my sister's birthday?",
    ],
)
def test_personal_questions_and_task_requests_need_a_much_closer_passage(question: str) -> None:
    assert out_of_scope(question)
    assert should_refuse(collection(0.5, 0.5), question)
    assert not should_refuse(collection(0.6, 0.5), question)


@pytest.mark.parametrize(
    "question",
    ["Who founded Wagner?", "How many people were evacuated?", "Which country declared an armed conflict?"],
)
def test_news_questions_are_in_scope(question: str) -> None:
    assert not out_of_scope(question)


def test_no_passages_is_a_refusal() -> None:
    assert should_refuse([], "Who founded Wagner?")


STORIES = [
    ("storm-1", "Storm Henk floods Britain", "Storm Henk brought severe flooding to Britain on Tuesday. Hundreds of "
     "homes were evacuated in the Midlands and rail operators cancelled trains as rivers burst their banks."),
    ("storm-2", "Clean-up begins after Storm Henk", "Residents began clearing mud from their homes on Thursday after "
     "Storm Henk flooded large parts of England. More than 300 flood warnings remained in place."),
    ("tv-review", "The new period drama is a delight", "The duke's habitual silence and secret demons fit the "
     "Mr. Darcy-style template every Jane Austen fan is hardwired to adore. The costumes are lavish."),
    ("rates", "Central bank holds rates", "The central bank kept interest rates unchanged on Wednesday, saying "
     "inflation was easing but remained above its target."),
    ("darts", "Humphries wins darts title", "Luke Humphries beat teenager Luke Littler in the final to become world "
     "darts champion at Alexandra Palace."),
    ("chips", "Chipmaker shares jump", "Shares in the chipmaker rose 8 percent after it forecast record sales of "
     "processors for data centres."),
    ("museum", "Museum reopens", "The city museum reopened its doors after a two-year renovation of its galleries."),
    ("transit", "Bus fares frozen", "The transit authority froze bus fares for another year to win back riders."),
    ("school", "School budget approved", "The school board approved a budget that adds twelve teachers next year."),
    ("harbour", "Harbour dredging starts", "Dredging began in the harbour so that larger container ships can dock."),
    ("library", "Library extends hours", "The public library will stay open until nine on weekdays from March."),
    ("marathon", "Marathon route changes", "Organisers moved the marathon route away from the river because of works."),
]  # fmt: skip


@pytest.fixture(scope="module")
def broad(tmp_path_factory: pytest.TempPathFactory) -> AnswerService:
    """A real index of a dozen articles: one story reported twice, and a review that name-drops Mr Darcy."""
    root = tmp_path_factory.mktemp("refusal")
    (root / "articles").mkdir()
    url = "https://news.example/2024/01/03/{}"
    lines = [json.dumps({"id": i, "url": url.format(i), "title": title, "text": text}) for i, title, text in STORIES]
    (root / "articles" / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    settings = load_settings(**(SERVICE_PINNED | {"data_dir": root / "data", "articles_dir": root / "articles"}))
    assert update_index(IndexHandles(settings)).added == len(STORIES)
    return build_service(settings)


def test_a_story_two_articles_report_is_answered(broad: AnswerService) -> None:
    response = broad.ask("Which storm flooded Britain this week?")
    assert not response.refused and "Henk" in response.answer


def test_a_lone_passing_mention_does_not_answer_a_trivia_question(broad: AnswerService) -> None:
    question = "In Pride and Prejudice, which estate does Mr Darcy own?"
    chunks = broad.retrieve(question).chunks
    support = article_support(chunks)
    assert RefusalPolicy.min_dense <= support[0] < RefusalPolicy.strong_dense  # one middling passage: the review
    assert len(support) >= RefusalPolicy.corroborate_from and support[1] < RefusalPolicy.corroborate_dense
    assert not should_refuse(chunks, question, replace(RefusalPolicy(), corroborate_from=10**6))  # alone it passes
    response = broad.ask(question)
    assert response.refused and response.citations == []
