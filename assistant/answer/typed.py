"""Which sentences hold a thing of the kind the question asks for (a share, a sum, a year, a time, a place, a count),
and in what order: the gate reads the first (gate.answering), and a lead may give way to it. The order reads the
question's wording (what is asked of a count, a time to come, an hour of the clock) and the sentence's time against
its article's (a count of a past year is background)."""

from __future__ import annotations

import re
from collections.abc import Callable

from assistant.answer.asked import RUNS_UNTIL
from assistant.answer.config import RefusalPolicy
from assistant.answer.forms import in_form, sentence_words
from assistant.answer.sentences import Sentence
from assistant.retrieval.answer_kinds import candidates
from assistant.retrieval.answer_type import expected_type
from assistant.retrieval.counts import asks_count, counted_noun, counts, counts_noun, others_told, things_counted
from assistant.retrieval.revisions import revised
from assistant.retrieval.rewrite import asked_part


def typed(
    scored: list[tuple[float, Sentence]],
    question: str,
    policy: RefusalPolicy = RefusalPolicy(),
    names_stated: Callable[[Sentence], bool] | None = None,
    holds_asked: Callable[[Sentence], tuple[int, int]] | None = None,
) -> list[tuple[float, Sentence]] | None:
    """The sentences holding a thing of the kind the question asks for (policy.typed_kinds, or a count), best
    first; any but the lead must also pass `names_stated` when given: the time of another event answers no "when"
    ("When was the Kerch Bridge attacked?" led with "The March strikes on oil refineries ..." over the Kerch
    sentences, which hold no time). Of those, the ones holding more of the asked words come first (`holds_asked`,
    the second of two counts): "the $1.7 billion verdict" before Ford's cash goal for "How much was the Ford
    verdict?"; of counts, the ones stating more of the question's own names before them (the first): "Kessler …
    will close its plant in Dunmore …, eliminating 340 jobs" before "… plans to cut 85 salaried positions at its
    headquarters …, bringing the total to 425 jobs" for "how many jobs is kessler cutting in dunmore" (a name, a
    place or a day answers the other kinds: "Zeke Clark's surgery …" states none of "What is the name of the boy
    from Lewes who will throw the first pitch at the Phillies' opener?"). None when the question asks for no such
    kind."""
    now = asks_now(question)

    def asked(sentence: Sentence) -> tuple[int, int]:  # most first; none of a past year's for a question of now
        held = holds_asked(sentence) if holds_asked is not None else (0, 0)  # ("played Slade Hall … in 1985")
        return (0, 0) if any(held) and now and of_the_past(sentence) else (-held[0], -held[1])

    kind = expected_type(question)
    if kind in policy.typed_kinds:
        held = [(p, s) for p, s in scored if s.features["answer_type"]]
        held.sort(key=lambda pair: asked(pair[1])[1])  # not by the names: a name, a place or a day answers
        if not now and not _FORECAST.search(question):  # a past result, not a forecast: "how did halcyra do last
            held.sort(key=lambda pair: bool(_FORECAST.search(pair[1].text)))  # quarter, whats the revenue"
        if kind == "size":  # an area first: "had burned 8,400 acres", not "950 firefighters"
            held.sort(key=lambda pair: not candidates(pair[1].text, "area"))
        elif kind == "condition" and not _ASKS_SAFE.search(asked_part(question)):  # "is she ok"
            held.sort(key=lambda pair: not candidates(pair[1].text, "health"))  # her health, not that she was found
        elif _WHAT_TIME.search(question):  # "… lifted off … at 5:27 p.m.", not "… launched … on Thursday night"
            held.sort(key=lambda pair: not candidates(pair[1].text, "clock"))
        elif kind == "market":  # the move the news made, not where the shares stood before it ("Before Thursday's
            held.sort(key=lambda pair: bool(_BEFORE_NEWS.search(pair[1].text)))  # report, the stock had already …")
        elif _WHEN_WILL.search(asked_part(question)):  # a time to come: "… would stay below freezing until Friday
            held.sort(key=lambda pair: not to_come(pair[1].text))  # afternoon", not "… ice on Wednesday"
    elif policy.typed_counts and asks_count(question):
        given, noun = counts(question), counted_noun(question)
        # what the question asks of the count, in its words of lower case (a name is the story's, not what is asked)
        # but the counted noun's first ("people" of "people lost power")
        first = noun.split()[0].lower() if noun else ""
        rest = [w for w in sentence_words(_lower_case(question)) if w != first and w not in _COUNT_WORDS]
        # a count of the asked noun, or the ranker's best holding one of another and stating what is asked of it:
        # "How many people lost power in Tulsa?" is answered by "… leaving about 90,000 homes and businesses without
        # power", where "Two people died in a crash …" states none of it and comes after
        best = scored[0][1] if scored else None
        # each sentence read once; of a question naming whose count it asks, without what it tells of another name
        # ("the 2019 Pell Creek Fire, which … destroyed 23 homes" for the Keller Ridge Fire's)
        own = asked_part(question)
        words = {w.lower() for w in re.findall(r"[\w’'-]+", own)} if _NAMED.search(own[1:]) else None
        of_noun = {
            id(s): bool(counts(s.text if words is None else others_told(s.text, words), noun) - given)
            for _, s in scored
        }  # fmt: skip
        held = [
            (p, s) for p, s in scored
            if of_noun[id(s)] or (s is best and not _says_none(rest, s) and things_counted(s.text) - given)
        ]  # fmt: skip
        silent = {id(s): _says_none(rest, s) for _, s in held}
        # "13 states" before "two of the state trigger bans"
        held.sort(key=lambda pair: (
            silent[id(pair[1])], not of_noun[id(pair[1])], -_counts_of_now(pair[1], noun, now), *asked(pair[1]),
        ))  # fmt: skip
        # a count told as revised before any other, the latest article's first:
        # "The death toll … rose to 31 on Sunday" (Nov. 22) before "… killing at least 12 people" (Nov. 20)
        told = revised(question)
        held.sort(key=lambda pair: _revised_on(pair[1], told), reverse=True)
    else:
        return None
    lead = scored[0][1] if scored else None
    return [(p, s) for p, s in held if s is lead or names_stated is None or names_stated(s)]


