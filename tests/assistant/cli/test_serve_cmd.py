"""`assistant serve --host/--port/--watch` change settings.server (and watch) for the app and for uvicorn."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from assistant.cli import main


@pytest.fixture
def served(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> dict[str, Any]:
    """What serve would hand to create_app and uvicorn.run (neither runs)."""
    import uvicorn

    import assistant.factory

    for name in [n for n in os.environ if n.upper().startswith("ASSISTANT_")]:
        monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)
    seen: dict[str, Any] = {}

    def create_app(settings: Any) -> str:
        seen["settings"] = settings
        return "app"

    monkeypatch.setattr(assistant.factory, "create_app", create_app)
    monkeypatch.setattr(uvicorn, "run", lambda app, host, port: seen.update(app=app, host=host, port=port))
    return seen


def test_flags_override_the_server_settings(served: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ASSISTANT_SERVER__API_TOKEN", "s3cret")
    assert main(["serve", "--host", "0.0.0.0", "--port", "8001", "--watch"]) == 0
    settings = served["settings"]
    assert (served["app"], served["host"], served["port"]) == ("app", "0.0.0.0", 8001)
    assert (settings.server.host, settings.server.port, settings.server.public_url) == (
        "0.0.0.0", 8001, "http://127.0.0.1:8001"
    )
    assert settings.server.api_token == "s3cret" and settings.watch  # the rest of the group stays


def test_without_flags_the_settings_decide(served: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ASSISTANT_SERVER__PORT", "8002")
    monkeypatch.setenv("ASSISTANT_WATCH", "1")
    assert main(["serve"]) == 0
    assert (served["host"], served["port"], served["settings"].watch) == ("127.0.0.1", 8002, True)
