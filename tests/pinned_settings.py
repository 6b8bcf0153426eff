"""Settings the tests pin, so neither the environment nor a stray .env file changes what they index or answer."""

from __future__ import annotations

from typing import TYPE_CHECKING

from assistant.service import AnswerService
from assistant.settings import load_settings

if TYPE_CHECKING:
    from assistant.settings import Settings
    from index.embedding import Embedder

INDEX_PINNED: dict[str, object] = {
    "embed_backend": "sentence-transformers",
    "embed_model": "all-MiniLM-L6-v2",
    "embed_model_path": None,
    "collection": "articles",
    "chunk_tokens": 128,
    "chunk_overlap_sentences": 1,
    "chroma_host": None,
    "chroma_port": None,
}
SERVICE_PINNED: dict[str, object] = INDEX_PINNED | {"top_k": 8, "max_question_chars": 2000, "answer_mode": "extractive"}
E2E_PINNED: dict[str, object] = SERVICE_PINNED | {"server": {"host": "127.0.0.1"}}


def pinned_service(base: Settings, embedder: Embedder) -> AnswerService:
    """The shipped service over base's index, settings pinned (and re-read from the environment), the model shared."""
    from index_testkit import open_handles

    settings = load_settings(**(E2E_PINNED | {"data_dir": base.data_dir, "articles_dir": base.articles_dir}))
    return AnswerService(settings, open_handles(settings, embedder))
