"""Who holds a role of something: "Who is the president of Ukraine?" asks for the one a passage calls Ukraine's
president ("Ukrainian President Volodymyr Zelensky", "the president of Ukraine", "Ukraine's new president"), not
any president in a passage naming Ukraine ("President Putin decided to annex the four occupied oblasts of Ukraine").

Read from the question's wording, no model: the role is one or two words, the thing it is of a name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from assistant.retrieval.rewrite import asked_part
from newstext.generic import BODY_WORDS, ORGANISATION_WORDS, PLACE_WORDS

_NAME = r"[A-Z][\w’'.&-]*(?:\s+(?:of\s+|the\s+)?[A-Z][\w’'.&-]*)*"
# a generic word a name may go with in lower case: "the Wagner group"
_NAME_NOUN = r"(?:\s+(?:" + "|".join(sorted(ORGANISATION_WORDS | BODY_WORDS)) + r"))?"
# A noun or two: "Who was named Director of ..." asks no role, nor does "Who is in the news ...".
_ROLE = r"(?![a-z]+ed\b|(?:in|on|at|of|for|to|by|with|from|a|an|the)\b)[A-Za-z]+(?:\s+[A-Za-z]+)?"
_CURRENT = r"(?:(?:new|current|former|acting|interim|incoming|outgoing)\s+)?"
# "Who is the president of Ukraine?", "Who was the CEO of Tesla?", "Who is Ukraine's president?"; "Who is in charge
# of Wagner?" and "Who is behind Wagner?" ask for its head.
_WHO_IS = r"^\W*(?i:who(?:['’]s|\s+(?:is|was|are|were)))\s+"  # and as typed: "whos the ceo" (shorthand.py)
_OF = re.compile(_WHO_IS + r"(?:the\s+)?" + _CURRENT + "(" + _ROLE + r")\s+of\s+(?:the\s+)?("
                 + _NAME + ")" + _NAME_NOUN + r"\W*$")  # fmt: skip
_POSSESSIVE = re.compile(_WHO_IS + "(" + _NAME + r")[’']s?\s+" + _CURRENT + "(" + _ROLE
                         + r")\W*$")  # fmt: skip
_HEADS = re.compile(_WHO_IS + r"(?:in\s+charge\s+of|(?:the\s+one\s+)?behind)\s+(?:the\s+)?(" + _NAME + ")" + _NAME_NOUN
                    + r"\W*$")  # fmt: skip
# "Who leads Russia?", "Who runs Tesla?", "Who heads the Wagner group?" ask for its head too; "Who coaches the
# Hawks?" for its coach, "Who owns the Bears?" for its owner.
_VERB_ROLES = {
    "leads": "head", "heads": "head", "runs": "head", "led": "head", "headed": "head", "ran": "head",
    "coaches": "coach", "coached": "coach", "manages": "manager", "managed": "manager", "owns": "owner",
    "owned": "owner", "chairs": "chair", "chaired": "chair",
}  # fmt: skip
_LEADS = re.compile(r"^\W*(?i:who\s+(" + "|".join(_VERB_ROLES) + r")\s+)(?:the\s+)?(" + _NAME + ")" + _NAME_NOUN
                    + r"\W*$")  # fmt: skip
# "Who owns the diner?", "Who coaches the team?": the holder of a role in the story, of nothing the question names
# (not a head: "Who runs the company?" asks of no role news writes beside a name).
_OWNS_THE = re.compile(
    r"^\W*(?i:who\s+(" + "|".join(v for v, role in _VERB_ROLES.items() if role != "head") + r")\s+the\s+)"
    r"[a-z][a-z\s-]*\W*$"
)
# The passive a role is held by: "The Bears were led by forward Tyrell Hayes", "the team is coached by Dana Fox".
_HELD_BY = {"head": "led|headed|run", "coach": "coached", "manager": "managed", "owner": "owned", "chair": "chaired"}
# "Who is the judge?", "Who was the fire chief?": a role in the story asked of, of nothing the question names; its
# holder is the name news writes beside it ("U.S. District Judge Helen Park", "Shaw's lawyer, Mark Ellison"), which
# "Prosecutors said …" or "fire officials said" do not give.
_ROLES = (
    r"judge|prosecutor|lawyer|attorney|coach|chief|mayor|governor|president|ceo|director|chairman|chairwoman"
    r"|spokesman|spokeswoman|spokesperson|manager|owner|founder|captain|commissioner|superintendent|sheriff|chair"
    r"|senator|minister|treasurer|leader|winner|author|principal|editor|referee|suspect|shooter|gunman"
    r"|engineer|administrator|secretary|chancellor|coroner|auditor|inspector|clerk|dean|pastor"
    # an officer of one office (not "the ex-FSB officer", one of many)
    r"|(?:health|information|executive|financial|operating|technology|medical) officer|cfo|coo|cto|researcher"
)
# (whose role it is may be said by a common noun's owner: "Who is the family's lawyer?")
_THE_ROLE = re.compile(
    _WHO_IS + r"(?:the|his|her|their|its)\s+(?:[a-z]+[’']s\s+)?" + _CURRENT + r"((?i:[a-z-]+\s+)?(?i:" + _ROLES
    + r"))\W*$"
)
# ... and its holder's name asked for: "What's his lawyer's name?" asks "Who is his lawyer?"
_ROLE_NAME = re.compile(
    r"^\W*(?i:what(?:[’']s|\s+is|\s+was))\s+(?i:the|his|her|their|its)\s+(?:[a-z]+[’']s\s+)?" + _CURRENT
    + r"((?i:[a-z-]+\s+)?(?i:" + _ROLES + r"))[’']s\s+(?i:full\s+)?name\W*$"
)
# (after a courtesy title: "The county's health officer, Dr. Alan Meyers, urged …")
_FULL_NAME = (
    r"(?:(?:Dr|Mr|Mrs|Ms|Rev|Sgt|Lt|Capt|Col|Gen)\.\s+)?(?:[A-Z]\.\s*)*[A-Z][a-z’'-]+\s+(?:[A-Z]\.\s+)?[A-Z][a-z’'-]+"
)
# A name's adjective shares its opening with it: Ukraine ~ Ukrainian, Russia ~ Russian, China ~ Chinese.
STEM_CHARS = 4
# Words that may stand between a name and its role ("Ukraine's new president", "Tesla's former chief"), not a verb
# or an article ("Ukraine has a president" calls no one its president).
_BETWEEN = r"(?:(?!(?:has|have|had|is|was|are|were|a|an|the|and|or|to|in|its|their)\b)[\w-]+\s+){0,2}"
_GENERIC = ORGANISATION_WORDS | BODY_WORDS | PLACE_WORDS  # a name's last word that a passage drops
# A head is whatever the name calls the one at its top: a country's president, a company's chief executive.
_HEAD_ROLES = frozenset({
    "head", "leader", "chief", "boss", "founder", "ceo", "chief executive", "chief executive officer", "president",
    "chairman", "chairwoman", "prime minister", "premier", "commander",
})  # fmt: skip
# Roles said in other words: a passage calling Prigozhin Wagner's leader, or its founder, answers who leads it.
_SAME_ROLE = (
    frozenset({"head", "leader", "chief", "boss", "founder"}),
    frozenset({"ceo", "chief executive", "chief executive officer"}),
    frozenset({"prime minister", "premier"}),
    frozenset({"governor", "gov."}),  # "North Dakota Gov. Doug Burgum"
    frozenset({"senator", "sen."}),
    frozenset({"chair", "chairman", "chairwoman"}),  # "board chair Susan Lee"
    frozenset({"lawyer", "attorney"}),  # "Who is the family's lawyer?": "the family's attorney, Linda Cho"
    # an officer's acronym, written out or by the office's chief: "Who is their CFO?" is answered by "Chief
    # Financial Officer Raymond Oduya told analysts ..."
    frozenset({"cfo", "chief financial officer", "financial officer", "finance chief"}),
    frozenset({"coo", "chief operating officer", "operating officer"}),
    frozenset({"cto", "chief technology officer", "technology officer"}),
    # a study's main researcher is its lead author: "said lead author Dr. Priya Venkataraman"
    frozenset({"main researcher", "lead researcher", "lead author", "principal investigator"}),
)


@dataclass(frozen=True)
class Holder:
    """The role asked about and the name it is a role of."""

    role: str
    of: str

    def held_in(self, text: str) -> bool:
        """The text calls someone the name's role (the role beside a full name, for a role of nothing named)."""
        role = self.role if _grouped(self.role) else self.role.split()[-1]  # "fire chief": a chief
        return bool((_pattern(self.role, self.of) if self.of else _beside(role)).search(text))

    def held_unnamed(self, text: str) -> bool:
        """The text calls someone the role of a thing it does not name, as news does of its story's subject:
        "Chief executive Priya Nair said the company chose Ohio", "its chief executive, Priya Nair". Only a text of
        the name's story answers with it (the caller reads the chunk)."""
        return bool(_unnamed(self.role).search(text))


