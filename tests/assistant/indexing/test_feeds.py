"""Feeds end to end: a loopback news site, the real app (API, scheduler-free refreshes), and the CLI.

The fetcher is the shipped one with no per-host politeness interval (1 s by default; the setting
fetch.per_host_interval_s): the site is loopback, and the interval is tested on its own
(tests/index/ingest/test_ingest_fetch.py)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from app_testkit import serve
from fakes import FakeEmbedder
from index_testkit import FAKE_CLI

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "index" / "ingest"))  # the loopback news site
from ingest_testkit import Site  # noqa: E402

from assistant.indexing.feeds import FEEDS_FOLDER, FeedService, parse_every  # noqa: E402
from assistant.indexing.service import IndexService  # noqa: E402
from assistant.settings import Settings  # noqa: E402
from index.handles import IndexHandles  # noqa: E402
from index.ingest.registry import Feed  # noqa: E402

TOKEN = "feed-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
UNPACED = {"fetch": {"per_host_interval_s": 0.0}}  # settings overrides


@pytest.fixture
def site() -> Iterator[Site]:
    s = Site()
    s.fixture("/rss.xml", "rss.xml", "application/rss+xml", etag='"v1"')
    s.pages("harbour-bridge.html", "budget-vote.html", "ferry-strike.html")
    yield s
    s.close()


@pytest.fixture
def app(  # type: ignore[no-untyped-def]
    tmp_path: Path, settings_factory, fake_embedder: FakeEmbedder
) -> Iterator[tuple[str, Settings]]:
    """The real app over an empty index and the test profile's fake embedder (feeds are bookkeeping)."""
    (tmp_path / "articles").mkdir()
    server = {"api_token": TOKEN}
    settings = settings_factory(
        tmp_path / "data", tmp_path / "articles", server=server, feed_check_s=3600.0, **UNPACED
    )
    with serve(settings, fake_embedder) as url:
        yield url, settings


def test_follow_refresh_and_stop_following_over_http(site: Site, app: tuple[str, Settings]) -> None:
    url, settings = app
    assert httpx.post(f"{url}/api/feeds", json={"url": site.url("/rss.xml")}).status_code == 401
    bad = httpx.post(f"{url}/api/feeds", json={"url": "ftp://x.example/feed"}, headers=AUTH)
    assert bad.status_code == 422 and "http" in bad.json()["detail"]
    added = httpx.post(f"{url}/api/feeds", json={"url": site.url("/rss.xml"), "every": "2h"}, headers=AUTH)
    assert added.status_code == 201, added.text
    feed = added.json()
    assert feed["every_s"] == 7200 and [f["id"] for f in httpx.get(f"{url}/api/feeds").json()] == [feed["id"]]

    first = httpx.post(f"{url}/api/feeds/refresh", params={"wait": "true"}, headers=AUTH, timeout=300)
    assert first.status_code == 200, first.text
    job = first.json()["job"]
    assert job["state"] == "done" and job["kind"] == "feeds" and job["added"] == 2, job
    assert f"feed {feed['id']}: 2 new stories, 0 known" in job["report"]["notes"]
    stored = sorted(p.name for p in (settings.articles_dir / FEEDS_FOLDER / feed["id"]).iterdir())
    assert len(stored) == 2 and all(name.endswith(".json") for name in stored)
    answer = httpx.post(f"{url}/api/query", json={"question": "When did the harbour bridge reopen?"}, timeout=60)
    assert answer.json()["passages"][0]["url"] == site.url("/news/harbour-bridge.html")

    # The feed changes between polls: only the new story's page is fetched.
    site.fixture("/rss.xml", "rss-later.xml", "application/rss+xml", etag='"v2"')
    before = len(site.requested("/news/harbour-bridge.html"))
    again = httpx.post(f"{url}/api/feeds/refresh", params={"wait": "true"}, headers=AUTH, timeout=300).json()["job"]
    assert again["state"] == "done" and again["added"] >= 1
    assert len(site.requested("/news/harbour-bridge.html")) == before, "a known story was fetched again"
    third = httpx.post(f"{url}/api/feeds/refresh", params={"wait": "true"}, headers=AUTH, timeout=300).json()["job"]
    assert f"feed {feed['id']}: not modified" in third["report"]["notes"]  # 304: the ETag was sent
    assert site.requested("/rss.xml")[-1].headers.get("if-none-match") == '"v2"'

    listed = httpx.get(f"{url}/api/feeds").json()[0]
    assert listed["items"] == 2 + again["added"] and listed["failures"] == 0 and listed["last_ok"]
    assert httpx.delete(f"{url}/api/feeds/{feed['id']}", headers=AUTH).status_code == 204
    assert httpx.get(f"{url}/api/feeds").json() == []
    assert httpx.delete(f"{url}/api/feeds/{feed['id']}", headers=AUTH).status_code == 404
    assert httpx.get(f"{url}/api/health").json()["articles"] >= 2, "its stories stay indexed"


