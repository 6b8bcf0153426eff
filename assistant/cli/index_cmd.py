"""`assistant index` and `assistant watch`: the write path's commands, through the one IndexService."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from assistant.cli.common import EXIT_OK, EXIT_PARTIAL, EXIT_REFUSED, own_store, tqdm_progress
from assistant.settings import Settings

INDEX_HELP = """\
Update the index from article files, folders and JSON/JSONL feeds: new articles are added, changed ones
replaced, and stored articles whose file no longer holds them are removed, only within the given PATHS.

Nothing is removed that could not be seen: a missing, unreadable or empty folder (an unmounted disk) and a
file that failed to load keep what is stored from them. An update that would remove more than
ASSISTANT_REMOVAL_STOP_SHARE (default half) of the collection stops before writing; --allow-removal goes on.

Ids: a file's path under the articles folder without extension (another folder's files: '@' + a hash of
their folder + '/' + name); a feed entry: the feed file's id + '#' + the entry's own id. A copy of a stored
story (same text up to case, spacing and punctuation) merges into it, its url kept, wherever it arrives.

exit codes:
  0  everything was read and applied
  1  some inputs failed to load (named on stderr); the rest was applied
  2  bad command line or settings
  3  refused, nothing written: another update is running, the safety stop, the index is open in another
     process, or the Chroma server is unreachable
"""


def cmd_index(settings: Settings, args: argparse.Namespace) -> int:
    """`assistant index`: incremental update of the index from article files and feeds."""
    from assistant import remote
    from assistant.indexing.service import IndexService
    from index.handles import IndexHandles

    progress = tqdm_progress(settings.progress_log_s)
    if server := remote.serving_owner(settings):
        if args.paths or args.full or args.dry_run or args.allow_removal:
            print(
                f"error: {server.describe()} has this index open, so it must run the update. Put the files in "
                f"{settings.articles_dir} and run `assistant index` (no paths), or upload them: "
                f"curl -F files=@FILE {server.url}/api/index",
                file=sys.stderr,
            )
            return EXIT_REFUSED
        print(f"updating through {server.describe()}", file=sys.stderr)
        report = remote.update(str(server.url), settings.server.api_token, progress)
    else:
        own_store(settings)
        indexing = IndexService(settings, IndexHandles(settings))
        paths = [Path(p) for p in args.paths] or None
        report = indexing.update(
            paths, dry_run=args.dry_run, full=args.full, allow_removal=args.allow_removal, progress=progress
        )
    for error in report.errors:
        print(f"error: {error}", file=sys.stderr)
    for skipped in report.skipped:
        print(f"skipped: {skipped}", file=sys.stderr)
    if args.json:
        print(json.dumps(report.as_dict(), ensure_ascii=False))
    else:
        for note in report.notes:
            print(f"note: {note}", file=sys.stderr)
        for line in report.change_lines():
            print(line)
        print(report.summary())
    if report.refused:
        return EXIT_REFUSED
    return EXIT_PARTIAL if report.errors else EXIT_OK


def cmd_watch(settings: Settings, args: argparse.Namespace) -> int:
    """`assistant watch`: watch mode without the web UI; Ctrl-C stops it."""
    import threading

    from assistant.indexing.service import IndexService
    from assistant.indexing.watch import watch_folder
    from index.handles import IndexHandles

    own_store(settings)
    quiet = f"{settings.watch_quiet_s:g} s"
    print(f"watching {settings.articles_dir} (quiet period {quiet}); Ctrl-C stops", file=sys.stderr)
    watch_folder(IndexService(settings, IndexHandles(settings)), threading.Event())
    return EXIT_OK


def register(sub: Any) -> None:
    """Add `index` and `watch` to the sub-command parser."""
    p = sub.add_parser(
        "index",
        help="add new, replace changed and delete removed articles",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description=INDEX_HELP,
    )
    p.add_argument("paths", nargs="*", help="files or folders (default: the configured articles folder)")
    p.add_argument("--dry-run", action="store_true", help="list the articles that would be added, updated, removed")
    p.add_argument("--json", action="store_true", help="print the summary as JSON")
    p.add_argument(
        "--full", action="store_true",
        help="re-read and re-embed every article under PATHS (default: the articles folder); other paths' articles "
        "are kept",
    )
    p.add_argument(
        "--allow-removal", action="store_true",
        help="go ahead with an update that removes more than the safety share of the collection, or empties an "
        "empty folder's articles",
    )
    p.set_defaults(func=cmd_index)

    p = sub.add_parser("watch", help="index the articles folder whenever it changes (no web server)")
    p.set_defaults(func=cmd_watch)
