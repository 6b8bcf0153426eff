"""Load-test POST /api/query: N concurrent clients for T seconds; prints requests/s, p50/p95 latency, non-2xx.

Against a running server:   .venv/bin/python scripts/bench_api.py --url http://127.0.0.1:7860
Starting one on a data dir: .venv/bin/python scripts/bench_api.py --data-dir /tmp/x [--articles articles/]
(the server runs in its own process, so the clients' threads do not share its interpreter). Loopback only.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import httpx

PROJECT_ROOT = Path(__file__).resolve().parent.parent
QUESTIONS = [
    "Who founded Wagner?",
    "Which city did Wagner forces assault?",
    "Why did Putin annex four occupied oblasts?",
    "What is Turkey's deal with Baykar?",
    "How are sanctions hurting Russia's budget?",
    "Who won the 2022 FIFA World Cup?",  # a refusal costs a full retrieval too
]
LOOPBACK = ("127.", "localhost", "[::1]", "::1")


@dataclass
class Tally:
    """What every client thread records; one lock, appended to rarely enough not to matter."""

    latencies: list[float] = field(default_factory=list)
    statuses: dict[int, int] = field(default_factory=dict)
    errors: dict[str, int] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, seconds: float, status: int | None, error: str | None = None) -> None:
        with self.lock:
            if status is not None:
                self.latencies.append(seconds)
                self.statuses[status] = self.statuses.get(status, 0) + 1
            if error:
                self.errors[error] = self.errors.get(error, 0) + 1


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    target = p.add_mutually_exclusive_group(required=True)
    target.add_argument("--url", help="base url of a running server (loopback only)")
    target.add_argument("--data-dir", type=Path, help="start `assistant serve` on this (indexed) data dir")
    p.add_argument("--articles", type=Path, help="with --data-dir: index this folder first")
    p.add_argument("--clients", type=int, default=8, help="concurrent clients (default 8)")
    p.add_argument("--duration", type=float, default=30.0, help="seconds of load (default 30)")
    p.add_argument("--max-requests", type=int, default=100_000, help="stop after this many requests in all")
    p.add_argument("--top-k", type=int, default=None, help="top_k sent with each question")
    p.add_argument("--question", action="append", help="a question to ask (repeatable; default: a built-in mix)")
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    args = p.parse_args(argv)
    if args.url and not urlsplit(args.url).netloc.startswith(LOOPBACK):
        p.error("--url must point at this machine (127.0.0.1, localhost or [::1])")
    if args.clients < 1 or args.duration <= 0:
        p.error("--clients must be >= 1 and --duration > 0")
    return args


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_healthy(url: str, proc: subprocess.Popen[bytes] | None, timeout: float = 180) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise SystemExit(f"the server exited with code {proc.returncode} before it was ready")
        try:
            if httpx.get(f"{url}/api/health", timeout=5).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    raise SystemExit(f"no healthy server at {url} after {timeout:.0f}s")


@contextmanager
def server(args: argparse.Namespace) -> Iterator[str]:
    """The url to load: the given one, or a server process started (and stopped) here."""
    if args.url:
        url = args.url.rstrip("/")
        _wait_healthy(url, None, timeout=60)
        yield url
        return
    env = os.environ | {"ASSISTANT_DATA_DIR": str(args.data_dir.resolve())}
    if args.articles:
        env["ASSISTANT_ARTICLES_DIR"] = str(args.articles.resolve())
        subprocess.run([sys.executable, "-m", "assistant", "index"], env=env, cwd=PROJECT_ROOT, check=True)
    port = _free_port()
    cmd = [sys.executable, "-m", "assistant", "serve", "--host", "127.0.0.1", "--port", str(port)]
    proc = subprocess.Popen(cmd, env=env, cwd=PROJECT_ROOT, stdout=subprocess.DEVNULL)
    try:
        url = f"http://127.0.0.1:{port}"
        _wait_healthy(url, proc)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()


def client(url: str, questions: list[str], top_k: int | None, stop_at: float, budget: list[int], tally: Tally,
           offset: int) -> None:
    """One client: ask questions back to back until time or the shared request budget runs out."""
    with httpx.Client(base_url=url, timeout=120) as http:
        i = offset
        while time.monotonic() < stop_at:
            with tally.lock:
                if budget[0] <= 0:
                    return
                budget[0] -= 1
            body: dict[str, object] = {"question": questions[i % len(questions)]}
            if top_k:
                body["top_k"] = top_k
            i += 1
            started = time.perf_counter()
            try:
                status = http.post("/api/query", json=body).status_code
                tally.add(time.perf_counter() - started, status)
            except httpx.HTTPError as exc:
                tally.add(time.perf_counter() - started, None, type(exc).__name__)


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100) of the values, in the values' unit."""
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, round(q / 100 * len(ordered) + 0.5) - 1))]


def run(url: str, args: argparse.Namespace) -> dict[str, object]:
    """Warm up once, then load for the duration; returns the summary."""
    questions = args.question or QUESTIONS
    httpx.post(f"{url}/api/query", json={"question": questions[0]}, timeout=180)  # loads the model
    tally, budget = Tally(), [args.max_requests]
    started = time.monotonic()
    threads = [
        threading.Thread(target=client, args=(url, questions, args.top_k, started + args.duration, budget, tally, n))
        for n in range(args.clients)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - started
    lat_ms = [s * 1000 for s in tally.latencies]
    done = len(lat_ms)
    return {
        "url": url, "clients": args.clients, "seconds": round(elapsed, 1), "requests": done,
        "requests_per_s": round(done / elapsed, 2) if elapsed else 0.0,
        "p50_ms": round(percentile(lat_ms, 50), 1) if lat_ms else None,
        "p95_ms": round(percentile(lat_ms, 95), 1) if lat_ms else None,
        "mean_ms": round(statistics.fmean(lat_ms), 1) if lat_ms else None,
        "max_ms": round(max(lat_ms), 1) if lat_ms else None,
        "non_2xx": sum(n for code, n in tally.statuses.items() if not 200 <= code < 300),
        "statuses": {str(k): v for k, v in sorted(tally.statuses.items())},
        "transport_errors": sum(tally.errors.values()),
        "transport_error_kinds": tally.errors,
    }


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    with server(args) as url:
        result = run(url, args)
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print(
            f"{result['requests']} requests in {result['seconds']}s from {result['clients']} clients: "
            f"{result['requests_per_s']} req/s, p50 {result['p50_ms']} ms, p95 {result['p95_ms']} ms, "
            f"max {result['max_ms']} ms, non-2xx {result['non_2xx']}, transport errors {result['transport_errors']}"
        )
    return 0 if not result["non_2xx"] and not result["transport_errors"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
