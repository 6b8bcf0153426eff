"""Generative answers: the LLM writes from numbered passages; only sentences whose citations check out remain."""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Literal

from llama_index.core.base.llms.types import ChatMessage, MessageRole

from assistant.answer.prompts import load_prompt
from assistant.answer.refusal import should_refuse
from assistant.generative.backends import BackendError, describe_error
from assistant.generative.verify import Claim, Support, Verifier, split_claims
from assistant.retrieval.candidates import Candidate
from assistant.retrieval.pipeline import Retrieval
from assistant.schemas import AnswerResponse, Citation
from assistant.streaming import words
from newstext.terms import terms

if TYPE_CHECKING:
    from llama_index.core.llms import LLM

    from assistant.generative.config import LLMSettings
    from assistant.settings import Settings
    from index.embedding import Embedder

GenerativeMode = Literal["openai", "local"]
_REFUSAL = re.compile(r"\W*not\s+in\s+(?:the\s+)?sources\b", re.IGNORECASE)
_UNFINISHED = re.compile(r"\[[^\]]*\]?")


def render_passages(ranked: list[Candidate]) -> str:
    """Passages numbered [1]..[n] with title and date; their text fenced so it reads as data."""
    blocks = []
    for n, c in enumerate(ranked, start=1):
        head = " — ".join(p for p in (c.article.title.strip() or "(untitled)", c.article.date) if p)
        text = c.chunk.text.replace("<<<", "‹‹‹").replace(">>>", "›››")
        blocks.append(f"[{n}] {head}\n<<<\n{text}\n>>>")
    return "\n\n".join(blocks)


class _Assembler:
    """Builds the verified answer sentence by sentence, numbering exact quotes in order of appearance."""

    def __init__(self, verifier: Verifier, show_unsupported: bool) -> None:
        self.verifier = verifier
        self.show_unsupported = show_unsupported
        self.parts: list[str] = []
        self.verified: dict[tuple[str, int, int], Citation] = {}
        self.unverified: list[tuple[Candidate, Support]] = []
        self.kept = 0
        self.dropped = 0
        self.seconds = 0.0  # spent verifying
        self.seen: set[str] = set()

    def add(self, claim: Claim) -> str | None:
        """The sentence as the user sees it (with its leading separator), or None when withheld."""
        key = " ".join(terms(claim.text))
        if not key or key in self.seen or _REFUSAL.match(claim.text):
            return None  # stray punctuation, a repeat, or a late NOT IN SOURCES: nothing to check
        self.seen.add(key)
        checks: list[Support] = []
        vector = None
        for n in claim.cited:
            if 1 <= n <= len(self.verifier.ranked):  # numbers with no passage never reach the user
                vector = self.verifier.embed(claim.text) if vector is None else vector
                support = self.verifier.check(claim.text, n, vector)
                if support is not None:
                    checks.append(support)
        numbers = list(dict.fromkeys(self._number(s) for s in checks if s.supported))
        if numbers:
            self.kept += 1
            piece = f"{claim.text} " + "".join(f"[{n}]" for n in numbers)
        elif self.show_unsupported:
            self.unverified.extend((self.verifier.ranked[s.passage], s) for s in checks)
            piece = f"{claim.text} (unsupported)"
        else:
            self.dropped += 1
            return None
        piece = ("\n" if claim.newline_before else " ") + piece if self.parts else piece
        self.parts.append(piece)
        return piece

    def _number(self, s: Support) -> int:
        cand = self.verifier.ranked[s.passage]
        key = (cand.article.id, s.start, s.end)
        if key not in self.verified:
            self.verified[key] = _citation(len(self.verified) + 1, cand, s, True)
        return self.verified[key].n

    def citations(self) -> list[Citation]:
        """Verified citations 1..m as the text numbers them; then unverified ones (show_unsupported only)."""
        out = list(self.verified.values())
        out += [_citation(len(out) + i, c, s, False) for i, (c, s) in enumerate(self.unverified, start=1)]
        return out


def _citation(n: int, cand: Candidate, s: Support, verified: bool) -> Citation:
    a = cand.article
    return Citation(
        n=n, article_id=a.id, title=a.title, url=a.url, date=a.date, quote=s.quote, start=s.start, end=s.end,
        score=round(s.score / 2, 4), verified=verified,
    )


