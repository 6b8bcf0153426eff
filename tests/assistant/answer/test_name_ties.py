"""Tie-breaks for a question asking for a name, by what it asks for (a name it does not give, of the asked kind, given
to the asked thing)."""

from __future__ import annotations

from answer_testkit import breaks_the_tie, sentence

from assistant.answer.name_ties import (
    kind_name_tie,
    named_noun_tie,
    names_other,
    new_name_tie,
    opens_with_asked,
    opens_with_other,
)
from assistant.answer.near import folded_words


def test_a_question_asking_for_a_name_leads_with_a_near_tie_naming_someone_new() -> None:
    """"Which airline said this week it found loose bolts …?" led with "an international airline", naming none."""
    asked = "Which airline said it found loose bolts on grounded Boeing 737 Max 9 planes?"
    unnamed = sentence("After an international airline discovered a bolt on a Boeing 737 Max, checks were urged.")
    named = sentence("And United Airlines and Alaska Airlines both said they found loose parts on MAX 9 planes.")
    assert new_name_tie([(0.5, unnamed), (0.45, named)], asked, 0.8) == 1
    assert new_name_tie([(0.5, unnamed), (0.3, named)], asked, 0.8) == 0  # too far below
    assert new_name_tie([(0.5, named), (0.45, unnamed)], asked, 0.8) == 0  # the best names one already
    assert new_name_tie([(0.5, unnamed), (0.45, named)], "How many bolts were loose?", 0.8) == 0
    # a sentence's first word, a month and a day name nobody
    assert new_name_tie([(0.5, unnamed), (0.45, sentence("Monday brought more checks in March."))], asked, 0.8) == 0


def test_a_country_opening_the_sentence_is_a_name_another_opening_word_is_not() -> None:
    """"Greece has legalized same-sex civil marriage …" names the country asked for, though it opens the sentence."""
    asked = "Which country became the first Orthodox Christian nation to legalise same-sex marriage?"
    greece = sentence("Greece has legalized same-sex civil marriage and same-sex adoption.")
    estonia = sentence("While it is legal in 19 European countries, Estonia is set to follow.")
    assert new_name_tie([(0.5, greece), (0.45, estonia)], asked, 0.8) == 0
    despite = sentence("Despite the vote, lawmakers said the change would take years.")
    assert new_name_tie([(0.5, despite), (0.45, estonia)], asked, 0.8) == 1


def test_which_noun_leads_with_a_near_tie_naming_a_name_that_holds_the_noun() -> None:
    """"Which airline said this week it found loose bolts …?" (news-dev) led with a sentence naming the Federal
    Aviation Administration, new but no airline, above "And United Airlines and Alaska Airlines both said …"."""
    asked = "Which airline said this week it found loose bolts on grounded Boeing 737 Max 9 planes?"
    faa = sentence("An airline found a loose bolt on a Boeing 737 Max, the Federal Aviation Administration said.")
    united = sentence("And United Airlines and Alaska Airlines both said they found loose parts on MAX 9 planes.")
    breaks_the_tie(kind_name_tie, asked, faa, united, "How many bolts were loose on the Boeing 737 Max 9 planes?")
    # the noun as a name's first word, or in a name the question gives, is no name of that kind
    first = sentence("Airline Reporting Corporation figures were released on Monday.")
    assert kind_name_tie([(0.5, faa), (0.47, first)], asked, 0.9) == 0
    # a state or a nation is a kind of its own (answer_type.py): "Secretary of State" names no state
    secretary = sentence("Nevada Secretary of State Francisco Aguilar said voters were confused.")
    contest = sentence("Democrats ordered the state to move its contest.")
    assert kind_name_tie([(0.5, contest), (0.47, secretary)], "Which state held a primary this week?", 0.9) == 0


