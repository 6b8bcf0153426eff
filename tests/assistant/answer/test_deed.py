"""A "Who <verb> …?" question's deed against sentences."""

from __future__ import annotations

from answer_testkit import sentence

from assistant.answer.deed import Deed


def test_the_deed_is_stated_done_by_someone_new_or_only_in_the_passive() -> None:
    stole = Deed("Who stole the painting?")
    assert stole.verb == "stole"
    assert stole.stated(sentence("Two men stole the painting in 1994."))
    assert stole.done_by_new(sentence("Police said Dan Reed stole the painting in 1994."))
    assert stole.passive(sentence("A painting stolen from the Harbor Art Museum in 1994 has been returned."))
    assert not stole.passive(sentence("The painting was stolen by Dan Reed."))
    assert stole.names_doer(sentence("The painting was stolen by Dan Reed and a friend."))
    # another question asks no deed: every sentence tells it, none names its doer
    other = Deed("What is the painting worth?")
    assert other.verb == "" and other.tells("Anything.") and not other.done_by_new(sentence("Two men stole it."))


def test_a_post_held_in_someone_s_place_is_stated_by_the_words_news_uses_for_it() -> None:
    """"Who replaced Thiel?" is answered by "Deputy Commissioner Janice Obuya will serve as acting commissioner", which
    names someone new before "acting" and not the one replaced."""
    replaced = Deed("Who replaced Thiel?")
    assert replaced.in_place and not Deed("Who killed Prigozhin?").in_place
    acting = sentence("Deputy Commissioner Janice Obuya will serve as acting commissioner, the governor's office said.")
    assert replaced.stated(acting) and replaced.done_by_new(acting)
    assert not replaced.stated(sentence('Thiel said he was stepping down "so that the department can focus".'))
