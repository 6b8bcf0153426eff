"""`assistant ask`: one question or a batch file, locally or through the server that owns the index."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from assistant.cli.common import own_store
from assistant.schemas import AnswerResponse
from assistant.settings import Settings
from newstext.dates import parse_day


def print_answer(response: AnswerResponse) -> None:
    """The answer, then its numbered citations under it, each with its source and publication day (news answers
    need dates, and the web chat and the API show them too); a refusal lists its related passages. Words read as
    the articles spell them are said first."""
    if note := response.spelling_note():
        print(f"({note})\n")
    print(response.answer)
    for c in response.citations:
        print(f"\n[{c.n}] {c.name}, {c.date or 'undated'}" + (f" <{c.url}>" if c.url else ""))
        print(f'    "{c.quote}" (chars {c.start}-{c.end})')
    if response.refused and response.passages:  # the refusal says they are listed below
        print("\nRelated passages (not an answer):")
        for p in response.passages:
            print(f"\n- {p.name}, {p.date or 'undated'}" + (f" <{p.url}>" if p.url else ""))
            print(f'    "{p.text}" (chars {p.start}-{p.end})')


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
    day = parse_day(value) if isinstance(value, str) else None
    if day is None:
        raise argparse.ArgumentTypeError(f"as_of must be a YYYY-MM-DD day, not {value!r}")
    return day


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
        own_store(settings)
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
        print_answer(response)
    return 0


def register(sub: Any) -> None:
    """Add `ask` to the sub-command parser."""
    p = sub.add_parser("ask", help="answer a question from the indexed articles, with citations")
    p.add_argument("question", nargs="?", help="the question")
    p.add_argument("--json", action="store_true", help="print the full response object")
    p.add_argument("--top-k", type=int, default=None, help="passages to retrieve (default from settings)")
    p.add_argument("--as-of", type=_day, help="the day the question is asked, YYYY-MM-DD (default today)")
    p.add_argument("--batch", help="a JSONL file of {id, question[, as_of]} lines; writes one response per line")
    p.add_argument("--out", help="with --batch: write responses here instead of stdout")
    p.set_defaults(func=cmd_ask)

