"""Candidate answer sentences and the features that tell the one answering the question from its neighbours.

The returned passages are windows ranked for holding the answer somewhere; which of their sentences states
it is a finer question, answered by a model learned from data (assistant/answer/lead.py).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from assistant.answer.constraints import Constraints
from assistant.answer.extractive import after_label, answer_like, stated
from assistant.answer.forms import ACCORDING, SOURCE_VERBS
from assistant.retrieval.answer_type import AnswerType
from assistant.retrieval.candidates import Candidate
from assistant.retrieval.rerank import held, novelty, weight_of
from assistant.retrieval.rewrite import asked_part, story_only
from newstext.captions import caption_spans, in_caption
from newstext.sentences import dateline_end, statement_spans
from newstext.terms import WORD_RUN, readings, terms

# The features of a sentence, in the order the shipped weights use them.
FEATURES = (
    "cosine",  # the sentence's own cosine with the question
    "window_rank",  # 1 / (1 + rank of the passage it sits in)
    "window_score",  # that passage's score, less the best passage's
    "chunk_dense",  # its chunk's cosine
    "coverage",  # IDF-weighted share of question terms in the sentence
    "answer_type",  # holds a thing of the kind the question asks for, not named in it
    "novelty",  # names and numbers the question lacks
    "constraints",  # share of the question's numbers, names and phrases it states
    "recency",  # of its article, relative to as_of
    "length",  # words / 40
    "lede",  # it opens its article (starts within LEDE_CHARS): news states the main fact first
)
# Part of the "lede" feature's definition, which the shipped weights were trained with (not a tuning knob):
# about the headline's first two sentences.
LEDE_CHARS = 400


@dataclass(frozen=True)
class Sentence:
    """One candidate sentence with exact offsets into its article and its features."""

    candidate: Candidate  # the passage (window) it comes from
    start: int
    end: int
    text: str
    features: dict[str, float]
    held_terms: int = 0  # how many of the question's terms it holds (all of them where features["coverage"] is 1)


def candidates(
    passages: list[Candidate],
    question: str,
    query_idf: dict[str, float],
    max_passages: int,
    max_words: int,
    chunk_texts: dict[str, str] | None = None,
) -> list[Sentence]:
    """Every answer-like sentence of the top passages, repeats (syndicated copies) and photo captions left out, with
    its features. A whole question asked of the conversation's story counts its own terms' coverage (own_idf): the
    conversation's words say which story, not which of its sentences answers. A passage's whole chunk
    (`chunk_texts`, by chunk id) may say who a sentence's speaker is ("Mayor Tom Reed …" for "Reed said")."""
    query_idf = own_idf(question, query_idf)
    wanted = AnswerType.of(question)
    asked = Constraints.of(question)
    n_asked = len(asked.numbers) + len(asked.names) + len(asked.phrases)
    query_words = {w.lower() for w in WORD_RUN.findall(question)}
    top_score = passages[0].score if passages else 0.0
    out: list[Sentence] = []
    seen: set[str] = set()
    for rank, cand in enumerate(passages[:max_passages]):
        text = cand.chunk.text
        context = (chunk_texts or {}).get(cand.chunk.id, text)
        captions = caption_spans(text)
        for a, b in statement_spans(text):
            if in_caption(captions, a):
                continue  # a photo's caption describes the photo (newstext/captions.py)
            a = dateline_end(text, a, b)  # "MINNEAPOLIS (AP) — About 7,000 nurses …": the statement after it
            a += after_label(text[a:b])  # "BOTTOM LINE: …": the statement after a section's label may answer
            sentence = stated(text[a:b])  # the statement a question opens with may answer
            b = a + len(sentence)
            key = re.sub(r"\W+", " ", sentence.lower()).strip()
            if key in seen or not answer_like(sentence, max_words):
                continue
            seen.add(key)
            met = n_asked - len(asked.missing([sentence])) if n_asked else 0
            start = cand.chunk.start + a  # in the article
            found = held(query_idf, sentence_terms(sentence))  # the question's terms it holds
            features = {
                "cosine": 0.0,
                "window_rank": 1.0 / (1 + rank),
                "window_score": cand.score - top_score,
                "chunk_dense": cand.features.get("dense", cand.dense),
                "coverage": weight_of(query_idf, found),
                "answer_type": wanted.match(sentence, context),
                "novelty": novelty(sentence, query_words, cap=4),
                "constraints": met / n_asked if n_asked else 1.0,
                "recency": cand.features["recency"],  # rerank's: an undated article's is retrieval.recency_undated
                "length": len(sentence.split()) / 40,
                "lede": 1.0 if start < LEDE_CHARS else 0.0,
            }
            out.append(Sentence(cand, start, cand.chunk.start + b, sentence, features, len(found)))
    return out


def sentence_terms(sentence: str) -> set[str]:
    """The sentence's terms and those of its verbs' dictionary forms: a stem does not join an irregular verb's
    forms, so "… health inspectors found mice droppings …" held no "find" of "What did the inspectors find?". A
    fact told "according to" its source is what the source found or said ("… were 51 percent less likely to develop
    dementia …, according to a study published Monday" for "What did the study find?": forms.ACCORDING)."""
    found = set(terms(sentence)) | {t for w in WORD_RUN.findall(sentence) for t in _verb_terms(w.lower())}
    return found | _SOURCE_TERMS if ACCORDING.search(sentence) else found


_SOURCE_TERMS = frozenset(terms(" ".join(SOURCE_VERBS)))  # read once, not for every sentence "according to" a source


@lru_cache(maxsize=8192)
def _verb_terms(word: str) -> frozenset[str]:
    """The terms of a word's dictionary forms as a verb (none for a word that is no verb)."""
    return frozenset(t for lemma in readings(word).get("VERB", ()) for t in terms(lemma))


def own_idf(question: str, query_idf: dict[str, float]) -> dict[str, float]:
    """For a whole question asked of the conversation's story (rewrite.story_only), the query's idf of the terms of
    the user's own words (rewrite.asked_part); else, or when they hold none, all of it."""
    if not story_only(question):
        return query_idf
    own = set(terms(asked_part(question)))
    return {t: w for t, w in query_idf.items() if t in own} or query_idf


# Where a long sentence's clauses part: punctuation, and the words that open a clause.
_CLAUSE_BREAK = re.compile(r"\s*[,;:—–()]\s*|\s+(?:and|but|while|who|which|that)\s+")
MIN_CLAUSE_WORDS = 3  # shorter pieces ("he said") say nothing of their own
FOLLOWING_GAP = 3  # characters between two sentences of one paragraph or across a paragraph break ("\n\n")


def clauses(sentence: str) -> list[str]:
    """A sentence's clauses of at least MIN_CLAUSE_WORDS words (the sentence itself when it has none)."""
    parts = [p for p in _CLAUSE_BREAK.split(sentence) if p and len(p.split()) >= MIN_CLAUSE_WORDS]
    return parts or [sentence]


def add_cosines(sentences: list[Sentence], vectors: np.ndarray, query_vector: np.ndarray) -> None:
    """Each sentence's cosine with the question, from unit vectors (one row per sentence)."""
    if len(sentences):
        for s, cos in zip(sentences, vectors @ query_vector, strict=True):
            s.features["cosine"] = float(cos) if math.isfinite(float(cos)) else 0.0


def follows(sentence: Sentence, lead: Sentence) -> bool:
    """The sentence is the next one after the lead in the same article (white space apart)."""
    gap = sentence.start - lead.end
    same = sentence.candidate.chunk.article_id == lead.candidate.chunk.article_id
    return same and 0 <= gap <= FOLLOWING_GAP
