"""What each kind of answer looks like in a passage: a pattern (a date, a share, a score, an age) or a gazetteer
(a country, a US state, a month) that finds the candidates of that kind in a text.

The passage side of answer types (answer_type.py reads which kind a question asks for).
"""

from __future__ import annotations

import re
from functools import lru_cache

from assistant.retrieval.gazetteer import ABBREVIATED_DAY, COUNTRIES, MONTHS, US_STATES, WEEKDAYS
from newstext.sentences import OPENERS

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
    # a time told by a term served: "He will not be eligible for parole until he has served at least 30 years"
    r"|\b(?:until|after|once) (?:he|she|they) (?:has |have )?(?:served|spent|completed) (?:at least |about |nearly )?"
    r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|[a-z]+ty(?:-[a-z]+)?) (?:years?|months?)\b"
)
# How long, how far, how often: a figure with its unit. "How long" asks for a time or a length ("How long was the
# jawbone?"), and "since 2014" says how long too.
# Not "a", "one" or "many": "one day, the name ... would move across the lips of a prosecutor" measures nothing.
_AMOUNT = (
    r"(?:\d[\d,.]*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty"
    r"|sixty|hundreds of|thousands of|several|a few)"
)
TIME_UNIT = r"seconds?|nights?|" + _UNIT
# A score or tally as two figures ("84-82", "5–4"), not a range's or a date's ("1/5", "2-1.5"): the answer kind's, and
# the one number a question's score is for the constraint check (answer.constraints).
SCORE_PAIR = r"\d{1,3} ?[-–] ?\d{1,3}\b(?![-–/.,]?\d)"
_WEIGHT_UNIT = r"pounds?|lbs?|kilograms?|kilos?|kg|tons?|tonnes?|ounces?|oz|grams?"
_SPACE_UNIT = r"miles?|kilometers?|kilometres?|km|meters?|metres?|feet|foot|ft|yards?|inches|inch|centimeters?|cm"
_AREA_UNIT = (
    r"acres?|hectares?|square[\s-](?:miles?|kilometers?|kilometres?|feet|foot|meters?|metres?|yards?)"
    r"|sq\.? ?(?:mi|ft|km|m)\b\.?|km2|km²"
)
# How someone hurt is: "in stable condition", "was treated and released", "is expected to recover" (not an injury
# or a death: "found dead fish", "cold enough to cause hypothermia" tell of no one's state)
_HEALTH = (
    r"\b(?:stable|serious|critical|good|fair|grave|satisfactory|guarded) (?:but stable )?condition\b"
    r"|\b(?:recovering|hospitali[sz]ed|released from|treated and released|treated for|expected to (?:fully )?"
    r"(?:recover|survive)|(?:non-)?life-threatening|unhurt|uninjured|unharmed|in good health|in good spirits)\b"
)
# Whether someone is safe: "were rescued …, but the boat's captain remained missing"
_SAFETY = r"\b(?:rescued|found alive|survived|(?:remains?|remained|is still|are still|still) missing)\b"
# An area, what "how big" asks of a fire, a flood or a site first: "had burned 8,400 acres", "a 40-square-mile zone"
_AREA = r"\b" + _AMOUNT + r"[\s-](?:" + _AREA_UNIT + r")"
_PATTERNS: dict[str, str] = {
    # ("three years ago" says when, not how long; "an 11-year-old girl" how old)
    "length": r"\b" + _AMOUNT + r"[\s-](?:" + TIME_UNIT + "|" + _SPACE_UNIT + r")\b"
    # not a time said from another ("two years ago", "three years and four months later") nor an age
    r"(?!(?: and " + _AMOUNT + r" (?:" + TIME_UNIT + r"))? (?:ago|earlier|before|later)\b|[\s-]old\b)"
    r"|\bsince (?:1[5-9]|20)\d\d\b"
    # a span after "for", whatever follows: "deliberated for about five hours before returning the verdict"
    r"|\bfor (?:about |nearly |almost |roughly |around |more than |less than |over |under |at least |up to )?"
    + _AMOUNT + r"[\s-](?:" + TIME_UNIT + r")\b"
    r"|\b\d{1,2}:\d\d:\d\d\b|\b\d{1,2}:\d\d\.\d{1,2}\b"  # a race's time: "in 2:21:45", "in 1:43.25"
    # one unit, said as a span: "sentenced to about a year probation", "for a decade" (not "a year later")
    r"|\b(?:about|nearly|almost|roughly|around|more than|less than|under|over|at least|up to|for|half) an? (?:"
    + TIME_UNIT + r")\b(?! (?:ago|earlier|before|later|after)\b)",
    "distance": r"\b" + _AMOUNT + r"[\s-](?:" + _SPACE_UNIT + r")\b",
    "weight": r"\b" + _AMOUNT + r"[\s-](?:" + _WEIGHT_UNIT + r")\b",
    # a height, as news writes a person's: "the 6-foot-2 guard", "6 feet 2 inches", "6'2\"", "1.88 meters"
    "height": r"\b(?:\d|five|six|seven)[\s-](?:foot|feet)(?:[\s-]\d{1,2}(?:[\s-]inch(?:es)?)?)?\b"
    r"|\b\d[’']\s?\d{1,2}[\"”]|\b\d+(?:\.\d+)?[\s-](?:centimeters?|centimetres?|cm|meters?|metres?|inches|inch)\b",
    "area": _AREA,
    # how someone hurt or rescued is: their health, or whether they are safe at all
    "condition": _HEALTH + "|" + _SAFETY,
    # what to do, as news tells its readers: "Consumers should immediately stop using the recalled air fryers",
    # "Brenner urged families to wash hands …" (not "should have": a reproach, or what is expected)
    "advice": r"\bshould\s+(?:not\s+|immediately\s+|also\s+|still\s+|first\s+)?(?!have\b|be\b)[a-z]{2,}"
    r"|\b(?:urged|urges|urging|advised|advises|encouraged|encourages|instructed|warned|warns)\s+(?:[\w’'-]+\s+){1,6}?"
    r"(?:not\s+)?to\s+[a-z]{2,}",
    # a company's shares moving: "Shares of the company fell 14% in extended trading", "The stock closed up 1.2%"
    "market": r"\b(?:shares|stock|share price|stock price)\b[^.;]{0,90}?\b(?:fell|rose|dropped|drops|jumped|jumps"
    r"|climbed|climbs|slid|slides|sank|sinks|tumbled|tumbles|plunged|plunges|soared|soars|surged|surges|gained|gains"
    r"|lost|loses|declined|declines|rallied|rallies|slumped|slumps|sagged|(?:was|were|closed|ended|traded) (?:up|down"
    r"|higher|lower))\b[^.;]{0,40}?(?:\d[\d.,]*\s?(?:%|percent\b|cents?\b)|\$\s?\d)",
    "health": _HEALTH,
    # a death's cause: "the cause was complications of pneumonia", "died of cancer", "died at Tillbury Memorial
    # Hospital from complications of pneumonia" (not "died at the age of 88"), "The county coroner attributed his
    # death to carbon monoxide poisoning"
    "death_cause": r"\b(?:the cause (?:of (?:death|(?:his|her|their) death(?:s)?) )?(?:was|is|had been)|cause of death"
    r"|died (?:of|from)|died(?:\s+[\w’'-]+){1,6}?\s+from|succumbed to"
    r"|(?:attributed|blamed) (?:his|her|their|the) deaths? (?:on|to)"
    r"|deaths? (?:was|were) (?:caused by|due to|attributed to|blamed on|ruled))\b",
    # a court's sentence: "was sentenced Monday to 38 years in prison", "life without parole", "three years'
    # probation", "a $5,000 fine", "sentenced to death", "time served"
    "penalty": r"\b" + _AMOUNT + r"[\s-](?:years?|months?|days?|weeks?)(?:['’])?[\s-](?:in (?:prison|jail)|behind bars"
    r"|(?:of )?(?:probation|prison|jail|house arrest|community service|supervised release))\b"
    r"|\b(?:serve|serves|serving|spend|spends|spending)\b (?:at least |up to |a total of )?" + _AMOUNT
    + r"[\s-](?:years?|months?)\b(?! (?:before|until|ago)\b)"
    r"|\bsentenced\b[^.;:]{0,30}?\bto\b[^.;:]{0,12}?\b(?:" + _AMOUNT + r"|life|death|probation|time served)\b"
    r"|\blife (?:in prison|sentences?|without (?:the )?(?:possibility of )?parole)\b|\bdeath (?:sentence|penalty)\b"
    r"|\b(?:fined|a fine of)\b|[$£€¥]\s?" + _NUMBER + r" fine\b|\btime served\b",
    # what someone is charged with: "was indicted … on one count of bribery", "charged with reckless homicide",
    # "pleaded not guilty to two counts of …", "accused of embezzling …", "faces charges of fraud"
    "charge": r"\b(?:charged|indicted|accused|convicted|acquitted|cleared) (?:[\w’'.-]+ ){0,6}?(?:with|of|on) "
    r"|\b(?:counts?|charges?) of\b|\bpleaded (?:not )?guilty (?:[\w’'.-]+ ){0,3}?to\b",
    # "How big …?": an area, a sum ("How big is the settlement?") or a count of something ("How big was the crowd?":
    # "about 5,000 people"), not a share ("15% contained") nor an hour ("6 p.m.")
    "size": _AREA + r"|[$£€¥]\s?\d|\b\d[\d,.]*(?:\s(?:million|billion))?\s(?!percent\b)[a-z]{3,}\b",
    "frequency": r"\bevery\b|\b(?:daily|weekly|monthly|yearly|annually|hourly|nightly)\b"
    r"|\b(?:once|twice|thrice|\w+ times) (?:a|an|per|each)\b|\b(?:a|per) (?:day|week|month|year)\b",
    # "How soon ...?": a time to come ("next year", "by March", "by the end of the year") or a span from now
    # ("within weeks", "in two months"); not a past time ("in 2014", "earlier this year")
    "soon": r"\b(?:next|coming) (?:week|weekend|month|year|spring|summer|fall|autumn|winter)\b"
    r"|\bby (?:the end of )?(?:(?:the|this|next) )?(?:(?-i:" + "|".join(sorted(MONTHS)) + r")|(?:19|20)\d\d|week"
    r"|month|year|spring|summer|fall|autumn|winter)\b|\b(?:within|in|after) (?:(?:a|an|the next|the coming|"
    + _AMOUNT + r")\s)?(?:" + TIME_UNIT + r")\b",
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
    # a team's record of wins and losses, "What's their record?": "finished the season 28-2", "Port Adair (25-4)",
    # "improved to 11-1", "a 20-5 record" (not a game's score: "won 58-55")
    "record": r"\((?:\d{1,3} ?[-–] ?\d{1,3})(?:,[^)]{1,20})?\)"
    r"|\b(?:finished|finishes|finish|improved|improves|improve|fell|falls|dropped|drops|moved|moves|went|goes"
    r"|stands|stand|sits|sit)\b (?:the (?:regular )?(?:season|year) |to |at )?(?<![\d/.-])" + SCORE_PAIR
    + r"|(?<![\d/.-])\b" + SCORE_PAIR
    + r"(?= (?:overall |season |conference |league |regular-season )?(?:record|mark)\b)",
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
    r"|\b(?:born|built|opened|founded|established|constructed|completed|erected|installed|laid) in (?:1[5-9]|20)\d\d\b"
    r"|\b(?:\d{3,}|\d{1,3},\d{3}|\d[\d.]*\s(?:hundred|thousand|million|billion))[\s-]years?[\s-](?:old|ago)\b",
    # how a vote went: "The final vote was 217-213", "by a vote of 352 to 65", "won by 30 points", "unanimously"
    # (a pair of figures told as a vote's, not a date range's: "Jan. 7-12")
    "tally": r"\b(?:vote|votes|voted|passed|approved|rejected|ruled|ruling|decision|margin|tally)\b[^.;:]{0,40}?"
    r"(?<![\d/.-])\b(?:" + SCORE_PAIR + r"|\d{1,3}(?:,\d{3})? to \d{1,3}(?:,\d{3})?\b)"
    r"|(?<![\d/.-])\b" + SCORE_PAIR + r"(?=\s+(?:[a-z]+\s+)?(?:vote|votes|margin|decision|ruling|majority)\b)"
    r"|\bby (?:about |nearly |almost |more than |over )?\d[\d.,]* (?:percentage )?points\b|\bunanimous(?:ly)?\b"
    # a margin: "widened her lead to 23 votes", "won by 12 votes", "a 19-vote margin", "a margin of 312 ballots"
    r"|\b(?:by|lead (?:of|to)|margin of|edge of)\s+(?:just |only |about |nearly |a mere )?\d[\d,]*\s+"
    r"(?:votes?|points?|seats?|ballots?|runs?|goals?|strokes?|delegates?)\b"
    r"|\b\d[\d,]*-(?:vote|point|seat|run|goal|stroke) (?:margin|lead|edge|victory|win)\b",
    # a name of two words or more in capitals ("Zeke Clark", "Rolando Williamson"), not opening with a word that opens
    # sentences ("The Phillies", "Before Rolando": newstext.sentences.OPENERS)
    "name": r"(?-i:\b(?!(?:" + "|".join(sorted(w.capitalize() for w in OPENERS)) + r")\b)[A-Z][a-z’'-]+"
    r"(?:\s+(?:[A-Z]\.\s+)?[A-Z][a-z’'-]+)+)",
    "money": r"(?:[$£€¥]\s?" + _NUMBER + r"|" + _NUMBER + r"\s?(?:dollars|pounds|euros|yen|yuan|rupees))",
    "time": _TIME,
}

_GAZETTEERS: dict[str, frozenset[str]] = {"country": COUNTRIES, "us_state": US_STATES, "month": MONTHS}


@lru_cache(maxsize=8)
def _gazetteer_pattern(name: str) -> re.Pattern[str]:
    names = sorted(_GAZETTEERS[name], key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(n) for n in names) + r")\b")


def candidates(text: str, kind: str) -> set[str]:
    """The strings of that kind in a text, lower-cased."""
    if kind in _GAZETTEERS:
        return {m.lower() for m in _gazetteer_pattern(kind).findall(text)}
    return {m.lower() for m in re.findall(_PATTERNS[kind], text, flags=re.I)}


def is_year(text: str) -> bool:
    """The text is a year as news writes one ("1979", "2025")."""
    return re.fullmatch(_PATTERNS["year"], text) is not None
