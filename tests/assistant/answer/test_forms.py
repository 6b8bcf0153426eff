"""A word in one of its forms: a sentence's content words, their dictionary forms, and the words news uses for them."""

from __future__ import annotations

from assistant.answer.forms import deed_in_form, in_form, negates, sentence_words

BAKHMUT = "Prigozhin has continuously ordered Wagner-led forces to assault Bakhmut in Donetsk."
MARCH = "The March strikes on oil refineries in Tuapse and Samara, and the July rail attacks, blind Moscow's forces."


def test_a_word_in_another_form_states_it_without_embedding() -> None:
    assert in_form(["leads"], sentence_words(BAKHMUT))  # "Wagner-led": led ~ lead ~ leads
    assert in_form(["die"], sentence_words("He died in a plane crash north of Moscow."))
    assert not in_form(["die"], sentence_words(BAKHMUT))
    assert in_form(["hurt"], sentence_words("The fuselage gave way, but fortunately no one was seriously injured."))


def test_a_month_written_as_a_name_states_no_verb() -> None:
    assert "march" not in sentence_words(MARCH) and "july" not in sentence_words(MARCH)
    assert "march" in sentence_words("Thousands march on the capital.")


def test_a_negated_auxiliary_states_no_deed() -> None:
    """"Joe Biden probably won't take the debate stage" had stated "won" for "Who won the Republican debate?"."""
    debate = "Joe Biden probably won't take the debate stage with his Democratic rivals."
    assert not in_form(["won"], sentence_words(debate)) and in_form(["debate"], sentence_words(debate))
    assert not in_form(["won"], sentence_words("They can’t say who won’t run."))


def test_a_word_asked_as_a_verb_is_stated_only_by_its_verb_s_forms() -> None:
    """"Who shot the Wilmington officers?" (news-smoke) led with "… juvenile mug shots for minor crimes": "shots" is
    only the noun shot, no form of the verb shoot."""
    assert not deed_in_form("shot", sentence_words("A bill would bar police from releasing juvenile mug shots."))
    assert deed_in_form("shot", sentence_words("Three officers were shot on Friday."))
    assert deed_in_form("shot", sentence_words("The shooting left three officers hurt."))
    assert deed_in_form("founded", sentence_words("Wagner founder Yevgeny Prigozhin"))  # news's word for it
    assert in_form(["shot"], sentence_words("juvenile mug shots"))  # any other word: its forms as any part of speech


def test_a_deed_stated_only_after_a_negation_is_denied() -> None:
    """"… as many as 12 tornadoes … that they have not yet confirmed" denies "How many tornadoes were confirmed?"."""
    assert negates(["confirmed"], "There could have been 12 tornadoes that they have not yet confirmed.")
    assert negates(["won"], "She never won the race, and didn't win it later.")
    assert not negates(["confirmed"], "At least five tornadoes were confirmed in Texas.")
    assert not negates(["confirmed"], "Five were confirmed; seven were not confirmed.")  # stated once plainly
    assert not negates(["confirmed"], "Storms swept across Texas.")  # not stated at all


def test_a_word_is_stated_by_a_word_news_uses_for_it() -> None:
    """MiniLM puts "started" 0.42 from "founder" and "attacking" 0.59 from "assault"; newstext.synonyms joins them."""
    assert in_form(["started"], sentence_words("... and Wagner founder Yevgeny Prigozhin."))
    assert in_form(["attacking"], sentence_words("Prigozhin ordered Wagner-led forces to assault Bakhmut."))
    assert not in_form(["started"], sentence_words("Police found the body on Sunday."))  # found: of "find"
    # "Who raised its minimum wage to $23 an hour?" (news-smoke), a "Who" question's deed
    assert in_form(["raised"], sentence_words("Bank of America is increasing its U.S. minimum wage to $23 an hour."))
    # "How much could the Martha's Vineyard lawsuit cost Florida?" (news-smoke) led with a quote saying "cost"
    assert in_form(["cost"], sentence_words("Florida has agreed to pay up to $1 million to two law firms."))
