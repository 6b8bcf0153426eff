"""Why something happened: a "Why …?" question is answered by a sentence giving a reason in so many words ("because",
"due to", "made necessary by"), which may stand far from it in meaning; "How did she die?" by one giving the cause of
a death ("… said the cause was complications of pneumonia")."""

from __future__ import annotations

import re

from assistant.answer.near import first_near
from assistant.answer.sentences import Sentence

_ASKS_WHY = re.compile(r"^\W*why\b", re.I)
_ASKS_HOW_DIED = re.compile(r"^\W*(?:how\s+(?:did|do|does)\s+(?:[\w’'-]+\s+){1,4}?die|what\s+killed)\b", re.I)
# A death's cause: "the cause was complications of pneumonia", "died of cancer", "died at Tillbury Memorial Hospital
# from complications of pneumonia" (not "died at the age of 88")
_DEATH_CAUSE = re.compile(
    r"\b(?:the cause (?:of (?:death|(?:his|her|their) death(?:s)?) )?(?:was|is|had been)|cause of death"
    r"|died (?:of|from)|died(?:\s+[\w’'-]+){1,6}?\s+from|succumbed to)\b",
    re.I,
)
_REASON = re.compile(
    r"\b(?:because|due to|owing to|as a result of|in response to|caused by|blam(?:ed|es|ing)|the (?:reason|cause)"
    r"|for fear|so that|in order to|citing|cited|over (?:concerns?|fears?|worries)"
    # "the increase was made necessary by a cut in state support", "… blamed a sharp drop in orders"
    r"|(?:made necessary|driven|prompted) by|(?:stem|stems|stemmed|result|results|resulted) from"
    r"|attributed \w+(?: \w+)? to)\b",
    re.I,
)
# A sentence whose subject is what the one before it said ("That makes sense, because most Americans … eat at Wendy's
# around those times"): its reason is for that, not for what the question asks.
_POINTS_BACK = re.compile(r"^\W*(?:that|this|it)\s+(?:is|was|makes|made|means|meant|explains|comes|came)\b", re.I)


def asks_why(question: str) -> bool:
    """The question asks "Why …?", or how someone died (the cause of the death)."""
    return _ASKS_WHY.match(question) is not None or asks_how_died(question)


def asks_how_died(question: str) -> bool:
    """The question asks how someone died: "How did she die?", "What killed her?"."""
    return _ASKS_HOW_DIED.match(question) is not None


def reason_tie(scored: list[tuple[float, Sentence]], question: str, tie: float) -> int:
    """For a "Why …?" question, when the best sentence gives no reason in so many words (_REASON), the index of the
    first near tie (at least `tie` of its probability) that does: "Why did Toyota recall the BZ4X?" led with how many
    SUVs the recall applies to, above "Toyota warned owners … to stop driving them because the wheels might fall
    off"; 0 otherwise."""
    if not asks_why(question):
        return 0  # nor read any sentence: gives_reason is False for all of them
    return first_near(scored, tie, lambda s: gives_reason(question, s.text))


def gives_reason(question: str, text: str) -> bool:
    """The question asks "Why …?" and the text gives a reason in so many words (_REASON), or how someone died and
    it gives a death's cause: it answers what is asked, whether or not it restates the asked verb."""
    if asks_how_died(question):
        return _DEATH_CAUSE.search(text) is not None
    return asks_why(question) and _REASON.search(text) is not None and not _POINTS_BACK.match(text)
