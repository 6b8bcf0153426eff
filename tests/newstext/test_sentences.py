"""Sentence spans: where citations and chunks may start and end, so offsets must be exact."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newstext.sentences import dateline_end, opens_sentence, sentence_spans, statement_spans, word_spans


def sentences(text: str, start: int = 0, end: int | None = None) -> list[str]:
    """The sentence strings, sliced from the text by their offsets."""
    return [text[s:e] for s, e in sentence_spans(text, start, end)]


def assert_well_formed(text: str, spans: list[tuple[int, int]], start: int = 0, end: int | None = None) -> None:
    """Ordered, non-overlapping, trimmed, never empty, inside [start, end), covering every non-space char."""
    end = len(text) if end is None else end
    cursor = start
    for s, e in spans:
        assert cursor <= s < e <= end
        assert not text[s].isspace() and not text[e - 1].isspace()
        assert not text[cursor:s].strip(), f"text between sentences was dropped: {text[cursor:s]!r}"
        cursor = e
    assert not text[cursor:end].strip()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The vote passed. Critics objected! Was it fair? Nobody knows.",
            ["The vote passed.", "Critics objected!", "Was it fair?", "Nobody knows."],
        ),
        (
            "Dr. Smith met Mr. Jones at 5 p.m. on Jan. 4 in St. Louis. They talked.",
            ["Dr. Smith met Mr. Jones at 5 p.m. on Jan. 4 in St. Louis.", "They talked."],
        ),
        (
            "J. R. R. Tolkien wrote it. E.g. this one, i.e. the first. Done.",
            ["J. R. R. Tolkien wrote it.", "E.g. this one, i.e. the first.", "Done."],
        ),
        (
            "Growth was approx. five percent, or 4.5 percent in 2024. Prices rose.",
            ["Growth was approx. five percent, or 4.5 percent in 2024.", "Prices rose."],
        ),
        (
            "Acme Corp. and Beta Inc. merged vs. rivals. Shares fell.",
            ["Acme Corp. and Beta Inc. merged vs. rivals.", "Shares fell."],
        ),
        (
            "U.S. officials met U.K. and U.N. envoys. Talks continue.",
            ["U.S. officials met U.K. and U.N. envoys.", "Talks continue."],
        ),
    ],
    ids=["punctuation", "titles-times-months", "initials-eg-ie", "lowercase-next-and-decimals", "companies", "u.s."],
)
def test_abbreviations_initials_and_decimals_do_not_end_sentences(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('He said "Stop." Then he left.', ['He said "Stop."', "Then he left."]),
        (
            "“We will wait,” she said. “It is over.” The room emptied.",
            ["“We will wait,” she said.", "“It is over.”", "The room emptied."],
        ),
        ('"Stop!" he shouted. Nobody did.', ['"Stop!" he shouted.', "Nobody did."]),
        ("(It rained.) Then it stopped. [Sic.] End.", ["(It rained.)", "Then it stopped.", "[Sic.]", "End."]),
        ("It’s ‘done.’ Next?! Yes… Maybe.", ["It’s ‘done.’", "Next?!", "Yes…", "Maybe."]),
        ("“It was impossible.”Tetris arrived in 1989.", ["“It was impossible.”", "Tetris arrived in 1989."]),
    ],
    ids=["straight", "curly", "lowercase-after-quote", "brackets", "single-quotes-and-runs", "no-space-after-quote"],
)
def test_closing_quotes_and_brackets_stay_with_their_sentence(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_an_abbreviation_that_may_end_a_sentence_ends_one_before_a_word_opening_sentences() -> None:
    """"… now has 45 locations in the U.S. The Louisville location is owned by the Patel family." was one sentence
    (news-smoke), so "Who owns the Louisville Bubbakoo's?" led with the chain's founders."""
    text = "It has 45 locations in the U.S. The Louisville one is owned by the Patels. It opens at 9 a.m. In May, more."
    assert sentences(text) == [
        "It has 45 locations in the U.S.", "The Louisville one is owned by the Patels.", "It opens at 9 a.m.",
        "In May, more.",
    ]  # fmt: skip
    assert sentences('Made in the U.S. "The best," he said.') == ["Made in the U.S.", '"The best," he said.']
    # a possessive's "s." is no initial ("J."): "… signed up with Bubbakoo's. The company, founded by …" was one
    possessive = ["They signed with Bubbakoo's.", "The company grew."]
    assert sentences(" ".join(possessive)) == possessive
    kept = "The U.S. Army and Acme Inc. Chief Jo Wu met U.S. Sen. Al Li at 9 a.m. Monday."
    assert sentences(kept) == [kept]  # a name or a word no sentence opens with goes on


