"""Answer types: a question that names what it wants (a state, a country, a year, a share, a time) is answered by
a passage holding such a thing that the question itself lacks.

A classic factoid-QA signal, cheap and model-free: the question's wh-phrase picks a type, and a regular
expression or a gazetteer of that type finds candidates in a passage.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from assistant.retrieval.counts import asks_count, in_words
from assistant.retrieval.gazetteer import (
    ABBREVIATED_DAY,
    COUNTRIES,
    MONTHS,
    US_STATES,
    WEEKDAYS,
    same_countries,
)
from assistant.retrieval.holder import Holder, holder
from assistant.retrieval.speech import asks_writer, names_writer, reports_speech, speaker, speakers, titled
from newstext.sentences import OPENERS
from newstext.terms import terms

_NUMBER = r"\d[\d,.]*(?:\s?(?:million|billion|trillion))?"
_UNIT = r"(?:days?|weeks?|months?|years?|decades?|centuries|century|hours?|minutes?)"
_SPELLED = r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|few)"
# What answers "when": a date (also as news abbreviates it: "Jan. 24"), a month or a weekday, a year, an hour of the
# clock ("at 9 a.m.", "at noon"), or a time said relative to the story ("two days ago", "over the past three
# months"). Names of months and days only capitalised: "may" and "march" are verbs too.
_TIME = (
    r"\b(?-i:" + "|".join(sorted(MONTHS | WEEKDAYS)) + r")\b|" + ABBREVIATED_DAY
    + r"|\b\d{1,2}(?::\d\d)?\s?(?:a\.m\.|p\.m\.|am\b|pm\b)|\b(?:at|by|until|before|after) (?:noon|midnight)\b"
    + r"|\b(?:1[5-9]|20)\d\d\b|\b\d{1,2}/\d{1,2}\b"
    r"|\b(?:yesterday|today|tonight|overnight)\b|\b(?:last|next|this|earlier this|later this) (?:week|weekend|month"
    r"|year|spring|summer|fall|autumn|winter|morning|afternoon|evening|night)\b"
    r"|\b" + _SPELLED + r" " + _UNIT + r" (?:ago|earlier|later|before|after)\b"
    r"|\b(?:over|in|during|for|within) the (?:past|last) (?:" + _SPELLED + r" )?" + _UNIT + r"\b"
    # a point of a period: "The ruling takes effect at the end of the school year."
    r"|\b(?:at|by|until|before|after|through|from|since) the (?:end|start|beginning|middle) of (?:the |this |next )?"
    r"(?:school |fiscal |calendar |academic )?(?:year|month|week|season|term|semester|quarter|spring|summer|fall"
    r"|autumn|winter|day)\b"
)
# How long, how far, how often: a figure with its unit. "How long" asks for a time or a length ("How long was the
# jawbone?"), and "since 2014" says how long too.
# Not "a", "one" or "many": "one day, the name ... would move across the lips of a prosecutor" measures nothing.
_AMOUNT = (
    r"(?:\d[\d,.]*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty"
    r"|sixty|hundreds of|thousands of|several|a few)"
)
_TIME_UNIT = r"seconds?|nights?|" + _UNIT
# A score or tally as two figures ("84-82", "5–4"), not a range's or a date's ("1/5", "2-1.5"): the answer kind's, and
# the one number a question's score is for the constraint check (answer.constraints).
SCORE_PAIR = r"\d{1,3} ?[-–] ?\d{1,3}\b(?![-–/.,]?\d)"
_WEIGHT_UNIT = r"pounds?|lbs?|kilograms?|kilos?|kg|tons?|tonnes?|ounces?|oz|grams?"
_SPACE_UNIT = r"miles?|kilometers?|kilometres?|km|meters?|metres?|feet|foot|ft|yards?|inches|inch|centimeters?|cm"
_PATTERNS: dict[str, str] = {
    # ("three years ago" says when, not how long; "an 11-year-old girl" how old)
    "length": r"\b" + _AMOUNT + r"[\s-](?:" + _TIME_UNIT + "|" + _SPACE_UNIT + r")\b"
    # not a time said from another ("two years ago", "three years and four months later") nor an age
    r"(?!(?: and " + _AMOUNT + r" (?:" + _TIME_UNIT + r"))? (?:ago|earlier|before|later)\b|[\s-]old\b)"
    r"|\bsince (?:1[5-9]|20)\d\d\b"
    # a span after "for", whatever follows: "deliberated for about five hours before returning the verdict"
    r"|\bfor (?:about |nearly |almost |roughly |around |more than |less than |over |under |at least |up to )?"
    + _AMOUNT + r"[\s-](?:" + _TIME_UNIT + r")\b"
    r"|\b\d{1,2}:\d\d:\d\d\b|\b\d{1,2}:\d\d\.\d{1,2}\b"  # a race's time: "in 2:21:45", "in 1:43.25"
    # one unit, said as a span: "sentenced to about a year probation", "for a decade" (not "a year later")
    r"|\b(?:about|nearly|almost|roughly|around|more than|less than|under|over|at least|up to|for|half) an? (?:"
    + _TIME_UNIT + r")\b(?! (?:ago|earlier|before|later|after)\b)",
    "distance": r"\b" + _AMOUNT + r"[\s-](?:" + _SPACE_UNIT + r")\b",
    "weight": r"\b" + _AMOUNT + r"[\s-](?:" + _WEIGHT_UNIT + r")\b",
    "frequency": r"\bevery\b|\b(?:daily|weekly|monthly|yearly|annually|hourly|nightly)\b"
    r"|\b(?:once|twice|thrice|\w+ times) (?:a|an|per|each)\b|\b(?:a|per) (?:day|week|month|year)\b",
    # "How soon ...?": a time to come ("next year", "by March", "by the end of the year") or a span from now
    # ("within weeks", "in two months"); not a past time ("in 2014", "earlier this year")
    "soon": r"\b(?:next|coming) (?:week|weekend|month|year|spring|summer|fall|autumn|winter)\b"
    r"|\bby (?:the end of )?(?:(?:the|this|next) )?(?:(?-i:" + "|".join(sorted(MONTHS)) + r")|(?:19|20)\d\d|week"
    r"|month|year|spring|summer|fall|autumn|winter)\b|\b(?:within|in|after) (?:(?:a|an|the next|the coming|"
    + _AMOUNT + r")\s)?(?:" + _TIME_UNIT + r")\b",
    # a share in figures, or in words before "of" ("a third of its budget", "half of voters", "one in five")
    "percent": r"\d[\d.,]*\s?(?:%|percent\b|per cent\b)|\b(?:half|(?:a|one|two|three) (?:third|quarter|fifth|tenth)s?"
    r"|two-thirds|three-quarters)(?= of\b)|\bone in (?:\d+|two|three|four|five|six|seven|eight|nine|ten)\b",
    "year": r"\b(?:1[5-9]|20)\d\d\b",
    # an hour of the clock, what "What time …?" asks (a day says when, not what time)
    "clock": r"\b\d{1,2}(?::\d\d)?\s?(?:a\.m\.|p\.m\.|am\b|pm\b)|\b(?:noon|midnight)\b",
    "number": _NUMBER,
    # a game's result, "Princeton's 84-82 win", "won 3–1": a pair of figures told as a result, not a record
    # ("Princeton Tigers (11-1)", "2-1 in home games"), a season ("2023-24") or a date ("1/5")
    "score": r"(?<![\d/.-])\b" + SCORE_PAIR
    + r"(?=\s+(?:[a-z]+\s+)?(?:win|wins|victory|loss|defeat|triumph|rout|scores?)\b)"
    r"|\b(?:won|winning|lost|losing|beat|beats|beating|defeated|defeats|defeating|edged|topped|downed|routed|fell"
    # (a full stop before a figure ends no clause: "beat the No. 6 Rams, 24-23")
    r"|falls|score of|score was)\b(?:[^.;:]|\.(?= \d)){0,40}?(?<![\d/.-])\b" + SCORE_PAIR,
    # an age as news gives one: "the 82-year-old monarch", "Willis Gibson, 13, of Stillwater", "at the age of 96",
    # "the children, ages 4 and 7";
    # a thing's in hundreds of years or more, "ago" too ("tracks from around 113 million years ago", "a
    # 2,000-year-old tomb"): "13 years ago" dates an event in a life, not the age of the one who lived it
    "age": r"\b\d{1,3}-year-old\b|\b\d{1,3} years? old\b|\b(?:aged?|ages) (?:of )?\d{1,3}\b|,\s\d{1,3},"
    # a birthday: "With Mr. Celery turning 21 this summer"
    r"|\bturn(?:s|ed|ing)? \d{1,3}\b(?! (?:percent|%|points?|votes?|games?)\b)"
    # an obituary's: "Dorothy Vance … died Sunday at her home. She was 94.", "Longtime librarian dies at 94"
    r"|\b(?:he|she) (?:was|is) \d{1,3}(?=\s*[.;]|\s+when\b)"
    r"|\bdie[sd]? at \d{1,3}\b(?![\d,.:]|\s?%| percent\b|\s?[ap]\.?m\b)"
    # a beginning's year ("The bridge, which opened in 1926", "was born in 1950"), where nothing comes between the
    # verb and the year (not "Brandt started the company in 1987")
    r"|\b(?:born|built|opened|founded|established|constructed|completed|erected) in (?:1[5-9]|20)\d\d\b"
    r"|\b(?:\d{3,}|\d{1,3},\d{3}|\d[\d.]*\s(?:hundred|thousand|million|billion))[\s-]years?[\s-](?:old|ago)\b",
    # how a vote went: "The final vote was 217-213", "by a vote of 352 to 65", "won by 30 points", "unanimously"
    # (a pair of figures told as a vote's, not a date range's: "Jan. 7-12")
    "tally": r"\b(?:vote|votes|voted|passed|approved|rejected|ruled|ruling|decision|margin|tally)\b[^.;:]{0,40}?"
    r"(?<![\d/.-])\b(?:" + SCORE_PAIR + r"|\d{1,3}(?:,\d{3})? to \d{1,3}(?:,\d{3})?\b)"
    r"|(?<![\d/.-])\b" + SCORE_PAIR + r"(?=\s+(?:[a-z]+\s+)?(?:vote|votes|margin|decision|ruling|majority)\b)"
    r"|\bby (?:about |nearly |almost |more than |over )?\d[\d.,]* (?:percentage )?points\b|\bunanimous(?:ly)?\b",
    # a name of two words or more in capitals ("Zeke Clark", "Rolando Williamson"), not opening with a word that opens
    # sentences ("The Phillies", "Before Rolando": newstext.sentences.OPENERS)
    "name": r"(?-i:\b(?!(?:" + "|".join(sorted(w.capitalize() for w in OPENERS)) + r")\b)[A-Z][a-z’'-]+"
    r"(?:\s+(?:[A-Z]\.\s+)?[A-Z][a-z’'-]+)+)",
    "money": r"(?:[$£€¥]\s?" + _NUMBER + r"|" + _NUMBER + r"\s?(?:dollars|pounds|euros|yen|yuan|rupees))",
    "time": _TIME,
}

_GAZETTEERS: dict[str, frozenset[str]] = {"country": COUNTRIES, "us_state": US_STATES, "month": MONTHS}

# Kinds read from the question's wording (speech.py, holder.py) rather than found by a pattern in the passage.
_WORDED = frozenset({"statement", "holder", "writer"})
# Nouns for a person: "What is the name of the 4-year-old boy …?" asks for a person's name.
_PERSON = (
    r"(?:boy|girl|man|woman|person|child|baby|teen|teenager|student|suspect|victim|player|officer|driver|pilot"
    r"|doctor|nurse|candidate|winner|owner|coach|artist|author|singer|actor|actress|judge|mother|father|son"
    r"|daughter|husband|wife|founder|chef|worker|soldier|firefighter|teacher)s?"
)
# The wh-phrase that asks for each type, tried in this order (the first match wins).
_ASKS: list[tuple[str, str]] = [
    ("name", r"\bwhat (?:is|was|are|were|'s|’s) (?:his|her|their|its|the \w+(?:'s|’s)) "
             r"(?:full |first |last )?names?\b"
             r"|\bwhat (?:is|was) the (?:full )?name of (?:the|a|an|this|that) (?:[\w-]+ ){0,3}" + _PERSON + r"\b"),
    ("percent", r"\b(?:what|which) (?:percentage|percent|share|proportion|fraction)\b|\bhow many percent\b"
                r"|\bhow much of\b"),
    # a weight: "How much does the painting weigh?", "How heavy is it?", "What is its weight?" (not its worth)
    ("weight", r"\bhow much (?:[\w’'-]+ ){1,6}?(?:weigh|weighs|weighed)\b|\bhow heavy\b"
               r"|\bwhat (?:is|was) (?:the|its|his|her|their|[\w.-]+(?:'s|’s)) weight\b"),
    # "How much" asks a sum, but for a difference or a change ("By how much did Kiprono break the record?", "How much
    # will taxes go up?"): a figure of any kind ("by 40 seconds", "by 3 percent").
    ("number", r"\bby how much\b(?! money)|\bhow much (?:[\w’'-]+ ){1,6}?(?:go up|goes up|went up"
               r"|gone up|go down|goes down|went down|rise|rises|rose|risen|fall|falls|fell|fallen|drop|drops|dropped"
               r"|increase|increased|decrease|decreased|grow|grows|grew|grown|shrink|shrank|climb|climbed|jump"
               r"|jumped|decline|declined)\b"),
    ("money", r"\bhow much (?:[\w-]+ ){0,2}money\b"  # "How much climate money did Carney propose?"
              r"|\bhow much (?:did|does|do|will|would|was|is|has|have|had)\b|\bwhat (?:price|amount|sum|fine)\b"
              r"|\bwhat (?:is|was|are|were|will be) the (?:price|cost|amount|sum|fine|budget|salary)s?\b(?! of living)"
              r"|\bwhat (?:did|does|do|will|would) [^?]*\bcosts?\s*\??\s*$"),
    ("year", r"\b(?:what|which) year\b"),
    ("month", r"\b(?:what|which) month\b"),
    # "When did ...?" opening the question (not "... when he entered hospice"), "on what date/day", "what time …?"
    ("time", r"(?:^|[.?!]\s+)when\b|\b(?:what|which) (?:date|day)\b|\bwhat time (?:is|was|will|does|did|do|can)\b"),
    # "What was Tadesse's time?", "What was the winning time?": a race's time, how long it took
    ("length", r"\bhow long\b|\bwhat (?:is|was) (?:[\w.-]+(?:'s|’s)|his|her|their) (?:winning |finishing )?time\b"
               r"|\bwhat (?:is|was) the (?:winning|finishing|record) time\b"),
    ("distance", r"\bhow far\b"),
    ("frequency", r"\bhow often\b"),
    ("soon", r"\bhow soon\b"),
    ("age", r"\bhow old\b|\b(?:what|which) age\b|\bwhat (?:is|was) (?:the |his |her |their |[\w.-]+(?:'s|’s) )?age\b"),
    ("number", r"\bhow (?:many|much|tall|high)\b|\b(?:what|which) number\b"),
    ("score", r"\b(?:what|which) (?:was|is|were|will be) the (?:final |half-time |halftime )?score\b"
              r"|\b(?:by )?what score\b"),
    ("tally", r"\bwhat (?:was|is|were) the (?:final |vote )?(?:vote|tally|margin)\b|\bwhat margin\b"
              r"|\bby (?:what|how (?:much|wide|big)(?: a)?) (?:margin|vote)\b|\bhow did the vote go\b"),
    ("us_state", r"\b(?:what|which) (?:u\.?s\.? |us |american )?states?\b"),
    ("country", r"\b(?:what|which) (?:\w+ )?(?:country|countries|nations?)\b|\bof which countr(?:y|ies)\b"),
]
_QUESTIONS = [(name, re.compile(pattern, re.I)) for name, pattern in _ASKS]


def expected_type(question: str) -> str | None:
    """The kind of answer the question asks for, when its wording says so; None for open questions."""
    for name, pattern in _QUESTIONS:
        if pattern.search(question):
            return name
    if holder(question):
        return "holder"
    if asks_writer(question):
        return "writer"
    return "statement" if speakers(question) else None


@lru_cache(maxsize=8)
def _gazetteer_pattern(name: str) -> re.Pattern[str]:
    names = sorted(_GAZETTEERS[name], key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(n) for n in names) + r")\b")


def candidates(text: str, kind: str) -> set[str]:
    """The strings of that kind in a text, lower-cased."""
    if kind in _GAZETTEERS:
        return {m.lower() for m in _gazetteer_pattern(kind).findall(text)}
    return {m.lower() for m in re.findall(_PATTERNS[kind], text, flags=re.I)}


# "How long / far / often / soon ...?" asks for a measure: the word after "how" says what kind of answer is wanted,
# which a passage gives as a figure ("a 72-hour blitz", "40 miles from"), not a term of the topic it should share.
# Not "old", "tall" or "high": news states those with the figure ("a 37-year-old", "6 feet tall"); nor "many" and
# "much": dropped too, news-dev lost an answer hit and EM@100w fell 0.454 -> 0.446 (reports/issue-13.md).
_ASKS_MEASURE = re.compile(r"\bhow (long|far|often|soon)\b", re.I)
# "How long did the blitz last?", "How many hours has it lasted?": "last" and "take" are part of that frame
_LASTS = re.compile(r"\bhow (?:long|many (?:" + _TIME_UNIT + r"))\b.*\b(last(?:s|ed)?|takes?|took)\W*$", re.I)


def measure_terms(question: str) -> set[str]:
    """The terms of the question's "how <measure>" phrases ("How long did the blitz last?" -> long): its frame."""
    found = [m.group(1) for m in _ASKS_MEASURE.finditer(question)] + [m.group(1) for m in _LASTS.finditer(question)]
    return {t for word in found for t in terms(word)}


