"""What each kind of answer looks like in a passage: a pattern or a gazetteer finds the candidates of a kind."""

from __future__ import annotations

from assistant.retrieval.answer_kinds import candidates


def test_candidates_are_found_by_pattern_or_gazetteer() -> None:
    assert candidates("About 15% of men and 87 percent of voters", "percent") == {"15%", "87 percent"}
    shares = "Sanctions threaten a third of its budget; half of voters, one in five firms and two-thirds of it agree."
    assert candidates(shares, "percent") == {"a third", "half", "one in five", "two-thirds"}
    assert candidates("In the second half, half an hour later", "percent") == set()  # a half of nothing is no share
    assert candidates("Governors of New York and Texas met in 2023.", "us_state") == {"new york", "texas"}
    assert candidates("Officials in New Zealand and Haiti", "country") == {"new zealand", "haiti"}
    assert candidates("It opened in 1978 and closed in 2024.", "year") == {"1978", "2024"}
    times = "The troops may march on Monday, three weeks ago, last year and in May 1997; they struck on 7/23."
    assert candidates(times, "time") == {"monday", "three weeks ago", "last year", "may", "1997", "7/23"}
    assert candidates("Officials may march and say so today.", "time") == {"today"}  # verbs are not months
    spans = "Forces assaulted Bakhmut over the past three months and in the last year, for the past days."
    assert candidates(spans, "time") == {"over the past three months", "in the last year", "for the past days"}
    assert candidates("The past three months were hard.", "time") == set()  # a span said as a subject is no time


def test_an_hour_of_the_clock_is_a_time() -> None:
    """"When will the library open?" is answered by "The library will open at 9 a.m. on weekdays"."""
    assert candidates("It opens at 9 a.m. on weekdays, at 7:30pm on Fridays and at noon.", "time") == {
        "9 a.m.", "7:30pm", "at noon"
    }
    assert candidates("A 9 amp fuse and 12 pm2.5 particles", "time") == set()


def test_a_team_s_record_is_a_pair_of_figures_told_as_one() -> None:
    """"What's their record?" is answered by "… Ashgrove, which finished the season 28-2" or "Port Adair (25-4)", not
    by a game's score."""
    assert candidates("The victory was the 19th straight for Ashgrove, which finished the season 28-2.", "record")
    assert candidates("Linwood led Port Adair (25-4) with 22 points.", "record") == {"(25-4)"}
    assert candidates("The Hawks improved to 11-1 with a 20-5 record at home.", "record")
    assert candidates("Ashgrove won 58-55 on Saturday before 7,842 fans.", "record") == set()


def test_a_size_is_an_area_a_sum_or_a_count_and_an_area_is_told_apart() -> None:
    """"How big …?": "had burned 8,400 acres", "a $2 billion deal", "a crowd of 5,000 people"; not "15% contained"
    nor "6 p.m."."""
    assert candidates("The wildfire had burned 8,400 acres by Thursday.", "area") == {"8,400 acres"}
    assert candidates("a 40-square-mile zone", "area") == {"40-square-mile"}
    assert candidates("The fire was 15% contained as of 6 p.m. Thursday.", "size") == set()
    assert candidates("About 5,000 people marched.", "size") and candidates("A $2 billion deal.", "size")
    assert not candidates("About 5,000 people marched.", "area")


def test_a_court_s_sentence_is_a_term_a_fine_or_life() -> None:
    assert candidates("He was sentenced Monday to 38 years in prison.", "penalty")
    assert candidates("Whitcomb ordered Maddox to serve 35 years for the murder charge.", "penalty")
    assert candidates("She got three years' probation and a $5,000 fine.", "penalty")
    assert candidates("He was sentenced to life without parole.", "penalty")
    assert not candidates("He will not be eligible for parole until he has served at least 30 years.", "penalty")
    assert not candidates("Maddox, 34, was convicted in September.", "penalty")


def test_a_charge_is_what_someone_is_charged_with_or_pleads_to() -> None:
    assert candidates("Vasko was indicted by a state grand jury on one count of bribery.", "charge")
    assert candidates("He was charged Tuesday with reckless homicide.", "charge")
    assert candidates("She pleaded not guilty Friday to charges that she took kickbacks.", "charge")
    assert candidates("He was acquitted of the assault charge.", "charge")
    assert not candidates("His attorney said his client would fight the charges.", "charge")
    assert not candidates("The council will meet Monday night.", "charge")


def test_a_condition_is_told_as_news_tells_it() -> None:
    assert candidates("Four were in stable condition and Wren was in serious condition.", "condition")
    assert candidates("She was treated and released, and is expected to fully recover.", "condition")
    assert candidates("Five were rescued Saturday, but the captain remained missing.", "condition")  # "are they safe"
    assert not candidates("Workers found dead fish three miles downstream.", "condition")  # no one's state
    assert not candidates("Data recovered from the vessel's tracking system.", "condition")


def test_a_time_may_be_told_by_a_term_served() -> None:
    """"when is he eligible for parole": "… until he has served at least 30 years" says when."""
    assert candidates("He will not be eligible for parole until he has served at least 30 years.", "time")
    assert not candidates("He has served 30 years on the bench.", "time")
