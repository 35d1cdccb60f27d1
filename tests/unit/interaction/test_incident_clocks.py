"""Incident clocks and answer due times, on hand-computed Beijing times across a weekend."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from newmedia_desk.domain.errors import ValidationError
from newmedia_desk.domain.incidents import (
    DEFAULT_RULES,
    ClockRules,
    ClockState,
    IncidentDraft,
    IncidentLevel,
    IncidentRecord,
    IncidentStep,
    answer_due_at,
    answer_due_on,
    answer_late,
    clock_states,
    due_day,
    feedback_late,
    step_applies,
    validate_incident,
)

CST = timezone(timedelta(hours=8))
S = IncidentStep


def at(y: int, mo: int, d: int, h: int, mi: int = 0) -> datetime:
    """A Beijing wall-clock time, handed to the code in UTC like the database does."""
    return datetime(y, mo, d, h, mi, tzinfo=CST).astimezone(UTC)


# Friday 6 March 2026, 20:00 Beijing time: the clocks run into the weekend.
OPENED = at(2026, 3, 6, 20)


def incident(
    level: IncidentLevel,
    *,
    done: dict[IncidentStep, datetime] | None = None,
    closed_at: datetime | None = None,
) -> IncidentRecord:
    return IncidentRecord(
        id=1,
        title="暴雨致城区内涝",
        level=level,
        description="",
        unit_id=1,
        unit_name="市气象局",
        opened_at=OPENED,
        done={step: (done or {}).get(step) for step in IncidentStep},
        closed_at=closed_at,
        notes="",
        recorded_at=OPENED,
        recorded_by_name="张晓",
        version=1,
    )


def dues(states: tuple[ClockState, ...]) -> dict[IncidentStep, datetime]:
    return {s.step: s.due_at for s in states}


@pytest.mark.parametrize("level", [IncidentLevel.EXTRAORDINARY, IncidentLevel.MAJOR])
def test_major_levels_have_every_clock(level: IncidentLevel) -> None:
    states = clock_states(incident(level), OPENED)
    assert dues(states) == {
        S.CHIEF: at(2026, 3, 6, 21),  # at once: 1 h
        S.AUTHORITATIVE: at(2026, 3, 7, 1),  # 5 h, past midnight into Saturday
        S.RESPONSE: at(2026, 3, 7, 20),  # press conference within 24 h
        S.HANDLED: at(2026, 3, 7, 20),  # the agency's own 24-hour rule
        S.UPWARD: at(2026, 3, 7, 20),
    }
    assert [s.step for s in states] == list(IncidentStep)
    assert not any(s.late for s in states)
    assert states[0].remaining == timedelta(hours=1)


@pytest.mark.parametrize("level", [IncidentLevel.LARGE, IncidentLevel.GENERAL])
def test_other_levels_respond_within_48_hours_and_have_no_5_hour_clock(
    level: IncidentLevel,
) -> None:
    states = clock_states(incident(level), OPENED)
    assert dues(states) == {
        S.CHIEF: at(2026, 3, 6, 21),
        S.RESPONSE: at(2026, 3, 8, 20),  # Sunday evening
        S.HANDLED: at(2026, 3, 7, 20),
        S.UPWARD: at(2026, 3, 7, 20),
    }
    assert not step_applies(level, S.AUTHORITATIVE)
    assert step_applies(IncidentLevel.MAJOR, S.AUTHORITATIVE)


def test_a_step_done_after_its_deadline_stays_late() -> None:
    done = {
        S.CHIEF: at(2026, 3, 6, 20, 30),  # on time
        S.AUTHORITATIVE: at(2026, 3, 7, 1, 1),  # one minute late
    }
    states = {s.step: s for s in clock_states(incident(IncidentLevel.MAJOR, done=done), OPENED)}
    assert not states[S.CHIEF].late
    assert states[S.CHIEF].remaining is None
    assert states[S.AUTHORITATIVE].late
    assert states[S.AUTHORITATIVE].done
    assert not states[S.AUTHORITATIVE].overdue  # late, but nothing left to do


def test_exactly_on_the_deadline_is_on_time() -> None:
    done = {S.CHIEF: at(2026, 3, 6, 21)}
    [chief, *_] = clock_states(incident(IncidentLevel.GENERAL, done=done), OPENED)
    assert not chief.late


def test_open_steps_become_overdue_when_the_clock_runs_out() -> None:
    record = incident(IncidentLevel.MAJOR)
    now = at(2026, 3, 7, 2)  # Saturday 02:00: chief (21:00) and authoritative (01:00) overdue
    states = {s.step: s for s in clock_states(record, now)}
    assert [s for s in S if states[s].overdue] == [S.CHIEF, S.AUTHORITATIVE]
    assert states[S.CHIEF].remaining == timedelta(hours=-5)
    assert states[S.RESPONSE].remaining == timedelta(hours=18)
    assert not states[S.RESPONSE].late


def test_a_closed_incident_keeps_its_clocks_as_they_were_at_closing() -> None:
    done = {S.CHIEF: at(2026, 3, 6, 20, 10), S.HANDLED: at(2026, 3, 7, 10)}
    record = incident(IncidentLevel.GENERAL, done=done, closed_at=at(2026, 3, 7, 12))
    much_later = at(2026, 3, 20, 9)
    states = {s.step: s for s in clock_states(record, much_later)}
    # Response (Sun 20:00) and upward report (Sat 20:00) were not due yet at closing.
    assert not any(s.late for s in states.values())
    assert all(s.remaining is None for s in states.values())
    late_close = incident(IncidentLevel.GENERAL, closed_at=at(2026, 3, 7, 21))
    late = [s.step for s in clock_states(late_close, much_later) if s.late]
    assert late == [S.CHIEF, S.HANDLED, S.UPWARD]


def test_settings_change_the_clocks() -> None:
    rules = ClockRules(
        chief_hours=2,
        authoritative_hours=3,
        response_major_hours=12,
        response_other_hours=36,
        handling_hours=48,
        upward_hours=72,
    )
    major = dues(clock_states(incident(IncidentLevel.MAJOR), OPENED, rules))
    assert major == {
        S.CHIEF: at(2026, 3, 6, 22),
        S.AUTHORITATIVE: at(2026, 3, 6, 23),
        S.RESPONSE: at(2026, 3, 7, 8),
        S.HANDLED: at(2026, 3, 8, 20),
        S.UPWARD: at(2026, 3, 9, 20),
    }
    general = dues(clock_states(incident(IncidentLevel.GENERAL), OPENED, rules))
    assert general[S.RESPONSE] == at(2026, 3, 8, 8)
    assert DEFAULT_RULES.limits(IncidentLevel.MAJOR)[S.AUTHORITATIVE] == timedelta(hours=5)


def test_naive_times_are_refused() -> None:
    with pytest.raises(ValueError, match="aware"):
        clock_states(incident(IncidentLevel.MAJOR), datetime(2026, 3, 7, 1))


# -- answers in working days -------------------------------------------------------------


@pytest.mark.parametrize(
    ("received", "due"),
    [
        (at(2026, 3, 2, 9), date(2026, 3, 5)),  # Monday → Thursday
        (at(2026, 3, 4, 23, 59), date(2026, 3, 9)),  # Wednesday night → Monday
        (at(2026, 3, 5, 15), date(2026, 3, 10)),  # Thursday → Tuesday (over the weekend)
        (at(2026, 3, 6, 0, 30), date(2026, 3, 11)),  # Friday 00:30 Beijing = Thursday in UTC
        (at(2026, 3, 6, 17), date(2026, 3, 11)),  # Friday → Wednesday
        (at(2026, 3, 7, 10), date(2026, 3, 11)),  # Saturday → Wednesday
        (at(2026, 3, 8, 23), date(2026, 3, 11)),  # Sunday → Wednesday
    ],
)
def test_answer_due_three_working_days_later(received: datetime, due: date) -> None:
    assert answer_due_on(received, 3) == due
    due_at = answer_due_at(received, 3)
    assert due_at == datetime(due.year, due.month, due.day, tzinfo=CST) + timedelta(days=1)
    assert due_day(due_at) == due


def test_answer_due_follows_the_setting() -> None:
    friday = at(2026, 3, 6, 17)
    assert answer_due_on(friday, 1) == date(2026, 3, 9)  # Monday
    assert answer_due_on(friday, 5) == date(2026, 3, 13)  # next Friday
    assert answer_due_on(friday, 10) == date(2026, 3, 20)


def test_answer_late_at_midnight_after_the_due_day() -> None:
    due_at = answer_due_at(at(2026, 3, 6, 17), 3)  # due by the end of Wednesday 11 March
    assert not answer_late(due_at, None, at(2026, 3, 11, 23, 59))
    assert answer_late(due_at, None, at(2026, 3, 12, 0, 0))
    assert not answer_late(due_at, at(2026, 3, 11, 18), at(2026, 3, 20, 9))
    assert answer_late(due_at, at(2026, 3, 12, 8), at(2026, 3, 12, 9))  # answered late
    assert not answer_late(None, None, at(2027, 1, 1, 0))  # nothing due, never late


def test_feedback_late_after_its_due_day() -> None:
    due_on = date(2026, 3, 11)
    assert not feedback_late(due_on, None, at(2026, 3, 11, 23))
    assert feedback_late(due_on, None, at(2026, 3, 12, 0, 1))
    assert not feedback_late(due_on, at(2026, 3, 11, 9), at(2026, 3, 30, 9))
    assert feedback_late(due_on, at(2026, 3, 13, 9), at(2026, 3, 30, 9))


# -- input -------------------------------------------------------------------------------


def test_incident_input_is_checked() -> None:
    now = at(2026, 3, 6, 21)
    good = validate_incident(
        IncidentDraft("  暴雨致城区内涝 ", IncidentLevel.MAJOR, 1, OPENED, " 细节 "), now
    )
    assert (good.title, good.description) == ("暴雨致城区内涝", "细节")
    with pytest.raises(ValidationError) as empty:
        validate_incident(IncidentDraft(" ", IncidentLevel.MAJOR, 1, OPENED), now)
    assert empty.value.field == "title"
    with pytest.raises(ValidationError) as future:
        validate_incident(IncidentDraft("x", IncidentLevel.MAJOR, 1, now + timedelta(1)), now)
    assert future.value.field == "opened_at"
    with pytest.raises(ValidationError) as level:
        validate_incident(IncidentDraft("x", "serious", 1, OPENED), now)  # type: ignore[arg-type]
    assert level.value.field == "level"
