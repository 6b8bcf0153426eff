"""`python -m assistant` with the test profile's fake embedder: CLI tests of exit codes and bookkeeping run the
real command line, store and Chroma in a real subprocess, without importing torch or loading the model."""

from __future__ import annotations

import sys
from pathlib import Path

TESTS = Path(__file__).resolve().parent
sys.path[:0] = [str(TESTS.parent), str(TESTS)]

from fakes import install_fake_embedder  # noqa: E402

install_fake_embedder()

from assistant.cli import main  # noqa: E402

raise SystemExit(main())