def test_an_hour_of_the_clock_ends_a_sentence_before_any_capital_but_a_day_or_a_time_zone() -> None:
    """"Classes now begin at 7:25 a.m. Board members cited research …" was one sentence, so "Why is the district
    changing the start time?" could not quote the reason alone."""
    text = "Classes now begin at 7:25 a.m. Board members cited research. It airs at 8 p.m. ET. Doors open at 9 a.m."
    assert sentences(text) == [
        "Classes now begin at 7:25 a.m.", "Board members cited research.", "It airs at 8 p.m. ET.",
        "Doors open at 9 a.m.",
    ]  # fmt: skip
    for kept in ["Doors open at 9 a.m. Monday through Friday.", "At 3 p.m. Eastern, it began.", "From 9 a.m. to noon."]:
        assert sentences(kept) == [kept]


def test_no_abbreviates_number_only_before_one() -> None:
    """"Could TikTok really be banned? No. The U.S. House … passed a bill …, 352-65." led an answer with "No. The
    U.S. House …" as one sentence (news-dev): "No." before anything but a figure is the word no, a sentence."""
    assert sentences("Could it be banned? No. The House passed it, 352-65. Was it? No. I said so.") == [
        "Could it be banned?", "No.", "The House passed it, 352-65.", "Was it?", "No.", "I said so.",
    ]  # fmt: skip
    numbered = "They beat the No. 6 Rams and No. #1 Duke, Docket No. EPA-HQ-OAR-2021 says, in Building No. Two."
    assert sentences(numbered) == [numbered]


def test_line_breaks_end_sentences_and_blank_lines_vanish() -> None:
    text = "Headline without a stop\n\n  First paragraph. Second sentence\ncontinues here.\n\n\n   \nLast line"
    assert sentences(text) == [
        "Headline without a stop",
        "First paragraph.",
        "Second sentence",
        "continues here.",
        "Last line",
    ]


@pytest.mark.parametrize("text", ["", "   ", "\n\n \t\n", "..."])
def test_blank_or_bare_punctuation_text(text: str) -> None:
    spans = sentence_spans(text)
    assert spans == ([] if not text.strip() else [(0, len(text))])


def test_offsets_are_exact_in_unicode_text_with_leading_and_trailing_space() -> None:
    text = "  \u00a0Café owners — “furious” — met.  Zoë spoke 🙂 first!\t\n"
    spans = sentence_spans(text)
    assert [text[s:e] for s, e in spans] == ["Café owners — “furious” — met.", "Zoë spoke 🙂 first!"]
    assert_well_formed(text, spans)


def test_a_window_of_the_text_gives_offsets_into_the_whole_text() -> None:
    text = "Before. The council met. It voted. After."
    start, end = text.index("The"), text.index(" After")
    spans = sentence_spans(text, start, end)
    assert [text[s:e] for s, e in spans] == ["The council met.", "It voted."]
    assert_well_formed(text, spans, start, end)


def test_word_spans_are_whitespace_separated_words_with_offsets() -> None:
    text = "One  two\tthree\nfour-five."
    assert [text[s:e] for s, e in word_spans(text, 0, len(text))] == ["One", "two", "three", "four-five."]
    assert word_spans(text, 5, 8) == [(5, 8)]


