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

IMAGE_MAX_MB = IntSetting("image_max_mb", default=10, minimum=1, maximum=100)
"""An image attached to a post may have at most this many megabytes (MiB)."""

IMAGE_MAX_SIDE = IntSetting("image_max_side", default=8000, minimum=500, maximum=20000)
"""An image may be at most this many pixels wide and high (refuses decompression bombs)."""

ANSWER_WORKING_DAYS = IntSetting("answer_working_days", default=3, minimum=1, maximum=30)
"""A message that needs an answer, and public feedback, are due within this many working
days (local rules: 3; gov-rules.md §10)."""

INCIDENT_CHIEF_HOURS = IntSetting("incident_chief_hours", default=1, minimum=1, maximum=24)
"""An incident is reported to the chief within this many hours ("at once", 001 § 篇3 art.19)."""

INCIDENT_AUTHORITATIVE_HOURS = IntSetting(
    "incident_authoritative_hours", default=5, minimum=1, maximum=5
)
"""特别重大/重大: authoritative information within this many hours (national: 5 h at most)."""

INCIDENT_RESPONSE_MAJOR_HOURS = IntSetting(
    "incident_response_major_hours", default=24, minimum=1, maximum=24
)
"""特别重大/重大: response or press conference within this many hours (national: 24 h)."""

INCIDENT_RESPONSE_OTHER_HOURS = IntSetting(
    "incident_response_other_hours", default=48, minimum=1, maximum=48
)
"""Other incidents and public opinion: a response within this many hours (national: 48 h)."""

INCIDENT_HANDLING_HOURS = IntSetting("incident_handling_hours", default=24, minimum=1, maximum=72)
"""An incident is handled within this many hours (the agency's own rule: 24 h)."""

INCIDENT_UPWARD_HOURS = IntSetting("incident_upward_hours", default=24, minimum=1, maximum=72)
"""The result is reported upward within this many hours of the incident's opening."""

SILENCE_YELLOW_DAYS = IntSetting("silence_yellow_days", default=7, minimum=1, maximum=13)
"""An active account without a post for this many days shows yellow (red at 14, with
reminders at 10 and 12; gov-rules.md §9, §14)."""

SLOT_TOLERANCE_MINUTES = IntSetting("slot_tolerance_minutes", default=30, minimum=1, maximum=180)
"""A post within this many minutes of a fixed time (预报 07:30) counts as on time."""

# -- monthly assessment (考核): points per occurrence and the most one item may cost ---------
# Defaults are this office's starting point (the national scheme fixes only the 100-point
# scale, "one item's deductions never exceed its points" and <60 不合格: gov-rules.md §1);
# 0 points leaves an item out. Sources of each item: domain/assessment.py.

