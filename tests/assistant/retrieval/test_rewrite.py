"""The follow-up rewrite works from the conversation alone, without an LLM."""

from __future__ import annotations

import shutil

import pytest
from index_testkit import open_handles
from news_collection import write_feed
from pinned_settings import SERVICE_PINNED

from assistant.factory import build_service
from assistant.retrieval.config import FollowUp
from assistant.retrieval.framing import unframe
from assistant.retrieval.rewrite import (
    asked_part,
    carried_part,
    is_follow_up,
    last_lead,
    names_nothing,
    other_reading,
    read_leads,
    rewrite,
    story_only,
)
from assistant.schemas import Turn
from assistant.service import AnswerService
from assistant.settings import PROJECT_ROOT, load_settings
from index.embedding import Embedder
from index.updater import update_index

HISTORY = [
    Turn(role="user", content="Who founded Wagner?"),
    Turn(role="assistant", content="Wagner founder Yevgeny Prigozhin has pushed Putin to take extreme measures. [1]"),
]


def test_pronoun_follow_up_gets_the_topic_and_the_named_answer() -> None:
    rewritten = rewrite("Which city did his forces assault?", HISTORY, FollowUp())
    assert rewritten.startswith("Which city did his forces assault?")
    assert "Wagner" in rewritten and "Yevgeny Prigozhin" in rewritten


def test_a_chain_of_follow_ups_keeps_the_established_entities() -> None:
    history = [
        *HISTORY,
        Turn(role="user", content="Which city did his forces assault?"),
        Turn(role="assistant", content="Wagner-led forces assaulted Bakhmut in Donetsk. [1]"),
    ]
    rewritten = rewrite("When did they withdraw?", history, FollowUp())
    assert "Wagner" in rewritten and "Prigozhin" in rewritten and "Bakhmut" in rewritten


def test_a_chain_carries_its_opening_words_and_names_not_each_follow_up_s_asked_words() -> None:
    """"whats his bail", fifth in a conversation on a burglary arrest, carried "police catch many places break old"
    from the follow-ups before it, and the sentence on his bail was not among the candidates."""
    history = [
        Turn(role="user", content="who got arrested for the lakeport burglaries"),
        Turn(role="assistant", content="Police arrested Derek Voss, a Lakeport man. [1]"),
        Turn(role="user", content="how old is he"),
        Turn(role="assistant", content="Police arrested a 34-year-old Lakeport man. [1]"),
        Turn(role="user", content="how did police catch him"),
        Turn(role="assistant", content="A pawn shop worker in Elkton recognized a stolen chainsaw. [1]"),
    ]
    rewritten = rewrite("whats his bail", history, FollowUp())
    carried = carried_part(rewritten).split()
    assert rewritten.startswith("what's his bail (")
    assert {"arrested", "lakeport", "burglaries"} <= {w.lower() for w in carried}  # the opening question's
    assert "catch" in carried and "old" not in carried  # the last question's own words, not those before it
    assert "Voss" in rewrite("what's his bail", history[:4], FollowUp())  # a name the conversation established


def test_a_chain_whose_every_question_points_back_carries_its_first_question_s_words() -> None:
    """"how many ppl had to leave their homes", third after "how many cars came off the tracks in that breckton train
    derailment" ("that" points back) and "what was leaking", carried only "leaking": no question opened the chain, so
    none of its words ("breckton", in lower case, no name) went on. The conversation's first question opens it."""
    history = [
        Turn(role="user", content="how many cars came off the tracks in that breckton train derailment"),
        Turn(role="assistant", content="Twenty-three cars of the 94-car train left the tracks. [1]"),
        Turn(role="user", content="what was leaking"),
        Turn(role="assistant", content="A freight train derailed before dawn Tuesday, spilling a chemical. [1]"),
    ]
    carried = carried_part(rewrite("how many ppl had to leave their homes", history, FollowUp())).split()
    assert {"breckton", "train", "derailment"} <= set(carried)


def test_words_typed_around_a_question_carry_no_topic() -> None:
    """"ok but how much did they actually make" carried "ok" and "actually" down the conversation."""
    history = [
        Turn(role="user", content="ok but how much did they actually make"),
        Turn(role="assistant", content="Halcyra earned $1.44 per share. [1]"),
    ]
    carried = carried_part(rewrite("what about next quarter", history, FollowUp())).split()
    assert "earn" in carried and not {"ok", "actually"} & set(carried)


