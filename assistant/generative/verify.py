"""Citation checks: a generated sentence keeps a citation only if the cited passage supports it."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from assistant.answer.config import Thresholds
from assistant.retrieval.candidates import Candidate
from index.embedding import Embedder
from newstext.sentences import sentence_spans
from newstext.terms import terms

# [1], [1, 3], [1-3], [Passage 2], [source 1 and 2]: every form a model uses to cite the numbered passages.
_CITED = r"\[(?:passages?|sources?)?\s*(\d{1,3}(?:\s*(?:[,;–-]|and)\s*\d{1,3})*)\]"
MARKER = re.compile(r"\s*" + _CITED, re.IGNORECASE)
_MARKERS_AFTER_END = re.compile(r"([.!?…]+[\"'”’)]*)((?:[ \t]*" + _CITED + ")+)", re.IGNORECASE)
_BULLET = re.compile(r"^[ \t]*(?:[-*•]|\d{1,2}[.)])[ \t]+", re.MULTILINE)
_NUMBER = re.compile(r"\d+(?:[.,:]\d+)*")
_SPELLED = {w: str(i) for i, w in enumerate("zero one two three four five six seven eight nine ten eleven".split())}
# Words a model adds about its sources ("according to the article"): not claims, so not checked.
_META_WORDS = "according article articles passage passages source sources mentions mentioned author says said notes"


@dataclass(frozen=True)
class Support:
    """A cited passage's verdict: its best sentence as an exact article span, and the scores behind it."""

    passage: int  # 0-based index into the ranked passages
    start: int  # offsets into the stored article text
    end: int
    quote: str
    lexical: float
    similarity: float
    supported: bool

    @property
    def score(self) -> float:
        """The combined support score."""
        return self.lexical + self.similarity


@dataclass
class Claim:
    """One generated sentence with its markers removed, and the passage numbers it cited (as written)."""

    text: str
    cited: list[int] = field(default_factory=list)
    newline_before: bool = False


@lru_cache(maxsize=1)
def _meta_terms() -> frozenset[str]:
    return frozenset(terms(_META_WORDS))


def numbers(text: str) -> set[str]:
    """Numbers as written, without thousands separators; spelled-out small numbers too."""
    found = {n.replace(",", "").rstrip(".:") for n in _NUMBER.findall(text)}
    return found | {_SPELLED[w] for w in re.findall(r"[a-z]+", text.lower()) if w in _SPELLED}


def strip_markers(text: str) -> tuple[str, list[int]]:
    """The sentence without citation markers, and the cited numbers in order (ranges expanded), no repeats."""
    cited: list[int] = []
    for match in MARKER.finditer(text):
        for part in re.split(r"\s*(?:[,;]|and)\s*", match.group(1)):
            ends = [int(x) for x in re.split(r"\s*[–-]\s*", part)]
            numbers = range(ends[0], ends[-1] + 1) if 0 <= ends[-1] - ends[0] <= 10 else ends
            cited.extend(n for n in numbers if n not in cited)
    clean = re.sub(r"\s+([.,;:!?])", r"\1", MARKER.sub("", text)).strip().lstrip(":;,-–— ")
    return (clean if re.search(r"\w", clean) else ""), cited


def split_claims(answer: str) -> list[Claim]:
    """The answer's sentences (list bullets dropped) with the passage numbers each cites ('Claim. [1]' too)."""
    text = _MARKERS_AFTER_END.sub(r"\2\1", _BULLET.sub("", answer))
    claims: list[Claim] = []
    prev_end = 0
    for a, b in sentence_spans(text):
        sentence, cited = strip_markers(text[a:b])
        if sentence:
            claims.append(Claim(sentence, cited, "\n" in text[prev_end:a]))
        elif claims:  # a line holding only markers belongs to the sentence before it
            claims[-1].cited.extend(n for n in cited if n not in claims[-1].cited)
        prev_end = b
    return claims


@dataclass(frozen=True)
class _Units:
    """A passage's sentences (then adjacent pairs), their vectors, and its content words and numbers."""

    spans: list[tuple[int, int]]
    singles: int
    vectors: np.ndarray
    terms: list[set[str]]
    all_terms: set[str]
    numbers: set[str]


class Verifier:
    """Scores sentences against the retrieved passages; embeds each cited passage's sentences once."""

    def __init__(self, ranked: Sequence[Candidate], embedder: Embedder, thresholds: Thresholds) -> None:
        self.ranked = list(ranked)
        self.embedder = embedder
        self.thresholds = thresholds
        self._units: dict[int, _Units] = {}

    def _passage(self, i: int) -> _Units:
        if i not in self._units:
            text = self.ranked[i].chunk.text
            singles = sentence_spans(text)
            spans = singles + [(singles[k][0], singles[k + 1][1]) for k in range(len(singles) - 1)]
            vectors = self.embedder.embed([text[a:b] for a, b in spans])
            sentence_terms = [set(terms(text[a:b])) for a, b in singles]
            self._units[i] = _Units(spans, len(singles), vectors, sentence_terms, set(terms(text)), numbers(text))
        return self._units[i]

    def embed(self, sentence: str) -> np.ndarray:
        """The sentence's unit vector, shared by the checks of all its citations."""
        return self.embedder.embed([sentence])[0]

    def check(self, sentence: str, n: int, vector: np.ndarray | None = None) -> Support | None:
        """How passage n (1-based) supports the sentence; None when there is no passage n or nothing to check."""
        if not 1 <= n <= len(self.ranked):
            return None
        units = self._passage(n - 1)
        claim_terms = set(terms(sentence)) - _meta_terms()
        if not units.spans or not claim_terms:
            return None
        vector = self.embed(sentence) if vector is None else vector
        sims = units.vectors @ vector
        similarity = float(sims.max())
        lexical = len(claim_terms & units.all_terms) / len(claim_terms)
        # The quote is one sentence (never a pair): the best by similarity plus word overlap.
        overlap = np.array([len(claim_terms & t) / len(claim_terms) for t in units.terms])
        a, b = units.spans[int(np.argmax(sims[: units.singles] + overlap))]
        t = self.thresholds
        supported = (
            lexical >= t.min_lexical
            and similarity >= t.min_similarity
            and lexical + similarity >= t.min_combined
            and numbers(sentence) <= units.numbers
        )
        chunk = self.ranked[n - 1].chunk
        return Support(n - 1, chunk.start + a, chunk.start + b, chunk.text[a:b], lexical, similarity, supported)
