"""Every tuned number of retrieval in one place: Settings nests it as `settings.retrieval`, so each knob has an
environment variable (ASSISTANT_RETRIEVAL__DEPTH, ASSISTANT_RETRIEVAL__RERANK__RECENCY, ...) and
scripts/tune_retrieval.py can measure the shipped pipeline under overrides.

The defaults are the values measured on news-dev with scripts/tune_retrieval.py (see README)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class _Weights(BaseModel):
    """A weighted sum over named features; a feature without a weight counts zero."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    def score(self, features: dict[str, float]) -> float:
        """The weighted sum of the features it has a weight for."""
        return sum(getattr(self, name, 0.0) * value for name, value in features.items())


class RerankWeights(_Weights):
    """Weights of a chunk's score after fusion."""

    dense: float = 1.0  # cosine similarity of question and chunk
    lexical: float = 0.35  # BM25 over the best candidate's
    coverage: float = 0.35  # IDF-weighted share of question terms in title + chunk
    recency: float = 0.3
    rrf: float = 0.0  # reciprocal rank fusion of the two retrievers' ranks (measured: no gain over the above)
    answer_type: float = 0.2  # the chunk holds a thing of the kind the question asks for


class PassageWeights(_Weights):
    """Weights of a passage's score (a run of whole sentences inside a top chunk).

    Fit by logistic regression on news-dev passages (label: the gold answer is in the passage), cross-validated
    over weeks and rounded: the passage's own coverage and answer type count most. The fit's BM25 weight (0.6,
    chunk coverage 0) was within noise of this one on news-dev; this one leans less on BM25 over the best
    candidate's, which one short article can hold in a small collection, and more on the chunk's coverage.
    """

    dense: float = 1.0  # the chunk's cosine similarity
    lexical: float = 0.35  # the chunk's BM25 over the best candidate's
    recency: float = 0.45
    coverage: float = 0.2  # the chunk's IDF-weighted share of question terms
    answer_type: float = 0.0  # the chunk's: the passage's own replaces it
    passage_coverage: float = 0.5
    passage_novelty: float = 0.3
    passage_type: float = 0.6


class TimeWindow(BaseModel):
    """How wide relative time expressions are: a reporting lag lets a story of 'this week' be published later."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    week_days: int = Field(default=7, ge=1)  # "this week": the last 7 days up to as_of
    lag_days: int = Field(default=3, ge=0)  # articles up to this many days after the period still report on it


class FollowUp(BaseModel):
    """How a follow-up question borrows from the conversation (rewrite.py): the last question's topic words and
    the last answer's names nearest to one of them ('Wagner founder Yevgeny Prigozhin': what 'he' means)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name_reach: int = Field(default=40, ge=0)  # characters between a name in the last answer and a topic word, at most
    # ...and in the answer's lead, read first: a name this close to a topic word there is the answer's ("Wagner
    # founder Yevgeny Prigozhin"), before a nearer one in a supporting sentence ("Azerbaijan's leader, Aliyev")
    lead_reach: int = Field(default=20, ge=0)
    names_kept: int = Field(default=1, ge=0)  # names of the last answer added to a follow-up
    topic_stem: int = Field(default=5, ge=1)  # a topic word matches answer words starting with its first 5 letters
    topic_word_min: int = Field(default=4, ge=1)  # shorter topic words are too ambiguous to match by stem


class RetrievalSettings(BaseModel):
    """Depths, sizes and weights of the hybrid retrieval pipeline."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    depth: int = Field(default=40, ge=1, description="Candidates read from each retriever (Chroma and BM25).")
    filtered_depth_factor: int = Field(
        default=4, ge=1, description="With a date or source filter, BM25 reads this many times depth before filtering."
    )
    rrf_k: int = Field(default=60, ge=1, description="Reciprocal rank fusion: 1 / (rrf_k + rank).")
    rrf_scale: float = Field(default=30.0, gt=0, description="Brings the RRF feature to the scale of the others.")
    recency_days: float = Field(default=30.0, gt=0, description="exp(-age / days): a month-old article keeps ~1/3.")
    recency_undated: float = Field(default=0.5, ge=0, le=1, description="The recency of an article without a date.")
    diversity_decay: float = Field(
        default=0.85, gt=0, le=1, description="Each further chunk of a chosen article has its score multiplied by this."
    )
    focus_chunks: int = Field(default=15, ge=1, description="Top chunks whose passages compete for the returned ones.")
    passage_words: int = Field(
        default=25, ge=1, description="A passage is the longest run of whole sentences within this many words."
    )
    passage_novelty_cap: int = Field(default=4, ge=1, description="New names and numbers counted at most, per passage.")
    near_copy_share: float = Field(
        default=0.8, gt=0, le=1, description="A passage sharing this share of its words with a chosen one is a copy."
    )
    casing_chunks: int = Field(
        default=3, ge=0, description="A question typed in lower case: chunks read for each of its words the top chunks "
        "lack, to see whether the collection writes it as a name.",
    )
    respell_ratio: float | None = Field(
        default=0.85, gt=0, le=1, description="A question's name no chunk holds and no dictionary knows is read as "
        "the best chunks' word at least this alike (difflib's ratio: 'Wagnr' ~ 'Wagner' 0.91, not 'funerary' ~ "
        "'funeral' 0.8), and searched again; None: never.",
    )
    respell_min_letters: int = Field(default=4, ge=1, description="Shorter words are never read as mistyped.")
    synonym_weight: float = Field(
        default=0.5, ge=0, description="BM25 counts a word news uses for one of the question's (newstext.synonyms: "
        "cut ~ eliminate) at this share of the question's own; 0: never. 0.5 and 1.0 measured within one question "
        "of 0 on news-dev.",
    )
    rerank: RerankWeights = Field(default_factory=RerankWeights)
    passage: PassageWeights = Field(default_factory=PassageWeights)
    time: TimeWindow = Field(default_factory=TimeWindow)
    follow_up: FollowUp = Field(default_factory=FollowUp)