@dataclass(frozen=True)
class AnswerType:
    """What one question asks for, worked out once and matched against many chunks and passages."""

    kind: str | None
    asked: frozenset[str]  # candidates the question itself names: they are not answers
    speakers: frozenset[str] = frozenset()  # whose statement a "what did X say" question asks for (speech.py)
    role: Holder | None = None  # the role a "who is the president of X" question asks the holder of (holder.py)
    words: bool = False  # a "how many" question: a count in words answers it too (counts.in_words)

    @classmethod
    def of(cls, question: str) -> AnswerType:
        kind = expected_type(question)
        if kind in _WORDED:
            return cls(kind, frozenset(), speakers(question), holder(question))
        if kind == "number" and asks_count(question):
            return cls(kind, frozenset(candidates(question, kind) | in_words(question)), words=True)
        found = candidates(question, kind) if kind else set()
        return cls(kind, frozenset(same_countries(found) if kind == "country" else found))

    def match(self, text: str, context: str = "") -> float:
        """1.0 when the text holds a candidate of the wanted kind that the question does not already name, or for
        a statement, has the asked speaker say something (a speaker asked by title, under the name `context`, the
        text's passage, writes after it: speech.titled)."""
        if self.kind is None:
            return 0.0
        if self.kind == "statement":
            return 1.0 if reports_speech(text, titled(self.speakers, context)) else 0.0
        if self.kind == "holder":
            held = self.role is not None and (self.role.held_in(text) or self.role.held_unnamed(text))
            return 1.0 if held else 0.0  # of a thing the text does not name: typed() reads its chunk
        if self.kind == "writer":
            return 1.0 if names_writer(text) else 0.0
        found = candidates(text, self.kind)
        if self.words:  # news spells small counts: "At least five tornadoes were confirmed"
            found |= in_words(text)
        return 1.0 if found - self.asked else 0.0


