"""Tie-breaks for a question asking for a name ("Who …?", "Which airline …?", "What is the name of …?"): among the
lead's near ties, the sentence that gives one leads over one that names nothing new, nothing of the asked kind, or
only the thing's owner."""

from __future__ import annotations

import re

from assistant.answer.constraints import TITLE_WORDS
from assistant.answer.near import first_near, folded_words, new_word
from assistant.answer.sentences import Sentence
from assistant.retrieval.gazetteer import COUNTRIES, US_STATES
from newstext.sentences import OPENERS, opens_sentence
from newstext.terms import FUNCTION_WORDS, STOPWORDS, readings, terms

# A question asking for someone or something by name: "Who …?", "Which airline …?", "What is the name of …?"
_ASKS_NAME = re.compile(r"^\W*(?:who|which)\b|\bwhat (?:is|was) the name\b", re.I)
_NAME = re.compile(r"\b[A-Z][\w’'-]*")
# "Which airline …?", "Which university …?": the words after "which", of which the asked noun is one, and a name of
# two words or more in capitals ("United Airlines", "Harvard University") that may hold it.
_WHICH = re.compile(r"^\W*(?i:which)\s+((?:[a-z-]+\s+){0,2}[a-z-]+)")
# Kinds a gazetteer names (answer_type's us_state and country), whose words are in names of other kinds too
# ("Nevada Secretary of State Francisco Aguilar" for "Which state …?").
_GAZETTED = frozenset(terms("state states country countries nation nations"))
_NAME_RUN = re.compile(r"\b[A-Z][\w’'&-]*(?:\s+(?:of\s+|the\s+)?[A-Z][\w’'&-]*)+")
# "What is the name of the spacecraft …?": the words after "name of the", of which the asked noun is one; a name is
# given it by a capitalised word before it ("the uncrewed Odysseus spacecraft", not the owner's "Intuitive Machines'
# spacecraft") or after a word that names ("a tool called Nightshade").
_NAME_OF = re.compile(r"\bname\s+of\s+(?:the|a|an|this|that)\s+((?:[\w’'-]+\s+){0,6}[\w’'-]+)", re.I)
_OWNERS = ("'", "’", "'s", "’s")
_GOES_ON = frozenset("that which who whom whose where when in at for on from with by to as being".split())
_OF_TIME = frozenset("new newest latest former recent upcoming first".split())
_NAMING = re.compile(r"\b(?:named|called|dubbed|known as|nicknamed)\s+[“\"']?[A-Z]")


def new_name_tie(scored: list[tuple[float, Sentence]], question: str, tie: float) -> int:
    """For a question asking for a name ("Which airline found loose bolts …?"), when the best sentence names nothing
    the question does not, the index of the first near tie (at least `tie` of its probability) that does; 0
    otherwise. "an international airline discovered a bolt …" led, above "United Airlines and Alaska Airlines
    both said they found loose parts …"."""
    if not scored or not _ASKS_NAME.search(question):
        return 0
    asked = folded_words(question)
    return first_near(scored, tie, lambda s: names_new(s.text, asked))


def names_new(text: str, asked: set[str]) -> bool:
    """The text holds a capitalised word that is no word of the question, month or day, and, opening a sentence, a
    country or US state ("Greece has legalized …" names Greece; "Despite …" names nothing)."""
    return any(
        new_word(m.group(0), asked)
        and (not opens_sentence(text[: m.start()]) or m.group(0).strip("’'") in COUNTRIES | US_STATES)
        for m in _NAME.finditer(text)
    )


# A run of capitalised words, one name: "Mayor Tom Reed", "Bank of America".
_CAPITALISED_RUN = re.compile(r"\b[A-Z][\w’'&.-]*(?:\s+(?:of\s+|the\s+)?[A-Z][\w’'&.-]*)*")


def names_other(text: str, asked: set[str]) -> bool:
    """The text names someone the question (`asked`: folded_words) does not, by a full name as news introduces one:
    a run of two capitalised words or more, past a title, none of which the question holds ("Mayor Tom Reed" is the
    question's Reed) nor is a month or day ("Gabriel Attal", not "X, formerly known as Twitter")."""
    for m in _CAPITALISED_RUN.finditer(text):
        words = [w for w in m.group(0).split() if w.lower().strip("’'.") not in TITLE_WORDS | {"of", "the"}]
        if len(words) > 1 and all(new_word(w, asked) for w in words):
            return True
    return False


def opens_with_asked(text: str, asked: set[str]) -> bool:
    """The text opens with a name the question (`asked`: folded_words) holds, past a title: it tells of what the
    question names ("Mayor Tom Reed praised the vote", "Macron added …"), not of someone it only describes ("An art
    dealer … called the bureau", "The art dealer … called the bureau" for "Who called the FBI?")."""
    owners = _with_owners(asked)
    return any(not new_word(w, owners) for w in _opening(text))


def opens_with_other(text: str, asked: set[str]) -> bool:
    """The text opens with someone's name the question (`asked`: folded_words) does not hold, past a title: its
    figure is someone else's ("Ramirez received 52 percent of the vote" for "What share of the vote did Palmer
    get?", "Center Marcus Dell grabbed 14 rebounds" for Romero's). A name holds a word the dictionary does not know
    (is_name); a word it knows opening a sentence may be any ("Taxes are due by April 15", "Democrats …")."""
    words, owners = _opening(text), _with_owners(asked)
    if _titled_as_asked(text, asked):
        return False  # "Mayor Leonard Vasko …" for "what is the brennick falls mayor accused of": the one asked of
    return any(is_name(w) for w in words) and all(new_word(w, owners) for w in words)


