"""What one question asks beyond its names, against sentences: which words a sentence holds in form decides
without embedding; the deed of a "Who <verb> …?" question is what a refusal names."""

from __future__ import annotations

import numpy as np

from assistant.answer.asking import Asking
from assistant.answer.config import RefusalPolicy
from assistant.answer.sentences import Sentence
from index.embedding import Embedder
from tests.assistant.answer.test_stating import sentence_of

CYBER = "Ukraine’s cyber onslaught has paralyzed Crimea’s IT systems, leaving phones dead."
STRIKES = "Regarding red lines, such as striking Russian territory or Crimea, the Kremlin warned of a response."
ONSLAUGHT = "The onslaught went on."


def _no_embedding(texts: list[str]) -> np.ndarray:
    raise AssertionError(f"embedded {texts} although a word's form decided")


def asking(question: str, embed: Embedder | None = None) -> Asking:
    return Asking(question, question, np.zeros(3), RefusalPolicy(), embed.embed if embed else _no_embedding)


def sentence(text: str) -> Sentence:
    """A candidate sentence that is its chunk's whole text."""
    return sentence_of(text, "", text)


def test_a_lower_sentence_must_hold_every_asked_word_the_lead_holds() -> None:
    """A sentence on strikes in Crimea says "attack" (as "striking") but not "cyber": it does not displace a lead
    that says "cyber"; one holding nothing asked displaces nothing, and over a lead holding none any will do."""
    cyber = asking("What did Ukraine's cyber attack do to Crimea?")
    assert cyber.short_rest == ["cyber", "attack"]
    assert cyber.in_form(sentence(CYBER)) == {"cyber"} and cyber.in_form(sentence(STRIKES)) == {"attack"}
    assert not cyber.states_as_much(sentence(CYBER), sentence(STRIKES))
    assert cyber.states_as_much(sentence(STRIKES), sentence("Its cyber attack on Crimea went on."))
    assert cyber.states_as_much(sentence(ONSLAUGHT), sentence(STRIKES))
    assert not cyber.states_as_much(sentence(STRIKES), sentence(ONSLAUGHT))


def test_a_noun_asked_after_a_possessive_is_said_only_by_the_noun() -> None:
    """"whats his bail" deep in a conversation on an arrest: "bail" is also a verb, but asked as a noun it is said by
    "… on $75,000 cash bail" alone, which then says what the user's own words ask (a follow-up's lead in the
    conversation's article)."""
    bail = asking("What's his bail?")
    held = sentence("He is being held at the county jail on $75,000 cash bail.")
    assert bail.short_rest == ["bail"] and bail.says_own(held)
    assert not bail.says_own(sentence("Police on Saturday arrested a 34-year-old man."))
    # an ordinal after "the" is no noun asked ("the first Bubbakoo's restaurant", news-smoke: another chain's "its
    # first Burrito Day deal" then led)
    first = asking("What is the location of the first Bubbakoo's Burritos restaurant?")
    assert first.short_rest == ["first"] and not first.says_own(sentence("Freebirds is offering its first deal."))
    # a noun that is also an adjective and a verb still is one ("the stock", sixth in a conversation on a launch)
    stock = asking("What about the stock?")
    assert stock.says_own(sentence("Its shares fell 6 percent after the announcement."))
    # ... where how the stock reacted asks the shares' move as a kind of answer (answer_type: "market"), no word
    assert asking("How did the stock react?").short_rest == []


def test_a_who_question_s_lead_gives_way_only_to_a_sentence_naming_someone() -> None:
    """"Who shot the Wilmington officers?" led with a roundup's "… mug shots could still be published …", which
    holds the word and names no one; a sentence naming the shooter answers as much."""
    shot = asking("Who shot the Wilmington officers?")
    lead = sentence("Floyd describes what happened to him last month in Wilmington.")
    assert not shot.states_as_much(lead, sentence("Under the bill, a mug shot could still be published."))
    assert shot.states_as_much(lead, sentence("Police said Nicholas Brutcher shot the officers."))
    cyber = asking("What did Ukraine's cyber attack do to Crimea?")  # no "Who <verb>": no name needed
    assert cyber.states_as_much(sentence(ONSLAUGHT), sentence("its cyber attack went on"))


