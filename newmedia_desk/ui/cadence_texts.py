"""Words for cadence rules, slots, silence and calendar marks, translated for people.

A rule understood by the parser is said back in words ("每天 07:30、17:00", "每周至少 1
条") so the office can see what the program will count before trusting it.
"""

from __future__ import annotations

from datetime import time

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from newmedia_desk.domain.cadence import CadenceRule, DaySet, Period, Slot
from newmedia_desk.domain.compliance import Silence
from newmedia_desk.services.cadence import ItemKind, SlotState
from newmedia_desk.ui.noop import QT_TRANSLATE_NOOP

_CTX = "CadenceTexts"

WEEKDAYS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("CadenceTexts", "Monday"),
    QT_TRANSLATE_NOOP("CadenceTexts", "Tuesday"),
    QT_TRANSLATE_NOOP("CadenceTexts", "Wednesday"),
    QT_TRANSLATE_NOOP("CadenceTexts", "Thursday"),
    QT_TRANSLATE_NOOP("CadenceTexts", "Friday"),
    QT_TRANSLATE_NOOP("CadenceTexts", "Saturday"),
    QT_TRANSLATE_NOOP("CadenceTexts", "Sunday"),
)

SHORT_WEEKDAYS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("CadenceTexts", "Mon"),
    QT_TRANSLATE_NOOP("CadenceTexts", "Tue"),
    QT_TRANSLATE_NOOP("CadenceTexts", "Wed"),
    QT_TRANSLATE_NOOP("CadenceTexts", "Thu"),
    QT_TRANSLATE_NOOP("CadenceTexts", "Fri"),
    QT_TRANSLATE_NOOP("CadenceTexts", "Sat"),
    QT_TRANSLATE_NOOP("CadenceTexts", "Sun"),
)

SILENCE_NAMES: dict[Silence, str] = {
    Silence.OK: QT_TRANSLATE_NOOP("CadenceTexts", "Active"),
    Silence.YELLOW: QT_TRANSLATE_NOOP("CadenceTexts", "Quiet"),
    Silence.RED: QT_TRANSLATE_NOOP("CadenceTexts", "Silent (two weeks)"),
}

SLOT_NAMES: dict[SlotState, str] = {
    SlotState.PUBLISHED: QT_TRANSLATE_NOOP("CadenceTexts", "published"),
    SlotState.APPROVED: QT_TRANSLATE_NOOP("CadenceTexts", "approved"),
    SlotState.PLANNED: QT_TRANSLATE_NOOP("CadenceTexts", "planned"),
    SlotState.OPEN: QT_TRANSLATE_NOOP("CadenceTexts", "nothing planned"),
    SlotState.MISSED: QT_TRANSLATE_NOOP("CadenceTexts", "missed"),
}

KIND_NAMES: dict[ItemKind, str] = {
    ItemKind.PLANNED: QT_TRANSLATE_NOOP("CadenceTexts", "Planned"),
    ItemKind.APPROVED: QT_TRANSLATE_NOOP("CadenceTexts", "Approved"),
    ItemKind.PUBLISHED: QT_TRANSLATE_NOOP("CadenceTexts", "Published"),
}

KIND_COLOURS: dict[ItemKind, QColor] = {
    ItemKind.PLANNED: QColor("#5b7fa6"),
    ItemKind.APPROVED: QColor("#c77c0e"),
    ItemKind.PUBLISHED: QColor("#2e7d32"),
}
"""Planned: slate blue; approved: amber; published: green."""

SLOT_COLOURS: dict[SlotState, QColor] = {
    SlotState.PUBLISHED: QColor("#2e7d32"),
    SlotState.APPROVED: QColor("#c77c0e"),
    SlotState.PLANNED: QColor("#5b7fa6"),
    SlotState.OPEN: QColor("#8a8a8a"),
    SlotState.MISSED: QColor("#c62828"),
}

SILENCE_COLOURS: dict[Silence, QColor] = {
    Silence.OK: QColor("#2e7d32"),
    Silence.YELLOW: QColor("#b26a00"),
    Silence.RED: QColor("#c62828"),
}

DEADLINE_COLOUR = QColor("#8e44ad")
LATE_COLOUR = QColor("#c62828")
DONE_COLOUR = QColor("#2e7d32")


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


def weekday_name(weekday: int) -> str:
    """Monday … Sunday (0 = Monday), translated."""
    return _tr(WEEKDAYS[weekday])


