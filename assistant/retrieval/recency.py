"""A recency prior: news questions are mostly about the latest events, so newer articles get a small boost.

Measured on news-dev (scripts/tune_retrieval.py): questions about "this week" are answered by the articles
published closest to the day they were asked; older background pieces on the same topic crowd them out.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable

from newstext.dates import parse_day


def reference_day(article_dates: Iterable[str], as_of: dt.date | None) -> dt.date | None:
    """The day "now" means: as_of (default today), but never after the newest candidate article.

    Capping at the newest candidate keeps the prior meaningful for a collection that stopped growing a
    while ago: "this week" then means the collection's latest week.
    """
    days = [d for d in map(parse_day, article_dates) if d is not None]
    if not days:
        return None
    return min(as_of or dt.date.today(), max(days))


def recency(article_date: str, reference: dt.date | None, decay_days: float, undated: float) -> float:
    """1.0 for an article from the reference day, decaying as exp(-age / decay_days); `undated` (neither fresh
    nor stale) when either date is unknown."""
    day = parse_day(article_date)
    if day is None or reference is None:
        return undated
    age = abs((reference - day).days)  # asked as of a past day, later articles are about later events
    return math.exp(-age / decay_days)