_PIECES = st.sampled_from(
    [
        "The",
        "council",
        "voted",
        "Dr.",
        "U.S.",
        "approx.",
        "J.",
        "4.5",
        ".",
        "!",
        "?",
        "…",
        '"',
        "”",
        ")",
        "’",
        " ",
        "  ",
        "\n",
        "\n\n",
        "\t",
        "é",
        "Zoë",
        "no.",
        "e.g.",
        "a",
        "B",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=40).map("".join), st.data())
def test_any_text_splits_into_well_formed_spans(text: str, data: st.DataObject) -> None:
    assert_well_formed(text, sentence_spans(text))
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert_well_formed(text, sentence_spans(text, start, end), start, end)


def test_a_word_opens_a_sentence_after_its_end_a_quote_a_bracket_or_a_line() -> None:
    """Where a capital says nothing of a name: the question's, the answer's and the chunks' readers share this."""
    for before in ("", "It fell. ", "Why? ", "Note: ", "He said “", "the show '", "(", "Headline\n"):
        assert opens_sentence(before), repr(before)
    for before in ("founder ", "Wagner founder ", "in the ", "$3"):
        assert not opens_sentence(before), repr(before)


def test_a_bracket_opened_inside_a_sentence_does_not_end_it() -> None:
    """AP style puts a state's abbreviation in brackets inside a name; a bracket standing alone is a sentence."""
    text = "Phillips, held at Kern Valley (Calif.) State Prison, will pay. He left. (He was tired.) Then he slept."
    assert sentences(text) == [
        "Phillips, held at Kern Valley (Calif.) State Prison, will pay.",
        "He left.",
        "(He was tired.)",
        "Then he slept.",
    ]
    assert_well_formed(text, sentence_spans(text))


def test_a_title_s_period_opens_no_sentence() -> None:
    """"Mr. Darcy": the capital after a title names someone; the same period after another word ends a sentence."""
    for before in ("fits the Mr. ", "said Gen. ", "Dr. "):
        assert not opens_sentence(before), repr(before)
    assert opens_sentence("It fell to Mr. Hummr. ")


def test_a_short_sentence_a_pronoun_opens_goes_on_with_the_one_before() -> None:
    """"How old was Dorothy Vance?" was refused: "She was 94." was too short to be quoted, and so no answer."""
    text = "Dorothy Vance died Sunday at her home. She was 94.\n\nHe declined. The mayor spoke. It rained all day."
    spans = [text[a:b] for a, b in statement_spans(text)]
    assert spans == [
        "Dorothy Vance died Sunday at her home. She was 94.", "He declined.", "The mayor spoke.", "It rained all day."
    ]


@pytest.mark.parametrize(
    ("text", "rest"),
    [
        ("MINNEAPOLIS (AP) — About 7,000 nurses walked off the job.", "About 7,000 nurses walked off the job."),
        ("BANGUI, Central African Republic (AP) — Elections will be held.", "Elections will be held."),
        ("LAS VEGAS ‒ Donald Trump trumpeted his win.", "Donald Trump trumpeted his win."),
        ("— SpaceX launched 40 satellites.", "SpaceX launched 40 satellites."),  # split off at "CAPE CANAVERAL, Fla."
        ("(AP) — A jury convicted him.", "A jury convicted him."),  # split off at "HARLAN SPRINGS, Pa."
        ("(Reuters) — Nestwell said so.", "Nestwell said so."),
        ("(The drill) went on.", "(The drill) went on."),
        ("The vote — 5-2 — was close.", "The vote — 5-2 — was close."),
        ("NASA said it would — maybe — try.", "NASA said it would — maybe — try."),
    ],
)
def test_a_quote_goes_on_after_the_dateline_a_story_opens_with(text: str, rest: str) -> None:
    """Answers quoted "MINNEAPOLIS (AP) — About 7,000 nurses …" and "— SpaceX launched …"."""
    assert text[dateline_end(text, 0, len(text)) :] == rest
