"""What a short question asks of its names ("Where did Prigozhin die?" -> die), and whether a sentence states it.

A rest of one or two words embeds too poorly for the residue test (gate.answering), so a lead that only names
Prigozhin ("Prigozhin has ordered Wagner-led forces to assault Bakhmut") answered where he died. Such a rest is a
word or two that the answer must state itself: the same word in another form (died, led ~ leads), or one the model
puts as close in meaning as a word's own forms (shot ~ shoot, founder ~ founded).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import numpy as np

from assistant.answer.constraints import NOT_NAMES
from assistant.answer.forms import WORD, in_form, passive_gets, sourced_words
from assistant.answer.residue import RELATION_WORDS, residue
from assistant.retrieval.answer_type import expected_type
from assistant.retrieval.gazetteer import MONTHS, WEEKDAYS
from assistant.retrieval.holder import holder
from newstext.synonyms import same_as
from newstext.terms import FILLERS, FUNCTION_WORDS, STOPWORDS, readings, terms, without_possessive

# Words a question asks with whatever it asks about: what happened, what was said, what is known, what is new,
# why it matters, how someone reacted (stated by what they said or did, never "reacted"), where or when an event
# is held, how someone is ("is she ok"), and when ("this week's", "today"); and the requests that stand for
# a question ("Summarize Kadyrov's role", "Explain the drone corridor"). Part of what "asked" means,
# not a tuning knob.
GENERIC = frozenset(
    "happen happens happened happening say says said saying know known knew think thought mean means meant "
    "matter matters mattered react reacts reacted reacting reaction respond responds responded responding response "
    "go goes going went gone get gets got do doing done make makes made tell told give gave given take took "
    "hold holds held holding "
    "new latest news story stories report reports reported about like update updates "
    # a reason or a cause asked for ("whats the reason", "what caused the outage"), which the answer gives
    "reason reasons cause causes caused "
    # a person pointed at: "did the other guy concede" (and "is she ok" asks nothing of a filler's "ok")
    "guy guys "
    "summarize summarise summary explain describe outline overview list compare "
    "today yesterday tomorrow tonight now currently recently recent day days week weeks weekend month months "
    "year years time".split()
) | FILLERS  # "ok but how much did they actually make" asks nothing of "actually"
# The noun after "which" or "what" names the kind of thing asked for ("Which city ...?", "What was the color of
# ...?", "What is the purpose of ...?"), which the answer states by giving one, not by repeating the noun.
_KIND = re.compile(r"\b(?:which|what|whose|how many|how much)\s+(?:(?:is|was|are|were)\s+the\s+)?([a-z]+)", re.I)
# A relation a thing has, asked as "the capital of France" or "France's capital": the answer states the relation's
# word ("Paris, the French capital"), unlike a kind it gives one of ("Which city ...?"), so the word is asked.
_RELATIONS = "|".join(RELATION_WORDS)
_RELATION = re.compile(r"\b(" + _RELATIONS + r")\s+of\b|[’']s\s+(" + _RELATIONS + r")\b", re.I)
# The verb that goes with a kind of thing asked for is part of asking for it: "What role does Turkey play?" asks for
# a role, which an answer gives without saying "play". A concrete kind is then what the answer must state: "What law
# did Moscow pass?" asks for a law ("A bizarre law banning ..."), not for a passing, and "What deal did they sign?"
# for a deal.
_PLAY = ("play", "plays", "played", "playing")
_PASS = ("pass", "passes", "passed", "passing", "adopt", "adopts", "adopted", "enact", "enacts", "enacted")
_SIGN = ("sign", "signs", "signed", "signing", "strike", "strikes", "struck", "reach", "reaches", "reached")
_KIND_VERBS = {
    "role": _PLAY, "part": _PLAY, "law": _PASS, "bill": _PASS, "resolution": _PASS, "deal": _SIGN,
    "agreement": _SIGN, "treaty": _SIGN,
}  # fmt: skip
_VAGUE_KINDS = frozenset({"role", "part"})  # stated by saying what the role is, not the word "role"
# Only a word that can be a verb or a noun is demanded: an adjective is judged, not repeated ("Why was the Kerch
# Bridge important?" is answered by "a massive blow ... a symbol of the Putin era").
_DEMANDED = frozenset({"VERB", "NOUN"})


# "How old / many / long ...?" asks for a measure its answer kind gives as a figure ("Willis Gibson, 13, of
# Stillwater"), not by the word; "How fast ...?" has no such kind, so "fast" stays a word to state.
_HOW = re.compile(r"\bhow\s+(old|many|much|long|far|often|soon|tall|high|big|large)\b", re.I)


# Words that ask for the answer's kind itself, which a sentence states by giving one: "What is his name?" (a sentence
# naming him says no "name"), "How much is it worth?" (the contract's "$112 million" says no "worth").
_KIND_WORDS = {
    "name": frozenset({"name", "names", "called"}),  # "what's the fire called"
    "money": frozenset({"worth"}),
    # a score, of a game: "What was the score of the Hawks game?" is answered by "… beat the Northside Tigers 31-28
    # in the state semifinal …", which says no "game"
    "score": frozenset({"score", "game", "games", "match", "matches"}),
    # how shares moved: "howd the stock react" is answered by "Shares of the company fell 14% in extended trading"
    "market": frozenset({"stock", "stocks", "shares", "move", "moved", "fare", "fared"}),
    # a team's record: "What's their record?" is answered by "… Ashgrove, which finished the season 28-2"
    "record": frozenset({"record", "season"}),
    "size": frozenset({"size"}),  # "What size is the new wing?": "the 40,000-square-foot wing"
    # a court's sentence: "what sentence did he get" is answered by "was sentenced Monday to 38 years in prison"
    "penalty": frozenset({"sentence", "punishment", "penalty", "term"}),  # ("get", "ok", "doing": GENERIC's)
    # a charge: "what is the mayor accused of" is answered by "… was indicted … on one count of bribery"
    "charge": frozenset({"accused", "charged", "charge", "charges", "indicted", "convicted", "acquitted", "counts",
                         "crime", "crimes", "offense", "offenses", "offence", "offences", "face", "faces", "facing"}),
    # how someone died: "what did he die of" is answered by "… said the cause was complications of pneumonia"
    "death_cause": frozenset({"die", "died", "death", "cause", "killed"}),
    # what to do: "i have one on my counter, what do i do" is answered by "Consumers should immediately stop using …"
    "advice": frozenset({"do", "should"}),
    # how someone is: "are they all safe now" is answered by "… were rescued …, but the captain remained missing"
    "condition": frozenset({"safe", "alive", "hurt", "injured", "condition", "conditions", "recovering"}),
}


def how_measures(question: str) -> set[str]:
    """The measures the question asks with "how" ("How old are they?" -> old), lower case: words of its answer
    kind, not of its topic."""
    return {m.group(1).lower() for m in _HOW.finditer(question)}


def asked_words(question: str) -> list[str]:
    """The content words of what the question asks beyond its names and numbers, lower case: no stop words, no
    words any question asks with, no titles or generic words of a name ("the Wagner group"), not the kind of thing
    asked for (but a relation: "capital" of "What is the capital of France?") nor the measure ("How old ...?"), nor
    a passive's "get" ("is getting cut"), and only words that can be a verb or a noun."""
    kinds = ({k for m in _KIND.finditer(question) if _a_kind(k := m.group(1).lower())} | how_measures(question)) - (
        relations(question)
    )
    kinds |= _KIND_WORDS.get(expected_type(question) or "", frozenset())
    words = [without_possessive(w.lower()).strip("'’") for w in WORD.findall(residue(question))]
    with_verb, stated = _kind_and_verb(question, set(words))
    skip = (STOPWORDS | GENERIC | FUNCTION_WORDS | NOT_NAMES | kinds | with_verb | passive_gets(words)) - stated
    return list(dict.fromkeys(w for w in words if w and w not in skip and _demanded(w)))


