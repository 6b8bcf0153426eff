"""The default answer: the sentences of the best-ranked passages, quoted verbatim in rank order, each cited."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.answer.config import AnswerPolicy
from assistant.retrieval.candidates import Candidate
from assistant.retrieval.casing import heading, shouted
from assistant.retrieval.counts import counts
from newstext.sentences import dateline_end, statement_spans

_QUESTION = re.compile(r"\?[\"'”’)\]]*$")
# A heading or a link's label: it introduces what follows ("MORE ON SCOTTSDALE PLANE CRASH:", "Here's what we know:",
# "SEE ALSO:Social media influencers ...").
_LABEL = re.compile(r"^[A-Z][A-Z ]+:")
_ENDS_COLON = re.compile(r":\s*$")
# How to reach the reporter, not news: "Contact Jessica Masulli Reyes at (302) 324-2777, jmreyes@… or Twitter @…".
_CONTACT = re.compile(
    r"\b[\w.+-]+@[\w-]+\.[a-z]{2,}\b|\(\d{3}\)\s?\d{3}-\d{4}"
    r"|^\W*(?:contact|reach|email|e-mail)\s+(?:\w+\s+){0,4}at\b"
    r"|^\W*follow\s+(?:\w+\s+){0,3}on\s+(?:twitter|x|facebook|instagram|threads|tiktok)\b",
    re.I,
)
# Part of what a heading is, not a tuning knob: a line ending in a colon of more words is a statement that
# introduces a quote or a list ("A Rite Aid store … will close permanently on Nov. 7, a Rite Aid spokesperson said,
# and provided this statement from the company:").
HEADING_WORDS = 15
# A question opens with a wh-word or an auxiliary: "but is it a lifeline?" asks, "but you're at the beach, right?"
# does not.
_ASKING = (
    r"(?:who|whom|whose|what|which|when|where|why|how|is|are|was|were|am|do|does|did|can|could|will|would"
    r"|should|shall|may|might|must|has|have|had|isn't|aren't|doesn't|don't|won't|wouldn't)\b"
)
# "X may be dangling a peace deal—but is it a lifeline or a cunning ploy?": a statement, then the question it raises.
# Or a statement, a colon, and the question it raises: "... when he said in an interview that “the pandemic is
# over”: Is it really over?"
_BUT_ASKS = re.compile(r"\s*(?:(?:[—–,;]|--)\s*but|:)\s+(?=" + _ASKING + ")", re.I)
_OPENS_ASKING = re.compile(r"[\"“‘'(]*" + _ASKING, re.I)
# A piece of a sentence opening where its start was lost: ", former lead singer of …", ": Tim Rushlow , …".
_TORN = re.compile(r"^\s*[,;:]")
_BUDGET = AnswerPolicy()  # the shipped answer's budget (settings.answer.lead)
# A section's label in capitals before a statement ("BOTTOM LINE: Delaware hosts the Princeton Tigers after …", as
# AP's previews write): the statement after it may answer. A link's label ("SEE ALSO:", "MORE:") introduces a
# headline, which answers nothing.
_SECTION = re.compile(r"^([A-Z][A-Z’' ]{1,30}[A-Z]):[ \t]+(?=[A-Z“\"])")
_LINK_LABELS = frozenset(
    {"SEE ALSO", "ALSO", "MORE", "READ MORE", "READ", "ALSO READ", "RELATED", "WATCH", "LISTEN", "PHOTOS", "VIDEO",
     "CLICK HERE", "SUBSCRIBE", "SIGN UP", "LATEST", "OPINION", "FOLLOW US", "LEARN MORE"}
)  # fmt: skip
# The same labels as sites write them in any case, often run into the headline ("More:Nikki Haley suspending her
# 2024 presidential campaign …", "Learn more: Details on the landing"), and a section's ("World news:Blinken: …").
_LINK = re.compile(r"^\W*(?:(?i:" + "|".join(sorted(_LINK_LABELS, key=len, reverse=True)) + r")|[A-Z][a-z]+ news)\s*:")
# A teaser for another article, its label run into its headline and no full stop: "Greatest Super Bowl teams:The 58
# best NFL teams to play for a title – and not all won Lombardi Trophy"; or a question run into one. A roundup's item
# under its place's label ("Oklahoma City:Face-mask mandates … seem to be working, according to …") is a statement,
# and ends like one.
_TEASER = re.compile(
    r"^\W*[A-Z][\w’'&,. -]{0,50}[\w’'.]:[A-Z“\"‘'].*[^.!?\"”’'\s]\s*$"
    r"|^\W*[A-Z][^.!?\n]{2,80}\?[A-Z“\"‘']"  # "Can money buy happiness?Winner of $1.765 billion Powerball jackpot …"
)

# A call to the reader to go elsewhere, after a short label or none: "Prep for the polls: See who is running for
# president … in our Voter Guide", "Read the complete sport-by-sport schedule … here", "Follow Bryan West … on
# Instagram". Advice in the imperative ("Watch for symptoms …", "Follow the money") is not one.
_PROMO = re.compile(
    r"^\W*(?:[A-Z][\w’' ]{0,30}:\s*)?(?:(?:See|Read|Watch|Listen to|Check out)\s+(?:who|what|where|how|which|when|why"
    r"|more|the (?:full|complete|latest)|our|all|photos|replay|live)\b|Click\b|Sign up\b|Subscribe\b|Download\b"
    r"|Follow\s+(?:us\b|@|[A-Z]))"
)


@dataclass(frozen=True)
class Quote:
    """A sentence chosen for the answer, with its exact offsets into the stored article."""

    candidate: Candidate
    start: int  # offsets into the article text
    end: int
    text: str
    score: float


def answer_like(sentence: str, max_words: int, min_words: int = _BUDGET.min_sentence_words) -> bool:
    """Fragments, over-long run-ons, the articles' own questions ("Who is his brother?") and headings (a line in
    capitals, one in title case, a short one ending in a colon, one opening with a label in capitals, "SEE ALSO:", or
    with a link's label in any case, "More:", or a teaser's run into its headline) are not answers, nor is a call to
    go elsewhere ("See who is running … in our Voter Guide"), nor how to reach the reporter ("Contact … at (302)
    324-2777"), nor a piece torn from its sentence, opening with a comma or colon (", Grammy award winner and former
    lead singer of …", whose names a page's markup took away). A short line before a list that counts it ("There
    are 11 federal holidays each year:") is a statement."""
    words = len(sentence.split())
    return min_words <= words <= max_words and not (
        _TORN.match(sentence)
        or _QUESTION.search(sentence)
        or _LABEL.search(sentence)
        or _LINK.match(sentence)
        or _TEASER.match(sentence)
        or _PROMO.match(sentence)
        or (_ENDS_COLON.search(sentence) and words <= HEADING_WORDS and not counts(sentence))
        or _CONTACT.search(sentence)
        or shouted(sentence)
        or _title_case(sentence)
    )


def _title_case(sentence: str) -> bool:
    """A heading in title case (casing.heading: "Russia’s Breaking Point: A Nation in Chaos") without a figure: a
    sentence never is one, having words in lower case, but a list's item with a figure may answer ("Independence
    Day: July 4")."""
    return heading(sentence) and not any(c.isdigit() for c in sentence)


def statement_head(sentence: str) -> str:
    """The statement a question sentence opens with ("Putin may be dangling a peace deal", of "Putin may be dangling
    a peace deal—but is it a lifeline or a cunning ploy?"): it states a fact though the sentence asks; "" when the
    sentence is no question, or asks from its first word, or its "but" does not open the question, or the statement
    would end inside a quotation (someone's words, cut off)."""
    if not _QUESTION.search(sentence) or _OPENS_ASKING.match(sentence):
        return ""
    parts = _BUT_ASKS.split(sentence, maxsplit=1)
    head = parts[0].rstrip() if len(parts) == 2 else ""
    return "" if head.count("“") > head.count("”") or head.count('"') % 2 else head


def after_label(sentence: str) -> int:
    """Where the statement after a section's label begins ("BOTTOM LINE: Delaware hosts …" -> 13); 0 when the
    sentence opens with no such label, or with a link's ("SEE ALSO:")."""
    m = _SECTION.match(sentence)
    return m.end() if m and m.group(1).strip() not in _LINK_LABELS else 0


def stated(sentence: str) -> str:
    """What a sentence states: itself, or, for a question opening with a statement, that statement
    (statement_head), quoted at the sentence's own start."""
    return statement_head(sentence) or sentence


def select_quotes(
    passages: list[Candidate],
    max_sentences: int = _BUDGET.max_sentences,
    max_words: int = _BUDGET.max_words,
    max_sentence_words: int = _BUDGET.max_sentence_words,
) -> list[Quote]:
    """The passages' sentences in rank order under a word budget, skipping repeats and what does not fit.

    The passages are already ranked by how likely they hold the answer (windows of the best chunks), so
    the best evidence comes first; re-scoring sentences by query-term overlap alone was measured on
    news-dev to put the answer in fewer answers (scripts/tune_retrieval.py).
    """
    chosen: list[Quote] = []
    words = 0
    seen: set[str] = set()
    for cand in passages:
        text = cand.chunk.text
        for a, b in statement_spans(text):
            a = dateline_end(text, a, b)
            sentence = text[a:b]
            n = len(sentence.split())
            key = re.sub(r"\W+", " ", sentence.lower()).strip()
            if key in seen or not answer_like(sentence, max_sentence_words) or words + n > max_words:
                continue
            chosen.append(Quote(cand, cand.chunk.start + a, cand.chunk.start + b, sentence, cand.score))
            seen.add(key)
            words += n
            if len(chosen) >= max_sentences:
                return chosen
    return chosen
