"""Rewrite a question so retrieval sees what it asks: without the request around it ("Can you tell me ..."), and, for a
follow-up, with the conversation's topic and names, so 'he' or 'it' is resolved; no LLM."""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.retrieval.casing import shouted
from assistant.retrieval.config import FollowUp
from assistant.retrieval.ellipsis import NAME, PERSON, in_place_of_kin, in_place_of_name
from assistant.retrieval.framing import unframe
from assistant.retrieval.gazetteer import MONTHS, WEEKDAYS
from assistant.retrieval.referents import names_near
from assistant.retrieval.shorthand import spelled_out
from assistant.schemas import Turn
from newstext.sentences import opens_sentence
from newstext.terms import FILLERS, INDEFINITE, RIGHT_NOW, STOPWORDS, WORD_RUN, readings
from newstext.titles import titles

_ANAPHORA = frozenset(
    "he him his she her hers they them their theirs it its this that these those there then "
    "former latter same such".split()
)
# A content word, or a figure with its separators ("45,000", "2.5"), which the conversation carries whole.
_CONTENT_WORD = re.compile(r"\d[\d,.]*\d(?![\w’'-])|[\w’'-]+")
# The conversation's words that rewrite() puts after a follow-up, in brackets at the very end.
_CONTEXT = re.compile(r"(?<=\S) \([^()]*\)$")
# "Who is Gabriel Attal?", "What is Odysseus?": asked what names are, a follow-up's "he" or "it" is them.
_WHAT_NAMES_ARE = re.compile(r"^\W*(?i:who|what)\s+(?i:is|was|are|were)\s+(?:[A-Z][\w’'.-]*\s*)+\W*$")
_QUESTION_WORDS = frozenset("what which who whom whose when where why how did does do is are was were".split())
_THE_NOUN = re.compile(r"\bthe\s+([a-z]+)\b")  # "when's the parade": a thing named by a noun of lower case
_THE_OTHER = re.compile(r"\bthe other\b", re.I)  # "did the other guy concede": the one the last answer set apart
_QUESTION_S = re.compile(r"[’']s$")  # "when's the service": a question word with its "is", no topic
# fillers (newstext.terms.FILLERS), a possessive pronoun ("mine got cancelled"), people in general ("when will people
# find out" after a company's layoffs asks of the laid off; "out" and "up" end a verb), and a name asked for ("whats
# the ceo's name again": of the conversation's company), and a reason asked for ("whats the reason, like what broke":
# of the conversation's outage)
_NO_TOPIC = (
    STOPWORDS | INDEFINITE | FILLERS
    | frozenset({"mine", "yours", "ours", "theirs", "hers", "again", "people", "folks", "out", "up", "name"})
    | frozenset({"reason", "reasons", "cause", "causes", "caused"})
    | frozenset({"now"})  # "what should i do rn": of the conversation's story now
)
_DAYS = WEEKDAYS | MONTHS


def _content_words(text: str) -> list[str]:
    """Words that carry the topic (no stop or question words, no indefinite pronoun: "anyone in the hospital" asks of
    one word), in order, without repeats; a title written in capitals is carried whole, in quotes ("He Gets Us": its
    stop words are its own)."""
    named = titles(text)
    text = RIGHT_NOW.sub("", text)
    for title in named:
        text = text.replace(title, " ")
    words = [w.strip("’'-") for w in _CONTENT_WORD.findall(text)]
    keep = [f'"{t}"' for t in named] + [
        w for w in words
        if w and w.lower() not in _NO_TOPIC and _QUESTION_S.sub("", w.lower()) not in _QUESTION_WORDS
    ]
    return list(dict.fromkeys(keep))


_WHAT_ABOUT = re.compile(r"^\W*what about\b", re.I)
# a first word that goes on from the last question ("And Kadyrov?", "so should we move closer to a park")
_GOING_ON = frozenset({"and", "also", "so"})


def is_follow_up(question: str) -> bool:
    """Pronouns pointing back, a leading 'and'/'what about', or too little topic of its own."""
    if not WORD_RUN.search(question):
        return False
    return _goes_on(question) or len(_content_words(question)) <= 1


