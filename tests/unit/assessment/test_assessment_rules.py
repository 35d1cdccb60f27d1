"""The assessment rules on a small hand-checked month (March 2026): vetoes, caps, suggestions."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from newmedia_desk.domain.assessment import (
    DEFAULT_RULES,
    AccountMonth,
    AssessmentRules,
    Deduction,
    Item,
    Month,
    SeriousError,
    Suggestion,
    UnitMonth,
    VetoKind,
    Why,
    assess,
    item_counts,
    longest_silence,
    median,
    reason_text,
    serious_terms,
    suggestion_text,
    veto_text,
)
from newmedia_desk.domain.errors import ValidationError

MARCH = Month(2026, 3)
CST = timezone(timedelta(hours=8))


def account(name: str = "江城气象", silent: int = 1, misses: int = 0, **kw: object) -> AccountMonth:
    values: dict[str, object] = {
        "account_id": 1,
        "name": name,
        "platform": "微博",
        "published": 40,
        "silent_days": silent,
        "has_rules": True,
        "cadence_expected": 62,
        "cadence_misses": misses,
    }
    values.update(kw)
    return AccountMonth(**values)  # type: ignore[arg-type]


def unit(*accounts: AccountMonth, **kw: object) -> UnitMonth:
    values: dict[str, object] = {
        "unit_id": 7,
        "unit_name": "气象服务中心",
        "month": MARCH,
        "accounts": accounts or (account(),),
        "published": 40,
    }
    values.update(kw)
    return UnitMonth(**values)  # type: ignore[arg-type]


# -- months and silence ---------------------------------------------------------------------


def test_month_parsing_and_bounds() -> None:
    assert Month.parse(" 2026-03 ") == MARCH
    assert str(MARCH) == "2026-03" and MARCH.label == "2026年3月"
    assert (MARCH.first_day, MARCH.last_day) == (date(2026, 3, 1), date(2026, 3, 31))
    assert Month(2024, 2).last_day == date(2024, 2, 29)
    # Beijing midnight: 16:00 UTC the day before.
    assert MARCH.start.astimezone(UTC) == datetime(2026, 2, 28, 16, tzinfo=UTC)
    assert MARCH.end == Month(2026, 4).start
    assert Month(2026, 12).next() == Month(2027, 1)
    assert Month(2026, 1).previous() == Month(2025, 12)
    assert MARCH.back(4) == [Month(2025, 12), Month(2026, 1), Month(2026, 2), MARCH]
    for bad in ("2026-3", "2026-13", "26-03", "2026/03", "", "2026-00"):
        with pytest.raises(ValidationError):
            Month.parse(bad)


def test_longest_silence_counts_from_the_last_post_before_the_month() -> None:
    first, last = MARCH.first_day, MARCH.last_day
    # Posted 28 Feb, 1 Mar and 15 Mar: silent 2–14 Mar (13 days), then 16–31 Mar (16 days).
    days = [date(2026, 3, 1), date(2026, 3, 15)]
    assert longest_silence(days, first, last, before=date(2026, 2, 28)) == (16, date(2026, 3, 16))
    # Judged on 20 Mar: the second silence has reached 5 days only.
    assert longest_silence(days, first, date(2026, 3, 20), before=date(2026, 2, 28)) == (
        13,
        date(2026, 3, 2),
    )
    # Last post 20 Feb, nothing in March: 13 days on 5 March, 14 (the veto) on 6 March.
    assert longest_silence([], first, date(2026, 3, 5), before=date(2026, 2, 20)) == (
        13,
        date(2026, 2, 21),
    )
    assert longest_silence([], first, date(2026, 3, 6), before=date(2026, 2, 20))[0] == 14
    # A silence that ended on the 1st belongs to February, not March.
    assert longest_silence(
        [date(2026, 3, 1)], first, date(2026, 3, 1), before=date(2026, 2, 1)
    ) == (
        0,
        None,
    )
    # A post every day: never silent. Unknown start: silent from the 1st.
    every_day = [first + timedelta(days=i) for i in range(31)]
    assert longest_silence(every_day, first, last, before=None) == (0, None)
    assert longest_silence([], first, date(2026, 3, 10), before=None) == (10, first)


def test_median_of_approval_hours() -> None:
    assert median([]) is None
    assert median([5.0, 1.0, 30.0]) == 5.0
    assert median([2.0, 4.0]) == 3.0


# -- vetoes ---------------------------------------------------------------------------------


def test_fourteen_silent_days_on_any_account_fail_the_month() -> None:
    quiet = account("江城气象服务", silent=14)
    result = assess(unit(account(), quiet))
    assert not result.qualified and result.vetoed
    [veto] = result.vetoes
    assert (veto.kind, veto.account, veto.days) == (VetoKind.SILENT, "江城气象服务", 14)
    assert veto_text(veto) == "江城气象服务连续14天未更新"
    # Nothing else was wrong: the deductions alone would pass (one silent account: −5).
    assert result.score == 95
    assert result.suggestion is Suggestion.CRITICISE
    assert {r.why for r in result.reasons} == {Why.FAILED, Why.SILENT_AFTER_REMINDERS}
    # 13 days is no veto.
    assert assess(unit(account("江城气象服务", silent=13))).qualified


def test_a_serious_error_published_fails_the_month() -> None:
    error = SeriousError(
        9, "江城气象", datetime(2026, 3, 3, 2, tzinfo=UTC), "published_text", ("中华人民共合国",)
    )
    result = assess(unit(mismatches=1, serious_errors=(error,)))
    assert not result.qualified
    [veto] = result.vetoes
    assert veto.kind is VetoKind.SERIOUS_ERROR
    assert veto_text(veto) == "江城气象发布内容有严重差错（中华人民共合国）"
    assert result.score == 97  # the mismatch itself: −3


def test_serious_terms_are_blocking_lexicon_terms_only() -> None:
    assert serious_terms("庆祝中华人民共合国成立。") == ("中华人民共合国",)
    # An unmasked phone number blocks publishing but is no veto item.
    assert serious_terms("咨询电话13812345678。") == ()
    assert serious_terms("明天多云转晴。") == ()


# -- deductions -----------------------------------------------------------------------------


def test_deductions_by_hand_with_caps() -> None:
    figures = unit(
        account("江城气象", silent=8, misses=7),  # 7 misses ×2 = 14; yellow silence −5
        account("江城气象服务", account_id=2, silent=3, misses=5),  # 5 more misses
        approval_hours=(2.0, 30.0, 50.0, 1.5),  # 2 slower than 24 h: −2
        rejections=2,  # −2
        checker_blocks=9,  # 9 → capped at 5
        mismatches=0,
        late_answers=6,  # 18 → capped at 15
        late_incident_steps=1,  # −5
        rotation_overdue=1,  # −2
    )
    result = assess(figures)
    assert item_counts(figures, DEFAULT_RULES)[Item.CADENCE_MISSES] == 12
    expected = {
        Item.CADENCE_MISSES: (12, 20),  # 24 → cap 20
        Item.SILENT_ACCOUNTS: (1, 5),
        Item.SLOW_APPROVALS: (2, 2),
        Item.REJECTIONS: (2, 2),
        Item.CHECKER_BLOCKS: (9, 5),
        Item.MISMATCHES: (0, 0),
        Item.LATE_ANSWERS: (6, 15),
        Item.LATE_INCIDENT_STEPS: (1, 5),
        Item.ROTATION_OVERDUE: (1, 2),
    }
    assert {r.item: (r.count, r.points) for r in result.items} == expected
    assert result.deducted == 56
    assert result.score == 44
    assert figures.turnaround_hours == 16.0  # median of 1.5, 2, 30, 50
    assert figures.max_silent_days == 8
    # 44 < 60: 不合格 without any veto, and a criticism.
    assert not result.qualified and not result.vetoed
    assert result.result_label == "不合格"
    assert result.suggestion is Suggestion.CRITICISE
    assert suggestion_text(result) == "批评：考核不合格"


def test_the_score_never_goes_below_zero_and_sixty_passes() -> None:
    worst = unit(
        account(misses=50, silent=10),
        approval_hours=(99.0,) * 10,
        rejections=10,
        checker_blocks=10,
        mismatches=10,
        late_answers=10,
        late_incident_steps=10,
        rotation_overdue=10,
    )
    # Every item at its cap: 20+5+5+5+5+10+15+20+5 = 90 (one silent account).
    assert assess(worst).score == 10
    heavy = AssessmentRules(deductions={Item.LATE_ANSWERS: Deduction(30, 100)})
    assert assess(worst, heavy).score == 0
    # Exactly 60 passes: 20 (misses) + 15 (answers) + 5 (incident step) = 40.
    sixty = assess(unit(account(misses=10), late_answers=5, late_incident_steps=1))
    assert (sixty.score, sixty.qualified) == (60, True)
    fifty_nine = assess(
        unit(account(misses=10), late_answers=5, late_incident_steps=1, rejections=1)
    )
    assert (fifty_nine.score, fifty_nine.qualified) == (59, False)


def test_office_rules_change_points_and_caps() -> None:
    rules = AssessmentRules(
        deductions={Item.CADENCE_MISSES: Deduction(5, 30), Item.REJECTIONS: Deduction(0, 10)},
        slow_approval_hours=48,
    )
    result = assess(unit(account(misses=3), rejections=4, approval_hours=(30.0, 49.0)), rules)
    assert result.points(Item.CADENCE_MISSES) == 15
    assert result.points(Item.REJECTIONS) == 0  # left out by the office
    assert result.count(Item.SLOW_APPROVALS) == 1
    assert result.points(Item.SLOW_APPROVALS) == 0  # not configured in these rules
    assert result.score == 85


# -- suggestions ----------------------------------------------------------------------------


def test_commendation_needs_a_high_score_and_a_clean_month() -> None:
    clean = assess(unit(rejections=1, approval_hours=(3.0,)))
    assert (clean.score, clean.suggestion) == (99, Suggestion.COMMEND)
    assert suggestion_text(clean) == "表扬：发布及时、更新达标、回应及时"
    # One late answer: 97 but not commended (answers must be on time).
    assert assess(unit(late_answers=1)).suggestion is Suggestion.NONE
    # One cadence miss: not commended either.
    assert assess(unit(account(misses=1))).suggestion is Suggestion.NONE
    # Nothing published: nothing to commend.
    assert assess(unit(account(published=0), published=0)).suggestion is Suggestion.NONE
    # 89 points without misses: below the commendation score.
    eighty_nine = assess(unit(checker_blocks=5, rejections=5, rotation_overdue=1))
    assert (eighty_nine.score, eighty_nine.suggestion) == (88, Suggestion.NONE)
    # The office may lower the bar.
    assert (
        assess(
            unit(checker_blocks=5, rejections=5, rotation_overdue=1),
            dataclasses.replace(DEFAULT_RULES, commend_score=85),
        ).suggestion
        is Suggestion.COMMEND
    )


def test_criticism_for_silence_after_reminders_and_for_mismatches() -> None:
    silent = assess(unit(account("江城气象", silent=12)))
    assert silent.qualified and silent.score == 95
    assert silent.suggestion is Suggestion.CRITICISE
    [reason] = silent.reasons
    assert (reason.why, reason.account, reason.count) == (
        Why.SILENT_AFTER_REMINDERS,
        "江城气象",
        12,
    )
    assert reason_text(reason) == "江城气象连续12天未更新，经多次提醒仍未改进"
    # 11 days: reminded at 7 and 10, not yet criticised — nor commended (not timely).
    eleven = assess(unit(account(silent=11)))
    assert (eleven.score, eleven.suggestion) == (95, Suggestion.NONE)
    assert assess(unit(account(silent=6))).suggestion is Suggestion.COMMEND
    mismatch = assess(unit(mismatches=2))
    assert mismatch.suggestion is Suggestion.CRITICISE and mismatch.score == 94
    assert suggestion_text(mismatch) == "批评：2条发布内容与审批稿不一致"


def test_likes_and_followers_are_not_inputs() -> None:
    names = {f.name for cls in (UnitMonth, AccountMonth) for f in dataclasses.fields(cls)}
    for word in ("like", "follower", "fan", "share", "view", "read"):
        assert not any(word in name for name in names), word
