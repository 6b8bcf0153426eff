"""An elliptic follow-up ("And Azerbaijan?", "What about Sunday?") asks the last question again of the name it gives,
put in the place of the one of its slot or kind; a pronoun's person is the name the conversation gave."""

from __future__ import annotations

import re

from assistant.retrieval.gazetteer import COUNTRIES, MONTHS, US_STATES, WEEKDAYS
from newstext.sentences import opens_sentence

# A run of capitalised words: a name, unless a sentence opens with it (newstext.sentences.opens_sentence).
NAME = re.compile(r"\b[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)*")
_PREPOSITIONS = r"(?:in|at|on|for|with|from|of|over|near|into|against|to|by|about|after|before|during|since)"
# A follow-up of a leading "and" or "what about" and a name alone ("And Azerbaijan?", "And in Kharkiv?").
_ELLIPSIS = re.compile(
    r"^\s*(?i:and|also|what about|how about)\b[\s,]*(?P<before>(?:(?:" + _PREPOSITIONS + r"|the)\s+)*)"
    r"(?P<names>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)\s*[?.!]*\s*$"
)
# A name after one of these stands in the question's place, time or object slot ("over Syria", "in Kharkiv"), one
# without in its subject or object slot ("What did Turkey shoot down?").
_AFTER_PREPOSITION = re.compile(r"\b(?i:" + _PREPOSITIONS + r")\s+(?:the\s+)?$")
# The words a question asks about a person with, once a conversation has named them ("What did he argue?").
# "owns": a possessive ("his forces", "her party"); "her" at the end is the one asked about ("Who promoted her?").
PERSON = re.compile(r"\b(?i:(?P<owns>his|their|her(?=\s+\w))|he|she|him|they|them|her(?=\s*[?.!]*\s*$))\b")


def in_place_of_name(question: str, last: str) -> str | None:
    """An elliptic follow-up naming something else ("And Azerbaijan?", "What about Shoigu?") asks the last question
    of it: "What did Turkey shoot down in 2015?" -> "What did Azerbaijan shoot down in 2015?". The new name replaces
    the last question's one name, or, of several, the one in the same slot: after a preposition when the follow-up
    has one ("And in Kharkiv?"), else the one after none ("And Azerbaijan?" after "What did Turkey shoot down over
    Syria?" replaces Turkey); a last question naming nothing, the person it asked about (_in_place_of_person).
    None when no single name fits."""
    asked = _ELLIPSIS.match(question)
    if not asked:
        return None
    runs = [m for m in NAME.finditer(last) if not opens_sentence(last[: m.start()])]
    if not runs:
        return _in_place_of_person(asked.group("names"), last)
    if len(runs) > 1:
        after = bool(re.search(_PREPOSITIONS, asked.group("before"), re.I))
        runs = [m for m in runs if bool(_AFTER_PREPOSITION.search(last[: m.start()])) == after]
    if len(runs) != 1:
        return None
    return last[: runs[0].start()] + asked.group("names") + last[runs[0].end() :]


def in_place_of_kin(question: str, last: str) -> str | None:
    """The last query, conversation's words included, with the name an elliptic follow-up gives, when it is a day,
    month, country or US state, in place of the one of its kind there: "What about Sunday?" after "Which airline was
    hit hardest? (flights canceled Saturday)" asks of Sunday's flights, not Saturday's. None when the name is of no
    such kind or the last query holds no single one of its kind."""
    asked = _ELLIPSIS.match(question)
    name = asked.group("names") if asked else ""
    kin = next((kind for kind in (WEEKDAYS, MONTHS, COUNTRIES, US_STATES) if name in kind), None)
    if kin is None:
        return None
    held = {k for k in kin if k != name and re.search(r"\b" + re.escape(k) + r"\b", last)}
    if len(held) != 1:
        return None
    return re.sub(r"\b" + re.escape(held.pop()) + r"\b", name, last)


def _in_place_of_person(name: str, last: str) -> str | None:
    """The last question asked of the name in place of the one person it asked about: "What did he argue?" ->
    "What did Prigozhin argue?", "Where did his forces attack?" -> "Where did Kadyrov’s forces attack?"; None unless
    it has exactly one such pronoun ("it" may be an event: "What did it destroy?" is not asked of Kharkiv)."""
    people = list(PERSON.finditer(last))
    if len(people) != 1:
        return None
    m = people[0]
    return last[: m.start()] + name + ("’s" if m.group("owns") else "") + last[m.end() :]
