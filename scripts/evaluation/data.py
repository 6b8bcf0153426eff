"""Loading the eval sets, so every stage sees the same questions and the same corpus."""

from __future__ import annotations

import argparse
import gzip
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

UNANSWERABLE_PATH = Path(__file__).resolve().parent / "unanswerable.jsonl"
# Written questions about news-dev's stories whose answer no article holds (a wrong number, name or date, or a
# fact the stories do not give); `absent` lists the strings checked not to occur with the story in the corpus.
ON_TOPIC_PATH = Path(__file__).resolve().parent / "unanswerable_on_topic.jsonl"


@dataclass(frozen=True)
class Question:
    """One question; `gold` is only for scoring and never reaches the system under test."""

    id: str
    question: str
    gold: str = ""
    answerable: bool = True
    asked_on: str = ""  # the quiz's date: the system is asked as of that day, as its reader was


@dataclass(frozen=True)
class CorpusArticle:
    """One corpus line, as the baselines need it."""

    id: str
    title: str
    text: str


@dataclass(frozen=True)
class EvalSet:
    """The files of one eval set (news-smoke, news-dev)."""

    name: str
    root: Path

    @property
    def corpus_path(self) -> Path:
        """The gzipped JSONL corpus the index is built from."""
        return self.root / "corpus.jsonl.gz"

    @property
    def questions_path(self) -> Path:
        """The questions with gold answers."""
        return self.root / "questions.jsonl"


def find_eval_set(shared: Path, name: str) -> EvalSet:
    """Locate a set under `<shared>/eval/<name>`, failing with a message that says where it looked."""
    root = shared / "eval" / name
    if not (shared / "eval").is_dir():
        raise FileNotFoundError(f"eval data not found at {shared / 'eval'} (pass --shared DIR)")
    eval_set = EvalSet(name, root)
    for path in (eval_set.corpus_path, eval_set.questions_path):
        if not path.is_file():
            raise FileNotFoundError(f"eval data not found at {path}")
    return eval_set


def _read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    """Parse a (possibly gzipped) JSONL file, skipping blank lines."""
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def load_answerable(eval_set: EvalSet) -> list[Question]:
    """The questions we score: those whose gold string occurs somewhere in the corpus."""
    return [
        Question(str(row["id"]), str(row["question"]), str(row["answer"]), True, str(row.get("date") or ""))
        for row in _read_jsonl(eval_set.questions_path)
        if row.get("answerable") is True
    ]


def load_quiz_unanswerable(eval_set: EvalSet) -> list[Question]:
    """The set's own questions whose gold string no article holds: on the story (a web search found the articles
    for them), but the corpus does not give the answer. This is how held-out sets count "on-topic unanswerable"."""
    return [
        Question(str(row["id"]), str(row["question"]), str(row["answer"]), False, str(row.get("date") or ""))
        for row in _read_jsonl(eval_set.questions_path)
        if row.get("answerable") is False
    ]


def load_unanswerable(path: Path = UNANSWERABLE_PATH) -> list[Question]:
    """Our own off-topic questions; factual ones carry their answer, so a corpus that has it can be detected."""
    rows = _read_jsonl(path)
    return [Question(str(row["id"]), str(row["question"]), str(row.get("answer") or ""), False) for row in rows]


def load_on_topic(eval_set_dates: set[str], path: Path = ON_TOPIC_PATH) -> list[Question]:
    """The on-topic unanswerable questions of the weeks an eval set covers, asked as of their week."""
    rows = _read_jsonl(path)
    return [
        Question(str(r["id"]), str(r["question"]), "", False, str(r["as_of"]))
        for r in rows
        if str(r["as_of"]) in eval_set_dates
    ]


def question_dates(eval_set: EvalSet) -> set[str]:
    """The days an eval set's questions were asked (its weeks)."""
    return {str(row.get("date") or "") for row in _read_jsonl(eval_set.questions_path)}


def without_answers_in(questions: list[Question], corpus: list[CorpusArticle]) -> tuple[list[Question], list[str]]:
    """The questions whose answer string the corpus lacks (the eval sets' own rule for answerable), and the rest.

    A web-searched news corpus can mention Michelangelo or the Pequod; such a question is not unanswerable
    there, and not refusing it is right.
    """
    texts = [f"{a.title}\n{a.text}".lower() for a in corpus]
    kept, answered = [], []
    for q in questions:
        needle = " ".join(q.gold.lower().split())
        if needle and any(needle in " ".join(t.split()) for t in texts):
            answered.append(q.id)
        else:
            kept.append(q)
    return kept, answered


_SPECIFIC = re.compile(r"[\"“”]([^\"“”]{2,80})[\"“”]|(\d[\d,.]*\d|\d)|(?<=\s)([A-Z][\w’'-]+)")


def specifics(question: str) -> list[str]:
    """The question's quoted phrases, numbers and capitalised words after its first: the eval's own strict rule,
    kept apart from the assistant's (a metric must not move when the rule it judges is relaxed)."""
    found = [next(g for g in m.groups() if g) for m in _SPECIFIC.finditer(question)]
    return [" ".join(f.lower().rstrip(".,?!").split()) for f in found]


def as_asked(questions: list[Question], corpus: list[CorpusArticle]) -> set[str]:
    """Answerable questions one article answers as asked: it holds the gold and every specific of the question.

    The eval sets call a question answerable when its gold string occurs anywhere in the corpus. A web search per
    question also brings articles on the same story that never state the asked number, place or quote (no
    article says "Cumbria" for the turtle question); refusing those as not stated is right, so the refusal rate
    that should be near zero is the one over this subset.
    """
    texts = [" ".join(f"{a.title}\n{a.text}".lower().split()) for a in corpus]
    out = set()
    for q in questions:
        needles = [" ".join(q.gold.lower().split()), *specifics(q.question)]
        if any(all(n in t for n in needles) for t in texts):
            out.add(q.id)
    return out


def load_corpus(eval_set: EvalSet) -> list[CorpusArticle]:
    """The corpus articles, for the in-process baselines."""
    return [
        CorpusArticle(str(row["id"]), str(row.get("title") or ""), str(row.get("text") or ""))
        for row in _read_jsonl(eval_set.corpus_path)
    ]


def index_arguments() -> argparse.ArgumentParser:
    """The arguments of a script that asks an eval set over a built index: --data-dir, --set and --shared."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--set", dest="set_name", default="news-dev")
    parser.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[3] / "shared")
    return parser


def question_groups(eval_set: EvalSet) -> dict[str, list[Question]]:
    """The four groups every answer measurement asks: the set's answerable questions, the written off-topic ones
    whose answer this corpus does not hold, the written on-topic ones, and the set's own whose gold no article holds."""
    off, _ = without_answers_in(load_unanswerable(), load_corpus(eval_set))
    return {
        "answerable": load_answerable(eval_set),
        "off_topic": off,
        "on_topic": load_on_topic(question_dates(eval_set)),
        "quiz_unanswerable": load_quiz_unanswerable(eval_set),
    }


def batch_lines(questions: list[Question]) -> list[dict[str, str]]:
    """What the system under test may see: id, question and the day it was asked; never gold or choices."""
    ids = [q.id for q in questions]
    if len(set(ids)) != len(ids):
        raise ValueError("question ids collide between the eval set and the unanswerable set")
    return [{"id": q.id, "question": q.question} | ({"as_of": q.asked_on} if q.asked_on else {}) for q in questions]
