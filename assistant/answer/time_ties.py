"""Tie-breaks for when a sentence tells of: a question asked of now leads with a sentence of its article's time, and
"When …?" with one naming a calendar day (ties.break_ties applies them among the lead's near ties)."""

from __future__ import annotations

import re

from assistant.answer.near import first_near
from assistant.answer.sentences import Sentence
from assistant.answer.typed import asks_now, of_the_past, set_in_past
from assistant.retrieval.answer_type import expected_type
from assistant.retrieval.gazetteer import ABBREVIATED_DAY, MONTHS, WEEKDAYS
from newstext.dates import parse_day

# A calendar day: a month's or a weekday's name as news writes it ("On April 8", "Feb. 11", "late Friday night").
_DAY = re.compile(
    r"\b(?:" + "|".join(sorted(MONTHS | WEEKDAYS)) + r")\b|" + ABBREVIATED_DAY
)
_ASKS_WHEN = re.compile(r"^\W*when\b", re.I)
# The day someone said it, which news writes after nearly every quote ("the National Transportation Safety Board said
# late Monday"): not when what they said of happened.
_SAID_ON = re.compile(
    r"\b(?:said|says|announced|told|reported|wrote|added)\s+(?:late\s+|early\s+|on\s+)?(?:"
    + "|".join(sorted(WEEKDAYS)) + r")\b"
)


# A question asking how things stand now: "any update on the missing hiker?", "what's the latest on the fire", "is it
# still burning", "how many are still without power", "any news on the missing boat" (a story told as it develops:
# its newest telling says).
_LATEST = re.compile(
    r"\b(?:updates?|updated|latest|newest|now|currently|still|so far|anymore|any more|at this point|any (?:news|word)"
    r"|anything new|what(?:'s|’s| is) new)\b",
    re.I,
)


# A question asking nothing but how a story stands now: "any update on the bridge", "whats the latest on the fire",
# "any news about the missing boat?", "what's new with the strike".
_UPDATE = re.compile(
    r"^\W*(?:(?:is\s+there\s+|are\s+there\s+)?any(?:thing)?\s+(?:new\s+)?(?:updates?|news|word)"
    r"|(?:what(?:'s|’s|s|\s+is)\s+)?(?:the\s+)?(?:latest|newest|updates?)|what(?:'s|’s|s|\s+is)\s+new)"
    r"\s+(?:on|about|with|regarding|for|from|in)\b",
    re.I,
)
# ... as framing.unframe leaves such a question when its frame asks for news ("any news on the boat?" -> "on the boat
# now?", "what's the latest on the fire" -> "on the fire now").
_UNFRAMED = re.compile(r"^\W*(?:on|about|in|with)\s.*\bnow\W*$", re.I)


def asks_of_now(question: str) -> bool:
    """The question asks how things stand now (_LATEST: "is the advisory still on", "how many are under it rn")."""
    return _LATEST.search(question) is not None


def asks_update(question: str) -> bool:
    """The question asks nothing but how a story stands now (_UPDATE, _UNFRAMED): its newest telling's news
    answers."""
    return _UPDATE.match(question) is not None or _UNFRAMED.match(question) is not None


def latest_tie(scored: list[tuple[float, Sentence]], question: str, tie: float) -> int:
    """For a question asking how things stand now (_LATEST), the index of the first near tie (at least `tie` of the
    best sentence's probability) from an article published later than the best one's: a story told as it develops
    ("Search crews on Tuesday combed the snowy slopes …" the first day, "A nurse who spent three nights lost … was
    found alive Wednesday morning" the next) is answered by its newest telling; 0 otherwise."""
    if not scored or not asks_of_now(question) or (first := parse_day(scored[0][1].candidate.article.date)) is None:
        return 0
    return first_near(scored, tie, lambda s: (day := parse_day(s.candidate.article.date)) is not None and day > first)


def background_tie(scored: list[tuple[float, Sentence]], question: str, tie: float) -> int:
    """For a question asking how things stand now (_LATEST), when the best sentence names a year well before its
    article's (typed.of_the_past), the index of the first near tie (at least `tie` of its probability) naming none:
    "any news on the missing fishing boat" led with "The last fishing vessel lost off Cape Tessick was the Northern
    Dawn, which sank in 2019 …", background in a story told once; 0 otherwise."""
    if not scored or not asks_of_now(question) or not of_the_past(scored[0][1]):
        return 0
    return first_near(scored, tie, lambda s: not of_the_past(s))


def now_tie(scored: list[tuple[float, Sentence]], question: str, tie: float) -> int:
    """For a question asked of now (typed.asks_now), when the best sentence is set in a year well before its
    article's (typed.set_in_past), the index of the first near tie (at least `tie` of its probability) that is not:
    "How much is the Powerball jackpot?" led with "But in 1987 … organizers prohibited jackpots of more than $80
    million", above "The latest Powerball lottery jackpot topped $2 billion"; 0 otherwise. A past year named on the
    way does not set a sentence in it ("In response to Ofcom's 2022 report, a TikTok spokesperson said …")."""
    if not scored or not asks_now(question) or not set_in_past(scored[0][1]):
        return 0
    return first_near(scored, tie, lambda s: not set_in_past(s))


def date_tie(scored: list[tuple[float, Sentence]], question: str, tie: float) -> int:
    """For "When …?", when the best sentence names no calendar day (a year or "this year" tells little of when), the
    index of the first near tie (at least `tie` of its probability) that does: "When will the solar eclipse happen?"
    led with "… this year's total solar eclipse, … two minutes longer than 2017's", above "On April 8, from noon
    until 4 p.m., the Museum of Science and Technology will host a … solar eclipse festival"; 0 otherwise. Asked of
    now, not a day of a year well before ("The first Super Bowl on Jan. 15, 1967 …" for "When is the Super
    Bowl?")."""
    if not scored or not _ASKS_WHEN.match(question) or expected_type(question) != "time":
        return 0
    now = asks_now(question)
    return first_near(scored, tie, lambda s: _names_day(s.text) and not (now and of_the_past(s)))


def _names_day(text: str) -> bool:
    """The text names a calendar day other than the day someone said something on."""
    return _DAY.search(_SAID_ON.sub(" ", text)) is not None
