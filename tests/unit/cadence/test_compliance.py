"""Compliance arithmetic on hand-computed cases, in Asia/Shanghai office dates."""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta, timezone

from newmedia_desk.domain.cadence import CadenceRule, DaySet, Period, parse_cadence
from newmedia_desk.domain.compliance import (
    Silence,
    compliance,
    compliance_by_day,
    silence_level,
)

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


# -- effective-from dates (生效日期) -----------------------------------------------------------


def since(rules: tuple[CadenceRule, ...], day: date) -> tuple[CadenceRule, ...]:
    """The rules as stored: with the date they took effect."""
    return tuple(replace(r, effective_from=day) for r in rules)


def test_fixed_times_are_not_due_before_the_rule_took_effect() -> None:
    # Nothing published Mon 2 – Wed 4 March; the rule took effect on Tuesday the 3rd.
    result = compliance(
        since(FORECAST, date(2026, 3, 3)), [], date(2026, 3, 2), date(2026, 3, 4), at(2026, 3, 5, 9)
    )
    assert result.expected == 4 and result.on_time == 0
    assert [(m.day, m.wanted) for m in result.misses] == [
        (date(2026, 3, 3), "07:30"),
        (date(2026, 3, 3), "17:00"),
        (date(2026, 3, 4), "07:30"),
        (date(2026, 3, 4), "17:00"),
    ]
    # Taking effect in the future: nothing is judged yet, the silence still counts.
    later = compliance(
        since(FORECAST, date(2026, 3, 10)),
        [],
        date(2026, 3, 2),
        date(2026, 3, 4),
        at(2026, 3, 5, 9),
    )
    assert (later.expected, later.misses, later.silence) == (0, (), Silence.RED)


def test_a_week_the_rule_covers_only_partly_is_not_judged() -> None:
    weekly = parse_cadence("每周至少1次").rules
    # March 2026: whole weeks 2–8, 9–15, 16–22, 23–29. One post, on Tuesday 17 March.
    published = [at(2026, 3, 17, 10)]
    judged = date(2026, 3, 1), date(2026, 3, 31), at(2026, 4, 1, 9)
    # In effect from Wednesday 4 March: the week of the 2nd is partly covered, not judged;
    # 9–15 and 23–29 are missed, 16–22 has the post.
    wednesday = compliance(since(weekly, date(2026, 3, 4)), published, *judged)
    assert [m.day for m in wednesday.misses] == [date(2026, 3, 9), date(2026, 3, 23)]
    assert wednesday.expected == 3
    # In effect from Monday 2 March: that week is judged too.
    monday = compliance(since(weekly, date(2026, 3, 2)), published, *judged)
    assert [m.day for m in monday.misses] == [date(2026, 3, 2), date(2026, 3, 9), date(2026, 3, 23)]
    assert monday.expected == 4


def test_effective_week_boundary_follows_beijing_time() -> None:
    weekly = since(parse_cadence("每周至少1次").rules, date(2026, 3, 9))  # Monday 9 March
    judged = date(2026, 3, 2), date(2026, 3, 15), at(2026, 3, 16, 10)
    # 00:30 Monday 9 March in Beijing (16:30 UTC on Sunday): in the first judged week.
    early_monday = compliance(weekly, [at(2026, 3, 9, 0, 30)], *judged)
    assert early_monday.misses == () and early_monday.expected == 1
    # 23:30 Sunday 8 March in Beijing: the week before the rule; 9–15 is missed.
    late_sunday = compliance(weekly, [at(2026, 3, 8, 23, 30)], *judged)
    assert [(m.day, m.got) for m in late_sunday.misses] == [(date(2026, 3, 9), 0)]


