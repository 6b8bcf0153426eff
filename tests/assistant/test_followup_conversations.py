"""Conversations as a user types them over a fifteenth set of wire stories, a bridge's closure told on three days
among them (tests/data/followups): an update asked of a story told as it develops, and whether anyone died or was
hurt, which news answers by denying it in a short sentence far down."""

from __future__ import annotations

import datetime as dt
from functools import partial

import pytest
from answer_testkit import conversation, data_articles, files_service, lead_after

from assistant.service import AnswerService
from assistant.settings import PROJECT_ROOT

followups = files_service(data_articles("followups"))
DAY_AFTER = dt.date(2026, 11, 26)  # the day after the newest article
lead = partial(lead_after, as_of=DAY_AFTER)  # each question asked as of DAY_AFTER


@pytest.mark.parametrize("asked", ["any update on the bridge", "whats the latest on the bridge"])
def test_an_update_is_the_opening_of_the_story_s_newest_telling(followups: AnswerService, asked: str) -> None:
    """"any update on the bridge" led with the second day's lede (its reopening moved to February), the third day's
    sentences rated lower; "whats the latest on the bridge" with a repair plan told halfway down the third day's
    article. The third day's telling opens with the commissioner's resignation."""
    update = followups.ask(asked, as_of=DAY_AFTER)
    assert update.citations[0].quote.startswith("State Transportation Commissioner Raymond Thiel resigned Wednesday")
    assert update.citations[0].date == "2026-11-19"


def test_whether_anyone_died_is_answered_by_the_denial(followups: AnswerService) -> None:
    """"did anyone die" after the outbreak's counts was refused: "No deaths have been reported." is rated last of the
    story's sentences, below the eight the rule read."""
    before = ("how many ppl got sick from juniper grill", "and how many were hospitlized")
    died = lead(followups, "did anyone die", *before)
    assert died == "No deaths have been reported."


def test_whether_anyone_was_hurt_is_answered_from_beyond_the_passages(followups: AnswerService) -> None:
    """"has anyone been hurt" after the recall was refused: the sentence denying it sits outside the passages."""
    hurt = lead(followups, "has anyone been hurt", "how many suvs r they recalling", "whats the defect")
    assert "knew of no crashes or injuries" in hurt


def test_whether_anyone_was_hurt_is_refused_where_no_article_tells(followups: AnswerService) -> None:
    """The story says nothing of anyone hurt: not answered with the study's sentences."""
    hurt = followups.ask("was anyone hurt", [], as_of=DAY_AFTER)
    assert hurt.refused


def test_how_much_they_lost_is_the_net_loss(followups: AnswerService) -> None:
    """"how much did they lose" after the quarter's results led with the cash the company holds: "lose" is told as
    "a net loss of $187 million"."""
    lost = lead(followups, "how much did they lose", "howd voltara do last quarter")
    assert "a net loss of $187 million" in lost


def test_who_replaced_her_is_who_holds_the_post_in_the_interim(followups: AnswerService) -> None:
    """"who replaced her" after the president's resignation led with the resignation: the article says who holds
    the post in her place as "… named Provost Victor Annunziata as interim president"."""
    replaced = lead(followups, "who replaced her", "Why did the president of Brennard State resign?")
    assert "named Provost Victor Annunziata as interim president" in replaced


def test_who_voted_against_it_is_who_voted_on_that_side(followups: AnswerService) -> None:
    """"who voted against it" after the rent cap led with "The City Council voted 6-3 …", which tells the vote and no
    one's side in it."""
    against = lead(followups, "who voted against it", "Did the Port Edrin city council pass the rent cap?")
    assert against.startswith("Council members Gerald Pike, Nora Villanueva and Sam Hollis voted against")


def test_how_a_company_did_is_its_results_lede(followups: AnswerService) -> None:
    """"howd voltara do last quarter" led with the CFO's word on the cash it holds, above the lede telling the
    quarter's loss and revenue."""
    did = lead(followups, "howd voltara do last quarter")
    assert did.startswith("Voltara Motors said Thursday that its third-quarter loss widened even as revenue climbed")


def test_a_height_no_article_gives_is_refused(followups: AnswerService) -> None:
    """"how tall is okoro" was answered with her shooting figures: no article gives her height."""
    tall = followups.ask("how tall is okoro", [], as_of=DAY_AFTER)
    assert tall.refused and "a height" in tall.answer


