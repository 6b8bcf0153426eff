"""Train the lead-sentence ranker (assistant/answer/sentence_ranker.json): logistic regression over sentence
features, cross-validated by week, and the support share that picks which sentences follow the lead.

Data: news-dev (../shared/eval/news-dev, RealTimeQA weekly quizzes 2024-01 to 2024-03 with the articles a
web search returned for them); only its answerable questions and gold strings are read. Each candidate
sentence of the top passages the assistant returns is labelled 1 when it holds the gold answer string
(case-insensitive). Folds are whole weeks: the held-out figures are for weeks the model never saw.

Usage: .venv/bin/python scripts/train_sentence_ranker.py --data-dir .eval/news-dev-index [--shared ../shared]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from dataclasses import replace
from pathlib import Path

import numpy as np
from evaluation import data
from evaluation.metrics import contains_gold
from sklearn.linear_model import LogisticRegression

from assistant.answer.config import AnswerPolicy
from assistant.answer.extractive import select_quotes
from assistant.answer.lead import WEIGHTS_PATH, SentenceRanker, compose, ranked_sentences, score
from assistant.answer.sentences import FEATURES
from assistant.factory import build_service
from assistant.settings import load_settings

K = 15  # passages per question, as the eval asks
SHARES = (0.2, 0.35, 0.5, 0.65, 0.8, 1.01)  # support-share grid (1.01: the lead alone)


def collect(data_dir: Path, shared: Path, set_name: str) -> list[dict]:
    """Per question: its week, gold, the rank-order answer's text (before) and each sentence's features."""
    eval_set = data.find_eval_set(shared.resolve(), set_name)
    service = build_service(load_settings(data_dir=data_dir))
    uniform = SentenceRanker(FEATURES, np.zeros(len(FEATURES)), np.ones(len(FEATURES)), np.zeros(len(FEATURES)), 0.0)
    every = replace(AnswerPolicy(), embed_sentences=10**6)  # every sentence's cosine, for training
    rows = []
    for q in data.load_answerable(eval_set):
        day = dt.date.fromisoformat(q.asked_on) if q.asked_on else None
        retrieval = service.retrieve(q.question, top_k=K, as_of=day)
        scored = ranked_sentences(retrieval, service.handles.embedder, every, uniform)
        before = [x.text for x in select_quotes(retrieval.passages)]
        rows.append({
            "week": q.asked_on, "gold": q.gold, "before": before,
            "sentences": [(s.text, [s.features[f] for f in FEATURES]) for _, s in scored],
        })  # fmt: skip
    return rows


def fit(rows: list[dict]) -> tuple[LogisticRegression, np.ndarray, np.ndarray]:
    """Standardised logistic regression on every sentence of the given questions."""
    x = np.array([f for r in rows for _, f in r["sentences"]])
    y = np.array([contains_gold(t, r["gold"]) for r in rows for t, _ in r["sentences"]])
    mean, scale = x.mean(axis=0), x.std(axis=0) + 1e-9
    model = LogisticRegression(C=1.0, max_iter=2000, class_weight="balanced").fit((x - mean) / scale, y)
    return model, mean, scale


def answers(rows: list[dict], ranker: SentenceRanker, share: float) -> list[list[str]]:
    """The composed answer's sentences per question under one ranker and support share."""
    from assistant.answer.sentences import Sentence

    out = []
    for r in rows:
        sentences = [Sentence(None, 0, 0, t, dict(zip(FEATURES, f, strict=True))) for t, f in r["sentences"]]  # type: ignore[arg-type]
        known = {id(s): s.features["cosine"] for s in sentences}

        def cosines(chosen: list[Sentence], known: dict[int, float] = known) -> None:
            for s in chosen:  # as the shipped answer embeds them: only the best embed_sentences
                s.features["cosine"] = known[id(s)]

        scored = score(sentences, ranker, AnswerPolicy().embed_sentences, cosines)
        out.append([q.text for q in compose(scored, replace(AnswerPolicy(), support_share=share))])
    return out


