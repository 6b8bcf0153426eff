"""Photo captions: scraped news keeps each picture's caption as a paragraph ending in its credit ("Bruce Sutter waves
to the crowd during the 2018 home opener … at Bush Stadium. Jimmy Simmons/Icon Sportswire/AP"). It describes a
picture, often from another time or story, so its sentences are no answers."""

from __future__ import annotations

import re

# A credit after the caption's last sentence: a name and its agencies joined by slashes ("Sue Ogrocki/AP", "Daniel
# Acker/Bloomberg/Getty Images"), or Getty's alone. A sentence ending in a slashed address
# ("DesMoinesRegister.com/DemDebate.") ends with its full stop, so it is no credit.
_CREDIT = re.compile(
    r"""[.!?…"”’)]\s+(?:[-–—]\s*)?[A-Z][\w.’'-]*(?: [A-Z][\w.’'-]*){0,3}(?:/[A-Z][\w&’'. -]*)+\s*$"""
    r"|\bGetty Images\s*$"
)
_PARAGRAPH = re.compile(r"[^\n]+")


def caption_spans(text: str) -> list[tuple[int, int]]:
    """The character spans of the text's paragraphs that are photo captions (end in a credit)."""
    return [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text) if _CREDIT.search(m.group(0))]


def in_caption(spans: list[tuple[int, int]], start: int) -> bool:
    """The offset lies inside one of the caption spans."""
    return any(a <= start < b for a, b in spans)
