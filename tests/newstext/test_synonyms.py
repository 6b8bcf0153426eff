"""Verbs news uses for one another."""

from __future__ import annotations

from newstext.synonyms import same_as


def test_a_word_news_uses_for_another_is_in_its_group() -> None:
    assert {"founder", "start", "create"} <= same_as("founded")
    assert "assault" in same_as("attack") and "leader" in same_as("lead")
    assert "increase" in same_as("raise") and "shutter" in same_as("close")
    assert "pay" in same_as("cost")  # "How much could the lawsuit cost Florida?": "Florida has agreed to pay"
    assert "host" in same_as("play")  # "Who is Delaware playing on Saturday?": "Delaware hosts the Princeton Tigers"
    assert "die" in same_as("dead") and "death" in same_as("die")  # "Is Navalny dead?": "Navalny, 47, died …"
    assert "beat" in same_as("win") and "defeat" in same_as("win")  # "Who won the game?": "the Hawks beat the Bears"
    assert "share" in same_as("stock")  # "How did the stock react?": "Its shares fell 6 percent …"
    assert "income" in same_as("earn") and "profit" in same_as("earn")  # "how much did they earn": "Net income …"
    assert "missing" in same_as("unaccounted")  # "is anyone still unaccounted for": "… remained missing"
    assert "argue" in same_as("argument")  # "What's his main argument?": "Rowe argued that …"
    assert "attorney" in same_as("lawyer") and "appeal" in same_as("fight")  # "is his lawyer gonna fight it"
    assert "fail" in same_as("break") and "failure" in same_as("break")  # "what broke": "… a failed … update"
    assert "injure" in same_as("hurt")  # "Was anyone hurt in the Alaska Airlines blowout?": "no one was … injured"


def test_a_word_in_no_group_is_only_itself() -> None:
    assert same_as("whisper") == frozenset({"whisper"})
    assert same_as("found") == frozenset({"found"})  # also the past of "find": the group holds "founded"


def test_a_verb_is_stated_by_the_noun_naming_its_event() -> None:
    """"What did Queen Margrethe decide?" (news-smoke) was refused: the article says "a decision by Queen
    Margrethe"; "Where did he speak?" after Rutte's apology says "during a speech"."""
    assert {"decide", "decision"} <= same_as("decide") == same_as("decision")
    # a court decides by ruling: "What did the Ohio Supreme Court decide?" was refused over "… ruling 4-3 that …"
    assert {"rule", "ruling", "verdict"} <= same_as("decide")
    assert "donation" in same_as("donate") and "repair" in same_as("fix") and "lawsuit" in same_as("sue")
    assert "speech" in same_as("speak") and "response" in same_as("respond") and "resignation" in same_as("resign")


def test_a_death_is_stated_by_a_killing_but_not_the_other_way() -> None:
    """"Who died in the plane crash?" was refused over "… crashed …, killing the pilot"; "… he died" says no one
    killed him."""
    assert "kill" in same_as("die") and "kill" in same_as("hurt")
    assert "die" not in same_as("kill") and "hurt" not in same_as("kill")


def test_the_hurt_are_told_by_their_care() -> None:
    """"Were they hurt?" after the rescue was refused over "… both were treated for smoke inhalation"."""
    assert {"treat", "hospitalize"} <= same_as("hurt") and "hurt" not in same_as("treat")
