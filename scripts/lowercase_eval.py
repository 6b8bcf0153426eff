"""The answer's eval figures for the questions as written, typed in lower case (as chat users often type them) and
in capitals.

Usage: .venv/bin/python scripts/lowercase_eval.py --data-dir .eval/news-dev-index [--set news-dev] [--shared ../shared]
Each question of the eval's four groups is asked three times through the service (top-k 15, as of its quiz day):
as written, lower-cased and upper-cased. The refusal rule reads names by their capitals, so this shows what typing
without them (or with capitals everywhere) costs. Columns as in scripts/answer_ablation.py; lead and answer hit
are scored by evaluation.metrics, as the eval scores them.
"""

from __future__ import annotations

import datetime as dt

from evaluation import data, metrics

from assistant.factory import build_service
from assistant.settings import load_settings

K = 15


def main() -> None:
    """Ask every question as written and lower-cased; print one table row for each."""
    args = data.index_arguments().parse_args()
    service = build_service(load_settings(data_dir=args.data_dir))
    eval_set = data.find_eval_set(args.shared.resolve(), args.set_name)
    groups = data.question_groups(eval_set)
    print("| questions | lead hit | answer hit | answerable refused | on-topic answered"
          " | set's unanswerable answered | off-topic refused |")  # fmt: skip
    print("|---|---|---|---|---|---|---|")
    for variant, typed in (("as written", str), ("lower-cased", str.lower), ("upper-cased", str.upper)):
        refused: dict[str, list[bool]] = {}
        lead, hit = [], []
        for kind, questions in groups.items():
            refused[kind] = []
            for q in questions:
                day = dt.date.fromisoformat(q.asked_on) if q.asked_on else None
                r = service.ask(typed(q.question), top_k=K, as_of=day)
                refused[kind].append(r.refused)
                if kind == "answerable":  # scored as the eval scores them (evaluation.metrics); a refusal misses
                    lead.append(not r.refused and metrics.lead_hit(r.answer, q.gold))
                    hit.append(not r.refused and metrics.answer_hit(r.answer, q.gold))

        def share(flags: list[bool]) -> str:
            return f"{sum(flags) / len(flags):.3f}" if flags else "n/a"

        answered = {k: [not x for x in v] for k, v in refused.items()}
        print(f"| {variant} | {share(lead)} | {share(hit)} | {share(refused['answerable'])} | "
              f"{share(answered['on_topic'])} | {share(answered['quiz_unanswerable'])} | "
              f"{share(refused['off_topic'])} |")  # fmt: skip


if __name__ == "__main__":
    main()
