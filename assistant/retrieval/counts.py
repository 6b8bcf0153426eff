"""Counts: what answers a "how many" question. A figure or a number word that counts (not a date, a year, a clock
time, an age, a share or an ordinal), and, when the question says what it counts, only a figure counting that.

Model-free, like the answer kinds (answer_type.py): news states counts in a few shapes ("171 planes", "a 72-hour
blitz", "At least five tornadoes", "2.5 million migrant encounters").
"""

from __future__ import annotations

import re

from assistant.retrieval.gazetteer import COUNTRIES, MONTH_ABBREVIATIONS, MONTHS, US_STATES, same_countries
from assistant.retrieval.rewrite import asked_part
from newstext.terms import STOPWORDS, readings, terms

# What answers "how many": a figure that counts (not a date, a year, a clock time, an age, a share or an
# ordinal, nor one of a pair: a score or a range, "a 3-0 match", "2023-24", nor a name's: "401(k)") or a number
# word. "one" is left out: "one of the few" counts nothing.
_DAY = re.compile(r"\b(?-i:" + "|".join([*sorted(MONTHS), *MONTH_ABBREVIATIONS]) + r")\.? \d{1,2}\b")
NUMBER_WORDS = (
    r"two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen"
    r"|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|millions?"
    r"|billions?|dozens?"
)
_COUNT = re.compile(
    r"(?<![\d/:.,$£€–-])\b(?!(?:1[5-9]|20)\d\d\b)\d[\d,]*(?:\.\d+)?(?![\d/:(]|[-–]\d|-year|\s?(?:st|nd|rd|th)\b|\s?%)"
    r"|\b(?:" + NUMBER_WORDS + r"|twice|thrice)\b",
    re.I,
)
# Counts that say only how large ("thousands of flights"): a sentence holding one still answers a "how many"
# question (a count), but is not weighed as holding the figure it asks for (in_words).
_VAGUE = frozenset({"hundreds", "thousands", "millions", "billions", "dozens"})
# "How many ...?", and the nouns that are a count themselves: "What is the population of Rostov?" is answered by a
# figure, not by a sentence naming Rostov.
_COUNT_NOUNS = r"population|death toll|toll|number|headcount|head count|tally|turnout|attendance"
_ASKS_COUNT = re.compile(
    r"\bhow many\b|\bwhat (?:is|was|are|were|will be) the (?:current |latest |total |estimated )?(?:" + _COUNT_NOUNS
    + r")\b(?! (?:one|two|three)\b)", re.I,
)  # fmt: skip
# A figure joined to a noun ("a 72-hour blitz", "a 10-year deal", "a two-term senator") measures that noun: it
# counts hours, not drones. A number word joined to another ("Twenty-one states") is one figure.
_MEASURE = re.compile(r"\b(?:\d[\d,.]*|" + NUMBER_WORDS + r")-(?!(?:one|" + NUMBER_WORDS + r")\b)([a-z]+)\b", re.I)
# A figure before a noun ("20 payloads", "about 10 days", "four occupied oblasts") counts that noun, not the legs a
# question asks about; "million" and the like are part of the figure ("2.5 million migrant encounters").
_BEFORE_NOUN = re.compile(
    r"(?<![-–])\b(\d[\d,.]*|" + NUMBER_WORDS + r")((?:\s(?:hundred|thousand|million|billion|trillion))?)"
    r"\s([A-Za-z][A-Za-z-]*)(?:\s([A-Za-z][A-Za-z-]*))?",
    re.I,
)


# A count of a general noun answers a question counting one of its kinds, and the other way round: "How many people
# …?" is answered by "forced about 3,000 residents to leave", "How many employees …?" by "employs about 2,400
# people", "How many cars …?" by "carries about 40,000 vehicles a day" (never one kind by another: students are
# no soldiers).
_KINDS = {
    "people person persons": "residents civilians passengers workers employees students children adults soldiers"
    " troops migrants voters fans runners patients victims tourists visitors villagers inhabitants members customers"
    " households families",
    "vehicles": "cars trucks buses motorcycles vans",
    # jobs are counted by the people holding them: "will lay off about 600 employees" for "How many jobs …?"
    "jobs positions": "employees workers staff staffers",
}
_FAMILIES = [(frozenset(terms(general)), frozenset(terms(kinds))) for general, kinds in _KINDS.items()]


def _counted(counted: str) -> set[str]:
    """The terms a count must stand before: the counted words', any of their kinds' for a general noun ("people"),
    the general noun's for one of its kinds (counts_noun still ranks "62 people" above "55 passengers" for "How
    many people died?")."""
    wanted = set(terms(counted))
    for general, kinds in _FAMILIES:
        wanted |= kinds if wanted & general else general if wanted & kinds else set()
    return wanted


