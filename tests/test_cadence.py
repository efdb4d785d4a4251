"""Schedules in words again, for the sentences of trygg diff."""

from __future__ import annotations

from typing import Any

import pytest

from trygg_cli.diff.cadence import describe
from trygg_cli.model.schedule import Schedule


@pytest.mark.parametrize(
    ("schedule", "words"),
    [
        ({"times": 4, "unit": "year", "qualifier": "about"}, "about four times a year"),
        ({"times": 2, "unit": "year"}, "twice a year"),
        ({"times": 2, "unit": "term"}, "twice a term"),
        ({"times": 9, "unit": "month"}, "9 times a month"),
        ({"times": 4, "qualifier": "at_least"}, "at least four times a year"),
        ({"first": 2021, "every": 2}, "2021 and then every other year"),
        ({"every": 1, "at": "end"}, "at the end of every year"),
        ({"every": 4, "qualifier": "at_least"}, "at least every 4 years"),
        ({"every": 1, "first": "2021-06-30"}, "every year, from 30 June 2021"),
        ({"first": "validity_end"}, "once, after the end of the period"),
        ({"first": 2027}, "once, in 2027"),
        ({"qualifier": "as_needed"}, "as needed"),
        ({"every": 1, "also_as_needed": True}, "every year, and also as needed"),
    ],
)
def test_cadences_in_words(schedule: dict[str, Any], words: str) -> None:
    assert describe(Schedule.model_validate(schedule)) == words
