"""Lead with the answer: the shipped ranker's weights, the composition rule, and the answers it makes."""

from __future__ import annotations

import numpy as np
import pytest

from assistant.answer.lead import AnswerPolicy, SentenceRanker, compose, default_ranker, score
from assistant.answer.sentences import FEATURES, Sentence
from assistant.retrieval.candidates import Candidate
from assistant.service import AnswerService
from index.embedding import Embedder
from index.records import StoredArticle, StoredChunk


def sentence(text: str, coverage: float = 0.5) -> Sentence:
    """A candidate sentence of its own one-sentence article (the pipeline's own types)."""
    chunk = StoredChunk(id=f"{text[:8]}:0", article_id=text[:8], start=0, end=len(text), text=text)
    art = StoredArticle(text[:8], "", "", "", "", text, [], 1, 0.0)
    return Sentence(Candidate(chunk, art), 0, len(text), text, dict.fromkeys(FEATURES, 0.0) | {"coverage": coverage})


def test_the_shipped_weights_cover_the_features_and_rank_answers_up() -> None:
    ranker = default_ranker()
    assert set(ranker.features) == set(FEATURES)
    weights = dict(zip(ranker.features, ranker.coef, strict=True))
    assert weights["cosine"] > 0 and weights["coverage"] > 0 and weights["answer_type"] > 0
    assert weights["lede"] > 0  # news states the main fact first


def test_the_best_sentence_leads_and_weak_support_is_cut() -> None:
    scored = [
        (0.8, sentence("Prigozhin founded the Wagner group in 2014.")),
        (0.5, sentence("Wagner fighters later assaulted Bakhmut.")),
        (0.2, sentence("The ministry did not comment on the report.")),
    ]
    quotes = compose(scored, AnswerPolicy(support_share=0.5))
    assert [q.text for q in quotes] == [scored[0][1].text, scored[1][1].text]
    assert [q.text for q in compose(scored, AnswerPolicy(support_share=0.9))] == [scored[0][1].text]


def test_support_below_the_answer_bar_is_cut_however_weak_the_lead() -> None:
    lead = sentence("Wagner founder Yevgeny Prigozhin was criticised by hardliners.")
    related = sentence("Prigozhin ordered Wagner-led forces to assault Bakhmut.")
    unrelated = sentence("Binkley is CEO, president, and co-founder of the conglomerate Generational Group.")
    scored = [(0.22, lead), (0.2, related), (0.148, unrelated)]  # all above a fifth of the lead
    assert [q.text for q in compose(scored, AnswerPolicy(min_support=0.15))] == [lead.text, related.text]
    assert len(compose(scored, AnswerPolicy(min_support=0.0))) == 3


def test_support_sharing_nothing_with_the_question_is_cut() -> None:
    lead = sentence("Prigozhin founded the Wagner group in 2014.")
    unrelated = sentence("Lead author Grace Liu said the species may be threatened.", coverage=0.0)
    assert [q.text for q in compose([(0.9, lead), (0.8, unrelated)])] == [lead.text]


def test_support_the_caller_knows_gives_what_is_asked_is_kept_however_rated() -> None:
    """A reason shares no word with "Why is the district changing the start time?" and the model rates it low."""
    lead = sentence("The district will push back the start of the high school day to 8:30 a.m.")
    reason = sentence("Board members cited research showing teenagers who sleep longer do better.", coverage=0.0)
    scored = [(0.54, lead), (0.14, reason)]
    assert [q.text for q in compose(scored)] == [lead.text]
    assert [q.text for q in compose(scored, gives=lambda s: s is reason)] == [lead.text, reason.text]


def test_support_from_another_article_must_be_about_the_question() -> None:
    """"How old is King Charles?" was followed by a basketball record's "at 18 years old", which the ranker rated
    above the lead: another article's sentence far from the question adds nothing; the lead's own article's may."""
    lead = sentence("Charles, 73, became Britain's monarch last month.")
    record = sentence("Players can enter the league at 18 years old without a year in college.")
    hearse = sentence("The 73-year-old monarch and his siblings walked behind the hearse.")
    same_story = Sentence(
        lead.candidate, 0, 10, "The king walked behind the coffin.", dict.fromkeys(FEATURES, 0.0) | {"coverage": 0.5}
    )
    scored = [(0.66, lead), (0.75, record), (0.3, hearse), (0.3, same_story)]
    about = {lead.text, hearse.text}.__contains__
    quotes = compose(scored, about=lambda s: about(s.text))
    assert [q.text for q in quotes] == [lead.text, hearse.text, same_story.text]
    assert record.text in [q.text for q in compose(scored)]  # without the test, as before