def test_who_noticed_it_is_who_discovered_it(followups: AnswerService) -> None:
    """"who noticed it was gone" after the stolen painting was refused: the article says it "was discovered missing
    … by a security guard"."""
    noticed = lead(followups, "who noticed it was gone", "What painting was stolen from the Verrill Museum?")
    assert "was discovered missing at about 7:15 a.m. Monday by a security guard" in noticed


def test_a_weight_no_article_gives_is_refused(followups: AnswerService) -> None:
    """"how much weight did the walkers lose" after the study was answered with an outside expert's caveats."""
    before = conversation(followups, "What did the new study on walking after meals find?", as_of=DAY_AFTER)
    lost = followups.ask("how much weight did the walkers lose", before, as_of=DAY_AFTER)
    assert lost.refused and "a weight" in lost.answer


def test_a_follow_up_is_not_led_by_the_sentence_just_read(followups: AnswerService) -> None:
    """"what bacteria was it" after the outbreak's counts led with the counts' lede again, the one the user had just
    read; "who do they play next" after the record game with the last answer's shooting figures."""
    before = ("how many ppl got sick from juniper grill", "and how many were hospitlized")
    assert "caused by E. coli O157:H7" in lead(followups, "what bacteria was it", *before)
    # the lede read two answers back: "which locations" after the bacteria's answer led with it again
    located = lead(followups, "which locations", *before, "what bacteria was it")
    assert located.startswith("The cases are tied to Juniper Grill restaurants on Oak Street in Millbrook")
    game = ("Who set the scoring record in the Ridgeport women's game?", "final score?", "whose record did she break",
            "what did the coach say about her")
    assert lead(followups, "who do they play next", *game).startswith("Ridgeport next plays at Northfield University")


def test_a_follow_up_the_sentence_just_read_answers_keeps_it(followups: AnswerService) -> None:
    """"and how many were hospitlized" after the counts' lede: the lede says so ("… 12 have been hospitalized …")."""
    hospitalized = lead(followups, "and how many were hospitlized", "how many ppl got sick from juniper grill")
    assert "12 have been hospitalized" in hospitalized


def test_a_follow_up_naming_nothing_is_on_the_story_its_article_tells(followups: AnswerService) -> None:
    """"who's to blame" after the repair's cost was refused as off-topic: it names nothing, and its one word sits far
    from the chunks in meaning; the third day's article says "The review placed the blame on the department …"."""
    blame = lead(followups, "who's to blame", "any update on the bridge", "whats the price tag on the fix now")
    assert blame.startswith("The review placed the blame on the department, not the contractor")


NOTES = (PROJECT_ROOT / "tests" / "data" / "followups" / "README.md").read_text(encoding="utf-8")
with_notes = files_service(data_articles("followups") | {"README.md": NOTES})


def test_an_update_is_the_newest_telling_s_opening_among_other_texts(with_notes: AnswerService) -> None:
    """With the folder's README (undated notes about the stories, close to "the bridge") indexed too, the third day's
    opening chunk fell out of the chunks the rule read, and the update led with a sentence halfway down its article."""
    update = with_notes.ask("any update on the bridge", as_of=DAY_AFTER)
    assert update.citations[0].quote.startswith("State Transportation Commissioner Raymond Thiel resigned Wednesday")


def test_a_follow_up_opening_with_and_asks_its_kind(followups: AnswerService) -> None:
    """"and when will it be fully open" was read as asking no kind ("when" not first), led with the bridge's 1968
    opening, and the next follow-up, "whats the detor", then read the first day's "No official detour had been
    posted"."""
    before = ("any update on the bridge", "when does it reopen now", "and when will it be fully open")
    assert lead(followups, "whats the detor", *before).startswith("The detour over Route 9 and Coldwater Road")
    assert "1968" not in lead(followups, before[-1], *before[:-1])


def test_who_replaced_a_named_official_is_who_serves_in_his_place(followups: AnswerService) -> None:
    """"who replaced thiel" led with Thiel's own letter ("… stepping down …" is close in meaning to replacing); the
    article names his successor without naming him: "… will serve as acting commissioner"."""
    replaced = lead(followups, "who replaced thiel")
    assert replaced.startswith("Deputy Commissioner Janice Obuya will serve as acting commissioner")


def test_who_is_filling_in_is_who_replaces(followups: AnswerService) -> None:
    """"who's filling in for her" after the president's resignation was refused: news says "interim"."""
    filling = lead(followups, "who's filling in for her", "Why did the president of Brennard State resign?")
    assert "named Provost Victor Annunziata as interim president" in filling
