"""Office-wide settings: each declared once with its type, default and bounds."""

from __future__ import annotations

from dataclasses import dataclass

from newmedia_desk.domain.errors import ValidationError


@dataclass(frozen=True, slots=True)
class IntSetting:
    """An integer setting with inclusive bounds."""

    key: str
    default: int
    minimum: int
    maximum: int

    def parse(self, raw: str | int) -> int:
        """Return the value as int within bounds, or raise ``ValidationError``."""
        try:
            value = int(raw)
        except (TypeError, ValueError) as exc:
            raise ValidationError(f"{self.key} must be a whole number", field=self.key) from exc
        if not self.minimum <= value <= self.maximum:
            raise ValidationError(
                f"{self.key} must be between {self.minimum} and {self.maximum}",
                field=self.key,
                minimum=self.minimum,
                maximum=self.maximum,
            )
        return value


IDLE_LOCK_MINUTES = IntSetting("idle_lock_minutes", default=5, minimum=1, maximum=240)
"""Lock the window after this many minutes without input (wall time)."""

HOLDER_LIMIT = IntSetting("credential_holder_limit", default=2, minimum=1, maximum=5)
"""How many people may know one account's password (000 § 篇1 art.7)."""

FILING_WORKING_DAYS = IntSetting("filing_working_days", default=5, minimum=1, maximum=30)
"""Working days allowed to file an account opening, change or closure."""

REVEAL_REAUTH_MINUTES = IntSetting("reveal_reauth_minutes", default=3, minimum=0, maximum=30)
"""Minutes after entering one's password during which a holder may reveal again without it."""

ROTATION_DAYS = IntSetting("rotation_days", default=90, minimum=7, maximum=730)
"""Remind to change an account password this many days after the last change."""

DIRECT_ROUTE_ALLOWED = IntSetting("direct_route_allowed", default=1, minimum=0, maximum=1)
"""1: reposts and general knowledge of tier 一般 may go out without an approver (000 § 篇1
art.8); 0: every post needs at least the responsible person."""

ALL_SETTINGS: tuple[IntSetting, ...] = (
    IDLE_LOCK_MINUTES,
    HOLDER_LIMIT,
    FILING_WORKING_DAYS,
    REVEAL_REAUTH_MINUTES,
    ROTATION_DAYS,
    DIRECT_ROUTE_ALLOWED,
)
BY_KEY = {s.key: s for s in ALL_SETTINGS}
