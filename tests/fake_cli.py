"""`python -m assistant` with the test profile's fake embedder: CLI tests of exit codes and bookkeeping run the
real command line, store and Chroma in a real subprocess, without importing torch or loading the model.

FAKE_UPDATE_SECONDS_PER_TEXT (default 0): an update's embedding sleeps (CPU-free) a model's time per chunk, for a
process whose update another process must catch in the middle (the scale-out test's second writer and killed
indexer). Only the update's thread is paced; questions answered meanwhile embed at the fake's speed.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

TESTS = Path(__file__).resolve().parent
sys.path[:0] = [str(TESTS.parent), str(TESTS)]

from fakes import FakeEmbedder, install_fake_embedder  # noqa: E402


def pace_updates(seconds_per_text: float) -> None:
    """The fake sleeps seconds_per_text per text while index.updater embeds an update's chunks, on that thread only."""
    from index import updater

    updating = threading.local()
    embed, embed_missing = FakeEmbedder.embed, updater._embed_missing

    def paced_embed(self: FakeEmbedder, texts: Sequence[str]) -> Any:
        if getattr(updating, "active", False):
            time.sleep(seconds_per_text * len(texts))
        return embed(self, texts)

    def paced_embed_missing(*args: Any, **kwargs: Any) -> int:
        updating.active = True
        try:
            return embed_missing(*args, **kwargs)
        finally:
            updating.active = False

    FakeEmbedder.embed = paced_embed  # type: ignore[method-assign]
    updater._embed_missing = paced_embed_missing  # type: ignore[assignment]


install_fake_embedder()
if pace := float(os.environ.get("FAKE_UPDATE_SECONDS_PER_TEXT") or 0):
    pace_updates(pace)

from assistant.cli import main  # noqa: E402

raise SystemExit(main())
