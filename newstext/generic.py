"""The generic words of names ("the Wagner Group", "Orange County"), which news lower-cases or drops: "Wagner"
and "the Wagner group" name the same thing. One list for the question's names (answer/constraints.py) and the
roles held of them (retrieval/holder.py)."""

from __future__ import annotations

# An organisation's: "the Wagner Group", "the Labour Party", "Harvard University". Never a name of its own.
ORGANISATION_WORDS = frozenset(
    "group company corporation party committee council department ministry agency organization organisation "
    "association foundation institute university college commission federation league".split()
)
# A body's that a question also asks for as a thing ("What is the name of the NFL team …?" asks for a team): generic
# only beside a role's holder ("Who is the leader of the Wagner movement?"), not among the question's names.
BODY_WORDS = frozenset({"club", "team", "movement", "network", "government", "army", "corp", "inc"})
# A place's: "Kansas City", "Orange County", "Washington State".
PLACE_WORDS = frozenset({"city", "county", "state"})
