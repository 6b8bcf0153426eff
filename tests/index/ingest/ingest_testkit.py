"""Loopback news sites for the ingestion tests: real HTTP servers on 127.0.0.1 that the tests start and stop,
serving the shipped fixtures and scripted replies, and logging every request they get."""

from __future__ import annotations

import json
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from index.ingest.fetch import FetchPolicy
from index.ingest.registry import Feed, FeedRegistry, RegistryPolicy

FIXTURES = Path(__file__).parent / "fixtures"

# Short enough that the whole module stays fast; each test that needs other numbers says so.
FAST = FetchPolicy(
    timeout_s=0.5,
    total_s=3.0,
    max_bytes=64 * 1024,
    retries=2,
    backoff_s=0.05,
    max_backoff_s=0.2,
    per_host_interval_s=0.0,
    robots_ttl_s=60.0,
    user_agent="news-assistant-test/1.0",
)
TEST_REGISTRY = RegistryPolicy(min_every_s=1, retry_base_s=10.0, max_backoff_s=100.0)


@dataclass(frozen=True)
class Reply:
    """A scripted answer: status, headers, body, and how long to stall before answering."""

    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay_s: float = 0.0


@dataclass(frozen=True)
class Hit:
    """One request the site received."""

    path: str
    headers: dict[str, str]
    at: float


Route = Callable[[dict[str, str]], Reply]  # request headers (lower-case names) -> reply


class _Server(ThreadingHTTPServer):
    """A threaded server that stops without waiting for stalled replies and is quiet about clients that hang
    up (the fetcher does, by design, on timeouts and oversized bodies)."""

    daemon_threads = True
    block_on_close = False

    def handle_error(self, request: object, client_address: object) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)  # type: ignore[arg-type]


class Site:
    """One loopback host: `routes` maps a path to a Route; anything else is a 404."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.hits: list[Hit] = []
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:  # noqa: N802 (the http.server API)
                headers = {k.lower(): v for k, v in self.headers.items()}
                site.hits.append(Hit(self.path, headers, time.monotonic()))
                route = site.routes.get(self.path)
                reply = route(headers) if route else Reply(404, b"not found")
                if reply.delay_s:
                    time.sleep(reply.delay_s)
                try:
                    self.send_response(reply.status)
                    for name, value in reply.headers.items():
                        self.send_header(name, value)
                    if "Transfer-Encoding" not in reply.headers:
                        self.send_header("Content-Length", str(len(reply.body)))
                    self.end_headers()
                    self.wfile.write(reply.body)
                except OSError:  # the client gave up (a timeout test): nothing to answer
                    pass

            def log_message(self, format: str, *args: object) -> None:
                return None

        self.server = _Server(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self._thread = threading.Thread(target=self.server.serve_forever, args=(0.02,), daemon=True)
        self._thread.start()

    def url(self, path: str) -> str:
        return self.base + path

    def requested(self, path: str) -> list[Hit]:
        """The requests for one path, in order."""
        return [h for h in self.hits if h.path == path]

    def fixture(self, path: str, name: str, content_type: str, etag: str = "", last_modified: str = "") -> None:
        """Serve a shipped fixture (with {{BASE}} replaced by this site's address), honouring conditional GET."""
        body = (FIXTURES / name).read_text(encoding="utf-8").replace("{{BASE}}", self.base).encode()
        self.serve(path, body, content_type, etag, last_modified)

    def serve(self, path: str, body: bytes, content_type: str, etag: str = "", last_modified: str = "") -> None:
        """Serve fixed bytes; a request carrying the current ETag or Last-Modified gets a 304."""
        validators = {"ETag": etag} if etag else {}
        if last_modified:
            validators["Last-Modified"] = last_modified

        def route(headers: dict[str, str]) -> Reply:
            fresh = (etag and headers.get("if-none-match") == etag) or (
                last_modified and not etag and headers.get("if-modified-since") == last_modified
            )
            if fresh:
                return Reply(304, b"", validators)
            return Reply(200, body, {"Content-Type": content_type, **validators})

        self.routes[path] = route

    def pages(self, *names: str) -> None:
        """Serve fixture article pages under /news/."""
        for name in names:
            self.fixture(f"/news/{name}", f"news/{name}", "text/html; charset=utf-8")

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def http_date(ts: float) -> str:
    return formatdate(ts, usegmt=True)


def rss(site: Site, title: str, items: list[tuple[str, str, str]]) -> bytes:
    """A small RSS 2.0 document: items are (absolute url, headline, description)."""
    entries = "".join(
        f"<item><title>{t}</title><link>{u}</link><guid>{u}</guid>"
        f"<pubDate>Mon, 30 Nov 2026 08:00:00 +0000</pubDate><description>{d}</description></item>"
        for u, t, d in items
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title><link>{site.base}/</link>'
        f"<description>test</description>{entries}</channel></rss>"
    ).encode()


# --- shared by the poll tests ---------------------------------------------------------------------------------
NOW = 1_790_000_000.0  # 2026-09-21 UTC
ETAG = '"rss-v1"'
PAGES = ("harbour-bridge.html", "budget-vote.html", "ferry-strike.html", "empty-shell.html")


def nothing_known(url: str) -> bool:
    """A store that has none of the feed's stories yet."""
    return False


def read(path: Path) -> dict[str, str]:
    """A written article file."""
    return json.loads(path.read_text(encoding="utf-8"))


def current(registry: FeedRegistry, feed_id: str) -> Feed:
    """The feed as stored now."""
    feed = registry.get(feed_id)
    assert feed is not None
    return feed


def page_hits(site: Site) -> list[str]:
    """The article pages a site was asked for, in order."""
    return [h.path for h in site.hits if h.path.startswith("/news/")]