def test_the_name_of_a_thing_leads_with_a_near_tie_giving_it_a_name() -> None:
    """"What is the name of the spacecraft?" led with "Intuitive Machines' spacecraft would also hail …", its
    owner's name, above "… the uncrewed Odysseus spacecraft gently touched down …"."""
    asked = "A lunar lander set off for the moon this week. What is the name of the spacecraft?"
    owner = sentence("If it lands, Houston-based Intuitive Machines' spacecraft would hail the first landing.")
    named = sentence("A week after launching, the uncrewed Odysseus spacecraft gently touched down on the moon.")
    breaks_the_tie(named_noun_tie, asked, owner, named, "When did the spacecraft land on the moon?")
    called = sentence("Artists are using a free tool called Nightshade to protect their work.")
    unnamed = sentence("Artists are using a new downloadable tool to protect their work.")
    tool = "What is the name of a new downloadable tool being used by artists to stop AI stealing their artwork?"
    breaks_the_tie(named_noun_tie, tool, unnamed, called, "Why are artists using a new downloadable tool?")


def test_a_sentence_names_someone_else_by_a_full_name_the_question_lacks() -> None:
    """For "Who was the mayor before Reed?", "Mayor Tom Reed praised the vote" names only Reed; a full name of
    someone else is what a "Who …?" question of a name asks (a single capitalised word is as often a thing: "X")."""
    asked = folded_words("Who was the mayor before Reed?")
    assert not names_other("Mayor Tom Reed praised the vote.", asked)
    assert names_other("Reed beat Mayor John Smith in 2019.", asked)
    assert not names_other("Reed posted it on X, formerly known as Twitter, on Monday.", asked)
    assert not names_other("Reed took office in March, Reed said Monday.", asked)  # a month or day names nobody
    macron = folded_words("Who did Emmanuel Macron appoint as France's next prime minister?")
    assert names_other("Gabriel Attal became France's youngest ever prime minister.", macron)
    assert not names_other("French President Emmanuel Macron said in a post.", macron)


def test_a_sentence_opening_with_the_question_s_name_tells_of_it() -> None:
    """"An art dealer … called the bureau" answers "Who called the FBI?" by describing the one who did: it opens with
    no name of the question, as "Mayor Tom Reed praised the vote" does for "Who was the mayor before Reed?"."""
    assert opens_with_asked("Mayor Tom Reed praised the vote.", folded_words("Who was the mayor before Reed?"))
    assert opens_with_asked("“Macron added …”", folded_words("Who did Macron appoint?"))
    fbi = folded_words("Who called the FBI?")
    assert not opens_with_asked("An art dealer recognized it from an FBI list and called the bureau.", fbi)
    # an opening word is no name, though the question writes it ("the")
    assert not opens_with_asked("The art dealer who recognized it called the bureau.", fbi)


def test_a_sentence_opening_with_a_name_the_question_lacks_is_another_s() -> None:
    """"Ramirez received 52 percent of the vote" answered "What share of the vote did Palmer get?"."""
    palmer = folded_words("What share of the vote did Palmer get?")
    assert opens_with_other("Ramirez received 52 percent of the vote.", palmer)
    assert opens_with_other("Center Marcus Dell grabbed 14 rebounds.", palmer)
    assert not opens_with_other("Palmer received 40 percent of the vote.", palmer)
    assert not opens_with_other("Mayor George Palmer got 40 percent.", palmer)  # past the title
    assert not opens_with_other("He received 40 percent of the vote.", palmer)  # an opening word is no name
    assert not opens_with_other("The count gave him 40 percent.", palmer)
    assert not opens_with_other("From drone strikes to sanctions threatening a third of its budget, …", palmer)
    assert not opens_with_other("Despite the recount, the share stayed at 48 percent.", palmer)
    ireland = folded_words("Ireland's new prime minister became the youngest leader. How old is he?")
    assert not opens_with_other("Ireland’s prime minister took office in June.", ireland)  # the owner is Ireland
    # the holder of the role the question asks of, past its title: "the Brennick Falls mayor" is "Mayor Leonard Vasko"
    mayor = folded_words("what is the Brennick Falls mayor accused of")
    assert not opens_with_other("Mayor Leonard Vasko, 61, was indicted by a state grand jury.", mayor)
    assert opens_with_other("Governor Alvarez Quintrell signed the bill.", mayor)
