"""Captions: a paragraph ending in its credit is a picture's caption, one with credits between its captions a gallery's,
and a video's label and length a video's: not the story's text."""

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
        "Prince Harry speaks in New York City. Kevin Mazur/Getty Images for Global Citizen",
    ):
        assert caption_spans(caption) == [(0, len(caption))], caption


def test_a_sentence_with_a_slash_is_no_caption() -> None:
    for text in (
        "Follow along during the debate, starting 8 p.m. Saturday, at DesMoinesRegister.com/DemDebate.",
        "It marked 30 years since the crash of Delta Flight 191 at Dallas/Fort Worth International Airport.",
        "The 24/7 hotline is open to all.",
        "It crashed near Smyrna. Rutherford County/Smyrna Airport officials launched investigations of the crash.",
        "When: March 9, Registration 2 p.m. Run/Walk 3 p.m.",
        "It was taken in May. The USA TODAY/Suffolk University/Boston Globe poll found him ahead.",
    ):
        assert caption_spans(text) == [], text


def test_a_gallery_s_credits_between_its_captions_and_a_video_s_label_make_captions() -> None:
    """"Why did Queen Elizabeth pull out of the jubilee service?" (news-smoke) went on with "Leon Neal/Getty Images In
    pictures: Queen Elizabeth II's Platinum Jubilee Prev Next" and "Video Ad Feedback See Prince Louis' reaction …"."""
    story = "She felt some discomfort on Thursday, the palace said."
    gallery = (
        "The Queen watches from the balcony on Thursday, June 2. Jonathan Brady/Pool/AP The Queen is joined by "
        "members of the royal family. Leon Neal/Getty Images In pictures: Queen Elizabeth II's Platinum Jubilee"
    )
    video = "Video Ad Feedback See Prince Louis' reaction to royal flypast at Queen's jubilee 01:33 - Source: CNN"
    text = f"{story}\n\n{gallery}\n\n{video}\n\nA thanksgiving service followed."
    assert [text[a:b] for a, b in caption_spans(text)] == [gallery, video]
    teaser = "Her title: Queen’s Pictures 12:45 - Source: CNN"
    assert caption_spans(teaser) == [(0, len(teaser))]


def test_a_slashed_name_before_a_sentence_is_no_gallery() -> None:
    for text in (
        "The band took the stage at 9 p.m. AC/DC opened with a new song.",
        "Tickets cost $20. Fans/Friends Club members get in free.",
        "Rome won 2-1. Lazio/Roma derbies are rarely calm.",
    ):
        assert caption_spans(text) == [], text
