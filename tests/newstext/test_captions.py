"""Photo captions: a paragraph ending in its credit is a picture's caption, not the story's text."""

from __future__ import annotations

from newstext.captions import caption_spans, in_caption

SUTTER = (
    "“When I played, I never needed the spotlight,” he said during his induction speech.\n\n"
    "Bruce Sutter waves to the crowd during the 2018 home opener game at Bush Stadium. "
    "Jimmy Simmons/Icon Sportswire/AP\n\n"
    "Cardinals owner Bill DeWitt Jr. sent his condolences to the Sutter family."
)


def test_a_paragraph_ending_in_a_credit_is_a_caption() -> None:
    spans = caption_spans(SUTTER)
    assert [SUTTER[a:b] for a, b in spans] == [
        "Bruce Sutter waves to the crowd during the 2018 home opener game at Bush Stadium. "
        "Jimmy Simmons/Icon Sportswire/AP"
    ]
    assert in_caption(spans, SUTTER.index("Bruce Sutter waves"))
    assert not in_caption(spans, SUTTER.index("Cardinals owner"))
    assert not in_caption(spans, 0)


def test_agencies_after_a_slash_and_getty_alone_are_credits() -> None:
    for caption in (
        "A storm damaged Bertha Gonzalez's home near Decatur, Texas. Rebecca Slezak/The Dallas Morning News/AP",
        "Tide Pods launched in 2012. Daniel Acker/Bloomberg/Getty Images",
        "The Queen and Prince Philip in 1947. Getty Images",
    ):
        assert caption_spans(caption) == [(0, len(caption))], caption


def test_a_sentence_with_a_slash_is_no_caption() -> None:
    for text in (
        "Follow along during the debate, starting 8 p.m. Saturday, at DesMoinesRegister.com/DemDebate.",
        "It marked 30 years since the crash of Delta Flight 191 at Dallas/Fort Worth International Airport.",
        "The 24/7 hotline is open to all.",
    ):
        assert caption_spans(text) == [], text
