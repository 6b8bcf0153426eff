"""Titles written in capitals without quotes."""

from __future__ import annotations

from newstext.titles import titles


def test_a_run_of_capitals_holding_a_stop_word_is_a_title() -> None:
    assert titles("What are the He Gets Us ads?") == ["He Gets Us"]
    assert titles("Who wrote It Ends With Us?") == ["It Ends With Us"]
    assert titles("Is the Lord Of The Rings back?") == ["Lord Of The Rings"]


def test_names_and_a_sentence_s_first_word_are_no_title() -> None:
    assert titles("Who founded Wagner?") == [] and titles("What did Joe Biden say?") == []
    assert titles("What is The Daily Show?") == []  # "Daily Show" is names, as articles write it without "The"
    assert titles("The United States and China met.") == []  # "The" opens the sentence
    assert titles("Which US Cabinet official faces impeachment?") == []  # "US" is an acronym, no stop word
