"""Which questions ask for a story's news, which the opening of its telling answers (developing.py)."""

from __future__ import annotations

import pytest

from assistant.answer.developing import asks_news


@pytest.mark.parametrize(
    ("question", "news"),
    [
        ("what happened with the pruitt trial", True),
        ("What happened to the Pessick River Bridge?", True),
        ("how did Corvane do this quarter", True),  # "howd corvane do …" as shorthand.py writes it out
        ("how did the vote go", False),  # its tally
        ("how did the stock do", False),  # how the shares moved
        ("any update on the bridge", True),
        ("what happened after the vote", False),
        ("how did the fire start", False),
        ("how did he die", False),
    ],
)
def test_a_question_asking_for_a_story_s_news(question: str, news: bool) -> None:
    """What happened to something, how it did, or an update asks for the news; how a thing started does not, nor a
    question asking a kind of answer."""
    assert asks_news(question) is news
