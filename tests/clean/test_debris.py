from __future__ import annotations

import pytest

from eventwire.clean import debris
from eventwire.clean.credits import split_credit
from eventwire.clean.dates import find_dates, infer_published


@pytest.mark.parametrize(
    ("line", "credit"),
    [
        (
            "Troops patrol the border on Monday. Jana Ruiz/AFP via Getty Images",
            "Jana Ruiz/AFP via Getty Images",
        ),
        ("Protesters march in Lima. AP Photo/Martin Mejia", "AP Photo/Martin Mejia"),
        ("The port at dawn. REUTERS/Ana Villanueva", "REUTERS/Ana Villanueva"),
        ("Getty Images | Tom Hale", "Getty Images | Tom Hale"),
        (
            "The summit opens. (Photo by Lee Park/Pool/AFP via Getty Images)",
            "Photo by Lee Park/Pool/AFP via Getty Images",
        ),
        ("The minister met Saul Roe on Monday.", None),
        ("Kenya and Somalia signed the pact.", None),
    ],
)
def test_debris_credit_split(line: str, credit: str | None) -> None:
    assert split_credit(line)[1] == credit


def test_debris_caption_with_label_line() -> None:
    found = debris.caption("Border talks\nTwo ministers shake hands in Accra. AP Photo/Yaw Ofori")
    assert found is not None
    assert (found.label, found.credit) == ("Border talks", "AP Photo/Yaw Ofori")
    assert found.text == "Two ministers shake hands in Accra."


def test_debris_corrections_wire_bylines_and_stamps() -> None:
    found = debris.correction(
        "Correction 3/5/25, 9:10 a.m. ET: This article was updated to fix a name."
    )
    assert found is not None and found.date == "2025-03-05"
    assert debris.correction("The ministers corrected the draft on Monday and signed it.") is None
    assert debris.wire_credit("For more reporting from Reuters, see below:") == ["Reuters"]
    assert debris.wire_credit("The Associated Press contributed to this report.") == [
        "Associated Press"
    ]
    assert debris.wire_credit("Kenya and Somalia signed a pact on Tuesday.") is None
    assert debris.byline("By Elena Marsh and Tom Hale") == "Elena Marsh and Tom Hale"
    assert debris.publication_stamp("Published March 4, 2025 at 10:20 AM") == "2025-03-04"
    assert (
        debris.publication_stamp("The talks began on March 4, 2025 in Nairobi with envoys.") is None
    )
    line = debris.dateline("NAIROBI, Kenya (Reuters) — Kenya and Somalia signed")
    assert line is not None and line.agency == "Reuters" and line.place == "NAIROBI, Kenya"


def test_dates_inferred_between_story_and_correction() -> None:
    body = "The ministers met on Wednesday in Oslo. They will meet again on March 20."
    captions = ["The ministers met in Oslo on March 12."]
    assert infer_published(body, captions, ["2025-03-14"]) == "2025-03-12"
    assert find_dates("Correction 9/28/21: fixed") == ["2021-09-28"]


def test_dates_weekdays_must_agree() -> None:
    # March 12, 2025 is a Wednesday; a "Friday" in the story rules it out, March 10 (Monday) too
    body = "Talks opened on March 10 and ended on Friday with a deal signed on March 14."
    assert infer_published(body, [], ["2025-03-20"]) == "2025-03-14"