def test_near_copies_and_overlong_support_are_skipped() -> None:
    lead = sentence("Prigozhin founded the Wagner group in 2014 with backing from Moscow.")
    copy = sentence("Prigozhin founded the Wagner group in 2014, with backing from Moscow.")
    long = sentence(" ".join(["word"] * 70) + ".")
    quotes = compose([(0.9, lead), (0.85, copy), (0.8, long)], AnswerPolicy(max_words=80))
    assert [q.text for q in quotes] == [lead.text]


def test_a_ranker_scores_with_its_standardised_weights() -> None:
    n = len(FEATURES)
    import numpy as np

    ranker = SentenceRanker(FEATURES, np.zeros(n), np.ones(n), np.eye(n)[FEATURES.index("coverage")] * 4, -2.0)
    low, high = sentence("A sentence about nothing asked.", 0.0), sentence("A sentence holding every term asked.")
    high.features["coverage"] = 1.0
    probs = ranker.probabilities([low, high])
    assert probs[1] > 0.5 > probs[0]


def test_only_the_best_sentences_before_cosine_are_embedded_and_the_rest_are_no_closer() -> None:
    import numpy as np

    n = len(FEATURES)
    coef = np.eye(n)[FEATURES.index("coverage")] + 2 * np.eye(n)[FEATURES.index("cosine")]
    ranker = SentenceRanker(FEATURES, np.full(n, 0.3), np.ones(n), coef, 0.0)
    sentences = [sentence(f"Sentence number {i} of the passage.", coverage=i / 10) for i in range(8)]
    embedded: list[str] = []

    def cosines(chosen: list[Sentence]) -> None:
        embedded.extend(s.text for s in chosen)
        for s in chosen:
            s.features["cosine"] = 0.9 if "number 5" in s.text else 0.0

    scored = score(sentences, ranker, 3, cosines)
    assert sorted(embedded) == sorted(s.text for s in sentences[5:])  # the three best by coverage alone
    assert scored[0][1].text == "Sentence number 5 of the passage."  # its cosine lifts it over number 7
    assert ranker.neutral("cosine") == 0.3  # the training mean, used before any sentence is embedded
    assert all(s.features["cosine"] == 0.0 for s in sentences[:5])  # no closer than the least close embedded


def test_an_opening_sentence_is_a_lede() -> None:
    from assistant.answer.sentences import LEDE_CHARS, candidates

    text = "Prigozhin founded the Wagner group in 2014. " + "Filler words go here. " * 40 + "Wagner hired more men."
    chunk = StoredChunk(id="a:0", article_id="a", start=0, end=len(text), text=text)
    art = StoredArticle("a", "Wagner", "", "", "", text, [], 1, 0.0)
    passage = Candidate(chunk, art, features={"recency": 0.5})
    found = candidates([passage], "Who founded Wagner?", {"wagner": 1.0}, 1, 60)
    assert found[0].features["lede"] == 1.0 and found[0].start < LEDE_CHARS
    assert found[-1].features["lede"] == 0.0


@pytest.fixture(scope="module")
def default_service(indexed_settings, embedder) -> AnswerService:  # type: ignore[no-untyped-def]
    """The session's index of the default articles and its real model (neither built nor loaded again)."""
    from index_testkit import open_handles

    from assistant.factory import build_service

    return build_service(indexed_settings, open_handles(indexed_settings, embedder))


def test_the_answer_leads_with_the_sentence_that_answers(default_service: AnswerService) -> None:
    response = default_service.ask("Who founded the Wagner group?")
    assert not response.refused and "Prigozhin" in response.citations[0].quote
    drone = default_service.ask("What did the July 23, 2025 drone strike destroy?")
    assert "Rostov rail terminal" in drone.citations[0].quote
    decided = default_service.ask("What did Putin decide after the Kharkiv defeats?")  # a near tie saying "decided"
    assert "President Putin decided to “annex” the four occupied oblasts" in decided.citations[0].quote


def test_the_statement_a_question_sentence_opens_with_answers(default_service: AnswerService) -> None:
    """The default article's standfirst asks ("… Putin may be dangling a peace deal—but is it a lifeline or a cunning
    ploy?"), so it was no candidate and "Putin got off the hook …" led."""
    response = default_service.ask("What is Putin dangling?")
    assert not response.refused and response.citations[0].quote.endswith("dangling a peace deal")