_NAMED = re.compile(r"\b[A-Z][a-z]")  # a word in capitals past the question's first: a name

# A share price told before the news ("Before Thursday's report, the stock had already lost about 22% …")
_BEFORE_NEWS = re.compile(
    r"^\W*before\b|\bhad already\b|\b(?:so far this year|year to date|since the (?:start|beginning) of the year)\b",
    re.I,
)
_COUNT_WORDS = frozenset({"many", "much", "number", "total"})  # the asking of a count, not what is counted


def _lower_case(text: str) -> str:
    """The text's words of lower case: not the names in it ("Spider-Man")."""
    return " ".join(w for w in text.split() if w.islower())


def _says_none(rest: list[str], sentence: Sentence) -> bool:
    """The sentence states none of the words a count question asks of its count (False when it asks none) in one of
    their forms (asked.in_form: died ~ dead), in its words of lower case: "Spider-Man" says nothing of "How many
    legs does a spider have?"."""
    return bool(rest) and not in_form(rest, sentence_words(_lower_case(sentence.text)))

# "When will …?", "When is the deal expected to close?": a time to come, told as one ("will", "would stay …
# until", "is expected to", "is scheduled for"), not the day of what happened.
_WHEN_WILL = re.compile(
    r"\bwhen\s+(?:will|would|(?:is|are)\s+(?:[\w’'-]+\s+){1,4}?(?:expected|scheduled|set|due))\b", re.I
)
_TO_COME = re.compile(
    r"\b(?:will|would(?!\s+have\b)|should|shall|expected|scheduled|set to|due to|plans? to|planned|until|next)\b"
    r"|['’]ll\b",
    re.I,
)


def to_come(text: str) -> bool:
    """The text tells a time to come, or the day a period runs through (asked.RUNS_UNTIL: "extended an excessive
    heat warning through Sunday night")."""
    return bool(_TO_COME.search(text) or RUNS_UNTIL.search(text))


