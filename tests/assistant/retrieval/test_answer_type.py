"""Answer typing: a question that asks for a state, a country, a year or a share prefers passages holding one."""

from __future__ import annotations

import json

import pytest
from answer_testkit import article_service
from index_testkit import open_handles
from pinned_settings import SERVICE_PINNED

from assistant.factory import build_service
from assistant.retrieval.answer_kinds import candidates
from assistant.retrieval.answer_type import AnswerType, expected_type, kind_name, measure_terms
from assistant.service import AnswerService
from assistant.settings import load_settings
from index.embedding import Embedder
from index.updater import update_index


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Which state passed a new law banning children from social media?", "us_state"),
        ("Which US state sued the company?", "us_state"),
        ("Which states will reach a $15 minimum wage for the first time?", "us_state"),  # plural: still states
        ("Which countries signed the accord?", "country"),
        ("The prime minister of which country resigned this week?", "country"),
        ("Which European nation legalised same-sex marriage?", "country"),
        ("What percentage of men report having no close friends?", "percent"),
        ("How much of Russia's budget do sanctions threaten?", "percent"),  # a share of it, not a sum
        ("In what year did the restaurant open?", "year"),
        ("How many people were evacuated?", "number"),
        ("What price did the painting fetch at auction?", "money"),
        ("What was the price of a ticket to the cider festival?", "money"),
        ("What is the cost of the new bridge?", "money"),
        ("How much climate money did Carney propose?", "money"),  # a sum of a kind of money, not any number
        ("How much prize money does the winner get?", "money"),
        ("What did a ticket cost?", "money"),
        ("How much did Ford lose on its self-driving effort?", "money"),
        ("By how much did Kiprono break the record?", "number"),  # a difference: "by 40 seconds"
        ("How much will taxes go up?", "number"),  # a change: "by 3 percent"
        ("how much is tuition going up", "number"),  # the progressive too: "… raise in-state tuition by 6.5%"
        ("How much does the painting weigh?", "weight"),  # a weight, not its worth
        ("How heavy was the meteorite?", "weight"),
        ("how much weight did the walkers lose", "weight"),  # a weight, not any figure
        ("how tall is okoro", "height"),  # a height, not any number
        ("and when will it be fully open", "time"),  # a follow-up going on from the last asks as the question does
        ("so how many were hurt", "number"),
        ("What is the tower's height?", "height"),
        ("What time do classes begin now?", "time"),  # an hour of the clock
        ("What is the time of the game?", None),
        ("What was Tadesse's time?", "length"),  # a race's time: how long it took
        ("What was the winning time?", "length"),
        ("What did the cost-cutting plan include?", None),  # a cost named, not asked
        ("What is the cost of living doing to families?", None),
        ("Which month is the election held in?", "month"),
        ("When did Prigozhin die?", "time"),
        ("Wagner's founder died in a crash. When was it?", "time"),
        ("On what date was the ceasefire signed?", "time"),
        ("How old was Carter when he entered hospice?", "age"),  # "when" inside the question asks nothing
        ("What was the vote?", "tally"),
        ("What is his name?", "name"),
        ("What was the boy's full name?", "name"),
        ("What is the name of the bill?", None),  # a thing's name may be one word, or in quotes
        ("What is the name of the 4-year-old boy from Lewes who will throw the first pitch?", "name"),
        ("By what margin did the bill pass?", "tally"),
        ("Who founded Wagner?", None),
        ("What did the council approve?", None),
    ],
)
def test_the_question_wording_names_the_kind_of_answer(question: str, kind: str | None) -> None:
    assert expected_type(question) == kind


def test_a_date_is_a_time_as_news_abbreviates_it() -> None:
    """"McDonald's will offer a Double Big Mac beginning Jan. 24" held no time, so "When does the Double Big Mac come
    out?" (news-dev) was refused: news cuts a month's name short before its day."""
    dated = "It goes on sale beginning Jan. 24, closes Sept. 3 and reopens Dec.5 in 2025."
    assert candidates(dated, "time") == {"jan. 24", "sept. 3", "dec.5", "2025"}
    assert AnswerType.of("When does the Double Big Mac come out?").match("McDonald's will offer it beginning Jan. 24")
    assert candidates("The jan. 24 meeting and Dec. numbers", "time") == set()  # a capital and a day make the date


