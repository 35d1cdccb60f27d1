"""Office settings bounds and the fixed clock."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from newmedia_desk.domain.clock import FixedClock, SystemClock
from newmedia_desk.domain.errors import ValidationError
from newmedia_desk.domain.settings import ALL_SETTINGS, BY_KEY, IDLE_LOCK_MINUTES, IntSetting


@pytest.mark.parametrize("setting", ALL_SETTINGS, ids=lambda s: s.key)
def test_every_setting_accepts_its_bounds_and_default(setting: IntSetting) -> None:
    assert setting.minimum <= setting.default <= setting.maximum
    assert setting.parse(setting.minimum) == setting.minimum
    assert setting.parse(str(setting.maximum)) == setting.maximum
    assert setting.parse(f" {setting.default} ") == setting.default


@pytest.mark.parametrize("setting", ALL_SETTINGS, ids=lambda s: s.key)
def test_every_setting_refuses_values_out_of_bounds(setting: IntSetting) -> None:
    for raw in (setting.minimum - 1, setting.maximum + 1):
        with pytest.raises(ValidationError) as info:
            setting.parse(raw)
        assert info.value.field == setting.key


@pytest.mark.parametrize("raw", ["", "five", "1.5", "1e3"])
def test_non_integers_are_refused(raw: str) -> None:
    with pytest.raises(ValidationError, match="whole number"):
        IDLE_LOCK_MINUTES.parse(raw)


def test_settings_are_declared_once() -> None:
    assert len(BY_KEY) == len(ALL_SETTINGS)


def test_fixed_clock_moves_only_when_told() -> None:
    start = datetime(2026, 3, 2, 1, tzinfo=UTC)
    clock = FixedClock(start)
    assert clock.now() == start
    clock.advance(seconds=90)
    assert (clock.now() - start).total_seconds() == 90
    with pytest.raises(ValueError, match="aware"):
        FixedClock(datetime(2026, 3, 2))


def test_system_clock_is_aware_utc() -> None:
    assert SystemClock().now().utcoffset() is not None
