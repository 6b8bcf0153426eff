"""A question's specifics (numbers, names, dates, quoted phrases) and whether passages state them."""

from __future__ import annotations

from assistant.answer.constraints import Constraints


def test_numbers_names_dates_and_quotes_are_constraints() -> None:
    c = Constraints.of('Did Luke Littler, 16, say "it feels unreal" on January 3, 2024?')
    assert c.numbers == {"16", "3", "2024"}
    assert c.names == {"luke", "littler", "january"}
    assert c.phrases == {"it feels unreal"}


def test_question_words_and_generic_words_are_not() -> None:
    assert not Constraints.of("Who founded the group that assaulted the city?")
    assert Constraints.of("Who founded the Wagner group?").names == {"wagner"}


def test_a_number_written_with_or_without_separators_is_one_number() -> None:
    c = Constraints.of("Which automaker recalled 112,000 vehicles?")
    assert c.missing(["Honda recalled 112000 cars."]) == []
    assert c.missing(["Toyota recalled 260 SUVs."]) == ["112000"]
    assert c.label("112000") == "112,000"


def test_each_constraint_may_be_met_by_a_different_passage() -> None:
    c = Constraints.of("What did the July 23, 2025 drone strike destroy?")
    assert c.missing(["A drone strike on July 23 hit Rostov.", "It was the worst raid of 2025."]) == []
    assert c.missing(["A drone strike on July 24, 2025 hit Rostov."]) == ["23"]


def test_names_match_their_inflections_and_abbreviations() -> None:
    assert Constraints.of("What did Ukrainian forces retake?").missing(["Ukraine retook the Kinburn Spit."]) == []
    assert Constraints.of("What did Russia's army do?").missing(["The Russian army withdrew."]) == []
    assert Constraints.of("What did NATO decide?").missing(["N.A.T.O. decided nothing."]) == []
    assert Constraints.of("Who is Prigozhin?").missing(["Shoigu was criticised."]) == ["prigozhin"]


def test_a_quoted_phrase_must_appear_as_written() -> None:
    c = Constraints.of('Who said "peace for our time"?')
    assert c.missing(["He promised peace for our   time."]) == []
    assert c.missing(["He promised peace in our time."]) == ["peace for our time"]
