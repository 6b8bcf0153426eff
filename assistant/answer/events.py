"""An event the question names by a name and the words of its kind ("the Moscow concert hall attack", "the Baltimore
bridge collapse"): the words between the name and the kind's last say which of the name's events it is, and the
story that answers writes them. "How many people were killed in the Moscow concert hall attack?" was answered with
Russian missile strikes on Kyiv ("as Moscow targeted critical energy infrastructure") in a collection without the
attack; a story one collection holds once is found by its own words, not by another article agreeing."""

from __future__ import annotations

import re

from assistant.answer.asked import GENERIC
from assistant.answer.forms import in_form, sentence_words
from newstext.terms import STOPWORDS, readings

# The kinds of event news names this way, the last word of the phrase: what happened, not what something is ("the
# Wagner mercenary group" and "the Wagner private military company" describe Wagner; they name no event). Part of
# what an event is, not a tuning knob.
_EVENT_KINDS = frozenset(
    "attack attacks shooting shootings stabbing bombing bombings crash crashes collapse explosion blast fire fires "
    "wildfire blowout derailment strike strikes raid raids storm hurricane tornado flood floods earthquake quake "
    "outbreak spill leak riot riots protest protests rally parade massacre siege invasion ambush assault hijacking "
    "kidnapping standoff incident accident disaster eruption heatwave blizzard landslide evacuation election "
    "primary caucus caucuses debate vote referendum trial hearing verdict summit ceremony show concert festival "
    "game match final tournament recall layoffs".split()
)
# "the Moscow concert hall attack": an article or "this week's", the name in capitals, then the words in lower case.
_NAMED_EVENT = re.compile(
    r"\b(?i:the|a|an|this|last|this week[’']s|last week[’']s)\s+((?:[A-Z][\w’'.-]*\s+)+)((?:[a-z][\w-]*\s*){2,5})"
)


def event_words(question: str) -> list[str]:
    """The words saying which event of a name the question asks about: those of the nouns after the name but the
    last, the event's kind (_EVENT_KINDS: "concert", "hall" of "the Moscow concert hall attack"); [] when it names
    none."""
    for m in _NAMED_EVENT.finditer(question):
        nouns: list[str] = []
        for word in m.group(2).split():
            found = readings(word)
            if word in STOPWORDS or word in GENERIC or (found and "NOUN" not in found):
                break  # the verb after the event ("did the Biden administration say …")
            nouns.append(word)
        if len(nouns) >= 2 and nouns[-1].lower() in _EVENT_KINDS:
            return nouns[:-1]
    return []


def states_event(words: list[str], text: str) -> bool:
    """The text writes the words together, in the question's order, a plural allowed ("concert halls"); one word in
    any of its forms or a word news uses for it (forms.in_form: "the Wexford Mills embezzlement trial" is told as
    "guilty of stealing …")."""
    if not words:
        return True
    if len(words) == 1 and in_form(words, sentence_words(text)):
        return True
    phrase = r"[\s-]+".join(_plural(w) for w in words)
    return re.search(r"\b" + phrase + r"\b", text, re.I) is not None


def _plural(word: str) -> str:
    """A pattern for the word or its plural ("mercenary", "mercenaries"; "hall", "halls")."""
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        return re.escape(word[:-1]) + r"(?:y|ies)"
    return re.escape(word) + r"(?:e?s)?"