def test_it_is_what_the_last_answer_leads_with_and_he_anyone_it_names() -> None:
    """"Why did it collapse?" after the Baltimore bridge's dead (news-dev) carried "COVID" from the answer's third
    sentence: a thing "it" points to is the last question's or the answer's lead's; "he" may be named anywhere."""
    history = [
        Turn(role="user", content="How many people died on the Baltimore bridge?"),
        Turn(role="assistant", content="The nearly 50,000 people who die of gun violence every year. [1] One person "
             "out of every 300 in your city having died of COVID. [2]"),
    ]  # fmt: skip
    it = rewrite("Why did it collapse?", history, FollowUp())
    assert "bridge" in it and "COVID" not in it
    assert "COVID" in rewrite("Why did he collapse?", history, FollowUp())


def test_he_is_the_doer_of_the_topic_s_verb_before_one_named_after_it() -> None:
    """"whats his main argument" after "and the dissent?" carried "Justice Elena Sandoval-Park", named after the topic
    word "dissent", over "Justice Clifford Rowe", who "wrote" it."""
    history = [
        Turn(role="user", content="who wrote for the majority"),
        Turn(role="assistant", content="Writing for the majority, Justice Miriam Achterberg said the law stands. [1]"),
        Turn(role="user", content="and the dissent?"),
        Turn(role="assistant", content="Justice Clifford Rowe wrote the dissent, joined by Justice Elena Sandoval-Park."
             " [1]"),
    ]  # fmt: skip
    carried = carried_part(rewrite("whats his main argument", history, FollowUp()))
    assert "Clifford Rowe" in carried and "Sandoval-Park" not in carried


def test_she_is_no_place_the_answer_names() -> None:
    """"how many ppl ended up searching for her" after "She was in stable condition …" carried "Granite Notch Trail",
    the one name of the answer beyond its lead, and was answered with a sentence on the trail."""
    history = [
        Turn(role="user", content="any update on the hiker missing on mount tessaly?"),
        Turn(role="assistant", content="A nurse lost on Mount Tessaly was found alive Wednesday morning. [1]"),
        Turn(role="user", content="is she ok"),
        Turn(role="assistant", content="She was in stable condition, a spokeswoman said. [1] Her sister said she is an "
             "experienced hiker who has climbed the Granite Notch Trail a dozen times. [2]"),
    ]  # fmt: skip
    carried = carried_part(rewrite("how many ppl ended up searching for her", history, FollowUp()))
    assert "tessaly" in carried.lower() and "Granite" not in carried


def test_what_the_user_asked_is_the_follow_up_without_the_conversation_s_words() -> None:
    rewritten = rewrite("Which city did his forces assault?", HISTORY, FollowUp())
    assert asked_part(rewritten) == "Which city did his forces assault?"
    # a question's own brackets stay: only what rewrite() put at the very end goes
    own = "Which streaming service signed a deal with World Wrestling Entertainment (WWE)?"
    assert asked_part(own) == own


def test_standalone_question_is_left_alone() -> None:
    question = "What did Turkey shoot down over Syria in 2015?"
    assert not is_follow_up(question)
    assert rewrite(question, HISTORY, FollowUp()) == question


def test_no_history_means_no_rewrite() -> None:
    assert rewrite("Which city did his forces assault?", [], FollowUp()) == "Which city did his forces assault?"


