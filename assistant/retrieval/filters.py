"""Date-range and source filters, as a Chroma `where` clause and as a predicate; a domain covers its subdomains."""

from __future__ import annotations

from typing import Any

from assistant.schemas import Filters
from index.meta import site_of


def _day(d: Any) -> int:
    return int(d.strftime("%Y%m%d"))


def normalise_source(source: str) -> str:
    """'https://www.CNN.com/x' and 'cnn.com' name the same source."""
    s = source.strip().lower()
    s = s.split("://", 1)[-1].split("/", 1)[0]
    return s.removeprefix("www.")


def chroma_where(filters: Filters | None) -> dict[str, Any] | None:
    """The metadata clause for Chroma (dates are stored as YYYYMMDD ints, sources as domains)."""
    if filters is None or filters.is_empty():
        return None
    clauses: list[dict[str, Any]] = []
    if filters.date_from:
        clauses.append({"date": {"$gte": _day(filters.date_from)}})
    if filters.date_to:
        clauses.append({"date": {"$lte": _day(filters.date_to)}})
        if not filters.date_from:
            clauses.append({"date": {"$gt": 0}})  # undated articles (stored as 0) never pass a date bound
    if filters.sources:
        wanted = sorted({normalise_source(s) for s in filters.sources})
        clauses.append({"$or": [{"source": {"$in": wanted}}, {"site": {"$in": wanted}}]})
    return clauses[0] if len(clauses) == 1 else {"$and": clauses}


def matches(filters: Filters | None, date: str, source: str) -> bool:
    """The same rule for candidates that did not come through Chroma (BM25)."""
    if filters is None or filters.is_empty():
        return True
    day = int(date.replace("-", "")) if len(date) == 10 and date[:4].isdigit() else 0
    if filters.date_from and day < _day(filters.date_from):
        return False
    if filters.date_to and (day == 0 or day > _day(filters.date_to)):
        return False
    wanted = {normalise_source(s) for s in filters.sources}
    return not wanted or normalise_source(source) in wanted or site_of(normalise_source(source)) in wanted