class GenerativeAnswerer:
    """Question and retrieval in, a verified generative answer out; any failure falls back to `fallback`."""

    def __init__(
        self,
        settings: Settings,
        mode: GenerativeMode,
        llm: LLM | None,
        embedder: Embedder,
        unavailable: str | None = None,
    ) -> None:
        self.settings = settings
        self.mode = mode  # named by whoever chose the backend (the factory), never guessed from the LLM
        self.llm = llm
        self.embedder = embedder
        self.unavailable = unavailable

    @classmethod
    def build(
        cls, settings: Settings, mode: GenerativeMode, make: Callable[[LLMSettings], LLM], embedder: Embedder
    ) -> GenerativeAnswerer:
        """Build the backend now; a misconfigured one is reported with every answer instead of crashing."""
        try:
            return cls(settings, mode, make(settings.llm), embedder)
        except BackendError as exc:
            return cls(settings, mode, None, embedder, unavailable=describe_error(exc, settings.llm))

    def messages(self, retrieval: Retrieval, question: str) -> list[ChatMessage]:
        """System rules, then the numbered passages and the question."""
        prompts = self.settings.prompts_dir
        user = load_prompt(prompts, "generative_user").format(
            passages=render_passages(retrieval.passages), question=question.strip()
        )
        return [
            ChatMessage(role=MessageRole.SYSTEM, content=load_prompt(prompts, "generative_system")),
            ChatMessage(role=MessageRole.USER, content=user),
        ]

    def stream(self, retrieval: Retrieval, question: str, fallback: AnswerResponse) -> Iterator[str | AnswerResponse]:
        """Verified sentences as they complete (unsupported ones are withheld), then the final response."""
        if fallback.refused or should_refuse(retrieval.chunks, retrieval.query, self.settings.answer.refusal):
            yield from self._fallback(fallback, None, 0)
            return
        if self.llm is None:
            yield from self._fallback(fallback, self.unavailable or "no language model is configured", 0)
            return
        started = time.perf_counter()
        verifier = Verifier(retrieval.passages, self.embedder, self.settings.answer.verify)
        assembler = _Assembler(verifier, self.settings.llm.show_unsupported)
        raw, done, failures = "", 0, list[Exception]()
        held: list[str] = []
        for piece in self._generate(self.messages(retrieval, question), failures):
            raw += piece
            claims = split_claims(raw)
            # The last sentence may still grow; a trailing '[1' means the one before awaits its marker.
            pending = 1 if claims and _UNFINISHED.sub("", claims[-1].text).strip() else 2
            for claim in claims[done : max(done, len(claims) - pending)]:
                yield from self._release(assembler, claim, held)
            done = max(done, len(claims) - pending)
        for claim in split_claims(raw)[done:]:
            yield from self._release(assembler, claim, held)
        error = describe_error(failures[0], self.settings.llm) if failures else None
        if not assembler.kept:
            yield from self._fallback(fallback, error, assembler.dropped)
            return
        total = time.perf_counter() - started
        yield AnswerResponse(
            answer="".join(assembler.parts), refused=False, citations=assembler.citations(),
            passages=fallback.passages, query=retrieval.query, mode=self.mode,
            timings_ms={"generate": round((total - assembler.seconds) * 1000, 1),
                        "verify": round(assembler.seconds * 1000, 1)},
            dropped_sentences=assembler.dropped, error=error,
        )

    def _generate(self, messages: list[ChatMessage], failures: list[Exception]) -> Iterator[str]:
        """Streamed text from the backend; a backend failure ends it early and is recorded, never raised."""
        assert self.llm is not None
        try:
            for chunk in self.llm.stream_chat(messages):
                if chunk.delta:
                    yield chunk.delta
        except Exception as exc:  # down, slow, refused or broken: the caller falls back, never a 500
            failures.append(exc)

    @staticmethod
    def _release(assembler: _Assembler, claim: Claim, held: list[str]) -> Iterator[str]:
        """Yield a kept sentence; '(unsupported)' ones wait until a verified sentence makes the answer stand."""
        started = time.perf_counter()
        out = assembler.add(claim)
        assembler.seconds += time.perf_counter() - started
        if out is not None:
            held.append(out)
        if assembler.kept:
            yield from held
            held.clear()

    def _fallback(self, fallback: AnswerResponse, error: str | None, dropped: int) -> Iterator[str | AnswerResponse]:
        """The extractive answer (or its refusal), streamed word by word, with the reason attached."""
        yield from words(fallback.answer)
        yield fallback.model_copy(update={"dropped_sentences": dropped, "error": error})
