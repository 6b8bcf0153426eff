"""Why something happened: the sentence giving a reason in so many words answers "Why …?"."""

from __future__ import annotations

from answer_testkit import article_service, breaks_the_tie, sentence

from assistant.answer.reasons import asks_how_died, asks_why, gives_reason, reason_tie
from assistant.service import AnswerService


def test_only_a_question_opening_with_why_or_how_someone_died_asks_it() -> None:
    assert asks_why("Why did Toyota recall the BZ4X?") and asks_why("why are they raising it")
    assert asks_how_died("How did she die?") and asks_how_died("how did the coach die")
    assert asks_how_died("what killed her")
    assert asks_how_died("what did he die of") and asks_how_died("What was the cause of death?")
    assert not asks_why("Who asked why the plant closed?") and not asks_how_died("How many people died?")


def test_a_death_s_cause_is_what_how_someone_died_asks() -> None:
    died = "How did she die?"
    assert gives_reason(died, "Her son, Peter Vance, said the cause was complications of pneumonia.")
    assert gives_reason(died, "He died of cancer at 61.") and gives_reason(died, "She died from her injuries.")
    assert gives_reason(died, "Her son said she died at Tillbury Memorial Hospital from complications of pneumonia.")
    assert gives_reason(died, "The county coroner attributed his death to carbon monoxide poisoning.")
    assert not gives_reason(died, "She died Sunday at her home in Portland, Maine.")
    assert not gives_reason(died, "She died in 2019 at the age of 88.")
    assert not gives_reason(died, "The team lost because its kicker missed.")  # a reason for something else


obituary = article_service("obituary")


def test_how_someone_died_is_led_by_the_cause_of_death(obituary: AnswerService) -> None:
    """"How did Harold Brenner die?" led with the lede's "… died Tuesday at a hospice in Millbrook", which says when
    and where; the cause is told three paragraphs down, with no "die" in it."""
    response = obituary.ask("How did Harold Brenner die?")
    assert "the cause was heart failure" in response.citations[0].quote


def test_why_leads_with_a_near_tie_giving_a_reason() -> None:
    """"Why did Toyota recall the BZ4X?" (news-smoke) led with how many SUVs the recall applies to, above "Toyota
    warned owners … to stop driving them because the wheels might fall off"."""
    asked = "Why did Toyota recall the BZ4X?"
    applies = sentence("The recall announced by Toyota on Thursday applies to all approximately 260 BZ4X SUVs.")
    because = sentence("Toyota warned owners of BZ4X SUVs to stop driving them because the wheels might fall off.")
    breaks_the_tie(reason_tie, asked, applies, because, "How many BZ4X SUVs did Toyota recall?")


def test_a_reason_is_given_in_so_many_words_not_by_when() -> None:
    """"amid" and "after" as often say when: "Amazon Pharmacy offers insulin discounts amid price hikes" gives no
    reason insulin prices fall; and only a "Why …?" question asks for one."""
    why = "Why are insulin prices falling?"
    assert gives_reason(why, "The punitive damages were awarded due to what Ford knew.")
    assert gives_reason(why, "An award to warn drivers was the reason the family insisted on a verdict.")
    assert not gives_reason(why, "Amazon Pharmacy offers insulin discounts amid price hikes.")
    assert not gives_reason(why, "After a credible sighting, the search moved to Stewart County.")
    # a reason for what the sentence before said ("Why were Wendy's customers angry?", news-dev)
    assert not gives_reason(why, "That makes sense, because most Americans eat at Wendy's around those times.")
    assert not gives_reason("How much did prices fall?", "Prices fell because makers cut them.")
    # a reason blamed, or what made it necessary ("why are they shutting it", "why are they raising it")
    assert gives_reason("Why is Kessler closing the plant?", "Chief Executive Gregory Tamsin blamed a sharp drop in "
                        "orders from the company's biggest customer.")  # fmt: skip
    assert gives_reason("Why is tuition going up?", "Kell said the increase was made necessary by a cut in state aid.")
    assert gives_reason("Why did the bridge fail?", "Engineers attributed the failure to corroded cables.")
    assert gives_reason(why, "Board members cited research showing teenagers who sleep longer do better.")
    # a purpose ("whyd they do it" after a board's vote for a four-day week)
    assert gives_reason(why, "Reyes-Whitcomb said the change is aimed mainly at recruiting and keeping teachers.")
    assert gives_reason(why, "The city raised fares in an effort to close its budget gap.")


def test_a_reason_or_a_cause_asked_for_is_a_why_question() -> None:
    """"whats the reason, like what broke", "what caused the outage" and "how come …" ask what "Why …?" asks."""
    for asked in ("whats the reason, like what broke", "what's the reason for the delay", "what caused the outage",
                  "What was the cause?", "how come the flights were cancelled",
                  "what's the problem with them"):  # fmt: skip
        assert asks_why(asked), asked
    assert not asks_why("what caught fire") and not asks_why("what was the reaction")


def test_what_someone_died_of_is_led_by_the_cause_of_death(obituary: AnswerService) -> None:
    """"what did he die of" was asked of nothing the lede lacks: it led with "… died Tuesday at a hospice"."""
    response = obituary.ask("what did Harold Brenner die of")
    assert "the cause was heart failure" in response.citations[0].quote
