"""The sentences holding the asked kind, in the order the gate reads them: the asked noun's count, what is asked of
it, a time to come, an hour of the clock, and not a count of another time."""

from __future__ import annotations

from answer_testkit import passage

from assistant.answer.sentences import FEATURES, Sentence
from assistant.answer.typed import asks_next, asks_now, of_the_past, to_come, typed


def sentence_of(text: str, **features: float) -> Sentence:
    """A sentence of one retrieved passage, every ranker feature 0.0 but those given."""
    return Sentence(passage("a", 0.6, text=text), 0, len(text), text, dict.fromkeys(FEATURES, 0.0) | features)


def test_typed_lists_the_sentences_holding_the_asked_kind_and_none_for_an_open_question() -> None:
    from assistant.answer.sentences import FEATURES, Sentence

    def sentence(text: str, holds_type: bool = False) -> Sentence:
        features = dict.fromkeys(FEATURES, 0.0) | {"answer_type": 1.0 if holds_type else 0.0}
        return Sentence(passage("a", 0.6, text=text), 0, len(text), text, features)

    georgia, months = sentence("In 2008 Russia invaded Georgia."), sentence("It went on for three months.")
    scored = [(0.5, georgia), (0.4, months)]
    assert typed(scored, "How many months did the assault last?") == [(0.4, months)]
    assert typed(scored, "Who ordered the assault?") is None
    share = sentence("About 40% were recruited.", holds_type=True)
    assert typed([(0.5, georgia), (0.3, share)], "What share was recruited?") == [(0.3, share)]
    # the kind held in a chunk about another story answers nothing: below the lead, only sentences whose chunk names
    # the question's names count, when the caller can tell
    strikes = sentence("The March strikes hit refineries.", holds_type=True)
    kerch = sentence("The attack on the Kerch Bridge came on Putin's birthday.")
    question = "When was the Kerch Bridge attacked?"

    def names_stated(s: Sentence) -> bool:
        return s is kerch

    assert typed([(0.5, kerch), (0.4, strikes)], question) == [(0.4, strikes)]
    assert typed([(0.5, kerch), (0.4, strikes)], question, names_stated=names_stated) == []
    assert typed([(0.5, strikes), (0.4, kerch)], question, names_stated=names_stated) == [(0.5, strikes)]  # the lead


def test_a_count_of_the_asked_noun_comes_before_a_figure_standing_alone() -> None:
    """"How many states have trigger laws?" led with "two of the state trigger bans" over "13 states"."""
    alone = sentence_of("Most were passed lately, though two of the state trigger bans are older.")
    counted = sentence_of("Legislators in 13 states have passed so-called trigger laws.")
    asked = "How many states have trigger laws?"
    assert typed([(0.8, alone), (0.5, counted)], asked) == [(0.5, counted), (0.8, alone)]