def test_a_country_the_question_names_is_no_answer_under_another_of_its_names() -> None:
    """"Which country eats more seafood than the US?" (news-smoke) led with a quote on "our food system in America",
    above "The U.S. is second only to China in seafood consumption.": America is the US the question names."""
    asked = AnswerType.of("Which country eats more seafood than the US?")
    assert asked.match("We could self-correct the damage we've done to our food system in America.") == 0.0
    assert asked.match("The U.S. is second only to China in seafood consumption.") == 1.0
    assert AnswerType.of("Which country left the UK's side?").match("Britain and France signed it.") == 1.0  # France


def test_a_name_is_two_capitalised_words_or_more_not_opening_a_sentence() -> None:
    """"What is his name?" after a Lewes boy's first pitch led with the pitch, which names no one."""
    assert candidates("Zeke Clark's surgery has been postponed.", "name") == {"zeke clark's"}
    assert candidates("Before Rolando Williamson evolved into a drug kingpin", "name") == {"rolando williamson"}
    assert candidates("The Phillies' opener was postponed; a Lewes boy will pitch.", "name") == set()
    asked = AnswerType.of("What is his name? (Lewes boy throwing first pitch Phillies')")
    assert asked.match("A Lewes 4-year-old will throw the first pitch at the Phillies' opener Friday.") == 0.0


def test_a_score_is_a_result_not_a_record_a_season_or_a_date() -> None:
    for question in ("What was the final score of the game?", "By what score did Rider win?"):
        assert expected_type(question) == "score" and kind_name(question) == "a score"
    assert candidates("Caden Pierce scored 21 points in Princeton's 84-82 win.", "score") == {"84-82"}
    assert candidates("Davis scored 28 in Delaware's 88-85 overtime loss.", "score") == {"88-85"}
    assert candidates("The Chiefs beat the 49ers 25-22 in overtime.", "score") == {"beat the 49ers 25-22"}
    assert candidates("They held on, eventually beating Tulane 88-77.", "score") == {"beating tulane 88-77"}
    for text in ("Princeton Tigers (11-1) at Delaware (8-4)", "They are 2-1 in home games.", "the 2023-24 season"):
        assert candidates(text, "score") == set()


def test_a_tally_is_a_vote_s_not_a_date_range() -> None:
    """"What was the vote?" after the House's assault weapons ban (news-dev): "The final vote was 217-213."."""
    wanted = AnswerType.of("What was the vote?")
    assert kind_name("What was the final vote?") == "a vote's tally"
    for text in (
        "The final vote was 217-213.",
        "Legislators approved the measure Wednesday by a vote of 352 to 65.",
        "The court ruled in a 6-3 decision.",
        "The bill passed unanimously.",
    ):
        assert wanted.match(text) == 1.0, text
    for text in ("The poll was conducted Jan. 7-12 and has a margin of error.", "The House voted Friday evening."):
        assert wanted.match(text) == 0.0, text


def test_by_how_many_votes_asks_the_margin_not_the_counts() -> None:
    """"by how many votes" after a recount led with "The final tally was 8,412 votes for Vasquez-Thorne and 8,389 for
    Lindqvist", where the lede gives the margin ("… widened her lead to 23 votes")."""
    for question in ("by how many votes", "How many votes did she win by?"):
        assert expected_type(question) == "tally", question
    assert expected_type("how many votes did she get") == "number"
    assert expected_type("How many points did the Tides win by?") == "number"  # a game's score answers it
    margin = AnswerType.of("by how many votes")
    for text in ("The recount slightly widened her lead to 23 votes.", "She won by a 19-vote margin.",
                 "Harnett won by 312 ballots."):  # fmt: skip
        assert margin.match(text) == 1.0, text
    assert margin.match("The final tally was 8,412 votes for Vasquez-Thorne and 8,389 for Lindqvist.") == 0.0