@lru_cache(maxsize=64)
def _pattern(role: str, of: str) -> re.Pattern[str]:
    """A passage's ways of saying the name's role: "role of [the] Name", "Name['s] [..] role", "Namean role"."""
    said = _said(role)
    words = of.split()
    if len(words) > 1 and words[-1].lower() in _GENERIC:
        words = words[:-1]  # "the Wagner Group": "Wagner leader"
    # one word may be said as its adjective ("Ukrainian"); several only as written ("United States" is no UK)
    name = re.escape(words[0][:STEM_CHARS]) + r"\w*" if len(words) == 1 else r"\s+".join(map(re.escape, words))
    held = rf"(?i:\b{said})\s+of\s+(?:the\s+)?{name}|\b{name}(?:[’']s?)?\s+{_BETWEEN}(?i:{said})(?!\w)"
    if by := _HELD_BY.get(role):  # "The Bears were led by forward Tyrell Hayes"
        held += rf"|\b{name}\s+(?i:is|are|was|were|has been|have been)\s+(?i:{by})\s+by\s+(?:[a-z]+\s+){{0,3}}[A-Z]"
    return re.compile(held)


@lru_cache(maxsize=64)
def _beside(role: str) -> re.Pattern[str]:
    """The role written beside a full name: "Judge Helen Park", "lawyer, Mark Ellison", "Mark Ellison, her lawyer"."""
    said = _said(role)
    return re.compile(
        rf"(?i:\b{said})(?:[’']s)?,?\s+{_FULL_NAME}|{_FULL_NAME},\s+(?:[\w’'-]+\s+){{0,3}}(?i:{said})\b"
    )


