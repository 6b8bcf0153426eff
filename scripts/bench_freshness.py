"""Freshness: how long from a story arriving until a question about it is answered with a citation to it.

    .venv/bin/python scripts/bench_freshness.py [--rounds 5] [--clients 4] [--data-dir DIR]

Starts the real app (`assistant serve --watch`) on loopback over a scratch copy of the default articles (or of
an index built with `make eval`/`scripts/eval.py --data-dir DIR`, e.g. news-dev's 2,450 articles, copied so it
is left as it was), then per round:
- file: writes a new article into the watched folder and asks about it until a citation names it;
- feed: publishes a new item in a loopback RSS feed and asks the app to poll (as its schedule would), then
  asks until a citation names the item's url; a scheduled poll adds up to the feed's interval to this.
Each is measured idle, then again while `--clients` threads keep asking other questions. Prints p50/max and
the update job's own duration (the "adding one article" cost, without the model load done at start-up).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "index" / "ingest"))
from ingest_testkit import Site, rss  # noqa: E402  (the loopback news site of the ingestion tests)

TOKEN = "bench"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
BACKGROUND_QUESTIONS = ("Who founded Wagner?", "What did the drone strike destroy?", "Which city was assaulted?")


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_app(data_dir: Path, articles: Path, port: int) -> subprocess.Popen[bytes]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ASSISTANT_")} | {
        "ASSISTANT_DATA_DIR": str(data_dir),
        "ASSISTANT_ARTICLES_DIR": str(articles),
        "ASSISTANT_SERVER__API_TOKEN": TOKEN,
        "ASSISTANT_FEED_CHECK_S": "3600",  # the bench triggers polls itself
        "HF_HUB_OFFLINE": "1",
    }
    command = [sys.executable, "-m", "assistant", "serve", "--watch", "--port", str(port)]
    return subprocess.Popen(command, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def wait_ready(url: str, timeout_s: float = 600) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{url}/api/health", timeout=5).json().get("ready"):
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    raise SystemExit("the app did not become ready")


def until_cited(url: str, question: str, cited: Callable[[dict], bool], timeout_s: float = 300) -> float:
    """Seconds until an answer to `question` cites what `cited` looks for."""
    started = time.monotonic()
    while time.monotonic() - started < timeout_s:
        body = httpx.post(f"{url}/api/query", json={"question": question, "top_k": 5}, timeout=60).json()
        if any(cited(c) for c in body.get("citations", [])):
            return time.monotonic() - started
        time.sleep(0.25)
    raise SystemExit(f"never cited: {question}")


def last_job_seconds(url: str) -> float:
    jobs = httpx.get(f"{url}/api/jobs", timeout=30).json()
    done = [j for j in jobs if j["state"] == "done" and j["report"]]
    return float(done[0]["report"]["seconds"]) if done else float("nan")


def file_round(url: str, articles: Path, n: int) -> tuple[float, float]:
    name = f"fresh-{n}-{int(time.time())}"
    town = f"Quenby{n}x"
    (articles / f"{name}.txt").write_text(
        f"{town} opens a floating library\n\nThe town of {town} opened a floating library on its canal on Monday. "
        f"The boat holds 4,000 books and was paid for by a local lottery, the mayor said.\n",
        encoding="utf-8",
    )
    seconds = until_cited(url, f"What did {town} open on its canal?", lambda c: c["article_id"] == name)
    return seconds, last_job_seconds(url)


def feed_round(url: str, site: Site, items: list[tuple[str, str, str]], n: int) -> tuple[float, float]:
    town = f"Marrowick{n}z"
    story = f"/news/fresh-{n}.html"
    page = (
        f"<html><head><title>{town} ferry</title></head><body><article><h1>{town} gets a night ferry</h1>"
        f"<p>The harbour of {town} will run a night ferry to the islands from Friday, the port authority said. "
        "Tickets cost four crowns and the boat carries ninety passengers. The service runs until March and "
        "the council will decide in spring whether to keep it, officials told the town's newspaper.</p>"
        "</article></body></html>"
    ).encode()
    site.serve(story, page, "text/html; charset=utf-8")
    items.insert(0, (site.url(story), f"{town} gets a night ferry", f"A night ferry for {town}."))
    site.serve("/rss.xml", rss(site, "Bench wire", items), "application/rss+xml")
    started = time.monotonic()
    while (poll := httpx.post(f"{url}/api/feeds/refresh", headers=AUTH, timeout=60)).status_code == 409:
        time.sleep(0.1)  # the watch's update of the previous round still runs: the schedule would wait too
    poll.raise_for_status()
    until_cited(url, f"What will the harbour of {town} run?", lambda c: c["url"] == site.url(story))
    return time.monotonic() - started, last_job_seconds(url)


def busy(url: str, stop: threading.Event, counter: list[int]) -> None:
    """A client that keeps asking until told to stop."""
    i = 0
    while not stop.is_set():
        httpx.post(f"{url}/api/query", json={"question": BACKGROUND_QUESTIONS[i % 3]}, timeout=120)
        counter[0] += 1
        i += 1


def summary(label: str, runs: list[tuple[float, float]]) -> None:
    fresh, job = [r[0] for r in runs], [r[1] for r in runs]
    print(
        f"{label:34} p50 {statistics.median(fresh):5.1f} s  max {max(fresh):5.1f} s  "
        f"update job p50 {statistics.median(job):5.2f} s  ({len(runs)} rounds)",
        flush=True,
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--data-dir", type=Path, help="an index to copy and add to (default: a fresh one)")
    args = parser.parse_args()
    scratch = Path(tempfile.mkdtemp(prefix="bench-fresh-"))
    articles, data = scratch / "articles", scratch / "data"
    shutil.copytree(ROOT / "articles", articles)
    if args.data_dir:
        shutil.copytree(args.data_dir, data, ignore=shutil.ignore_patterns("*.lock"))
    port, site = free_port(), Site()
    url = f"http://127.0.0.1:{port}"
    app = start_app(data, articles, port)
    try:
        started = time.monotonic()
        wait_ready(url)
        articles_n = httpx.get(f"{url}/api/health").json()["articles"]
        print(f"app ready in {time.monotonic() - started:.1f} s over {articles_n} articles", flush=True)
        items: list[tuple[str, str, str]] = []
        site.serve("/rss.xml", rss(site, "Bench wire", items), "application/rss+xml")
        feed = {"url": site.url("/rss.xml"), "every": "1h"}
        httpx.post(f"{url}/api/feeds", json=feed, headers=AUTH).raise_for_status()
        httpx.post(f"{url}/api/feeds/refresh", params={"wait": "true"}, headers=AUTH, timeout=600)
        for load in (0, args.clients):
            stop, counter = threading.Event(), [0]
            threads = [threading.Thread(target=busy, args=(url, stop, counter), daemon=True) for _ in range(load)]
            for t in threads:
                t.start()
            tag = "idle" if not load else f"{load} clients querying"
            rounds = [i + 100 * load for i in range(args.rounds)]
            summary(f"file -> cited ({tag})", [file_round(url, articles, n) for n in rounds])
            summary(f"feed -> cited ({tag})", [feed_round(url, site, items, n) for n in rounds])
            stop.set()
            for t in threads:
                t.join(timeout=120)
            if load:
                print(f"  (the {load} clients asked {counter[0]} questions meanwhile)")
    finally:
        app.terminate()
        app.wait(timeout=60)
        site.close()
        shutil.rmtree(scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
