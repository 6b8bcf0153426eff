"""Who wrote something: a question asking for a writer, and a passage naming one as such."""

from __future__ import annotations

from assistant.retrieval.answer_type import expected_type
from assistant.retrieval.writer import asks_writer, names_writer


def test_who_wrote_asks_for_a_writer_named_as_such() -> None:
    question = "Who wrote the article about Russia's collapse?"
    assert asks_writer(question) and expected_type(question) == "writer"
    assert asks_writer("Who is the author of the report?") and not asks_writer("Who founded Wagner?")
    for text in [
        "The letter, written by Senator Jane Doe, was sent on Monday.",
        "Editor's Note: Jill Filipovic is a journalist based in New York.",
        "said columnist Jill Filipovic.",
    ]:
        assert names_writer(text), text
    # the default article's standfirst names no one who wrote it
    assert not names_writer("As Russia faces economic collapse and military setbacks, Vladimir Putin may be dangling")


def test_a_court_s_opinion_is_written_by_the_justice_writing_for_the_majority() -> None:
    """"who wrote for the majority" led with "Justice Clifford Rowe wrote the dissent": the sentence naming the
    majority's writer held no writer as such."""
    assert names_writer("Writing for the majority, Justice Miriam Achterberg said the state constitution gives …")
    assert names_writer("writing for a unanimous court, Chief Justice Ann Bell held that …")
    assert not names_writer("Writing for the majority was a task she relished.")