@pytest.mark.parametrize(
    ("asked", "unframed"),
    [
        ("Can you show me what happened in Kharkiv?", "what happened in Kharkiv?"),
        ("I'd like to know who founded Wagner", "who founded Wagner"),
        ("Please tell me: who runs Wagner?", "who runs Wagner?"),
        ("Tell me about Kharkiv.", "about Kharkiv."),  # a name after "about" is not a sentence's first word
        ("Do you know whether Putin will use nuclear weapons?", "whether Putin will use nuclear weapons?"),
        ("According to my articles, who founded Wagner?", "who founded Wagner?"),  # "my" is not about the asker
        ("Who founded Wagner, according to the news?", "Who founded Wagner?"),
        ("In my articles, who is Kadyrov?", "who is Kadyrov?"),
        ("In the reports on Kharkiv, who won?", "In the reports on Kharkiv, who won?"),  # "in" names a source only so
        ("What do we know about Baykar?", "about Baykar?"),
        ("What do I need to know about Baykar?", "about Baykar?"),
        ("Can I ask who founded Wagner?", "who founded Wagner?"),
        ("Give me the key points about Russia's economy.", "about Russia's economy."),  # was asked of "key points"
        ("What are the main points of the peace plan?", "of the peace plan?"),
        ("Is there anything about Baykar?", "about Baykar?"),
        ("Hi, what happened in Kharkiv?", "what happened in Kharkiv?"),  # a greeting before the question
        ("thanks. who is Kadyrov?", "who is Kadyrov?"),
        ("Hello Kitty sales?", "Hello Kitty sales?"),  # a name, not a greeting: no punctuation or question follows
        ("Are there any articles on Kadyrov?", "on Kadyrov?"),
        ("Any news about Turkey?", "about Turkey now?"),  # asked of now (latest_tie)
        ("Is there a deal on the table?", "Is there a deal on the table?"),  # asks whether there is a deal
        ("What do my articles say about the Kerch bridge?", "about the Kerch bridge?"),
        ("Tell me a joke about penguins.", "Tell me a joke about penguins."),  # a task, not a frame
        ("Tell me", "Tell me"),  # nothing left to ask
        ("Who founded Wagner?", "Who founded Wagner?"),
        ("What is the latest news on Wagner?", "on Wagner now?"),
        ("What's the latest on the peace talks?", "on the peace talks now?"),
        ("List the cities that were hit.", "Which cities were hit?"),
        ("Please name the automaker that recalled 112,000 vehicles", "Which automaker recalled 112,000 vehicles?"),
        ("List all of the candidates who dropped out", "Which candidates dropped out?"),
    ],
)
def test_the_request_around_a_question_is_dropped(asked: str, unframed: str) -> None:
    assert unframe(asked) == unframed
    assert rewrite(asked, [], FollowUp()) == unframed


def test_a_question_naming_nothing_is_read_in_the_conversation_and_the_other_way_round() -> None:
    """"How many stores will close?" after a Rite Aid answer (news-smoke) was read alone and answered with
    Walgreens' closures: a question naming nothing is about what the conversation is about. other_reading() gives
    the reading rewrite() did not: alone for such a question, in the conversation for one naming something."""
    nameless = "Which city did the forces assault?"
    assert names_nothing(nameless)
    with_context = rewrite(nameless, HISTORY, FollowUp())
    assert with_context == f"{nameless} (founded Wagner)"  # no pronoun: the story's words, not the answer's names
    assert other_reading(nameless, HISTORY, FollowUp()) == nameless
    named = "Which city did Kadyrov's forces assault?"
    assert not names_nothing(named) and rewrite(named, HISTORY, FollowUp()) == named
    carried = other_reading(named, HISTORY, FollowUp())
    assert carried is not None and carried.startswith(named) and "Wagner" in carried
    assert other_reading(named, [], FollowUp()) is None  # no conversation
    assert other_reading("Which city did his forces assault?", HISTORY, FollowUp()) is None  # means nothing alone
    # "and" before a whole question: alone, it asks of the conversation's whole story, not the last question's part
    alone = other_reading("and how many ppl still dont have power", HISTORY, FollowUp())
    assert alone == "How many people still don't have power"
    assert other_reading("and out of state students?", HISTORY, FollowUp()) is None  # no question after "and"
    assert other_reading("and how old is he", HISTORY, FollowUp()) is None  # points back
    # one word of topic: alone when it names a thing ("the parade"), never when it asks only of the story
    assert other_reading("when's the parade", HISTORY, FollowUp()) == "when's the parade"
    assert other_reading("Who was killed?", HISTORY, FollowUp()) is None
    # A name or figure may be typed in lower case, or in capitals: such a question is not taken to name nothing.
    assert not names_nothing("which city did wagner assault?") and not names_nothing("WHICH CITY FELL?")
    assert not names_nothing("What happened in 2015?") and not names_nothing('What does "one people" mean?')


def test_only_a_question_naming_nothing_has_the_conversation_say_no_more_than_its_story() -> None:
    assert story_only("Which rail junctions were hit? (July 23 2025 drone strike Rostov)")
    assert not story_only("Which rail junctions were hit?")  # asked on its own
    assert not story_only("Who promoted him? (Kadyrov argue Wagner)")  # "him" is the conversation's
    assert not story_only("How did China react? (Pelosi say Taiwan)")  # a name of its own, carried on a refusal