def test_a_name_stated_in_the_chunk_before_the_best_one_is_found(default_service: AnswerService) -> None:
    """"Kerch Bridge" sits in the chunk before the best one (neighbours share a sentence): that chunk was dropped
    whole, so the question was refused as not stating "Bridge"."""
    response = default_service.ask("What happened to the Kerch Bridge?")
    assert not response.refused, response.answer
    assert any("attack on the Kerch Bridge" in c.quote for c in response.citations)


def test_a_question_on_a_named_subject_no_sentence_answers_is_refused_with_related_reading(
    default_service: AnswerService,
) -> None:
    """Wagner is the articles' subject, but no sentence says which city it captured: that was "could not find an
    answer" (off-topic), as if the articles were about something else."""
    response = default_service.ask("Which city did Wagner capture?")
    assert response.refused and response.reason == "no_answer" and not response.citations
    assert any("Wagner" in p.text for p in response.passages)
    ethanol = default_service.ask("What is the boiling point of ethanol?")  # a heading's "Breaking Point" named it
    assert ethanol.refused and ethanol.reason == "off_topic"


def test_a_share_no_article_gives_is_refused_with_the_related_passages(default_service: AnswerService) -> None:
    response = default_service.ask("What share of the UK's Wagner fighters did Prigozhin lead?")
    assert response.refused and response.reason == "no_answer" and not response.citations  # no percentage anywhere
    assert any("Prigozhin" in p.text for p in response.passages)  # the closest coverage, marked as not an answer


def test_a_share_given_in_words_answers_a_share_question(default_service: AnswerService) -> None:
    """"a third of its budget" is a share: "What share ..." was refused (no percentage in any sentence), and
    "How much of ..." led with a sentence on Georgia in 2008."""
    for question in (
        "What share of Russia's budget is threatened by sanctions?",
        "How much of Russia's budget do sanctions threaten?",
    ):
        response = default_service.ask(question)
        assert not response.refused and "a third of its budget" in response.citations[0].quote, response.answer


def test_a_name_no_article_states_is_refused_though_a_place_opens_alike(default_service: AnswerService) -> None:
    """No default article names Zelensky; "Zelenogorsk" stated him, and rail attacks were quoted as his words."""
    response = default_service.ask("What did Zelensky say about the annexations?")
    assert response.refused and response.reason == "not_stated" and "Zelensky" in response.answer
    assert not response.citations and response.passages


def test_a_count_no_article_gives_is_refused_and_one_they_give_is_answered(default_service: AnswerService) -> None:
    """The default articles never count drones; this was answered with the July 23 drone strike."""
    response = default_service.ask("How many drones did Ukraine launch?")
    assert response.refused and response.reason == "no_answer" and not response.citations
    assert any("drone" in p.text for p in response.passages)
    counted = default_service.ask("How many oblasts did Putin annex?")
    assert not counted.refused and "four occupied oblasts" in counted.citations[0].quote


def test_the_sentence_holding_the_asked_count_leads(default_service: AnswerService) -> None:
    """The ranker's best was a sentence on Georgia in 2008, with no count; the count was in its 5th sentence."""
    response = default_service.ask("How many months has Prigozhin ordered forces to assault Bakhmut?")
    assert not response.refused and "past three months" in response.citations[0].quote


def test_a_question_asking_only_about_a_name_the_articles_state_is_answered(default_service: AnswerService) -> None:
    """Both were refused as off-topic: their long chunks sit far in meaning from a question of a few words."""
    kharkiv = default_service.ask("What happened in Kharkiv?")
    assert not kharkiv.refused and "victories in the Kharkiv oblast" in kharkiv.citations[0].quote
    wagner = default_service.ask("What is the Wagner group?")
    assert not wagner.refused and "Wagner" in wagner.citations[0].quote
    framed = default_service.ask("Can you tell me what happened in Kharkiv?")  # "me" is not about the asker
    assert not framed.refused and framed.citations[0].quote == kharkiv.citations[0].quote
    spit = default_service.ask("Tell me about the Kinburn Spit.")  # was refused as a personal question
    assert not spit.refused and "Kinburn Spit" in spit.citations[0].quote
    baykar = default_service.ask("What do we know about Baykar?")  # its sentence is at cosine 0.19 to the question
    assert not baykar.refused and "drone maker Baykar" in baykar.citations[0].quote
    sourced = default_service.ask("According to my articles, who founded Wagner?")  # "my" made it personal
    assert not sourced.refused and "Prigozhin" in sourced.citations[0].quote
    france = default_service.ask("What is the capital of France?")  # a name the articles hold in passing
    assert france.refused and not france.citations