def short_weekday(weekday: int) -> str:
    """Mon … Sun, translated."""
    return _tr(SHORT_WEEKDAYS[weekday])


def silence_name(level: Silence) -> str:
    """The words for a silence level."""
    return _tr(SILENCE_NAMES[level])


def slot_state_name(state: SlotState) -> str:
    """The words for what covers a fixed time."""
    return _tr(SLOT_NAMES[state])


def kind_name(kind: ItemKind) -> str:
    """Planned, approved or published."""
    return _tr(KIND_NAMES[kind])


def hm(value: time) -> str:
    """``07:30``."""
    return value.strftime("%H:%M")


def _times(values: tuple[time, ...]) -> str:
    return QCoreApplication.translate("CadenceTexts", ", ").join(hm(t) for t in values)


def _slot(slot: Slot) -> str:
    if slot.end is None:
        return QCoreApplication.translate("CadenceTexts", "after {start}").format(
            start=hm(slot.start)
        )
    return f"{hm(slot.start)}–{hm(slot.end)}"


def _count(rule: CadenceRule) -> str:
    low, high = rule.minimum, rule.maximum
    if low is not None and high is not None and low == high:
        return (
            QCoreApplication.translate("CadenceTexts", "1 post")
            if low == 1
            else QCoreApplication.translate("CadenceTexts", "{n} posts").format(n=low)
        )
    if low is not None and high is not None:
        return QCoreApplication.translate("CadenceTexts", "{low}–{high} posts").format(
            low=low, high=high
        )
    if low is not None:
        return (
            QCoreApplication.translate("CadenceTexts", "at least 1 post")
            if low == 1
            else QCoreApplication.translate("CadenceTexts", "at least {n} posts").format(n=low)
        )
    return (
        QCoreApplication.translate("CadenceTexts", "at most 1 post")
        if high == 1
        else QCoreApplication.translate("CadenceTexts", "at most {n} posts").format(n=high)
    )


_DAY_SETS = {
    DaySet.ALL: QT_TRANSLATE_NOOP("CadenceTexts", "every day"),
    DaySet.WORKDAYS: QT_TRANSLATE_NOOP("CadenceTexts", "on workdays"),
    DaySet.WEEKENDS: QT_TRANSLATE_NOOP("CadenceTexts", "on weekends"),
}


def describe_rule(rule: CadenceRule) -> str:
    """One understood rule in words."""
    if rule.delivery_weekday is not None:
        return QCoreApplication.translate(
            "CadenceTexts", "Next week's content due every {weekday}"
        ).format(weekday=weekday_name(rule.delivery_weekday))
    if rule.times:
        text = QCoreApplication.translate("CadenceTexts", "Every day at {times}").format(
            times=_times(rule.times)
        )
        if rule.optional_times:
            text += QCoreApplication.translate(
                "CadenceTexts", " (if possible also {times})"
            ).format(times=_times(rule.optional_times))
        return text
    if rule.optional_times:
        return QCoreApplication.translate("CadenceTexts", "If possible also at {times}").format(
            times=_times(rule.optional_times)
        )
    if rule.slots:
        return QCoreApplication.translate("CadenceTexts", "Recommended times: {slots}").format(
            slots=QCoreApplication.translate("CadenceTexts", ", ").join(
                _slot(s) for s in rule.slots
            )
        )
    if rule.period is Period.DAYS and rule.every_days:
        return QCoreApplication.translate(
            "CadenceTexts", "At least {n} post(s) within every {days} days"
        ).format(n=rule.minimum or 1, days=rule.every_days)
    if rule.period is Period.DAY:
        return QCoreApplication.translate("CadenceTexts", "{count} {days}").format(
            count=_count(rule), days=_tr(_DAY_SETS[rule.days])
        )
    if rule.period is Period.WEEK:
        return QCoreApplication.translate("CadenceTexts", "{count} a week").format(
            count=_count(rule)
        )
    if rule.period is Period.MONTH:
        return QCoreApplication.translate("CadenceTexts", "{count} a month").format(
            count=_count(rule)
        )
    return rule.text


def describe_rules(rules: tuple[CadenceRule, ...]) -> str:
    """Every understood rule of a row, joined."""
    return QCoreApplication.translate("CadenceTexts", "; ").join(describe_rule(r) for r in rules)