def test_a_length_is_how_long_not_when_or_how_old() -> None:
    """"For how long?" after the FTC's ban on Rite Aid (news-smoke) led with "… more than three years ago"."""
    wanted = AnswerType.of("For how long?")
    assert wanted.match("The ban is to last five years.") == 1.0
    assert wanted.match("The extension would run 10 miles.") == 1.0
    for text in ("It stopped using the technology more than three years ago.", "An 11-year-old girl was searched."):
        assert wanted.match(text) == 0.0, text
    # one unit said as a span: "How long is Richard Callery's probation?" (news-smoke)
    assert wanted.match("He was sentenced to about a year probation Friday.") == 1.0
    assert wanted.match("The plant was shut for a decade.") == 1.0
    for text in ("A year later, the plant reopened.", "He was paid $50,000 a year.", "It opened over a year ago."):
        assert wanted.match(text) == 0.0, text
    # a time said from another, in several units too: "How long will it take to rebuild? (Key Bridge)" over news-dev
    # led with "Three years and four months later, the mayor's phone rang"
    for text in ("Three years and four months later, the mayor's phone rang.", "Two days later, he resigned."):
        assert wanted.match(text) == 0.0, text
    assert candidates("He served three years and four months in prison.", "length") == {"three years", "four months"}
    # a span after "for" says how long whatever follows: "How long did the jury deliberate?" led with "… over six
    # years", above "The jury deliberated for about five hours before returning the verdict"
    assert wanted.match("The jury deliberated for about five hours before returning the verdict.") == 1.0
    assert wanted.match("He left three years before the war.") == 0.0


def test_a_weight_is_a_figure_in_units_of_weight_and_a_race_s_time_how_long() -> None:
    """"How much does the painting weigh?" was answered with "the painting is worth about $400,000" (any number),
    and "What was Tadesse's time?" with "Tadesse finished second" (no kind asked)."""
    weight = AnswerType.of("How much does the painting weigh?")
    assert weight.match("The canvas weighs about 20 pounds.") == 1.0
    assert weight.match("The 3-ton statue was moved.") == 1.0
    assert weight.match("The painting is worth about $400,000 today.") == 0.0
    time = AnswerType.of("What was Mutua's time?")
    assert time.match("Grace Mutua of Kenya won in 2:21:45.") == 1.0
    assert time.match("He won in 2 hours, 6 minutes and 12 seconds.") == 1.0
    assert time.match("Ethiopia's Lemi Tadesse finished second.") == 0.0
    assert kind_name("How heavy is it?") == "a weight"


def test_a_height_is_a_figure_in_feet_or_meters() -> None:
    """"how tall is okoro" was answered with "Okoro, a junior guard from Westbrook, made 17 of 26 shots …" (any
    number): no article gives her height."""
    height = AnswerType.of("how tall is okoro")
    assert height.match("The 6-foot-2 guard scored 48 points.") == 1.0
    assert height.match("She stands 6 feet 2 inches.") == 1.0
    assert height.match("The tower rises 330 meters over the city.") == 1.0
    assert height.match("Okoro made 17 of 26 shots from the field.") == 0.0
    assert kind_name("How tall is she?") == "a height"


def test_a_score_reads_past_a_seed_s_full_stop() -> None:
    text = "The No. 3-seeded Detroit Lions defeated the No. 6 Los Angeles Rams, 24-23, Sunday."
    assert AnswerType.of("What was the score?").match(text) == 1.0


def test_an_age_is_what_news_writes_for_one() -> None:
    """"How old is he?" after "Who is Willis Gibson?" (news-smoke) was refused: "Willis Gibson, 13, of Stillwater"
    never says "old", and an age is what it asks for."""
    wanted = AnswerType.of("How old is Queen Margrethe?")
    assert wanted.kind == "age" and kind_name("How old is he?") == "an age"
    for text in ("The 82-year-old monarch", "Willis Gibson, 13, of Stillwater", "her death at the age of 96",
                 "the children, ages 4 and 7, were trapped"):
        assert wanted.match(text) == 1.0
    assert wanted.match("during the confirmation of Princess Isabella in 2021") == 0.0
    # a thing's age in hundreds of years or more, "ago" too; not a time in someone's life
    for text in ("tracks from around 113 million years ago", "a 2,000-year-old tomb", "built 300 years ago"):
        assert wanted.match(text) == 1.0, text
    assert wanted.match("He moved to Paris 13 years ago.") == 0.0
    # a birthday ("How old is he?" after "Who is Mr. Celery?", news-smoke), not a share turned
    assert wanted.match("With Mr. Celery turning 21 this summer, he's finally old enough to drink.") == 1.0
    assert wanted.match("Support turned 40 percent against the plan.") == 0.0
    # an obituary's, and a beginning's year with nothing between it and its verb
    for text in ("She was 94.", "He was 52 when he died.", "Longtime librarian dies at 94", "which opened in 1926",
                 "the pipe was installed in 1958"):  # fmt: skip
        assert wanted.match(text) == 1.0, text
    for text in ("He died at 3 p.m.", "She was 94 percent sure.", "Brandt started the company in his garage in 1987"):
        assert wanted.match(text) == 0.0, text


