"""Filters mean the same thing in Chroma's `where` clause and in the BM25 predicate."""

from __future__ import annotations

from datetime import date

from assistant.retrieval.filters import chroma_where, matches
from assistant.schemas import Filters


def test_where_clause() -> None:
    assert chroma_where(None) is None
    assert chroma_where(Filters()) is None
    assert chroma_where(Filters(sources=["www.cnn.com"])) == {
        "$or": [{"source": {"$in": ["cnn.com"]}}, {"site": {"$in": ["cnn.com"]}}]
    }
    both = chroma_where(Filters(date_from=date(2024, 1, 1), date_to=date(2024, 3, 31)))
    assert both == {"$and": [{"date": {"$gte": 20240101}}, {"date": {"$lte": 20240331}}]}
    until = chroma_where(Filters(date_to=date(2024, 3, 31)))
    assert until == {"$and": [{"date": {"$lte": 20240331}}, {"date": {"$gt": 0}}]}


def test_predicate_matches_where_clause() -> None:
    f = Filters(date_from=date(2024, 1, 1), sources=["cnn.com"])
    assert matches(f, "2024-02-03", "cnn.com")
    assert not matches(f, "2023-12-31", "cnn.com")
    assert not matches(f, "2024-02-03", "bbc.com")
    assert matches(f, "2024-02-03", "edition.cnn.com")  # a domain covers its subdomains
    assert not matches(Filters(date_to=date(2024, 1, 1)), "", "cnn.com")  # undated never passes a date bound
    assert matches(None, "", "")