def _goes_on(question: str) -> bool:
    """The question points back with a pronoun, or opens with "and", "also" or "what about"."""
    first = next(WORD_RUN.finditer(question), None)
    opens = first.group(0).lower() if first else ""
    return _points_back(question) or opens in _GOING_ON or bool(_WHAT_ABOUT.match(question))


def names_nothing(question: str) -> bool:
    """Typed with case, the question holds no name, figure or quote of its own ("How many stores will close?",
    "Was anyone killed?"): in a conversation, only the conversation says what it is about. A question typed without
    case may name something in lower case ("who leads wagner"), so it is not taken to name nothing."""
    first = next((c for c in question if c.isalpha()), "")
    if not first.isupper() or shouted(question) or re.search(r"\d|[\"“”]", question):
        return False
    return all(opens_sentence(question[: m.start()]) for m in NAME.finditer(question))


def rewrite(question: str, history: Sequence[Turn], config: FollowUp) -> str:
    """The question, written out (shorthand.spelled_out) and unframed, plus the topic words of the last user turn and
    the names in the last answer; or, for a name alone ("And Azerbaijan?"), the last question asked of that name
    (ellipsis.in_place_of_name). A follow-up points back (is_follow_up) or names nothing (names_nothing).

    The last user turn is itself rewritten first, so a chain of follow-ups ("Which city did his forces
    assault?", then "When did he withdraw?") keeps the entities the conversation established and its opening
    question's words, but not each earlier follow-up's own (_still_carried).
    """
    question = unframe(spelled_out(question))
    if not history or not (is_follow_up(question) or names_nothing(question)):
        return question
    return _with_context(question, history, config)


def other_reading(question: str, history: Sequence[Turn], config: FollowUp) -> str | None:
    """The question read the other way round from rewrite(): on its own, for one naming nothing that rewrite() read
    in the conversation (the user may have changed the subject), or whose single word of topic names a thing
    ("when's the parade"); in the conversation, for one naming something that rewrite() read on its own ("How did
    China react?" after Pelosi's words on Taiwan points back with no pronoun); a follow-up opening with "and" that
    asks a whole question after it, on its own (_asked_alone). None without history, for a question with no word of
    topic or another follow-up (it means nothing alone: "Who was killed?"), or when the conversation adds nothing."""
    question = unframe(spelled_out(question))
    if not history or not _content_words(question):
        return None
    if _goes_on(question):
        return _asked_alone(question)
    with_context = _with_context(question, history, config)
    if with_context == question:
        return None
    if is_follow_up(question):  # of one word of topic, which rewrite() read in the conversation
        return question if _names_a_thing(question) else None
    return question if names_nothing(question) else with_context


def _names_a_thing(question: str) -> bool:
    """A question of one word of topic names a thing by it ("when's the parade"): an event of its own the collection
    may tell, where "Who was killed?" asks only of the conversation's story."""
    topic = _content_words(question)
    return any("NOUN" in readings(m.group(1)) for m in _THE_NOUN.finditer(question) if m.group(1) in topic)


def _asked_alone(question: str) -> str | None:
    """A follow-up opening with "and" or "also" that is a whole question after it and points back with no pronoun,
    without that word: the conversation's words may take it to a narrower story than it asks of ("and how many people
    still don't have power" after a question on one of an ice storm's dead). None for another follow-up, which means
    nothing alone ("and out of state students?", "what about route 22", "how old is he")."""
    words = WORD_RUN.findall(question)
    if len(words) < 3 or words[0].lower() not in _GOING_ON or words[1].lower() not in _QUESTION_WORDS:
        return None
    rest = question[question.lower().index(words[1].lower()) :]
    return None if _points_back(rest) else rest[:1].upper() + rest[1:]


