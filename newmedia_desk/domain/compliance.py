"""Cadence compliance: what was expected in a period, what was published, what was missed.

All dates are office dates in Asia/Shanghai: a post at 23:30 on Sunday Beijing time belongs
to that Sunday and that week, whatever the UTC date. Weeks run Monday–Sunday; only periods
that are over (before ``now``) can be missed, and slots later than ``now`` are not due yet.
Silence: yellow from a configurable number of days (default 7, reminders at 10 and 12), red
at 14 — the national "no update within two weeks" veto (gov-rules.md §1, §9, §14).

**Effective-from date (生效日期).** A rule is judged only from its ``effective_from`` on:

- fixed times and daily counts: days before it are not judged;
- weekly and monthly counts: a week (Monday–Sunday) or month that the rule covers only
  partly — it took effect after the first day — is **not judged** at all, like the partial
  weeks and months at the edges of the period asked for. Nothing is prorated: a minimum of
  "1 a week" cannot be kept at 3/7 of a post, and judging a half week by the whole week's
  figure would punish the office for days the rule did not exist. A rule taking effect on
  a Monday (or on the 1st) is judged from that week (month) on;
- rolling windows (14天内至少更新一次): the days without a post are counted from the date on,
  so a silence that began earlier counts only from the rule's first day.

The silence figures (days since the last post) do not depend on rules and are not clipped.
"""

from __future__ import annotations

import bisect
import calendar
from collections import Counter
from collections.abc import Mapping, Sequence
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
    rule: CadenceRule, local: Sequence[datetime], days: list[date], now: datetime
) -> tuple[int, int, list[Miss]]:
    """``local`` is sorted: each slot is looked up by bisection, not by a scan.

    ``local`` may hold more times than those near the slots (only those matter).
    """
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
    rule: CadenceRule, per_day: Mapping[date, int], start: date, end: date, today: date
) -> tuple[int, list[Miss]]:
    """Daily, weekly and monthly counts; only whole periods from ``start`` are judged.

    ``start`` is already the later of the period's first day and the rule's
    effective-from date, so a week or month the rule covers only partly is skipped.
    """
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
    by_ordinal = {d.toordinal(): n for d, n in per_day.items()}
    for low, high in windows:
        # Only whole periods inside the range that are over can be judged.
        if low < start or high > end or high >= today:
            continue
        n = sum(by_ordinal.get(o, 0) for o in range(low.toordinal(), high.toordinal() + 1))
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

    The straightforward way, from every publication time; :func:`compliance_by_day` gives
    the same figures from counts per office day (what the reports read from the database).
    """
    local = sorted(map(_local, published_at))
    local_now = _local(now)
    # ``local`` is sorted: the period (up to now) is one slice of it.
    first = bisect.bisect_left(local, datetime.combine(start, time(0), OFFICE_TZ))
    after = bisect.bisect_left(local, datetime.combine(end + timedelta(days=1), time(0), OFFICE_TZ))
    seen = bisect.bisect_right(local, local_now)
    in_range = local[first : max(first, min(after, seen))]
    per_day: dict[date, int] = Counter(map(datetime.date, in_range))
    latest = [local[seen - 1]] if seen else []
    if last_before is not None:
        latest.append(_local(last_before))
    return compliance_by_day(
        rules,
        per_day,
        in_range,
        start,
        end,
        now,
        yellow_days=yellow_days,
        last_before=max(latest, default=None),
    )


def compliance_by_day(
    rules: Sequence[CadenceRule],
    per_day: Mapping[date, int],
    near_times: Sequence[datetime],
    start: date,
    end: date,
    now: datetime,
    *,
    yellow_days: int = 7,
    last_before: datetime | None = None,
) -> Compliance:
    """Judge ``rules`` over ``start``–``end`` from publications counted per office day.

    ``per_day``: how many publications (up to ``now``) each office date has; days outside
    the period are ignored. ``near_times``: sorted aware times of publications up to now
    that decide the fixed times (预报 07:30 ± tolerance): for each fixed time of each day,
    the earliest publication in its window must be there — every time in the windows, or
    the earliest of each day in each window, will do; more may be given (any publication
    times), and those outside the period are ignored. ``last_before``: the
    latest publication up to now that ``per_day`` does not show (before the period, or
    after it when it is over), for days-since-last.
    """
    local_now = _local(now)
    today = office_date(now)
    last_day = min(end, today)
    low = bisect.bisect_left(near_times, datetime.combine(start, time(0), OFFICE_TZ))
    high = bisect.bisect_left(
        near_times, datetime.combine(end + timedelta(days=1), time(0), OFFICE_TZ)
    )
    seen = bisect.bisect_right(near_times, local_now)
    near = near_times[low : max(low, min(high, seen))]
    days_posted = sorted(d for d, n in per_day.items() if n > 0 and start <= d <= last_day)
    published = sum(per_day[d] for d in days_posted)
    expected = on_time = 0
    misses: list[Miss] = []
    for rule in rules:
        since = start
        if rule.effective_from is not None and rule.effective_from > start:
            since = rule.effective_from
        if rule.times:
            days = _days(since, last_day) if last_day >= since else []
            e, o, m = _fixed_times(rule, near, days, local_now)
            expected, on_time, misses = expected + e, on_time + o, misses + m
        elif rule.period is Period.DAYS and rule.every_days:
            for gap_start, length in _gaps(days_posted, since, last_day):
                if length >= rule.every_days:
                    misses.append(Miss(gap_start, rule.text, f"1/{rule.every_days}d", 0))
        elif rule.period is not None:
            e, m = _counted(rule, per_day, since, end, today)
            expected, misses = expected + e, misses + m
    gaps = _gaps(days_posted, start, last_day)
    latest = days_posted[-1] if days_posted else None
    if last_before is not None:
        before = office_date(last_before)
        latest = before if latest is None else max(latest, before)
    since_last = None if latest is None else (today - latest).days
    return Compliance(
        expected=expected,
        published=published,
        on_time=on_time,
        misses=tuple(sorted(misses, key=lambda m: (m.day, m.rule))),
        longest_gap_days=max((length for _, length in gaps), default=0),
        days_since_last=since_last,
        silence=silence_level(since_last, yellow_days=yellow_days),
    )