def test_a_framed_follow_up_is_still_a_follow_up() -> None:
    rewritten = rewrite("Can you tell me which city his forces assaulted?", HISTORY, FollowUp())
    assert rewritten.startswith("which city his forces assaulted?") and "Prigozhin" in rewritten


def test_the_follow_up_settings_decide_which_names_join() -> None:
    """retrieval.follow_up's numbers are the rule's: no names kept, or a reach shorter than the gap, adds none."""
    question = "Which city did his forces assault?"
    assert "Yevgeny Prigozhin" in rewrite(question, HISTORY, FollowUp())  # 'founder' (~ 'founded') is next to it
    assert "Prigozhin" not in rewrite(question, HISTORY, FollowUp(names_kept=0))
    close = FollowUp(name_reach=0, lead_reach=0)
    assert "Prigozhin" not in rewrite(question, HISTORY, close)  # one space from 'founder'
    assert "Prigozhin" not in rewrite(question, HISTORY, FollowUp(topic_word_min=8))  # 'founded', 'Wagner': too short
    assert "Wagner" in rewrite(question, HISTORY, FollowUp(names_kept=0))  # the topic words stay


def test_elliptic_follow_ups_are_detected() -> None:
    assert is_follow_up("And Kadyrov?")
    assert is_follow_up("What about the bridge?")
    assert is_follow_up("When?")
    # a question word with its "is" is no topic: "when's the service" after an obituary asks of its story
    assert is_follow_up("when's the service") and is_follow_up("What's the score?")
    assert not is_follow_up("when's the memorial service for Peg Ellison")
    # a function word is no topic: "anyone in the hospital" after an outbreak's count was read alone, and answered
    # from a hiker's story
    assert is_follow_up("anyone in the hospital")
    # "the other" points back: "did the other guy concede" after the race's winner asks of the loser
    assert is_follow_up("did the other guy concede")
    assert not is_follow_up("did the mayor concede the election")


def test_a_day_is_not_carried_on_down_a_chain_as_a_name_of_its_story() -> None:
    """"found alive Wednesday morning" gave "Wednesday" to the next follow-up, and it went on down the chain: a count
    of searchers "by Wednesday" then had to state it. A day the last answer names by the asked words may still say
    which of its people "she" is; carried on, it is no name of the story."""
    history = [
        Turn(role="user", content="any update on the hiker missing on mount tessaly?"),
        Turn(role="assistant", content="A nurse lost on Mount Tessaly was found alive Wednesday morning. [1]"),
        Turn(role="user", content="howd they find her"),
        Turn(role="assistant", content="A drone team spotted her with a thermal imaging camera. [1]"),
    ]
    assert "Wednesday" in rewrite("howd they find her", history[:2], FollowUp())
    rewritten = rewrite("is she ok", history, FollowUp())
    assert rewritten.startswith("is she ok (") and "tessaly" in rewritten and "Wednesday" not in rewritten


def last(question: str) -> list[Turn]:
    return [Turn(role="user", content=question), Turn(role="assistant", content="An answer. [1]")]


@pytest.mark.parametrize(
    ("first", "follow_up", "asked"),
    [
        ("What did Turkey shoot down in 2015?", "And Azerbaijan?", "What did Azerbaijan shoot down in 2015?"),
        ("What happened in Kherson?", "And in Kharkiv?", "What happened in Kharkiv?"),
        ("What did Kadyrov argue?", "what about Shoigu?", "What did Shoigu argue?"),
    ],
)
def test_a_name_alone_asks_the_last_question_of_it(first: str, follow_up: str, asked: str) -> None:
    """Appending the last question's words kept Turkey beside Azerbaijan, and its sentence led."""
    assert rewrite(follow_up, last(first), FollowUp()) == asked


@pytest.mark.parametrize(
    ("follow_up", "asked"),
    [
        ("And Azerbaijan?", "What did Azerbaijan shoot down over Syria?"),  # no preposition: the subject's slot
        ("And over Iraq?", "What did Turkey shoot down over Iraq?"),  # a preposition: the place's slot
        ("What about in Iraq?", "What did Turkey shoot down over Iraq?"),
    ],
)
def test_of_several_names_a_name_alone_replaces_the_one_in_its_slot(follow_up: str, asked: str) -> None:
    """Appending the last question's words kept Turkey beside Azerbaijan, and Turkey's sentence led."""
    assert rewrite(follow_up, last("What did Turkey shoot down over Syria?"), FollowUp()) == asked


