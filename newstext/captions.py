"""Captions of pictures and videos: scraped news keeps each picture's caption as a paragraph ending in its credit
("Bruce Sutter waves to the crowd during the 2018 home opener … at Bush Stadium. Jimmy Simmons/Icon Sportswire/AP"),
a gallery's as one paragraph of captions, each followed by its credit ("… on Thursday, June 2. Jonathan Brady/Pool/AP
The Queen is joined by …"), and a video's as its player's label, its title and its length
("Video Ad Feedback See Prince Louis' reaction to royal flypast at Queen's jubilee 01:33 - Source: CNN"). A caption
describes a picture or a video, often from another time or story, so its sentences are no answers."""

from __future__ import annotations

import re

# A credit after the caption's last sentence: a name and its agencies joined by slashes ("Sue Ogrocki/AP", "Daniel
# Acker/Bloomberg/Getty Images"), or Getty's alone. A sentence ending in a slashed address
# ("DesMoinesRegister.com/DemDebate.") ends with its full stop, so it is no credit.
_PART = r"[A-Z][\w&’'.-]*(?: (?:[A-Z&][\w&’'.-]*|\d+|of|and|the|via|for))*"  # "Icon Sportswire", "Pool Photo via AP"
_PHOTOGRAPHER = r"[A-Z][\w.’'-]*(?: [A-Z][\w.’'-]*){0,3}"  # the credit's first name: "Jimmy Simmons", "AFP"
_CREDIT = re.compile(
    r"""[.!?…"”’)]\s+(?:[-–—]\s*)?""" + _PHOTOGRAPHER + r"""(?:/""" + _PART + r""")+\s*$"""
    r"|\bGetty Images\s*$"
)
# A credit inside a gallery's paragraph, before the next caption: an agency named last, as a name may hold a slash
# ("AC/DC"). The agencies news pictures come from most.
_AGENCIES = (
    "AP", "AFP", "Reuters", "Getty Images", "Pool", "Bloomberg", "EPA", "Shutterstock", "USA TODAY", "Sipa USA",
    "ZUMA Press", "NurPhoto", "Anadolu Agency", "SOPA Images", "LightRocket", "Redux", "CNN",
)
_GALLERY = re.compile(
    r"""[.!?…"”’)]\s+""" + _PHOTOGRAPHER + r"""(?:/""" + _PART + r""")*?/(?:"""
    + "|".join(_AGENCIES) + r""")\s+(?=[A-Z])"""
)
# A video's player label, or its length and source ("01:33 - Source: CNN") closing its title.
_VIDEO = re.compile(r"^\W*Video Ad Feedback\b|\b\d{1,2}:\d{2} - Source: [A-Z][\w .&-]*$")
_PARAGRAPH = re.compile(r"[^\n]+")


def caption_spans(text: str) -> list[tuple[int, int]]:
    """The character spans of the text's paragraphs that are captions: a picture's (ending in a credit), a gallery's
    (a credit between its captions) or a video's."""
    return [
        (m.start(), m.end()) for m in _PARAGRAPH.finditer(text)
        if _CREDIT.search(m.group(0)) or _GALLERY.search(m.group(0)) or _VIDEO.search(m.group(0))
    ]  # fmt: skip


def in_caption(spans: list[tuple[int, int]], start: int) -> bool:
    """The offset lies inside one of the caption spans."""
    return any(a <= start < b for a, b in spans)
