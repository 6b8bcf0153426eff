"""Questions about the collection itself, and words to the assistant, are told apart from questions about the news."""

from __future__ import annotations

import pytest

from assistant.answer.meta import about_collection, to_assistant


@pytest.mark.parametrize(
    "question",
    [
        "What are the articles about?", "What's in my collection?", "What topics do the articles cover?",
        "Which topics are covered?", "Summarize the articles.", "Can you summarise my collection?",
        "Give me a summary of the articles.", "Who wrote these articles?", "When were the articles published?",
        "Where are the articles from?", "How many articles are there?", "How many articles do you have?",
        "How many articles are in my collection?",
        "Tell me about the articles.", "Please, what are the articles about?",
        "What are the highlights of the articles?", "Give me the key points of my collection.",
        "What are the top stories in the collection?", "What is the latest news?", "What's new?", "Latest headlines",
        "What are the most recent stories in my collection?",
    ],
)  # fmt: skip
def test_a_question_about_the_collection_is_recognised(question: str) -> None:
    assert about_collection(question)


@pytest.mark.parametrize(
    "question",
    [
        "What do the articles say about Wagner?",  # unframed: asks about Wagner
        "What are the articles about Wagner?", "Summarize the situation in Crimea.",
        "Who wrote the article about Russia's collapse?", "How many articles mention Wagner?",
        "How many stores is Rite Aid closing?", "What is the latest news on Wagner?", "What's new in Crimea?",
    ],
)  # fmt: skip
def test_a_question_about_what_the_articles_report_is_not(question: str) -> None:
    assert not about_collection(question)


@pytest.mark.parametrize(
    "message", ["Hello", "hi!", "Thanks!", "help", "?", "Who are you?", "What can you do?", "How does this work?"]
)
def test_a_greeting_or_a_question_to_the_assistant_is_recognised(message: str) -> None:
    assert to_assistant(message) and not about_collection(message)


@pytest.mark.parametrize("question", ["Hello, who founded Wagner?", "Help Ukraine", "Who are the hardliners?"])
def test_a_question_about_the_news_is_not_to_the_assistant(question: str) -> None:
    assert not to_assistant(question)
