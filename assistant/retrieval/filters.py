"""Date-range and source filters, as a Chroma `where` clause and as a predicate; a domain covers its subdomains."""

from __future__ import annotations

from typing import Any

from assistant.schemas import Filters
from newstext.dates import UNDATED, day_number, stored_day_number
from newstext.urls import site_of, source_domain


def chroma_where(filters: Filters | None) -> dict[str, Any] | None:
    """The metadata clause for Chroma (dates are stored as YYYYMMDD ints, sources as domains)."""
    if filters is None or filters.is_empty():
        return None
    clauses: list[dict[str, Any]] = []
    if filters.date_from:
        clauses.append({"date": {"$gte": day_number(filters.date_from)}})
    if filters.date_to:
        clauses.append({"date": {"$lte": day_number(filters.date_to)}})
        if not filters.date_from:
            clauses.append({"date": {"$gt": UNDATED}})  # undated articles never pass a date bound
    if filters.sources:
        wanted = sorted({source_domain(s) for s in filters.sources})
        clauses.append({"$or": [{"source": {"$in": wanted}}, {"site": {"$in": wanted}}]})
    return clauses[0] if len(clauses) == 1 else {"$and": clauses}


def matches(filters: Filters | None, date: str, source: str) -> bool:
    """The same rule for candidates that did not come through Chroma (BM25)."""
    if filters is None or filters.is_empty():
        return True
    day = stored_day_number(date)
    if filters.date_from and day < day_number(filters.date_from):
        return False
    if filters.date_to and (day == UNDATED or day > day_number(filters.date_to)):
        return False
    wanted = {source_domain(s) for s in filters.sources}
    domain = source_domain(source)
    return not wanted or domain in wanted or site_of(domain) in wanted
