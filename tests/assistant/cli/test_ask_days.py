"""`assistant ask --as-of` and batch lines take a YYYY-MM-DD day, and say so otherwise."""

from __future__ import annotations

import argparse
import datetime as dt

import pytest

from assistant.cli.ask_cmd import _day


def test_as_of_is_a_day() -> None:
    assert _day("2024-01-05") == dt.date(2024, 1, 5)
    for bad in ("2024-02-30", "05/01/2024", "", 20240105):
        with pytest.raises(argparse.ArgumentTypeError, match="YYYY-MM-DD"):
            _day(bad)  # type: ignore[arg-type]
