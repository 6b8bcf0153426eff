"""How a hurried user types, written out before anything reads the question: a contraction without its apostrophe
("whats his bail" read "whats" as the word asked), chat shorthand ("how many ppl got sick" was refused for not
saying "Ppl"), and a sum cut short ("a $300k house" is the articles' "$300,000")."""

from __future__ import annotations

import re
from collections.abc import Callable

# Contractions typed without the apostrophe, where the bare form is no English word ("its", "well", "were", "ill"
# and "hell" are, so they stay).
_CONTRACTIONS = {
    "whats": "what's", "whos": "who's", "wheres": "where's", "whens": "when's", "hows": "how's", "whys": "why's",
    "thats": "that's", "theres": "there's", "dont": "don't", "doesnt": "doesn't", "didnt": "didn't",
    "isnt": "isn't", "arent": "aren't", "wasnt": "wasn't", "werent": "weren't", "cant": "can't",
    "couldnt": "couldn't", "wouldnt": "wouldn't", "shouldnt": "shouldn't", "hasnt": "hasn't", "havent": "haven't",
    "hadnt": "hadn't", "wont": "won't", "theyre": "they're", "youre": "you're", "hes": "he's", "shes": "she's",
    "itll": "it'll", "theyll": "they'll", "youll": "you'll", "thatll": "that'll", "theyve": "they've",
    "youve": "you've", "weve": "we've", "ive": "I've", "im": "I'm",
    "howd": "how did", "whyd": "why did", "whered": "where did", "whatd": "what did",  # "howd they find her"
    # ... and with it: "why'd the number change" (read as a name, "Why'd", in the conversation's words)
    "how'd": "how did", "how’d": "how did", "why'd": "why did", "why’d": "why did", "where'd": "where did",
    "where’d": "where did", "what'd": "what did", "what’d": "what did",
}  # fmt: skip
# Chat shorthand with one reading in a question about the news.
_SHORTHAND = {
    "ppl": "people", "govt": "government", "gov't": "government", "bc": "because", "b/c": "because", "w/": "with",
    "w/o": "without", "yr": "year", "yrs": "years", "hrs": "hours", "mins": "minutes", "approx": "approximately",
    "abt": "about", "u": "you", "ur": "your", "pls": "please", "plz": "please", "thru": "through",
    "tmrw": "tomorrow", "dept": "department", "intl": "international", "natl": "national",
    "grandkids": "grandchildren", "gonna": "going to", "wanna": "want to", "gotta": "got to", "kinda": "kind of",
    "mom": "mother", "dad": "father", "gm": "general manager",  # "GM", in capitals, is a name (General Motors)
    "qtr": "quarter", "qtrs": "quarters", "mgmt": "management", "yday": "yesterday",
}  # fmt: skip
# "right now", typed at the question's end ("how big is the fire rn"); elsewhere "RN" may be a registered nurse.
_NOW = re.compile(r"\s+rn(\W*)$", re.I)
_WORDS = {**_CONTRACTIONS, **_SHORTHAND}
_TYPED = re.compile(
    r"(?<![\w’'/$.-])(" + "|".join(re.escape(w) for w in sorted(_WORDS, key=len, reverse=True)) + r")(?![\w’'/-]|\.\w)",
    re.I,
)
# A sum cut short: "$300k", "$2.5m", "$1bn" (only after a currency sign: "a 5K race", "4K video" are no sums).
_SUM = re.compile(r"([$£€])(\d+(?:\.\d+)?)\s?(k|m|mn|mil|b|bn)\b", re.I)
_SCALE = {"m": "million", "mn": "million", "mil": "million", "b": "billion", "bn": "billion"}


# A vote told as the user tells it, "who voted no": news writes "voted against the budget". A bare "voted yes" is
# left as typed ("what got him to vote yes" asks why, which no "for" states).
_VOTED = re.compile(r"\b(vot(?:e|es|ed|ing))\s+(?:(no)\b(?:\s+on\b)?|yes\s+on\b)", re.I)


def _voted(match: re.Match[str]) -> str:
    """"voted no" -> "voted against", "voted yes on the bill" -> "voted for the bill"."""
    return f"{match.group(1)} {'against' if match.group(2) else 'for'}"


