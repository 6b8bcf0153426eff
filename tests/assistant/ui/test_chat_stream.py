"""The chat's answer stream: an answer streams in and ends with its sources; a failure is said in the chat."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from assistant.schemas import AnswerResponse
from assistant.service import QuestionTooLong
from assistant.ui import render
from assistant.ui.chat import stream_answer


class ScriptedService:
    """An AnswerService stand-in that streams the given pieces, or raises the given error after the first."""

    def __init__(self, pieces: list[str | AnswerResponse], error: Exception | None = None) -> None:
        self.pieces, self.error = pieces, error

    def ask_stream(self, question: str, history: Any, top_k: int, filters: Any) -> Iterator[str | AnswerResponse]:
        yield from self.pieces[:1]
        if self.error is not None:
            raise self.error
        yield from self.pieces[1:]


def last_bubble(service: ScriptedService) -> tuple[str, tuple[Any, ...]]:
    updates = list(stream_answer(service, "Who founded Wagner?", [], 5, None, None, ""))  # type: ignore[arg-type]
    return updates[-1][1][-1]["content"], updates[-1]


def test_an_answer_streams_and_ends_with_its_sources() -> None:
    response = AnswerResponse(answer="Prigozhin founded it.", refused=False, citations=[], passages=[], query="q")
    bubble, (_, _, done, sources) = last_bubble(ScriptedService(["Prigozhin ", response]))
    assert 'class="na-answer"' in bubble and "Prigozhin founded it." in bubble
    assert done == [("Who founded Wagner?", response)]
    assert sources == render.sources_html(response)


def test_a_failure_inside_the_service_is_said_in_the_chat_not_left_searching(caplog: Any) -> None:
    bubble, (_, _, done, sources) = last_bubble(ScriptedService(["Prig"], RuntimeError("chroma went away")))
    assert 'class="na-error"' in bubble and "RuntimeError" in bubble
    assert done == []  # the failed exchange is not kept as context for a follow-up
    assert sources == render.sources_html(None)  # the panel is cleared, not left "searching"
    assert "chroma went away" in caplog.text  # the log has the details the chat leaves out


def test_a_question_too_long_is_said_as_it_is() -> None:
    bubble, _ = last_bubble(ScriptedService([], QuestionTooLong("The question is too long (at most 300 words).")))
    assert "too long" in bubble and "na-error" in bubble