def _with_context(question: str, history: Sequence[Turn], config: FollowUp) -> str:
    """An unframed question with the conversation's words: the last question asked of a name put in place of it,
    or the question plus the last user turn's topic words and the last answer's names near them."""
    user_at = next((i for i in range(len(history) - 1, -1, -1) if history[i].role == "user"), None)
    last_user = rewrite(history[user_at].content, history[:user_at], config) if user_at is not None else ""
    if (in_place := in_place_of_name(question, asked_part(last_user))) is not None:
        return in_place
    last_user = in_place_of_kin(question, last_user) or last_user
    context = _content_words(asked_part(last_user)) + _still_carried(last_user, history[:user_at])
    if _points_back(question) and not _WHAT_NAMES_ARE.match(asked_part(last_user)):
        # a person the answer names anywhere may be "he"; "it" or "there" is the thing its lead or the last
        # question names ("Why did it collapse?" after the Baltimore bridge's dead took "COVID" from a third sentence)
        context += names_near(_last_answer(history), context, config, PERSON.search(question) is not None, question)
    own = {w.lower() for w in _content_words(question)}
    extra = [w for w in dict.fromkeys(context) if w.lower() not in own]
    return f"{question} ({' '.join(extra)})" if extra else question


def _still_carried(last: str, before: Sequence[Turn]) -> list[str]:
    """The words the last question carried that a follow-up carries on: its names and the words of the question that
    opened the chain ("lakeport burglaries"), not what each follow-up between asked ("How old is he?", "How did
    police catch him?" then "What's his bail?" carried "old", "police", "catch" and found no bail)."""
    asked = [t.content for t in before if t.role == "user"]
    # the conversation's first question opens it when every question points back ("how many cars came off the tracks
    # in that breckton train derailment": "that" points back, yet it names the story); each read only when reached
    first = unframe(spelled_out(asked[0])) if asked else ""
    opening = next((q for c in reversed(asked) if not is_follow_up(q := unframe(spelled_out(c)))), first)
    root = {w.lower() for w in _content_words(opening)}
    return [w for w in _content_words(carried_part(last)) if (w[:1].isupper() and not _a_day(w)) or w.lower() in root]


def _a_day(name: str) -> bool:
    """A weekday's or a month's name: when an answer's event happened, no name of its story ("found alive Wednesday
    morning" carried "Wednesday", and a count of searchers "by Wednesday" then had to state it)."""
    return all(word in _DAYS for word in name.split())


def _points_back(question: str) -> bool:
    """The question points back with a pronoun ("What did he argue?", "Where did it crash?"): the last answer's names
    say what it means. One naming nothing without one ("Which country objected?") asks of the conversation's story,
    which the last question's words tell; the names near them in the last answer may be another story's."""
    return any(w.lower() in _ANAPHORA for w in WORD_RUN.findall(question)) or bool(_THE_OTHER.search(question))


def _last_answer(history: Sequence[Turn]) -> str:
    """The conversation's last answer ("" before any)."""
    return next((t.content for t in reversed(history) if t.role == "assistant"), "")


def _leads(history: Sequence[Turn]) -> list[str]:
    """The leads of the conversation's answers that cite, in order: each the sentence before its first citation
    mark."""
    answers = (t.content.partition("[1]") for t in history if t.role == "assistant")
    return [lead.strip() for lead, marked, _ in answers if marked]


def last_lead(history: Sequence[Turn]) -> str:
    """The last lead of an answer (_leads): what the conversation last established, which a refusal since does not
    change ("" before any answer cites one)."""
    leads = _leads(history)
    return leads[-1] if leads else ""


def read_leads(history: Sequence[Turn]) -> frozenset[str]:
    """The leads of the conversation's answers (_leads), whitespace folded: what the user has read."""
    return frozenset(" ".join(lead.split()) for lead in _leads(history))


def story_only(query: str) -> bool:
    """The query carries the conversation's words only to say which story a question naming nothing asks of
    ("Which rail junctions were hit? (July 23 2025 drone strike Rostov)"), not what a pronoun points back to or a
    name it gives: its own words then say which of the story's sentences answers."""
    own = asked_part(query)
    return own != query and names_nothing(own) and not is_follow_up(own)


def carried_part(query: str) -> str:
    """The conversation's words rewrite() put after a follow-up in brackets ("Who promoted him? (Kadyrov argue)" ->
    "Kadyrov argue"); "" for any other query."""
    return query[len(asked_part(query)) :].strip(" ()")


def asked_part(query: str) -> str:
    """A rewritten follow-up without the conversation's words rewrite() put after it in brackets: what the user
    asked ("Who promoted him? (Kadyrov argue)" -> "Who promoted him?"); any other query as it is."""
    return _CONTEXT.sub("", query)
