"""Lead with the answer: score candidate sentences with a learned model, open with the best, keep only support
that the model also rates, so what a user reads first is the sentence most likely to answer the question."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from assistant.answer.config import AnswerPolicy
from assistant.answer.extractive import Quote
from assistant.answer.sentences import FEATURES, Sentence, add_cosines, candidates
from assistant.retrieval.candidates import leading
from assistant.retrieval.pipeline import Retrieval
from assistant.retrieval.rewrite import asked_part, story_only
from index.embedding import Embedder
from newstext.terms import WORD_RUN

WEIGHTS_PATH = Path(__file__).resolve().parent / "sentence_ranker.json"


@dataclass(frozen=True)
class SentenceRanker:
    """Logistic regression over standardised sentence features (weights from a JSON file)."""

    features: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: float

    @classmethod
    def load(cls, path: Path = WEIGHTS_PATH) -> SentenceRanker:
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(
            tuple(data["features"]), np.array(data["mean"]), np.array(data["scale"]), np.array(data["coef"]),
            float(data["intercept"]),
        )  # fmt: skip

    def neutral(self, feature: str) -> float:
        """The feature's training mean: a sentence given it gains or loses nothing by that feature."""
        return float(self.mean[self.features.index(feature)]) if feature in self.features else 0.0

    def probabilities(self, sentences: list[Sentence]) -> np.ndarray:
        """P(the sentence holds the answer) for each sentence."""
        if not sentences:
            return np.zeros(0)
        x = np.array([[s.features[name] for name in self.features] for s in sentences])
        z = ((x - self.mean) / self.scale) @ self.coef + self.intercept
        return np.asarray(1.0 / (1.0 + np.exp(-z)))


@lru_cache(maxsize=4)
def default_ranker(path: Path = WEIGHTS_PATH) -> SentenceRanker:
    """The shipped weights, read once."""
    ranker = SentenceRanker.load(path)
    assert set(ranker.features) <= set(FEATURES), "weights for features the extractor does not compute"
    return ranker


def ranked_sentences(
    retrieval: Retrieval,
    embedder: Embedder,
    policy: AnswerPolicy = AnswerPolicy(),
    ranker: SentenceRanker | None = None,
    vectors: dict[int | str, np.ndarray] | None = None,
    also: Sequence[str] = (),
) -> list[tuple[float, Sentence]]:
    """The top passages' sentences with their probabilities, best first; the embedded ones' vectors go to
    `vectors` (sentences by id), for later checks not to embed them again. Texts a later check will need (`also`)
    are embedded in the same call, a call's fixed cost being most of a short text's, into `vectors` by text.

    Embedding every candidate sentence was most of an answer's time, so the ranker first scores them all with a
    neutral cosine and only the best policy.embed_sentences are embedded and scored again (measured on
    news-dev, CV by week: the same lead and answer hits as embedding all ten)."""
    chunk_texts = {c.chunk.id: c.chunk.text for c in retrieval.chunks}
    sentences = candidates(
        retrieval.passages, retrieval.query, retrieval.query_idf, policy.max_passages, policy.max_sentence_words,
        chunk_texts,
    )
    if not sentences:
        return []
    query_vector = retrieval.query_vector
    # a whole question asked of the conversation's story: its own words weigh as much as the story's
    extra = [asked_part(retrieval.query)] if story_only(retrieval.query) else []

    def embed(chosen: list[Sentence]) -> None:
        embedded = embedder.embed([s.text for s in chosen] + list(also) + extra)
        rows = embedded[: len(chosen)]
        vector = query_vector if not extra else (query_vector + embedded[-1]) / 2
        add_cosines(chosen, rows, vector)
        if vectors is not None:
            vectors.update(zip([*map(id, chosen), *also], embedded[: len(embedded) - len(extra)], strict=True))

    return score(sentences, ranker or default_ranker(), policy.embed_sentences, embed)


def score(
    sentences: list[Sentence], ranker: SentenceRanker, k: int, cosines: Callable[[list[Sentence]], None]
) -> list[tuple[float, Sentence]]:
    """Score with a neutral cosine, give the best k their own (`cosines` sets it), score again: best first."""
    neutral = ranker.neutral("cosine")
    for s in sentences:
        s.features["cosine"] = neutral
    first = set(np.argsort(-ranker.probabilities(sentences), kind="stable")[:k].tolist())
    closest = [sentences[i] for i in sorted(first)]
    cosines(closest)
    floor = min(neutral, min((s.features["cosine"] for s in closest), default=0.0))
    for i, s in enumerate(sentences):
        if i not in first:  # ranked lower before cosine: no closer in meaning than the closest were
            s.features["cosine"] = floor
    probs = ranker.probabilities(sentences)
    return [(float(probs[i]), sentences[i]) for i in np.argsort(-probs, kind="stable")]


def best_elsewhere(
    retrieval: Retrieval,
    max_chunks: int,
    max_words: int,
    seen: set[str],
    embedded: Callable[[list[str]], np.ndarray],
    about: Callable[[Sentence], bool],
    keep: Callable[[Sentence], bool],
) -> tuple[float, Sentence] | None:
    """The best sentence of the top max_chunks chunks beyond the returned passages (texts not `seen`) that `keep`
    takes and that is `about` the question (given its cosine, from `embedded` vectors), with the ranker's
    probability; None when there is none."""
    chunks = leading(retrieval.chunks, max_chunks)
    found = [
        s for s in candidates(chunks, retrieval.query, retrieval.query_idf, len(chunks), max_words)
        if s.text not in seen and keep(s)
    ]  # fmt: skip
    if found:
        add_cosines(found, embedded([s.text for s in found]), retrieval.query_vector)
        found = [s for s in found if about(s)]
    if not found:
        return None
    probs = default_ranker().probabilities(found)
    best = int(np.argmax(probs))
    return float(probs[best]), found[best]


def compose(
    scored: list[tuple[float, Sentence]],
    policy: AnswerPolicy = AnswerPolicy(),
    about: Callable[[Sentence], bool] | None = None,
    gives: Callable[[Sentence], bool] | None = None,
) -> list[Quote]:
    """The model's best sentence first, then support in the passages' rank order (measured on news-dev: more
    answers hold the gold than support in the model's order), each rated at least support_share of the lead and
    min_support, and `about` the question when given, or one the caller knows `gives` what it asks (a reason the
    lead's article gives for "Why …?", which shares no word with it), under the word budget, no near copies."""
    if not scored:
        return []
    lead_prob, lead = scored[0]
    rest = sorted(scored[1:], key=lambda p: (-p[1].features["window_rank"], p[1].start))
    chosen: list[Quote] = []
    words = 0
    chosen_words: list[set[str]] = []
    for prob, s in [(lead_prob, lead), *rest]:
        if chosen and (gives is None or not gives(s)) and (
            prob < max(policy.support_share * lead_prob, policy.min_support)
            or s.features["coverage"] <= policy.min_support_coverage
        ):
            continue  # support that the model rates low, or that shares nothing with the question, adds nothing
        if chosen and about is not None and s.candidate.article.id != lead.candidate.article.id and not about(s):
            continue  # "How old is King Charles?" was followed by a basketball record's "18 years old"
        n = len(s.text.split())
        bag = {w.lower() for w in WORD_RUN.findall(s.text)}
        if words + n > policy.max_words or any(len(bag & o) >= 0.8 * min(len(bag), len(o)) for o in chosen_words):
            continue
        chosen.append(Quote(s.candidate, s.start, s.end, s.text, prob))
        chosen_words.append(bag)
        words += n
        if len(chosen) >= policy.max_sentences:
            break
    return chosen
