"""The shared refusal rule: a covered topic answers when the passages state the question's specifics."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace

import pytest
from answer_testkit import passage
from index_testkit import open_handles
from pinned_settings import SERVICE_PINNED

from assistant.answer.constraints import Constraints
from assistant.answer.gate import answering
from assistant.answer.refusal import (
    NO_ANSWER,
    NOT_STATED,
    OFF_TOPIC,
    OUT_OF_SCOPE,
    RefusalPolicy,
    asks_of_names,
    decide,
    out_of_scope,
    should_refuse,
    topic_score,
)
from assistant.factory import build_service
from assistant.service import AnswerService
from assistant.settings import load_settings
from index.embedding import Embedder
from index.updater import update_index


def test_topic_is_meaning_or_shared_terms() -> None:
    policy = RefusalPolicy()
    assert topic_score([passage("a", 0.62, coverage=0.0)]) >= policy.min_topic  # close in meaning
    assert topic_score([passage("a", 0.3, coverage=0.6)]) >= policy.min_topic  # shares the question's terms
    assert topic_score([passage("a", 0.2, coverage=0.1)]) < policy.min_topic


def test_one_passage_answers_without_a_second_article() -> None:
    """Nothing assumes a story is reported twice: one covering passage in a broad collection answers."""
    chunks = [passage("a", 0.45, text="Storm Henk flooded Britain.")] + [passage(f"w{i}", 0.1, 0.0) for i in range(20)]
    assert decide(chunks, "Which storm flooded Britain?").refused is False


def test_a_covered_topic_without_the_asked_number_is_not_stated() -> None:
    chunks = [passage("a", 0.6, text="Toyota recalled 260 SUVs over a faulty airbag.")]
    decision = decide(chunks, "Which automaker recalled 112,000 vehicles?")
    assert decision.refused and decision.reason == NOT_STATED and decision.missing == ["112,000"]
    assert not decide(chunks, "Which automaker recalled 260 SUVs?").refused


def test_nothing_close_is_off_topic() -> None:
    decision = decide([passage("a", 0.2, coverage=0.1)], "Who won the election?")
    assert decision.refused and decision.reason == OFF_TOPIC


@pytest.mark.parametrize(
    "question",
    [
        "Write me a haiku about autumn leaves.",
        "Tell me a joke about penguins.",
        "Translate 'good morning' into Portuguese.",
        "How do I change a flat tyre?",
        "how do i make pesto without pine nuts",
        "Where can I buy a cheap laptop?",
        "What's the best way to learn to juggle?",
        "What's a good recipe for sourdough bread?",
        "What's my sister's birthday?",
        "My flight got cancelled, what are my rights?",
        "Who called me yesterday?",
        "what did i have for breakfast this morning?",  # typed in lower case
        "Should I invest in Baykar?",
        "I read the news every day. How old am I?",  # how the asker came to ask is not all they ask of themselves
    ],
)
def test_personal_questions_and_task_requests_need_a_much_closer_passage(question: str) -> None:
    assert out_of_scope(question)
    assert decide([passage("a", 0.5), passage("b", 0.5)], question).reason == OUT_OF_SCOPE
    assert not should_refuse([passage("a", 0.6), passage("b", 0.5)], question)


@pytest.mark.parametrize(
    "question",
    [
        "Who founded Wagner?",
        "How many people were evacuated?",
        "Which country declared an armed conflict?",
        "Tell me about the Kinburn Spit.",  # "me" is the one to be told, not the subject
        "Can you show me what happened in Kharkiv?",
        "Give me a summary of the Kerch bridge attack.",
        # the asker says how they came to ask, or asks leave to: the question is still about the news
        "I heard Prigozhin founded Wagner. Is that true?",
        "I was reading about Russia. Who founded Wagner?",
        "I've read that Turkey is flipping sides. Why?",
        "Can I ask who founded Wagner?",
        "What do I need to know about Kadyrov?",
        # the asker is one the story's news is for: a recall's owner, a cancelled flight's passenger
        "do i get a refund if mine got cancelled",
        "can i get a refund",
        "i have one on my counter, what do i do",
        "Am I eligible for the rebate?",
        # ... and how or where to get what the story offers them
        "how do i get the fix",
        "where can i still pick up bottled water",
        "How can I apply for the grant?",
        # a follow-up is personal by its own words, not by the conversation's ("mine" of the last question)
        "and if it was just delayed? (get refund mine got cancelled)",
    ],
)
def test_news_questions_are_in_scope(question: str) -> None:
    assert not out_of_scope(question)


def test_no_passages_is_a_refusal() -> None:
    assert should_refuse([], "Who founded Wagner?")


STORIES = [
    ("storm-1", "Storm Henk floods Britain", "Storm Henk brought severe flooding to Britain on Tuesday. Hundreds of "
     "homes were evacuated in the Midlands and rail operators cancelled trains as rivers burst their banks."),
    ("storm-2", "Clean-up begins after Storm Henk", "Residents began clearing mud from their homes on Thursday after "
     "Storm Henk flooded large parts of England. More than 300 flood warnings remained in place."),
    ("tv-review", "The new period drama is a delight", "The duke's habitual silence and secret demons fit the "
     "Mr. Darcy-style template every Jane Austen fan is hardwired to adore. The costumes are lavish."),
    ("rates", "Central bank holds rates", "The central bank kept interest rates unchanged on Wednesday, saying "
     "inflation was easing but remained above its target."),
    ("darts", "Humphries wins darts title", "Luke Humphries beat teenager Luke Littler in the final to become world "
     "darts champion at Alexandra Palace."),
    ("chips", "Chipmaker shares jump", "Shares in the chipmaker rose 8 percent after it forecast record sales of "
     "processors for data centres."),
    ("museum", "Museum reopens", "The city museum reopened its doors after a two-year renovation of its galleries."),
    ("transit", "Bus fares frozen", "The transit authority froze bus fares for another year to win back riders."),
    ("school", "School budget approved", "The school board approved a budget that adds twelve teachers next year."),
    ("harbour", "Harbour dredging starts", "Dredging began in the harbour so that larger container ships can dock."),
    ("library", "Library extends hours", "The public library will stay open until nine on weekdays from March."),
    ("marathon", "Marathon route changes", "Organisers moved the marathon route away from the river because of works."),
]  # fmt: skip


@pytest.fixture(scope="module")
def broad(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> AnswerService:
    """A real index (the session's real model) of a dozen articles: one story reported twice, and a review that
    name-drops Mr Darcy."""
    root = tmp_path_factory.mktemp("refusal")
    (root / "articles").mkdir()
    url = "https://news.example/2024/01/03/{}"
    lines = [json.dumps({"id": i, "url": url.format(i), "title": title, "text": text}) for i, title, text in STORIES]
    (root / "articles" / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    settings = load_settings(**(SERVICE_PINNED | {"data_dir": root / "data", "articles_dir": root / "articles"}))
    handles = open_handles(settings, embedder)
    assert update_index(handles).added == len(STORIES)
    return build_service(settings, handles)


def test_a_story_two_articles_report_is_answered(broad: AnswerService) -> None:
    response = broad.ask("Which storm flooded Britain this week?")
    assert not response.refused and "Henk" in response.answer


def test_a_trivia_question_a_review_touches_on_is_not_answered(broad: AnswerService) -> None:
    """The review name-drops Mr Darcy, but says nothing of Pride and Prejudice or an estate."""
    response = broad.ask("In Pride and Prejudice, which estate does Mr Darcy own?")
    assert response.refused and response.citations == []


def test_a_wrong_number_about_a_covered_story_is_refused_with_related_passages(broad: AnswerService) -> None:
    response = broad.ask("How many flood warnings remained in place after Storm Henk?")
    assert not response.refused and "300" in response.answer
    wrong = broad.ask("Why did 900 flood warnings remain in place after Storm Henk?")
    assert wrong.refused and wrong.reason == NOT_STATED and wrong.citations == []
    assert "“900”" in wrong.answer and "cover this topic" in wrong.answer
    assert any("Henk" in p.text for p in wrong.passages[:3])


def test_related_passages_without_a_likely_answer_sentence_are_no_answer() -> None:
    chunks = [passage("a", 0.6, text="Storm Henk flooded Britain.")]
    asked: list[str] = []

    def likely(p: float) -> Callable[[], float]:
        return lambda: asked.append("x") or p  # type: ignore[func-returns-value]

    assert decide(chunks, "Which storm flooded Britain?", answer=likely(0.8)).refused is False
    decision = decide(chunks, "Which storm flooded Britain?", answer=likely(0.1))
    assert decision.refused and decision.reason == NO_ANSWER
    assert len(asked) == 2
    decide(chunks, "Which automaker recalled 112,000 vehicles?", answer=likely(0.9))
    assert len(asked) == 2  # not asked once a cheaper check refused: the ranker embeds sentences


def test_a_lead_about_the_names_but_not_what_is_asked_answers_nothing() -> None:
    """"Where was the Magna Carta sealed in 1215?" led with "... a clause in the Magna Carta, the royal charter ...
    signed in 1215": close to the question (0.65) through its names, far (0.18) from "Where was the sealed in"."""
    from assistant.answer.sentences import FEATURES, Sentence

    text = "This notion is based on a clause in the Magna Carta, the royal charter signed in 1215."
    features = dict.fromkeys(FEATURES, 0.0) | {"cosine": 0.65}
    charter = Sentence(passage("a", 0.6, text=text), 0, len(text), text, features)
    question = "Where was the Magna Carta sealed in 1215?"
    assert answering([(0.66, charter)], question, residue_cosine=lambda s: 0.18) == 0.0
    assert answering([(0.66, charter)], question, residue_cosine=lambda s: 0.4) == 0.66
    assert answering([(0.66, charter)], question) == 0.66  # no residue test asked
    assert decide([passage("a", 0.6, text=text)], question, answer=lambda: 0.0).reason == NO_ANSWER


def test_a_lead_sentence_unrelated_in_meaning_answers_nothing() -> None:
    """"Is 221 a prime number?" once led with a sentence about a minister: the terms matched ("prime", a number in
    some passage) and the ranker rated its position, but the sentence itself is about something else."""
    from assistant.answer.sentences import FEATURES, Sentence

    def sentence(text: str, cosine: float) -> Sentence:
        features = dict.fromkeys(FEATURES, 0.0) | {"cosine": cosine}
        return Sentence(passage("a", 0.6, text=text), 0, len(text), text, features)

    minister = sentence("Reeves has made several appearances in the media in recent months.", cosine=-0.04)
    assert answering([(0.4, minister)], "Is 221 a prime number?") is None
    founder = sentence("Wagner founder Yevgeny Prigozhin led the assault.", cosine=0.5)
    assert answering([(0.4, founder)], "Who founded Wagner?") == 0.4
    assert answering([(0.4, minister)], "Is 221 a prime number?", RefusalPolicy(min_lead_cosine=-1.0)) == 0.4
    # A long sentence that answers in one clause: the clauses are asked only when the sentence as a whole is far.
    shoigu = sentence("Shoigu has been criticised by hardliners like Wagner founder Yevgeny Prigozhin.", cosine=0.2)
    asked: list[str] = []

    def clause_cosine(s: Sentence) -> float:
        asked.append(s.text)
        return 0.64 if "Shoigu" in s.text else 0.02

    assert answering([(0.4, shoigu)], "Who founded the Wagner group?", clause_cosine=clause_cosine) == 0.4
    assert answering([(0.4, minister)], "Is 221 a prime number?", clause_cosine=clause_cosine) is None
    assert answering([(0.4, founder)], "Who founded Wagner?", clause_cosine=clause_cosine) == 0.4
    assert len(asked) == 2
    # Refused as off-topic, not as "related passages that do not answer": nothing of them is about the question.
    chunks = [passage("a", 0.5, text="Restaurants figure out how many tables can be used.")]
    assert decide(chunks, "How many tablespoons are in a cup?", answer=lambda: None).reason == OFF_TOPIC
    assert decide(chunks, "How many tablespoons are in a cup?", answer=lambda: 0.1).reason == NO_ANSWER
    # Where the chunks state every name the question asks of, they are related reading, not another topic ("Which
    # city did Wagner capture?" over the default articles: Wagner is their subject, no sentence says it).
    wagner = [passage("a", 0.5, coverage=0.5, text="Prigozhin ordered Wagner-led forces to assault Bakhmut.")]
    assert decide(wagner, "Which city did Wagner capture?", answer=lambda: None).reason == NO_ANSWER


def test_a_close_clause_covers_a_topic_the_top_chunks_miss() -> None:
    text = "A power move by Wagner could take place; Wagner mercenaries face trials."
    chunks = [passage("a", 0.23, coverage=0.35, text=text)]  # the default articles' best chunk for the question
    question = "Who threatened to try Wagner mercenaries as war criminals?"
    assert decide(chunks, question).reason == OFF_TOPIC
    asked: list[str] = []

    def closest(cosine: float) -> Callable[[], float]:
        return lambda: asked.append("x") or cosine  # type: ignore[func-returns-value]

    assert decide(chunks, question, closest_clause=closest(0.70)).refused is False
    assert decide(chunks, question, closest_clause=closest(0.40)).reason == OFF_TOPIC
    assert len(asked) == 2
    decide([passage("a", 0.9, text="Wagner mercenaries face trials.")], question, closest_clause=closest(0.7))
    assert len(asked) == 2  # not asked when the chunks cover the topic: it embeds clauses
    # A clause matches on one shared word ("last held in 2022"): it shows the topic only where the chunks name what
    # the question names; a number may still be wrong, and that is then not stated.
    held = [passage("a", 0.21, coverage=0.15, text="Ukrainian forces reclaimed the Spit, last held in 2022.")]
    world_cup = decide(held, "Who won the 2022 FIFA World Cup?", closest_clause=closest(0.6))
    assert world_cup.reason == OFF_TOPIC and len(asked) == 2
    strike = [passage("a", 0.2, coverage=0.3, text="A drone strike on July 23, 2025 torched the Rostov terminal.")]
    wrong_day = decide(strike, "What did the July 24, 2025 drone strike destroy?", closest_clause=closest(0.6))
    assert (wrong_day.reason, wrong_day.missing, len(asked)) == (NOT_STATED, ["24"], 3)
    # A question naming nothing has no name to miss: the clause shows its topic too ("Which refineries were
    # struck?" over the default articles, best chunk 0.25 from it, was refused as off-topic).
    refineries = [passage("a", 0.25, coverage=0.38, text="The March strikes on oil refineries in Tuapse blind Moscow.")]
    assert decide(refineries, "Which refineries were struck?", closest_clause=closest(0.61)).refused is False
    assert decide(refineries, "What is the best pizza topping?", closest_clause=closest(0.16)).reason == OFF_TOPIC


def test_a_close_sentence_covers_a_topic_the_top_chunks_miss() -> None:
    """"Where was the viral video filmed?" over the default articles: its chunk sits at 0.18 from it, the sentence
    "Then there's the viral video from Luhansk …" at 0.43, its clauses at most 0.40."""
    chunks = [passage("a", 0.18, coverage=0.6, text="Then there's the viral video from Luhansk, aired by state media.")]
    question = "Where was the viral video filmed?"
    assert decide(chunks, question, closest_clause=lambda: 0.4).reason == OFF_TOPIC
    assert decide(chunks, question, closest_clause=lambda: 0.4, closest_sentence=lambda: 0.43).refused is False
    assert decide(chunks, question, closest_sentence=lambda: 0.3).reason == OFF_TOPIC
    no_test = replace(RefusalPolicy(), min_sentence_topic=None)
    assert decide(chunks, question, no_test, closest_sentence=lambda: 0.43).reason == OFF_TOPIC
    # as a clause, a sentence shows the topic only where the chunks name what the question names
    named = decide(chunks, "Where was the Kremlin's viral video filmed?", closest_sentence=lambda: 0.6)
    assert named.reason == OFF_TOPIC


def test_a_question_asking_only_about_its_names_is_on_the_topic_of_chunks_that_state_them() -> None:
    """"What happened in Kharkiv?" over the default articles: the Kharkiv chunk scored 0.53 against min_topic 0.55."""
    kharkiv = [passage("a", 0.33, coverage=0.38, text="A string of victories in the Kharkiv oblast turned the war.")]
    assert decide(kharkiv, "What happened in Kharkiv?").refused is False
    assert decide(kharkiv, "What happened in Kharkiv?", replace(RefusalPolicy(), names_show_topic=False)).refused
    assert decide(kharkiv, "What happened in Kherson?").reason == OFF_TOPIC  # a name no chunk states
    assert decide(kharkiv, "Why did the army retreat from Kharkiv so quickly?").reason == OFF_TOPIC  # asks more
    assert asks_of_names("What is the Wagner group?", Constraints.of("What is the Wagner group?"))
    threatened = "Who threatened to try Wagner mercenaries as war criminals?"  # "threatened", "try", "war", ...
    assert not asks_of_names(threatened, Constraints.of(threatened))
    started = "Who started the Wagner mercenary group?"  # "mercenary group" goes on the name: it asks "started"
    assert asks_of_names(started, Constraints.of(started))
    assert not asks_of_names("What happened yesterday?", Constraints.of("What happened yesterday?"))  # no name


def test_a_quote_or_a_year_the_chunks_state_shows_the_topic() -> None:
    """Over the default articles "What does "two countries, one people" refer to?" (best chunk 0.18 from it) and
    "What happened in 1979?" were refused as off-topic, though a top chunk quotes the phrase and dates the year."""
    bond = [passage("a", 0.18, coverage=0.64, text="Its cultural bond to Azerbaijan: “two countries, one people.”")]
    assert decide(bond, 'What does "two countries, one people" refer to?').refused is False
    assert decide(bond, 'What does "one nation, two systems" refer to?').reason == OFF_TOPIC  # a quote not stated
    cold_war = [passage("a", 0.27, coverage=0.43, text="Late Cold War gambles, like the 1979 Afghanistan invasion.")]
    assert decide(cold_war, "What happened in 1979?").refused is False
    assert decide(cold_war, "What happened in 1066?").reason == OFF_TOPIC  # a year no chunk states
    assert decide(cold_war, "What happened in 1979?", replace(RefusalPolicy(), names_show_topic=False)).refused
    # A year shows its topic; another number does not, nor a year asked of more than what happened.
    assert decide([passage("a", 0.1, text="He won 221 votes.")], "Is 221 a prime number?").reason == OFF_TOPIC
    prices = "Why did oil prices rise so sharply in 1979?"
    assert not asks_of_names(prices, Constraints.of(prices), years=True)
    assert asks_of_names("What happened in 1979?", Constraints.of("What happened in 1979?"), years=True)
    assert not asks_of_names("What happened in 1979?", Constraints.of("What happened in 1979?"))  # no name


def test_clauses_split_where_a_long_sentence_parts() -> None:
    from assistant.answer.sentences import clauses

    text = "Shoigu has taken the brunt of criticism from hardliners like Kadyrov and Wagner founder Yevgeny Prigozhin."
    assert "Wagner founder Yevgeny Prigozhin." in clauses(text)
    assert clauses("He said so.") == ["He said so."]  # no clause of three words: the sentence itself


def test_a_follow_up_needs_one_name_the_conversation_carries_stated_not_all() -> None:
    """"What did the appeals court decide?" after answers on Title 42 (news-smoke) carried "Customs", of the last
    answer's "U.S. Customs and Border Protection", and was refused as not stating it."""
    ruling = [passage("a", 0.6, text="A federal appeals court rejected a bid to keep the Title 42 rule in force.")]
    follow_up = "What did the appeals court decide? (end Title 42 Customs)"
    assert decide(ruling, follow_up).refused is False
    elsewhere = decide(ruling, "What did the appeals court decide? (Customs Border)")
    assert elsewhere.reason == NOT_STATED and set(elsewhere.missing) == {"Customs", "Border"}  # none: another story
    own = decide(ruling, "What did the Texas appeals court decide? (end Title 42)")
    assert own.reason == NOT_STATED and own.missing == ["Texas"]  # the user's own names are all demanded


def test_a_sentence_stating_every_term_of_the_question_shows_its_topic() -> None:
    """"What did the inspectors find?" over a diner's closing: its chunk sits at 0.12 from it, but "… health inspectors
    found mice droppings …" states each of its terms."""
    chunks = [passage("a", 0.12, coverage=0.38, text="The diner closed after health inspectors found mice droppings.")]
    question = "What did the inspectors find?"
    assert decide(chunks, question, stated=lambda: False).reason == OFF_TOPIC
    assert decide(chunks, question, stated=lambda: True).refused is False