def _a_kind(word: str) -> bool:
    """A word after "what" or "which" names a kind of thing when it can be a noun: "what broke" asks what did the
    breaking ("… after a failed software update"), and the breaking is what the answer states."""
    read = readings(word)
    return not read or "NOUN" in read


# A word right after an article or a possessive is a noun there, whatever else it can be ("the game", "his record").
DETERMINERS = "the|a|an|this|that|these|those|his|her|its|their|our|your|my"  # as a regular expression's choice
_DETERMINED = re.compile(r"\b(?i:" + DETERMINERS + r")\s+([\w’'-]+)")


def determined(question: str) -> frozenset[str]:
    """The question's words used as nouns after an article or a possessive, lower case ("Who won the game?" ->
    game): a word the dictionary also knows as a verb ("to game") is no deed the answer must state."""
    return frozenset(m.group(1).lower() for m in _DETERMINED.finditer(residue(question)))


def relations(question: str) -> set[str]:
    """The relations the question asks of a thing ("What is the capital of France?" -> capital), lower case."""
    return {(m.group(1) or m.group(2)).lower() for m in _RELATION.finditer(question)}


def beyond_generic(question: str) -> list[str]:
    """The terms of what the question asks beyond its names and numbers, less the words any question asks with and
    a role it plays: [] for "What is Baykar?", "What happened in Kharkiv?", "Why does Baykar matter?" and "What
    role does Baykar play?" (what part a thing plays is why it matters); "law" for "What law did Kyiv pass?"."""
    words = [w.lower().strip("'’") for w in WORD.findall(residue(question))]
    skip = GENERIC | _kind_and_verb(question, set(words))[0]
    return terms(" ".join(w for w in words if w not in skip))


def _kind_and_verb(question: str, words: set[str]) -> tuple[set[str], set[str]]:
    """The words that go with asking for a kind, when the words hold its verb (_KIND_VERBS: the verb, and a vague
    kind itself: "role", "play"), and the concrete kinds an answer must state ("law" of "What law did ... pass?")."""
    skip: set[str] = set()
    stated: set[str] = set()
    for m in _KIND.finditer(question):
        kind = m.group(1).lower()
        if set(_KIND_VERBS.get(kind, ())) & words:
            skip |= set(_KIND_VERBS[kind])
            (skip if kind in _VAGUE_KINDS else stated).add(kind)
    return skip, stated


