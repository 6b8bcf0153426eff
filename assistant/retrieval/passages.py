"""Big-to-small: rank short passages (runs of whole sentences) inside the best chunks, so the first words
returned are the densest.

Chunks are sized for the embedding model; answers sit in one or two sentences. Measured on news-dev
(scripts/tune_retrieval.py), the best passages of the top chunks put the answer in the first 100 and 300
words more often than whole chunks, and passages of up to 25 words more often than passages of 50.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from assistant.retrieval.answer_type import AnswerType
from assistant.retrieval.candidates import Candidate, leading
from assistant.retrieval.config import RetrievalSettings
from assistant.retrieval.rerank import coverage, novelty
from newstext.captions import caption_spans, in_caption
from newstext.sentences import statement_spans
from newstext.terms import WORD_RUN, terms


@dataclass(frozen=True)
class _Query:
    idf: dict[str, float]
    words: set[str]
    wanted: AnswerType


def _passages(cand: Candidate, query: _Query, config: RetrievalSettings) -> list[Candidate]:
    """Every run of whole sentences (up to config.passage_words) starting at each sentence of the chunk, and that
    sentence alone when the run holds more, none of a photo's caption (newstext/captions.py); each keeps its chunk's
    id and gets its own passage id, "<chunk id>@<offset in the chunk>". The sentence alone is returned when its run
    overlaps a better passage: "… Lemi Tadesse finished second, and American Sam Brooks was third." was lost under
    the run of it and the next sentence, which the next sentence's own passage took."""
    chunk = cand.chunk
    text = chunk.text
    spans = statement_spans(text)
    captions = caption_spans(text)
    caption = [in_caption(captions, a) for a, _ in spans]
    sets = [set(terms(text[a:b])) for a, b in spans]
    out: list[Candidate] = []
    for i in range(len(spans)):
        if caption[i]:
            continue
        j = i
        while (
            j + 1 < len(spans)
            and not caption[j + 1]
            and len(text[spans[i][0] : spans[j + 1][1]].split()) <= config.passage_words
        ):
            j += 1
        for last in dict.fromkeys([j, i]):  # the run, then its first sentence alone
            a, b = spans[i][0], spans[last][1]
            passage_text = text[a:b]
            features = {
                **cand.features,
                "passage_coverage": coverage(query.idf, set().union(*sets[i : last + 1])),
                "passage_novelty": novelty(passage_text, query.words, config.passage_novelty_cap),
                "passage_type": query.wanted.match(passage_text),
            }
            span = replace(chunk, start=chunk.start + a, end=chunk.start + b, text=passage_text)
            score = config.passage.score(features)
            passage_id = f"{chunk.id}@{cand.chunk_offset + a}"  # its offset in the stored chunk
            out.append(replace(cand, chunk=span, passage_id=passage_id, features=features, score=score))
    return out


def _near_copy(words: set[str], chosen: list[set[str]], share: float) -> bool:
    """Most of a passage's words already in a chosen one: the same sentence in a syndicated copy of the story."""
    return any(len(words & other) >= share * min(len(words), len(other)) for other in chosen)


def best_passages(
    chunks: list[Candidate],
    query: str,
    query_idf: dict[str, float],
    k: int,
    config: RetrievalSettings,
) -> list[Candidate]:
    """The k best passages of the top config.focus_chunks chunks, best first, none overlapping or repeating
    another."""
    q = _Query(query_idf, {w.lower() for w in WORD_RUN.findall(query)}, AnswerType.of(query))
    pool = [p for cand in leading(chunks, config.focus_chunks) for p in _passages(cand, q, config)]
    chosen: list[Candidate] = []
    chosen_words: list[set[str]] = []
    for passage in sorted(pool, key=lambda p: p.score, reverse=True):
        if any(passage.overlaps(other) for other in chosen):
            continue
        words = {m.lower() for m in WORD_RUN.findall(passage.chunk.text)}
        if not words or _near_copy(words, chosen_words, config.near_copy_share):
            continue  # a run of punctuation, or the same sentence in a syndicated copy
        chosen.append(passage)
        chosen_words.append(words)
        if len(chosen) >= k:
            break
    return chosen
