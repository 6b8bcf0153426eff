"""`assistant serve`: the HTTP API and the web chat (and, with --watch, watch mode) on one server."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from assistant.cli.common import port
from assistant.settings import Settings


def cmd_serve(settings: Settings, args: argparse.Namespace) -> int:
    """`assistant serve`: the HTTP API and the web chat on one server (default 127.0.0.1:7860)."""
    import uvicorn

    from assistant.factory import create_app

    bind = {key: value for key, value in (("host", args.host), ("port", args.port)) if value is not None}
    server = settings.server.model_copy(update=bind)
    settings = settings.model_copy(update={"server": server, "watch": settings.watch or args.watch})
    print(f"News Assistant on http://{server.host}:{server.port}/ (API docs at /docs)", file=sys.stderr)
    uvicorn.run(create_app(settings), host=server.host, port=server.port)
    return 0


def register(sub: Any) -> None:
    """Add `serve` to the sub-command parser."""
    p = sub.add_parser("serve", help="serve the web chat and the HTTP API (default 127.0.0.1:7860)")
    p.add_argument("--host", help="interface to bind (default from settings: 127.0.0.1)")
    p.add_argument("--port", type=port, help="port (default from settings: 7860)")
    p.add_argument("--watch", action="store_true", help="also index the articles folder whenever it changes")
    p.set_defaults(func=cmd_serve)

