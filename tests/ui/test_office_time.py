"""Times are shown and entered in office time (Beijing), whatever the PC's zone is set to."""

from __future__ import annotations

from datetime import UTC, datetime

from pytestqt.qtbot import QtBot

from newmedia_desk.domain.working_days import OFFICE_TZ
from newmedia_desk.ui.texts import (
    from_qdatetime,
    office_datetime_edit,
    office_time,
    office_time_seconds,
    to_qdatetime,
)

FORECAST = datetime(2026, 3, 2, 23, 30, 5, tzinfo=UTC)
"""07:30:05 on 3 March in Beijing: the morning forecast."""


def test_timestamps_are_written_in_office_time() -> None:
    assert office_time(FORECAST) == "2026-03-03 07:30"
    assert office_time_seconds(FORECAST) == "2026-03-03 07:30:05"
    assert office_time(None) == ""


def test_a_date_time_field_shows_and_returns_office_time(qtbot: QtBot) -> None:
    edit = office_datetime_edit(None, FORECAST)
    qtbot.addWidget(edit)
    assert edit.text() == "2026-03-03 07:30"
    edit.setDateTime(edit.dateTime().addSecs(30 * 60))  # the clerk moves it to 08:00
    moment = from_qdatetime(edit.dateTime())
    assert moment.tzinfo is OFFICE_TZ
    assert moment == datetime(2026, 3, 3, 8, 0, 5, tzinfo=OFFICE_TZ)
    assert from_qdatetime(to_qdatetime(FORECAST)) == FORECAST.replace(microsecond=0)
