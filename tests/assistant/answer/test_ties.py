"""Tie-breaks among the lead's near ties, by what the question asks for."""

from __future__ import annotations

from answer_testkit import breaks_the_tie, sentence

from assistant.answer.ties import (
    age_tie,
    deed_figure_tie,
    defining_tie,
    names_tie,
    negated_tie,
    place_tie,
    subject_verb_tie,
)


def test_what_someone_said_of_a_name_leads_with_a_near_tie_stating_that_name() -> None:
    """"What did Jason Kelce say about Travis?" led with his retirement, above what he said of his brother."""
    retired = sentence("Jason Kelce announced his retirement on Monday.", 2 / 3)
    brother = sentence("Jason said his brother, Travis Kelce, moved in with him.", 1.0)
    asked = "What did Jason Kelce say about Travis?"
    assert names_tie([(0.89, retired), (0.86, brother)], asked, 0.9) == 1
    assert names_tie([(0.89, retired), (0.70, brother)], asked, 0.9) == 0  # no near tie
    assert names_tie([(0.89, retired), (0.86, brother)], "Who founded Wagner?", 0.9) == 0  # not what someone said


def test_how_much_of_a_deed_leads_with_a_near_tie_whose_figure_sits_by_the_verb() -> None:
    """"How much had Ford invested in Argo?" (news-smoke) led with the $2.7 billion charge that the drop in value of
    "Ford's investment" caused, above "a company it invested $1 billion in"."""
    asked = "How much had Ford invested in Argo?"
    charge = sentence("The drop in value of Ford’s investment in Argo caused it to take a $2.7 billion charge.")
    invested = sentence("Ford would no longer support Argo AI, a company it invested $1 billion in back in 2017.")
    assert deed_figure_tie([(0.86, charge), (0.75, invested)], asked, ["invested"], 0.8, 3) == 1
    assert deed_figure_tie([(0.86, charge), (0.6, invested)], asked, ["invested"], 0.8, 3) == 0  # too far below
    assert deed_figure_tie([(0.86, invested), (0.75, charge)], asked, ["invested"], 0.8, 3) == 0  # it leads already
    assert deed_figure_tie([(0.86, charge), (0.75, invested)], "Who invested in Argo?", ["invested"], 0.8, 3) == 0
    # a verb's form used as a noun ("the price", "Sanofi's list price") is no deed
    asked = "How much will Sanofi cut the price of Lantus?"
    cost = sentence("When Sanofi cuts the price as of Jan. 1, Lantus will cost about $64 per vial.")
    listed = sentence("Sanofi's list price is $292 per vial of Lantus.")
    assert deed_figure_tie([(0.8, cost), (0.75, listed)], asked, ["cut", "price"], 0.8, 3) == 0


def test_what_a_named_subject_did_leads_with_a_near_tie_stating_the_verb() -> None:
    """"What did Putin decide after the Kharkiv defeats?" over the default articles led with dictators' downfalls
    "after a humiliating defeat", a hair above "President Putin decided to 'annex' the four occupied oblasts"."""
    asked = "What did Putin decide after the Kharkiv defeats?"
    downfall = sentence("Handling of wars has always been a downfall of dictators after a humiliating defeat.")
    decided = sentence("Knowing that Russia lacks the manpower, President Putin decided to annex the four oblasts.")
    breaks_the_tie(subject_verb_tie, asked, downfall, decided, "What did the Kremlin's defeats cost?")
    # a subject a common noun names, its verb ending the question
    voted = sentence("The three-judge panel of the 9th U.S. Circuit Court of Appeals voted 2-1.")
    ruled = sentence("A federal appeals court blocked the ban, ruling that the city had not shown it was needed.")
    breaks_the_tie(subject_verb_tie, "What did the appeals court decide?", voted, ruled, "Who wrote the opinion?")


def test_where_leads_with_a_near_tie_naming_a_place_the_question_does_not() -> None:
    """"Where?" after "When will King Charles be crowned?" (news-smoke) led with the archbishop conducting the
    ceremony, a hair above "… will take place on May 6 next year at Westminster Abbey in London"."""
    asked = "Where? (King Charles crowned)"
    archbishop = sentence("The Archbishop of Canterbury Justin Welby will conduct the ceremony.")
    abbey = sentence("The coronation of King Charles III will take place on May 6 at Westminster Abbey in London.")
    breaks_the_tie(place_tie, asked, archbishop, abbey, "When will King Charles be crowned?")
    in_may = sentence("King Charles will be crowned in May at the age of 74.")
    assert place_tie([(0.45, archbishop), (0.42, in_may)], asked, 0.9) == 0  # a month is no place


def test_how_old_is_leads_with_the_near_tie_giving_the_age_of_now() -> None:
    """"How old is LeBron James?" (news-dev) led with "in his NBA debut, James, just 18 years old": a story gives
    its names' earlier ages beside the one of today, the greatest."""
    asked = "How old is LeBron James?"
    debut = sentence("Against Sacramento in his NBA debut, James, just 18 years old, made a jumper.", 0.5)
    now = sentence("Saturday, the 39-year-old James became the first player to score 40,000 points.", 0.5)
    breaks_the_tie(age_tie, asked, debut, now, "How old was LeBron James in his NBA debut?")
    other = sentence("At 34 years old, it will be difficult for Durant to hit 40,000 points.")  # names no one asked
    assert age_tie([(0.5, debut), (0.47, other)], asked, 0.9) == 0


