"""The `assistant` command line: thin wrappers that each call one service function."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from assistant.settings import Settings, load_settings


def _tqdm_progress():  # type: ignore[no-untyped-def]
    """A progress callback drawing a tqdm bar on stderr."""
    from tqdm import tqdm

    bars: dict[str, tqdm] = {}

    def progress(stage: str, done: int, total: int) -> None:
        bar = bars.get(stage)
        if bar is None:
            bar = bars[stage] = tqdm(total=total, desc=stage, unit="article", file=sys.stderr, leave=False)
        bar.update(done - bar.n)
        if done >= total:
            bar.close()

    return progress


def cmd_index(settings: Settings, args: argparse.Namespace) -> int:
    """`assistant index`: incremental update of the index from article files and feeds."""
    from index.handles import IndexHandles
    from index.updater import update_index

    handles = IndexHandles(settings)
    paths = [Path(p) for p in args.paths] or None
    report = update_index(handles, paths, dry_run=args.dry_run, full=args.full, progress=_tqdm_progress())
    for error in report.errors:
        print(f"error: {error}", file=sys.stderr)
    if args.json:
        print(json.dumps(report.as_dict(), ensure_ascii=False))
    else:
        for note in report.notes:
            print(f"note: {note}", file=sys.stderr)
        print(report.summary())
    return 0


def build_parser() -> argparse.ArgumentParser:
    """All sub-commands and their flags."""
    parser = argparse.ArgumentParser(prog="assistant", description="Ask questions about your news articles.")
    parser.add_argument("--settings", type=Path, help="a settings file (KEY=VALUE lines, ASSISTANT_ prefix)")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("index", help="add new, replace changed and delete removed articles")
    p.add_argument("paths", nargs="*", help="files or folders (default: the configured articles folder)")
    p.add_argument("--dry-run", action="store_true", help="print what would change, change nothing")
    p.add_argument("--json", action="store_true", help="print the summary as JSON")
    p.add_argument("--full", action="store_true", help="rebuild from scratch")
    p.set_defaults(func=cmd_index)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `assistant` console script and `python -m assistant`."""
    args = build_parser().parse_args(argv)
    settings = load_settings(args.settings)
    try:
        return int(args.func(settings, args))
    except KeyboardInterrupt:
        print("interrupted; the index keeps its last complete state", file=sys.stderr)
        return 130
