"""The real app on loopback for tests: a free port, and create_app served by uvicorn in a thread."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from ports import free_port

from assistant.settings import Settings
from index.embedding import Embedder


@contextmanager
def serve(settings: Settings, embedder: Embedder | None = None) -> Iterator[str]:
    """The real app (create_app) served by uvicorn in a background thread on a free loopback port; yields its url.
    With `embedder` (a loaded model, or the test profile's fake) the app uses it instead of loading the model."""
    import uvicorn

    from assistant.factory import create_app

    port = free_port()
    server = settings.server.model_copy(update={"port": port})  # the url the server advertises to CLI commands
    settings = settings.model_copy(update={"server": server})
    from index_testkit import open_handles

    handles = None if embedder is None else open_handles(settings, embedder)  # the app never loads its own
    config = uvicorn.Config(create_app(settings, handles), host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name=f"server-{port}", daemon=True)
    thread.start()
    deadline = time.monotonic() + 120
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError(f"the test server did not start on 127.0.0.1:{port}")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=15)
