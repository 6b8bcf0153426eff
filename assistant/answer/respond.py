"""One retrieval's extractive answer: the checks decide (refusal.decide over a Reading), then the lead and its support
are quoted verbatim and cited, or the refusal says why, with the related passages. The generative answerer falls
back to it, so every mode answers with what the articles say."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from assistant.answer.config import AnswerSettings
from assistant.answer.extractive import Quote
from assistant.answer.language import not_english
from assistant.answer.lead import compose
from assistant.answer.prompts import load_prompt
from assistant.answer.reading import Reading
from assistant.answer.refusal import LANGUAGE, NO_ANSWER, NOT_STATED, OFF_TOPIC, Decision, decide, message
from assistant.retrieval.answer_type import kind_name
from assistant.retrieval.candidates import Candidate
from assistant.retrieval.pipeline import Retrieval
from assistant.schemas import AnswerResponse, Citation, Passage
from index.embedding import Embedder


def _passage(c: Candidate) -> Passage:
    return Passage(
        article_id=c.chunk.article_id,
        passage_id=c.passage_id or c.chunk.id,
        chunk_id=c.chunk.id,
        title=c.article.title,
        url=c.article.url,
        date=c.article.date,
        text=c.chunk.text,
        start=c.chunk.start,
        end=c.chunk.end,
        score=round(c.score, 4),
    )


def _citation(n: int, q: Quote) -> Citation:
    a = q.candidate.article
    return Citation(
        n=n,
        article_id=a.id,
        title=a.title,
        url=a.url,
        date=a.date,
        quote=q.text,
        start=q.start,
        end=q.end,
        score=round(q.score, 4),
    )


class Responder:
    """The extractive answer or the refusal, under one answer configuration and its prompts."""

    def __init__(
        self,
        knobs: AnswerSettings,
        prompts_dir: Path,
        embedder: Embedder,
        article_text: Callable[[str], str | None] | None = None,
    ) -> None:
        self._knobs, self._prompts_dir, self._embedder = knobs, prompts_dir, embedder
        self._article_text = article_text  # an article's whole text by id (the store's), for the rare names' story

    def answer(self, retrieval: Retrieval, asked: str | None = None) -> AnswerResponse:
        """The extractive answer or the refusal; asked is the question as typed (default: the retrieved one)."""
        passages = [_passage(c) for c in retrieval.passages]
        knobs = self._knobs
        language = not_english((asked if asked is not None else retrieval.query).strip(), knobs.language)
        if language:
            return self._refusal(Decision(True, LANGUAGE), retrieval, passages, language)
        policy = knobs.refusal
        reading = Reading(retrieval, self._embedder, knobs.lead, policy, self._article_text)
        decision = decide(
            retrieval.chunks, retrieval.query, policy,
            answer=reading.answering,
            closest_clause=lambda: reading.rescue(policy.topic_sentences),
            closest_sentence=lambda: reading.closest_sentence(policy.topic_sentences),
            stated=lambda: reading.states_question(policy.topic_sentences),
            told=reading.story_tells,
        )  # fmt: skip
        if decision.reason == OFF_TOPIC and reading.asks_after_story():  # "How much is the deal worth?" after Baykar
            decision = Decision(True, NO_ANSWER)
        if decision.reason == NO_ANSWER and reading.event_unstated:  # "the Moscow concert hall attack"
            return self._refusal(Decision(True, NOT_STATED, list(reading.event_unstated)), retrieval, passages)
        if decision.reason == NO_ANSWER and (named := reading.rare_refused):
            return self._refusal(decision, retrieval, passages, named=named)
        if decision.reason == NO_ANSWER and reading.lacks_kind() and (kind := kind_name(retrieval.query)):
            return self._refusal(decision, retrieval, passages, kind=kind)
        if decision.reason == NO_ANSWER and (deed := reading.lacks_deed()):
            return self._refusal(decision, retrieval, passages, deed=deed)
        if not decision.refused:
            reading.lead_first()  # "should i stop using it" is answered without the gate: its lead still leads
        quotes = (
            [] if decision.refused else compose(reading.quotable(), knobs.lead, reading.supports, reading.gives_reason)
        )
        if not quotes:
            return self._refusal(decision if decision.refused else Decision(True, OFF_TOPIC), retrieval, passages)
        template = load_prompt(self._prompts_dir, "extractive_sentence")
        citations = [_citation(n, q) for n, q in enumerate(quotes, start=1)]
        answer = " ".join(template.format(sentence=c.quote, n=c.n) for c in citations)
        return AnswerResponse(
            answer=answer, refused=False, citations=citations, passages=passages, query=retrieval.query
        )

    def _refusal(
        self,
        decision: Decision,
        retrieval: Retrieval,
        passages: list[Passage],
        language: str = "",
        kind: str = "",
        named: str = "",
        deed: str = "",
    ) -> AnswerResponse:
        """The reason's message (what no passage states, which language was detected, what kind of answer no
        sentence gives, which rare names' passages do not answer, which deed no lead states), with the related
        passages."""
        reason = decision.reason or "off_topic"
        template = load_prompt(self._prompts_dir, message(reason, named, kind, deed))
        missing = " or ".join(f"“{m}”" for m in decision.missing)
        return AnswerResponse(
            answer=template.format(missing=missing, language=language, kind=kind, named=named, deed=deed),
            refused=True,
            reason=reason,
            passages=passages,
            query=retrieval.query,
        )
