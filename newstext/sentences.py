"""Sentence spans with exact character offsets, shared by the chunker and the answer engine."""

from __future__ import annotations

import re

# Titles written before a name ("Mr. Darcy", "Gen. Milley"): the period that closes one ends no sentence. The
# personal ones are also typed before a name in lower case ("mr brown"), where the others may be words ("rep").
PERSONAL_TITLES = frozenset("mr mrs ms dr prof".split())
TITLES = PERSONAL_TITLES | frozenset("sen rep gov gen col lt sgt capt cmdr adm rev hon pres".split())
_ABBREVIATIONS = TITLES | frozenset(
    "sr jr st mt no vs etc inc ltd co corp dept univ est approx jan feb mar apr jun jul aug sep sept oct nov dec "
    "u.s u.k u.n e.g i.e a.m p.m".split()
)
# ...of which these also close a sentence ("now has 45 locations in the U.S. The Louisville location is ..."), when
# the next word is one that opens sentences and is no name's.
_MAY_END = frozenset("u.s u.k u.n a.m p.m etc inc ltd co corp jr sr".split())
# ...and an hour of the clock closes one before any capitalised word but those that go on telling when ("at 9 a.m.
# Monday", "7 p.m. ET", "8 p.m. Eastern"): "Classes now begin at 7:25 a.m. Board members cited research …" is two.
_CLOCK = frozenset({"a.m", "p.m"})
_WHEN_AFTER_CLOCK = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july august "
    "september october november december jan feb mar apr jun jul aug sep sept oct nov dec today tonight et est edt "
    "ct cst cdt mt mst mdt pt pst pdt gmt utc bst eastern central mountain pacific local".split()
)
# Words that open sentences and are no name's (a run of capitalised words opening one may start with them:
# "While Hassan", assistant/retrieval/rewrite.py).
OPENERS = frozenset(
    "the a an he she it they we i his her its their our this that these those there but and or so yet in on at "
    "after before when while if as according however meanwhile".split()
)
_TITLE_BEFORE = re.compile(r"(?:^|[^\w.])(" + "|".join(sorted(TITLES)) + r")\.\s+$", re.I)
# A sentence ends at . ! ? (plus closing quotes/brackets) before whitespace, or at a line break; also at a closing
# quote run into the next sentence's capital, as scraped text has it ("… impossible until a couple of years
# ago.”Tetris arrived …").
_END = re.compile(r"""[.!?…]+["'”’)\]]*(?=\s)|[.!?…]+["”’]+(?=[A-Z])|\n+""")
_WORD_BEFORE = re.compile(r"([\w.’']+)$")  # "Bubbakoo's." ends on no initial
_WORD = re.compile(r"\S+")
_NEXT_CHAR = re.compile(r"\s*(\S)")
_NEXT_WORD = re.compile(r"\s*(\S+)")
# What "No." numbers ("No. 6", "No. #1", "No. Two", "Docket No. EPA-HQ-1"): before anything else it is the word
# no, a whole sentence ("Is it likely? No. But it's not unprecedented.").
_NUMBERED = re.compile(r"[\d#]|(?:one|two|three|four|five|six|seven|eight|nine|ten)\b|(?-i:[A-Z]{2,}\b|[A-Z]+-)", re.I)
# Text ending here is followed by a word that opens a sentence, a quote, a bracket or a line.
_OPENS = re.compile(r"(?:^|[.?!:;]\s+|[\"“(‘'\n]\s*)$")


def opens_sentence(before: str) -> bool:
    """The word after `before` opens a sentence (a quote, a bracket, a line), where its capital says nothing of a
    name. A title's period ("Mr. Darcy") ends no sentence."""
    return bool(_OPENS.search(before)) and not _TITLE_BEFORE.search(before)


