"""Helpers for write-path tests: tiny inputs, and a check that store and Chroma agree chunk for chunk."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from index.config import IndexSettings
from index.embedding import Embedder
from index.handles import IndexHandles
from index.records import StoredChunk
from index.vectors import open_client

ROOT = Path(__file__).resolve().parents[2]
FAKE_CLI = ROOT / "tests" / "fake_cli.py"  # `python -m assistant` over the fake embedder
DEFAULT_ARTICLES = ROOT / "articles"
HandlesFactory = Callable[..., IndexHandles]  # make_handles(data_dir=None, articles=None, **settings)


def write(path: Path, content: str | bytes) -> Path:
    """Create (or overwrite) a test input and its folders."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def jsonl(*rows: object) -> str:
    """JSONL text for the given rows."""
    return "".join(json.dumps(r) + "\n" for r in rows)


def story(topic: str, sentences: int = 3) -> str:
    """A small distinct article body about `topic` (distinct topics never count as near-duplicates)."""
    lines = [
        f"The {topic} committee met on Tuesday to discuss the plan.",
        f"Officials said the {topic} budget would grow by 4.5 percent next year.",
        f"Critics of the {topic} proposal asked for more time.",
        f"A final {topic} vote is expected in March.",
        f"Residents can comment on the {topic} plan online.",
    ]
    return " ".join(lines[i % len(lines)] + ("" if i < len(lines) else f" ({i})") for i in range(sentences))


def open_handles(settings: IndexSettings, embedder: Embedder) -> IndexHandles:
    """Real handles that use an embedder already loaded (the session's model, or the fake) instead of loading one."""
    handles = IndexHandles(settings)
    handles.__dict__["embedder"] = embedder  # cached_property storage: IndexHandles never loads its own
    return handles


def chroma_records(handles: IndexHandles) -> dict[str, tuple[str, dict[str, Any]]]:
    """chunk id -> (document, metadata) for everything in the index's Chroma collection."""
    s = handles.settings
    client = open_client(s.chroma_dir, s.chroma_host, s.chroma_port)
    collection = client.get_collection(handles.vectors.name, embedding_function=None)
    got = collection.get(include=["documents", "metadatas"])
    return {
        cid: (doc, dict(meta)) for cid, doc, meta in zip(got["ids"], got["documents"], got["metadatas"], strict=True)
    }


def assert_consistent(handles: IndexHandles) -> dict[str, StoredChunk]:
    """Store and Chroma hold the same live chunks, and every offset slices its article's stored text exactly."""
    ids = handles.store.all_chunk_ids()
    chunks = {cid: chunk for cid, (chunk, _) in handles.store.live_chunks(sorted(ids)).items()}
    records = chroma_records(handles)
    assert set(records) == ids, "Chroma and the store disagree on the live chunks"
    texts: dict[str, str | None] = {}
    for cid, chunk in chunks.items():
        text = texts.setdefault(chunk.article_id, handles.store.get_text(chunk.article_id))
        assert text is not None, f"chunk {cid} of a missing article"
        assert text[chunk.start : chunk.end] == chunk.text
        document, meta = records[cid]
        assert document == chunk.text
        assert (meta["article_id"], meta["start"], meta["end"]) == (chunk.article_id, chunk.start, chunk.end)
        assert text[meta["start"] : meta["end"]] == document
    articles, chunk_count = handles.store.counts()
    assert chunk_count == len(ids)
    assert len({c.article_id for c in chunks.values()}) == articles, "every article has chunks"
    return chunks


def article_chunk_ids(handles: IndexHandles, article_id: str) -> set[str]:
    """Live chunk ids of one article, as the store knows them."""
    ids = handles.store.all_chunk_ids()
    return {cid for cid, (c, _) in handles.store.live_chunks(sorted(ids)).items() if c.article_id == article_id}


# Run as root, a test still needs reads that fail: the CLI then runs without the capabilities that let root
# ignore file modes (setpriv from util-linux), so a folder with mode 000 is as unreadable as for anyone else.
DROP_DAC = ["setpriv", "--inh-caps=-dac_override,-dac_read_search", "--bounding-set=-dac_override,-dac_read_search"]


def run_index_cli(
    tmp_path: Path, *args: str, unprivileged: bool = False, env: dict[str, str] | None = None, real: bool = False
) -> subprocess.CompletedProcess[str]:
    """`python -m assistant index ARGS` with data and articles in tmp_path, and none of the caller's ASSISTANT_*;
    over the test profile's fake embedder (tests/fake_cli.py: no torch import), or `real` for the real model."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith("ASSISTANT_")}
    clean |= {
        "ASSISTANT_DATA_DIR": str(tmp_path / "data"),
        "ASSISTANT_ARTICLES_DIR": str(tmp_path / "articles"),
        "HF_HUB_OFFLINE": "1",
        "TRANSFORMERS_OFFLINE": "1",
        "ANONYMIZED_TELEMETRY": "False",
    } | (env or {})
    prefix = DROP_DAC if unprivileged and os.geteuid() == 0 else []
    return subprocess.run(  # cwd: a folder without a .env file
        [*prefix, sys.executable, *(["-m", "assistant"] if real else [str(FAKE_CLI)]), "index", *args],
        cwd=tmp_path,
        env=clean,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
