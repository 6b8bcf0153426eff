"""The `assistant` command line: thin wrappers that each call one service function."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from assistant.schemas import AnswerResponse
from assistant.settings import Settings, load_settings
from index.lock import UpdateInProgress
from index.owner import Owner, StoreInUse, claim
from index.vectors import VectorStoreUnavailable


def _tqdm_progress():  # type: ignore[no-untyped-def]
    """A progress callback drawing one tqdm bar per stage on stderr (a count while the total is unknown)."""
    from tqdm import tqdm

    bars: dict[str, tqdm] = {}
    units = {"embedding": "chunk", "loading": "article", "chunking": "article"}

    def progress(stage: str, done: int, total: int) -> None:
        for other in [s for s in bars if s != stage]:  # a new stage: the earlier ones are over
            bars.pop(other).close()
        bar = bars.get(stage)
        if bar is None:
            bar = bars[stage] = tqdm(
                total=total or None, desc=stage, unit=units.get(stage, "step"), file=sys.stderr, leave=False,
                disable=None,  # no bars when stderr is not a terminal (cron, logs): only the messages
            )
        if total and bar.total != total:
            bar.total = total
        bar.update(done - bar.n)
        if total and done >= total:
            bars.pop(stage).close()

    return progress


# Exit codes of `assistant index` (and every command): what a cron job or script can branch on.
EXIT_OK = 0  # everything given was read and applied
EXIT_PARTIAL = 1  # some inputs failed to load (each named on stderr); everything else was applied
EXIT_USAGE = 2  # the command line itself is wrong (argparse)
EXIT_REFUSED = 3  # nothing written: another update runs, the safety stop, or a store or server that is unavailable


def cmd_index(settings: Settings, args: argparse.Namespace) -> int:
    """`assistant index`: incremental update of the index from article files and feeds."""
    from assistant import remote
    from assistant.indexing.service import IndexService
    from index.handles import IndexHandles

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
        report = remote.update(str(server.url), settings.api_token, _tqdm_progress())
    else:
        _own_store(settings)
        indexing = IndexService(settings, IndexHandles(settings))
        paths = [Path(p) for p in args.paths] or None
        report = indexing.update(
            paths, dry_run=args.dry_run, full=args.full, allow_removal=args.allow_removal, progress=_tqdm_progress()
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


def _print_answer(response: AnswerResponse) -> None:
    """The answer, then its numbered citations under it."""
    print(response.answer)
    for c in response.citations:
        print(f"\n[{c.n}] {c.title or c.article_id}" + (f" <{c.url}>" if c.url else ""))
        print(f'    "{c.quote}" (chars {c.start}-{c.end})')


def _read_batch(path: Path) -> Iterator[tuple[int, dict | None, str]]:
    """(line number, request object or None, error or "") for each non-blank line of a batch file."""
    with path.open(encoding="utf-8", errors="replace") as fh:
        for n, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
            except json.JSONDecodeError as e:
                yield n, None, f"line {n}: malformed JSON ({e.msg})"
                continue
            if not isinstance(item, dict):
                yield n, None, f"line {n}: expected an object with a 'question' string"
                continue
            if not isinstance(item.get("question"), str):
                yield n, item, f"line {n}: expected an object with a 'question' string"
                continue
            try:
                item["as_of"] = _day(item["as_of"]) if item.get("as_of") else None
            except argparse.ArgumentTypeError as e:
                yield n, item, f"line {n}: {e}"
                continue
            yield n, item, ""


def _day(value: str) -> dt.date:
    """A YYYY-MM-DD day, for --as-of and batch lines."""
    try:
        return dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        raise argparse.ArgumentTypeError(f"as_of must be a YYYY-MM-DD day, not {value!r}") from None


def cmd_ask(settings: Settings, args: argparse.Namespace) -> int:
    """`assistant ask`: one question, or a batch file of them with models loaded once."""
    from assistant import remote
    from assistant.factory import build_service
    from assistant.service import InvalidQuestion, QuestionTooLong

    if server := remote.serving_owner(settings):  # the server has the index open: ask it
        url = str(server.url)

        def ask(question: str, as_of: dt.date | None) -> AnswerResponse:
            return remote.ask(url, question, args.top_k, as_of)
    else:
        _own_store(settings)
        service = build_service(settings)

        def ask(question: str, as_of: dt.date | None) -> AnswerResponse:
            return service.ask(question, top_k=args.top_k, as_of=as_of)

    if args.batch:
        out = open(args.out, "w", encoding="utf-8") if args.out else sys.stdout  # noqa: SIM115
        failures = 0
        for n, item, error in _read_batch(Path(args.batch)):
            record: dict = {"id": item.get("id", n) if item else n}
            try:
                if item is None or error:
                    raise InvalidQuestion(error)
                record |= ask(item["question"], item["as_of"] or args.as_of).model_dump()
            except (InvalidQuestion, QuestionTooLong) as e:
                failures += 1
                record["error"] = str(e)
                print(f"error: {record['id']}: {e}", file=sys.stderr)
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            out.flush()
        if out is not sys.stdout:
            out.close()
        return 1 if failures else 0
    if not args.question:
        print("error: give a QUESTION or --batch FILE", file=sys.stderr)
        return 2
    try:
        response = ask(args.question, args.as_of)
    except (InvalidQuestion, QuestionTooLong) as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    if args.json:
        print(response.model_dump_json(indent=2))
    else:
        _print_answer(response)
    return 0


def _own_store(settings: Settings) -> None:
    """Own the embedded store for this command, waiting (with a note) while another CLI process has it."""
    if settings.chroma_host:
        return

    def waiting(owner: Owner | None) -> None:
        who = owner.describe() if owner else "another process"
        print(f"waiting for {who} to finish with the index…", file=sys.stderr, flush=True)

    claim(settings.data_dir, "cli", on_wait=waiting)


def _port(value: str) -> int:
    """An argparse type: a TCP port number."""
    port = int(value)
    if not 1 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"{value} is not a port number (1-65535)")
    return port


def cmd_serve(settings: Settings, args: argparse.Namespace) -> int:
    """`assistant serve`: the HTTP API and the web chat on one server (default 127.0.0.1:7860)."""
    import uvicorn

    from assistant.factory import create_app

    overrides = {key: value for key, value in (("host", args.host), ("port", args.port)) if value is not None}
    if args.watch:
        overrides["watch"] = True
    settings = settings.model_copy(update=overrides)
    print(f"News Assistant on http://{settings.host}:{settings.port}/ (API docs at /docs)", file=sys.stderr)
    uvicorn.run(create_app(settings), host=settings.host, port=settings.port)
    return 0


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
  2  bad command line
  3  refused, nothing written: another update is running, the safety stop, the index is open in another
     process, or the Chroma server is unreachable
"""