def test_a_question_typed_in_lower_case_is_read_with_its_names(default_service: AnswerService) -> None:
    """Names are what the refusal rule checks; typed in lower case, a question lost them."""
    paraphrase = default_service.ask("who founded the wagner group")
    assert paraphrase.query == "who founded the Wagner group"  # as the articles write it
    assert not paraphrase.refused and "Prigozhin" in paraphrase.citations[0].quote
    poland = default_service.ask("what did kadyrov say about poland?")  # no article mentions Poland; it was answered
    assert poland.query == "what did Kadyrov say about Poland?"
    assert poland.refused and poland.reason == "not_stated" and not poland.citations


class Counting:
    """The bundled embedder's embed() (all that Reading calls), recording every call's texts."""

    def __init__(self, embedder: Embedder) -> None:
        self.name, self.dim, self._embedder = embedder.name, embedder.dim, embedder
        self.calls: list[list[str]] = []

    def embed(self, texts: list[str]) -> np.ndarray:
        self.calls.append(list(texts))
        return self._embedder.embed(texts)


def test_what_is_asked_is_embedded_with_the_sentences_and_clauses_only_when_they_decide(
    default_service: AnswerService,
) -> None:
    """The residue test compares with min_residue_cosine only: what the question asks beyond its names rides in the
    ranking's embed call, and a sentence's clauses are embedded only when its own vector falls short, so the test
    decides as embedding every clause would."""
    from assistant.answer.reading import Reading
    from assistant.answer.residue import residue
    from assistant.answer.sentences import clauses

    embedder = default_service.handles.embedder
    counting = Counting(embedder)
    calls = counting.calls

    question = "What did the July 23, 2025 drone strike destroy?"
    retrieval = default_service.retrieve(question)
    policy = default_service.settings.answer.refusal
    reading = Reading(retrieval, counting, default_service.settings.answer.lead, policy)  # type: ignore[arg-type]
    asked = residue(retrieval.query)
    assert len(reading.scored) > 4 and len(calls[0]) == 5 and calls[0][-1] == asked  # 4 sentences, what is asked
    lead, before = reading.scored[0][1], len(calls)
    assert reading.residue_cosine(lead) >= policy.min_residue_cosine and len(calls) == before  # no clause embedded
    for _, s in reading.scored[:6]:
        got = reading.residue_cosine(s)
        every = float((embedder.embed([s.text, *clauses(s.text)]) @ embedder.embed([asked])[0]).max())
        assert (got >= policy.min_residue_cosine) == (every >= policy.min_residue_cosine)
        if got < policy.min_residue_cosine:  # short of it: the best of the sentence and its clauses, as before
            assert got == pytest.approx(every, abs=1e-5)


def test_every_text_the_checks_read_is_embedded_once(default_service: AnswerService) -> None:
    """The clause, residue and short-rest checks read the same sentences and clauses: one memo, so none of them
    embeds a text the ranking or another check already embedded, and each check's figures are as computed alone."""
    from assistant.answer.reading import Reading
    from assistant.answer.sentences import clauses

    embedder = default_service.handles.embedder
    counting = Counting(embedder)
    calls = counting.calls

    policy = default_service.settings.answer.refusal
    for question in ("What did the July 23, 2025 drone strike destroy?", "Where did Prigozhin die?"):
        calls.clear()
        retrieval = default_service.retrieve(question)
        reading = Reading(retrieval, counting, default_service.settings.answer.lead, policy)  # type: ignore[arg-type]
        sentences = [s for _, s in reading.scored[:6]]
        for s in sentences:
            alone = float((embedder.embed(clauses(s.text)) @ retrieval.query_vector).max())
            assert reading.clause_cosine(s) == pytest.approx(alone, abs=1e-5)
            reading.residue_cosine(s)
            reading.asking.states_asked(s)
            reading.clause_cosine(s)  # asked again: read from the memo
        embedded = [t for call in calls for t in call]
        assert len(embedded) == len(set(embedded)), "a text was embedded twice"
