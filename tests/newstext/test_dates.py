"""Stored days: "YYYY-MM-DD" text, and YYYYMMDD numbers for Chroma's filters (undated sorts before every day)."""

from __future__ import annotations

from datetime import date

from newstext.dates import UNDATED, day_number, parse_day, stored_day_number


def test_a_stored_day_parses_and_anything_else_is_undated() -> None:
    assert parse_day("2024-02-03") == date(2024, 2, 3)
    assert parse_day("") is parse_day("2024-02-30") is parse_day("2024-02-03T10:00") is parse_day("20240203") is None


def test_day_numbers_order_like_the_days() -> None:
    assert day_number(date(2024, 2, 3)) == 20240203 == stored_day_number("2024-02-03")
    assert stored_day_number("") == stored_day_number("not a date") == UNDATED < day_number(date(1900, 1, 1))
    assert day_number(date(2023, 12, 31)) < day_number(date(2024, 1, 1))