def test_a_count_question_is_answered_by_a_count_in_words_too() -> None:
    """News writes small counts as words (AP style): "How many tornadoes were confirmed in Texas?" over news-smoke
    did not weigh "At least five tornadoes were confirmed in Texas" as holding a count, so it was in no passage."""
    wanted = AnswerType.of("How many tornadoes were confirmed in Texas?")
    assert (wanted.kind, wanted.words) == ("number", True)
    assert wanted.match("At least five tornadoes were confirmed in Texas on Tuesday.") == 1.0
    assert wanted.match("There could have been as many as 12 tornadoes.") == 1.0
    given = AnswerType.of("How many of the five tornadoes hit Tarrant County?")
    assert given.match("Five tornadoes struck.") == 0.0 and given.match("Three hit Tarrant County.") == 1.0
    assert not AnswerType.of("How old is Queen Margrethe?").words  # an age: a figure as written
    assert AnswerType.of("How many flights were canceled?").match("Thousands of flights were canceled.") == 0.0


def test_only_a_candidate_the_question_lacks_counts() -> None:
    wanted = AnswerType.of("Which state besides Texas passed the law?")
    assert (wanted.kind, wanted.asked) == ("us_state", frozenset({"texas"}))
    assert wanted.match("Texas passed the law in May.") == 0.0
    assert wanted.match("Florida passed the law after Texas did.") == 1.0
    assert AnswerType.of("Who passed the law?").match("Florida passed the law.") == 0.0