@pytest.mark.parametrize(
    ("first", "follow_up", "asked"),
    [
        ("What did he argue?", "And Prigozhin?", "What did Prigozhin argue?"),
        ("Where did his forces attack?", "What about Kadyrov?", "Where did Kadyrov’s forces attack?"),
        ("Who promoted her?", "And Aliyev?", "Who promoted Aliyev?"),  # "her" alone is no possessive
        ("What did her party win?", "And Haley?", "What did Haley’s party win?"),
    ],
)
def test_a_name_alone_takes_the_place_of_the_person_a_question_without_names_asked_about(
    first: str, follow_up: str, asked: str
) -> None:
    assert rewrite(follow_up, last(first), FollowUp()) == asked


def test_a_name_alone_is_not_put_in_place_of_it_or_of_two_people() -> None:
    """"it" may be an event ("What did it destroy?"), and of two pronouns which one the name replaces is unknown."""
    assert rewrite("And Kharkiv?", last("What did it destroy?"), FollowUp()) == "And Kharkiv? (destroy)"
    assert rewrite("And Putin?", last("What did he tell them?"), FollowUp()) == "And Putin? (tell)"


def test_a_name_alone_is_appended_to_when_no_single_name_fits_its_slot() -> None:
    rewritten = rewrite("And Azerbaijan?", last("What did Turkey and Russia sign over Syria?"), FollowUp())
    assert rewritten.startswith("And Azerbaijan? (") and "Turkey" in rewritten  # which one it replaces is unknown
    assert rewrite("And the bridge?", last("Who founded Wagner?"), FollowUp()) == "And the bridge? (founded Wagner)"