def test_a_month_the_rule_covers_only_partly_is_not_judged() -> None:
    monthly = parse_cadence("每月至少4次").rules
    # Three posts in February; in March four, the first at 00:10 on 1 March Beijing time
    # (16:10 UTC on 28 February).
    published = [at(2026, 2, d, 10) for d in (3, 10, 17)]
    published += [at(2026, 3, 1, 0, 10)] + [at(2026, 3, d, 10) for d in (9, 16, 23)]
    judged = date(2026, 2, 1), date(2026, 3, 31), at(2026, 4, 1, 9)
    # From 15 February: February is partly covered (not judged); March has its four.
    mid = compliance(since(monthly, date(2026, 2, 15)), published, *judged)
    assert (mid.expected, mid.misses) == (4, ())
    # From 1 February: February (3 posts) is missed.
    whole = compliance(since(monthly, date(2026, 2, 1)), published, *judged)
    assert [(m.day, m.got) for m in whole.misses] == [(date(2026, 2, 1), 3)]
    # From 1 March: the 00:10 post is March's in Beijing, so March is kept.
    march = compliance(since(monthly, date(2026, 3, 1)), published[3:4], *judged)
    assert [(m.day, m.got) for m in march.misses] == [(date(2026, 3, 1), 1)]


def test_daily_counts_and_rolling_windows_start_on_the_effective_date() -> None:
    daily = since(parse_cadence("每天至少1条").rules, date(2026, 3, 4))
    result = compliance(
        daily, [at(2026, 3, 5, 9)], date(2026, 3, 2), date(2026, 3, 6), at(2026, 3, 7, 9)
    )
    # 2–3 March are before the rule; 4 and 6 are missed.
    assert [m.day for m in result.misses] == [date(2026, 3, 4), date(2026, 3, 6)]
    assert result.expected == 3
    rolling = parse_cadence("14天内至少更新一次").rules
    published = [at(2026, 3, 1, 10), at(2026, 3, 20, 10)]
    judged = date(2026, 3, 1), date(2026, 3, 31), at(2026, 4, 1, 9)
    # From 10 March: 10–19 is ten quiet days, 21–31 eleven: no 14-day gap.
    assert compliance(since(rolling, date(2026, 3, 10)), published, *judged).misses == ()
    # From 5 March: 5–19 is fifteen quiet days.
    [miss] = compliance(since(rolling, date(2026, 3, 5)), published, *judged).misses
    assert miss.day == date(2026, 3, 5)
    # The longest gap and the silence are the account's, whatever the rule's date.
    late = compliance(since(rolling, date(2026, 3, 10)), published, *judged)
    assert (late.longest_gap_days, late.days_since_last) == (18, 12)


def test_counts_per_day_give_the_same_figures_as_every_time() -> None:
    """``compliance_by_day`` from day counts and the times near the slots only."""
    rng = random.Random(7)
    rules = since(
        parse_cadence(
            "每天07:30和17:00左右更新；每周6-7次；每月至少20条；14天内至少更新一次"
        ).rules,
        date(2026, 2, 11),
    ) + since(parse_cadence("工作日每日至少2条").rules, date(2026, 1, 1))
    base = datetime(2026, 1, 20, tzinfo=CST)
    times = [base + timedelta(minutes=rng.randrange(0, 80 * 24 * 60)) for _ in range(400)]
    times += [datetime.combine(d, time(7, 30), CST) for d in (date(2026, 2, 14), date(2026, 3, 3))]
    times = [t.astimezone(UTC) for t in times]
    now = at(2026, 3, 20, 12)
    for start, end in [
        (date(2026, 2, 1), date(2026, 2, 28)),
        (date(2026, 2, 9), date(2026, 3, 22)),
        (date(2026, 3, 20), date(2026, 3, 20)),
    ]:
        whole = compliance(rules, times, start, end, now, last_before=at(2026, 1, 2, 9))
        local = sorted(t.astimezone(CST) for t in times if t <= now)
        in_period = [t for t in local if start <= t.date() <= end]
        per_day = Counter(t.date() for t in in_period)
        near = [t for t in in_period if abs(t.hour * 60 + t.minute - 7 * 60 - 30) <= 31
                or abs(t.hour * 60 + t.minute - 17 * 60) <= 31]  # fmt: skip
        latest = max((t for t in local if not start <= t.date() <= end), default=None)
        by_day = compliance_by_day(
            rules, per_day, near, start, end, now, last_before=latest or at(2026, 1, 2, 9)
        )
        assert by_day == whole
        assert whole.misses  # the sample does miss things
