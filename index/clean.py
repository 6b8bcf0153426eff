"""Text cleaning: normalise whitespace and strip page boilerplate so only the article body is indexed."""

from __future__ import annotations

import re

# Standalone UI lines (whole line, case-insensitive) that carry no article content.
UI_LINE_PATTERNS: tuple[str, ...] = (
    r"copied!?|link copied!?|copy link",
    r"share( this( article| story| post)?)?:?|share on (facebook|twitter|x|linkedin|whatsapp|email)",
    r"click to (share|print|email)\b.*",
    r"like this:?|like loading\.*|loading\.*",
    r"(skip )?advertisement|ad|sponsored( content)?",
    r"(story|article) continues (below|after)( (the )?advertisement)?",
    r"(subscribe|sign up)( (now|today|here)[.!]?| (for|to)\b.*)?",
    r"newsletter:.*|support local journalism\b.*",
    r"print( this (article|page))?|email( this (article|page))?",
)
# A line that opens the reader-comment section; everything from it on is dropped.
COMMENT_MARKER_PATTERNS: tuple[str, ...] = (
    r"leave a (reply|comment)\b.*",
    r"(one|two|three|four|five|six|seven|eight|nine|ten|no|\d+) (responses?|comments?|replies|thoughts?)"
    r" (to|on) [“\"'‘].+",
    r"(\d+ )?comments?( \(\d+\))?:?",
    r"comments are closed\.?",
    r"(view|show|load|see) (all )?(\d+ )?comments?( \(\d+\))?",
    r"your email address will not be published\b.*",
    r"join the (conversation|discussion)\.?",
)
# "About <Name>": the heading of a trailing author box (a capitalised name of one to four words).
AUTHOR_BOX_HEADING = r"about(?-i:\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})"

MAX_UI_LINE_CHARS = 500  # UI lines are short; a longer line is article text whatever it starts with
COMMENT_TAIL_FRACTION = 0.6  # a comment marker only counts in the last 40% of the text
MAX_AUTHOR_BIO_CHARS = 300
MAX_AUTHOR_BIO_LINES = 3
MAX_HEADLINE_WORDS = 25
MAX_HEADLINE_CHARS = 200
HEADLINE_BAD_ENDINGS = ".:,;—–-"

_UI_LINE = re.compile("|".join(f"(?:{p})" for p in UI_LINE_PATTERNS), re.IGNORECASE)
_COMMENT_MARKER = re.compile("|".join(f"(?:{p})" for p in COMMENT_MARKER_PATTERNS), re.IGNORECASE)
_AUTHOR_HEADING = re.compile(AUTHOR_BOX_HEADING, re.IGNORECASE)
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b\ufeff]")
_LINE_BREAKS = re.compile(r"\r\n?|[\u2028\u2029]")
_TRAILING_SPACE = re.compile(r"[ \t\u00a0]+$", re.MULTILINE)
_BLANK_RUNS = re.compile(r"\n{3,}")


def scalar_text(text: str) -> str:
    """Lone surrogates (JSON escapes like \\ud83d, undecodable file names) become U+FFFD: stores need UTF-8."""
    return _SURROGATE.sub("\ufffd", text)


def clean_text(text: str) -> str:
    """Normalise whitespace and drop boilerplate, so chunks and citations only see article prose."""
    text = _LINE_BREAKS.sub("\n", scalar_text(text))
    text = _CONTROL.sub("", text)
    text = _TRAILING_SPACE.sub("", text)
    lines = _drop_ui_lines(text.split("\n"))
    lines = _cut_comment_tail(lines)
    lines = _drop_author_box(lines)
    return _BLANK_RUNS.sub("\n\n", "\n".join(lines)).strip()


def split_headline(text: str) -> tuple[str, str]:
    """Split off a leading headline line, so it becomes the title instead of body text."""
    first, sep, rest = text.lstrip("\n").partition("\n")
    title = first.strip()
    if not sep or not _looks_like_headline(title):
        return "", text
    if rest.split("\n", 1)[0].strip() or not rest.strip():
        return "", text  # a headline is followed by a blank line and then the body
    return title, rest.strip("\n")


def _looks_like_headline(line: str) -> bool:
    """Short, and not ending like a sentence or a lead-in."""
    return (
        bool(line)
        and len(line) <= MAX_HEADLINE_CHARS
        and len(line.split()) <= MAX_HEADLINE_WORDS
        and line[-1] not in HEADLINE_BAD_ENDINGS
    )


def _drop_ui_lines(lines: list[str]) -> list[str]:
    """Remove standalone share/ad/subscribe lines, which interrupt paragraphs."""
    return [ln for ln in lines if not _is_ui_line(ln.strip())]


def _is_ui_line(line: str) -> bool:
    """Whether a stripped line is short UI text."""
    return bool(line) and len(line) <= MAX_UI_LINE_CHARS and _UI_LINE.fullmatch(line) is not None


def _cut_comment_tail(lines: list[str]) -> list[str]:
    """Drop the reader-comment section, but only near the end so a body mentioning it survives."""
    total = sum(len(ln) + 1 for ln in lines)
    offset = 0
    for i, line in enumerate(lines):
        stripped = line.strip()
        if offset >= total * COMMENT_TAIL_FRACTION and _is_marker(stripped):
            return lines[:i]
        offset += len(line) + 1
    return lines


def _is_marker(line: str) -> bool:
    """Whether a stripped line opens a comment section."""
    return bool(line) and len(line) <= MAX_UI_LINE_CHARS and _COMMENT_MARKER.fullmatch(line) is not None


def _drop_author_box(lines: list[str]) -> list[str]:
    """Drop a trailing "About <Name>" box with a short bio; it describes the author, not the news."""
    content = [i for i, ln in enumerate(lines) if ln.strip()]
    for i in reversed(content[-(MAX_AUTHOR_BIO_LINES + 1) :]):
        if _AUTHOR_HEADING.fullmatch(lines[i].strip()):
            bio = [lines[j].strip() for j in content if j > i]
            if i != content[0] and sum(len(b) for b in bio) <= MAX_AUTHOR_BIO_CHARS:
                return lines[:i]
            break
    return lines