def test_a_who_question_lacks_the_deed_its_lead_does_not_state(embedder: Embedder) -> None:
    """What the refusal says is missing: "… none of their sentences says who sponsored the cider festival"."""
    sponsored = asking("Who sponsored the cider festival?", embedder)
    assert sponsored.lacks_deed(sentence("The festival, sponsored by a local brewer, returns.")) == ""
    assert sponsored.lacks_deed(sentence("The cider festival returns to the valley.")) == (
        "who sponsored the cider festival"
    )
    assert sponsored.lacks_deed(None) == ""  # no lead: nothing is answered, so nothing is said to lack


def test_a_relation_is_stated_by_its_word_alone(embedder: Embedder) -> None:
    """"… the northern coast of France" comes as close to "What is the capital of France?" as a clause that answers:
    the clause test, there for words MiniLM puts far from their synonyms, does not state a relation."""
    capital = asking("What is the capital of Portugal?", embedder)
    assert capital.short_rest == ["capital"]
    assert capital.states_asked(sentence("Lisbon, the capital of Portugal, lost power on Friday."))
    assert not capital.states_asked(sentence("A storm hit the coast of Portugal and homes in Lisbon lost power."))


def test_a_clause_saying_only_what_the_conversation_said_states_nothing_asked(embedder: Embedder) -> None:
    """"What is the film based on?" after "When will the Film Awards take place?" (news-smoke) was answered with "The
    Film Awards will take place on Jan. 4": the rewritten query carries the last question's words, and that clause is
    close to them, not to what the user asks now."""
    query = "What is the film based on? (Awards take place)"
    vector = embedder.embed([query])[0]
    based = Asking(query, "What is the film based on?", vector, RefusalPolicy(), embedder.embed)
    assert based.short_rest == ["based"]
    assert not based.states_asked(sentence("The Film Awards will take place on Jan. 4, 2024, at the Center."))
    assert based.states_asked(sentence("The film is based on a 2018 novel by Miriam Toews."))


def test_a_state_asked_of_a_name_is_stated_of_it_in_news_words(embedder: Embedder) -> None:
    """"Is Navalny dead?" is answered by "Navalny, 47, died …" (a verb news states the adjective by), not by a
    clause close to so short a question; "Is Putin dead?" was answered with "Putin's July 21 decree … follows the
    mysterious death of the transport minister", a death beside the name but not of it."""
    dead = asking("Is Navalny dead?", embedder)
    assert dead.short_rest == ["dead"]
    assert dead.states_asked(sentence("Navalny, 47, died two weeks ago in an Arctic penal colony."))
    assert dead.states_asked(sentence("Crowds mourned the death of Alexei Navalny on Friday."))
    assert not dead.states_asked(sentence("Navalny looks to build up his reputation as one of the few remaining."))
    putin = asking("Is Putin dead?", embedder)
    decree = "Putin’s July 21 decree handing the FSB control of ports follows the mysterious death of the minister."
    assert not putin.states_asked(sentence(decree))


def test_a_state_after_a_pronoun_is_of_a_name_before_it(embedder: Embedder) -> None:
    """"Is King Charles dead?" (news-smoke) was answered with "Days after her death, Charles was formally confirmed
    as the new King": "her" says whose death, and it is no name after it; "Is the Queen dead?" names her in
    capitals only."""
    charles = asking("Is King Charles dead?", embedder)
    assert not charles.states_asked(sentence("Days after her death, Charles was formally confirmed as the new King."))
    queen = asking("Is Queen Elizabeth dead?", embedder)
    assert queen.states_asked(sentence("Leaders mourned Queen Elizabeth II, following her death earlier Thursday."))
    assert asking("Is the Queen dead?", embedder).states_asked(sentence("It is the castle where the Queen died."))


def test_a_who_question_with_a_short_rest_still_names_its_deed(embedder: Embedder) -> None:
    """"Who replaced Ariel Henry?" has a rest too short for the residue test; when nothing answers it, the refusal
    still names the deed no sentence states ("… says who replaced Ariel Henry"), not only that none answers."""
    replaced = Asking("Who replaced Ariel Henry?", "Who replaced Ariel Henry?",
                      embedder.embed(["Who replaced Ariel Henry?"])[0], RefusalPolicy(), embedder.embed)  # fmt: skip
    assert replaced.short_rest
    lead = sentence("Ariel Henry has been unable to return to Haiti since gangs seized the capital.")
    assert replaced.lacks_deed(lead) == "who replaced Ariel Henry"
    assert replaced.lacks_deed(sentence("A transitional council replaced Ariel Henry on Thursday.")) == ""
