"""The deed a "Who <verb> …?" question asks the doer of, and whether a sentence names who did it.

"Who developed Tetris?" asks for whoever did the deed; an answer must state it ("developed"), and a sentence saying it
in the passive names the doer after "by" ("…, developed by Alexey Pajitnov"), however far in meaning it sits.
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache

from assistant.answer.asked import DETERMINERS, GENERIC, asked_verbs
from assistant.answer.constraints import NOT_NAMES
from assistant.answer.forms import WORD, deed_in_form, in_form
from assistant.retrieval.holder import holder
from newstext.terms import STOPWORDS, readings

# "Who" and the word after it, and the verbs that only build a tense or mood ("Who is", "Who did ... meet?").
_WHO = re.compile(r"\s*who\s+([a-z]+)\b", re.I)
# "Who was driving …?", "Who is running …?": a deed in the progressive.
_WHO_WAS_DOING = re.compile(r"\s*who(?:['’]s|\s+(?:is|was|are|were|has been|had been))\s+([a-z]+ing)\b", re.I)
# "Who will replace her?", "Who would succeed him?": a deed to come, the verb after the modal.
_WHO_WILL = re.compile(r"\s*who(?:['’]ll|\s+(?:will|would|could|might|may|shall))\s+([a-z]+)\b", re.I)
# "Who needs to approve …?", "Who has to pay …?", "Who wants to buy …?": the deed is the verb after "to".
_WHO_NEEDS_TO = re.compile(
    r"\s*who\s+(?:needs|need|has|have|had|wants|plans|hopes|is going|are going|was going)\s+to\s+([a-z]+)\b", re.I
)
_AUXILIARIES = frozenset(
    "is was are were be been has had have will would shall should can could may might must did does do".split()
)


def doer_verb(question: str) -> str:
    """The deed a question asks the doer of, when it opens "Who <verb>" ("Who won the pressing contest?" -> won):
    an answer names who did it, so it must state the deed. "" for "Who is ...?", "Who did Putin meet?" (an
    auxiliary builds the tense and the deed comes later), the generic verbs ("Who said ...?") and the head of a
    name ("Who leads Russia?", holder.py)."""
    m = _WHO.match(question)
    word = m.group(1).lower() if m else ""
    if (going := _WHO_WAS_DOING.match(question)) is not None:
        word = going.group(1).lower()  # "Who was driving the police car?": the deed is "driving"
    if (will := _WHO_WILL.match(question)) is not None:
        word = will.group(1).lower()  # "Who will replace her?": the deed is "replace"
    if (to := _WHO_NEEDS_TO.match(question)) is not None:
        word = to.group(1).lower()  # "Who needs to approve the deal?": the deed is "approve"
    if not word or word in _AUXILIARIES or word in STOPWORDS or word in GENERIC or holder(question) is not None:
        return ""  # "Who runs Wagner?" asks for its head, which "Wagner founder Yevgeny Prigozhin" names
    return word if "VERB" in readings(word) else ""


# "Has anyone died …?", "Was anybody hurt?", "Did any students …?": whether the deed happened at all.
_WHETHER_ANY = re.compile(
    r"\s*(?:(?:has|have|had|did|was|were|is|are|will)\s+(?:anyone|anybody|someone|somebody|any)"
    r"|(?:anyone|anybody|someone|somebody))\b\s*(.*)",  # ... and typed in a hurry without one: "anyone get hurt"
    re.I,
)


# "Has it failed …?", "Did the house have …?", "Will the city appeal?": whether the one thing the story tells of
# did it (a pronoun or a noun after "the"); not a state ("Is the diner open?" is not stated by "which opened in
# 1971").
_YES_NO = re.compile(
    r"\s*(?:(?:did|does|do|has|have|had|will)\s+(?:it|he|she|they|the\s+[a-z]+)\s+(.*)"
    # ... and in the progressive: "is he stepping down" (not a state: "Is the diner open?")
    r"|(?:is|are|was|were)\s+(?:it|he|she|they|the\s+[a-z]+)\s+([a-z]+ing\b.*))",
    re.I,
)
# "Were there any outages?", "Have there been any arrests?": whether such a thing happened (the noun ending it).
_THERE_ANY = re.compile(r"\s*(?:is|are|was|were|has|have|had)\s+there\s+(?:been\s+)?any\s+(.*)", re.I)


def whether_verbs(question: str) -> list[str]:
    """The verb of a question asking whether anyone, or the one thing it names, did or met with something ("Has
    anyone died of measles?" -> died; "Were any students hurt?" -> hurt; "Has it failed inspections before?" ->
    failed), or the thing one asks was there or was had ("Were there any power outages?" -> outages; "Did the house
    have smoke detectors?" -> detectors), and what a deed entails: news answers it by stating the deed or denying
    it ("no deaths have been reported"). A word after a determiner is a noun ("see the fire"). [] for any other
    question."""
    if there := _THERE_ANY.match(question):  # "Were there any power outages?": the thing, stated or denied
        return _head([w.lower() for w in WORD.findall(there[1])])
    m = _WHETHER_ANY.match(question) or _YES_NO.match(question)
    words = [w.lower() for w in WORD.findall(next(g for g in m.groups() if g is not None))] if m else []
    if words[:1] and words[0] in _HAVE:  # "Did the house have smoke detectors?": the thing had, stated or denied
        return _head(words[1:])
    kept = [
        w for before, w in zip(["", *words], words, strict=False)
        if w not in STOPWORDS and w not in _AUXILIARIES and before not in _DETERMINERS
    ]  # fmt: skip
    if len(kept) > 1 and _LINKING.intersection(readings(kept[0]).get("VERB", ())):
        return kept[1:2]  # "Has anyone gotten sick?": the state it links to
    verbs = asked_verbs(kept, frozenset())[:1]  # the deed; a later word is what it was done to or in ("ice storm")
    return [*verbs, *(after for v in verbs for after in _ENTAILS.get(readings(v).get("VERB", ("",))[0], ()))]


# What a deed entails that news reports instead: "Was anyone killed in the ice storm?" is answered by "Two people
# died in a crash …".
_ENTAILS = {"kill": ("die",)}
# Verbs that link someone to a state ("gotten sick", "fallen ill", "become infected"): the state is what is asked.
_LINKING = frozenset({"get", "become", "fall", "go"})


_DETERMINERS = frozenset(DETERMINERS.split("|"))


def _head(words: list[str]) -> list[str]:
    """The head of the noun phrase the words open with: its last word before a stop word ("injuries" of "injuries
    in the fire"); [] for none."""
    return list(itertools.takewhile(lambda w: w not in STOPWORDS, words))[-1:]


# A deed said in the passive with its doer after "by" ("the game, developed by Russian scientist Alexey Pajitnov",
# "Founded in 2008 by industry veterans Bill Hart"): the doer is the first capitalised word after "by" and at most
# three lower-case words that are no prepositions ("developed by the company in May" names no one).
_BY_DOER = re.compile(
    r"\b([A-Za-z][A-Za-z’'-]*)(?:\s+(?:in|on|at|since)\s+[\w,]+){0,2}\s+by\s+"
    r"(?:(?!(?:in|on|at|of|for|with|from|to|and|or|as|after|before)\b)[a-z]+\s+){0,3}([A-Z][\w’'-]*)"
)


# A doer named by kin after "by" ("She is survived by her son and four grandchildren", "was raised by his
# grandmother"): the noun after the possessive, not "own" ("by her own account").
_BY_KIN = re.compile(r"\b([A-Za-z][A-Za-z’'-]*)\s+by\s+(?:his|her|their)\s+(?!own\b)([a-z]+)")


# A doer named before a clause saying the deed: "Council member Dana Ortiz, who voted against it, said …", "Sen.
# Marcus Webb, a Republican who voted against the measure, …" (a word such as "also" or "had" may stand before the
# verb).
_WHO_DID = re.compile(
    r"\b([A-Z][\w’'-]*),\s+(?:(?:a|an|the)\s+(?:[\w’'-]+\s+){1,4}?)?who\s+"
    r"(?:(?:also|had|has|have|was|were|never|then|later)\s+)?([a-z]+)\b"
)


# The deed told as a noun, its doer after "came from": "The lone vote against the plan came from board member Darnell
# Higgs", "The largest donation came from Ana Ruiz" (the deed word at most five words before "came").
_CAME_FROM = re.compile(
    r"\b((?:[a-z]+\s+){1,5})came\s+from\s+(?:(?!(?:in|on|at|of|the|a|an)\b)[a-z]+\s+){0,3}([A-Z][\w’'-]*)"
)


def names_doer(deed: str, text: str, asked: str) -> bool:
    """The text names, after "by", before ", who <deed>" or after "<deed> … came from", who did the deed (one of its
    forms) of a "Who <deed> …?" question, someone the question (`asked`) does not name: "Who developed Tetris?" is
    answered by "…, developed by Alexey Pajitnov", which MiniLM puts far from it when the sentence is about something
    else, and "Who voted against the budget?" by "Council member Dana Ortiz, who voted against it" or "The lone vote
    against the plan came from board member Darnell Higgs"."""
    own = {w.lower() for w in WORD.findall(asked)}
    found = [(m.group(1), m.group(2)) for m in _BY_DOER.finditer(text)]
    found += [(m.group(1), m.group(2)) for m in _BY_KIN.finditer(text)]
    found += [(m.group(2), m.group(1)) for m in _WHO_DID.finditer(text)]
    found += [(noun, m.group(2)) for m in _CAME_FROM.finditer(text) for noun in m.group(1).split()]
    return any(in_form([deed], [verb]) and doer.lower() not in own | NOT_NAMES for verb, doer in found)


def asked_deed(question: str) -> str:
    """A "Who <verb> …?" question as what no sentence says ("who sponsored the cider festival"); "" for another."""
    return as_asked(question) if doer_verb(question) else ""


def as_asked(question: str) -> str:
    """The question as what no sentence says: "Who was the mayor before Reed?" -> "who was the mayor before Reed"."""
    asked = question.strip().rstrip("?!. ")
    return asked[:1].lower() + asked[1:]


# What makes a participle passive before it ("was stolen", "has been shot"), and what makes it active ("has stolen").
_BE = frozenset({"is", "are", "was", "were", "be", "been", "being", "got", "gets", "get"})
_HAVE = frozenset({"has", "have", "had", "having"})


def passive_only(deed: str, text: str) -> bool:
    """The text tells the deed of a "Who <deed> …?" question only in the passive with no doer after "by": after a
    form of "be" ("the officers were shot"), or as a participle no past tense shares ("A painting stolen from the
    Harbor Art Museum in 1994 has been returned"). It says the deed was done, not who did it. False when it tells
    the deed actively anywhere ("Two men stole …"), by its doer ("stolen by two men"), or not in the verb's forms."""
    words = [w.lower() for w in WORD.findall(text)]
    found = [i for i, w in enumerate(words) if deed_in_form(deed, [w])]
    return bool(found) and all(_passive(words, i) for i in found)


def _passive(words: list[str], i: int) -> bool:
    """The i-th word, a form of the deed, is passive and names no doer after it."""
    if words[i + 1 : i + 2] == ["by"]:
        return False
    if words[i].endswith("ing"):
        return False  # "The FAA … are investigating the cause": the progressive is active
    before = words[i - 1] if i else ""
    return before in _BE or (before not in _HAVE and _participle_only(words[i]))


@lru_cache(maxsize=1024)
def _participle_only(word: str) -> bool:
    """The word is a verb's past participle and not its past tense ("stolen", "beaten"; not "voted" or "shot")."""
    from lemminflect import getInflection

    lemmas = readings(word).get("VERB", ())
    return any(word in getInflection(v, "VBN") and word not in getInflection(v, "VBD") for v in lemmas)
