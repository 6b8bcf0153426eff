"""Session fixtures for end-to-end tests: a real index of the default articles and a live server on loopback."""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

from pinned_settings import E2E_PINNED  # noqa: E402

from assistant.settings import PROJECT_ROOT, Settings, load_settings  # noqa: E402

# Pinned so that neither the environment nor a stray .env file changes what the end-to-end tests see.
E2E_SETTINGS = E2E_PINNED


@pytest.fixture(scope="session")
def indexed_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """Settings over a temp data dir indexed from a temp copy of articles/ (uploads never touch the repo)."""
    from index.handles import IndexHandles
    from index.updater import update_index

    root = tmp_path_factory.mktemp("e2e")
    articles = root / "articles"
    shutil.copytree(PROJECT_ROOT / "articles", articles)
    settings = load_settings(**(E2E_SETTINGS | {"data_dir": root / "data", "articles_dir": articles}))
    report = update_index(IndexHandles(settings))
    assert not report.errors and report.added >= 2, report.summary()
    return settings


def free_port() -> int:
    """A port nothing listens on right now (the OS picks it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def live_server(indexed_settings: Settings) -> Iterator[str]:
    """The real app (create_app) served by uvicorn in a background thread; yields its base url."""
    import uvicorn

    from assistant.factory import create_app

    port = free_port()
    settings = indexed_settings.model_copy(update={"port": port})  # the url the server advertises to CLI commands
    config = uvicorn.Config(create_app(settings), host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name="live-server", daemon=True)
    thread.start()
    deadline = time.monotonic() + 120
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError(f"the test server did not start on 127.0.0.1:{port}")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=15)
