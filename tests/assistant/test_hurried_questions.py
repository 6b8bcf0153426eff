"""Questions typed in a hurry and asked deep in a conversation, over a collection of local stories each told once
(tests/data/hurried): shorthand written out, and a chain of follow-ups kept to its story."""

from __future__ import annotations

from answer_testkit import conversation, data_articles, files_service

from assistant.service import AnswerService

hurried = files_service(data_articles("hurried"))


def test_shorthand_is_read_as_the_words_it_stands_for(hurried: AnswerService) -> None:
    """"how many ppl got sick" was refused for not saying "Ppl"; "what does that mean for a $300k house" led with a
    retired machinist's tax bill, not "the owner of a home valued at $300,000 would pay about $96 more a year"."""
    sick = hurried.ask("how many ppl got sick", conversation(hurried, "what food got recalled for salmonella"))
    assert not sick.refused and "37 people" in sick.citations[0].quote
    house = hurried.ask(
        "what does that mean for a $300k house", conversation(hurried, "how much are property taxes going up")
    )
    assert house.answer.startswith("Under the new rate, the owner of a home valued at $300,000 would pay about $96")


def test_a_follow_up_deep_in_a_conversation_is_answered_from_its_story(hurried: AnswerService) -> None:
    """"whats his bail", fifth in a conversation on the arrest, carried every earlier follow-up's words ("old",
    "places", "break") and led with the arrest; it is answered by the sentence on his bail."""
    history = conversation(
        hurried,
        "who got arrested for the lakeport burglaries",
        "how old is he",
        "how many places did he break into",
        "how did police catch him",
    )
    bail = hurried.ask("whats his bail", history)
    assert "$75,000 cash bail" in bail.citations[0].quote


def test_a_count_asked_of_a_place_is_the_one_stated_with_it(hurried: AnswerService) -> None:
    """"how many jobs is kessler cutting in dunmore" led with "… also plans to cut 85 salaried positions at its
    headquarters …, bringing the total to 425 jobs" (it holds "cut"), not the lede's "… close its plant in Dunmore …,
    eliminating 340 jobs"."""
    jobs = hurried.ask("how many jobs is kessler cutting in dunmore")
    assert "eliminating 340 jobs" in jobs.citations[0].quote


def test_a_role_s_name_no_article_gives_is_said_plainly(hurried: AnswerService) -> None:
    """"what's his lawyer's name" after the arrest was answered with "Officers found him asleep in a room rented under
    a false name"; the article only says it was not known whether he had an attorney."""
    history = conversation(hurried, "who got arrested for the lakeport burglaries")
    lawyer = hurried.ask("what's his lawyer's name", history)
    assert lawyer.refused and "the name of the lawyer" in lawyer.answer


def test_how_much_a_thing_is_going_up_asks_for_the_change(hurried: AnswerService) -> None:
    """"how much is tuition going up at northern plains state" led with the out-of-state rise: the progressive "going
    up" was not read as asking a change, which "… to raise in-state tuition by 6.5% …" gives."""
    tuition = hurried.ask("how much is tuition going up at northern plains state")
    assert "raise in-state tuition by 6.5%" in tuition.citations[0].quote


def test_what_a_thing_is_called_is_the_name_its_story_gives_it(hurried: AnswerService) -> None:
    """"what's the fire called" was answered with "The fire is burning in much of the same area as the Dutchman Fire
    of August 2017 …", another fire; the story's own is "The Cinder Ridge Fire was first reported …"."""
    history = conversation(hurried, "how big is the oregon wildfire now")
    called = hurried.ask("what's the fire called", history)
    assert called.answer.startswith("The Cinder Ridge Fire was first reported")


def test_a_count_asked_in_a_place_is_not_answered_with_another_s_or_the_whole(hurried: AnswerService) -> None:
    """"how many of those are in iowa" after the outbreak's 37 sick was answered with "Of the 37 people sickened, 11
    have been hospitalized …": no article counts Iowa's (Iowa is only where the plant is); Minnesota's is given."""
    history = conversation(hurried, "what food got recalled for salmonella", "how many ppl got sick")
    iowa = hurried.ask("how many of those are in iowa", history)
    assert iowa.refused and iowa.reason == "no_answer"
    minnesota = hurried.ask("how many of those are in minnesota", history)
    assert minnesota.answer.startswith("Minnesota has reported the most cases, 10")


def test_a_question_s_verb_finds_the_sentence_stating_it_by_another(hurried: AnswerService) -> None:
    """"which route is getting cut" led with the extension of Route 9: no chunk says "cut", so BM25 never reached the
    lede's "… voted 6-1 … to raise the base bus fare … and eliminate Route 14" (cut ~ eliminate, newstext.synonyms)."""
    history = conversation(hurried, "new riverton bus fare?", "when does it take effect")
    route = hurried.ask("which route is getting cut", history)
    assert "eliminate Route 14" in route.citations[0].quote


def test_who_did_a_deed_told_as_a_noun_is_the_one_it_came_from(hurried: AnswerService) -> None:
    """"who voted against it" after Route 22's change led with "The board also voted to end Sunday service on Route 22
    …", which names no one; "The lone vote against the plan came from board member Darnell Higgs" names the doer,
    in the lead's article, in a chunk that does not name Route 22."""
    asked = ("new riverton bus fare?", "which route is getting cut", "how many people ride it", "what about route 22")
    history = conversation(hurried, *asked)
    against = hurried.ask("who voted against it", history)
    assert "came from board member Darnell Higgs" in against.citations[0].quote


def test_why_is_answered_by_the_reason_its_article_gives_for_what_is_asked(hurried: AnswerService) -> None:
    """"why are they raising it" after the tuition questions led with the increase itself; its article's reason,
    "Kell said the increase was made necessary by a cut in state support" (raising ~ increase), was ranked eighth,
    below "… going to pay a dollar more because of this vote", a reason for nothing asked."""
    asked = ("how much is tuition going up at northern plains state", "so what will in-state pay per year")
    raising = hurried.ask("why are they raising it", conversation(hurried, *asked, "and out of state students?"))
    assert "made necessary by a cut in state support" in raising.citations[0].quote