def _written_out(match: re.Match[str]) -> str:
    typed = match.group(1)
    if typed.isupper() and typed.lower() in _SHORTHAND:
        return typed  # a name in capitals: "BC", "U"
    word = _WORDS[typed.lower()]
    return word[0].upper() + word[1:] if typed[0].isupper() else word


def _sum(match: re.Match[str]) -> str:
    sign, figure, scale = match.group(1), match.group(2), match.group(3).lower()
    if scale == "k":
        if "." in figure:
            return f"{sign}{round(float(figure) * 1000):,}"
        return f"{sign}{int(figure) * 1000:,}"
    return f"{sign}{figure} {_SCALE[scale]}"


# A company's or a person's takings, as users ask them: "how much did they actually make" is what news writes as
# earnings, income or profit ("Net income rose to $612 million"), not "make" (not "make of it", "make up").
_MAKE = re.compile(
    r"\b(how much (?:money )?(?:did|does|do|will|would) [^?]{1,40}?)\bmake\b(?!\s+(?:of|up|it|sense|out)\b)", re.I
)


# Money back, as news writes it: "do i get my money back if mine got cancelled" is answered by "Passengers whose
# flights were canceled are eligible for a full refund".
_MONEY_BACK = re.compile(r"\b(?:(?:my|our|your|their|his|her|the) )?money back\b", re.I)


# A rule or a rate coming into force, as users say it ("when does it kick in") and news writes it ("The new rate
# takes effect Jan. 1"): at the question's end or before when, not a door kicked in ("who kicked in the door").
_KICK_IN = re.compile(r"\b(kick|kicks|kicked|kicking) in\b(?=\W*$|\s+(?:on|by|next|this|until|starting|when)\b)", re.I)
_TAKE_EFFECT = {"kick": "take", "kicks": "takes", "kicked": "took", "kicking": "taking"}


# Holding a post in someone's place, as users say it ("who's filling in for her", "who is stepping in for Thiel") and
# news writes it ("… will serve as acting commissioner", "… named … as interim president"): replace, whose words
# news uses for it (newstext.synonyms) reach those.
_IN_PLACE = re.compile(
    r"\b(fill|fills|filled|filling|step|steps|stepped|stepping|stand|stands|stood|standing) in for\b"
    r"|\b(take|takes|took|taking) over for\b",
    re.I,
)
_REPLACE = {
    **dict.fromkeys(("fill", "step", "stand", "take"), "replace"),
    **dict.fromkeys(("fills", "steps", "stands", "takes"), "replaces"),
    **dict.fromkeys(("filled", "stepped", "stood", "took"), "replaced"),
    **dict.fromkeys(("filling", "stepping", "standing", "taking"), "replacing"),
}


# Leaving a post, as users say it ("is he stepping down") and news writes it as often ("… will not resign").
_STEP_DOWN = re.compile(r"\b(step|steps|stepped|stepping) down\b", re.I)
_RESIGN = {"step": "resign", "steps": "resigns", "stepped": "resigned", "stepping": "resigning"}


def _said_as(forms: dict[str, str], after: str = "") -> Callable[[re.Match[str]], str]:
    """A phrase's verb, in the form typed (its first group that matched), as news writes it: "kicked in" -> "took
    effect", "filling in for" -> "replacing", "stepping down" -> "resigning"."""
    return lambda m: forms[next(g for g in m.groups() if g).lower()] + after


def spelled_out(question: str) -> str:
    """The question with its typed shorthand written out ("whats the new fare" -> "what's the new fare", "how many
    ppl" -> "how many people", "$300k" -> "$300,000"); unchanged when it has none."""
    written = _MAKE.sub(r"\1earn", _VOTED.sub(_voted, _TYPED.sub(_written_out, _SUM.sub(_sum, question))))
    written = _MONEY_BACK.sub("a refund", written)
    written = _KICK_IN.sub(_said_as(_TAKE_EFFECT, " effect"), written)
    written = _IN_PLACE.sub(_said_as(_REPLACE), written)
    written = _STEP_DOWN.sub(_said_as(_RESIGN), written)
    return _NOW.sub(r" right now\1", written)