# What may say whose a role is when the sentence names no one's: nothing before it, or a pronoun or "the company's".
_WHOSE = r"(?:^\W*|\b(?i:its|their|the (?:company|firm|group|agency|organization|organisation|team)[’']s)\s+)"


@lru_cache(maxsize=64)
def _unnamed(role: str) -> re.Pattern[str]:
    """The role opening the sentence, or after "its", before the name of the one holding it ("Chief executive Priya
    Nair said", "its new chief executive, Priya Nair")."""
    return re.compile(_WHOSE + _CURRENT + rf"(?i:{_said(role)}),?\s+[A-Z][a-z]+\s+[A-Z]")


def _grouped(role: str) -> bool:
    """Other words say the role (_SAME_ROLE): "main researcher" is read whole, not as any researcher."""
    return any(role in same for same in _SAME_ROLE)


def _said(role: str) -> str:
    """The role and the words that say it too (_SAME_ROLE; any head's for "head"), as one group of a pattern, spaced
    as a passage may space them."""
    roles = _HEAD_ROLES if role == "head" else next((same for same in _SAME_ROLE if role in same), {role})
    return "(?:" + "|".join(r"\s+".join(re.escape(w) for w in r.split()) for r in sorted(roles)) + ")"


def holder(question: str) -> Holder | None:
    """The role and its name a "who is the <role> of <Name>?" question asks about; None for any other question. A
    follow-up is read as the user asked it ("Who is the health officer? (measles cases)": rewrite.asked_part)."""
    question = asked_part(question)
    if m := _OF.match(question):
        return Holder(m.group(1).lower(), m.group(2))
    if m := _POSSESSIVE.match(question):
        return Holder(m.group(2).lower(), m.group(1))
    if m := _THE_ROLE.match(question) or _ROLE_NAME.match(question):
        return Holder(" ".join(m.group(1).lower().split()), "")
    if m := _HEADS.match(question):
        return Holder("head", m.group(1))
    if m := _LEADS.match(question):
        return Holder(_VERB_ROLES[m.group(1).lower()], m.group(2))
    if m := _OWNS_THE.match(question):
        return Holder(_VERB_ROLES[m.group(1).lower()], "")  # "Who owns the diner?": a role in the story
    return None
