"""A polite HTTP client for feeds and article pages: robots.txt, per-host pacing, conditional GET,
retries with backoff, and a size limit enforced while the body streams in."""

from __future__ import annotations

import time
from dataclasses import dataclass
from types import TracebackType
from urllib.parse import urljoin, urlsplit

import httpx
from pydantic import ConfigDict
from pydantic.dataclasses import dataclass as pydantic_dataclass

from index.ingest.pacing import HostPacer
from index.ingest.robots import RobotsCache

_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})


@pydantic_dataclass(frozen=True, config=ConfigDict(extra="forbid"))
class FetchPolicy:
    """Every tuned number of the fetcher: Settings nests it as `settings.fetch` (ASSISTANT_FETCH__TIMEOUT_S, ...)."""

    timeout_s: float = 10.0  # connect, and each read: a host this slow is reported, not waited on
    total_s: float = 60.0  # the whole response, so a host that trickles bytes cannot hold a poll
    max_bytes: int = 5 * 1024 * 1024  # a larger feed or page is an error, never a truncated article
    retries: int = 2  # further attempts after a connect error, a 5xx or a 429
    backoff_s: float = 1.0  # wait before the first retry; doubles each time
    max_backoff_s: float = 30.0  # longest wait between attempts, a Retry-After included
    per_host_interval_s: float = 1.0  # at least this long between two requests to one host
    max_crawl_delay_s: float = 30.0  # a robots.txt Crawl-delay is honoured up to this
    robots_ttl_s: float = 3600.0  # how long a host's robots.txt is trusted before it is fetched again
    robots_max_bytes: int = 512 * 1024  # robots.txt beyond this is ignored (RFC 9309 allows a 500 KiB cap)
    max_redirects: int = 5
    user_agent: str = "news-assistant-feeds/0.1 (+https://github.com/news-assistant)"


@dataclass(frozen=True)
class FetchResult:
    """A fetched feed or page; `not_modified` (HTTP 304) means the stored copy is current and body is empty."""

    status: int
    body: bytes
    etag: str
    last_modified: str
    final_url: str
    not_modified: bool
    content_type: str = ""


class FetchError(Exception):
    """A url that could not be fetched; `kind` is url, robots, too_large, timeout, connect, http or redirect."""

    def __init__(self, url: str, message: str, kind: str, status: int = 0, retry_after: str = "") -> None:
        super().__init__(f"{url}: {message}")
        self.url, self.detail, self.kind, self.status, self.retry_after = url, message, kind, status, retry_after


@dataclass(frozen=True)
class _Response:
    status: int
    headers: httpx.Headers
    body: bytes


