"""Hong Kong working days: weekends and general holidays do not count towards pledges or the owner clock."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from civicdesk.cases import add_working_days, add_working_time, is_working_day, pledge_due
from civicdesk.cases.calendar import HONG_KONG, working_days_between


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (date(2026, 3, 11), True),  # Wednesday
        (date(2026, 3, 14), False),  # Saturday
        (date(2026, 2, 17), False),  # Lunar New Year's Day
        (date(2026, 4, 6), False),  # Easter Monday
        (date(2026, 7, 1), False),  # HKSAR Establishment Day
        (date(2026, 10, 1), False),  # National Day
        (date(2026, 12, 26), False),  # first weekday after Christmas (Saturday)
        (date(2026, 12, 28), True),
    ],
)
def test_working_days(day: date, working: bool) -> None:
    assert is_working_day(day) is working


def test_pledge_counts_working_days_after_the_day_of_receipt() -> None:
    # Friday 13 Feb 2026, 11:00 HKT; 16 Feb is a Monday, 17-19 Feb is Lunar New Year.
    received = datetime(2026, 2, 13, 11, 0, tzinfo=HONG_KONG)
    due = pledge_due(received, 3).astimezone(HONG_KONG)
    assert (due.date(), due.hour, due.minute) == (date(2026, 2, 23), 23, 59)


def test_a_case_received_on_a_holiday_counts_from_the_next_working_day() -> None:
    assert add_working_days(date(2026, 10, 1), 1) == date(2026, 10, 2)
    assert working_days_between(date(2026, 2, 13), date(2026, 2, 23)) == 3


@pytest.mark.parametrize(
    ("start", "expected"),
    [
        (datetime(2026, 3, 11, 10, 0), datetime(2026, 3, 12, 10, 0)),  # Wednesday → Thursday
        (datetime(2026, 3, 13, 17, 0), datetime(2026, 3, 16, 17, 0)),  # Friday → Monday
        (datetime(2026, 3, 14, 10, 0), datetime(2026, 3, 17, 0, 0)),  # Saturday → all of Monday
        (datetime(2026, 2, 16, 12, 0), datetime(2026, 2, 20, 12, 0)),  # across Lunar New Year
    ],
)
def test_one_working_day_of_time(start: datetime, expected: datetime) -> None:
    result = add_working_time(start.replace(tzinfo=HONG_KONG), 1).astimezone(HONG_KONG)
    assert result.replace(tzinfo=None) == expected
    assert result.tzinfo is not None and add_working_time(start.replace(tzinfo=UTC), 1).tzinfo == UTC