def test_of_the_sentences_holding_the_asked_kind_those_holding_the_asked_words_come_first() -> None:
    """"How much was the Ford verdict?" led with Ford's cash goal, the ranker's best sentence holding a sum."""
    def sentence(text: str) -> Sentence:
        return sentence_of(text, answer_type=1.0)

    cash = sentence("Ford raised its goal for full-year cash to between $9.5 billion and $10 billion.")
    verdict = sentence("Butler conceded that the $1.7 billion verdict is likely to be reduced on appeal.")
    asked = "How much was the Ford verdict?"
    assert typed([(0.8, cash), (0.6, verdict)], asked) == [(0.8, cash), (0.6, verdict)]
    holds = {verdict.text: 1}
    assert typed([(0.8, cash), (0.6, verdict)], asked, holds_asked=lambda s: (0, holds.get(s.text, 0))) == [
        (0.6, verdict), (0.8, cash)
    ]
    # a count of the asked noun still comes first: the asked words decide among equals
    alone = sentence("Most were passed lately, though two of the state trigger bans are older.")
    counted = sentence("Legislators in 13 states have passed so-called trigger laws.")
    holds = {alone.text: 1}
    ordered = typed([(0.8, alone), (0.5, counted)], "How many states have trigger laws?",
                    holds_asked=lambda s: (0, holds.get(s.text, 0)))  # fmt: skip
    assert ordered == [(0.5, counted), (0.8, alone)]
    # among counts of the asked noun, the one stating the question's own names first, then the asked words
    total = sentence("It also plans to cut 85 salaried positions at its headquarters, bringing the total to 425 jobs.")
    plant = sentence("Kessler said it will close its plant in Dunmore, eliminating 340 jobs.")
    stated, holds = {plant.text: 2}, {total.text: 1}
    ordered = typed([(0.85, total), (0.8, plant)], "How many jobs is Kessler cutting in Dunmore?",
                    holds_asked=lambda s: (stated.get(s.text, 0), holds.get(s.text, 0)))  # fmt: skip
    assert ordered is not None and ordered[0][1] is plant
    # asked of now, a sentence of a past year does not come first for its words ("When is Phish playing in Dover?")
    from dataclasses import replace

    def dated(text: str) -> Sentence:
        found = sentence(text)
        candidate = replace(found.candidate, article=replace(found.candidate.article, date="2024-03-01"))
        return replace(found, candidate=candidate)

    festival = dated("Their new festival is in The Woodlands of Dover from Aug. 15 to Aug. 18.")
    then = dated("They played Slade Hall at the University of Vermont on Sept. 27, 1985.")
    holds = {then.text: 1}
    for asked, first in [("When is Phish playing in Dover?", festival), ("When did Phish play Slade Hall?", then)]:
        ordered = typed([(0.8, festival), (0.6, then)], asked, holds_asked=lambda s: (0, holds.get(s.text, 0)))
        assert ordered is not None and ordered[0][1] is first


def test_a_count_of_another_time_does_not_come_first() -> None:
    """"How many people died in the Buffalo snowstorm?" led with "In the 1977 storm, 29 people died …", of a 2022
    article on the storm."""
    from dataclasses import replace

    from assistant.answer.sentences import FEATURES, Sentence

    def sentence(text: str) -> Sentence:
        found = passage("buffalo", 0.6, text=text)
        dated = replace(found, article=replace(found.article, date="2022-12-27"))
        return Sentence(dated, 0, len(text), text, dict.fromkeys(FEATURES, 0.0))

    now = sentence("At least 25 others across 11 US states also have been reported dead in the storm.")
    then = sentence("In the 1977 storm, 29 people died in four days.")
    asked = "How many people died in the Buffalo snowstorm?"
    assert typed([(0.9, now), (0.5, then)], asked) == [(0.9, now), (0.5, then)]
    lately = sentence("In 2022, 29 people died in four days.")
    assert typed([(0.9, now), (0.5, lately)], asked) == [(0.5, lately), (0.9, now)]
    since = sentence("Founded in 2008, the group now counts 29 people dead in the storm.")  # a past year, named only
    assert typed([(0.9, now), (0.5, since)], asked) == [(0.5, since), (0.9, now)]
    # asked of now, a count told of its time comes after one of now ("How many federal holidays are there?")
    five = sentence("Washington's Birthday was at the time one of only five federally-recognized holidays.")
    eleven = sentence("There are 11 federal holidays each year in the U.S.")
    asked = "How many federal holidays are there?"
    assert typed([(0.9, five), (0.6, eleven)], asked) == [(0.6, eleven), (0.9, five)]
    assert typed([(0.9, five), (0.6, eleven)], "How many federal holidays were there?") == [(0.9, five), (0.6, eleven)]


def test_a_sentence_naming_a_year_well_before_its_article_s_is_of_the_past() -> None:
    from assistant.answer.sentences import FEATURES, Sentence
    from assistant.retrieval.candidates import Candidate
    from index.records import StoredArticle, StoredChunk

    def sentence(text: str, day: str) -> Sentence:
        chunk = StoredChunk(id="a:0", article_id="a", start=0, end=len(text), text=text)
        row = StoredArticle("a", "", "", day, "", text, [], 1, 0.0)
        return Sentence(Candidate(chunk, row, dense=0.5), 0, len(text), text, dict.fromkeys(FEATURES, 0.0))

    assert of_the_past(sentence("The band played Slade Hall on Sept. 27, 1985.", "2024-03-01"))
    assert not of_the_past(sentence("The festival runs from Aug. 15, 2024.", "2024-03-01"))
    assert not of_the_past(sentence("Last year's 2023 show sold out.", "2024-03-01"))  # the year before is news
    assert not of_the_past(sentence("The band played Slade Hall in 1985.", ""))  # an undated article
    assert asks_now("When is Phish playing in Dover?") and asks_now("How many federal holidays are there?")
    assert not asks_now("When did Phish play Slade Hall?") and not asks_now("Who was the drummer?")


