"""Time expressions become date ranges relative to the day a question is asked."""

from __future__ import annotations

import datetime as dt

import pytest

from assistant.retrieval.config import TimeWindow
from assistant.retrieval.time_filter import time_filters, time_range
from assistant.schemas import Filters

AS_OF = dt.date(2024, 3, 15)
WINDOW = TimeWindow()


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Who won the vote this week?", (dt.date(2024, 3, 8), AS_OF)),
        ("What happened last week?", (dt.date(2024, 3, 1), dt.date(2024, 3, 11))),
        ("What did he say in March?", (dt.date(2024, 3, 1), AS_OF)),
        ("Who won in December?", (dt.date(2023, 12, 1), dt.date(2024, 1, 3))),  # the last December, not a future one
        ("What changed since January?", (dt.date(2024, 1, 1), AS_OF)),
        ("What happened in 2023?", (dt.date(2023, 1, 1), dt.date(2024, 1, 3))),
        ("What has changed since 2020?", (dt.date(2020, 1, 1), AS_OF)),
    ],
)
def test_time_expressions(question: str, expected: tuple[dt.date, dt.date]) -> None:
    assert time_range(question, AS_OF, WINDOW) == expected


def test_no_time_expression_no_range() -> None:
    assert time_range("Who founded Wagner?", AS_OF, WINDOW) is None
    assert time_range("What will happen in 2030?", AS_OF, WINDOW) is None


def test_an_explicit_date_filter_wins_and_sources_are_kept() -> None:
    assert time_filters("Who won this week?", AS_OF, Filters(date_from=dt.date(2020, 1, 1)), WINDOW) is None
    applied = time_filters("Who won this week?", AS_OF, Filters(sources=["cnn.com"]), WINDOW)
    assert applied is not None and applied.sources == ["cnn.com"] and applied.date_to == AS_OF
