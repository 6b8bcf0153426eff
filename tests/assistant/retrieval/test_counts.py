"""Counts: what answers a "how many" question, in figures or in words, and only where it counts the asked noun."""

from __future__ import annotations

from assistant.retrieval.counts import (
    asks_count,
    counted_in,
    counted_noun,
    counts,
    counts_head,
    counts_noun,
    in_words,
    names_place,
    things_counted,
)


def test_counts_are_figures_and_number_words_that_count_things() -> None:
    assert counts("The FAA grounded 171 planes; nearly 2.5 million crossed, and three more left.") == {
        "171", "2.5", "million", "three",
    }  # fmt: skip
    assert counts("Dozens fled twice.") == {"dozens", "twice"}
    # A date, a year, a clock time, an age, a share, an ordinal and "one" count nothing.
    dated = "The strike on July 23, 2025, at 10:30 p.m. hit 10-year-old boys, 30% of the town, on its 366th day."
    assert counts(dated + " One of them said so on Jan. 7.") == set()
    # a pair of figures is a score or a range: "How many homes are planned in Smyrna?" led with a 3-0 match
    assert counts("Smyrna lost a 3-0 match, a 24–23 game, in the 2023-24 season.") == set()
    assert counts("Smyrna lost a 3-0 match.", "homes") == set()  # "0 match" counts matches, and "3-" nothing
    assert asks_count("Roughly how many migrants crossed?") and not asks_count("How much did it cost?")


def test_a_figure_joined_to_a_noun_counts_only_that_noun() -> None:
    """"How many drones did Ukraine launch?" over the default articles was answered with "a 72-hour blitz"."""
    blitz = "These attacks, part of a 72-hour blitz, hit 12 depots."
    assert counted_noun("How many drones did Ukraine launch?") == "drones" and counted_noun("Who won?") == ""
    assert counts(blitz) == counts(blitz, "depots") == {"12"}
    assert counts(blitz, "hours") == {"72"}  # "How many hours did the blitz last?"
    assert counts(blitz, "drones") == set()


def test_a_number_word_joined_to_a_noun_counts_only_that_noun() -> None:
    """"How many new bills did Louisiana's governor sign?" (news-dev) held "defeating two-term U.S. Sen. David
    Vitter" for a count of bills; "Twenty-one states" is one figure, not a figure measuring "one"."""
    assert counts("Edwards, defeating two-term U.S. Sen. David Vitter", "new bills") == set()
    assert counts("a two-term senator", "terms") == {"two"}
    assert counts("Twenty-one states and 41 cities raise wages.", "states") == {"twenty"}


def test_a_figure_in_a_name_counts_nothing() -> None:
    """"How many people died in the FlyDubai crash?" over news-smoke led with "the Boeing 737-800 … was carrying 55
    passengers", above "killing all 62 people aboard"."""
    ministry = "The Boeing 737-800 operated by FlyDubai was carrying 55 passengers and seven crew members."
    # passengers and crew members are people; "737-800" counts nothing
    assert counts(ministry, "people died") == {"55", "seven"}
    assert counts("killing all 62 people aboard", "people died") == {"62"}
    assert counts_noun(ministry, "people died") == 0 < counts_noun("killing all 62 people aboard", "people died")
    assert counts("Nearly 5,000 flights were canceled.") == {"5,000"}  # an adverb the dictionary knows, not a name


def test_a_noun_that_is_a_count_asks_for_one() -> None:
    """"What is the population of Rostov?" was answered with a sentence naming Rostov and no figure."""
    for question in ("What is the population of Rostov?", "What was the death toll of the strike?"):
        assert asks_count(question) and counted_noun(question) == ""  # any figure that counts answers it
    assert not asks_count("What is the number one priority?")


