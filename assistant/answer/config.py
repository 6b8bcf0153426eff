"""Every tuned number of the answer in one place: Settings nests it as `settings.answer`, so each knob has an
environment variable (ASSISTANT_ANSWER__VERIFY__MIN_LEXICAL, ...) and the calibration scripts can measure the
shipped answer under overrides. The defaults are the calibrated values; each class says how they were found.

The groups are pydantic dataclasses (validated, unknown fields refused), so `dataclasses.replace` still makes a
variant of one."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field
from pydantic.dataclasses import dataclass

_STRICT = ConfigDict(extra="forbid")


@dataclass(frozen=True, config=_STRICT)
class Thresholds:
    """The generated-sentence support rule; calibrated on 23 faithful, 12 fabricated and 12 wrong-passage claims
    (tests/assistant/test_generative.py).

    Faithful paraphrases: lexical >= 0.77, similarity >= 0.64, sum >= 1.55. Citations of an unrelated
    passage: lexical <= 0.43, similarity <= 0.50, sum <= 0.72. Fabricated claims about the right passage:
    new numbers fail the numbers check; the others sum to <= 1.35, so the combined cut sits between.
    """

    min_lexical: float = 0.6  # share of the sentence's content words present in the cited passage
    min_similarity: float = 0.55  # cosine of the sentence and its best passage sentence (or sentence pair)
    min_combined: float = 1.45  # lexical + similarity


class AnswerSettings(BaseModel):
    """The answer's thresholds and budgets."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    verify: Thresholds = Field(default_factory=Thresholds)