# "What will the city do next?", "What is the union going to do?": a deed of its subject to come, told as one.
_ASKS_NEXT = re.compile(
    r"^\W*what\s+(?:(?:will|would|could)\s+(?:[\w’'-]+\s+){1,4}?do(?:\s+next|\s+now)?|"
    r"(?:is|are)\s+(?:[\w’'-]+\s+){1,4}?(?:going\s+to|planning\s+to)\s+do)\b",
    re.I,
)


def asks_next(question: str) -> bool:
    """The question asks what its subject will do (the user's own words: rewrite.asked_part)."""
    return bool(_ASKS_NEXT.search(asked_part(question)))


# A forecast, which tells no result yet: "For the fourth quarter, Halcyra forecast revenue of $5.05 billion …"
_FORECAST = re.compile(
    r"\b(?:forecasts?|forecasted|forecasting|outlook|guidance|projects|projected|projecting|predicts?|predicted"
    r"|expects|expected to|expecting|anticipates?|anticipated)\b",
    re.I,
)
_ASKS_SAFE = re.compile(r"\b(?:safe|alive|accounted|missing)\b", re.I)  # "are they all safe now": safety, not health
_WHAT_TIME = re.compile(r"\bwhat time\b", re.I)  # asks an hour of the clock
# A count "at the time" is of its own time, not of now.
_AT_THE_TIME = re.compile(r"\bat (?:the|that) time\b", re.I)
# A sentence set in a year of its own: "In the 1977 storm, …", "In 2015, …", "During the 2019 season, …", "But in
# 1987 when Lotto America … was introduced, …".
_SET_IN = re.compile(
    r"^\W*(?:(?:but|and|yet|so|then)\s+)?(?:in|during|by|back in)\s+(?:the\s+)?(?:[\w-]+\s+)?((?:1[5-9]|20)\d\d)\b",
    re.I,
)


def _revised_on(sentence: Sentence, told: Callable[[str], bool]) -> tuple[bool, str]:
    """Whether the sentence tells a revised count the question asks (`told`: counts.revised), and its article's day
    ("" when undated)."""
    revised_here = told(sentence.text)
    return revised_here, sentence.candidate.article.date if revised_here else ""


def _counts_of_now(sentence: Sentence, noun: str, now: bool = False) -> int:
    """counts_noun, for a sentence of its article's time: one set in a year well before the article's ("In the 1977
    storm, 29 people died …" in a 2022 article on Buffalo's storm) is background, and counts 0; one only naming a
    past year ("Founded in 2008 …, now has 45 locations") is not. For a question asked of `now`, nor does one told
    of its time ("Washington's Birthday was at the time one of only five federally-recognized holidays" for "How
    many federal holidays are there?", above "There are 11 federal holidays each year")."""
    if set_in_past(sentence):
        return 0
    if now and _AT_THE_TIME.search(sentence.text):
        return 0
    return counts_noun(sentence.text, noun)


def set_in_past(sentence: Sentence) -> bool:
    """The sentence opens set in a year well before its article's ("In the 1977 storm, 29 people died …" in a 2022
    article): background to the story, where naming a past year on the way ("In response to Ofcom's 2022 report, …")
    is not."""
    then = _SET_IN.match(sentence.text)
    return then is not None and _well_before(then.group(1), sentence)


def _well_before(year: str, sentence: Sentence) -> bool:
    """The year is more than one before the sentence's article's (False for an undated article)."""
    published = sentence.candidate.article.date[:4]
    return published.isdigit() and int(year) < int(published) - 1


# A question asked of the past: "When did …?", "Who was …?", "How many … had …?".
_PAST = re.compile(r"\b(?:did|was|were|had)\b", re.I)


def asks_now(question: str) -> bool:
    """The question is not asked of the past ("When is Phish playing in Dover?", "How many holidays are there?")."""
    return not _PAST.search(question)


def of_the_past(sentence: Sentence) -> bool:
    """The sentence names a year well before its article's ("… when they played Slade Hall … on Sept. 27, 1985" in a
    2024 article): background to the story, not what it reports now."""
    return any(_well_before(year, sentence) for year in candidates(sentence.text, "year"))
