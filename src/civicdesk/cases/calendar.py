"""Working days in Hong Kong: Monday to Friday except the general holidays (the `holidays` package).

Pledges count whole working days after the day a case is received: a case received on Monday with a 3-day pledge
is due at the end of Thursday (23:59:59 Hong Kong time); one received on a Saturday or a holiday counts from the
next working day. The owner clock ("unassigned for over one working day") counts working time: 24 hours of time
that falls on working days.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays

HONG_KONG = ZoneInfo("Asia/Hong_Kong")
END_OF_DAY = time(23, 59, 59)


@lru_cache(maxsize=64)
def _holidays(year: int) -> frozenset[date]:
    return frozenset(holidays.country_holidays("HK", years=year).keys())


def holiday_name(day: date) -> str | None:
    name = holidays.country_holidays("HK", years=day.year).get(day)
    return str(name) if name else None


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in _holidays(day.year)


def next_working_day(day: date) -> date:
    """The first working day strictly after `day`."""
    day += timedelta(days=1)
    while not is_working_day(day):
        day += timedelta(days=1)
    return day


def add_working_days(day: date, days: int) -> date:
    """The `days`-th working day after `day` (`day` itself never counts)."""
    for _ in range(days):
        day = next_working_day(day)
    return day


def working_days_between(start: date, end: date) -> int:
    """Working days after `start` up to and including `end` (0 when end <= start)."""
    count, day = 0, start
    while day < end:
        day += timedelta(days=1)
        count += is_working_day(day)
    return count


def local(moment: datetime) -> datetime:
    return as_utc(moment).astimezone(HONG_KONG)


def as_utc(moment: datetime) -> datetime:
    """Aware UTC; a naive value (SQLite returns them) is taken as UTC."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def pledge_due(received: datetime, pledge_days: int) -> datetime:
    """The end (23:59:59 HKT, as UTC) of the `pledge_days`-th working day after the day of receipt."""
    day = add_working_days(local(received).date(), pledge_days)
    return datetime.combine(day, END_OF_DAY, HONG_KONG).astimezone(UTC)


def add_working_time(start: datetime, days: float) -> datetime:
    """`start` plus `days` x 24 hours of working-day time (time on weekends and holidays does not count)."""
    cursor = local(start)
    remaining = timedelta(days=days)
    while True:
        midnight = datetime.combine(cursor.date() + timedelta(days=1), time(0), HONG_KONG)
        if is_working_day(cursor.date()):
            available = midnight - cursor
            if remaining <= available:
                return (cursor + remaining).astimezone(UTC)
            remaining -= available
        cursor = midnight