def test_what_time_is_answered_by_an_hour_of_the_clock_before_a_day() -> None:
    """"What time was the launch?" led with "… launched … on Thursday night" (holding the asked "launch") over "A
    Falcon 9 rocket lifted off … at 5:27 p.m. local time."."""
    day = sentence_of("SpaceX launched 40 internet satellites on Thursday night.", answer_type=1.0)
    hour = sentence_of("A Falcon 9 rocket lifted off from the Cape at 5:27 p.m. local time.", answer_type=1.0)
    holds = {day.text: 1}

    def held(s: Sentence) -> tuple[int, int]:
        return 0, holds.get(s.text, 0)

    ordered = typed([(0.7, day), (0.75, hour)], "What time was the launch?", holds_asked=held)
    assert ordered is not None and ordered[0][1] is hour
    when = typed([(0.7, day), (0.75, hour)], "When was the launch?", holds_asked=held)
    assert when is not None and when[0][1] is day  # "When" asks a day as well as an hour


def test_a_count_stating_what_is_asked_of_it_comes_before_one_stating_none() -> None:
    """"How many people lost power in Tulsa?" led with "Two people died in a crash …": people, but no power. The
    ranker's best holding a count of another noun keeps its place where it says what is asked ("without power"),
    not in a name's words ("Spider-Man" for "How many legs does a spider have?")."""
    died = sentence_of("Two people died in a crash on Interstate 44 that police blamed on the icy roads.")
    power = sentence_of("The ice left about 90,000 homes and businesses without power, the utility said.")
    asked = "How many people lost power in Tulsa?"
    assert typed([(0.6, power), (0.5, died)], asked) == [(0.6, power), (0.5, died)]
    assert typed([(0.6, died), (0.5, power)], asked) == [(0.6, died)]  # another noun's count, below the best
    assert typed([(0.6, power), (0.5, died)], "How many people died in the ice storm?") == [(0.5, died), (0.6, power)]
    minutes = sentence_of("The plane had taken off from Millville about 10 minutes earlier.")  # a measure
    assert typed([(0.6, minutes)], "How many people were on the plane?") == []
    films = sentence_of('The five films nominated include "Spider-Man: Across the Spider-Verse."')
    assert typed([(0.5, films)], "How many legs does a spider have?") == []


def test_a_time_to_come_answers_when_will_before_the_day_of_what_happened() -> None:
    """"When will it get above freezing?" led with the storm's "… ice on Wednesday" over "… would stay below
    freezing until Friday afternoon"; "When did …?" keeps the ranker's order."""
    happened = sentence_of("An ice storm coated the Tulsa area with ice on Wednesday.", answer_type=1.0)
    to_come = sentence_of("Temperatures would stay below freezing until Friday afternoon.", answer_type=1.0)
    ordered = typed([(0.7, happened), (0.6, to_come)], "When will it get above freezing?")
    assert ordered is not None and ordered[0][1] is to_come
    expected = typed([(0.7, happened), (0.6, to_come)], "When is the deal expected to close?")
    assert expected is not None and expected[0][1] is to_come
    past = typed([(0.7, happened), (0.6, to_come)], "When did the ice storm hit?")
    assert past is not None and past[0][1] is happened


def test_what_a_subject_will_do_asks_a_deed_to_come() -> None:
    """"What will Riverton do next?" is answered by "… Riverton would ask the full court to rehear the case"; "would
    have barred" tells what did not come."""
    assert asks_next("What will Riverton do next?") and asks_next("What is the union going to do?")
    assert asks_next("What will the city do next? (appeals court decide)")  # a follow-up: the user's own words
    assert not asks_next("What will it cost?") and not asks_next("What did the city do?")
    assert to_come("The city attorney said Riverton would ask the full court to rehear the case.")
    assert to_come("The heat warning runs through Sunday night.")
    assert not to_come("The ban, passed in March, would have barred rentals of fewer than 30 days.")


