"""Cadence compliance: what was expected in a period, what was published, what was missed.

All dates are office dates in Asia/Shanghai: a post at 23:30 on Sunday Beijing time belongs
to that Sunday and that week, whatever the UTC date. Weeks run Monday–Sunday; only periods
that are over (before ``now``) can be missed, and slots later than ``now`` are not due yet.
Silence: yellow from a configurable number of days (default 7, reminders at 10 and 12), red
at 14 — the national "no update within two weeks" veto (gov-rules.md §1, §9, §14).
"""

from __future__ import annotations

import bisect
import calendar
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum

from newmedia_desk.domain.cadence import CadenceRule, DaySet, Period
from newmedia_desk.domain.working_days import OFFICE_TZ, office_date

RED_SILENT_DAYS = 14
SILENCE_WARNING_DAYS = (10, 12)
"""Reminders between yellow and red, like the best county platforms (gov-rules.md §9)."""


class Silence(StrEnum):
    """How long an account has been quiet."""

    OK = "ok"
    YELLOW = "yellow"
    RED = "red"


def silence_level(days_since_last: int | None, *, yellow_days: int = 7) -> Silence:
    """Yellow from ``yellow_days`` (a setting), red from 14 days without a post.

    ``None`` (never published) is red: there is nothing to show the inspector.
    """
    if days_since_last is None or days_since_last >= RED_SILENT_DAYS:
        return Silence.RED
    if days_since_last >= yellow_days:
        return Silence.YELLOW
    return Silence.OK


def silence_warning(days_since_last: int | None) -> int | None:
    """The highest reminder threshold (10 or 12 days) reached before red, if any."""
    if days_since_last is None or days_since_last >= RED_SILENT_DAYS:
        return None
    reached = [d for d in SILENCE_WARNING_DAYS if days_since_last >= d]
    return reached[-1] if reached else None


@dataclass(frozen=True, slots=True)
class Miss:
    """One requirement not met: the day (or first day of the period) and what was wanted."""

    day: date
    rule: str
    wanted: str
    got: int


@dataclass(frozen=True, slots=True)
class Compliance:
    """The figures of one account (or column) over one period."""

    expected: int
    published: int
    on_time: int
    misses: tuple[Miss, ...]
    longest_gap_days: int
    days_since_last: int | None
    silence: Silence

    @property
    def met(self) -> bool:
        """Whether nothing was missed."""
        return not self.misses


def _local(moment: datetime) -> datetime:
    return moment.astimezone(OFFICE_TZ)


def _days(start: date, end: date) -> list[date]:
    return [start + timedelta(days=i) for i in range((end - start).days + 1)]


def _applies(day: date, days: DaySet) -> bool:
    if days is DaySet.WORKDAYS:
        return day.weekday() < 5
    if days is DaySet.WEEKENDS:
        return day.weekday() >= 5
    return True


def _wanted(rule: CadenceRule) -> str:
    low, high = rule.minimum, rule.maximum
    if low is not None and high is not None:
        return f"{low}" if low == high else f"{low}-{high}"
    return f">={low}" if low is not None else f"<={high}"


def _within(n: int, rule: CadenceRule) -> bool:
    return (rule.minimum is None or n >= rule.minimum) and (
        rule.maximum is None or n <= rule.maximum
    )


def _fixed_times(
    rule: CadenceRule, local: list[datetime], days: list[date], now: datetime
) -> tuple[int, int, list[Miss]]:
    """``local`` is sorted: each slot is looked up by bisection, not by a scan."""
    expected = on_time = 0
    misses: list[Miss] = []
    tolerance = timedelta(minutes=rule.tolerance_minutes)
    for day in days:
        for at in rule.times:
            due = datetime.combine(day, at, OFFICE_TZ)
            if due + tolerance > now:
                continue  # not over yet
            expected += 1
            first = bisect.bisect_left(local, due - tolerance)
            if first < len(local) and local[first] <= due + tolerance:
                on_time += 1
            else:
                misses.append(Miss(day, rule.text, at.strftime("%H:%M"), 0))
    return expected, on_time, misses


