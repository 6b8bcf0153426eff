"""The web server's settings: Settings nests them as `settings.server`, so each has a nested environment variable
(ASSISTANT_SERVER__HOST, ASSISTANT_SERVER__PORT, ASSISTANT_SERVER__API_TOKEN, ...)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class ServerSettings(BaseModel):
    """Where the app (HTTP API and chat UI) listens, and what its write endpoints accept."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    host: str = Field(default="127.0.0.1", description="Interface to bind.")
    port: int = Field(default=7860, ge=1, le=65535)
    api_token: str | None = Field(default=None, description="Bearer token of the write endpoints.")
    max_upload_bytes: int = Field(default=25 * 1024 * 1024, ge=1, description="Largest article file per upload.")

    @property
    def public_url(self) -> str:
        """Where local CLI commands reach this server (a wildcard bind is reached on loopback)."""
        host = "127.0.0.1" if self.host in ("0.0.0.0", "::", "") else self.host
        return f"http://[{host}]:{self.port}" if ":" in host else f"http://{host}:{self.port}"