# What each kind of answer is called when no sentence gives one: "none of their sentences gives a year".
_KIND_NAMES = {
    "percent": "a share", "money": "a sum", "year": "a year", "month": "a month", "time": "a date or time",
    "length": "a length of time or distance", "distance": "a distance", "weight": "a weight", "frequency": "how often",
    "soon": "a time to come", "number": "a number", "age": "an age", "score": "a score", "tally": "a vote's tally",
    "us_state": "a US state", "country": "a country",
    "writer": "the name of a writer", "name": "a name",
}  # fmt: skip


def is_year(text: str) -> bool:
    """The text is a year as news writes one ("1979", "2025")."""
    return re.fullmatch(_PATTERNS["year"], text) is not None


def kind_name(question: str) -> str:
    """What the question's kind of answer is called ("a year", "anything Prigozhin said", "the name of the president
    of Ukraine", "a count"), for saying that no sentence gives one; "" when it asks for no kind."""
    kind = expected_type(question)
    if asks_count(question):
        return "a count"
    if kind == "statement":
        return f"anything {speaker(question)} said"
    if kind == "holder" and (role := holder(question)) is not None:
        typed = re.search(re.escape(role.role), question, re.I)  # as the question writes it: "CEO"
        return f"the name of the {typed.group(0) if typed else role.role}" + (f" of {role.of}" if role.of else "")
    return _KIND_NAMES.get(kind, "") if kind else ""
