"""The write path's settings: where the index lives and how it is built. The assistant's Settings extend them
(retrieval, answers, server), so that index/ never imports the read path."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent
# Chroma's HNSW search breadth, its own default. At 100 the 40 nearest chunks a query asks for come back 97.5% right
# on news-dev's index (one query 82.5%), and not the same from one process to the next: Chroma replays the vectors
# written since its last flush into the graph as it opens, and the graph comes out differently. At 1000 they are
# 99.9% right and the same every time, for 2 ms more a query, and news-dev's lead and answer hits rise by two
# questions each; but the refusal rule, calibrated on what 100 finds, then answers two more off-topic questions
# ("How many legs does a spider have?" with a moon lander's "six legs"): off-topic refused 0.971 -> 0.914, under
# its 0.95 target. So it stays at 100 until the refusal rule reads the question's topic word (reports/issue-13.md,
# twenty-ninth pass).
VECTOR_SEARCH_EF = 100


class IndexSettings(BaseSettings):
    """Every knob of indexing; env vars use the ASSISTANT_ prefix, or a .env / settings file."""

    model_config = SettingsConfigDict(env_prefix="ASSISTANT_", env_file=".env", extra="ignore")

    # Where things live.
    data_dir: Path = Field(PROJECT_ROOT / ".data", description="Chroma, the article store and the BM25 index.")
    articles_dir: Path = Field(PROJECT_ROOT / "articles", description="Default articles folder that `index` reads.")
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

    # Progress: an update reports each stage; these batch sizes keep it moving every few seconds.
    embed_progress_chunks: int = Field(128, ge=1, description="Chunks embedded between two progress reports.")
    load_progress_items: int = Field(50, ge=1, description="Articles loaded or chunked between two progress reports.")

    # Chunking (word pieces of the embedding model's tokenizer).
    chunk_tokens: int = Field(128, ge=16, le=256, description="Max word pieces per chunk (MiniLM window is 256).")
    chunk_overlap_sentences: int = Field(1, ge=0, le=4, description="Sentences shared by neighbouring chunks.")

    vector_search_ef: int = Field(VECTOR_SEARCH_EF, ge=1, description="Chroma HNSW ef_search (see VECTOR_SEARCH_EF).")

    # Chroma server mode (unset: embedded PersistentClient under data_dir).
    chroma_host: str | None = None
    chroma_port: int | None = None

    # The shared article store (unset: embedded SQLite under data_dir). postgresql://user@host:port/db lets
    # several replicas and one indexer share one collection; it needs the Chroma server above.
    database_url: str | None = Field(None, description="A PostgreSQL url for the article store (shared by replicas).")

    @property
    def chroma_dir(self) -> Path:
        """The embedded Chroma store."""
        return self.data_dir / "chroma"

    @property
    def store_path(self) -> Path:
        """The SQLite article store and manifest."""
        return self.data_dir / "articles.sqlite3"
