"""An elliptic follow-up asks the last question again of the name it gives."""

from __future__ import annotations

from assistant.retrieval.ellipsis import in_place_of_kin, in_place_of_name


def test_a_name_alone_takes_the_place_of_the_last_question_s_name_in_its_slot() -> None:
    assert in_place_of_name("And Azerbaijan?", "What did Turkey shoot down in 2015?") == (
        "What did Azerbaijan shoot down in 2015?"
    )
    assert in_place_of_name("And in Kharkiv?", "What did Russia hit in Kyiv?") == "What did Russia hit in Kharkiv?"
    assert in_place_of_name("What about Shoigu?", "What did he argue?") == "What did Shoigu argue?"
    assert in_place_of_name("Who is Shoigu?", "What did he argue?") is None  # no ellipsis


def test_a_day_takes_the_place_of_the_day_of_the_last_query() -> None:
    last = "Which airline was hit hardest? (flights canceled Saturday)"
    assert in_place_of_kin("What about Sunday?", last) == "Which airline was hit hardest? (flights canceled Sunday)"
    assert in_place_of_kin("What about Delta?", last) is None  # no day, month, country or state