ASSESS_CADENCE_MISS_POINTS = IntSetting(
    "assess_cadence_miss_points", default=2, minimum=0, maximum=100
)
"""Points per cadence requirement missed (更新频次未达标; 001 § 篇1 art.7–8, 000 § 篇2 三)."""
ASSESS_CADENCE_MISS_CAP = IntSetting("assess_cadence_miss_cap", default=20, minimum=0, maximum=100)
"""Most points cadence misses may cost in one month."""
ASSESS_SILENT_ACCOUNT_POINTS = IntSetting(
    "assess_silent_account_points", default=5, minimum=0, maximum=100
)
"""Points per account that reached the yellow silence (gov-rules.md §9: 7, 10, 12 days)."""
ASSESS_SILENT_ACCOUNT_CAP = IntSetting(
    "assess_silent_account_cap", default=15, minimum=0, maximum=100
)
"""Most points silent accounts may cost in one month (14 days is a veto instead)."""
ASSESS_SLOW_APPROVAL_HOURS = IntSetting(
    "assess_slow_approval_hours", default=24, minimum=1, maximum=720
)
"""An approval that takes longer than this many hours from submission is slow."""
ASSESS_SLOW_APPROVAL_POINTS = IntSetting(
    "assess_slow_approval_points", default=1, minimum=0, maximum=100
)
"""Points per slow approval (001 § 篇3 art.17: 发布信息及时)."""
ASSESS_SLOW_APPROVAL_CAP = IntSetting("assess_slow_approval_cap", default=5, minimum=0, maximum=100)
"""Most points slow approvals may cost in one month."""
ASSESS_REJECTION_POINTS = IntSetting("assess_rejection_points", default=1, minimum=0, maximum=100)
"""Points per sign-off step decided 退回 (001 § 篇3 art.17: 信息质量优)."""
ASSESS_REJECTION_CAP = IntSetting("assess_rejection_cap", default=5, minimum=0, maximum=100)
"""Most points rejections may cost in one month."""
ASSESS_CHECKER_BLOCK_POINTS = IntSetting(
    "assess_checker_block_points", default=1, minimum=0, maximum=100
)
"""Points per revision saved with a blocking checker finding (gov-rules.md §11, §14)."""
ASSESS_CHECKER_BLOCK_CAP = IntSetting("assess_checker_block_cap", default=5, minimum=0, maximum=100)
"""Most points checker blocks may cost in one month."""
ASSESS_MISMATCH_POINTS = IntSetting("assess_mismatch_points", default=3, minimum=0, maximum=100)
"""Points per publication whose text differs from the approved one (000 § 篇3 art.12)."""
ASSESS_MISMATCH_CAP = IntSetting("assess_mismatch_cap", default=10, minimum=0, maximum=100)
"""Most points mismatched publications may cost in one month."""
ASSESS_LATE_ANSWER_POINTS = IntSetting(
    "assess_late_answer_points", default=3, minimum=0, maximum=100
)
"""Points per message or feedback answered late or not at all (gov-rules.md §1: −3 each)."""
ASSESS_LATE_ANSWER_CAP = IntSetting("assess_late_answer_cap", default=15, minimum=0, maximum=100)
"""Most points late answers may cost in one month."""
ASSESS_LATE_INCIDENT_POINTS = IntSetting(
    "assess_late_incident_points", default=5, minimum=0, maximum=100
)
"""Points per late incident step (gov-rules.md §5; 001 § 篇3 art.19)."""
ASSESS_LATE_INCIDENT_CAP = IntSetting(
    "assess_late_incident_cap", default=20, minimum=0, maximum=100
)
"""Most points late incident steps may cost in one month."""
ASSESS_ROTATION_POINTS = IntSetting("assess_rotation_points", default=2, minimum=0, maximum=100)
"""Points per account password overdue for a change (000 § 篇1 art.7; 001 § 篇1 art.12)."""
ASSESS_ROTATION_CAP = IntSetting("assess_rotation_cap", default=5, minimum=0, maximum=100)
"""Most points overdue passwords may cost in one month."""
ASSESS_COMMEND_SCORE = IntSetting("assess_commend_score", default=90, minimum=60, maximum=100)
"""Suggest 表扬 from this score, with no miss, late answer or late step (001 § 篇3 art.17)."""
ASSESS_CRITICISE_SILENT_DAYS = IntSetting(
    "assess_criticise_silent_days", default=12, minimum=1, maximum=14
)
"""Suggest 批评 when an account stays silent this long: past the reminders at 7 and 10 days
("经多次督促仍不及时改进", 001 § 篇3 art.18(1); gov-rules.md §9)."""

ALL_SETTINGS: tuple[IntSetting, ...] = (
    IDLE_LOCK_MINUTES,
    HOLDER_LIMIT,
    FILING_WORKING_DAYS,
    REVEAL_REAUTH_MINUTES,
    ROTATION_DAYS,
    DIRECT_ROUTE_ALLOWED,
    IMAGE_MAX_MB,
    IMAGE_MAX_SIDE,
    ANSWER_WORKING_DAYS,
    INCIDENT_CHIEF_HOURS,
    INCIDENT_AUTHORITATIVE_HOURS,
    INCIDENT_RESPONSE_MAJOR_HOURS,
    INCIDENT_RESPONSE_OTHER_HOURS,
    INCIDENT_HANDLING_HOURS,
    INCIDENT_UPWARD_HOURS,
    SILENCE_YELLOW_DAYS,
    SLOT_TOLERANCE_MINUTES,
    ASSESS_CADENCE_MISS_POINTS,
    ASSESS_CADENCE_MISS_CAP,
    ASSESS_SILENT_ACCOUNT_POINTS,
    ASSESS_SILENT_ACCOUNT_CAP,
    ASSESS_SLOW_APPROVAL_HOURS,
    ASSESS_SLOW_APPROVAL_POINTS,
    ASSESS_SLOW_APPROVAL_CAP,
    ASSESS_REJECTION_POINTS,
    ASSESS_REJECTION_CAP,
    ASSESS_CHECKER_BLOCK_POINTS,
    ASSESS_CHECKER_BLOCK_CAP,
    ASSESS_MISMATCH_POINTS,
    ASSESS_MISMATCH_CAP,
    ASSESS_LATE_ANSWER_POINTS,
    ASSESS_LATE_ANSWER_CAP,
    ASSESS_LATE_INCIDENT_POINTS,
    ASSESS_LATE_INCIDENT_CAP,
    ASSESS_ROTATION_POINTS,
    ASSESS_ROTATION_CAP,
    ASSESS_COMMEND_SCORE,
    ASSESS_CRITICISE_SILENT_DAYS,
)
BY_KEY = {s.key: s for s in ALL_SETTINGS}
