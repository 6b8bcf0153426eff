"""What a thing is called: the sentence whose subject is the thing's name."""

from __future__ import annotations

from assistant.answer.called import called_noun, names_subject
from assistant.retrieval.answer_type import expected_type


def test_what_a_thing_is_called_asks_for_the_name_its_subject_sentence_gives() -> None:
    question = "what's the fire called"
    assert called_noun(question) == "fire" and expected_type(question) == "name"
    assert called_noun("What is the new law called?") == "law" and called_noun("Who called the police?") == ""
    assert names_subject("The Cinder Ridge Fire was first reported Monday near a gravel pit.", "fire")
    assert not names_subject("The fire is burning in the same area as the Dutchman Fire of August 2017.", "fire")
    assert not names_subject("State Fire Marshal Kevin Ostrander invoked the act on Tuesday.", "fire")
