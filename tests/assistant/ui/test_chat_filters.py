"""The chat's Options accordion: date picker values and sources become service Filters, or a clear error."""

from __future__ import annotations

import datetime as dt

import pytest

from assistant.service import InvalidQuestion
from assistant.ui.chat import parse_filters


def test_picker_values_become_filters() -> None:
    filters = parse_filters("2024-01-02T00:00:00", 1706918400, "cnn.com, bbc.co.uk")
    assert filters is not None
    assert (filters.date_from, filters.date_to) == (dt.date(2024, 1, 2), dt.date(2024, 2, 3))
    assert filters.sources == ["cnn.com", "bbc.co.uk"]
    assert parse_filters(None, "", "") is None


def test_a_bad_day_is_a_clear_error() -> None:
    with pytest.raises(InvalidQuestion, match="YYYY-MM-DD"):
        parse_filters("2024-02-30", None, "")
