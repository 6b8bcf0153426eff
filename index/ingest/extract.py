"""Article pages -> headline, main text and publication date, without navigation, comments or footers."""

from __future__ import annotations

from dataclasses import dataclass

import htmldate
import trafilatura
from trafilatura.metadata import extract_title


@dataclass(frozen=True)
class ExtractPolicy:
    """Tuned numbers of page extraction."""

    min_text_chars: int = 200  # less main text than this is page furniture (an app shell, a paywall stub)
    extensive_date_search: bool = False  # True lets htmldate guess from any date in the text; markup only is safer


@dataclass(frozen=True)
class Extracted:
    """What a page says: headline ("" when it has none), main text, publication day (YYYY-MM-DD or "")."""

    title: str
    text: str
    date: str


def extract_page(html: bytes | str, url: str, policy: ExtractPolicy | None = None) -> Extracted | None:
    """The article on a page, or None when there is no article text to speak of, so the caller falls back
    to the feed's own content."""
    policy = policy or ExtractPolicy()
    try:
        doc = trafilatura.bare_extraction(
            html,
            url=url,
            include_comments=False,
            include_tables=False,
            with_metadata=False,
        )
    except Exception:  # a page trafilatura cannot parse has no text for us, like an empty one
        return None
    text = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if len(text) < policy.min_text_chars:
        return None
    title = _title(html)
    first, _, rest = text.partition("\n")
    if title and " ".join(first.split()) == title and rest.strip():
        text = rest.strip()  # the headline is kept as the title, not repeated as the first paragraph
    return Extracted(title=title, text=text, date=_date(html, url, policy))


def _title(html: bytes | str) -> str:
    """The page's headline (its h1 or title element, without the site name)."""
    try:
        tree = trafilatura.load_html(html)
        title = extract_title(tree) if tree is not None else None
    except Exception:
        return ""
    return " ".join(title.split()) if title else ""


def _date(html: bytes | str, url: str, policy: ExtractPolicy) -> str:
    """The publication day htmldate finds in the page's markup or url ("" when none)."""
    try:
        found = htmldate.find_date(
            html, extensive_search=policy.extensive_date_search, original_date=True, url=url, outputformat="%Y-%m-%d"
        )
    except Exception:
        return ""
    return found or ""
