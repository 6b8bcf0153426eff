"""The follow-up rewrite works from the conversation alone, without an LLM."""

from __future__ import annotations

from assistant.answer.rewrite import is_follow_up, rewrite
from assistant.schemas import Turn

HISTORY = [
    Turn(role="user", content="Who founded Wagner?"),
    Turn(role="assistant", content="Wagner founder Yevgeny Prigozhin has pushed Putin to take extreme measures. [1]"),
]


def test_pronoun_follow_up_gets_the_topic_and_the_named_answer() -> None:
    rewritten = rewrite("Which city did his forces assault?", HISTORY)
    assert rewritten.startswith("Which city did his forces assault?")
    assert "Wagner" in rewritten and "Yevgeny Prigozhin" in rewritten


def test_standalone_question_is_left_alone() -> None:
    question = "What did Turkey shoot down over Syria in 2015?"
    assert not is_follow_up(question)
    assert rewrite(question, HISTORY) == question


def test_no_history_means_no_rewrite() -> None:
    assert rewrite("Which city did his forces assault?", []) == "Which city did his forces assault?"


def test_elliptic_follow_ups_are_detected() -> None:
    assert is_follow_up("And Kadyrov?")
    assert is_follow_up("What about the bridge?")
    assert is_follow_up("When?")
