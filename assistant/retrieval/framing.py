"""The request around a question ("Can you tell me …", "According to my articles, …", "Hi, …"), dropped before
anything reads what it asks."""

from __future__ import annotations

import re

# A request around the question ("Can you tell me what happened in Kharkiv?", "I'd like to know who founded Wagner",
# "According to my articles, ...", "What do we know about Baykar?", "Is there anything about Baykar?"): its "I",
# "me" and "my" would read as a question about the asker, and its words as part of what is asked. "about" stays, so
# a name after it is not read as a sentence's first word. "Tell me a joke" is a task, not a frame.
_SOURCES = r"(?:the|my|these|those|your|our) (?:articles?|news|sources?|stories|documents?|reports?|collection)"
# A greeting or thanks before the question ("Hi, what happened in Kharkiv?", "Thanks. Who is Kadyrov?").
# Punctuation or a question's first word must follow it: "Hello Kitty" is a name.
_GREETING = re.compile(
    r"^\s*(?:(?:hi|hello|hey|thanks|thank you|ok|okay)\b(?: there)?(?:[,.!:;]+\s*|\s+(?=(?:what|who|whom|whose|when"
    r"|where|which|why|how|is|are|was|were|do|does|did|can|could|will|would|tell|please)\b)))+",
    re.I,
)
_FRAME = re.compile(
    r"^\s*(?:(?:please|hi|hey|ok|okay|so)\b[,!]?\s*)*(?:"
    r"(?:(?:(?:can|could|would|will) you\s+(?:please\s+)?)?(?:tell|show) me|what can you tell me"
    r"|i(?:'d|’d| would) like to know|i want to know|i(?:'m|’m| am) curious|i wonder(?:ed)?|i was wondering"
    r"|do you know|(?:can|could|may) i ask(?: you)?)\b(?!\s+(?:a|an|some)\b)"
    r"|(?:(?:can|could|would|will) you\s+(?:please\s+)?)?(?:give|tell|show) me (?:the |a |an )?(?:key points"
    r"|main points|gist|highlights|summary|overview|rundown|recap)(?= (?:of|on|about)\b)"
    r"|what (?:are|were) the (?:key|main) points(?= (?:of|on|about)\b)"
    r"|(?:according to|based on) " + _SOURCES + r"\b|(?:in|from) " + _SOURCES + r"(?=\s*[,:])"
    r"|(?:what|how) (?:do|does) " + _SOURCES + r" (?:say|tell(?: me| us)?|report)(?= about\b)"
    r"|what do (?:we|you|i) (?:need to )?know(?= about\b)|what(?:'s|’s| is) known(?= about\b)"
    r"|what(?:'s|’s| is| are) (?:the )?(?:latest|newest)(?: (?:news|updates?|headlines))?(?= (?:on|about|in|with)\b)"
    r"|(?:(?:is|are) there|do (?:you|we) have|have you got)? ?(?:any|anything|something)(?: new)?"
    r"(?: (?:news|articles?|stories|reports?|information|info))?(?= (?:about|on)\b)"
    r")[,:]?\s*",
    re.I,
)
# A frame asking for the news ("any news on the missing boat", "what's the latest on the fire"): what it asks of
# stands as "now" (time_ties.latest_tie reads it: the newest telling of a story answers).
_NEWS = re.compile(r"\b(?:latest|newest|new|news|updates?)\b", re.I)
_END = re.compile(r"(\W*)$")
# ... and the same source named at the end ("Who founded Wagner, according to my articles?").
_SOURCE_TAIL = re.compile(r"[,;]?\s+(?:according to|based on|in) " + _SOURCES + r"(?=\s*[?.!]*\s*$)", re.I)

# A request for a list or a name of what a clause tells ("List the cities that were hit.", "Name the automaker that
# recalled 112,000 vehicles"): the question it asks ("Which cities were hit?").
_LIST = re.compile(
    r"^\s*(?:please\s+)?(?:list|name)\s+(?:all\s+)?(?:of\s+)?(?:the\s+)?(?P<what>[\w’'-]+(?:\s+[\w’'-]+)?)"
    r"\s+(?:that|which|who)\s+(?P<rest>.+?)[\s.?!]*$",
    re.I,
)


def unframe(question: str) -> str:
    """The question without a greeting or request around it ("Can you tell me what happened in Kharkiv?" -> "what
    happened in Kharkiv?", "Hi, who is Kadyrov?" -> "who is Kadyrov?", "Who founded Wagner, according to my
    articles?" -> "Who founded Wagner?", "any news on the boat?" -> "on the boat now?"); a request for a list, the
    question it asks ("List the cities that were hit." -> "Which cities were hit?"); unchanged when nothing is
    left."""
    greeted = _GREETING.sub("", question, count=1)
    frame = _FRAME.match(greeted)
    rest = _SOURCE_TAIL.sub("", greeted[frame.end() :] if frame else greeted, count=1)
    if frame and _NEWS.search(frame.group(0)):
        rest = _END.sub(r" now\1", rest, count=1)  # the frame asked how things stand now (time_ties.latest_tie)
    if listed := _LIST.match(rest):
        return f"Which {listed.group('what')} {listed.group('rest')}?"
    return rest if rest.strip(" ?.!") else question