def hits(rows: list[dict], texts: list[list[str]]) -> tuple[float, float, float]:
    """Lead hit, answer hit and mean words."""
    lead = np.mean([bool(t) and contains_gold(t[0], r["gold"]) for r, t in zip(rows, texts, strict=True)])
    hit = np.mean([contains_gold(" ".join(t), r["gold"]) for r, t in zip(rows, texts, strict=True)])
    return float(lead), float(hit), float(np.mean([len(" ".join(t).split()) for t in texts]))


def to_ranker(model: LogisticRegression, mean: np.ndarray, scale: np.ndarray) -> SentenceRanker:
    return SentenceRanker(FEATURES, mean, scale, model.coef_[0], float(model.intercept_[0]))


def cross_validate(rows: list[dict], share: float | None = None) -> tuple[list[list[str]], list[float]]:
    """Each question's answer from a ranker fitted on the other weeks, and the support share of each fold: the
    one best on its training weeks, or `share` when given."""
    held_out: list[list[str]] = [[] for _ in rows]
    chosen_shares = []
    weeks = sorted({r["week"] for r in rows})
    for week in weeks if len(weeks) > 1 else []:
        train = [r for r in rows if r["week"] != week]
        model, mean, scale = fit(train)
        ranker = to_ranker(model, mean, scale)
        if (fold_share := share) is None:
            fold_share = max(SHARES, key=lambda s: hits(train, answers(train, ranker, s))[1])
        chosen_shares.append(fold_share)
        test_idx = [i for i, r in enumerate(rows) if r["week"] == week]
        for i, texts in zip(test_idx, answers([rows[i] for i in test_idx], ranker, fold_share), strict=True):
            held_out[i] = texts
    return held_out, chosen_shares


def main() -> None:
    """Collect, cross-validate by week, then fit on every week and write the weights."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--shared", type=Path, default=Path(__file__).resolve().parent.parent.parent / "shared")
    parser.add_argument("--set", dest="set_name", default="news-dev", help="train on news-dev; others to inspect")
    parser.add_argument("--cache", type=Path, default=None, help="default: .eval/sentence-features-<set>.json")
    parser.add_argument("--write", action="store_true", help="write the weights to " + str(WEIGHTS_PATH))
    args = parser.parse_args()
    args.cache = args.cache or Path(f".eval/sentence-features-{args.set_name}.json")
    if args.cache.is_file():
        rows = json.loads(args.cache.read_text())
    else:
        rows = collect(args.data_dir, args.shared, args.set_name)
        args.cache.parent.mkdir(parents=True, exist_ok=True)
        args.cache.write_text(json.dumps(rows))
    weeks = sorted({r["week"] for r in rows})
    print(f"{len(rows)} questions, {sum(len(r['sentences']) for r in rows)} sentences, {len(weeks)} weeks")
    lead, hit, words = hits(rows, [r["before"] for r in rows])
    print(f"before (rank-order quotes): lead hit {lead:.3f}, answer hit {hit:.3f}, words {words:.1f}")
    held_out, chosen_shares = cross_validate(rows)
    lead, hit, words = hits(rows, held_out)
    print(f"learned, held-out weeks: lead hit {lead:.3f}, answer hit {hit:.3f}, words {words:.1f}")
    print("support share chosen per fold:", chosen_shares)
    model, mean, scale = fit(rows)
    ranker = to_ranker(model, mean, scale)
    for share in SHARES:
        lead, hit, words = hits(rows, answers(rows, ranker, share))
        print(f"  all weeks (in-sample), support share {share}: lead {lead:.3f}, answer {hit:.3f}, words {words:.1f}")
    print("weights:", dict(zip(FEATURES, np.round(model.coef_[0], 3).tolist(), strict=True)))
    if args.write:
        WEIGHTS_PATH.write_text(json.dumps({
            "provenance": "news-dev answerable questions (RealTimeQA 2024-01..03, web-searched articles); label: "
                          "gold string in the sentence; scripts/train_sentence_ranker.py; CV by week",
            "features": list(FEATURES), "mean": mean.round(6).tolist(), "scale": scale.round(6).tolist(),
            "coef": model.coef_[0].round(6).tolist(), "intercept": round(float(model.intercept_[0]), 6),
            "support_share_per_fold": chosen_shares,
        }, indent=1) + "\n")  # fmt: skip
        print("wrote", WEIGHTS_PATH)


if __name__ == "__main__":
    main()