LAW = "Lawmakers passed a law banning children under 14 from having social media accounts"


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> AnswerService:
    """A real index (the session's real model) of two reports on one law; only one of them says where it passed."""
    root = tmp_path_factory.mktemp("answer-type")
    rows = [
        {"id": "vague", "url": "https://news.example/2024/03/25/law", "title": "Social media law for children",
         "text": f"{LAW}, a social media law for children. Parents and children reacted to the social media law. "
                 "Critics of the law said it would be hard to enforce for children."},
        {"id": "named", "url": "https://news.example/2024/03/25/florida", "title": "Governor signs bill",
         "text": f"{LAW} in Florida on Monday. The governor signed the bill after a long debate. "
                 "It takes effect next year, officials said."},
    ]  # fmt: skip
    (root / "articles").mkdir()
    (root / "articles" / "feed.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    settings = load_settings(**(SERVICE_PINNED | {"data_dir": root / "data", "articles_dir": root / "articles"}))
    handles = open_handles(settings, embedder)
    assert update_index(handles).added == 2
    return build_service(settings, handles)


def test_the_passage_naming_a_state_ranks_first_for_a_which_state_question(service: AnswerService) -> None:
    question = "Which state passed a social media law banning children from having accounts?"
    retrieval = service.retrieve(question, top_k=4)
    top = retrieval.passages[0].chunk
    assert top.article_id == "feed#named" and "Florida" in top.text
    features = {c.chunk.article_id: c.features["answer_type"] for c in retrieval.chunks}
    assert features == {"feed#named": 1.0, "feed#vague": 0.0}
    response = service.ask(question)
    assert not response.refused and "Florida" in response.answer


def test_the_measure_a_question_asks_for_is_its_frame_not_its_topic() -> None:
    """A passage answers "how long/far/often/soon" with a figure, not by repeating the word."""
    assert measure_terms("How long did the blitz last?") == {"long", "last"}
    assert measure_terms("How long will the strike take?") == {"long", "take"}
    assert measure_terms("How many hours did the blitz last?") == {"last"}  # "many" stays: measured
    assert measure_terms("How many people did the strike take?") == set()  # no time counted: "take" is asked
    assert measure_terms("How far is Rostov from the front?") == {"far"}
    assert measure_terms("How often do the drones strike?") == {"often"}
    assert measure_terms("Who won the last election?") == set()  # "last" frames only "how long ... last?"
    assert measure_terms("How old is the minister?") == set()  # news writes "a 37-year-old"
    assert measure_terms("How many people died?") == set()  # kept: measured on news-dev


@pytest.mark.parametrize(
    ("question", "kind", "answering", "not_answering"),
    [
        ("How long did the blitz last?", "length", "part of a 72-hour blitz", "a blitz on Rostov"),
        ("How long did the trial last?", "length", "a trial of three weeks", "one day, the trial began"),
        ("How long has he been in power?", "length", "in power since 2000", "a symbol of the Putin era"),
        ("How long was the whale jawbone?", "length", "the 16-foot jawbone", "the jawbone of a whale"),
        ("How far is Rostov from Moscow?", "distance", "about 1,000 km south of Moscow", "south of Moscow"),
        ("How often does Ukraine strike Rostov?", "frequency", "strikes nearly every night", "the March strikes"),
        ("How soon could the war end?", "soon", "it could end within weeks", "the annexation in 2014"),
        ("How soon will the bridge reopen?", "soon", "it reopens by the end of the year", "a 72-hour closure"),
    ],
)
def test_how_long_far_often_and_soon_are_answered_by_a_figure_with_its_unit(
    question: str, kind: str, answering: str, not_answering: str
) -> None:
    wanted = AnswerType.of(question)
    assert wanted.kind == kind
    assert wanted.match(answering) == 1.0 and wanted.match(not_answering) == 0.0


@pytest.mark.parametrize(
    ("question", "name"),
    [
        ("What has the Kremlin's spokesman claimed?", "anything the Kremlin's spokesman said"),
        ("Who is the CEO of Tesla?", "the name of the CEO of Tesla"),
        ("Who is the fire chief?", "the name of the fire chief"),
        ("When did Prigozhin die?", "a date or time"),
        ("How many drones did Ukraine launch?", "a count"),
        ("Who founded Wagner?", ""),  # asks for no kind
    ],
)
def test_a_kind_of_answer_is_named_for_saying_none_is_given(question: str, name: str) -> None:
    assert kind_name(question) == name


storms = article_service("storms")  # a storm report that spells its count, as news style does.


def test_a_count_in_words_leads_the_answer_to_how_many(storms: AnswerService) -> None:
    """"How many tornadoes were confirmed in Texas?" is answered by "At least five tornadoes …", not by a sentence
    holding other figures."""
    response = storms.ask("How many tornadoes were confirmed in Texas?")
    assert not response.refused and response.citations[0].quote.startswith("At least five tornadoes were confirmed")


def test_a_team_s_record_is_asked_for_not_a_record_time_or_crowd() -> None:
    assert expected_type("what's their record") == "record"
    assert expected_type("What is Port Adair's record this season?") == "record"
    assert expected_type("What was the record time?") == "length"
    assert expected_type("What was the record crowd?") is None


def test_how_big_asks_a_size_and_a_court_s_sentence_a_penalty() -> None:
    assert expected_type("how big is the Ridgeback Fire right now") == "size"
    assert expected_type("What size is the new wing?") == "size"
    assert expected_type("How many acres has it burned?") == "number"  # a count of acres
    assert expected_type("what sentence did travis Maddox get") == "penalty"
    assert expected_type("What was she sentenced to?") == "penalty"
    assert expected_type("When is he sentenced?") == "time"
    assert expected_type("How long was the treasurer sentenced to?") == "length"
    assert expected_type("what sentence hearing is next") is None
    assert expected_type("how much prison time is he looking at") == "penalty"  # "… faces up to 10 years in prison"
    assert expected_type("how close did they drill to it") == "distance"  # "… within about three feet of the main"
    assert expected_type("whats vasko's salary as mayor".replace("whats", "what's")) == "money"  # a person's pay
    assert expected_type("What was his pay?") == "money" and expected_type("What is the pay gap?") is None


def test_what_someone_is_accused_of_asks_a_charge() -> None:
    """"what is the brenick falls mayor accused of" led with his lawyer's quote on "these accusations"."""
    for asked in ("what is the Brennick Falls mayor accused of", "what's he charged with", "What charges does he face?",
                  "what's he charged with (Vasko mayor)", "What was she convicted of?"):  # fmt: skip
        assert expected_type(asked) == "charge", asked
    assert expected_type("Who was charged?") is None  # the one charged
    assert expected_type("how many counts does he face") == "number"


def test_how_someone_died_asks_a_cause_of_death() -> None:
    """"what did he die of", "How did she die?": the cause ("… said the cause was complications of pneumonia"), which
    a passage holds as a kind of answer; not "when did he die" or "how many people died"."""
    for asked in ("what did he die of", "How did she die?", "what killed her", "What was the cause of death?",
                  "what was his cause of death"):  # fmt: skip
        assert expected_type(asked) == "death_cause", asked
    assert expected_type("when did he die") == "time" and expected_type("how many people died") == "number"
    wanted = AnswerType.of("what did he die of")
    assert wanted.match("His son Calvin Merriweather said the cause was complications of pneumonia.")
    assert not wanted.match("Otis Merriweather died Sunday at his home in New Carlisle.")


def test_what_to_do_asks_advice() -> None:
    """"i have one on my counter, what do i do" led with a safety advocate's words on counters; news tells its
    readers what to do with "should" or "urged … to", not with "should have" (a reproach, or what is expected)."""
    for asked in ("i have one on my counter, what do i do", "What should I do if I bought it?",
                  "What should owners do?", "how do i keep my kids from catching the stomach bug"):  # fmt: skip
        assert expected_type(asked) == "advice", asked
    assert expected_type("what did they do") is None
    wanted = AnswerType.of("what do i do")
    assert wanted.match("Consumers should immediately stop using the recalled air fryers.")
    assert wanted.match("Brenner urged families to wash hands frequently with soap and water.")
    assert not wanted.match("Kalb said the city should have drawn more heavily from its reserve fund.")
    assert not wanted.match("Most customers should have power back within several days.")


def test_how_someone_is_asks_their_condition() -> None:
    """"is she ok", "how are the ones they found doing": a state the articles tell ("in stable condition"), not a
    company's results ("how is Halcyra doing")."""
    for asked in ("is she ok", "are they all safe now", "how are the ones they found doing",
                  "how's the kid who wasn't on the crew list doing", "What is his condition?",
                  "the bird flu case in the dairy worker, how is the person doing"):  # fmt: skip
        assert expected_type(asked) == "condition", asked
    assert expected_type("how is Halcyra doing") is None
    assert expected_type("hows he doing this season") is None  # a player's season, told by his stats
    assert expected_type("is it safe to drink the water") is None


def test_a_company_s_takings_ask_a_sum() -> None:
    assert expected_type("how did Halcyra do last quarter, what's the revenue") == "money"
    assert expected_type("What were Halcyra's quarterly sales?") == "money"
    assert expected_type("What is the revenue forecast?") is None  # a forecast's figure may be a share


def test_how_the_stock_reacted_asks_how_its_shares_moved() -> None:
    """"howd the stock react", "what did the stock do after the report" and "what happened to the stock after" led with
    an analyst rating the stock, a buyback or where the shares stood before the report."""
    for question in ("how did the stock react", "what did the stock do after the report",
                     "what happened to the stock after", "What was the market reaction?"):  # fmt: skip
        assert expected_type(question) == "market", question
    assert expected_type("how many shares did he sell") == "number"
    moved = AnswerType.of("how did the stock react")
    for text in ("Shares of the Porthaven-based cloud software and networking company fell 11.4% to $83.20.",
                 "The stock closed up 1.2% at $73.45.", "Its shares were down 40 cents in early trading."):  # fmt: skip
        assert moved.match(text) == 1.0, text
    for text in ('Priya Venn, who rates the stock "hold," said investors expected cuts.',
                 "The board approved a new $3 billion share buyback program."):  # fmt: skip
        assert moved.match(text) == 0.0, text
    assert kind_name("how did the stock react") == "how the shares moved"
