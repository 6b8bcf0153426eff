"""The extractive answer quotes the best passages' sentences in rank order, verbatim, under a word budget."""

from __future__ import annotations

import pytest

from assistant.answer.extractive import after_label, answer_like, select_quotes, statement_head
from assistant.retrieval.candidates import Candidate
from index.records import StoredArticle, StoredChunk

ARTICLE = (
    "Storm Henk hit Britain on Tuesday. Who is to blame for the floods? Trains were cancelled across the south "
    "of England as rivers burst their banks. Photos. The Met Office issued warnings for the rest of the week."
)


def window(start: int, end: int, score: float, article: str = "a") -> Candidate:
    """A passage as the retriever returns it: a span of the stored article with its offsets."""
    chunk = StoredChunk(id=f"{article}:{start}", article_id=article, start=start, end=end, text=ARTICLE[start:end])
    return Candidate(chunk, StoredArticle(article, "", "", "", "", ARTICLE, [], 1, 0.0), score=score)


def span(sentence: str) -> tuple[int, int]:
    start = ARTICLE.index(sentence)
    return start, start + len(sentence)


def test_sentences_follow_the_passage_ranking_with_exact_offsets() -> None:
    first = window(*span("The Met Office issued warnings for the rest of the week."), 2.0)
    second = window(*span("Storm Henk hit Britain on Tuesday."), 1.0)
    quotes = select_quotes([first, second])
    assert [q.text for q in quotes] == [
        "The Met Office issued warnings for the rest of the week.",
        "Storm Henk hit Britain on Tuesday.",
    ]
    for q in quotes:
        assert ARTICLE[q.start : q.end] == q.text


def test_questions_fragments_and_repeats_are_skipped() -> None:
    whole = window(0, len(ARTICLE), 1.0)
    texts = [q.text for q in select_quotes([whole, whole], max_sentences=10)]
    assert "Who is to blame for the floods?" not in texts and "Photos." not in texts
    assert len(texts) == len(set(texts)) == 3


@pytest.mark.parametrize(
    ("sentence", "head"),
    [
        (
            "As Russia faces collapse, Vladimir Putin may be dangling a peace deal—but is it a lifeline or a ploy?",
            "As Russia faces collapse, Vladimir Putin may be dangling a peace deal",
        ),
        ("Coronavirus threat closes Delaware's beaches, but are people heeding the warnings?",
         "Coronavirus threat closes Delaware's beaches"),
        (
            "President Joe Biden lit a firestorm when he said that “the pandemic is over”: Is it really over?",
            "President Joe Biden lit a firestorm when he said that “the pandemic is over”",
        ),  # a colon before the question it raises
        ("It's a cheesy rule, but you're at the beach, right?", ""),  # the "but" opens no question
        ("Is Putin's offer sincere, but what does it cost?", ""),  # asks from its first word
        ("“Who is to blame, but who will pay?”", ""),
        ("“There’s a lot of speculation, obviously, but what can you do?", ""),  # someone's words, cut off
        ("Storm Henk hit Britain on Tuesday.", ""),  # no question at all
    ],
)
def test_a_question_sentence_opening_with_a_statement_gives_that_statement(sentence: str, head: str) -> None:
    assert statement_head(sentence) == head


def test_the_word_budget_skips_a_sentence_that_does_not_fit_and_keeps_going() -> None:
    whole = window(0, len(ARTICLE), 1.0)
    quotes = select_quotes([whole], max_sentences=10, max_words=18)
    # 6 words, then the 13-word sentence would make 19, then 11 more make 17.
    assert [q.text for q in quotes] == [
        "Storm Henk hit Britain on Tuesday.",
        "The Met Office issued warnings for the rest of the week.",
    ]


@pytest.mark.parametrize(
    "line",
    [
        "MORE ON SCOTTSDALE PLANE CRASH: WHAT WE KNOW",  # a heading, set in capitals
        "According to the report, the following are the happiest countries:",  # it introduces a list
        "SEE ALSO:Social media influencers among those killed in the crash",  # a link's label
        "Russia’s Breaking Point: A Nation in Chaos",  # a heading in title case
        "Who is to blame for the floods in the south?",  # the article's own question
        "More:Nikki Haley suspending her 2024 presidential campaign after disappointing Super Tuesday",  # any case
        "Learn more: Details on the landing of the spacecraft",
        "World news:Blinken: Mideast nations have 'real' interest in working with Israel postwar",  # a section's
        "Greatest Super Bowl teams:The 58 best NFL teams to play for a title – and not all won Lombardi Trophy",
        "Can money buy happiness?Winner of $1.765 billion Powerball jackpot described as 65-year-old",  # a question's
    ],
)
def test_headings_labels_and_questions_are_no_answers(line: str) -> None:
    assert not answer_like(line, max_words=60)
    assert answer_like("Trains were cancelled across the south of England as rivers burst.", max_words=60)