def test_a_failing_feed_is_reported_and_never_blocks_the_others(site: Site, make_handles) -> None:  # type: ignore[no-untyped-def]
    handles = make_handles(**UNPACED)
    feeds = FeedService(IndexService(handles.settings, handles))
    good = feeds.add(site.url("/rss.xml"), "1h")
    broken = feeds.add(site.url("/gone.xml"), "1h")  # 404
    polls = feeds.refresh()
    assert polls.job is not None
    job = feeds.indexing.wait(polls.job)
    assert job.state == "done" and job.report and job.report["added"] == 2
    assert any(e.startswith(f"feed {broken.id}: ") and "404" in e for e in job.report["errors"])
    states = {f.id: f for f in feeds.feeds()}
    assert states[broken.id].failures == 1 and states[broken.id].next_due > states[good.id].last_polled  # type: ignore[operator]
    assert states[good.id].failures == 0 and states[good.id].items == 2


def test_feeds_survive_a_restart(site: Site, make_handles) -> None:  # type: ignore[no-untyped-def]
    handles = make_handles()
    FeedService(IndexService(handles.settings, handles)).add(site.url("/rss.xml"), "45m")
    reopened = FeedService(IndexService(handles.settings, IndexHandles(handles.settings)))
    assert [(f.url, f.every_s) for f in reopened.feeds()] == [(site.url("/rss.xml"), 2700)]


def test_a_scheduled_refresh_polls_only_the_due_feeds_it_claims(  # type: ignore[no-untyped-def]
    site: Site, make_handles, monkeypatch: pytest.MonkeyPatch
) -> None:
    handles = make_handles(**UNPACED)
    feeds = FeedService(IndexService(handles.settings, handles))
    mine = feeds.add(site.url("/rss.xml"), "1h")
    theirs = feeds.add(site.url("/other.xml"), "1h")
    other_replica = FeedService(IndexService(handles.settings, IndexHandles(handles.settings)))
    read_due = feeds.registry.due

    def due_then_raced(now: float) -> list[Feed]:  # another replica takes a feed between our read and our poll
        found = read_due(now)
        assert other_replica.registry.claim(theirs.id, time.time()) is not None
        return found

    monkeypatch.setattr(feeds.registry, "due", due_then_raced)
    polls = feeds.refresh(due_only=True)
    assert polls.job is not None and feeds.indexing.wait(polls.job).state == "done"
    assert [p.feed_id for p in polls.polls] == [mine.id]
    monkeypatch.undo()
    assert feeds.refresh(due_only=True).job is None  # nothing left due: the one polled, the other claimed


@pytest.mark.parametrize(("text", "seconds"), [("90s", 90), ("30m", 1800), ("2h", 7200), ("1d", 86400), ("600", 600)])
def test_intervals(text: str, seconds: int) -> None:
    assert parse_every(text) == seconds


def test_the_cli_follows_refreshes_and_lists(site: Site, tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ASSISTANT_")} | {
        "ASSISTANT_DATA_DIR": str(tmp_path / "data"),
        "ASSISTANT_ARTICLES_DIR": str(tmp_path / "articles"),
        "HF_HUB_OFFLINE": "1",
        "ASSISTANT_FETCH__PER_HOST_INTERVAL_S": "0",
    }

    def cli(*args: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, str(FAKE_CLI), "feeds", *args]  # the real CLI over the fake embedder
        return subprocess.run(command, env=env, cwd=tmp_path, capture_output=True, text=True, timeout=600)

    added = cli("add", site.url("/rss.xml"), "--every", "30m")
    assert added.returncode == 0 and "every 1800 s" in added.stdout, added.stderr
    assert cli("add", "not a url").returncode == 2
    refreshed = cli("refresh")
    assert refreshed.returncode == 0, refreshed.stderr
    assert "feeds refreshed: 2 added, 0 updated, 0 removed" in refreshed.stdout
    listed = cli("list")
    assert site.url("/rss.xml") in listed.stdout and "2 stories" in listed.stdout
    feed_id = listed.stdout.split()[0]
    assert cli("remove", feed_id).returncode == 0 and cli("list").stdout == ""