@pytest.fixture(scope="module")
def broad(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> AnswerService:
    """The default articles among 200 others on many beats: every story once, as in a user's own collection
    (indexed by the session's real model: the follow-up must be found by its meaning)."""
    root = tmp_path_factory.mktemp("broad")
    articles = root / "articles"
    shutil.copytree(PROJECT_ROOT / "articles", articles)
    write_feed(articles)
    settings = load_settings(**(SERVICE_PINNED | {"data_dir": root / "data", "articles_dir": articles}))
    handles = open_handles(settings, embedder)
    report = update_index(handles)
    assert not report.errors and report.added >= 202
    return build_service(settings, handles)


def test_the_follow_up_is_answered_in_a_broad_collection(broad: AnswerService) -> None:
    first = broad.ask("Who founded Wagner?")
    assert not first.refused and "Prigozhin" in first.citations[0].quote
    assert not any(c.article_id.startswith("synthetic") for c in first.citations)  # no unrelated support
    history = [Turn(role="user", content="Who founded Wagner?"), Turn(role="assistant", content=first.answer)]
    follow = broad.ask("Which city did his forces assault?", history=history)
    assert "Wagner" in follow.query and "Prigozhin" in follow.query
    assert not follow.refused, follow.answer
    assert "Bakhmut" in follow.answer


def test_a_word_opening_a_sentence_of_the_answer_is_not_taken_for_a_name() -> None:
    history = [
        Turn(role="user", content="Where are the peace talks?"),
        Turn(role="assistant", content="Enter the peace talks, set for July 23, 2025, in Istanbul. [1]"),
    ]
    rewritten = rewrite("When are they?", history, FollowUp())
    assert rewritten == "When are they? (peace talks July)"  # it took "Enter" before; a name inside a sentence is taken


def test_he_is_the_name_the_answer_s_lead_sets_after_a_topic_word() -> None:
    """"he" is the lead's "Wagner founder Yevgeny Prigozhin", not Kadyrov ahead of "Wagner", nor the supporting
    sentence's "Azerbaijan's leader, Aliyev", nearer to "leader"."""
    history = [
        Turn(role="user", content="Who is the leader of Wagner?"),
        Turn(
            role="assistant",
            content="Shoigu took criticism from hardliners like Ramzan Kadyrov and Wagner founder Yevgeny Prigozhin. "
            "[1] Azerbaijan's leader, Aliyev, is cheering Ukraine's fight. [2]",
        ),
    ]
    rewritten = rewrite("What did he say?", history, FollowUp())
    assert "Yevgeny Prigozhin" in rewritten and "Aliyev" not in rewritten and "Kadyrov" not in rewritten


def test_he_is_the_name_after_the_title_asked() -> None:
    """"how much money did he supposedly take" after "what is the brenick falls mayor accused of" carried "Thursday"
    (the indictment "was unsealed Thursday"), not "Mayor Leonard Vasko", whose run holds the asked "mayor": past the
    title, the name is right after the topic word."""
    history = [
        Turn(role="user", content="what is the brenick falls mayor accused of"),
        Turn(
            role="assistant",
            content="Mayor Leonard Vasko, 61, was indicted on one count of bribery, according to the indictment, "
            "which was unsealed Thursday. [1]",
        ),
    ]
    rewritten = rewrite("how much money did he supposedly take", history, FollowUp())
    assert "Leonard Vasko" in rewritten and "Thursday" not in rewritten and "Mayor Leonard" not in rewritten


def test_a_name_opening_a_sentence_loses_its_opener() -> None:
    """"And JPMorgan Chase, told employees …" in the last answer joined a follow-up as "And JPMorgan Chase"."""
    history = [
        Turn(role="user", content="What is the minimum wage in Florida?"),
        Turn(role="assistant", content="Florida's rises to $12. [1] And JPMorgan Chase raised its minimum wage. [2]"),
    ]
    rewritten = rewrite("Why did they raise it?", history, FollowUp())
    assert "JPMorgan Chase" in rewritten and "And JPMorgan" not in rewritten
    assert "JPMorgan" not in rewrite("Which states are raising it?", history, FollowUp())  # not the lead's
    history = [
        Turn(role="user", content="Why won't Biden be on the New Hampshire ballot?"),
        Turn(role="assistant", content="While Hassan criticized the ballot move, she urged a write-in. [1]"),
    ]
    assert "While" not in rewrite("Who is running instead?", history, FollowUp())


def test_the_last_lead_is_the_sentence_before_the_first_citation_mark() -> None:
    assert last_lead(HISTORY) == "Wagner founder Yevgeny Prigozhin has pushed Putin to take extreme measures."
    refused = [*HISTORY[:1], Turn(role="assistant", content="I could not find an answer to that.")]
    assert last_lead(refused) == "" and last_lead([]) == ""
    # a refusal since does not change the story: "when is he getting sentenced" after "which charges did he beat"
    # (refused) asks of the trial the answer before told
    later = [*HISTORY, Turn(role="user", content="And?"), Turn(role="assistant", content="I could not find that.")]
    assert last_lead(later) == last_lead(HISTORY)


def test_the_leads_read_are_every_answer_s_first_sentence() -> None:
    """A follow-up is not led by what the user has read two answers back either (developing.py)."""
    later = [*HISTORY, Turn(role="user", content="Why?"), Turn(role="assistant", content="He  quit. [1] More. [2]"),
             Turn(role="user", content="And?"), Turn(role="assistant", content="I could not find an answer to that.")]
    assert read_leads(later) == {last_lead(HISTORY), "He quit."}
    assert read_leads([]) == frozenset()


def test_only_a_pronoun_takes_the_last_answer_s_names() -> None:
    """The last answer's names say what a pronoun means; a question naming nothing without one asks of the story the
    last question's words tell, and names near them in the answer may be another story's ("Was anyone killed?"
    after the Shockwave jet truck's crash carried "Battle Creek Field" and was refused)."""
    history = [
        Turn(role="user", content="What happened to the Shockwave jet truck?"),
        Turn(role="assistant", content="The Shockwave jet truck crashed at Battle Creek Field of Flight. [1]"),
    ]
    assert rewrite("Was anyone killed?", history, FollowUp()) == "Was anyone killed? (happened Shockwave jet truck)"
    assert "Battle Creek" in rewrite("Where did it crash?", history, FollowUp())


def test_a_pronoun_after_asking_what_names_are_means_those_names() -> None:
    """"How old is he?" after "Who is Gabriel Attal?" (news-dev) carried "Guardian" from the answer's "… Attal told
    parliament, according to The Guardian"; "he" is the one the user asked about."""
    history = [
        Turn(role="user", content="Who is Gabriel Attal?"),
        Turn(role="assistant", content="According to The Guardian, Prime Minister Gabriel Attal told parliament. [1]"),
    ]
    assert rewrite("How old is he?", history, FollowUp()) == "How old is he? (Gabriel Attal)"
    asked_a_deed = [Turn(role="user", content="Who founded the Wagner Group?"), HISTORY[1]]
    assert "Prigozhin" in rewrite("How old is he?", asked_a_deed, FollowUp())  # the answer says who "he" is


@pytest.mark.parametrize(
    ("first", "second", "follow_up", "asked"),
    [
        ("How many flights were canceled on Saturday?", "Which airline was hit hardest?", "What about Sunday?",
         "What about Sunday? (airline hit hardest many flights canceled)"),
        ("How many tornadoes hit Oklahoma?", "Was anyone killed?", "And Texas?",
         "And Texas? (killed many tornadoes hit)"),  # "anyone" carries no topic
    ],
)  # fmt: skip
def test_a_day_or_place_alone_takes_the_place_of_its_kin_among_the_conversations_words(
    first: str, second: str, follow_up: str, asked: str
) -> None:
    """"What about Sunday?" after a question naming nothing carried Saturday's words, and Monday's flights led."""
    history = [*last(first), Turn(role="user", content=second), Turn(role="assistant", content="An answer. [1]")]
    assert rewrite(follow_up, history, FollowUp()) == asked


def test_a_name_typed_without_its_diacritics_is_the_answers_name_with_them() -> None:
    """The answer's "Arévalo" beside "help" was read as another name than the question's "Arevalo", and carried."""
    answer = "Visas were widened, and Arévalo can help. [1]"
    asked = "Why could Bernardo Arevalo help the US?"
    history = [Turn(role="user", content=asked), Turn(role="assistant", content=answer)]
    assert rewrite("When was he elected?", history, FollowUp()) == "When was he elected? (Bernardo Arevalo help)"


def test_a_figure_is_carried_whole() -> None:
    """"What part is missing?" after "Why can't 45,000 Fords be sold?" carried "45" and "000", which no chunk states
    as such: refused as not stated, it was read alone and answered with a debate's "missing in action"."""
    rewritten = rewrite("What part is missing?", last("Why can't 45,000 Fords be sold?"), FollowUp())
    assert rewritten == "What part is missing? (can't 45,000 Fords sold)"
    ruled = rewrite("What did the judge rule?", last("What is the 15-week abortion ban?"), FollowUp())
    assert ruled == "What did the judge rule? (15-week abortion ban)"  # a figure joined to its noun stays joined


def test_a_title_in_capitals_is_carried_whole_in_quotes() -> None:
    """"Who paid for them?" after "What are the He Gets Us ads?" carried "Gets ads" and led with a Bud Light ad."""
    rewritten = rewrite("Who paid for them?", last("What are the He Gets Us ads?"), FollowUp())
    assert rewritten == 'Who paid for them? ("He Gets Us" ads)'



def test_a_possessive_pronoun_or_a_filler_is_no_topic() -> None:
    """"and if it was just delayed?" after "do i get a refund if mine got cancelled" carried "mine", which made the
    follow-up a personal question; "like" in "whats the reason, like what broke" is typed, not asked of."""
    refund = last("do i get a refund if mine got cancelled")
    delayed = rewrite("and if it was just delayed?", refund, FollowUp())
    assert delayed == "and if it was just delayed? (get refund got cancelled)"
    assert is_follow_up("ok and the other one?") and is_follow_up("what's the reason, like what broke")
    assert not is_follow_up("what's the reason, like what broke the server")  # two words of topic of its own


def test_a_question_opening_with_so_or_asked_of_now_goes_on_from_the_last() -> None:
    """"so should we move closer to a park" after a study's lead author was read alone, and found a school board's
    "Linden Park"; "what should i do rn" had "right" and "now" for its topic and was read without the conversation
    (read in it, it is still refused: its last question's words do not name the breach, reports/issue-13.md)."""
    author = last("who was the lead author")
    assert rewrite("so should we move closer to a park", author, FollowUp()).endswith("(lead author)")
    assert is_follow_up("what should i do right now") and is_follow_up("whats the cause")
    assert not is_follow_up("how many people are without power now")  # words of its own topic

