"""The `assistant` command line: thin wrappers that each call one service (answers, indexing, feeds)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from assistant.cli import ask_cmd, feeds_cmd, index_cmd, serve_cmd
from assistant.cli.common import EXIT_REFUSED, EXIT_USAGE
from assistant.settings import SettingsError, load_settings
from index.lock import UpdateInProgress
from index.owner import StoreInUse
from index.stores import StoreUnavailable
from index.vectors import VectorStoreUnavailable


def build_parser() -> argparse.ArgumentParser:
    """All sub-commands and their flags."""
    parser = argparse.ArgumentParser(prog="assistant", description="Ask questions about your news articles.")
    parser.add_argument("--settings", type=Path, help="a settings file (KEY=VALUE lines, ASSISTANT_ prefix)")
    sub = parser.add_subparsers(dest="command", required=True)
    for command in (index_cmd, ask_cmd, serve_cmd, feeds_cmd):
        command.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `assistant` console script and `python -m assistant`."""
    from assistant.indexing.jobs import IndexBusy
    from assistant.remote import RemoteError

    args = build_parser().parse_args(argv)
    try:
        settings = load_settings(args.settings)
    except SettingsError as exc:  # an unknown variable or a bad value: said in one line, before anything runs
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    unavailable = (UpdateInProgress, IndexBusy, StoreInUse, StoreUnavailable, VectorStoreUnavailable, RemoteError)
    try:
        return int(args.func(settings, args))
    except unavailable as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_REFUSED
    except KeyboardInterrupt:
        print("interrupted; the index keeps its last complete state", file=sys.stderr)
        return 130
