"""Language detection with the real lingua models: clear non-English questions only, never an English one."""

from __future__ import annotations

import pytest

from assistant.answer.language import not_english


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("Qui a fondé le groupe Wagner ?", "French"),
        ("¿Quién fundó el grupo Wagner?", "Spanish"),
        ("Wer hat die Wagner-Gruppe gegründet?", "German"),
    ],
)
def test_a_question_in_another_language_is_detected(question: str, language: str) -> None:
    assert not_english(question) == language


@pytest.mark.parametrize(
    "question",
    [
        "Who founded Wagner?",
        "Renée Zellweger is set to reprise her film role as who?",  # foreign names, English question
        "Which city did his forces assault?",
        "And Kadyrov?",  # too short to judge
    ],
)
def test_english_questions_pass(question: str) -> None:
    assert not_english(question) is None
