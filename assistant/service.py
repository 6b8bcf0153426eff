"""The answer service: the one read-path entry point behind the CLI, the HTTP API and the chat UI."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator, Sequence
from functools import cached_property
from typing import TYPE_CHECKING

from assistant.answer.meta import about_itself
from assistant.answer.refusal import NO_ANSWER, NOT_STATED, OFF_TOPIC
from assistant.answer.respond import Responder
from assistant.retrieval.pipeline import Retrieval, Retriever
from assistant.retrieval.rewrite import asked_part, last_lead, other_reading, read_leads, rewrite, story_only
from assistant.retrieval.time_filter import time_filters
from assistant.schemas import AnswerResponse, Citation, Filters, Passage, Turn
from assistant.settings import MAX_TOP_K, Settings
from assistant.streaming import words
from index.embedding import answering
from index.handles import IndexHandles
from newstext.label import article_label

if TYPE_CHECKING:
    from assistant.generative.answerer import GenerativeAnswerer


class InvalidQuestion(ValueError):
    """An empty or unusable question (HTTP 422)."""


class QuestionTooLong(ValueError):
    """A question over the configured limit (HTTP 413)."""


# The refusals after which a question is read the other way (rewrite.other_reading), by whether it was first read as
# a question naming nothing, in the conversation's story (rewrite.story_only). Such a question the story covers
# without answering stays refused: read alone, "Was anyone killed?" after a jet truck crash was answered with a
# storm's victim. Read on its own first, a question goes to the conversation when nothing answers it alone.
_READ_OTHERWISE = {True: (OFF_TOPIC, NOT_STATED), False: (OFF_TOPIC, NO_ANSWER)}


def _words_then(response: AnswerResponse) -> Iterator[str | AnswerResponse]:
    """The answer text word by word, then the response object."""
    yield from words(response.answer)
    yield response


class AnswerService:
    """Question in, grounded answer with exact-span citations out."""

    def __init__(
        self,
        settings: Settings,
        handles: IndexHandles,
        retriever: Retriever | None = None,
        generator: GenerativeAnswerer | None = None,
    ) -> None:
        self.settings = settings
        self.handles = handles
        self.retriever = retriever or Retriever(handles, settings.retrieval)
        self.generator = generator  # None: the extractive engine answers alone

    @cached_property
    def responder(self) -> Responder:
        """The extractive answer's builder, made on first use: the embedder loads lazily (IndexHandles)."""
        handles = self.handles
        return Responder(self.settings.answer, self.settings.prompts_dir, handles.embedder, handles.store.get_text)

    def _validate(self, question: str, top_k: int | None) -> tuple[str, int]:
        question = (question or "").strip()
        if not question:
            raise InvalidQuestion("the question is empty")
        try:
            question.encode("utf-8")
        except UnicodeEncodeError:
            raise InvalidQuestion("the question is not valid text (it holds an unpaired surrogate)") from None
        if len(question) > self.settings.max_question_chars:
            raise QuestionTooLong(
                f"the question has {len(question)} characters; the limit is {self.settings.max_question_chars}"
            )
        k = top_k or self.settings.top_k
        if not 1 <= k <= MAX_TOP_K:
            raise InvalidQuestion(f"top_k must be between 1 and {MAX_TOP_K}")
        return question, k

    def retrieve(
        self,
        question: str,
        history: Sequence[Turn] = (),
        top_k: int | None = None,
        filters: Filters | None = None,
        as_of: dt.date | None = None,
    ) -> Retrieval:
        """Validated, rewritten, retrieved: the shared first half of every answer mode.

        With time_filters on, a time expression in the question becomes a date range, dropped again when no
        article of that period matches (an undated or older collection still answers).
        """
        question, k = self._validate(question, top_k)
        return self._read_first(question, history, k, filters, as_of)

    def _read_first(
        self, question: str, history: Sequence[Turn], k: int, filters: Filters | None, as_of: dt.date | None
    ) -> Retrieval:
        """A validated question retrieved as rewrite() reads it in the conversation."""
        query = rewrite(question, history, self.settings.retrieval.follow_up)
        return self._in_conversation(self._retrieve(query, question, k, filters, as_of), history)

    @staticmethod
    def _in_conversation(retrieval: Retrieval, history: Sequence[Turn]) -> Retrieval:
        """A follow-up's retrieval (its query carries the conversation's words) with the last answer's lead."""
        retrieval.in_conversation = bool(history)
        if asked_part(retrieval.query) != retrieval.query:
            retrieval.previous_lead, retrieval.read_leads = last_lead(history), read_leads(history)
        return retrieval

    def _retrieve(self, query: str, question: str, k: int, filters: Filters | None, as_of: dt.date | None) -> Retrieval:
        """The query (the question as rewritten) retrieved, under the date range the question's own words give."""
        timed = (
            time_filters(question, as_of or dt.date.today(), filters, self.settings.retrieval.time)
            if self.settings.time_filters
            else None
        )
        if timed is not None:
            retrieval = self.retriever.retrieve(query, k, timed, as_of)
            if retrieval.passages:
                retrieval.applied_filters = timed
                return retrieval
        return self.retriever.retrieve(query, k, filters, as_of)

    def ask(
        self,
        question: str,
        history: Sequence[Turn] = (),
        top_k: int | None = None,
        filters: Filters | None = None,
        as_of: dt.date | None = None,
    ) -> AnswerResponse:
        """Answer one question (with optional conversation history) from the indexed articles."""
        *_, final = self.ask_stream(question, history, top_k, filters, as_of)
        assert isinstance(final, AnswerResponse)
        return final

    def ask_stream(
        self,
        question: str,
        history: Sequence[Turn] = (),
        top_k: int | None = None,
        filters: Filters | None = None,
        as_of: dt.date | None = None,
    ) -> Iterator[str | AnswerResponse]:
        """Yield the answer text piece by piece, then the full response object last.

        as_of is the day the question is asked (default today): newer articles up to it rank a little higher.
        """
        started = time.perf_counter()
        retrieval: Retrieval | None = None
        asked, k = self._validate(question, top_k)
        itself = about_itself(asked, self.handles.store, self.settings.answer, self.settings.prompts_dir)
        if itself is not None:  # a question about the collection or to the assistant: nothing to retrieve
            pieces: Iterator[str | AnswerResponse] = _words_then(itself)
        else:
            with answering():  # another question in flight: its embedding and ours take a core each
                retrieval = self._read_first(asked, history, k, filters, as_of)
                extractive = self.extractive(retrieval, question)
                if extractive.refused and extractive.reason in _READ_OTHERWISE[story_only(retrieval.query)]:
                    again = self._read_otherwise(asked, history, k, filters, as_of)
                    retrieval, extractive = again or (retrieval, extractive)
            if self.generator is None:
                pieces = _words_then(extractive)
            else:  # verified generation; any backend failure falls back to the extractive answer
                pieces = self.generator.stream(retrieval, retrieval.query, extractive)
        for piece in pieces:
            if isinstance(piece, AnswerResponse):
                self._label(piece)
                if retrieval is not None:
                    piece.applied_filters = retrieval.applied_filters
                    piece.respelled = retrieval.respelled
                    piece.timings_ms = {**{n: round(v, 1) for n, v in retrieval.timings_ms.items()}, **piece.timings_ms}
                piece.timings_ms["total"] = round((time.perf_counter() - started) * 1000, 1)
            yield piece

    def _read_otherwise(
        self,
        question: str,
        history: Sequence[Turn],
        k: int,
        filters: Filters | None,
        as_of: dt.date | None,
    ) -> tuple[Retrieval, AnswerResponse] | None:
        """A question the articles do not answer as first read, answered as read the other way (rewrite.other_reading):
        "How did China react?" in the conversation after Pelosi's words on Taiwan (news-smoke), "How many legs does
        a spider have?" on its own after "What is Baykar?". Kept when answered, and when it is the question on its
        own (whose refusal says what the articles lack of the question as asked); else None: the first reading
        stands."""
        query = other_reading(question, history, self.settings.retrieval.follow_up)
        if query is None:
            return None
        retrieval = self._in_conversation(self._retrieve(query, question, k, filters, as_of), history)
        response = self.extractive(retrieval, question)
        return None if response.refused and query != asked_part(query) else (retrieval, response)

    def _label(self, response: AnswerResponse) -> None:
        """Name each cited or listed article: its title, or, untitled, its opening words (read once per article)."""
        labels: dict[str, str] = {}
        items: list[Citation | Passage] = [*response.citations, *response.passages]
        for item in items:
            if item.article_id not in labels:
                text = "" if item.title else self.handles.store.get_text(item.article_id) or ""
                labels[item.article_id] = article_label(item.title, text)
            item.label = labels[item.article_id]

    def extractive(self, retrieval: Retrieval, asked: str | None = None) -> AnswerResponse:
        """The extractive answer to a retrieval, or the refusal (answer.respond); asked is the question as typed."""
        return self.responder.answer(retrieval, asked)