@pytest.mark.parametrize(
    "line",
    [
        "Prep for the polls: See who is running for president and compare where they stand on key issues in our "
        "Voter Guide",  # news-dev led "Who is running against Trump in the Republican primary?" with it
        "Read the complete sport-by-sport schedule for the Paris Games here.",
        "Follow Bryan West, the USA TODAY Network's Taylor Swift reporter, on Instagram, TikTok and X.",
        "Sign up for our newsletter to get the latest on the election.",
    ],
)
def test_a_call_to_go_elsewhere_is_no_answer(line: str) -> None:
    assert not answer_like(line, max_words=60)


def test_advice_in_the_imperative_may_answer() -> None:
    """A reader's instruction that is the news itself ("Watch for …") is no call to go elsewhere."""
    assert answer_like("Watch for signs of heat exhaustion such as dizziness and nausea.", max_words=60)
    assert answer_like("Follow the evacuation routes posted by the county, officials said.", max_words=60)


def test_a_word_opening_like_a_label_is_no_label() -> None:
    """"Moreover" is no "More:", and a label no link's ("Details:") opens a statement that may answer."""
    assert answer_like("Moreover, the council voted to approve the plan on Tuesday night.", max_words=60)
    assert answer_like("Details: Tickets cost $20 and the show starts at 8 p.m. on Friday.", max_words=60)
    # a roundup's item under its place, the space after the colon lost, ends like a statement; a teaser does not
    assert answer_like("Oklahoma City:Face-mask mandates seem to be working, according to a study.", max_words=60)


def test_a_statement_that_introduces_a_quote_with_a_colon_is_an_answer() -> None:
    """"When will the Penfield Rite Aid close?" over news-smoke: the article's first sentence says, and it ends in
    the colon that opens the company's statement; a heading ending in a colon is short."""
    line = (
        "Update, Oct. 19, 2023: A Rite Aid store at 1567 Penfield Road in Panorama Plaza will close permanently on"
        " Nov. 7, a Rite Aid spokesperson said, and provided this statement from the company:"
    )
    assert answer_like(line, max_words=60)
    assert not answer_like("Here is what we know about the store closing so far:", max_words=60)


def test_how_to_reach_the_reporter_is_no_answer() -> None:
    """"Where did the Delaware trooper standoff end?" quoted "Contact Jessica Masulli Reyes at (302) 324-2777 …"."""
    assert not answer_like(
        "Contact Jessica Masulli Reyes at (302) 324-2777, jmreyes@delawareonline.com or Twitter @JessicaMasulli.", 60
    )
    assert not answer_like("Follow her on Twitter for updates from the courthouse.", 60)
    assert not answer_like("Reach the reporter at the newsroom.", 60)
    assert answer_like("Police asked anyone with information to contact the department.", 60)
    assert answer_like("Rescuers could not reach the climbers at the summit before dark.", 60)


def test_a_short_line_counting_the_list_it_opens_is_an_answer() -> None:
    """"How many federal holidays are there?" was led by a bill's history: the line that says, before the list, was
    read as a heading for its colon."""
    assert answer_like("There are 11 federal holidays each year in the U.S.:", max_words=60)
    assert not answer_like("Here are the dates for the federal holidays from 2024 to 2025:", max_words=60)  # years


def test_a_section_label_opens_a_statement_and_a_link_label_does_not() -> None:
    assert after_label("BOTTOM LINE: Delaware hosts Princeton.") == len("BOTTOM LINE: ")
    assert after_label("EDITOR'S NOTE: This story was updated.") == len("EDITOR'S NOTE: ")
    assert after_label("SEE ALSO: Social media influencers among those killed") == 0  # a headline follows
    assert after_label("WASHINGTON (AP) — The White House said") == 0 and after_label("U.S. officials said") == 0


def test_a_list_item_with_a_figure_may_answer() -> None:
    """Title case with a figure is a list's item, not a heading: it may be what is asked."""
    assert answer_like("Independence Day: July 4, a Thursday this year", max_words=60)


def test_a_piece_torn_from_its_sentence_is_no_answer() -> None:
    """"Who leads the Grammy nominations?" (news-dev) led with ", Grammy award winner and former lead singer of Kool
    & the Gang, …", a list whose names the page's markup took away."""
    torn = ", Grammy award winner and former lead singer of Kool & the Gang, and Dazz Band The Frontmen"
    assert not answer_like(torn, max_words=60)
    assert not answer_like(": Tim Rushlow , former lead singer of three-time Grammy-nominated Little Texas", 60)
    assert answer_like("— Republican presidential candidates gathered in California on Wednesday.", max_words=60)