def _is_abbreviation(text: str, dot_at: int) -> bool:
    """True when the '.' at dot_at closes a known abbreviation or an initial like 'J.', and no sentence with it."""
    if text[dot_at] != ".":
        return False
    match = _WORD_BEFORE.search(text, max(0, dot_at - 24), dot_at)
    if not match:
        return False
    word = match.group(1).lower().strip(".")
    if word in _MAY_END and (after := _NEXT_WORD.match(text, dot_at + 1)):
        opener = after.group(1).strip("\"'“‘,")
        if word in _CLOCK:
            return not opener[:1].isupper() or opener.lower().rstrip(".,;:") in _WHEN_AFTER_CLOCK
        return not (opener[:1].isupper() and opener.lower() in OPENERS)
    if word == "no" and (after := _NEXT_WORD.match(text, dot_at + 1)):
        return _NUMBERED.match(after.group(1)) is not None
    return word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def _next_starts_lower(text: str, pos: int) -> bool:
    """A lowercase next word means the period was not a sentence end (e.g. 'approx. five')."""
    match = _NEXT_CHAR.match(text, pos)
    return bool(match and match.group(1).islower())


def _inside_brackets(text: str, cursor: int, match: re.Match[str]) -> bool:
    """The end closes a bracket opened inside the sentence: "Kern Valley (Calif.) State Prison", "the Stillwater
    (Okla.) News Press" go on; "(See page 5.)" standing as a sentence of its own ends."""
    if ")" not in match.group(0):
        return False
    opened = text.rfind("(", cursor, match.start())
    return opened > cursor and bool(text[cursor:opened].strip()) and ")" not in text[opened : match.start()]


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(start, end) offsets of sentences in text[start:end], whitespace trimmed, never empty."""
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    cursor = start
    for match in _END.finditer(text, start, end):
        if match.group(0)[0] != "\n" and (
            _is_abbreviation(text, match.start())
            or _next_starts_lower(text, match.end())
            or _inside_brackets(text, cursor, match)
        ):
            continue
        cut = match.start() if match.group(0)[0] == "\n" else match.end()
        spans.extend(_trimmed(text, cursor, cut))
        cursor = match.end()
    spans.extend(_trimmed(text, cursor, end))
    return spans


def _trimmed(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The span with surrounding whitespace removed, or nothing if it is blank."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return [(start, end)] if end > start else []


def word_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Offsets of whitespace-separated words, to split a sentence too long for the model."""
    return [(m.start(), m.end()) for m in _WORD.finditer(text, start, end)]


# A short sentence a pronoun opens goes on with the one before it ("… died Sunday at her home. She was 94."): too
# short to quote alone, it is no fragment either, and says something of its own.
_SHORT_TAIL = re.compile(r"(?:He|She|They|It)\s+\S+(?:\s+\S+)?")


# A dateline a story opens with, or what is left of one split off at its state's abbreviation ("CAPE CANAVERAL,
# Fla." then "— SpaceX launched …", "HARLAN SPRINGS, Pa." then "(AP) — A jury …"): "MINNEAPOLIS (AP) — ",
# "LAS VEGAS ‒ ", "WASHINGTON -- ".
_DATELINE = re.compile(
    r"(?:[A-Z][A-Z'’.-]+(?:\s+[A-Z][A-Z'’.-]+)*(?:,\s+[A-Z][A-Za-z.]+(?:\s+[A-Z][A-Za-z.]+){0,2})?\s*)?"
    r"(?:\([A-Za-z .]+\)\s*)?(?:[—–‒]|--)\s+(?=\S)"
)


def dateline_end(text: str, start: int, end: int) -> int:
    """Where the sentence text[start:end] goes on after the dateline it opens with (start when none): a quote says
    what the story says, not where it was filed from."""
    dateline = _DATELINE.match(text, start, end)
    return dateline.end() if dateline else start


def statement_spans(text: str) -> list[tuple[int, int]]:
    """sentence_spans(text), each short sentence a pronoun opens joined to the one before it in its paragraph: the
    statements an answer quotes and a passage holds whole."""
    out: list[tuple[int, int]] = []
    for a, b in sentence_spans(text):
        if out and _SHORT_TAIL.fullmatch(text[a:b]) and "\n" not in text[out[-1][1] : a]:
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out
