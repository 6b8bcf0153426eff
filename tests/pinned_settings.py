"""Settings the tests pin, so neither the environment nor a stray .env file changes what they index or answer."""

from __future__ import annotations

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
E2E_PINNED: dict[str, object] = SERVICE_PINNED | {"host": "127.0.0.1"}
