"""Days as the index stores them: "YYYY-MM-DD" text ("" when undated) and, for Chroma's filters, YYYYMMDD ints."""

from __future__ import annotations

import datetime as dt

UNDATED = 0  # the day number of an undated article: before every real day, so a date bound never matches it


def parse_day(value: str) -> dt.date | None:
    """The day a stored "YYYY-MM-DD" names, or None for anything else (undated, malformed)."""
    try:
        return dt.date.fromisoformat(value) if len(value) == 10 else None
    except ValueError:
        return None


def day_number(day: dt.date) -> int:
    """YYYYMMDD as an int: the form Chroma metadata filters compare."""
    return day.year * 10000 + day.month * 100 + day.day


def stored_day_number(value: str) -> int:
    """The day number of a stored "YYYY-MM-DD" date, UNDATED when it is not one."""
    day = parse_day(value)
    return day_number(day) if day is not None else UNDATED
