"""The one typed settings object: built once at start-up and passed to everything else."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent


class Settings(BaseSettings):
    """Every knob of the assistant; env vars use the ASSISTANT_ prefix, or a .env / settings file."""

    model_config = SettingsConfigDict(
        env_prefix="ASSISTANT_",
        env_file=".env",
        extra="ignore",
    )

    # Where things live.
    data_dir: Path = Field(PROJECT_ROOT / ".data", description="Chroma, the article store and the BM25 index.")
    articles_dir: Path = Field(PROJECT_ROOT / "articles", description="Default articles folder that `index` reads.")
    prompts_dir: Path = Field(PROJECT_ROOT / "prompts", description="Prompt and answer templates.")
    collection: str = Field("articles", description="Chroma collection name.")

    # Embedding.
    embed_backend: Literal["sentence-transformers"] = Field(
        "sentence-transformers", description="Embedding runtime; the weights are the bundled MiniLM."
    )
    embed_model: str = Field("all-MiniLM-L6-v2", description="Name recorded with the index.")
    embed_model_path: Path | None = Field(None, description="A local sentence-transformers folder; default: bundled.")
    embed_batch_size: int = Field(32, ge=1, le=1024)
    embed_threads: int = Field(0, ge=0, description="CPU threads for embedding; 0 means all cores.")

    # Index safety: an update that would remove more than this share of the stored articles (and at least
    # this many) stops before writing and needs --allow-removal; an unmounted folder must not empty the index.
    removal_stop_share: float = Field(0.5, ge=0.0, le=1.0, description="Share of the collection an update may remove.")
    removal_stop_min: int = Field(5, ge=1, description="Removals below this count never trigger the safety stop.")

    # Index jobs and progress: an update reports each stage; these batch sizes keep it moving every few seconds.
    embed_progress_chunks: int = Field(128, ge=1, description="Chunks embedded between two progress reports.")
    load_progress_items: int = Field(50, ge=1, description="Articles loaded or chunked between two progress reports.")
    job_history: int = Field(50, ge=1, description="Finished index jobs kept for GET /api/jobs.")

    # Watch mode: the articles folder is re-indexed after it has been quiet this long.
    watch: bool = Field(False, description="Watch the articles folder and index changes (assistant serve --watch).")
    watch_quiet_s: float = Field(2.0, gt=0, description="Seconds without changes before an update runs.")

    # Chunking (word pieces of the embedding model's tokenizer).
    chunk_tokens: int = Field(128, ge=16, le=256, description="Max word pieces per chunk (MiniLM window is 256).")
    chunk_overlap_sentences: int = Field(1, ge=0, le=4, description="Sentences shared by neighbouring chunks.")

    # Chroma server mode (unset: embedded PersistentClient under data_dir).
    chroma_host: str | None = None
    chroma_port: int | None = None

    # Retrieval and answers.
    top_k: int = Field(8, ge=1, le=50, description="Passages returned per question.")
    time_filters: bool = Field(
        False, description="Turn 'this week', 'in March', 'since 2023' into a date filter (off: measured on news-dev)."
    )
    max_question_chars: int = Field(2000, ge=10)
    answer_mode: Literal["extractive", "openai", "local"] = Field(
        "extractive", description="extractive needs nothing; openai = any OpenAI-compatible server; local = GGUF."
    )

    # Generative answers (answer_mode openai / local).
    llm_base_url: str = Field("http://127.0.0.1:11434/v1", description="OpenAI-compatible endpoint (e.g. Ollama).")
    llm_model: str = Field("llama3.2", description="Model name the endpoint serves.")
    llm_api_key: str = Field("not-needed", description="API key for the endpoint, if it needs one.")
    llm_timeout: float = Field(30.0, gt=0, description="Seconds before the LLM call gives up.")
    llm_max_tokens: int = Field(400, ge=16, le=8192)
    llm_gguf: Path | None = Field(None, description="A GGUF file for local mode; default: bundled SmolLM2-135M.")
    llm_threads: int = Field(0, ge=0, description="Threads for local inference; 0 means all cores.")
    show_unsupported: bool = Field(False, description="Keep unverifiable generated sentences, marked.")

    # Web server.
    api_token: str | None = Field(None, description="Bearer token required by write endpoints (set it off loopback).")
    max_upload_bytes: int = Field(25 * 1024 * 1024, ge=1, description="Largest article file accepted per upload.")
    host: str = "127.0.0.1"
    port: int = Field(7860, ge=1, le=65535)

    @property
    def public_url(self) -> str:
        """Where local CLI commands reach this server (a wildcard bind is reached on loopback)."""
        host = "127.0.0.1" if self.host in ("0.0.0.0", "::", "") else self.host
        return f"http://[{host}]:{self.port}" if ":" in host else f"http://{host}:{self.port}"

    @property
    def chroma_dir(self) -> Path:
        """The embedded Chroma store."""
        return self.data_dir / "chroma"

    @property
    def store_path(self) -> Path:
        """The SQLite article store and manifest."""
        return self.data_dir / "articles.sqlite3"


def load_settings(settings_file: Path | None = None, **overrides: Any) -> Settings:
    """Build settings from the environment, an optional settings file, and explicit overrides."""
    if settings_file is not None:
        return Settings(_env_file=settings_file, **overrides)  # type: ignore[call-arg]
    return Settings(**overrides)