def test_a_past_result_is_answered_before_a_forecast() -> None:
    """"how did halcyra systems do last quarter, whats the revenue" led with "For the fourth quarter, Halcyra forecast
    revenue of $5.05 billion …", the ranker's best sum, over the quarter's revenue; a question asking the forecast
    keeps it first."""
    forecast = sentence_of("For the fourth quarter, Halcyra forecast revenue of $5.05 billion.", answer_type=1.0)
    result = sentence_of("Revenue for the quarter ended Sept. 30 rose 9% to $4.87 billion.", answer_type=1.0)
    past = typed([(0.7, forecast), (0.6, result)], "how did Halcyra do last quarter, what's the revenue")
    assert past is not None and past[0][1] is result
    asked = typed([(0.7, forecast), (0.6, result)], "What was the revenue Halcyra forecast?")
    assert asked is not None and asked[0][1] is forecast
    now = typed([(0.7, forecast), (0.6, result)], "What is Halcyra's revenue?")  # not asked of the past
    assert now is not None and now[0][1] is forecast


def test_how_big_is_answered_by_an_area_before_another_figure() -> None:
    """"how big is the ridgeback fire rn" led with "15% contained" and the fire's start; the acres say how big."""
    contained = sentence_of("The Ridgeback Fire was 15% contained as of 6 p.m. Thursday.", answer_type=0.0)
    crews = sentence_of("More than 950 firefighters were assigned to the blaze.", answer_type=1.0)
    acres = sentence_of("A fast-moving wildfire had burned 8,400 acres east of Corvallo Springs.", answer_type=1.0)
    ordered = typed([(0.7, contained), (0.6, crews), (0.5, acres)], "how big is the Ridgeback Fire right now")
    assert ordered is not None and [s for _, s in ordered] == [acres, crews]


def test_how_she_is_is_her_health_and_whether_they_are_safe_their_safety() -> None:
    """"is she ok" is answered by "She was in stable condition", not by her being found alive; "are they all safe
    now" by who was rescued and who is still missing."""
    found = sentence_of("A nurse lost for three nights was found alive Wednesday morning.", answer_type=1.0)
    stable = sentence_of("She was in stable condition Wednesday afternoon, a spokeswoman said.", answer_type=1.0)
    ok = typed([(0.8, found), (0.6, stable)], "is she ok (hiker missing)")
    assert ok is not None and ok[0][1] is stable
    safe = typed([(0.8, found), (0.6, stable)], "are they all safe now")
    assert safe is not None and safe[0][1] is found


def test_a_count_told_of_another_name_comes_after_one_of_the_asked() -> None:
    """"how many homes did the keller ridge fire destroy" led with "… since the 2019 Pell Creek Fire, which burned
    about 11,000 acres and destroyed 23 homes": a figure in a clause told of another name is that name's."""
    other = sentence_of("The Keller Ridge Fire is the largest in Tamsen County since the 2019 Pell Creek Fire, which "
                        "burned about 11,000 acres and destroyed 23 homes.")  # fmt: skip
    own = sentence_of("The fire tore through dry brush on Monday, destroying at least 12 homes, officials said.")
    asked = "how many homes did the Keller Ridge Fire destroy"
    assert typed([(0.9, other), (0.8, own)], asked) == [(0.8, own), (0.9, other)]
    told = sentence_of("The Keller Ridge Fire, which destroyed nine homes, was 85% contained.")  # of the asked name
    assert typed([(0.9, told), (0.8, own)], asked) == [(0.9, told), (0.8, own)]
    # a question naming nothing says not whose count it asks: "Wexford Middle School, which has about 540 students"
    school = sentence_of("Wexford Middle School, which has about 540 students, was closed Thursday.")
    assert typed([(0.9, school), (0.8, own)], "how many students") == [(0.9, school)]
