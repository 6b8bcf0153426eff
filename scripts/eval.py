"""`make eval`: index an eval set, ask every question through the CLI, score it against two baselines."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from evaluation import baselines, data, scoring, system
from evaluation.report import Report, SystemResult, render_markdown, write_report

PROJECT_ROOT = Path(__file__).resolve().parent.parent
PROJECT_NAME = "news assistant"


def log(message: str) -> None:
    """Progress on stderr, so stdout carries only the markdown table."""
    print(f"[eval {datetime.now():%H:%M:%S}] {message}", file=sys.stderr, flush=True)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """The command line; relative paths are taken from the current directory."""
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument(
        "--set", dest="set_name", default="news-smoke", help="eval set name (news-smoke, news-dev)"
    )
    p.add_argument("--shared", type=Path, default=PROJECT_ROOT.parent / "shared", help="holds eval/<set>/")
    p.add_argument("--out-dir", type=Path, default=None, help="default: .eval/<set>")
    p.add_argument(
        "--top-k", type=int, default=15,
        help="passages per question asked of the assistant (passages of up to 25 words: 15 span EM@300w)",
    )
    p.add_argument("--skip-baselines", action="store_true", help="only evaluate the assistant")
    p.add_argument(
        "--answer-mode",
        choices=["extractive", "openai", "local"],
        default=os.environ.get("ASSISTANT_ANSWER_MODE") or "extractive",
        help="also ask in this generative mode, beside the extractive run (default: $ASSISTANT_ANSWER_MODE)",
    )
    p.add_argument("--keep-index", action="store_true", help="build the index in <out-dir>/index and keep it")
    p.add_argument(
        "--data-dir", type=Path, default=None,
        help="index here and keep it; an index already there is updated incrementally (fast re-runs)",
    )
    p.add_argument(
        "--no-update", action="store_true",
        help="with --data-dir: ask the index as it is, without the incremental update (it must be complete)",
    )
    return p.parse_args(argv)


@contextmanager
def index_dir(out_dir: Path, keep: bool, reuse: Path | None = None) -> Iterator[Path]:
    """A data directory for the assistant: reused, kept under out_dir, or temporary and removed after."""
    if reuse is not None:
        reuse.mkdir(parents=True, exist_ok=True)
        yield reuse.resolve()
        return
    if keep:
        path = out_dir / "index"
        shutil.rmtree(path, ignore_errors=True)
        path.mkdir(parents=True)
        yield path
        log(f"index kept at {path}")
        return
    path = Path(tempfile.mkdtemp(prefix="eval-index-"))
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


def git_revision() -> str:
    """The commit being measured, so reports can be compared across changes."""
    try:
        rev = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=PROJECT_ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],
            cwd=PROJECT_ROOT,
            capture_output=True,
            text=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return f"{rev}{' (uncommitted changes)' if dirty else ''}"


def citation_getter(data_dir: Path, notes: list[str]) -> Callable[[str], str | None] | None:
    """The article store for citation checks, or None (with a note) if it cannot be opened."""
    try:
        return system.article_text_getter(data_dir)
    except Exception as exc:  # the project's store is not ours: report, don't crash the eval
        notes.append(f"citation validity not checked: cannot open the article store ({exc!r})")
        return None


def evaluate_project(
    args: argparse.Namespace,
    eval_set: data.EvalSet,
    questions: dict[str, list[data.Question]],
    report: Report,
) -> list[SystemResult]:
    """Stages 1-3: index, ask in one batch per answer mode, score; [] (with a note) if the assistant CLI fails."""
    answerable, unanswerable, on_topic = questions["answerable"], questions["unanswerable"], questions["on_topic"]
    quiz = questions["quiz_unanswerable"]
    out_dir: Path = args.out_dir
    with index_dir(out_dir, args.keep_index, args.data_dir) as data_dir:
        try:
            if args.no_update and args.data_dir is not None:
                report.context.append(f"index reused as built, not updated: {data_dir}")
            else:
                log(f"indexing {eval_set.corpus_path} into {data_dir}")
                summary, index_s = system.build_index(eval_set.corpus_path, data_dir)
                report.timings.append(("assistant index (wall clock)", index_s))
                report.context.append(f"index summary: `{json.dumps(summary)}`")
            lines = data.batch_lines([*answerable, *unanswerable, *on_topic, *quiz])
            log(f"asking {len(lines)} questions in one batch (top-k {args.top_k})")
            runs = {}
            for mode in dict.fromkeys(["extractive", args.answer_mode]):
                log(f"asking in {mode} mode")
                runs[mode], ask_s = system.ask_batch(
                    lines, data_dir, out_dir / "batch_in.jsonl", out_dir / f"responses-{mode}.jsonl", args.top_k, mode
                )
                report.timings.append((f"assistant ask --batch, {mode} (wall clock)", ask_s))
        except (system.AssistantCLIError, OSError) as exc:
            log(f"error: the assistant failed: {exc}")
            report.notes.append(f"**the assistant failed, no project results**: {exc}")
            return []
        get_text = citation_getter(data_dir, report.notes)
        return [
            scoring.score_project(
                PROJECT_NAME if mode == "extractive" else f"{PROJECT_NAME} ({mode})",
                responses, answerable, unanswerable, get_text, on_topic,
                data.as_asked(answerable, data.load_corpus(eval_set)), quiz,
            )
            for mode, responses in runs.items()
        ]  # fmt: skip


def evaluate_baselines(
    eval_set: data.EvalSet, answerable: list[data.Question], report: Report
) -> list[SystemResult]:
    """Stage 4: BM25 and llama-index defaults, in-process over the same corpus and questions."""
    corpus = data.load_corpus(eval_set)
    results: list[SystemResult] = []
    runners: list[Callable[..., baselines.BaselineRun]] = [baselines.run_bm25, baselines.run_llama_index]
    for runner in runners:
        log(f"baseline: {runner.__doc__}")
        run = runner(corpus, answerable)
        report.timings += [(f"{run.name}: {stage}", sec) for stage, sec in run.seconds.items()]
        results.append(scoring.score_baseline(run, answerable))
        em = results[-1].scores
        log(f"{run.name}: EM@100w {em['em@100w']:.3f}, EM@300w {em['em@300w']:.3f}, R@5 {em['r@5']:.3f}")
    return results


def main(argv: list[str] | None = None) -> int:
    """Run every stage, write the report, print the table; non-zero if the assistant failed or miscited."""
    args = parse_args(argv)
    args.out_dir = (args.out_dir or PROJECT_ROOT / ".eval" / args.set_name).resolve()
    try:
        eval_set = data.find_eval_set(args.shared.resolve(), args.set_name)
    except FileNotFoundError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    args.out_dir.mkdir(parents=True, exist_ok=True)
    unanswerable, answered = data.without_answers_in(data.load_unanswerable(), data.load_corpus(eval_set))
    questions = {
        "answerable": data.load_answerable(eval_set),
        "unanswerable": unanswerable,
        "on_topic": data.load_on_topic(data.question_dates(eval_set)),
        "quiz_unanswerable": data.load_quiz_unanswerable(eval_set),
    }
    report = Report(
        args.set_name, len(questions["answerable"]), len(questions["unanswerable"]), [], [],
        n_on_topic=len(questions["on_topic"]), n_quiz_unanswerable=len(questions["quiz_unanswerable"]),
    )
    report.context += [
        f"revision: {git_revision()}",
        f"run at {datetime.now():%Y-%m-%d %H:%M}",
        f"assistant asked with --top-k {args.top_k}; baselines retrieve top {baselines.TOP_K}",
        f"unanswerable set: {len(unanswerable)} questions; left out because this corpus holds their answer: "
        + (", ".join(answered) or "none"),
    ]
    started = time.perf_counter()
    project = evaluate_project(args, eval_set, questions, report)
    report.systems += project
    if not args.skip_baselines:
        report.systems += evaluate_baselines(eval_set, questions["answerable"], report)
    report.timings.append(("total", time.perf_counter() - started))
    md_path, png_path = write_report(report, args.out_dir)
    print(render_markdown(report))
    log(f"wrote {md_path} and {png_path}")
    return exit_code(project)


def exit_code(project: list[SystemResult]) -> int:
    """1 when the assistant failed to run or produced a citation that does not match its article."""
    if not project:
        return 1
    for result in project:
        validity = result.scores.get("citation_validity")
        if validity is not None and validity < 1.0:
            log(f"error: {result.name}: citation validity is {validity:.3f}, must be 1.0")
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
