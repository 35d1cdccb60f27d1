"""Office days and working-day deadlines.

A working day is Monday to Friday. Public holidays (春节, 国庆 …) and the weekend days
swapped into working days around them (调休) are **not known** to the program: a deadline
that spans a holiday comes out earlier than the official one, which errs on the safe side.

Dates of the office are taken in China Standard Time (UTC+8, no daylight saving), whatever
zone the PC is set to, so that every PC sharing a database agrees on "today".
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

OFFICE_TZ = timezone(timedelta(hours=8), "CST")
"""The zone the office's calendar dates are counted in."""

_SATURDAY = 5


def office_date(moment: datetime) -> date:
    """Return the office's calendar date of an aware ``moment``."""
    if moment.tzinfo is None:
        raise ValueError("office_date needs an aware datetime")
    return moment.astimezone(OFFICE_TZ).date()


def is_working_day(day: date) -> bool:
    """Whether ``day`` is Monday to Friday (public holidays are not known)."""
    return day.weekday() < _SATURDAY


def add_working_days(start: date, days: int) -> date:
    """Return the date ``days`` working days after ``start`` (``start`` itself not counted).

    Opened on a Friday with 5 working days allowed, the filing is due the next Friday;
    opened on a Saturday, it is due the Friday after as well.
    """
    if days < 0:
        raise ValueError("days must not be negative")
    current = start
    left = days
    while left > 0:
        current += timedelta(days=1)
        if is_working_day(current):
            left -= 1
    return current


def working_days_between(start: date, end: date) -> int:
    """Count the working days after ``start`` up to and including ``end`` (0 if not later)."""
    count = 0
    current = start
    while current < end:
        current += timedelta(days=1)
        if is_working_day(current):
            count += 1
    return count
