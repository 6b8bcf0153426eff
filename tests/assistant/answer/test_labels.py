"""Lines of a list under a label answer the question the label asks, though they state no deed."""

from __future__ import annotations

from answer_testkit import article_service

from assistant.answer.labels import label_of, labels_name, labels_question
from assistant.service import AnswerService


def test_a_label_is_the_few_words_before_a_colon_opening_the_line() -> None:
    assert label_of('Best actress: Emma Stone, "Poor Things"') == {"best", "actress"}
    assert label_of('Worst picture: "Blonde"') == {"worst", "picture"}
    assert label_of("Chinese officials said this in a statement on Friday night after the vote: it was wrong.") == set()
    assert label_of("Emma Stone won best actress.") == set()


def test_a_label_asks_the_question_when_its_words_are_the_question_s_and_only_a_deed_is_left() -> None:
    line = 'Best actress: Emma Stone, "Poor Things"'
    assert labels_question(line, "Who won best actress?", ["won", "best", "actress"])
    assert labels_question(line, "Who was named best actress at the Oscars?", ["named", "best", "actress"])
    supporting = 'Best supporting actress: Da\'Vine Joy Randolph, "The Holdovers"'
    assert not labels_question(supporting, "Who won best actress?", ["won", "best", "actress"])  # another award
    assert not labels_question(line, "Who won best actress in a drama?", ["won", "best", "actress", "drama"])


def test_a_line_labelled_by_a_name_of_the_question_gives_its_value() -> None:
    names = frozenset({"new", "jersey"})
    assert labels_name("New Jersey: $13 to $14.13* (scheduled increase also includes inflation adjustment)", names)
    assert not labels_name("Delaware: $10.50 to $11.75", names)  # another state's line
    assert not labels_name("New Jersey Transit: fares rise 15%", names)  # a label saying more than the name
    assert not labels_name("World Happiness Report: Nordic countries top the list", frozenset(label_of(
        "World Happiness Report: x")))  # a heading: its value holds no figure


awards = article_service("awards")  # the winners of an awards night, listed under their categories
nominations = article_service("nominations")  # the nominees, listed the same way
wages = article_service("wages")  # states' new minimum wages, listed by state


def test_who_won_a_category_is_answered_by_its_line_in_the_winners_list(awards: AnswerService) -> None:
    """"Who won worst actor?" after the Razzies (news-dev) was refused: "Worst actor: Jared Leto, 'Morbius'"
    states no "won"; the list's heading ("winners") does."""
    response = awards.ask("Who won best actress?")
    assert not response.refused and response.citations[0].quote.startswith("Best actress: Emma Stone")
    response = awards.ask("Who won best supporting actress?")
    assert not response.refused and response.citations[0].quote.startswith("Best supporting actress: Da'Vine")
    response = awards.ask("Which film won best animated feature?")
    assert not response.refused and "The Boy and the Heron" in response.citations[0].quote


def test_a_list_of_nominees_does_not_say_who_won(nominations: AnswerService) -> None:
    """Its lines carry the asked label, but nothing above them tells who won: no line leads as if it did."""
    response = nominations.ask("Who won best actress?")
    assert response.refused or not response.citations[0].quote.startswith("Best actress:")
    response = nominations.ask("Who was nominated for best actress?")
    assert not response.refused and response.citations[0].quote.startswith("Best actress: Emma Stone, Lily")


def test_a_value_asked_of_a_name_is_answered_by_its_line_in_a_list(wages: AnswerService) -> None:
    """"What is New Jersey's minimum wage?" (news-smoke) led with the 23 states' increases, and the heading, which
    says "wage", then took the lead from the state's line, which does not."""
    for question, line in [
        ("What is New Jersey's minimum wage?", "New Jersey: $13 to $14.13*"),
        ("How much is the minimum wage in Illinois?", "Illinois: $12 to $13"),
    ]:
        response = wages.ask(question)
        assert not response.refused, question
        assert response.citations[0].quote.startswith(line), question
