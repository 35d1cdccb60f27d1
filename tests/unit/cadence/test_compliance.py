"""Compliance arithmetic on hand-computed cases, in Asia/Shanghai office dates."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, timezone

from newmedia_desk.domain.cadence import CadenceRule, DaySet, Period, parse_cadence
from newmedia_desk.domain.compliance import Silence, compliance, silence_level

CST = timezone(timedelta(hours=8))


def at(y: int, mo: int, d: int, h: int, mi: int = 0) -> datetime:
    """A Beijing wall-clock time, handed to the code in UTC like the database does."""
    return datetime(y, mo, d, h, mi, tzinfo=CST).astimezone(UTC)


FORECAST = parse_cadence("每天7:30和17:00左右更新").rules


def test_fixed_times_with_tolerance() -> None:
    # Mon 2 – Wed 4 March 2026, judged on Thursday morning.
    published = [
        at(2026, 3, 2, 7, 40),  # on time (10 min)
        at(2026, 3, 2, 17, 45),  # 45 min late: the 17:00 slot is missed
        at(2026, 3, 3, 7, 20),
        at(2026, 3, 3, 17, 10),
        at(2026, 3, 4, 8, 10),  # 40 min late: 07:30 missed
        at(2026, 3, 4, 16, 55),
    ]
    result = compliance(FORECAST, published, date(2026, 3, 2), date(2026, 3, 4), at(2026, 3, 5, 9))
    assert (result.expected, result.on_time, result.published) == (6, 4, 6)
    assert [(m.day, m.wanted) for m in result.misses] == [
        (date(2026, 3, 2), "17:00"),
        (date(2026, 3, 4), "07:30"),
    ]


def test_slots_later_than_now_are_not_due_yet() -> None:
    result = compliance(
        FORECAST, [at(2026, 3, 2, 7, 30)], date(2026, 3, 2), date(2026, 3, 2), at(2026, 3, 2, 12)
    )
    assert (result.expected, result.on_time, result.misses) == (1, 1, ())


def test_week_boundary_follows_beijing_time() -> None:
    weekly = parse_cadence("每周至少1次").rules
    # 23:30 Sunday 8 March Beijing is 15:30 UTC the same Sunday: week 1.
    # 00:30 Monday 9 March Beijing is 16:30 UTC on Sunday: week 2, not week 1.
    late_sunday, early_monday = at(2026, 3, 8, 23, 30), at(2026, 3, 9, 0, 30)
    assert early_monday.date() == date(2026, 3, 8)  # the UTC date would mislead
    result = compliance(
        weekly, [late_sunday], date(2026, 3, 2), date(2026, 3, 15), at(2026, 3, 16, 10)
    )
    assert [m.day for m in result.misses] == [date(2026, 3, 9)]
    result = compliance(
        weekly, [early_monday], date(2026, 3, 2), date(2026, 3, 15), at(2026, 3, 16, 10)
    )
    assert [m.day for m in result.misses] == [date(2026, 3, 2)]
    assert result.expected == 2


def test_month_boundary_and_whole_periods_only() -> None:
    monthly = parse_cadence("每月至少4次").rules
    february = [at(2026, 2, d, 10) for d in (3, 10, 17)] + [at(2026, 2, 28, 23, 59)]
    march_first = at(2026, 3, 1, 0, 10)  # 16:10 UTC on 28 Feb, but March in Beijing
    result = compliance(
        monthly, [*february, march_first], date(2026, 2, 1), date(2026, 3, 31), at(2026, 4, 1, 9)
    )
    assert [(m.day, m.got) for m in result.misses] == [(date(2026, 3, 1), 1)]
    # March is not over on 20 March: it cannot be missed yet.
    result = compliance(monthly, february, date(2026, 2, 1), date(2026, 3, 31), at(2026, 3, 20, 9))
    assert result.misses == () and result.expected == 4


def test_workday_range_ignores_weekends() -> None:
    rules = (
        CadenceRule("工作日3-10条", period=Period.DAY, minimum=3, maximum=10, days=DaySet.WORKDAYS),
    )
    published = [at(2026, 3, 2, h) for h in (9, 12, 17)]  # Monday: 3
    published += [at(2026, 3, 3, 9)]  # Tuesday: 1
    published += [at(2026, 3, 4, 8) + timedelta(minutes=i) for i in range(11)]  # Wednesday: 11
    result = compliance(rules, published, date(2026, 3, 2), date(2026, 3, 8), at(2026, 3, 9, 9))
    assert [(m.day, m.got) for m in result.misses] == [
        (date(2026, 3, 3), 1),
        (date(2026, 3, 4), 11),
        (date(2026, 3, 5), 0),
        (date(2026, 3, 6), 0),
    ]
    assert result.expected == 5 * 3


def test_rolling_window_gap_longest_gap_and_silence() -> None:
    rules = parse_cadence("14天内至少更新一次").rules
    published = [at(2026, 3, 1, 10), at(2026, 3, 20, 10)]
    result = compliance(rules, published, date(2026, 3, 1), date(2026, 3, 31), at(2026, 4, 1, 9))
    # 2–19 March: 18 days without a post; 21–31 March: 11 days.
    assert result.longest_gap_days == 18
    assert [m.day for m in result.misses] == [date(2026, 3, 2)]
    assert result.days_since_last == 12
    assert result.silence is Silence.YELLOW


def test_silence_levels() -> None:
    assert silence_level(6) is Silence.OK
    assert silence_level(7) is Silence.YELLOW
    assert silence_level(10, yellow_days=10) is Silence.YELLOW
    assert silence_level(13) is Silence.YELLOW
    assert silence_level(14) is Silence.RED
    assert silence_level(None) is Silence.RED
    before = compliance(
        (),
        [],
        date(2026, 3, 1),
        date(2026, 3, 31),
        at(2026, 3, 31, 9),
        last_before=at(2026, 2, 20, 9),
    )
    assert before.days_since_last == 39 and before.silence is Silence.RED


def test_forecast_rule_has_both_times() -> None:
    assert FORECAST[0].times == (time(7, 30), time(17))
