"""Session fixtures shared by every test package, and the test profile.

The real model (`embedder`) is loaded at most once per session; it builds the session's index of the default
articles (`indexed_settings`) and serves the live app (`live_server`), and every test of the real model's
ranking and answers shares it. Tests of logic (the write path's bookkeeping, safety stops, exit codes, jobs,
feeds, watch) run over `fake_embedder` (tests/fakes.py: the real tokenizer, hashed vectors, no torch):
`make_handles` gives real handles over it, `serve(settings, fake_embedder)` a real app, and tests/fake_cli.py
the real command line in a subprocess.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

sys.path.insert(0, str(Path(__file__).parent / "index"))  # index_testkit, for every test package
from app_testkit import serve  # noqa: E402
from fakes import FakeEmbedder  # noqa: E402
from index_testkit import HandlesFactory, open_handles  # noqa: E402
from log_capture_lock import lock_log_capture  # noqa: E402
from pinned_settings import E2E_PINNED, INDEX_PINNED  # noqa: E402

from assistant.settings import PROJECT_ROOT, Settings, load_settings  # noqa: E402
from index.embedding import Embedder, make_embedder  # noqa: E402
from index.handles import IndexHandles  # noqa: E402

lock_log_capture()  # the served app's threads create loggers while pytest walks them (tests/log_capture_lock.py)

# The slowest test files, longest first (measured with `--durations`). A parallel run (`make test`, xdist's
# `--dist loadfile --no-loadscope-reorder`) hands out files in collection order, so starting these first lets
# the workers finish together instead of one worker starting the crash test while the others sit idle.
SLOW_FILES_FIRST = (
    "tests/index/test_crash_safety.py",
    "tests/assistant/test_scale_out.py",
    "tests/assistant/indexing/test_watch.py",
    "tests/assistant/test_generative.py",
    "tests/assistant/test_ui_browser.py",
    "tests/index/test_operator_safety.py",
    "tests/assistant/test_api.py",
    "tests/index/test_cli_index.py",
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Slowest files first, every file's own tests in their order (the sort is stable; node ids start with the
    file's path from the project root)."""
    rank = {name: i for i, name in enumerate(SLOW_FILES_FIRST)}
    items.sort(key=lambda item: rank.get(item.nodeid.split("::")[0], len(rank)))


# Pinned so that neither the environment nor a stray .env file changes what the end-to-end tests see.
E2E_SETTINGS = E2E_PINNED


@pytest.fixture(scope="session")
def indexed_settings(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> Settings:
    """Settings over a temp data dir indexed (by the real model) from a temp copy of articles/ (uploads never
    touch the repo); built once per session for every test of the real model's answers over the default articles."""
    from index.updater import update_index

    root = tmp_path_factory.mktemp("e2e")
    articles = root / "articles"
    shutil.copytree(PROJECT_ROOT / "articles", articles)
    settings = load_settings(**(E2E_SETTINGS | {"data_dir": root / "data", "articles_dir": articles}))
    report = update_index(open_handles(settings, embedder))
    assert not report.errors and report.added >= 2, report.summary()
    return settings


@pytest.fixture(scope="session")
def live_server(indexed_settings: Settings, embedder: Embedder) -> Iterator[str]:
    """The real app (and the real model, the session's) over the session's index of the default articles."""
    with serve(indexed_settings, embedder) as url:
        yield url


# Pinned so that neither the environment nor a stray .env file changes what the tests index.
PINNED = INDEX_PINNED  # write-path tests

SettingsFactory = Callable[..., Settings]


@pytest.fixture(scope="session")
def settings_factory() -> SettingsFactory:
    """Settings for a test index, pinned to the bundled model; keyword overrides win."""

    def make(data_dir: Path, articles_dir: Path | None = None, **overrides: object) -> Settings:
        values = {**PINNED, "data_dir": data_dir, "articles_dir": articles_dir or data_dir.parent / "articles"}
        return load_settings(None, **(values | overrides))

    return make


@pytest.fixture(scope="session")
def embedder(settings_factory: SettingsFactory, tmp_path_factory: pytest.TempPathFactory) -> Embedder:
    """The real bundled MiniLM, loaded once per session (it takes seconds). In a parallel run it embeds on one
    thread: the workers already fill the cores, and threads that wait on each other across workers only burn CPU."""
    s = settings_factory(tmp_path_factory.mktemp("unused-data"))
    threads = 1 if os.environ.get("PYTEST_XDIST_WORKER") else s.embed_threads
    return make_embedder(s.embed_backend, s.embed_model_path, threads, s.embed_batch_size)


@pytest.fixture(scope="session")
def fake_embedder() -> FakeEmbedder:
    """The test profile's embedder (tests/fakes.py): real word pieces, hashed vectors, no model to load."""
    return FakeEmbedder()


@pytest.fixture
def articles_dir(tmp_path: Path) -> Path:
    """An empty articles folder for this test."""
    folder = tmp_path / "articles"
    folder.mkdir()
    return folder


@pytest.fixture
def make_handles(
    tmp_path: Path,
    articles_dir: Path,
    settings_factory: SettingsFactory,
    fake_embedder: FakeEmbedder,
    request: pytest.FixtureRequest,
) -> HandlesFactory:
    """Real IndexHandles (SQLite store + embedded Chroma) in this test's tmp dir, over the fake embedder;
    `real=True` for a test whose assertions need the real model's ranking (the session's, loaded once)."""

    def make(
        data_dir: Path | None = None, articles: Path | None = None, *, real: bool = False, **overrides: object
    ) -> IndexHandles:
        settings = settings_factory(data_dir or tmp_path / "data", articles or articles_dir, **overrides)
        return open_handles(settings, request.getfixturevalue("embedder") if real else fake_embedder)

    return make


@pytest.fixture
def handles(make_handles: HandlesFactory) -> IndexHandles:
    """The default index of a test: articles from `articles_dir`, data in tmp_path/data."""
    return make_handles()
