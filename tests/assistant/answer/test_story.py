"""A follow-up's story: the article the last answer quoted gives the lead when the ranker's best is from another
story sharing a few of its words, support comes from the conversation's story, and the user's own words still
decide (the pipeline's own types for the rules; a real index for the conversation)."""

from __future__ import annotations

import numpy as np
import pytest
from answer_testkit import service_over

from assistant.answer.sentences import FEATURES, Sentence
from assistant.answer.stating import Stating
from assistant.answer.story import Story
from assistant.retrieval.candidates import Candidate
from assistant.retrieval.pipeline import Retrieval
from assistant.schemas import Turn
from assistant.service import AnswerService
from index.embedding import Embedder
from index.records import StoredArticle, StoredChunk
from newstext.terms import terms

BAN = (
    "The House of Representatives voted Friday evening to ban assault-style weapons, sending the bill to the "
    "Senate. The final vote was 217-213."
)
TIKTOK = (
    "The House of Representatives passed a bill Wednesday that would ban TikTok unless its owner sells it. "
    "Legislators approved the measure Wednesday by a vote of 352 to 65."
)
QUERY = "What was the vote? (assault weapons ban House passed Representatives)"


def sentence_of(article: str, text: str, sentence: str) -> Sentence:
    """A candidate sentence of an article whose one chunk is its whole text."""
    start = text.index(sentence)
    passage = StoredChunk(id=f"{article}:0", article_id=article, start=start, end=start + len(sentence), text=sentence)
    return Sentence(Candidate(passage, StoredArticle(article, "", "", "", "", text, [], 1, 0.0), dense=0.5), start,
                    start + len(sentence), sentence, dict.fromkeys(FEATURES, 0.0))  # fmt: skip


def story(query: str, previous_lead: str = "", share: float = 0.8) -> Story:
    """The story of a retrieval of both articles, with the query's terms all of weight 1."""
    tops = [
        Candidate(StoredChunk(id=f"{a}:0", article_id=a, start=0, end=len(t), text=t),
                  StoredArticle(a, "", "", "", "", t, [], 1, 0.0), dense=0.5)
        for a, t in (("tiktok", TIKTOK), ("ban", BAN))
    ]  # fmt: skip
    retrieval = Retrieval(query, [], tops, np.zeros(3), terms(query), dict.fromkeys(terms(query), 1.0))
    retrieval.previous_lead = previous_lead
    texts = {"ban": BAN, "tiktok": TIKTOK}
    return Story(retrieval, Stating(retrieval, texts.get), share)


def test_the_article_the_last_answer_quoted_gives_the_lead() -> None:
    tiktok = sentence_of("tiktok", TIKTOK, "Legislators approved the measure Wednesday by a vote of 352 to 65.")
    final = sentence_of("ban", BAN, "The final vote was 217-213.")
    followed = story(QUERY, previous_lead=BAN.split(". ")[0] + ".")
    assert followed.article == "ban"
    instead = followed.leads_instead(tiktok)
    assert instead is not None and instead(final) and not instead(tiktok)
    assert followed.leads_instead(final) is None  # the lead is of the story already
    assert story(QUERY).leads_instead(tiktok) is None  # no last answer quoted: nothing to follow


def test_the_story_never_outweighs_the_user_s_own_words() -> None:
    """"Which bill was about TikTok?" names what it asks of; the last answer's article on the ban does not."""
    tiktok = sentence_of("tiktok", TIKTOK, "Legislators approved the measure Wednesday by a vote of 352 to 65.")
    final = sentence_of("ban", BAN, "The final vote was 217-213.")
    switched = story("Which bill was about TikTok? (assault weapons ban House passed)", BAN.split(". ")[0] + ".")
    instead = switched.leads_instead(tiktok)
    assert instead is not None and not instead(final)


def test_support_tells_the_conversation_s_story_about_as_much_as_the_lead() -> None:
    final = sentence_of("ban", BAN, "The final vote was 217-213.")
    voted = sentence_of("ban", BAN, BAN.split(". ")[0] + ".")
    tiktok = sentence_of("tiktok", TIKTOK, "Legislators approved the measure Wednesday by a vote of 352 to 65.")
    scored = [(0.9, final), (0.8, tiktok), (0.7, voted)]
    assert [s for _, s in story(QUERY).supports(scored)] == [final, voted]
    alone = story("What was the final vote on the assault weapons ban?")
    assert not alone.follows and alone.supports(scored) == scored  # a question asked alone keeps all


def test_a_follow_up_asking_only_a_kind_is_about_any_sentence_of_the_story() -> None:
    """"For how long?" asks nothing but a length: "The ban is to last five years." sits far from it in meaning."""
    final = sentence_of("ban", BAN, "The final vote was 217-213.")
    tiktok = sentence_of("tiktok", TIKTOK, "Legislators approved the measure Wednesday by a vote of 352 to 65.")
    lead = BAN.split(". ")[0] + "."
    kind_only = story("How many? (assault weapons ban House passed)", lead)
    assert kind_only.of_story(final) and not kind_only.of_story(tiktok)
    assert not story("What was the vote? (assault weapons ban House passed)", lead).of_story(final)  # its own words
    assert not story("How many? (assault weapons ban House passed)").of_story(final)  # no article quoted