def _demanded(word: str) -> bool:
    """The word can be a verb or a noun, or the dictionary does not know it, or it is a state_word."""
    found = set(readings(word))
    return not found or bool(found & _DEMANDED) or state_word(word)


def state_word(word: str) -> bool:
    """An adjective news states by a verb or a noun ("Is Navalny dead?": "Navalny … died", newstext.synonyms)."""
    found = set(readings(word))
    return bool(found) and not found & _DEMANDED and len(same_as(word)) > 1


# A pronoun saying whose a state is ("her death"): not the name's beside it.
_WHOSE = frozenset({"her", "his", "their", "its"})


def said_of_names(rest: Sequence[str], name_words: frozenset[str], text: str, reach: int) -> bool:
    """A word stating the asked state (`rest`, in one of its forms) sits within `reach` words of one of the
    `name_words` (the question's names and its words in capitals, lower case: "Is the Queen dead?"); after a pronoun
    saying whose it is, of a name before it ("mourned Queen Elizabeth II, following her death", not "Days after her
    death, Charles was formally confirmed as the new King" for "Is King Charles dead?")."""
    words = [w.lower().strip("'’") for w in WORD.findall(text)]
    at_names = [i for i, w in enumerate(words) if without_possessive(w) in name_words]
    at_state = [i for i, w in enumerate(words) if in_form(rest, [w])]
    return any(
        abs(i - j) <= reach + 1 and (i < j or j == 0 or words[j - 1] not in _WHOSE) for i in at_names for j in at_state
    )


def short_rest(question: str, min_terms: int) -> list[str]:
    """asked_words(), when the residue test cannot read the rest (fewer than min_terms content words); else []. A
    question for the holder of a role asks no word but the role, which its answer kind tests ("Who runs Wagner?" is
    answered by "Wagner founder Yevgeny Prigozhin", which says no "runs")."""
    if len(terms(residue(question))) >= min_terms or holder(question) is not None:
        return []
    return asked_words(question)


# A period's end as news tells it, by the day or hour it runs through or until: "extended an excessive heat warning
# through Sunday night" says when the heat ends.
RUNS_UNTIL = re.compile(
    r"\b(?:until|till|through)\s+(?:(?:the\s+)?(?:end|weekend)\b|(?-i:"
    + "|".join(sorted(MONTHS | WEEKDAYS))
    + r")\b|\d|noon\b|midnight\b|next\b|tomorrow\b|tonight\b|(?:early|late|mid)[\s-])",
    re.I,
)


def states(
    asked: Sequence[str],
    text: str,
    embed: Callable[[list[str]], np.ndarray] | None,
    min_cosine: float,
    others: Sequence[str] = (),
    nouns: frozenset[str] = frozenset(),
) -> bool:
    """Every asked word that can be a verb (else some asked word) is in the sentence in one of its forms or, failing
    that, some word of the sentence is at least min_cosine from it, each word embedded alone (`embed`, called only
    then; in form only when None): "Who won the Republican debate?" is not stated by a sentence on the debate that
    names no winner. A
    sentence word stands for the question's word it is closest to: one that is (a form of) one of the question's
    `others`, or closer to one of them, says nothing of the asked word ("contest" is 0.62 from "won", but it is what
    "Who won the pressing competition?" asks about, not who won)."""
    words = sourced_words(text) + (["end"] if RUNS_UNTIL.search(text) else [])
    if not asked or not words:
        return not asked
    verbs = asked_verbs(asked, nouns)
    needed = verbs or list(asked)  # every verb; with none, any of the nouns
    missing = [a for a in needed if not in_form([a], words)]
    if not missing or (not verbs and len(missing) < len(needed)):
        return True
    if embed is None:  # in form only
        return False
    rivals = [o for o in dict.fromkeys(others) if o not in asked]
    words = [w for w in words if not in_form(rivals, [w])]
    if not words:
        return False
    vectors = embed([*missing, *rivals, *words])
    cosines = vectors[len(missing) + len(rivals) :] @ vectors[: len(missing) + len(rivals)].T  # word x question word
    to_asked, to_rivals = cosines[:, : len(missing)], cosines[:, len(missing) :]
    if rivals:  # a word closer to another of the question's words stands for that one
        to_asked = np.where(to_asked >= to_rivals.max(axis=1, keepdims=True), to_asked, -1.0)
    closest = to_asked.max(axis=0)  # per asked word not in form
    return bool(np.all(closest >= min_cosine) if verbs else np.any(closest >= min_cosine))


# Words the dictionary also reads as verbs that a question never asks as one ("to people"): "What should people
# donate to?" asks that "donate" be stated, not "people".
_NEVER_VERBS = frozenset({"people"})


def asked_verbs(asked: Sequence[str], nouns: frozenset[str]) -> list[str]:
    """The asked words that can be verbs, but those the question uses as nouns (determined: "the cut")."""
    return [a for a in asked if "VERB" in readings(a) and a not in nouns and a not in _NEVER_VERBS]