def _titled_as_asked(text: str, asked: set[str]) -> bool:
    """The run of capitalised words opening the text holds a title the question asks of ("Mayor" of "Mayor Leonard
    Vasko" for "the Brennick Falls mayor")."""
    m = _CAPITALISED_RUN.match(text.lstrip(" \"“‘'—-"))
    if m is None:
        return False
    lowered = {a.lower() for a in asked}
    return any(w.lower() in TITLE_WORDS and w.lower() in lowered for w in m.group(0).split())


def _opening(text: str) -> list[str]:
    """The words of the run of capitalised words opening the text, past quotes, a title and a word any sentence may
    open with ("The", "When"), without an owner's ending: "Mayor Tom Reed's …" -> Tom, Reed."""
    m = _CAPITALISED_RUN.match(text.lstrip(" \"“‘'—-"))
    return [_owner(w) for w in m.group(0).split() if w.lower() not in TITLE_WORDS | OPENERS] if m else []


def _with_owners(asked: set[str]) -> set[str]:
    """The question's folded words and each without an owner's ending ("Palmer's" of the question is Palmer)."""
    return asked | {_owner(a) for a in asked}


def _owner(word: str) -> str:
    """The word without an owner's ending: "Ireland’s" -> "Ireland"."""
    return word.removesuffix("’s").removesuffix("'s")


def is_name(word: str) -> bool:
    """A capitalised word the dictionary does not know, no abbreviation nor stop word ("Ramirez", "Marcus"; not
    "U.S.", "Taxes", "From")."""
    low = word.lower()
    plain = low not in STOPWORDS | FUNCTION_WORDS
    return re.fullmatch(r"[A-Z][a-z’'-]+", word) is not None and plain and not readings(low)


def kind_name_tie(scored: list[tuple[float, Sentence]], question: str, tie: float) -> int:
    """For "Which <noun> …?", when the best sentence names no new name holding the asked noun, the index of the first
    near tie (at least `tie` of its probability) that does: "And United Airlines and Alaska Airlines both said they
    found loose parts …" for "Which airline said it found loose bolts …?", above a sentence naming only the Federal
    Aviation Administration; 0 otherwise."""
    m = _WHICH.match(question)
    if not scored or m is None:
        return 0
    head = ""
    for word in m.group(1).split():  # the last of the nouns after "which": "island nation" asks for a nation
        if "NOUN" not in readings(word):
            break
        head = word
    nouns = set(terms(head)) - _GAZETTED
    asked = folded_words(question)
    return first_near(scored, tie, lambda s: _names_kind(s.text, nouns, asked)) if nouns else 0


def _names_kind(text: str, nouns: set[str], asked: set[str]) -> bool:
    """The text holds a name of several words in capitals, one of them a word the question does not hold, and one
    of its words (not the first) one of the nouns in one of their forms ("Airlines" for airline)."""
    for m in _NAME_RUN.finditer(text):
        words = m.group(0).split()
        if any(new_word(w, asked) for w in words) and any(set(terms(w)) & nouns for w in words[1:]):
            return True
    return False


def named_noun_tie(scored: list[tuple[float, Sentence]], question: str, tie: float) -> int:
    """For "What is the name of the <noun> …?", when the best sentence gives no new name to that noun, the index of
    the first near tie (at least `tie` of its probability) that does: "the uncrewed Odysseus spacecraft gently touched
    down" above "Intuitive Machines' spacecraft would also hail the first American moon landing"; 0 otherwise."""
    m = _NAME_OF.search(question)
    if not scored or m is None or not (noun := _head_noun(m.group(1).split())):
        return 0
    asked = folded_words(question)
    before = re.compile(r"\b([A-Z][\w’'-]*)\s+(?:[a-z][\w-]*\s+)?(?i:" + re.escape(noun) + r"(?:e?s)?)\b")
    return first_near(scored, tie, lambda s: _gives_name(s.text, before, asked))


def _gives_name(text: str, before: re.Pattern[str], asked: set[str]) -> bool:
    """The text names the noun: after a word that names ("called Nightshade"), or by a capitalised word no word of the
    question standing `before` it, an adjective between them at most, that is not an owner's ("Intuitive
    Machines'")."""
    if _NAMING.search(text):
        return True
    return any(new_word(m.group(1), asked) and not m.group(1).endswith(_OWNERS) for m in before.finditer(text))


def _head_noun(words: list[str]) -> str:
    """The noun a name is asked of: the last word in lower case before a clause or phrase goes on ("that", "by",
    "launched", "being"), past adjectives of time ("the new Food Bank of Delaware center in Milford" -> center,
    "the military exercise launched by Nato" -> exercise); "" without one."""
    head = ""
    for word in words:
        low = word.lower()
        if head and (low in _GOES_ON or (low.endswith(("ed", "ing")) and "NOUN" not in readings(low))):
            break
        if word[:1].islower() and low not in _OF_TIME:
            head = low
    return head