def _counted(
    rule: CadenceRule, per_day: dict[date, int], start: date, end: date, today: date
) -> tuple[int, list[Miss]]:
    expected = 0
    misses: list[Miss] = []
    windows: list[tuple[date, date]] = []
    if rule.period is Period.DAY:
        windows = [(d, d) for d in _days(start, end) if _applies(d, rule.days)]
    elif rule.period is Period.WEEK:
        monday = start - timedelta(days=start.weekday())
        while monday <= end:
            windows.append((monday, monday + timedelta(days=6)))
            monday += timedelta(days=7)
    elif rule.period is Period.MONTH:
        first = start.replace(day=1)
        while first <= end:
            last = first.replace(day=calendar.monthrange(first.year, first.month)[1])
            windows.append((first, last))
            first = last + timedelta(days=1)
    for low, high in windows:
        # Only whole periods inside the range that are over can be judged.
        if low < start or high > end or high >= today:
            continue
        n = sum(per_day.get(d, 0) for d in _days(low, high))
        expected += rule.minimum or 0
        if not _within(n, rule):
            misses.append(Miss(low, rule.text, _wanted(rule), n))
    return expected, misses


def _gaps(published: list[date], start: date, end: date) -> list[tuple[date, int]]:
    """(first day, length) of each run of days without a post, within [start, end]."""
    marks = sorted({d for d in published if start <= d <= end})
    gaps: list[tuple[date, int]] = []
    previous = start - timedelta(days=1)
    for day in [*marks, end + timedelta(days=1)]:
        length = (day - previous).days - 1
        if length > 0:
            gaps.append((previous + timedelta(days=1), length))
        previous = day
    return gaps


def compliance(
    rules: Sequence[CadenceRule],
    published_at: Sequence[datetime],
    start: date,
    end: date,
    now: datetime,
    *,
    yellow_days: int = 7,
    last_before: datetime | None = None,
) -> Compliance:
    """Judge ``rules`` over the office dates ``start``–``end`` (inclusive).

    ``published_at``: aware times of the account's publications (any range; only those in
    the period count). ``last_before``: the latest publication before ``start``, for
    days-since-last when the period itself has none.
    """
    local = sorted(map(_local, published_at))
    local_now = _local(now)
    today = office_date(now)
    last_day = min(end, today)
    # ``local`` is sorted: the period (up to now) is one slice of it.
    first = bisect.bisect_left(local, datetime.combine(start, time(0), OFFICE_TZ))
    after = bisect.bisect_left(local, datetime.combine(end + timedelta(days=1), time(0), OFFICE_TZ))
    seen = bisect.bisect_right(local, local_now)
    in_range = local[first : max(first, min(after, seen))]
    per_day: dict[date, int] = Counter(map(datetime.date, in_range))
    days = _days(start, last_day) if last_day >= start else []
    expected = on_time = 0
    misses: list[Miss] = []
    for rule in rules:
        if rule.times:
            e, o, m = _fixed_times(rule, in_range, days, local_now)
            expected, on_time, misses = expected + e, on_time + o, misses + m
        elif rule.period is Period.DAYS and rule.every_days:
            for gap_start, length in _gaps(list(per_day), start, last_day):
                if length >= rule.every_days:
                    misses.append(Miss(gap_start, rule.text, f"1/{rule.every_days}d", 0))
        elif rule.period is not None:
            e, m = _counted(rule, per_day, start, end, today)
            expected, misses = expected + e, misses + m
    gaps = _gaps(list(per_day), start, last_day)
    candidates = [local[seen - 1]] if seen else []
    if last_before is not None:
        candidates.append(_local(last_before))
    latest = max(candidates, default=None)
    since = None if latest is None else (today - latest.date()).days
    return Compliance(
        expected=expected,
        published=len(in_range),
        on_time=on_time,
        misses=tuple(sorted(misses, key=lambda m: (m.day, m.rule))),
        longest_gap_days=max((length for _, length in gaps), default=0),
        days_since_last=since,
        silence=silence_level(since, yellow_days=yellow_days),
    )
