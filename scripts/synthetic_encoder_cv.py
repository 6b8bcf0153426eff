"""Measure the answer cross-encoder trained on synthetic questions made from article text alone, the training
pairs "of another kind and in numbers" that issue 13's fifth pass lacked. An experiment, not shipped: it prints
held-out figures.

Synthetic questions, no model and no quiz question: in a sentence of a corpus article, an answer span (a number,
a sum, a share, a date or a capitalised name) is replaced by a wh-phrase ("how many vehicles", "who", "where"),
fronted when the span is the subject ("Yevgeny Prigozhin founded Wagner" -> "Who founded Wagner ...?"), with a
tenth of the other words dropped. Its candidates are that sentence, the five sentences of the same article
sharing most words with the question, and two sentences of random articles; a candidate is labelled 1 when it
holds the span, as news-dev's candidates are labelled by the gold string.

Folds are two halves by time: the articles retrieved before --split make the questions of one model, which
scores news-dev's quiz questions from --split on, and the other way round. With --quiz-epochs the model is then
fine-tuned on its half's quiz questions too (answer_encoder_cv's pairs). The lead ranker is cross-validated by
week with the out-of-fold score as one more feature.

Usage: .venv/bin/python scripts/synthetic_encoder_cv.py [--per-half 1500] [--quiz-epochs 0]
(about 4 minutes per half on 2 cores, after scripts/train_sentence_ranker.py has written its cache).
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
from pathlib import Path

import answer_encoder_cv as encoder_cv
import torch
from evaluation import data
from evaluation.metrics import contains_gold

from assistant.retrieval.gazetteer import MONTHS
from newstext.sentences import sentence_spans

_MONTHS = "|".join(sorted(MONTHS))
_SPAN = re.compile(
    r"\$\s?\d[\d,.]*(?:\s(?:million|billion|trillion))?|\d[\d,.]*\s?(?:%|percent)"
    rf"|(?:{_MONTHS})\s\d{{1,2}}(?:,\s\d{{4}})?|\b(?:19|20)\d\d\b|\b\d[\d,.]*(?:\s(?:million|billion))?"
)
_NAME = re.compile(r"\b[A-Z][\w’'.-]+(?:\s(?:of|the|de|and)?\s?[A-Z][\w’'.-]+){0,3}")
_NOT_NAMES = frozenset(
    f"{_MONTHS}|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|The|A|An|He|She|It|They|We|I|In|On|At"
    "|But|And|This|That|Mr|Mrs|Ms|Dr|His|Her|Their|Our|If|When|As|After|Before|While|Jan|Feb|Aug|Sept|Oct|Nov"
    "|Dec".split("|")
)
_ORG = re.compile(r"\b(?:Inc|Corp|Company|University|Party|Department|Ministry|Court|Council|Agency|Group|Bank"
                  r"|Committee|Commission|Senate|Congress|League|Club|Airlines?)\b")  # fmt: skip
_PERSON_BEFORE = re.compile(r"\b(?:President|Sen\.|Rep\.|Gov\.|CEO|Dr\.|Mr\.|Ms\.|Mrs\.|coach|[Mm]inister|leader"
                            r"|star|actor|singer|[Jj]udge|by)\s$")  # fmt: skip
_PERSON_AFTER = re.compile(r"^\s(?:said|says|told|announced|wrote|added|who)\b")
_PLACE_BEFORE = re.compile(r"\b(?:in|at|from|to|near|across)\s$")
_WORD = re.compile(r"[\w’'$%.,-]+")
_NOT_SUBJECT = frozenset({"of", "and", "or", "in", "on", "at", "to"})


def _wh(span: str, before: str, after: str) -> str:
    """The wh-phrase that asks for the span, from its form and the words around it."""
    if span[0].isdigit() or span[0] == "$" or re.match(_MONTHS, span):
        if span.startswith("$"):
            return "how much"
        if "%" in span or "percent" in span:
            return "what percentage"
        if re.match(_MONTHS, span):
            return "on what date"
        if re.fullmatch(r"(?:19|20)\d\d", span):
            return "in what year"
        noun = re.match(r"\s([a-z]+)", after)
        return f"how many {noun.group(1)}" if noun else "how many"
    if _ORG.search(span):
        return "which organization"
    if _PERSON_BEFORE.search(before) or _PERSON_AFTER.search(after):
        return "who"
    return "where" if _PLACE_BEFORE.search(before) else "what"


def spans(sentence: str) -> list[tuple[int, int]]:
    """Answer spans: numbers, sums, shares and dates, then capitalised names not opening the sentence."""
    found = [(m.start(), m.end()) for m in _SPAN.finditer(sentence)]
    for m in _NAME.finditer(sentence):
        start, words = m.start(), m.group(0).split()
        while words and words[0].strip(".") in _NOT_NAMES:
            start += len(words.pop(0)) + 1
        name = " ".join(words)
        if start and len(name) > 2 and not any(s <= start < e for s, e in found):
            found.append((start, start + len(name)))
    return found


def question(sentence: str, start: int, end: int, rng: random.Random) -> str:
    """The span's clause as a question: the wh-phrase fronted when the span is the subject, else in place."""
    wh = _wh(sentence[start:end], sentence[:start], sentence[end:])
    after = _WORD.findall(sentence[end:])[: rng.randint(5, 12)]
    if wh.startswith("how many ") and after:
        after = after[1:]  # the noun moved into the wh-phrase
    keep = [w for w in after if rng.random() > 0.1]
    if after and after[0][:1].islower() and after[0] not in _NOT_SUBJECT:
        words = [wh, *keep]
    else:
        words = [w for w in _WORD.findall(sentence[:start])[-rng.randint(5, 10) :] if rng.random() > 0.1]
        words += [wh, *keep]
    text = " ".join(words)
    return re.sub(r"[\s,.;:]+$", "", text[0].upper() + text[1:]) + "?"