def test_a_near_tie_saying_more_of_the_user_s_words_leads() -> None:
    """Among near ties of the lead's article, the one holding more of the user's own words: "What was the final
    vote?" asks of a final vote, which the ban's first sentence only says "voted"."""
    final = sentence_of("ban", BAN, "The final vote was 217-213.")
    voted = sentence_of("ban", BAN, BAN.split(". ")[0] + ".")
    tiktok = sentence_of("tiktok", TIKTOK, "Legislators approved the measure Wednesday by a vote of 352 to 65.")
    followed = story("What was the final vote? (assault weapons ban House passed Representatives)")
    assert followed.own_tie([(0.50, voted), (0.48, final)], tie=0.9) == 1
    assert followed.own_tie([(0.50, voted), (0.30, final)], tie=0.9) == 0  # not near enough
    assert followed.own_tie([(0.50, voted), (0.49, tiktok)], tie=0.9) == 0  # another article
    assert story("What was the final vote on the ban?").own_tie([(0.50, voted), (0.48, final)], tie=0.9) == 0


@pytest.fixture(scope="module")
def house(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> AnswerService:
    """A real index of the two votes (the session's real model)."""
    files = {
        "ban.txt": f"House passes assault weapons ban\n\n{BAN} The measure now heads to the Senate.\n",
        "tiktok.txt": f"House passes TikTok bill\n\n{TIKTOK} The bill now heads to the Senate.\n",
    }
    return service_over(tmp_path_factory.mktemp("house"), embedder, files)


def test_a_follow_up_is_answered_from_the_conversation_s_story(house: AnswerService) -> None:
    first = house.ask("What was in the assault weapons ban the House passed?")
    assert not first.refused and first.citations[0].article_id == "ban", first.answer
    history = [Turn(role="user", content="What was in the assault weapons ban the House passed?"),
               Turn(role="assistant", content=first.answer)]  # fmt: skip
    vote = house.ask("What was the vote?", history=history)
    assert not vote.refused, vote.answer
    assert "217-213" in vote.citations[0].quote
    assert all(c.article_id == "ban" for c in vote.citations), vote.answer


FTC = (
    "The Federal Trade Commission has banned Rite Aid from using AI facial recognition technology, the agency said "
    "Tuesday.\n\n\"Rite Aid's reckless use of facial surveillance systems left its customers facing humiliation,\" "
    "the FTC's consumer protection chief said Tuesday.\n\nThe ban is to last five years.\n\nRite Aid stopped using "
    "the technology in a small group of stores more than three years ago, the company said."
)


@pytest.fixture(scope="module")
def pharmacy(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> AnswerService:
    """A real index of the FTC's ban and another Rite Aid story (the session's real model)."""
    files = {
        "ftc.txt": f"FTC bans Rite Aid from facial recognition\n\n{FTC}\n",
        "closures.txt": "Rite Aid closing stores\n\nRite Aid will close 154 stores after its bankruptcy filing, the "
        "pharmacy chain said. Walgreens in July said it planned to close 150 locations in the U.S.\n",
    }
    return service_over(tmp_path_factory.mktemp("pharmacy"), embedder, files)


def test_for_how_long_is_answered_from_the_conversation_s_story(pharmacy: AnswerService) -> None:
    """The follow-up carries the last answer's "Tuesday", which the ban's sentence does not state, and sits far in
    meaning from "For how long?": it was refused, or led with "… three years ago"."""
    asked = "What did the FTC do to Rite Aid?"
    first = pharmacy.ask(asked)
    assert not first.refused and first.citations[0].article_id == "ftc", first.answer
    history = [Turn(role="user", content=asked), Turn(role="assistant", content=first.answer)]
    length = pharmacy.ask("For how long?", history=history)
    assert not length.refused, length.answer
    assert length.citations[0].quote == "The ban is to last five years."



def test_a_story_s_names_are_the_words_no_dictionary_knows_inside_its_sentences() -> None:
    """What ties a supporting sentence to the lead's story in a conversation (Story.shares_names): "Vasko" and
    "Ridgeline", not "Mayor" or "City", which two stories share, nor a sentence's opening word or a day."""
    from assistant.answer.story import _TITLE_NAME, _names

    text = "City Manager Oren Falkenrath said Ridgeline Boring caused it, Mayor Danielle Prescott-Ruiz said Monday."
    assert {"falkenrath", "ridgeline", "prescott-ruiz"} <= _names(text)
    assert not {"city", "mayor", "monday"} & _names(text)
    assert "carrow" in _names("Carrow Point main repaired ahead of schedule", _TITLE_NAME)
