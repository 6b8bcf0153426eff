"""Why something happened: a "Why …?" question is answered by a sentence giving a reason in so many words ("because",
"due to", "made necessary by"), which may stand far from it in meaning; "How did she die?" by one giving the cause of
a death ("… said the cause was complications of pneumonia")."""

from __future__ import annotations

import re

from assistant.answer.near import first_near
from assistant.answer.sentences import Sentence
from assistant.retrieval.answer_kinds import candidates
from assistant.retrieval.answer_type import ASKS_DEATH_CAUSE

# "Why …?", and the same asked of a reason or a cause: "whats the reason, like what broke", "what caused the outage",
# "how come …", "whats the problem with them" (a recall's: "… because the frame's folding hinge can collapse …")
_ASKS_WHY = re.compile(
    r"^\W*(?:why|how come|what\s+caused|what(?:[’']?s|\s+is|\s+was)\s+(?:the\s+)?(?:reason|cause"
    r"|(?:problem|issue|matter|trouble|danger|hazard)\s+with))\b",
    re.I,
)
_REASON = re.compile(
    r"\b(?:because|due to|owing to|as a result of|in response to|caused by|blam(?:ed|es|ing)|the (?:reason|cause)"
    r"|for fear|so that|in order to|citing|cited|over (?:concerns?|fears?|worries)"
    # "the increase was made necessary by a cut in state support", "… blamed a sharp drop in orders"
    r"|(?:made necessary|driven|prompted) by|(?:stem|stems|stemmed|result|results|resulted) from"
    r"|attributed \w+(?: \w+)? to"
    # a purpose: "the change is aimed mainly at recruiting and keeping teachers", "in an effort to cut costs"
    r"|(?:aimed|intended|designed|meant) (?:\w+ )?(?:at|to)|in an effort to|with the (?:goal|aim) of)\b",
    re.I,
)
# A sentence whose subject is what the one before it said ("That makes sense, because most Americans … eat at Wendy's
# around those times"): its reason is for that, not for what the question asks.
_POINTS_BACK = re.compile(r"^\W*(?:that|this|it)\s+(?:is|was|makes|made|means|meant|explains|comes|came)\b", re.I)


def asks_why(question: str) -> bool:
    """The question asks "Why …?", or how someone died (the cause of the death)."""
    return _ASKS_WHY.match(question) is not None or asks_how_died(question)


def asks_how_died(question: str) -> bool:
    """The question asks how someone died (answer_type's death_cause, the first kind tried): "How did she die?",
    "what did he die of"; read for every sentence a reason is sought in, so by its own pattern alone."""
    return ASKS_DEATH_CAUSE.search(question) is not None


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
        return bool(candidates(text, "death_cause"))
    return asks_why(question) and _REASON.search(text) is not None and not _POINTS_BACK.match(text)
