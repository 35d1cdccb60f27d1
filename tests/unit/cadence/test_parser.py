"""The cadence parser reads every example of DOMAIN.md and the seeds, and never guesses."""

from __future__ import annotations

from datetime import time

import pytest

from newmedia_desk.domain.cadence import DaySet, Period, Slot, chinese_number, parse_cadence

T = time


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 001 § 篇1 art.7–8
        ("预报类信息每天7:30和17:00左右更新", {"times": (T(7, 30), T(17, 0))}),
        ("有条件最好10:30左右再更新一次", {"optional_times": (T(10, 30),)}),
        (
            "其他类信息视情况而定,一般应保证每星期更新6-7次",
            {"period": Period.WEEK, "minimum": 6, "maximum": 7},
        ),
        # 000 § 篇2 三 and DOMAIN.md
        ("每周至少更新一次", {"period": Period.WEEK, "minimum": 1, "maximum": None}),
        ("每周至少1次", {"period": Period.WEEK, "minimum": 1}),
        ("每周6-7次", {"period": Period.WEEK, "minimum": 6, "maximum": 7}),
        ("每日至少3条", {"period": Period.DAY, "minimum": 3}),
        (
            "工作日3-10条",
            {"period": Period.DAY, "minimum": 3, "maximum": 10, "days": DaySet.WORKDAYS},
        ),
        ("日均至少三条", {"period": Period.DAY, "minimum": 3}),
        # 001 § 篇4 六
        ("每天至少一条", {"period": Period.DAY, "minimum": 1}),
        # gov-rules.md §9
        ("14天内至少更新一次", {"period": Period.DAYS, "every_days": 14, "minimum": 1}),
        ("每10天内", {"period": Period.DAYS, "every_days": 10}),
        ("每两周至少更新一次", {"period": Period.DAYS, "every_days": 14}),
        ("每周不少于1次", {"period": Period.WEEK, "minimum": 1}),
        # the English of DOMAIN.md
        ("daily 07:30 and 17:00", {"times": (T(7, 30), T(17, 0))}),
        ("optional 10:30", {"optional_times": (T(10, 30),)}),
        ("at least 1 a week", {"period": Period.WEEK, "minimum": 1}),
        ("at least once a week", {"period": Period.WEEK, "minimum": 1}),
        ("6–7 a week", {"period": Period.WEEK, "minimum": 6, "maximum": 7}),
        ("at least 3 a day", {"period": Period.DAY, "minimum": 3}),
        (
            "09:00–09:30, 17:30–18:00, after 20:00",
            {"slots": (Slot(T(9), T(9, 30)), Slot(T(17, 30), T(18)), Slot(T(20)))},
        ),
        ("next week's column content every Friday", {"delivery_weekday": 4}),
        ("每月至少4次", {"period": Period.MONTH, "minimum": 4}),
    ],
)
def test_each_example_parses(text: str, expected: dict[str, object]) -> None:
    parsed = parse_cadence(text)
    assert not parsed.flagged, parsed.unparsed
    [rule] = parsed.rules
    for name, value in expected.items():
        assert getattr(rule, name) == value, name


def test_sentences_with_several_rules_and_carried_days() -> None:
    weekend = parse_cadence("休息日微博,采用“时光机”方式,每日3条")
    [rule] = weekend.rules
    assert (rule.days, rule.minimum, rule.maximum) == (DaySet.WEEKENDS, 3, 3)
    workday = parse_cadence("工作日日常更新,每日发布至少3条,最多5-10条")
    [rule] = workday.rules
    assert (rule.days, rule.minimum, rule.maximum) == (DaySet.WORKDAYS, 3, 10)
    column = parse_cadence("每周五提交下一周整周(周一至周日)的发布内容(图片),每天至少一条内容")
    assert [r.delivery_weekday for r in column.rules] == [4, None]
    assert column.rules[1].minimum == 1
    forecast = parse_cadence(
        "预报类信息每天7:30和17:00左右更新。市第一次更新时间可适当延迟,有条件最好10:30左右再更新一次"
    )
    assert [r.times for r in forecast.rules] == [(T(7, 30), T(17, 0)), ()]
    assert forecast.rules[1].optional_times == (T(10, 30),)


@pytest.mark.parametrize("text", ["每季度两次", "逢年过节更新", "每周更新若干"])
def test_text_that_does_not_parse_is_kept_and_flagged(text: str) -> None:
    parsed = parse_cadence(text)
    assert parsed.flagged and parsed.text == text
    assert parsed.rules == ()
    assert parsed.unparsed == (text,)


def test_no_requirement_on_purpose_is_not_flagged() -> None:
    parsed = parse_cadence("行业动态不定期更新；特殊天气发生时随时更新")
    assert not parsed.flagged and parsed.rules == ()


@pytest.mark.parametrize(
    ("text", "value"), [("3", 3), ("三", 3), ("两", 2), ("十", 10), ("十二", 12), ("二十", 20)]
)
def test_chinese_numbers(text: str, value: int) -> None:
    assert chinese_number(text) == value