def test_a_figure_before_a_noun_counts_only_that_noun() -> None:
    """"How many legs does a spider have?" was answered with a moon lander's "about 20 payloads"."""
    assert counted_noun("How many legs does a spider have?") == "legs"
    assert counted_noun("How many Delaware high schools were there?") == "Delaware high schools"
    lander = "Peregrine had about 20 payloads and was to operate for about 10 days."
    assert counts(lander, "legs") == set() and counts(lander, "payloads") == {"20"}
    assert counts("Spiders have eight legs.", "legs") == {"eight"}
    assert counts("Louisiana has 61 high schools.", "Delaware high schools") == {"61"}  # one of its words
    assert counts("About 2.5 million migrant encounters.", "migrant encounters") == {"2.5", "million"}
    assert counts("At least 300 were killed.", "people") == {"300"}  # no noun after it: still a count


def test_counts_in_words_leave_out_those_saying_only_how_large() -> None:
    """"Airlines have canceled thousands of flights" gives no count in words; "At least five tornadoes" does."""
    assert counts("Airlines have canceled thousands of flights.") == {"thousands"}  # still a count for the gate
    assert in_words("Airlines have canceled thousands of flights.") == set()
    assert in_words("At least five tornadoes, and 12 more, were reported by a two-term senator.") == {"five"}


def test_a_figure_before_the_counted_noun_names_as_much_of_it_as_it_says() -> None:
    """"How many states have trigger laws?" led with "two of the state trigger bans", a figure standing alone."""
    assert counts_noun("Legislators in 13 states have passed so-called trigger laws.", "states") == 1
    assert counts_noun("Two of the state trigger bans were passed a decade ago.", "states") == 0
    assert counts_noun("There are 11 federal holidays each year.", "federal holidays") == 2
    assert counts_noun("The bill moved three holidays to Mondays.", "federal holidays") == 1
    assert counts_noun("In 2025 states passed laws.", "states") == 0  # a year counts nothing
    # "How many people died …?" counts people: "died" after them is no part of the noun
    assert counts_noun("Three people died at Nesbitt Lane.", "people died") == 1
    # a name among the counted words is the text's too: Walgreens' stores are not Rite Aid's
    assert counts_noun("CVS announced plans to close 300 stores per year.", "Rite Aid stores") == 0
    assert counts_noun("Rite Aid is shuttering an additional 31 stores.", "Rite Aid stores") == 1
    # a name or a word that is no noun between the figure and the counted noun describes it
    assert counts_noun("The group breached agencies in at least six US states.", "states") == 1
    assert counts_noun("Three Democratic senators voted against it.", "senators") == 1
    assert counts_noun("Two big states passed it.", "states") == 1
    assert counts_noun("Two of states passed it.", "states") == 0
    assert counts_noun("Four trigger states passed it.", "states") == 1  # a noun before it makes one noun with it


def test_people_are_counted_by_any_kind_of_people() -> None:
    """"How many people were evacuated?" was refused: "forced about 3,000 residents to leave" counts residents."""
    fire = "The wildfire forced about 3,000 residents to leave their homes and destroyed 12 homes."
    assert counts(fire, "people") == {"3,000"}
    assert counts_noun(fire, "people") == 0  # held, but below a count of people themselves
    assert counts("The storm closed 40 schools.", "people") == set()


def test_a_general_noun_counts_its_kinds_and_a_kind_its_general_noun_but_a_sum_counts_nothing() -> None:
    """"How many employees does Crunchwell have?" led with "… buy snack maker Crunchwell for $3.4 billion" ("billion"
    read as a count) over "… employs about 2,400 people"; "How many cars use the bridge each day?" was refused over
    "carries about 40,000 vehicles a day"."""
    assert counts("Harbor agreed to buy Crunchwell for $3.4 billion in cash.", "employees") == set()
    assert counts("The company employs about 2,400 people.", "employees") == {"2,400"}
    assert counts("It carries about 40,000 vehicles a day.", "cars") == {"40,000"}
    assert counts("The base holds 300 soldiers.", "students") == set()  # one kind is no other


