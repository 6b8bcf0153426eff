"""Scale-out benchmark against running replicas: requests/s of POST /api/query with 8 clients on one replica and
spread over all of them, then how long after an update (through the first replica) the others answer from it.

    .venv/bin/python scripts/bench_replicas.py --url http://127.0.0.1:7861 --url http://127.0.0.1:7862

The replicas share ASSISTANT_DATABASE_URL and a Chroma server (see README, *Several replicas and one indexer*)."""

from __future__ import annotations

import argparse
import json
import statistics
import threading
import time

import httpx
from bench_api import QUESTIONS  # the same mix, refusal included, so the two benches compare

PICKUP_TEXT = (
    "Lighthouse keepers strike in Tromso\n\nThe lighthouse keepers of Tromso walked out on Monday over a pay "
    "freeze, said union leader Ingrid Solvang. The strike closed the harbour beacon for the first time since 1952."
)
PICKUP_QUESTION = "Who leads the union of the lighthouse keepers in Tromso?"


def load(urls: list[str], clients: int, duration: float) -> dict[str, float]:
    """clients threads, client i on urls[i % len(urls)], asking in turn for `duration` seconds."""
    latencies: list[float] = []
    failures = [0]
    stop = time.monotonic() + duration

    def client(i: int) -> None:
        with httpx.Client(timeout=120) as http:
            n = i
            while time.monotonic() < stop:
                started = time.perf_counter()
                r = http.post(f"{urls[i % len(urls)]}/api/query", json={"question": QUESTIONS[n % len(QUESTIONS)]})
                latencies.append(time.perf_counter() - started)
                failures[0] += r.status_code != 200
                n += 1

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    q = statistics.quantiles(latencies, n=20)
    return {"replicas": len(urls), "requests": len(latencies), "rps": round(len(latencies) / duration, 2),
            "p50_ms": round(q[9] * 1000), "p95_ms": round(q[18] * 1000), "non_200": failures[0]}  # fmt: skip


def pickup(urls: list[str]) -> dict[str, float]:
    """Update through the first replica; seconds until each other replica's answer cites the new article."""
    files = [("files", (f"pickup-{int(time.time())}.txt", PICKUP_TEXT.encode(), "text/plain"))]
    started = time.perf_counter()
    done = httpx.post(f"{urls[0]}/api/index", params={"wait": "true"}, files=files, timeout=600)
    done.raise_for_status()
    published = time.perf_counter()
    out = {"update_s": round(published - started, 2)}
    for url in urls[1:]:
        while True:
            asked = time.perf_counter()
            r = httpx.post(f"{url}/api/query", json={"question": PICKUP_QUESTION}, timeout=120).json()
            if any("pickup-" in c["article_id"] for c in r["citations"]):
                out[url] = round(time.perf_counter() - published, 2)
                out[f"{url} first query s"] = round(time.perf_counter() - asked, 2)
                break
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", action="append", required=True, help="a replica's base url (repeat)")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--duration", type=float, default=30.0)
    args = parser.parse_args()
    for url in args.url:  # warm: each replica loads its model and BM25 before it is timed
        httpx.post(f"{url}/api/query", json={"question": QUESTIONS[0]}, timeout=600).raise_for_status()
    rows = [load(args.url[:1], args.clients, args.duration), load(args.url, args.clients, args.duration)]
    print(json.dumps({"load": rows, "pickup": pickup(args.url) if len(args.url) > 1 else None}, indent=1))


if __name__ == "__main__":
    main()
