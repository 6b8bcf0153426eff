"""`assistant feeds add|list|remove|refresh`: followed feeds, through the one FeedService (or, when a server
owns the index, refreshed through that server so that its queries keep seeing whole states)."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from dataclasses import asdict
from typing import Any

from assistant.cli.common import EXIT_OK, EXIT_PARTIAL, EXIT_REFUSED, EXIT_USAGE, own_store, tqdm_progress
from assistant.settings import Settings


def _service(settings: Settings) -> Any:
    from assistant.indexing.feeds import FeedService
    from assistant.indexing.service import IndexService
    from index.handles import IndexHandles

    return FeedService(IndexService(settings, IndexHandles(settings)))


def _when(epoch: float | None) -> str:
    return dt.datetime.fromtimestamp(epoch, dt.UTC).strftime("%Y-%m-%d %H:%M UTC") if epoch else "never"


def cmd_feeds(settings: Settings, args: argparse.Namespace) -> int:
    """Dispatch the feeds sub-command (following feeds is safe while a server runs; updates go through it)."""
    if args.action == "refresh":
        return _refresh(settings, args)
    feeds = _service(settings)  # opens the article store's database only: no model, no vectors
    if args.action == "add":
        try:
            feed = feeds.add(args.url, args.every)
        except ValueError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return EXIT_USAGE
        print(f"following {feed.url} as {feed.id}, every {feed.every_s} s (polled by the app, or `feeds refresh`)")
    elif args.action == "list":
        followed = feeds.feeds()
        if args.json:
            print(json.dumps([asdict(f) for f in followed], ensure_ascii=False))
        for f in [] if args.json else followed:
            state = f"failing ({f.failures}x): {f.last_error}" if f.failures else (f.last_error or "ok")
            print(f"{f.id}  {f.url}  every {f.every_s}s  last poll {_when(f.last_polled)}  {f.items} stories  {state}")
    elif not feeds.remove(args.feed_id):
        print(f"error: no feed with id {args.feed_id!r}", file=sys.stderr)
        return EXIT_USAGE
    else:
        print(f"stopped following {args.feed_id}; its stories stay indexed")
    return EXIT_OK


def _refresh(settings: Settings, args: argparse.Namespace) -> int:
    """Poll now and index what came, locally or through the server that owns the index."""
    from assistant import remote

    if server := remote.serving_owner(settings):
        print(f"refreshing through {server.describe()}", file=sys.stderr)
        token = settings.server.api_token
        report = remote.refresh_feeds(
            str(server.url), token, args.feed_ids or None, tqdm_progress(settings.progress_log_s)
        )
    else:
        own_store(settings)
        feeds = _service(settings)
        try:
            polls = feeds.refresh(args.feed_ids or None)
        except KeyError as exc:
            print(f"error: no feed with id {exc.args[0]}", file=sys.stderr)
            return EXIT_USAGE
        if polls.job is None:
            print("no feeds to refresh (add one with `assistant feeds add URL`)")
            return EXIT_OK
        job = feeds.indexing.wait(polls.job)
        report = job.report or {"errors": [job.error], "notes": [], "refused": ""}
    for error in report.get("errors", []):
        print(f"error: {error}", file=sys.stderr)
    for note in report.get("notes", []):
        print(f"note: {note}", file=sys.stderr)
    counts = ", ".join(f"{report.get(k, 0)} {k}" for k in ("added", "updated", "removed"))
    print(f"feeds refreshed: {counts}")
    if report.get("refused"):
        return EXIT_REFUSED
    return EXIT_PARTIAL if report.get("errors") else EXIT_OK


def register(sub: Any) -> None:
    """Add `feeds` and its actions to the sub-command parser."""
    p = sub.add_parser("feeds", help="follow RSS, Atom and JSON feeds whose new stories are indexed")
    actions = p.add_subparsers(dest="action", required=True)
    add = actions.add_parser("add", help="follow a feed (polled by the running app on its schedule)")
    add.add_argument("url", help="an RSS 2.0, Atom or JSON Feed url")
    add.add_argument("--every", help="time between polls: 90s, 30m, 2h, 1d (default from settings: 30m)")
    listing = actions.add_parser("list", help="followed feeds with their last poll and errors")
    listing.add_argument("--json", action="store_true", help="print the feeds as JSON")
    remove = actions.add_parser("remove", help="stop following a feed (its stories stay indexed)")
    remove.add_argument("feed_id")
    refresh = actions.add_parser("refresh", help="poll feeds now and index their new stories")
    refresh.add_argument("feed_ids", nargs="*", help="feed ids (default: all)")
    p.set_defaults(func=cmd_feeds)
