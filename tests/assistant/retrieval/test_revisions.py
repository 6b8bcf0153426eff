"""A count told as revised: the latest report of a changing figure is the count a "how many" question asks."""

from __future__ import annotations

from assistant.retrieval.revisions import revised


def test_a_count_told_as_revised_is_a_toll_of_the_dead_or_a_figure_of_the_counted_noun() -> None:
    """The latest report of a changing figure is the count asked for (typed.typed puts it first)."""
    toll = "The death toll from Friday's earthquake in western Turkey rose to 31 on Sunday, AFAD said."
    assert revised("How many people died in the earthquake?")(toll)
    assert not revised("How many people were injured?")(toll)  # a toll counts the dead
    assert not revised("How many were injured? (earthquake died)")(toll)  # the user's own words ask
    assert revised("How many measles cases are there?")("The outbreak has grown to 41 confirmed cases.")
    assert not revised("How many people died?")("Inflation rose to 3.9% in May.")
    assert not revised("How many people died?")("… killing at least 12 people.")
    # a toll told as the number of the dead, far from its verb, in words
    storm = "The number of people killed in this week's ice storm in the Harlow Valley rose to four on Wednesday."
    assert revised("how many people have died in the harlow valley ice storm")(storm)
    assert not revised("how many people lost power")(storm)
    assert not revised("How many people died?")("The number of people who lost power rose to 41,500.")


def test_a_count_told_as_corrected_is_revised() -> None:
    """"how many ppl were actually on the boat" led with the first day's "five crew members aboard": the next day's
    "there had been six people aboard the vessel, not five as initially reported" corrects it."""
    told = revised("how many people were actually on the boat")
    assert told("The Coast Guard said there had been six people aboard the vessel, not five as initially reported.")
    assert not told("Five crew members of the fishing boat were rescued Saturday.")
    assert not told("Six people, not counting the crew, were aboard.")  # no earlier report corrected
    # "how many homes did the keller ridge fire destroy" led with the first day's "at least 12 homes"
    homes = revised("how many homes did the Keller Ridge Fire destroy")
    assert homes("Assessment teams found that nine homes had been destroyed, not 12 as officials said Monday.")
    assert homes("Nine homes were destroyed, not 12 as first reported.")
    assert not homes("Nine homes were destroyed, not 12 like the 2019 fire.")
