"""The default answer: the most relevant sentences of the top passages, quoted verbatim, each cited."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.retrieval.candidates import Candidate
from assistant.retrieval.rerank import coverage, novelty
from index.lexical import terms
from index.sentences import sentence_spans

_ENDS_SENTENCE = re.compile(r"[.!?…][\"'”’)\]]*$")


@dataclass(frozen=True)
class Quote:
    """A sentence chosen for the answer, with its exact offsets into the stored article."""

    candidate: Candidate
    start: int  # offsets into the article text
    end: int
    text: str
    score: float


def score_sentences(
    ranked: list[Candidate], query: str, query_idf: dict[str, float], passages: int = 5, max_words: int = 60
) -> list[Quote]:
    """Every sentence of the top passages, scored by query-term coverage, novelty and passage rank."""
    query_words = {w.lower() for w in re.findall(r"\w+", query)}
    quotes: list[Quote] = []
    for rank, cand in enumerate(ranked[:passages]):
        chunk = cand.chunk
        text = chunk.text
        for a, b in sentence_spans(text):
            sentence = text[a:b]
            words = len(sentence.split())
            if words < 4 or words > max_words or not _ENDS_SENTENCE.search(sentence):
                continue  # headings and fragments are not answers
            covered = coverage(query_idf, set(terms(sentence)))
            if covered == 0.0:
                continue
            score = covered + 0.3 * novelty(sentence, query_words, cap=4) + 0.4 * cand.score / (1 + rank * 0.5)
            quotes.append(Quote(cand, chunk.start + a, chunk.start + b, sentence, score))
    return sorted(quotes, key=lambda q: q.score, reverse=True)


def select_quotes(quotes: list[Quote], max_sentences: int = 3, max_words: int = 80) -> list[Quote]:
    """Best sentences under a word budget, no repeats, in score order."""
    chosen: list[Quote] = []
    words = 0
    seen: set[str] = set()
    for q in quotes:
        key = re.sub(r"\W+", " ", q.text.lower()).strip()
        n = len(q.text.split())
        if key in seen or (chosen and words + n > max_words):
            continue
        chosen.append(q)
        seen.add(key)
        words += n
        if len(chosen) >= max_sentences:
            break
    return chosen
