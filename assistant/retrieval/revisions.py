"""A count told as revised: news reports a changing figure as what it rose or grew to ("The death toll … rose to 31
on Sunday"), and the latest such report is the count a "how many" question asks."""

from __future__ import annotations

import re
from collections.abc import Callable

from assistant.retrieval.counts import NUMBER_WORDS, counted_noun, counts_noun
from assistant.retrieval.rewrite import asked_part
from newstext.terms import terms

# A count told as revised ("The death toll … rose to 31 on Sunday", "The number of people killed … rose to four",
# "an outbreak has grown to 41 confirmed cases"):
# news reports a changing figure so, and the latest such report is the count asked for. A toll counts the dead.
_RISE = r"(?:rose|risen|rising|climbed|climbing|grew|grown|growing|jumped|increased|surged|soared)\s+to\s+"
_ABOUT = r"(?:about |around |nearly |almost |more than |over |at least )?"
_RISEN_TOLL = re.compile(  # "the number of people killed in this week's ice storm … rose to four"
    r"\b(?:toll|number of (?:people |those )?(?:killed|dead|deaths))\b(?:\W+[\w’'-]+){0,12}?\W+" + _RISE + _ABOUT
    + r"(?:\d|(?:" + NUMBER_WORDS + r")\b)",
    re.I,
)
_RISEN = re.compile(_RISE + _ABOUT + r"\d[\d,.]*(?:\s+[A-Za-z-]+){1,2}", re.I)
# A count told as corrected: "there had been six people aboard the vessel, not five as initially reported", "nine
# homes had been destroyed, not 12 as officials said Monday"
_FIGURE = r"(?:\d[\d,.]*|(?:" + NUMBER_WORDS + r")\b)"
_TOLD = r"(?:reported|stated|said|announced|given|estimated)"
_CORRECTED = re.compile(
    r"(" + _FIGURE + r"(?:\s+[\w’'-]+){1,5}?),?\s+not\s+" + _FIGURE
    + r"[^.;]{0,40}?\b(?:(?:initially|first|earlier|originally|previously)\s+" + _TOLD
    + r"|as\s+(?:[\w’'-]+\s+){1,3}?(?:had\s+)?(?:initially\s+|first\s+|earlier\s+|originally\s+)?" + _TOLD + r")\b",
    re.I,
)
_DEATHS = frozenset(terms("die died dies dying dead death deaths kill killed kills killing fatalities"))


def revised(question: str) -> Callable[[str], bool]:
    """Which texts tell a count the question asks as revised: a toll that rose to a figure for a question asking how
    many died, or a figure of the counted noun something grew to or corrected from another (the user's own words:
    rewrite.asked_part). The question is read once, however many texts are asked of."""
    own = asked_part(question)
    deaths, counted = bool(_DEATHS.intersection(terms(own))), counted_noun(own)

    def told(text: str) -> bool:
        if deaths and _RISEN_TOLL.search(text):
            return True
        found = [m.group(0) for m in _RISEN.finditer(text)] + [m.group(1) for m in _CORRECTED.finditer(text)]
        return bool(counted) and any(counts_noun(figure, counted) for figure in found)

    return told