def test_how_old_is_gives_no_age_someone_would_be_and_a_lead_naming_no_one_asked_gives_way() -> None:
    """"How old is Biden?" (news-smoke) led with "If Biden reclaims the White House, he would be 82 years old …",
    and "How old is Trump?" with that sentence too, far above "And Trump, 77, is just three years younger …"."""
    would = sentence("If Biden reclaims the White House, he would be 82 years old at the start of his term.", 0.5)
    now = sentence("Sarah Huckabee Sanders pointed out that 80-year-old Joe Biden is the oldest president.", 0.5)
    assert age_tie([(0.5, would), (0.47, now)], "How old is Biden?", 0.9) == 1
    biden = sentence("If Biden reclaims the White House, he would be 82 years old at the start of his term.")
    trump = sentence("And Trump, 77, is just three years younger than the current president.", 0.5)
    unaged = sentence("Trump dismissed questions about his age in a post last year.", 0.5)
    assert age_tie([(0.7, biden), (0.5, unaged), (0.4, trump)], "How old is Trump?", 0.9) == 2


def test_who_is_leads_with_the_near_tie_saying_what_the_name_is() -> None:
    """"Who is Gabriel Attal?" (news-dev) led with his words to parliament, naming him by his title, above "Gabriel
    Attal became France's youngest ever and first openly gay prime minister"."""
    asked = "Who is Gabriel Attal?"
    words = sentence("Prime Minister Gabriel Attal told parliament that they have a moral debt to women.")
    became = sentence("Gabriel Attal became France's youngest ever and first openly gay prime minister on Tuesday.")
    breaks_the_tie(defining_tie, asked, words, became, "What did Gabriel Attal tell parliament?")
    # by his surname, in apposition, or of a thing asked with "what"
    leader = sentence("Navalny, the Russian opposition leader, has been sentenced to a further 19 years.")
    assert defining_tie([(0.5, words), (0.47, leader)], "Who was Alexei Navalny?", 0.9) == 1
    company = sentence("Founded in 2013, Intuitive Machines is a Houston-headquartered vendor company.")
    assert defining_tie([(0.5, words), (0.47, company)], "What is Intuitive Machines?", 0.9) == 1


def test_a_list_or_an_age_does_not_say_what_a_name_is() -> None:
    """"What is the Wagner group?" over the default articles: "Wagner, Kadyrov’s Chechen factions, and/or pro-war
    oligarchs" lists it beside others; ", 34," gives an age; "Who is Delaware playing?" asks of no name alone."""
    assault = sentence("Prigozhin has continuously ordered Wagner-led forces to assault Bakhmut.")
    listed = sentence("A power move by Wagner, Kadyrov’s Chechen factions, and/or pro-war oligarchs could follow.")
    assert defining_tie([(0.5, assault), (0.47, listed)], "What is the Wagner group?", 0.9) == 0
    aged = sentence("Attal, 34, replaced Élisabeth Borne following her resignation on Monday.")
    assert defining_tie([(0.5, assault), (0.47, aged)], "Who is Gabriel Attal?", 0.9) == 0
    plays = sentence("Delaware is a member of the Coastal Athletic Association.")
    assert defining_tie([(0.5, assault), (0.47, plays)], "Who is Delaware playing on Saturday?", 0.9) == 0



def test_a_deed_the_lead_denies_gives_way_to_a_near_tie_stating_it() -> None:
    """"How many tornadoes were confirmed in Texas?" (news-smoke) led with "… as many as 12 tornadoes … that they have
    not yet confirmed", above "At least five tornadoes were confirmed in Texas …"."""
    asked = "How many tornadoes were confirmed in Texas?"
    denied = sentence("Forecasters said there could have been 12 tornadoes that they have not yet confirmed.")
    confirmed = sentence("At least five tornadoes were confirmed in Texas during a storm outbreak Tuesday.")

    def tie(scored: list, question: str, share: float) -> int:
        return negated_tie(scored, question, ["confirmed"], share)

    breaks_the_tie(tie, asked, denied, confirmed, "Which tornadoes were not confirmed in Texas?")
    unstated = sentence("Storms swept across Texas on Tuesday, the weather service said.")
    assert tie([(0.5, unstated), (0.47, confirmed)], asked, 0.9) == 0  # a lead saying nothing of it is no denial
    assert tie([(0.5, denied), (0.47, denied)], asked, 0.9) == 0  # no near tie states it


def test_no_one_denies_the_deed_as_not_does() -> None:
    """"who got arrested" over a fire told on three days led with the second day's "… but she said no one had been
    arrested", "no one" standing four words before the deed."""
    denied = sentence("She said detectives had spoken with a man, but she said no one had been arrested.")
    arrested = sentence("Sheriff Maren Holtz said Travis Edgely, 34, was arrested Wednesday morning.")

    def tie(scored: list, question: str, share: float) -> int:
        return negated_tie(scored, question, ["arrested"], share)

    breaks_the_tie(tie, "who got arrested", denied, arrested, "who was not arrested")
    nobody = sentence("Nobody was arrested at the scene.")
    assert tie([(0.5, nobody), (0.47, arrested)], "who got arrested", 0.9) == 1
