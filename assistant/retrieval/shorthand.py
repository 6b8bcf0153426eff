"""How a hurried user types, written out before anything reads the question: a contraction without its apostrophe
("whats his bail" read "whats" as the word asked), chat shorthand ("how many ppl got sick" was refused for not
saying "Ppl"), and a sum cut short ("a $300k house" is the articles' "$300,000")."""

from __future__ import annotations

import re

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
}  # fmt: skip
# Chat shorthand with one reading in a question about the news.
_SHORTHAND = {
    "ppl": "people", "govt": "government", "gov't": "government", "bc": "because", "b/c": "because", "w/": "with",
    "w/o": "without", "yr": "year", "yrs": "years", "hrs": "hours", "mins": "minutes", "approx": "approximately",
    "abt": "about", "u": "you", "ur": "your", "pls": "please", "plz": "please", "thru": "through",
    "tmrw": "tomorrow", "dept": "department", "intl": "international", "natl": "national",
    "grandkids": "grandchildren",
}  # fmt: skip
_WORDS = {**_CONTRACTIONS, **_SHORTHAND}
_TYPED = re.compile(
    r"(?<![\w’'/$.-])(" + "|".join(re.escape(w) for w in sorted(_WORDS, key=len, reverse=True)) + r")(?![\w’'/-]|\.\w)",
    re.I,
)
# A sum cut short: "$300k", "$2.5m", "$1bn" (only after a currency sign: "a 5K race", "4K video" are no sums).
_SUM = re.compile(r"([$£€])(\d+(?:\.\d+)?)\s?(k|m|mn|mil|b|bn)\b", re.I)
_SCALE = {"m": "million", "mn": "million", "mil": "million", "b": "billion", "bn": "billion"}


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


def spelled_out(question: str) -> str:
    """The question with its typed shorthand written out ("whats the new fare" -> "what's the new fare", "how many
    ppl" -> "how many people", "$300k" -> "$300,000"); unchanged when it has none."""
    return _TYPED.sub(_written_out, _SUM.sub(_sum, question))
