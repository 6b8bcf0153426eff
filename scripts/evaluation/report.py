"""The markdown report and the EM@W plot, so a run can be read and compared at a glance."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

NOT_APPLICABLE = "–"
NO_DATA = "n/a"

# (key, label, kind): kind picks the format; a key a system lacks renders as "–" (not applicable).
METRIC_ROWS: tuple[tuple[str, str, str], ...] = (
    ("em@100w", "**EM@100w**", "rate"),
    ("em@300w", "**EM@300w**", "rate"),
    ("r@1", "answer-recall@1", "rate"),
    ("r@5", "answer-recall@5", "rate"),
    ("r@10", "answer-recall@10", "rate"),
    ("lead_hit", "**lead hit** (gold in the answer's first sentence)", "rate"),
    ("answer_hit", "**answer hit** (gold in the answer)", "rate"),
    ("answer_words", "mean answer length (words)", "number"),
    ("refusal_answerable", "refusal rate, answerable (want low)", "rate"),
    ("refusal_as_asked", "refusal rate, answerable as asked: one article states gold and specifics (want ~0)", "rate"),
    ("refusal_unanswerable", "off-topic refused (want high)", "rate"),
    ("on_topic_answered", "on-topic unanswerable answered (want low)", "rate"),
    ("quiz_unanswerable_answered", "the set's questions whose answer no article holds, answered (want low)", "rate"),
    ("citation_validity", "citation validity (must be 1.0)", "rate"),
    ("latency_p50_ms", "query latency p50 (ms)", "number"),
    ("latency_p95_ms", "query latency p95 (ms)", "number"),
    ("latency_p50_answered_ms", "latency p50, answerable questions not refused (ms)", "number"),
    # generative runs only (ANSWER_MODE=openai|local)
    ("generated_share", "answers generated (not the extractive fallback)", "rate"),
    ("dropped_share", "generated sentences dropped as unsupported", "rate"),
    ("verified_share", "generated citations verified", "rate"),
    ("backend_errors", "LLM backend errors (fell back)", "rate"),
)

BM25_REFERENCE = (
    "BM25 reference on news-dev (shared/eval/README.md): EM@100w 0.259, EM@300w 0.390, R@5 0.542."
)


@dataclass
class SystemResult:
    """One column of the table and one line of the plot."""

    name: str
    scores: dict[str, float | None]
    curve: dict[int, float | None]
    notes: list[str] = field(default_factory=list)


@dataclass
class Report:
    """Everything one run writes: results per system, stage timings and free-form context lines."""

    set_name: str
    n_answerable: int
    n_unanswerable: int
    systems: list[SystemResult]
    timings: list[tuple[str, float]]
    context: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    n_on_topic: int = 0
    n_quiz_unanswerable: int = 0


def format_value(value: float | None, kind: str) -> str:
    """Rates with three decimals, counts and milliseconds with one."""
    if value is None:
        return NO_DATA
    return f"{value:.3f}" if kind == "rate" else f"{value:.1f}"


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    """A GitHub-flavoured markdown table."""
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    return lines + ["| " + " | ".join(row) + " |" for row in rows]


def metrics_table(systems: Sequence[SystemResult]) -> list[str]:
    """Metrics as rows, systems as columns; cells a system cannot have are marked "–"."""
    rows = [
        [label, *(format_value(s.scores[key], kind) if key in s.scores else NOT_APPLICABLE for s in systems)]
        for key, label, kind in METRIC_ROWS
    ]
    return _table(["metric", *(s.name for s in systems)], rows)


def curve_table(systems: Sequence[SystemResult]) -> list[str]:
    """The EM@W curve as numbers, for diffing reports without the PNG."""
    widths = sorted({w for s in systems for w in s.curve})
    rows = [[s.name, *(format_value(s.curve.get(w), "rate") for w in widths)] for s in systems]
    return _table(["system", *(f"{w}w" for w in widths)], rows)


def render_markdown(report: Report) -> str:
    """The whole report as markdown (also what is printed to stdout)."""
    lines = [
        f"# Eval: {report.set_name}",
        "",
        f"{report.n_answerable} answerable questions, {report.n_unanswerable} off-topic questions, "
        f"{report.n_on_topic} on-topic unanswerable questions (written), {report.n_quiz_unanswerable} of the set's "
        "questions whose answer no article holds.",
        *(f"- {line}" for line in report.context),
        "",
        "## Results",
        "",
        *metrics_table(report.systems),
        "",
        "## EM@W curve",
        "",
        *curve_table(report.systems),
        "",
        "## Stage timings",
        "",
        *_table(["stage", "seconds"], [[name, f"{sec:.1f}"] for name, sec in report.timings]),
        "",
        "## Notes",
        "",
        *(f"- {note}" for note in [*report.notes, *(n for s in report.systems for n in s.notes)]),
        f"- {BM25_REFERENCE}",
        "- EM@W: gold within the first W words of the ranked passages concatenated in rank order; "
        "answer-recall@k: gold in one of the top-k passages; answer hit: gold in the answer text; lead hit: gold in "
        "its first sentence. On-topic unanswerable: written questions about the set's stories that no article "
        "answers (scripts/evaluation/unanswerable_on_topic.jsonl). "
        "Gold matching is case-insensitive with whitespace normalised.",
        "",
    ]
    return "\n".join(lines)


def plot_em_curve(report: Report, path: Path) -> None:
    """EM@W against W for every system, saved as a PNG (Agg: no display needed)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(7, 4.5), dpi=120)
    for system in report.systems:
        points = sorted((w, v) for w, v in system.curve.items() if v is not None)
        if points:
            ax.plot([w for w, _ in points], [v for _, v in points], marker="o", label=system.name)
    ax.set_xlabel("W (words of ranked passages, in rank order)")
    ax.set_ylabel("EM@W (share of answerable questions)")
    ax.set_title(f"EM@W on {report.set_name} ({report.n_answerable} answerable questions)")
    ax.set_ylim(0, 1)
    ax.grid(True, alpha=0.3)
    ax.legend(loc="upper left")
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path)
    plt.close(fig)


def write_report(report: Report, out_dir: Path) -> tuple[Path, Path]:
    """Write report.md and em_curve.png into `out_dir`; returns both paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    md_path, png_path = out_dir / "report.md", out_dir / "em_curve.png"
    md_path.write_text(render_markdown(report), encoding="utf-8")
    plot_em_curve(report, png_path)
    return md_path, png_path
