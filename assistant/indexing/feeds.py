"""Followed feeds (RSS 2.0, Atom, JSON Feed): their new stories become articles, on each feed's schedule.

A poll writes one JSON file per new story under `articles/feeds/<feed id>/` (index/ingest/), then the
ordinary incremental update indexes it, in one job with the poll: the stories are files like any other
(deduplicated by url before their page is fetched, and by text against the whole store when indexed).
Feeds live in the article store's database (SQLite, or PostgreSQL shared by every replica), so they survive a
restart; a scheduled poll first claims each due feed there, so of several replicas only one polls it.
"""

from __future__ import annotations

import contextlib
import re
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from assistant.indexing.jobs import IndexBusy, Job
from assistant.indexing.service import IndexService
from index.ingest.fetch import Fetcher
from index.ingest.known import store_urls
from index.ingest.poll import PollResult, refresh
from index.ingest.registry import Feed
from index.report import UpdateReport
from index.stores import StoreUnavailable, open_feed_registry

FEEDS_FOLDER = "feeds"  # under the articles folder
_EVERY = re.compile(r"^\s*(\d+)\s*(s|sec|m|min|h|d)?\s*$", re.I)
_UNIT_S = {"s": 1, "sec": 1, "m": 60, "min": 60, "h": 3600, "d": 86400}


def parse_every(value: str | int) -> int:
    """'30m', '2h', '1d', '90s' or plain seconds, as seconds; ValueError otherwise."""
    if isinstance(value, int):
        return value
    match = _EVERY.match(value)
    if not match:
        raise ValueError(f"every must look like 90s, 30m, 2h or 1d, got {value!r}")
    return int(match.group(1)) * _UNIT_S[(match.group(2) or "s").lower()]


@dataclass(frozen=True)
class FeedPolls:
    """What a refresh did: each feed's poll, and the job that polls and indexes (None when nothing was due)."""

    polls: list[PollResult]
    job: Job | None


class FeedService:
    """Add, list, remove and refresh feeds; every refresh is an index job, so it shares the one-writer rule."""

    def __init__(self, indexing: IndexService) -> None:
        self.indexing = indexing
        self.settings = indexing.settings
        self.registry = open_feed_registry(self.settings)
        self.folder = self.settings.articles_dir / FEEDS_FOLDER

    @cached_property
    def fetcher(self) -> Fetcher:
        """One polite HTTP client for every poll (robots.txt and per-host pacing are remembered across polls)."""
        return Fetcher(self.settings.fetch)

    def add(self, url: str, every: str | int | None = None) -> Feed:
        """Follow a feed; it is due at once (ValueError for a bad url or interval)."""
        return self.registry.add(url, parse_every(every if every is not None else self.settings.feed_every_s))

    def feeds(self) -> list[Feed]:
        """Every followed feed with its polling state."""
        return self.registry.list()

    def remove(self, feed_id: str) -> bool:
        """Stop following a feed; the stories it brought stay indexed (delete them as articles if unwanted)."""
        return self.registry.remove(feed_id)

    def refresh(self, feed_ids: Sequence[str] | None = None, due_only: bool = False) -> FeedPolls:
        """Poll the given feeds (all, or only those due) and index what they brought, as one background job."""
        now = time.time()
        feeds = self.registry.due(now) if due_only else self.registry.list()
        if feed_ids:
            unknown = set(feed_ids) - {f.id for f in self.registry.list()}
            if unknown:
                raise KeyError(", ".join(sorted(unknown)))
            feeds = [f for f in feeds if f.id in set(feed_ids)]
        if not feeds:
            return FeedPolls([], None)
        polls: list[PollResult] = []
        job = self.indexing.start("feeds", lambda j: self._poll_and_index(feeds, polls, j, claim=due_only))
        return FeedPolls(polls, job)

    def _poll_and_index(self, feeds: list[Feed], polls: list[PollResult], job: Job, claim: bool) -> UpdateReport:
        """Poll each feed (when `claim`, only those this process claims: another replica may have taken one)."""
        known = store_urls(self.indexing.handles.store)  # one snapshot per round: a set lookup per story
        for done, feed in enumerate(feeds):
            job.progress("fetching", done, len(feeds))
            taken = self.registry.claim(feed.id, time.time()) if claim else feed
            if taken is not None:
                polls.append(refresh(taken, self.registry, self.folder, known, self.fetcher, time.time()))
        job.progress("fetching", len(feeds), len(feeds))
        report = self.indexing.run_update(job.progress) if any(p.written for p in polls) else UpdateReport()
        for poll in polls:
            report.errors += [f"feed {poll.feed_id}: {e}" for e in poll.errors]
            found = f"{len(poll.written)} new stories, {poll.skipped_known} known"
            report.notes.append(f"feed {poll.feed_id}: {'not modified' if poll.not_modified else found}")
        return report


def run_schedule(feeds: FeedService, stop: threading.Event) -> None:
    """Poll due feeds every `feed_check_s` until `stop`; a tick that finds the index busy or the database down
    waits for the next (health checks report the database; the schedule resumes when it returns)."""
    while True:
        with contextlib.suppress(IndexBusy, StoreUnavailable):
            feeds.refresh(due_only=True)
        if stop.wait(feeds.settings.feed_check_s):
            return