def cmd_watch(settings: Settings, args: argparse.Namespace) -> int:
    """`assistant watch`: watch mode without the web UI; Ctrl-C stops it."""
    import threading

    from assistant.indexing.service import IndexService
    from assistant.indexing.watch import watch_folder
    from index.handles import IndexHandles

    _own_store(settings)
    quiet = f"{settings.watch_quiet_s:g} s"
    print(f"watching {settings.articles_dir} (quiet period {quiet}); Ctrl-C stops", file=sys.stderr)
    watch_folder(IndexService(settings, IndexHandles(settings)), threading.Event())
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    """All sub-commands and their flags."""
    parser = argparse.ArgumentParser(prog="assistant", description="Ask questions about your news articles.")
    parser.add_argument("--settings", type=Path, help="a settings file (KEY=VALUE lines, ASSISTANT_ prefix)")
    sub = parser.add_subparsers(dest="command", required=True)

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

    p = sub.add_parser("ask", help="answer a question from the indexed articles, with citations")
    p.add_argument("question", nargs="?", help="the question")
    p.add_argument("--json", action="store_true", help="print the full response object")
    p.add_argument("--top-k", type=int, default=None, help="passages to retrieve (default from settings)")
    p.add_argument("--as-of", type=_day, help="the day the question is asked, YYYY-MM-DD (default today)")
    p.add_argument("--batch", help="a JSONL file of {id, question[, as_of]} lines; writes one response per line")
    p.add_argument("--out", help="with --batch: write responses here instead of stdout")
    p.set_defaults(func=cmd_ask)

    p = sub.add_parser("serve", help="serve the web chat and the HTTP API (default 127.0.0.1:7860)")
    p.add_argument("--host", help="interface to bind (default from settings: 127.0.0.1)")
    p.add_argument("--port", type=_port, help="port (default from settings: 7860)")
    p.add_argument("--watch", action="store_true", help="also index the articles folder whenever it changes")
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("watch", help="index the articles folder whenever it changes (no web server)")
    p.set_defaults(func=cmd_watch)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `assistant` console script and `python -m assistant`."""
    from assistant.indexing.jobs import IndexBusy
    from assistant.remote import RemoteError

    args = build_parser().parse_args(argv)
    settings = load_settings(args.settings)
    unavailable = (UpdateInProgress, IndexBusy, StoreInUse, VectorStoreUnavailable, RemoteError)
    try:
        return int(args.func(settings, args))
    except unavailable as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_REFUSED
    except KeyboardInterrupt:
        print("interrupted; the index keeps its last complete state", file=sys.stderr)
        return 130
