"""What a question asks of its names: the residue test reads the question without them."""

from __future__ import annotations

from assistant.answer.constraints import Constraints
from assistant.answer.residue import name_phrases, residue


def test_the_residue_is_what_the_question_asks_of_its_names_and_numbers() -> None:
    assert residue("Where was the Magna Carta sealed in 1215?") == "Where was the sealed in"
    assert residue("What did the July 23, 2025 drone strike destroy?") == "What did the drone strike destroy?"
    assert residue("Who is the founder of the Wagner Group?") == "Who is the founder of the Group?"  # not demanded
    assert residue("Who founded the group that assaulted the city?") == "Who founded the group that assaulted the city?"
    # the words that ask for a measure ask of nothing: "How long has the Bakhmut assault lasted?" asks of the assault
    assert residue("How long has the Bakhmut assault lasted?") == "How has the assault"
    assert residue("How many hours did the blitz last?") == "How many hours did the blitz"
    # the fillers of hurried typing ask nothing: "whats the reason, like what broke" was tested as three words
    assert residue("what's the reason, like what broke") == "what's the reason, what broke"


def test_the_nouns_going_on_a_name_are_part_of_it_not_what_is_asked() -> None:
    """"Who founded the Kestrel Valley cider festival?" asks who founded it: "cider festival" goes on the name, so a
    sentence about the festival's return no longer passes as stating what is asked."""
    assert residue("Who founded the Kestrel Valley cider festival?") == "Who founded the"
    assert name_phrases("Who founded the Kestrel Valley cider festival?") == ["Kestrel Valley cider festival"]
    assert name_phrases("Who started the Wagner mercenary group?") == ["Wagner mercenary group"]
    # a word that can be a verb stays asked ("forces", "strike"), as does what follows a name's punctuation
    assert residue("Which city did Prigozhin's forces assault?") == "Which city did forces assault?"
    assert residue("What did the July 23, 2025 drone strike destroy?") == "What did the drone strike destroy?"
    assert residue("Was Kadyrov, a warlord, promoted?") == "Was a warlord, promoted?"
    # an adjective goes on a name only before a noun: after it, it is what is asked
    assert residue("Why was the Kerch Bridge important?") == "Why was the important?"
    assert name_phrases("Which Ukrainian city did Wagner capture?") == ["Ukrainian city", "Wagner"]


def test_a_noun_ending_the_question_on_a_name_is_asked_when_nothing_else_is() -> None:
    """"How much was the Ford verdict?" asked nothing of Ford ("How much was the"), and led with its cash goal."""
    assert residue("How much was the Ford verdict?") == "How much was the verdict"
    assert residue("When is the Ohio primary?") == "When is the primary"
    assert residue("What is the Wagner group?") == "What is the"  # an organisation's generic word
    assert residue("Who founded the Kestrel Valley cider festival?") == "Who founded the"  # "founded" is asked


def test_a_follow_up_s_words_from_the_conversation_are_names_not_what_it_asks() -> None:
    """retrieval.rewrite puts them in brackets after the question; the bracket opens no sentence for them."""
    rewritten = "When was it founded? (Kestrel Valley cider festival Brackenford)"
    assert residue(rewritten) == "When was it founded?"
    assert {"kestrel", "valley", "brackenford"} <= Constraints.of(rewritten).names
    assert name_phrases(rewritten) == ["Kestrel Valley cider festival Brackenford"]
