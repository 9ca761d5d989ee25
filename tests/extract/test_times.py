from __future__ import annotations

from datetime import date

import pytest

from eventwire.extract.times import resolve_time

ANCHOR = date(2021, 9, 23)  # a Thursday


@pytest.mark.parametrize(
    ("text", "future", "expected"),
    [
        ("six-hour", False, ("DURATION", "PT6H")),
        ("one year to two years", False, ("DURATION", "P1Y")),
        ("several years", False, ("DURATION", "PXY")),
        ("Wednesday", False, ("DATE", "2021-09-22")),
        ("Wednesday", True, ("DATE", "2021-09-29")),
        ("September 28", True, ("DATE", "2021-09-28")),
        ("September22", False, ("DATE", "2021-09-22")),
        ("Sept. 1, 2020", False, ("DATE", "2020-09-01")),
        ("9/28/21", False, ("DATE", "2021-09-28")),
        ("July", False, ("DATE", "2021-07")),
        ("December", False, ("DATE", "2020-12")),
        ("May", False, ("DATE", "2021-05")),
        ("2014", False, ("DATE", "2014")),
        ("last week", False, ("DATE", "2021-W37")),
        ("yesterday", False, ("DATE", "2021-09-22")),
        ("three years ago", False, ("DATE", "2018")),
        ("every Friday", False, ("SET", "XXXX-WXX-5")),
        ("the 1990s", False, ("DATE", "199")),
    ],
)
def test_times_resolve_against_the_story_date(
    text: str, future: bool, expected: tuple[str, str]
) -> None:
    assert resolve_time(text, ANCHOR, future)[:2] == expected


def test_times_without_a_story_date_stay_underspecified() -> None:
    assert resolve_time("September 28", None)[:2] == ("DATE", "XXXX-09-28")
    assert resolve_time("Wednesday", None)[:2] == ("DATE", "XXXX-WXX-3")
    assert resolve_time("last week", None)[:2] == ("DATE", None)


def test_times_impossible_dates_have_no_value() -> None:
    assert resolve_time("February 30", ANCHOR)[1] is None