# A sum of money counts nothing: "$3.4 billion in cash" answers no "How many employees …?".
_MONEY = re.compile(r"[$£€]\s?\d[\d,.]*(?:\s(?:hundred|thousand|million|billion|trillion)\b)?", re.I)


# A figure after a name the dictionary does not know is part of that name, a model's or a flight's ("the Boeing
# 737-800", "Flight FZ981"): it counts nothing, where "Nearly 5,000 flights" does.
_NAMED_NUMBER = re.compile(r"\b([A-Z][A-Za-z]+) \d[\d,.]*(?:-\d+)?\b")


# The first figure of a range counts what its last does ("add 10 to 15 minutes", "between 20 and 30 people"); a
# tally's or a score's figures stand alone ("voted 5 to 2", "won 3 to 1 on Sunday").
_FIGURE = r"(?:\d[\d,.]*|" + NUMBER_WORDS + r")"
_RANGE = re.compile(r"\b" + _FIGURE + r"\s+(?:to|or|and)\s+(" + _FIGURE + r")\s+([A-Za-z]+)", re.I)


def _range_start_dropped(match: re.Match[str]) -> str:
    """A range's last figure and the noun it counts, without its first figure; a tally or a score as it is."""
    return match.group(0) if match.group(2).lower() in STOPWORDS else f" {match.group(1)} {match.group(2)}"


# "the only person on board" counts one person, said of a noun the question counts.
_ONLY = re.compile(r"\b(?:the|its|their) (?:only|sole) ([A-Za-z][A-Za-z-]*)", re.I)


def counts(text: str, counted: str = "") -> set[str]:
    """The counts in a text, lower-cased: what a "how many" question is answered with. A figure joined to a noun
    ("a 72-hour blitz"), or standing before one ("20 payloads"), counts only that noun: with `counted` given (the
    question's counted_noun), only where the noun is one of its words; one after an unknown name ("Boeing 737")
    counts nothing; "the only <noun>" counts one of a counted noun."""
    wanted = _counted(counted)
    only = {"one" for m in _ONLY.finditer(text) if wanted & _counted(m.group(1))}
    text = _RANGE.sub(_range_start_dropped, _MONEY.sub(" ", text))
    text = _NAMED_NUMBER.sub(lambda m: m.group(0) if readings(m.group(1).lower()) else " ", text)
    text = _MEASURE.sub(lambda m: m.group(0) if wanted & set(terms(m.group(1))) else " ", text)
    if wanted:
        text = _BEFORE_NOUN.sub(lambda m: m.group(0) if _counts_wanted(m.group(3), m.group(4), wanted) else " ", text)
    return only | {m.lower() for m in _COUNT.findall(_DAY.sub(" ", text))}


def counts_noun(text: str, counted: str) -> int:
    """How many of the counted noun's words the figure standing before them names, at best ("11 federal holidays":
    2, "three holidays": 1); 0 when every figure stands alone ("two of the state trigger bans"). A figure before the
    counted noun itself is the surest answer to "How many federal holidays …?". A verb the counted words run into
    ("How many people died …?" counts "people died") is no part of the noun. A name in the counted words must be in
    the text too: "How many Rite Aid stores …?" is not answered by Walgreens' "300 stores"."""
    words = counted.split()
    if any(w[:1].isupper() and not re.search(r"\b" + re.escape(w) + r"\b", text) for w in words):
        return 0
    wanted = set(terms(" ".join(w for w in words if set(readings(w.lower())) != {"VERB"})))
    named = (
        len(wanted & set(terms(f"{m.group(3)} {m.group(4) or ''}")))
        for m in _BEFORE_NOUN.finditer(text)
        if _COUNT.fullmatch(m.group(1))
        and (wanted & set(terms(m.group(3))) or _describes(m.group(3), m.group(4), wanted))
    )
    return max(named, default=0)


def counts_head(text: str, counted: str) -> bool:
    """A figure stands before the counted noun's head, or one of its kinds, or before a word describing it ("24,100
    residents" for "how many people", "three quarter-point cuts" for "how many rate cuts"); not before another noun
    sharing a word with it ("10 rate hike cycles"), nor alone ("14.3%")."""
    head = counted.split()[-1:] if counted else []
    wanted = _counted(" ".join(head))
    return bool(wanted) and any(
        wanted & set(terms(m.group(3))) or _describes(m.group(3), m.group(4), wanted)
        for m in _BEFORE_NOUN.finditer(_MONEY.sub(" ", text))
        if _COUNT.fullmatch(m.group(1))
    )


def _describes(word: str, after: str | None, wanted: set[str]) -> bool:
    """The word between a figure and the counted noun describes it: a name ("six US states", "three Democratic
    senators"), a word that is no noun ("four occupied oblasts") or one that makes one noun with it ("40 internet
    satellites")."""
    if after is None or not wanted & set(terms(after)):
        return False
    if word[:1].isupper() or _compound(word):
        return True
    return word not in STOPWORDS and bool(readings(word))