def test_a_figure_before_a_compound_or_a_noun_adjunct_counts_the_noun_after_them() -> None:
    """"How many satellites did SpaceX launch?" found no count in "40 internet satellites", "How many rate cuts …?"
    none in "three quarter-point cuts", and took the "401" of "your 401(k)" for one."""
    assert counts("SpaceX launched 40 internet satellites.", "satellites") == {"40"}
    assert counts_noun("SpaceX launched 40 internet satellites.", "satellites") == 1
    assert counts("The Fed forecast three quarter-point cuts.", "rate cuts") == {"three"}
    assert counts("It hired 30 full-time workers.", "people") == {"30"}
    assert counts("a boon for your 401(k)") == set()
    assert counts("SpaceX launched 40 internet satellites.", "rockets") == set()


def test_jobs_are_counted_by_the_people_holding_them() -> None:
    """"How many jobs is Brightpath cutting?" was refused: "will lay off about 600 employees" counted employees."""
    assert counts("It will lay off about 600 employees, or 8 percent of its workforce.", "jobs") == {"600"}
    assert counts("The plant brings 1,200 jobs to the region.", "workers") == {"1,200"}
    assert counts("It will lay off about 600 employees.", "cars") == set()


def test_a_unit_s_measure_counts_no_thing() -> None:
    """"How many people were on the plane?" was answered with "… had taken off … about 10 minutes earlier"."""
    assert things_counted("The plane had taken off about 10 minutes earlier, at 117 degrees.") == set()
    assert things_counted("It left about 90,000 homes and businesses without power.") == {"90,000"}


def test_the_only_one_of_a_counted_noun_counts_one() -> None:
    """"How many people were on the plane?" was refused: "… was the only person on board" gave no count."""
    assert counts("The pilot was the only person on board.", "people") == {"one"}
    assert counts("It was the only way out.", "people") == set()  # not the counted noun
    assert counts("The pilot was the only person on board.") == set()  # nothing asked to count


def test_a_range_s_first_figure_counts_what_its_last_does() -> None:
    """"How many cars use the bridge each day?" led with a detour adding "10 to 15 minutes" (10 counted cars)."""
    assert counts("The detour could add 10 to 15 minutes to commutes.", "cars") == set()
    assert counts("Between 20 and 30 people were hurt.", "people") == {"30"}
    assert counts("The council voted 5 to 2.", "votes") == {"5", "2"}  # a tally's figures stand alone
    assert counts("The Hawks won 3 to 1 on Sunday.") == {"3", "1"}  # a score's


def test_a_count_asked_in_a_place_names_the_place() -> None:
    assert counted_in("how many of those are in Iowa") == "Iowa"
    assert counted_in("How many people died in the United States?") == "United States"
    assert counted_in("How many jobs are in Dunmore?") == ""  # a town: the story's, not a gazetteer's place
    assert counted_in("Who lives in Iowa?") == ""  # no count
    assert counted_in("How many were hurt? (Iowa plant)") == ""  # the conversation's words are not asked
    # the place named by any of its names: a country's other names, a short one only in capitals
    assert names_place("More than 1,000 died in the U.S. last year.", "United States")
    assert names_place("Minnesota has reported the most cases, 10.", "Minnesota")
    assert not names_place("Tell us more about the outbreak.", "United States")
    assert not names_place("The potstickers were made in Marlow.", "Iowa")


def test_a_figure_counts_the_head_of_what_is_asked() -> None:
    """What a count asked of now must state in a newer telling (developing.Developing._tells_asked)."""
    assert counts_head("… now puts the figure at about 24,100 residents", "people")  # a kind of people
    assert counts_head("the Fed forecast three quarter-point cuts this year", "rate cuts")
    assert not counts_head("Over the last 10 rate hike cycles, the index rose 14.3%", "rate cuts")
    assert not counts_head("Crews finished at 2:15 p.m. Wednesday, restoring service to all homes", "people")