class Fetcher:
    """One shared client: robots rules and per-host pacing hold across every feed and page it fetches."""

    def __init__(self, policy: FetchPolicy | None = None) -> None:
        self.policy = policy or FetchPolicy()
        p = self.policy
        self._client = httpx.Client(
            timeout=httpx.Timeout(p.timeout_s), headers={"User-Agent": p.user_agent}, follow_redirects=False
        )
        self.pacer = HostPacer(p.per_host_interval_s)
        self.robots = RobotsCache(self._fetch_robots, p.user_agent, p.robots_ttl_s)

    def close(self) -> None:
        """Close the connection pool."""
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    def get(self, url: str, etag: str = "", last_modified: str = "") -> FetchResult:
        """GET a url the site allows, sending the stored validators so an unchanged feed costs a 304."""
        headers = {"If-None-Match": etag} if etag else {}
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        if not _is_http(url):
            raise FetchError(url, "not an http(s) url", "url")
        current = url
        for _ in range(self.policy.max_redirects + 1):
            if not self.robots.allowed(current):
                raise FetchError(current, f"robots.txt of {_host(current)} disallows fetching this url", "robots")
            response = self._request(current, headers)
            location = response.headers.get("location", "")
            if response.status in _REDIRECTS and location:
                current = urljoin(current, location)
                if not _is_http(current):
                    raise FetchError(url, f"redirected to a non-http url {current!r}", "redirect")
                continue
            return self._result(current, response, etag, last_modified)
        raise FetchError(url, f"more than {self.policy.max_redirects} redirects", "redirect")

    def _result(self, url: str, response: _Response, etag: str, last_modified: str) -> FetchResult:
        status, h = response.status, response.headers
        if status == 304:
            return FetchResult(
                304, b"", h.get("etag", etag), h.get("last-modified", last_modified), url, True, ""
            )
        if not 200 <= status < 300:
            raise FetchError(url, f"HTTP {status}", "http", status)
        return FetchResult(
            status, response.body, h.get("etag", ""), h.get("last-modified", ""), url, False, h.get("content-type", "")
        )

    def _request(self, url: str, headers: dict[str, str]) -> _Response:
        """One GET with retries: connect errors, 5xx and 429 are tried again after a growing pause."""
        p = self.policy
        delay = min(self.robots.crawl_delay(url), p.max_crawl_delay_s)
        error: FetchError | None = None
        for attempt in range(p.retries + 1):
            if attempt:
                time.sleep(self._backoff(attempt, error))
            self.pacer.wait(_host(url), delay)
            try:
                response = self._once(url, headers, p.max_bytes)
            except FetchError as exc:
                if exc.kind != "connect":
                    raise
                error = exc
                continue
            finally:
                self.pacer.finished(_host(url))
            if response.status not in _RETRY_STATUSES:
                return response
            retry_after = response.headers.get("retry-after", "")
            error = FetchError(url, f"HTTP {response.status}", "http", response.status, retry_after)
        assert error is not None
        raise FetchError(url, f"{error.detail} after {p.retries + 1} attempts", error.kind, error.status)

    def _backoff(self, attempt: int, error: FetchError | None) -> float:
        """Exponential backoff, or the server's Retry-After (in seconds) when it asks for longer; capped."""
        p = self.policy
        wait = p.backoff_s * 2.0 ** (attempt - 1)
        asked = error.retry_after if error else ""
        if asked.strip().isdigit():
            wait = max(wait, float(asked.strip()))
        return min(wait, p.max_backoff_s)

    def _once(self, url: str, headers: dict[str, str], max_bytes: int) -> _Response:
        """A single GET; the body is read only for a 2xx, and only up to max_bytes."""
        p = self.policy
        deadline = time.monotonic() + p.total_s
        try:
            with self._client.stream("GET", url, headers=headers) as response:
                if not 200 <= response.status_code < 300:
                    return _Response(response.status_code, response.headers, b"")
                declared = response.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > max_bytes:
                    raise _too_large(url, max_bytes, f"it declares {int(declared)} bytes")
                parts: list[bytes] = []
                size = 0
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > max_bytes:
                        raise _too_large(url, max_bytes, "the body ran past it")
                    if time.monotonic() > deadline:
                        raise FetchError(url, f"took longer than {p.total_s:g}s to download", "timeout")
                    parts.append(chunk)
                return _Response(response.status_code, response.headers, b"".join(parts))
        except (httpx.ConnectError, httpx.ConnectTimeout) as exc:
            raise FetchError(url, f"cannot connect to {_host(url)}: {exc or type(exc).__name__}", "connect") from None
        except httpx.TimeoutException:
            raise FetchError(url, f"{_host(url)} did not answer within {p.timeout_s:g}s", "timeout") from None
        except httpx.TransportError as exc:  # reset or broken connection: worth another try
            why = str(exc) or type(exc).__name__
            raise FetchError(url, f"connection to {_host(url)} failed: {why}", "connect") from None
        except httpx.HTTPError as exc:
            raise FetchError(url, f"bad response: {exc}", "http") from None
        except httpx.InvalidURL as exc:
            raise FetchError(url, f"not a valid url: {exc}", "url") from None

    def _fetch_robots(self, robots_url: str) -> tuple[int, bytes]:
        """robots.txt in one paced attempt, without redirects (a redirected one counts as missing)."""
        self.pacer.wait(_host(robots_url))
        try:
            response = self._once(robots_url, {}, self.policy.robots_max_bytes)
        finally:
            self.pacer.finished(_host(robots_url))
        return response.status, response.body


def _is_http(url: str) -> bool:
    """Only http(s) urls with a host are fetched (never file:, ftp: or a redirect to one)."""
    try:
        parts = urlsplit(url)
        return parts.scheme.lower() in ("http", "https") and bool(parts.hostname)
    except ValueError:
        return False


def _host(url: str) -> str:
    """The host (and port) that politeness is counted per."""
    return urlsplit(url).netloc.lower()


def _too_large(url: str, limit: int, why: str) -> FetchError:
    return FetchError(url, f"larger than the {limit}-byte limit ({why}); not saved", "too_large")
