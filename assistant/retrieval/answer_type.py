"""Answer types: a question that names what it wants (a state, a country, a year, a share, a time) is answered by
a passage holding such a thing that the question itself lacks.

A classic factoid-QA signal, cheap and model-free: the question's wh-phrase picks a type, and a regular
expression or a gazetteer of that type (answer_kinds.py) finds candidates in a passage.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.retrieval.answer_kinds import TIME_UNIT, candidates
from assistant.retrieval.counts import asks_count, in_words
from assistant.retrieval.gazetteer import same_countries
from assistant.retrieval.holder import Holder, holder
from assistant.retrieval.speech import reports_speech, speaker, speakers, titled
from assistant.retrieval.writer import asks_writer, names_writer
from newstext.terms import terms

# Kinds read from the question's wording (speech.py, holder.py) rather than found by a pattern in the passage.
_WORDED = frozenset({"statement", "holder", "writer"})
# Nouns for a person: "What is the name of the 4-year-old boy …?" asks for a person's name.
_PERSON = (
    r"(?:boy|girl|man|woman|person|child|baby|teen|teenager|student|suspect|victim|player|officer|driver|pilot"
    r"|doctor|nurse|candidate|winner|owner|coach|artist|author|singer|actor|actress|judge|mother|father|son"
    r"|daughter|husband|wife|founder|chef|worker|soldier|firefighter|teacher)s?"
)
# Those a story's hurt or rescued are called: "the ones they found", "the crew", "the injured"
_PERSON_OR_PEOPLE = _PERSON + r"|ones?|crew|crew members|survivors?|patients?|injured|hurt|people|kid|kids|family"
# A company's shares, not a thing named by them ("the stock buyback", "share options")
_SHARES = (
    r"(?:stock|stocks|shares|share price)\b(?!\s+(?:buybacks?|splits?|options?|offerings?|awards?|grants?|dividends?"
    r"|exchanges?|markets?|plans?|sales?|repurchases?)\b)"
)
# How someone died: "How did she die?", "What killed her?", "what did he die of", "what was the cause of death"; the
# first kind tried, so a question it matches asks nothing else (reasons.asks_how_died reads it alone).
ASKS_DEATH_CAUSE = re.compile(
    r"\bhow\s+(?:did|do|does)\s+(?:[\w’'-]+\s+){1,4}?die\b|\bwhat\s+killed\b"
    r"|\bwhat\s+did\s+(?:[\w’'-]+\s+){1,4}?die\s+(?:of|from)\b"
    r"|\bwhat\s+(?:was|is)\s+(?:the|his|her|their)\s+cause\s+of\s+(?:(?:his|her|their)\s+)?death\b",
    re.I,
)
# The wh-phrase that asks for each type, tried in this order (the first match wins).
_ASKS: list[tuple[str, str]] = [
    ("death_cause", ASKS_DEATH_CAUSE.pattern),
    ("name", r"\bwhat (?:is|was|are|were|'s|’s) (?:his|her|their|its|the \w+(?:'s|’s)) "
             r"(?:full |first |last )?names?\b"
             r"|\bwhat (?:is|was) the (?:full )?name of (?:the|a|an|this|that) (?:[\w-]+ ){0,3}" + _PERSON + r"\b"
             # what a thing is called: "what's the fire called" ("The Cinder Ridge Fire was first reported …")
             r"|\bwhat(?:'s|’s| is| was) (?:the|this|that|it|its) (?:[\w-]+ ){0,2}called\W*$"),
    ("percent", r"\b(?:what|which) (?:percentage|percent|share|proportion|fraction)\b|\bhow many percent\b"
                r"|\bhow much of\b"),
    # a weight: "How much does the painting weigh?", "How heavy is it?", "What is its weight?" (not its worth), "how
    # much weight did the walkers lose"
    ("weight", r"\bhow much (?:[\w’'-]+ ){1,6}?(?:weigh|weighs|weighed)\b|\bhow heavy\b"
               r"|\bhow (?:much|many) (?:weight|pounds)\b"
               r"|\bwhat (?:is|was) (?:the|its|his|her|their|[\w.-]+(?:'s|’s)) weight\b"),
    # a margin, "by how many votes": the lead a vote was won by ("… widened her lead to 23 votes"), not the two counts
    # it is the difference of (a game's points are left to "number": its score answers too)
    ("tally", r"\bby how many (?:votes|seats|ballots|delegates)\b"
              r"|\bhow many (?:votes|seats|ballots) did (?:[\w’'.-]+ ){1,3}?(?:win|lose|lead)"
              r" (?:[\w’'.-]+ ){0,3}?by\b"),
    # "How much" asks a sum, but for a difference or a change ("By how much did Kiprono break the record?", "How much
    # will taxes go up?"): a figure of any kind ("by 40 seconds", "by 3 percent").
    ("number", r"\bby how much\b(?! money)|\bhow much (?:[\w’'-]+ ){1,6}?(?:go up|goes up|went up|going up"
               r"|gone up|go down|goes down|went down|going down|rise|rises|rose|risen|rising|fall|falls|fell|fallen"
               r"|falling|drop|drops|dropped|dropping|increasing|decreasing|growing|climbing|jumping|declining"
               r"|increase|increased|decrease|decreased|grow|grows|grew|grown|shrink|shrank|climb|climbed|jump"
               r"|jumped|decline|declined)\b"),
    ("money", r"\bhow much (?:[\w-]+ ){0,2}money\b"  # "How much climate money did Carney propose?"
              r"|\bhow much (?:did|does|do|will|would|was|is|has|have|had)\b|\bwhat (?:price|amount|sum|fine)\b"
              r"|\bwhat (?:is|was|are|were|will be) the (?:price|cost|amount|sum|fine|budget|salary)s?\b(?! of living)"
              # a person's pay: "whats vasko's salary as mayor", "what is her salary"
              r"|\bwhat(?:'s|’s| is| was| are| were) (?:his |her |their |[\w.-]+(?:'s|’s) )(?:annual |yearly )?"
              r"(?:salary|pay|wage|wages|paycheck)\b"
              r"|\bwhat (?:did|does|do|will|would) [^?]*\bcosts?\s*\??\s*$"
              # a company's takings: "whats the revenue", "What were Halcyra's quarterly sales?"
              r"|\bwhat(?:'s|’s| is| was| are| were| will be) (?:the |their |its |(?:[\w.-]+ ){0,2}[\w.-]+(?:'s|’s) )?"
              r"(?:(?:quarterly|annual|yearly|net|total|operating|full-year) )?(?:revenues?|sales|profits?|earnings"
              r"|income|losses?)\b(?! (?:forecast|outlook|guidance|growth|rank|tax)\b)"),
    ("year", r"\b(?:what|which) year\b"),
    ("month", r"\b(?:what|which) month\b"),
    # "When did ...?" opening the question (not "... when he entered hospice"), "on what date/day", "what time …?"
    ("time", r"(?:^|[.?!]\s+)when\b|\b(?:what|which) (?:date|day)\b|\bwhat time (?:is|was|will|does|did|do|can)\b"),
    # "What was Tadesse's time?", "What was the winning time?": a race's time, how long it took
    ("length", r"\bhow long\b|\bwhat (?:is|was) (?:[\w.-]+(?:'s|’s)|his|her|their) (?:winning |finishing )?time\b"
               r"|\bwhat (?:is|was) the (?:winning|finishing|record) time\b"),
    ("distance", r"\bhow (?:far|close)\b"),  # "how close did they drill to it": "within about three feet of the main"
    ("frequency", r"\bhow often\b"),
    ("soon", r"\bhow soon\b"),
    ("age", r"\bhow old\b|\b(?:what|which) age\b|\bwhat (?:is|was) (?:the |his |her |their |[\w.-]+(?:'s|’s) )?age\b"),
    # a court's sentence: "what sentence did travis maddox get", "What was she sentenced to?" (not "when is he
    # sentenced", nor "How long was he sentenced to?", a length)
    ("penalty", r"\bhow much (?:prison|jail) time\b"  # "how much prison time is he looking at"
                r"|\bwhat (?:(?:kind of |prison |jail )?sentences?|punishment|penalty|prison term|jail term)\b"
                r"(?! (?:hearing|date)\b)|\bsentenced to what\b|\bwhat (?:was|is|were|did|will) [^?]{0,40}"
                r"\bsentenced to\b"),
    # what someone is charged with: "what is the mayor accused of", "whats he charged with", "what charges does he
    # face", "which crimes" (not "who was charged", nor "how many counts")
    ("charge", r"\bwhat(?:'s|’s)? (?:is|was|are|were|has|have|had|did|does|do|will)? ?[^?]{0,40}?\b(?:accused of"
               r"|charged with|indicted (?:on|for)|convicted of|acquitted of)\s*\??\s*(?:\([^()]*\)\s*)?$"
               r"|\b(?:what|which) (?:criminal )?(?:charges?|counts|crimes?|offen[cs]es?)\b"),
    # how someone hurt, lost or rescued is: "is she ok", "how are the ones they found doing", "what's his condition"
    ("condition", r"\b(?:is|are|was|were) (?:he|she|they|the (?:[\w-]+ ){0,3}(?:" + _PERSON_OR_PEOPLE + r"))"
                  r" (?:all |both )?(?:ok|okay|alright|all right|safe|alive|hurt|injured|recovering)\b"
                  r"|\bhow(?:'s|’s| is| are| was| were) (?:he|she|they|the (?:[\w-]+ ){0,6}?(?:" + _PERSON_OR_PEOPLE
                  + r")(?: [\w’'-]+){0,6}?) (?:doing|holding up|recovering)\b"
                  # not how a player or a company is doing in a season: "hows he doing this season" asks his stats
                  r"(?! (?:this|so far|in the|on the|at the|lately)\b)"
                  r"|\bwhat(?:'s|’s| is| was| are| were) (?:his|her|their|the (?:[\w-]+ ){0,3}"
                  r"(?:" + _PERSON_OR_PEOPLE + r")(?:'s|’s|s’)?) (?:medical )?conditions?\b"),
    # what to do: "i have one on my counter, what do i do", "What should I do if I bought it?", "how do i keep my kids
    # from catching the stomach bug"
    ("advice", r"\bwhat (?:do|should|can|must) (?:i|we|you|they|people|(?:[\w-]+ ){0,2}(?:owners|consumers|customers"
               r"|parents|residents|families|travelers|passengers|patients)) do\b|\bwhat to do\b"
               r"|\bhow (?:do|can|should) (?:i|we|you) (?:keep|protect|avoid|prevent|stay)\b"),
    # how a company's shares moved: "howd the stock react", "what did the stock do after the report", "what happened
    # to the stock after" ("Shares of the company fell 14% in extended trading …")
    ("market", r"\b(?:how(?!\s+(?:many|much)\b)|what)\b[^?]{0,30}?\b" + _SHARES + r"[^?]{0,20}?\b(?:react|reacted"
               r"|do|did|does|doing|move|moved|moving|respond|responded|fare|fared)\b"
               r"|\bwhat(?:'s|’s| has| had)? happen(?:ed|s|ing)? (?:to|with) (?:the |its |their |[\w.-]+(?:'s|’s) )?"
               + _SHARES + r"|\b(?:stock|market)(?:'s|’s)? reaction\b"),
    # a size: "how big is the ridgeback fire rn", "How large is the recall?", "What size is the new wing?"
    ("size", r"\bhow (?:big|large|huge|widespread)\b|\bwhat(?:'s|’s| is| was)? (?:the )?size\b"
             r"|\bhow much (?:land|ground|area|territory)\b"),
    # a height: "how tall is okoro" (a figure in feet or meters, not any number)
    ("height", r"\bhow tall\b|\bwhat(?:'s|’s| is| was) (?:the |its |his |her |their )?(?:[\w.-]+(?:'s|’s) )?height\b"),
    ("number", r"\bhow (?:many|much|tall|high)\b|\b(?:what|which) number\b"),
    ("score", r"\b(?:what|which) (?:was|is|were|will be) the (?:final |half-time |halftime )?score\b"
              r"|\b(?:by )?what score\b"),
    # a team's record: "What's their record?", "what is Ashgrove's record this season" (not "a record crowd")
    ("record", r"\bwhat(?:'s|’s| is| was| are| were) (?:the |their |its |his |her "
               r"|(?:[\w.-]+ ){0,3}[\w.-]+(?:'s|’s) )?"
               r"(?:(?:season|overall|final|current|win-loss|won-lost|conference) )?record"
               r"\b(?! (?:time|crowd|high|low))"),
    ("tally", r"\bwhat (?:was|is|were) the (?:final |vote )?(?:vote|tally|margin)\b|\bwhat margin\b"
              r"|\bby (?:what|how (?:much|wide|big)(?: a)?) (?:margin|vote)\b|\bhow did the vote go\b"),
    ("us_state", r"\b(?:what|which) (?:u\.?s\.? |us |american )?states?\b"),
    ("country", r"\b(?:what|which) (?:\w+ )?(?:country|countries|nations?)\b|\bof which countr(?:y|ies)\b"),
]
_QUESTIONS = [(name, re.compile(pattern, re.I)) for name, pattern in _ASKS]


# A follow-up goes on from the last with a conjunction before its question word: "and when will it be fully open",
# "so where did it happen".
_GOES_ON = re.compile(r"^\W*(?:and|so|but|then|also|ok|okay)\b[\s,]*", re.I)


def expected_type(question: str) -> str | None:
    """The kind of answer the question asks for, when its wording says so; None for open questions."""
    question = _GOES_ON.sub("", question, count=1)
    for name, pattern in _QUESTIONS:
        if pattern.search(question):
            return name
    if holder(question):
        return "holder"
    if asks_writer(question):
        return "writer"
    return "statement" if speakers(question) else None


# "How long / far / often / soon ...?" asks for a measure: the word after "how" says what kind of answer is wanted,
# which a passage gives as a figure ("a 72-hour blitz", "40 miles from"), not a term of the topic it should share.
# Not "old", "tall" or "high": news states those with the figure ("a 37-year-old", "6 feet tall"); nor "many" and
# "much": dropped too, news-dev lost an answer hit and EM@100w fell 0.454 -> 0.446 (reports/issue-13.md).
_ASKS_MEASURE = re.compile(r"\bhow (long|far|often|soon)\b", re.I)
# "How long did the blitz last?", "How many hours has it lasted?": "last" and "take" are part of that frame
_LASTS = re.compile(r"\bhow (?:long|many (?:" + TIME_UNIT + r"))\b.*\b(last(?:s|ed)?|takes?|took)\W*$", re.I)


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
    "length": "a length of time or distance", "distance": "a distance", "weight": "a weight", "height": "a height",
    "size": "a size",
    "penalty": "a court's sentence", "charge": "a charge", "death_cause": "a cause of death", "advice": "what to do",
    "market": "how the shares moved",
    "condition": "how they are", "frequency": "how often", "soon": "a time to come", "number": "a number",
    "age": "an age", "score": "a score",
    "record": "a record of wins and losses", "tally": "a vote's tally",
    "us_state": "a US state", "country": "a country",
    "writer": "the name of a writer", "name": "a name",
}  # fmt: skip


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