def _terms(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text) if len(w) > 3}


def synthetic(articles: list[dict], per_article: int, rng: random.Random) -> list[tuple[str, str, float]]:
    """(question, candidate, label) pairs from the articles' own sentences."""
    pairs = []
    for article in articles:
        text = article["text"]
        sents = [text[s:e].strip() for s, e in sentence_spans(text)]
        sents = [s for s in sents if 8 <= len(s.split()) <= 45 and "\n" not in s]
        if len(sents) < 5:
            continue
        pool = [(i, span) for i, s in enumerate(sents) for span in spans(s)]
        for i, (start, end) in rng.sample(pool, min(per_article, len(pool))):
            answer = re.sub(r"[’']s?$", "", sents[i][start:end].strip(" ,."))
            asked = question(sents[i], start, end, rng)
            if len(answer) < 2 or len(asked.split()) < 5:
                continue
            asked_terms = _terms(asked)
            near = sorted((j for j in range(len(sents)) if j != i), key=lambda j: -len(asked_terms & _terms(sents[j])))
            strangers = [(o["text"], rng.choice(sentence_spans(o["text"])[:20] or [(0, 0)]))
                         for o in rng.sample(articles, 2)]  # fmt: skip
            texts = [sents[i], *(sents[j] for j in near[:5]), *(t[a:b] for t, (a, b) in strangers)]
            pairs += [(asked, t, float(contains_gold(t, answer))) for t in texts if t.strip()]
    return pairs


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--shared", type=Path, default=Path(__file__).resolve().parent.parent.parent / "shared")
    parser.add_argument("--cache", type=Path, default=Path(".eval/sentence-features-news-dev.json"))
    parser.add_argument("--split", default="2024-02-12", help="the day between the two halves")
    parser.add_argument("--per-half", type=int, default=1500, help="synthetic questions per half")
    parser.add_argument("--quiz-epochs", type=int, default=0, help="then fine-tune on the half's quiz questions")
    args = parser.parse_args()
    torch.set_num_threads(2)
    torch.manual_seed(0)
    random.seed(0)  # encoder_cv.train shuffles with the global generator
    rng = random.Random(0)
    rows = json.loads(args.cache.read_text())  # run scripts/train_sentence_ranker.py first
    eval_set = data.find_eval_set(args.shared.resolve(), "news-dev")
    questions = data.load_answerable(eval_set)
    assert [q.gold for q in questions] == [r["gold"] for r in rows], "the cache is not news-dev's, in order"
    with gzip.open(eval_set.corpus_path, "rt") as lines:
        articles = [json.loads(line) for line in lines]
    scores: list[list[float]] = [[] for _ in rows]
    for half in (0, 1):
        mine = [a for a in articles if (str(a.get("retrieved") or "") < args.split) == (half == 0)]
        pairs = synthetic(rng.sample(mine, len(mine)), 2, rng)[: args.per_half * 8]
        print(f"half {half}: {len(mine)} articles, {len(pairs)} synthetic pairs", flush=True)
        tok, model = encoder_cv.train(pairs, 2, 1, 1e-4)
        quiz = [(q.question, t, float(contains_gold(t, r["gold"])))
                for q, r in zip(questions, rows, strict=True) if (r["week"] < args.split) == (half == 0)
                for t, _ in r["sentences"]]  # fmt: skip
        if args.quiz_epochs:
            tok, model = encoder_cv.train(quiz, 2, args.quiz_epochs, 1e-4, (tok, model))
        other_half = {r["week"] for r in rows if (r["week"] < args.split) != (half == 0)}
        encoder_cv.score_held_out(tok, model, questions, rows, other_half, scores)
    encoder_cv.report(rows, scores, "half")


if __name__ == "__main__":
    main()
