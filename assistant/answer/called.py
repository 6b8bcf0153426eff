"""What a thing is called: "what's the fire called" is answered by the sentence whose subject is the fire's name
("The Cinder Ridge Fire was first reported …"), not by one naming another fire in passing ("… the same area as the
Dutchman Fire of August 2017")."""

from __future__ import annotations

import re
from functools import lru_cache

_CALLED = re.compile(
    r"^\W*what(?:'s|’s|\s+is|\s+was)\s+(?:the|this|that|its)\s+(?:[\w-]+\s+)?([a-z]+)\s+called\W*$", re.I
)


def called_noun(question: str) -> str:
    """The noun a "what's the <noun> called?" question asks the name of ("fire"); "" for another question."""
    m = _CALLED.match(question)
    return m.group(1).lower() if m else ""


@lru_cache(maxsize=64)
def _subject(noun: str) -> re.Pattern[str]:
    """A sentence opening with a name that ends with the noun, capitalised: "The Cinder Ridge Fire was …" (not "State
    Fire Marshal Kevin Ostrander …")."""
    return re.compile(r"^\W*(?:The\s+)?(?:[A-Z][\w’'.-]*\s+)+" + re.escape(noun.capitalize()) + r"s?\b(?!\s+[A-Z])")


def names_subject(text: str, noun: str) -> bool:
    """The text opens with the name of a thing of the asked noun: its subject is that thing."""
    return bool(noun) and _subject(noun).match(text) is not None
