"""What a follow-up's pronoun points to: the names of the last answer nearest the conversation's topic words ("Wagner
founder Yevgeny Prigozhin" is "he" after "Who founded Wagner?"), read without an LLM."""

from __future__ import annotations

import re

from assistant.retrieval.config import FollowUp
from assistant.retrieval.ellipsis import NAME
from newstext.generic import BODY_WORDS, ORGANISATION_WORDS, PLACE_WORDS
from newstext.sentences import OPENERS, opens_sentence
from newstext.terms import STOPWORDS, WORD_RUN, fold, readings, without_possessive

_ONE = re.compile(r"\b(?i:he|she|him|his|her)\b")  # one person ("they" may be a university)
# The generic words of places and things a name may end (or open) with: no person's
_THING_WORDS = ORGANISATION_WORDS | BODY_WORDS | PLACE_WORDS | frozenset(
    "trail road street avenue highway route bridge river creek lake bay beach island mount mountain ravine park "
    "hospital center centre school office airport court station museum church stadium arena".split()
)


def names_near(answer: str, topic: list[str], config: FollowUp, whole: bool = True, question: str = "") -> list[str]:
    """The names in the answer closest to a topic word ('Wagner founder Yevgeny Prigozhin'): what 'he' means.
    The answer's lead (before its first citation mark) is read first, as it is the answer, for a name right by a
    topic word (config.lead_reach); else, with `whole`, the whole answer, where for a `question` pointing to one
    person ("she") no place's or organisation's name (_a_place). A name after a topic word is taken before one ahead
    of it, as news sets the title before the name: "... Ramzan Kadyrov and Wagner founder Yevgeny Prigozhin" is
    Prigozhin for "Who leads Wagner?"."""
    lead = answer.partition("[1]")[0]
    if (names := _nearest(lead, topic, config, config.lead_reach)) or not whole:
        return names
    found = _nearest(re.sub(r"\[\d+\]", "", answer), topic, config, config.name_reach)
    one = _ONE.search(question) is not None
    return [name for name in found if not (one and _a_place(name))]  # "her" is no "Granite Notch Trail"


def _a_place(name: str) -> bool:
    """The name is a place's or an organisation's by its generic word ("Granite Notch Trail", "Corbin County
    Sheriff's Office", "Mount Tessaly"): no person "he" or "she" points to."""
    words = [without_possessive(w).lower() for w in name.split()]
    return bool(words) and (words[-1] in _THING_WORDS or words[0] in _THING_WORDS)


def _nearest(text: str, topic: list[str], config: FollowUp, reach: int) -> list[str]:
    """_names_near over one text: names after a topic word, nearest first, then those ahead of one. The text is read
    without diacritics, as the user may type a name ("Arevalo" is the answer's "Arévalo", no other name)."""
    text, topic = fold(text), [fold(w) for w in topic]
    stems = [w.lower()[: config.topic_stem] for w in topic if len(w) >= config.topic_word_min]
    found = [m for m in WORD_RUN.finditer(text) if any(m.group(0).lower().startswith(s) for s in stems)]
    hits = [(m.start(), m.end()) for m in found]
    # a topic word only a verb, right after a name, tells what the name did: "Justice Clifford Rowe wrote the dissent,
    # joined by Justice Elena Sandoval-Park" is Rowe for "his"
    verbs = {m.start() for m in found if set(readings(m.group(0).lower())) == {"VERB"}}
    scored: list[tuple[bool, int, str]] = []
    lowered = {w.lower() for w in topic}
    for m in NAME.finditer(text):
        name, begins = _without_opener(m.group(0)), m.start()
        first, _, rest = name.partition(" ")
        if first.lower() in lowered and first.lower() in _TITLES and rest:
            name, begins = rest, m.end() - len(rest)  # "Mayor Leonard Vasko" for "the brennick falls mayor": the name
        if not name or name.lower() in STOPWORDS or any(w.lower() in name.lower() for w in topic):
            continue
        if " " not in name and opens_sentence(text[: m.start()]):
            continue  # one capitalised word opening a sentence ("Each new Ukrainian victory…") need not be a name
        after = [begins - end for start, end in hits if begins >= end]
        ahead = [start - m.end() for start, end in hits if start >= m.end()]
        if any(0 < start - m.end() <= 1 for start in verbs):
            scored.append((False, -1, name))  # the doer of the topic's verb
        elif after and min(after) <= reach:
            scored.append((False, min(after), name))
        elif ahead and min(ahead) <= reach:
            scored.append((True, min(ahead), name))
    return list(dict.fromkeys(name for _, _, name in sorted(scored)))[: config.names_kept]


# Titles news writes before a name, which a question may ask of the name by ("the mayor").
_TITLES = frozenset(
    "mayor governor president senator minister chancellor king queen prince princess pope judge chief coach "
    "commissioner sheriff superintendent director secretary representative rep sen gov".split()
)


def _without_opener(name: str) -> str:
    """A run of capitalised words without the words a sentence opens with ("And JPMorgan Chase" -> "JPMorgan
    Chase", "While Hassan" -> "Hassan", "The" -> "")."""
    words = name.split()
    while words and (words[0].lower() in STOPWORDS or words[0].lower() in OPENERS):
        words.pop(0)
    return " ".join(words)
