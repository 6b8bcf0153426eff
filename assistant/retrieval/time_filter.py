"""Turn a question's time expression ("last week", "in March", "since January", "in 2025") into a date range
relative to the day it is asked, without an LLM, so retrieval can keep to the articles of that period."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from assistant.retrieval.config import TimeWindow
from assistant.schemas import Filters

_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTH = "(" + "|".join(_MONTHS) + ")"


def _month_range(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def time_range(question: str, as_of: dt.date, window: TimeWindow) -> tuple[dt.date, dt.date] | None:
    """The period the question's time expression names, as (first day, last day), or None if it names none."""
    q = question.lower()
    lag = dt.timedelta(days=window.lag_days)
    week = dt.timedelta(days=window.week_days)
    if re.search(r"\b(?:this|past) week\b|\bthis weekend\b", q):
        return as_of - week, as_of
    if re.search(r"\blast week\b", q):
        return as_of - 2 * week, as_of - week + lag
    if re.search(r"\byesterday\b", q):
        return as_of - dt.timedelta(days=1), as_of
    if re.search(r"\bthis month\b", q):
        return as_of.replace(day=1), as_of
    if re.search(r"\blast month\b", q):
        first = as_of.replace(day=1) - dt.timedelta(days=1)
        start, end = _month_range(first.year, first.month)
        return start, end + lag
    if m := re.search(r"\bsince " + _MONTH + r"\b(?:\s+(\d{4}))?", q):
        month = _MONTHS[m.group(1)]
        year = int(m.group(2)) if m.group(2) else (as_of.year if month <= as_of.month else as_of.year - 1)
        return dt.date(year, month, 1), as_of
    if m := re.search(r"\b(?:in|during|of) " + _MONTH + r"\b(?:\s+(\d{4}))?", q):
        month = _MONTHS[m.group(1)]
        year = int(m.group(2)) if m.group(2) else (as_of.year if month <= as_of.month else as_of.year - 1)
        start, end = _month_range(year, month)
        return start, min(end + lag, max(as_of, start))
    if m := re.search(r"\b(?:in|during|since) ((?:19|20)\d\d)\b", q):
        year = int(m.group(1))
        if year > as_of.year:
            return None
        end = as_of if q[m.start() : m.start() + 5] == "since" else dt.date(year, 12, 31) + lag
        return dt.date(year, 1, 1), min(end, max(as_of, dt.date(year, 1, 1)))
    return None


def time_filters(question: str, as_of: dt.date, given: Filters | None, window: TimeWindow) -> Filters | None:
    """The question's period as date filters, unless the caller already set a date range of its own."""
    if given is not None and (given.date_from or given.date_to):
        return None
    period = time_range(question, as_of, window)
    if period is None:
        return None
    base = given or Filters(date_from=None, date_to=None)
    return base.model_copy(update={"date_from": period[0], "date_to": period[1]})