def _counts_wanted(word: str, after: str | None, wanted: set[str]) -> bool:
    """A figure before this word counts what is wanted: the word is one of those, or no noun ("300 were killed");
    a word the dictionary does not know (a name) is taken for a noun. A word that is no noun before another word
    of content describes that one ("four occupied oblasts"), which decides."""
    if wanted & set(terms(word)):
        return True
    low = word.lower()
    if low in STOPWORDS:
        return True
    if _compound(word):  # "three quarter-point cuts": a compound of lower-case words describes the noun after it
        return after is not None and _counts_wanted(after, None, wanted)
    found = readings(low)
    if word.islower() and found and after is not None and wanted & set(terms(after)):
        return True  # a noun before the wanted one makes one noun with it: "40 internet satellites"
    if not found or "NOUN" in found:
        return False  # a name, or a noun other than the wanted
    return after is None or after.lower() in STOPWORDS or _counts_wanted(after, None, wanted)


def _compound(word: str) -> bool:
    """A hyphenated compound of lower-case words ("quarter-point", "full-time"), which the dictionary does not
    know but is no name."""
    return "-" in word.strip("-") and word.islower()


def counted_noun(question: str) -> str:
    """What a "how many" question counts: its words after "how many" up to the first stop word ("How many Delaware
    high schools were there?" -> "Delaware high schools"), or "" when it asks for no count."""
    m = _ASKS_COUNT.search(question)
    if not m or not m.group(0).lower().startswith("how"):
        return ""  # a count noun ("the population of") says what is counted, not a noun a figure stands before
    words = []
    for word in re.findall(r"[\w’'-]+", question[m.end() :]):
        if word.lower() in STOPWORDS:
            break
        words.append(word)
    return " ".join(words)


# A figure of a unit measures time, space, weight, heat or land: it counts no thing ("had taken off about 10 minutes
# earlier" says nothing of "How many people were on the plane?").
_UNITS = re.compile(
    r"\b(?:\d[\d,.]*|" + NUMBER_WORDS + r")\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?"
    r"|miles?|kilometers?|kilometres?|feet|foot|inches|yards?|meters?|metres?|pounds?|tons?|ounces?|grams?"
    r"|kilograms?|degrees?|acres?|gallons?|cents?|percent)\b",
    re.I,
)


def things_counted(text: str) -> set[str]:
    """counts() of any noun but a unit's measures: a count of things a question of another noun may be answered
    with where its sentence says what is asked ("90,000 homes and businesses without power")."""
    return counts(_UNITS.sub(" ", text))


def asks_count(question: str) -> bool:
    """A "how many" question: answered only by a count the question does not already give."""
    return bool(_ASKS_COUNT.search(question))


def counted_in(question: str) -> str:
    """The US state or country a count question asks the count in, as the user wrote it ("how many of those are in
    Iowa" -> Iowa): a count of another place, or of the whole, does not answer it; "" when it names none."""
    if not asks_count(question):
        return ""
    places = (m.group(1) for m in _IN_PLACE.finditer(asked_part(question)))
    return next((p for p in places if p in US_STATES or p in COUNTRIES), "")


_IN_PLACE = re.compile(r"\bin\s+(?:the\s+)?([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\b")


def names_place(text: str, place: str) -> bool:
    """The text names the place, a country by any of its names ("the U.S." for the United States; a short one only
    in capitals: "us" is no country)."""
    for name in same_countries({place}):
        short = len(name.replace(".", "")) <= 3
        written = re.escape(name.upper() if short else name)
        if re.search(rf"(?<![\w.]){written}(?!\w)", text, 0 if short else re.I):
            return True
    return False


def in_words(text: str) -> set[str]:
    """The counts a text gives in words ("At least five tornadoes"), as news writes small ones, but not those saying
    only how large ("thousands of flights")."""
    return {c for c in counts(text) if c.isalpha()} - _VAGUE


# A relative clause told of a name: ", which …" or ", who …" after a run of words in capitals, up to the clause's
# closing comma or the sentence's end ("… since the 2019 Pell Creek Fire, which burned about 11,000 acres and
# destroyed 23 homes.")
_OF_NAME = re.compile(r"((?:[A-Z][\w’'-]*\s+)*[A-Z][\w’'-]*),\s+(?:which|who)\b(?:[^,;]|,(?=\d))*")


def others_told(text: str, names: set[str]) -> str:
    """The text without the relative clauses it tells of a name holding a word the question does not (`names`, its
    words lower case): their figures are that name's ("… the largest since the 2019 Pell Creek Fire, which …
    destroyed 23 homes" gives no count of the Keller Ridge Fire's homes)."""
    def kept(m: re.Match[str]) -> str:
        words = {w.lower().removesuffix("’s").removesuffix("'s") for w in m.group(1).split()}
        return m.group(1) if words - names - STOPWORDS else m.group(0)

    return _OF_NAME.sub(kept, text)
