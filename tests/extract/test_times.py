from __future__ import annotations

from datetime import date

import pytest

from eventwire.extract.times import resolve_time

ANCHOR = date(2021, 9, 23)  # a Thursday


@pytest.mark.parametrize(
    ("text", "tense", "expected"),
    [
        ("six-hour", "past", ("DURATION", "PT6H")),
        ("one year to two years", "past", ("DURATION", "P1Y")),
        ("several years", "past", ("DURATION", "PXY")),
        ("Wednesday", "past", ("DATE", "2021-09-22")),
        ("Wednesday", "future", ("DATE", "2021-09-29")),
        ("September 28", "future", ("DATE", "2021-09-28")),
        ("September22", "past", ("DATE", "2021-09-22")),
        ("Sept. 1, 2020", "past", ("DATE", "2020-09-01")),
        ("9/28/21", "past", ("DATE", "2021-09-28")),
        ("July", "past", ("DATE", "2021-07")),
        ("December", "past", ("DATE", "2020-12")),
        ("May", "past", ("DATE", "2021-05")),
        ("2014", "past", ("DATE", "2014")),
        ("last week", "past", ("DATE", "2021-W37")),
        ("yesterday", "past", ("DATE", "2021-09-22")),
        ("three years ago", "past", ("DATE", "2018")),
        ("every Friday", "past", ("SET", "XXXX-WXX-5")),
        ("the 1990s", "past", ("DATE", "199")),
    ],
)
def test_times_resolve_against_the_story_date(
    text: str, tense: str, expected: tuple[str, str]
) -> None:
    assert resolve_time(text, ANCHOR, tense)[:2] == expected


def test_times_without_a_story_date_stay_underspecified() -> None:
    assert resolve_time("September 28", None)[:2] == ("DATE", "XXXX-09-28")
    assert resolve_time("Wednesday", None)[:2] == ("DATE", "XXXX-WXX-3")
    assert resolve_time("last week", None)[:2] == ("DATE", None)


def test_times_impossible_dates_have_no_value() -> None:
    assert resolve_time("February 30", ANCHOR)[1] is None


@pytest.mark.parametrize(
    ("text", "tense", "expected"),
    [
        ("Friday", None, ("DATE", "2021-09-24")),  # present tense: the nearer Friday
        ("Thursday", "past", ("DATE", "2021-09-23")),  # the story's own day
        ("the third quarter", "past", ("DATE", "2021-Q3")),
        ("fourth-quarter", "past", ("DATE", "2020-Q4")),
        ("last fall", None, ("DATE", "2020-FA")),
        ("this summer", None, ("DATE", "2021-SU")),
        ("10 p.m. Wednesday", "past", ("TIME", "2021-09-22T22:00")),
        ("Friday morning", "past", ("TIME", "2021-09-17TMO")),
        ("twenty four hours", None, ("DURATION", "PT24H")),
        ("recent years", None, ("DURATION", "PXY")),
        ("a year earlier", "past", ("DATE", "2020")),
    ],
)
def test_times_calendar_parts_and_tense(text: str, tense: str | None, expected: tuple) -> None:
    assert resolve_time(text, ANCHOR, tense)[:2] == expected


def test_times_reference_words_and_ages(nlp) -> None:  # type: ignore[no-untyped-def]
    from eventwire.extract.times import extract_times

    doc = nlp("The talks are now stalled, said Ana Ruiz, 44, whose 6-year-old son was there.")
    times = [(t.text, t.value) for t in extract_times(doc, "2021-09-23")]
    assert times == [("now", "PRESENT_REF")]


@pytest.mark.parametrize(
    ("text", "tense", "expected"),
    [
        ("last Thursday", None, ("DATE", "2021-09-16")),  # said on a Thursday: the one before
        ("next Monday", "past", ("DATE", "2021-09-27")),
        ("Oct. 2", "past", ("DATE", "2021-10-02")),  # "extended to Oct. 2": not a year back
        ("the second quarter ended June 30", "past", ("DATE", "2021-Q2")),
        ("the fiscal first quarter ended Dec. 31", "past", ("DATE", "2020-Q1")),
        ("the six months ended June 30", "past", ("DURATION", "P6M")),
    ],
)
def test_times_weekday_words_and_reporting_periods(
    text: str, tense: str | None, expected: tuple
) -> None:
    assert resolve_time(text, ANCHOR, tense)[:2] == expected


def test_times_tense_of_modals_and_passives(nlp) -> None:  # type: ignore[no-untyped-def]
    from eventwire.extract.times import extract_times

    doc = nlp(
        "The ministry said the convoy must be returned by Sept. 30. "
        "The border post was closed on Sept. 20."
    )
    values = {t.text: t.value for t in extract_times(doc, "2021-09-23")}
    assert values == {"Sept. 30": "2021-09-30", "Sept. 20": "2021-09-20"}


def test_times_narrative_anchoring(nlp) -> None:  # type: ignore[no-untyped-def]
    from eventwire.extract.times import extract_times

    doc = nlp(
        "The ceasefire was signed on May 4, 2019. The following month, monitors arrived. "
        "Fighting resumed later that year. The company lost $3 million in the third quarter, "
        "against a profit of $1 million a year earlier."
    )
    values = [(t.text, t.value, t.rule) for t in extract_times(doc, "2021-09-23")]
    assert ("The following month", "2019-06", "time.narrative") in values
    assert ("that year", "2019", "time.narrative") in values or (
        "later that year",
        "2019",
        "time.narrative",
    ) in values
    assert ("a year earlier", "2020-Q3", "time.narrative") in values
