"""Detect a question not asked in English, so it is told so plainly instead of getting a generic refusal.

The articles, the embedding model and the answer rules are English: a French question finds the right passage
often enough, but its terms and specifics do not match, and the answer would be a guess.
"""

from __future__ import annotations

from functools import lru_cache

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

from assistant.answer.config import LanguagePolicy

# A handful of languages keeps detection fast (a few ms a question) and covers the likely non-English askers.
LANGUAGES = (
    Language.ENGLISH, Language.FRENCH, Language.GERMAN, Language.SPANISH, Language.ITALIAN,
    Language.PORTUGUESE, Language.DUTCH, Language.RUSSIAN, Language.CHINESE, Language.ARABIC,
)  # fmt: skip


@lru_cache(maxsize=1)
def _detector() -> LanguageDetector:
    return LanguageDetectorBuilder.from_languages(*LANGUAGES).build()


def not_english(question: str, policy: LanguagePolicy = LanguagePolicy()) -> str | None:
    """The language a question is clearly written in when that is not English, else None."""
    if len(question.split()) < policy.min_words:
        return None
    values = _detector().compute_language_confidence_values(question)
    english = next((v.value for v in values if v.language == Language.ENGLISH), 0.0)
    top = values[0]
    if top.language != Language.ENGLISH and top.value >= policy.min_other and english <= policy.max_english:
        return top.language.name.capitalize()
    return None
