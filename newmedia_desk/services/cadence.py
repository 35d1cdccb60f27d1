"""Cadence rules (更新频次) of accounts and columns, their compliance, slots and deadlines.

A rule keeps the office's own words next to what was understood (JSON of the domain
rules) and the clauses that were not (kept and flagged, never guessed), and the date it
takes effect (生效日期): nothing before that date is judged, in the reports, the calendar's
slots and deadlines or the start view. Compliance is computed from the publication log
(rows not withdrawn or deleted) in Beijing office dates, with a fixed number of queries
for any number of accounts and days: the publications of the period counted per account
and office day by the database (with the columns' counts and the earliest publication in
each fixed time's window in the same GROUP BY), and the latest publication of each account
(and column) up to now.

Who may do what: everybody signed in reads; an account's rules are changed by whoever
may manage the account (a clerk of its unit or a unit above it, or an administrator); a
column's rules apply across accounts, so only administrators change them. Every change is
audited. Sources: DOMAIN.md "Cadence and calendar"; gov-rules.md §9, §14.
"""

from __future__ import annotations

import bisect
import dataclasses
import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    BigInteger,
    ColumnElement,
    Date,
    String,
    and_,
    case,
    cast,
    extract,
    func,
    literal_column,
    or_,
    select,
    type_coerce,
)
from sqlalchemy.orm import Session

from newmedia_desk.domain.accounts import AccountStatus
from newmedia_desk.domain.cadence import CadenceRule, DaySet, Period, Slot, parse_cadence
from newmedia_desk.domain.clock import Clock
from newmedia_desk.domain.compliance import (
    Miss,
    Silence,
    compliance_by_day,
    silence_level,
    silence_warning,
)
from newmedia_desk.domain.errors import NotFoundError, ValidationError
from newmedia_desk.domain.posts import PostStatus
from newmedia_desk.domain.roles import Permission
from newmedia_desk.domain.settings import SILENCE_YELLOW_DAYS, SLOT_TOLERANCE_MINUTES
from newmedia_desk.domain.staff import Principal
from newmedia_desk.domain.working_days import OFFICE_TZ, office_date
from newmedia_desk.services.audit import AuditService
from newmedia_desk.services.common import check_version, require
from newmedia_desk.services.settings import OfficeSettingsService
from newmedia_desk.storage.cadence_models import CadenceRuleRow
from newmedia_desk.storage.database import Database
from newmedia_desk.storage.models import Account, Platform, Unit
from newmedia_desk.storage.post_models import Post, PostTarget, Publication

MAX_RULE_TEXT = 500
MAX_COLUMN = 100

PLANNED_STATUSES = frozenset({PostStatus.DRAFT, PostStatus.IN_APPROVAL, PostStatus.RETURNED})
"""A post in one of these, planned near a slot, means someone is on it (not yet approved)."""

CALENDAR_STATUSES = frozenset(
    {
        PostStatus.DRAFT,
        PostStatus.IN_APPROVAL,
        PostStatus.RETURNED,
        PostStatus.APPROVED,
        PostStatus.EXPIRED,
    }
)
"""Posts shown on the calendar at their planned time (published ones show as published)."""

MOVABLE_STATUSES = CALENDAR_STATUSES
"""Posts that may be planned again by dragging them (the post service decides the rest)."""

UNPLANNED_STATUSES = frozenset({PostStatus.DRAFT, PostStatus.RETURNED, PostStatus.EXPIRED})
"""Drafts offered in the 未安排 list: no planned time, or expired (to be planned again)."""


# -- rules as JSON -------------------------------------------------------------------------


def _hm(value: time) -> str:
    return value.strftime("%H:%M")


def _time(text: str) -> time:
    hours, minutes = text.split(":")
    return time(int(hours), int(minutes))


def rule_to_json(rule: CadenceRule) -> dict[str, Any]:
    """A rule as JSON-ready values (the tolerance is an office setting, not stored)."""
    return {
        "text": rule.text,
        "times": [_hm(t) for t in rule.times],
        "optional_times": [_hm(t) for t in rule.optional_times],
        "period": None if rule.period is None else rule.period.value,
        "minimum": rule.minimum,
        "maximum": rule.maximum,
        "days": rule.days.value,
        "every_days": rule.every_days,
        "slots": [[_hm(s.start), None if s.end is None else _hm(s.end)] for s in rule.slots],
        "delivery_weekday": rule.delivery_weekday,
    }


def rule_from_json(data: dict[str, Any], *, tolerance_minutes: int = 30) -> CadenceRule:
    """The rule written by ``rule_to_json``."""
    return CadenceRule(
        text=str(data["text"]),
        times=tuple(_time(t) for t in data.get("times", ())),
        optional_times=tuple(_time(t) for t in data.get("optional_times", ())),
        tolerance_minutes=tolerance_minutes,
        period=None if data.get("period") is None else Period(data["period"]),
        minimum=data.get("minimum"),
        maximum=data.get("maximum"),
        days=DaySet(data.get("days", DaySet.ALL.value)),
        every_days=data.get("every_days"),
        slots=tuple(
            Slot(_time(start), None if end is None else _time(end))
            for start, end in data.get("slots", ())
        ),
        delivery_weekday=data.get("delivery_weekday"),
    )


def rules_to_json(rules: Iterable[CadenceRule]) -> str:
    """The ``parsed`` column of a rule row."""
    return json.dumps([rule_to_json(r) for r in rules], ensure_ascii=False)


def rules_from_json(text: str, *, tolerance_minutes: int = 30) -> tuple[CadenceRule, ...]:
    """The rules of a ``parsed`` column (empty when unreadable: then the row is flagged)."""
    try:
        return tuple(
            rule_from_json(d, tolerance_minutes=tolerance_minutes) for d in json.loads(text)
        )
    except (ValueError, TypeError, KeyError, AttributeError):
        return ()


# -- records -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RuleRecord:
    """One row of cadence rules, as shown and edited."""

    id: int
    account_id: int | None
    column: str | None
    name: str
    """The account's name, or the column."""
    platform: str
    """The account's platform ("" for a column)."""
    unit_id: int | None
    text: str
    rules: tuple[CadenceRule, ...]
    unparsed: tuple[str, ...]
    active: bool
    effective_from: date
    """The first office date the rule is judged on (生效日期); its current text applies
    from then on."""
    created_at: datetime
    updated_at: datetime
    version: int

    @property
    def flagged(self) -> bool:
        """Whether part of the text was not understood (shown flagged until edited)."""
        return bool(self.unparsed)


class Target(StrEnum):
    """What a cadence figure is about."""

    ACCOUNT = "account"
    COLUMN = "column"


@dataclass(frozen=True, slots=True)
class AccountCompliance:
    """The cadence figures of one active account (or one column) over one period.

    ``days_since_last`` and the silence are as of now (the account's latest publication
    whenever it was), so a report of a past month still shows who is silent today.
    """

    target: Target
    account_id: int | None
    column: str | None
    name: str
    platform: str
    unit_id: int | None
    unit_name: str
    rule_texts: tuple[str, ...]
    flagged: bool
    expected: int
    published: int
    on_time: int
    misses: tuple[Miss, ...]
    longest_gap_days: int
    days_since_last: int | None
    last_published_at: datetime | None
    silence: Silence
    warning: int | None
    """The reminder threshold reached (10 or 12 days) before red, if any."""

    @property
    def missed(self) -> int:
        """How many requirements were missed (slots, days, weeks …)."""
        return len(self.misses)


class SlotState(StrEnum):
    """What is known about one fixed time (预报 07:30) of one day."""

    PUBLISHED = "published"
    APPROVED = "approved"
    PLANNED = "planned"
    OPEN = "open"
    """Nothing planned yet, and not over."""
    MISSED = "missed"


@dataclass(frozen=True, slots=True)
class DueSlot:
    """One fixed time of one account (or column) on one day, and what covers it."""

    target: Target
    account_id: int | None
    column: str | None
    name: str
    platform: str
    unit_id: int | None
    day: date
    at: datetime
    """The slot's time, aware (office time)."""
    optional: bool
    state: SlotState
    post_id: int | None
    title: str
    """The covering post's or publication's title ("" when nothing covers it)."""

    @property
    def covered(self) -> bool:
        """Published, or a post is approved or planned for it."""
        return self.state in (SlotState.PUBLISHED, SlotState.APPROVED, SlotState.PLANNED)


@dataclass(frozen=True, slots=True)
class SilentAccount:
    """An active account without posts for at least the yellow number of days."""

    account_id: int
    name: str
    platform: str
    unit_id: int
    unit_name: str
    days_since_last: int | None
    """``None``: nothing published ever (red)."""
    last_published_at: datetime | None
    silence: Silence
    warning: int | None


@dataclass(frozen=True, slots=True)
class Delivery:
    """Content due by a weekday for the week after it (下一周的内容每周五提交)."""

    rule_id: int
    target: Target
    account_id: int | None
    column: str | None
    name: str
    due_on: date
    week_start: date
    week_end: date
    planned_days: tuple[date, ...]
    """Days of that week with at least one post planned."""
    late: bool
    """The deadline passed and the week is not fully planned."""

    @property
    def covered(self) -> bool:
        """Every day of the week has a post planned."""
        return len(self.planned_days) == (self.week_end - self.week_start).days + 1

    @property
    def missing_days(self) -> tuple[date, ...]:
        """Days of the week without a post planned yet."""
        have = set(self.planned_days)
        days = (self.week_start + timedelta(days=i) for i in range(7))
        return tuple(d for d in days if d not in have)


class ItemKind(StrEnum):
    """How a post shows on the calendar."""

    PLANNED = "planned"
    APPROVED = "approved"
    PUBLISHED = "published"


@dataclass(frozen=True, slots=True)
class CalendarItem:
    """One post (or imported publication) at one time on the calendar."""

    kind: ItemKind
    post_id: int | None
    status: PostStatus | None
    """``None`` for a publication imported from an old ledger (no post here)."""
    at: datetime | None
    """Planned time (planned and approved posts) or first publication time."""
    title: str
    column: str
    accounts: tuple[str, ...]
    unit_id: int | None
    version: int

    @property
    def movable(self) -> bool:
        """Whether dragging it to another time may re-plan it."""
        return self.post_id is not None and self.status in MOVABLE_STATUSES


@dataclass(frozen=True, slots=True)
class CalendarData:
    """Everything the calendar shows for a range of days."""

    start: date
    end: date
    items: tuple[CalendarItem, ...]
    slots: tuple[DueSlot, ...]
    deliveries: tuple[Delivery, ...]


# -- helpers -------------------------------------------------------------------------------


def day_bounds(start: date, end: date) -> tuple[datetime, datetime]:
    """From ``start`` 00:00 to the day after ``end`` 00:00, Beijing time."""
    if end < start:
        raise ValidationError("the period ends before it starts", field="end")
    return (
        datetime.combine(start, time(0), OFFICE_TZ),
        datetime.combine(end + timedelta(days=1), time(0), OFFICE_TZ),
    )


def _days(start: date, end: date) -> list[date]:
    return [start + timedelta(days=i) for i in range((end - start).days + 1)]


def _clean_text(text: str) -> str:
    clean = text.strip()
    if not clean:
        raise ValidationError("write the update requirement", field="cadence_text")
    if len(clean) > MAX_RULE_TEXT:
        raise ValidationError(
            "the update requirement is too long", field="cadence_text", limit=MAX_RULE_TEXT
        )
    return clean


def _clean_column(column: str) -> str:
    clean = column.strip()
    if not clean:
        raise ValidationError("name the column", field="column")
    if len(clean) > MAX_COLUMN or "\n" in clean:
        raise ValidationError("the column name is too long", field="column", limit=MAX_COLUMN)
    return clean


def _snapshot(row: CadenceRuleRow) -> dict[str, Any]:
    return {
        "account_id": row.account_id,
        "column": row.column,
        "text": row.text,
        "unparsed": [u for u in row.unparsed.split("\n") if u],
        "active": row.active,
        "effective_from": row.effective_from.isoformat(),
    }


@dataclass(frozen=True, slots=True)
class _AccountInfo:
    id: int
    name: str
    platform: str
    unit_id: int
    unit_name: str
    status: str


@dataclass(frozen=True, slots=True)
class _RowInfo:
    """What the figures need of a rule row (read inside the session)."""

    id: int
    text: str
    unparsed: str
    effective_from: date


_Active = tuple[_RowInfo, tuple[CadenceRule, ...]]
"""An active rule row and its parsed rules."""


def _sqlite_utc(text: str) -> datetime:
    """A time as SQLite keeps it (UTC text, as ``UtcDateTime`` writes it), in office time.

    Office time because the compliance arithmetic converts every time to it anyway.
    """
    if len(text) <= 26:  # no offset written: UTC
        return datetime.fromisoformat(text + "+00:00").astimezone(OFFICE_TZ)
    return datetime.fromisoformat(text).astimezone(OFFICE_TZ)


def _as_is(value: datetime) -> datetime:
    return value


_ONE = timedelta(microseconds=1)
_OFFSET_SECONDS = int((OFFICE_TZ.utcoffset(None) or timedelta(0)).total_seconds())
_DAY_SECONDS = 86_400


def local_day(column: Any, *, sqlite: bool) -> ColumnElement[Any]:
    """SQL for the office date (Beijing, UTC+8) of a UTC time column, for GROUP BY.

    SQLite: ``date(t, '+8 hours')`` (text, read with :func:`as_date`); PostgreSQL: the UTC
    wall time plus 8 hours, cast to a date.
    """
    hours = _OFFSET_SECONDS // 3600
    if sqlite:
        return type_coerce(func.date(column, f"{hours:+d} hours"), String)
    shifted = func.timezone("UTC", column) + literal_column(f"INTERVAL '{hours} hours'")
    return cast(shifted, Date)


def as_date(value: object) -> date:
    """A date from what :func:`local_day` selected (SQLite's text or a driver date)."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        return date.fromisoformat(value)
    raise TypeError(f"not a date: {value!r}")


def _raw_time(column: Any, *, sqlite: bool) -> Any:
    """A time column as the driver gives it (SQLite: the stored text, not parsed)."""
    return type_coerce(column, String) if sqlite else column


def fixed_time_windows(rules: Iterable[CadenceRule]) -> list[tuple[int, int]] | None:
    """The seconds of the UTC day within the tolerance of each of the rules' fixed times.

    Inclusive ``(first, last)`` pairs, one per fixed time and tolerance (not merged); a
    window across UTC midnight (08:00 Beijing time) is split in two. ``None`` when one
    covers the whole day.
    """
    windows: set[tuple[int, int]] = set()
    for rule in rules:
        tolerance = rule.tolerance_minutes * 60
        if 2 * tolerance + 1 >= _DAY_SECONDS:
            return None
        for at in rule.times:
            local = at.hour * 3600 + at.minute * 60 + at.second
            first = (local - tolerance - _OFFSET_SECONDS) % _DAY_SECONDS
            last = (local + tolerance - _OFFSET_SECONDS) % _DAY_SECONDS
            if first <= last:
                windows.add((first, last))
            else:
                windows |= {(first, _DAY_SECONDS - 1), (0, last)}
    return sorted(windows)


def _hms(second: int) -> str:
    return f"{second // 3600:02d}:{second // 60 % 60:02d}:{second % 60:02d}"


def _in_window(first: int, last: int, *, sqlite: bool) -> ColumnElement[bool]:
    """The publication's UTC time of day, fractions of a second dropped, is in the window.

    SQLite compares the ``HH:MM:SS`` of the stored text (``UtcDateTime`` keeps UTC as
    ``YYYY-MM-DD HH:MM:SS.ffffff``; a slice costs much less than a date function per
    row); PostgreSQL the second of the UTC day.
    """
    if sqlite:
        clock = func.substr(type_coerce(Publication.published_at, String), 12, 8)
        return clock.between(_hms(first), _hms(last))
    second = cast(func.floor(extract("epoch", Publication.published_at)), BigInteger)
    return (second % _DAY_SECONDS).between(first, last)


@dataclass
class DailyPublications:
    """What :func:`publications_per_day` read: counts per office day, and near times."""

    per_account: dict[int, dict[date, int]]
    """Publications per account and office day."""
    per_column: dict[str, dict[date, dict[int, int]]]
    """Of each column asked for: publications per office day and account."""
    near_account: dict[int, list[Any]]
    """Times (as the driver gives them, unsorted) that decide the fixed times of the
    accounts: every account gets them for every fixed time asked for."""
    near_column: dict[str, list[Any]]
    """The same for each column with fixed times."""


def publications_per_day(
    s: Session,
    window: tuple[datetime, datetime, datetime],
    *,
    sqlite: bool,
    columns: Iterable[str] = (),
    account_times: Iterable[CadenceRule] = (),
    column_times: Mapping[str, Iterable[CadenceRule]] | None = None,
) -> DailyPublications:
    """Publications in ``[low, high)`` up to now, counted per account and office day.

    Withdrawn and deleted publications are left out. One range scan and one GROUP BY
    (account, Beijing date) in the database instead of a row per publication: a report
    over years of history reads a few thousand rows. Counted in the same pass:

    - per column of ``columns``: its publications per day and account (``SUM(CASE …)``);
    - for the fixed times of ``account_times`` (every account) and of ``column_times``
      (per column): the earliest publication of each day in each fixed time's tolerance
      window (``MIN(CASE …)``), filtered on the UTC second of the day. A slot is kept
      exactly when the earliest publication at or after the window's start is within its
      end — and that one is always among these (``domain.compliance`` decides).
    """
    low, high, now = window
    names = sorted(set(columns) | set(column_times or {}))
    raw = _raw_time(Publication.published_at, sqlite=sqlite)
    day = local_day(Publication.published_at, sqlite=sqlite)
    extra: list[ColumnElement[Any]] = [
        func.sum(case((Publication.column == name, 1), else_=0)) for name in names
    ]
    near: list[tuple[str | None, ColumnElement[Any]]] = []
    for target, rules in [(None, account_times), *(column_times or {}).items()]:
        windows = fixed_time_windows(rules)
        if windows is None:  # the whole day: every time may count
            windows = [(0, _DAY_SECONDS - 1)]
        for first, last in windows:
            test = _in_window(first, last, sqlite=sqlite)
            if target is not None:
                test = and_(Publication.column == target, test)
            near.append((target, func.min(case((test, raw), else_=None))))
    stmt = (
        select(Publication.account_id, day, func.count(), *extra, *(e for _, e in near))
        .where(
            Publication.removed_at.is_(None),
            Publication.published_at >= low,
            Publication.published_at < high,
            Publication.published_at <= now,
        )
        .group_by(Publication.account_id, day)
    )
    found = DailyPublications(defaultdict(dict), defaultdict(dict), defaultdict(list), {})
    near_column: dict[str, list[Any]] = defaultdict(list)
    days: dict[Any, date] = {}  # a few thousand days over many more rows: parse each once
    width = len(names)
    for row in s.connection().execute(stmt):
        account_id, raw_day, n = row[0], row[1], row[2]
        office_day = days.get(raw_day)
        if office_day is None:
            office_day = days[raw_day] = as_date(raw_day)
        found.per_account[account_id][office_day] = int(n)
        for name, count in zip(names, row[3 : 3 + width], strict=True):
            if count:
                found.per_column[name].setdefault(office_day, {})[account_id] = int(count)
        for (target, _), earliest in zip(near, row[3 + width :], strict=True):
            if earliest is None:
                continue
            if target is None:
                found.near_account[account_id].append(earliest)
            else:
                near_column[target].append(earliest)
    found.near_column = near_column
    return found


def latest_times(
    s: Session,
    window: tuple[datetime, datetime, datetime],
    last_days: Iterable[date],
) -> list[tuple[int, str, datetime]]:
    """``(account id, column, latest time)`` of the publications on these office days.

    Given the last day each account or column published (from the day counts), the latest
    time itself is read from those days only, not from the whole period.
    """
    low, high, now = window
    ranges = [
        (max(a, low), min(b, high)) for a, b in (day_bounds(d, d) for d in sorted(set(last_days)))
    ]
    if not ranges:
        return []
    # Only the days' ranges (no range over the whole period, or SQLite would scan it).
    rows = s.execute(
        select(Publication.account_id, Publication.column, func.max(Publication.published_at))
        .where(
            Publication.removed_at.is_(None),
            Publication.published_at <= now,
            or_(
                *(
                    and_(Publication.published_at >= a, Publication.published_at < b)
                    for a, b in ranges
                )
            ),
        )
        .group_by(Publication.account_id, Publication.column)
    )
    return [(a, c, t) for a, c, t in rows if t is not None]


def _has_times(rows: Iterable[_Active]) -> bool:
    return any(rule.times for _, parsed in rows for rule in parsed)


def _near(times: Sequence[datetime], due: datetime, tolerance: timedelta) -> int | None:
    """The index of the first of ``times`` (sorted) within ``tolerance`` of ``due``."""
    first = bisect.bisect_left(times, due - tolerance)
    if first < len(times) and times[first] <= due + tolerance:
        return first
    return None


class CadenceService:
    """Cadence rules, compliance from the publication log, slots, deadlines, calendar."""

    def __init__(
        self, db: Database, audit: AuditService, clock: Clock, settings: OfficeSettingsService
    ) -> None:
        self._db = db
        self._audit = audit
        self._clock = clock
        self._settings = settings

    # -- rules -----------------------------------------------------------------------------

    def list_rules(self, actor: Principal | None) -> list[RuleRecord]:
        """Every rule row: accounts' first (by account), then columns'."""
        self._may_view(actor)
        tolerance = self._settings.get(SLOT_TOLERANCE_MINUTES)
        with self._db.read() as s:
            accounts = self._accounts(s)
            rows = s.scalars(select(CadenceRuleRow).order_by(CadenceRuleRow.id)).all()
            records = [self._record(r, accounts, tolerance) for r in rows]
        return sorted(records, key=lambda r: (r.account_id is None, r.account_id or 0, r.id))

    def get_rule(self, actor: Principal | None, rule_id: int) -> RuleRecord:
        """One rule row."""
        self._may_view(actor)
        tolerance = self._settings.get(SLOT_TOLERANCE_MINUTES)
        with self._db.read() as s:
            return self._record(self._row(s, rule_id), self._accounts(s), tolerance)

    def add_rule(
        self,
        actor: Principal,
        text: str,
        *,
        account_id: int | None = None,
        column: str | None = None,
        effective_from: date | None = None,
    ) -> RuleRecord:
        """Add the rules written in ``text`` for an account or for a column.

        What does not parse is kept and flagged. The same text twice for the same account
        or column is refused. ``effective_from`` (生效日期) defaults to today (office
        date); an office entering a long-standing rule may give an earlier date, and a
        later one is allowed too.
        """
        clean = _clean_text(text)
        if (account_id is None) == (column is None):
            raise ValidationError("choose an account or a column", field="target")
        column_name = None if column is None else _clean_column(column)
        parsed = parse_cadence(clean)
        tolerance = self._settings.get(SLOT_TOLERANCE_MINUTES)
        with self._db.write() as s:
            if account_id is not None:
                self._may_manage_account(s, actor, account_id)
            else:
                require(actor, Permission.MANAGE_SETTINGS)
            self._refuse_duplicate(s, clean, account_id, column_name, None)
            now = self._clock.now()
            row = CadenceRuleRow(
                account_id=account_id,
                column=column_name,
                text=clean,
                parsed=rules_to_json(parsed.rules),
                unparsed="\n".join(parsed.unparsed),
                active=True,
                effective_from=effective_from or office_date(now),
                created_at=now,
                created_by=actor.staff_id,
                updated_at=now,
            )
            s.add(row)
            s.flush()
            self._audit.append(
                s, actor, "cadence_rule_added", "cadence_rule", row.id, after=_snapshot(row)
            )
            return self._fresh(s, row, tolerance)

    def update_rule(
        self,
        actor: Principal,
        rule_id: int,
        text: str,
        *,
        active: bool = True,
        effective_from: date | None = None,
        expected_version: int,
    ) -> RuleRecord:
        """Change a rule's text (parsed again), its effective-from date, or take it out of use.

        There is one wording per rule: the new text applies from the rule's effective-from
        date (``effective_from``; ``None`` keeps it), over past periods too. To judge the
        new wording only from now on, give today as the date (the periods before it are
        then not judged at all; the audit log keeps the old wording).
        """
        clean = _clean_text(text)
        parsed = parse_cadence(clean)
        tolerance = self._settings.get(SLOT_TOLERANCE_MINUTES)
        with self._db.write() as s:
            row = self._row(s, rule_id)
            self._may_change(s, actor, row)
            check_version("cadence_rule", row.version, expected_version)
            self._refuse_duplicate(s, clean, row.account_id, row.column, row.id)
            before = _snapshot(row)
            row.text = clean
            row.parsed = rules_to_json(parsed.rules)
            row.unparsed = "\n".join(parsed.unparsed)
            row.active = active
            if effective_from is not None:
                row.effective_from = effective_from
            row.updated_at = self._clock.now()
            s.flush()
            self._audit.append(
                s,
                actor,
                "cadence_rule_changed",
                "cadence_rule",
                row.id,
                before=before,
                after=_snapshot(row),
            )
            return self._fresh(s, row, tolerance)

    def delete_rule(self, actor: Principal, rule_id: int, *, expected_version: int) -> None:
        """Remove a rule row (the audit entry keeps its text)."""
        with self._db.write() as s:
            row = self._row(s, rule_id)
            self._may_change(s, actor, row)
            check_version("cadence_rule", row.version, expected_version)
            before = _snapshot(row)
            s.delete(row)
            s.flush()
            self._audit.append(
                s, actor, "cadence_rule_deleted", "cadence_rule", rule_id, before=before
            )

    def rules_from_account_text(
        self, actor: Principal, account_id: int, *, effective_from: date | None = None
    ) -> RuleRecord:
        """The rule of the account's 更新要求 (from the accounts ledger), created if new.

        Returns the existing row when the account already has one with that very text; a
        new one takes effect on ``effective_from`` (default today).
        """
        with self._db.read() as s:
            account = s.get(Account, account_id)
            if account is None:
                raise NotFoundError("account not found")
            text = account.cadence_text.strip()
            existing = s.scalar(
                select(CadenceRuleRow.id).where(
                    CadenceRuleRow.account_id == account_id, CadenceRuleRow.text == text
                )
            )
        if not text:
            raise ValidationError("the account has no update requirement", field="cadence_text")
        if existing is not None:
            return self.get_rule(actor, existing)
        return self.add_rule(actor, text, account_id=account_id, effective_from=effective_from)

    def rules_from_account_texts(
        self, actor: Principal, *, effective_from: date | None = None
    ) -> list[RuleRecord]:
        """Create the rules of every open account from its 更新要求 where it has none yet.

        Only accounts this person may manage; returns the rows created, which take effect
        on ``effective_from`` (default today).
        """
        with self._db.read() as s:
            having = set(
                s.scalars(
                    select(CadenceRuleRow.account_id).where(CadenceRuleRow.account_id.is_not(None))
                )
            )
            candidates = [
                a.id
                for a in s.scalars(
                    select(Account)
                    .where(Account.status == AccountStatus.OPEN.value)
                    .order_by(Account.id)
                )
                if a.cadence_text.strip()
                and a.id not in having
                and actor.can(Permission.MANAGE_ACCOUNTS, a.unit_id)
            ]
        return [
            self.rules_from_account_text(actor, account_id, effective_from=effective_from)
            for account_id in candidates
        ]

    # -- compliance ------------------------------------------------------------------------

    def compliance(
        self, actor: Principal | None, start: date, end: date
    ) -> list[AccountCompliance]:
        """Figures per open account and per column with rules, over ``start``–``end``.

        Office dates, inclusive. Accounts without rules still get their silence. Each
        rule is judged from its effective-from date only (``domain.compliance``).

        The database counts the publications per account (and per column with rules) and
        office day — GROUP BY the Beijing date — instead of handing over every row; only the
        times near the fixed times (预报 07:30 ± the tolerance) of the accounts and columns
        with such rules are read one by one. ``domain.compliance.compliance_by_day`` makes
        the same figures from them as judging every publication would (a test compares).
        """
        self._may_view(actor)
        low, high = day_bounds(start, end)
        now = self._clock.now()
        yellow = self._settings.get(SILENCE_YELLOW_DAYS)
        tolerance = self._settings.get(SLOT_TOLERANCE_MINUTES)
        with self._db.read() as s:
            accounts = self._accounts(s)
            by_account, by_column = self._active_rules(s, tolerance)
            columns = sorted(by_column)
            open_ids = [a.id for a in accounts.values() if a.status == AccountStatus.OPEN.value]
            days_account, days_column, near_account, near_column = self._daily(
                s, (low, high, now), {a: by_account[a] for a in open_ids if a in by_account},
                by_column,
            )  # fmt: skip
            latest_account, latest_column = self._latest_in_period(
                s, (low, high, now), days_account, days_column
            )
            last_account, last_column = self._latest(
                s, low, high, now, latest_account, latest_column, open_ids, columns
            )
        found: list[AccountCompliance] = []
        for info in accounts.values():
            if info.status != AccountStatus.OPEN.value:
                continue
            found.append(
                self._figures(
                    Target.ACCOUNT,
                    info.id,
                    None,
                    info.name,
                    info.platform,
                    info.unit_id,
                    info.unit_name,
                    by_account.get(info.id, []),
                    (days_account.get(info.id, {}), near_account.get(info.id, [])),
                    last_account.get(info.id),
                    (start, end, now, yellow),
                )
            )
        for column in columns:
            found.append(
                self._figures(
                    Target.COLUMN,
                    None,
                    column,
                    column,
                    "",
                    None,
                    "",
                    by_column[column],
                    (days_column.get(column, {}), near_column.get(column, [])),
                    last_column.get(column),
                    (start, end, now, yellow),
                )
            )
        return found

    @staticmethod
    def _figures(
        target: Target,
        account_id: int | None,
        column: str | None,
        name: str,
        platform: str,
        unit_id: int | None,
        unit_name: str,
        rule_rows: Sequence[_Active],
        published: tuple[dict[date, int], list[datetime]],
        latest: datetime | None,
        period: tuple[date, date, datetime, int],
    ) -> AccountCompliance:
        start, end, now, yellow = period
        per_day, near = published
        rules = [rule for _, parsed in rule_rows for rule in parsed]
        result = compliance_by_day(
            rules, per_day, near, start, end, now, yellow_days=yellow, last_before=latest
        )
        return AccountCompliance(
            target=target,
            account_id=account_id,
            column=column,
            name=name,
            platform=platform,
            unit_id=unit_id,
            unit_name=unit_name,
            rule_texts=tuple(row.text for row, _ in rule_rows),
            flagged=any(row.unparsed for row, _ in rule_rows),
            expected=result.expected,
            published=result.published,
            on_time=result.on_time,
            misses=result.misses,
            longest_gap_days=result.longest_gap_days,
            days_since_last=result.days_since_last,
            last_published_at=latest,
            silence=result.silence,
            warning=silence_warning(result.days_since_last),
        )

    def _daily(
        self,
        s: Session,
        window: tuple[datetime, datetime, datetime],
        accounts: dict[int, list[_Active]],
        columns: dict[str, list[_Active]],
    ) -> tuple[
        dict[int, dict[date, int]],
        dict[str, dict[date, int]],
        dict[int, list[datetime]],
        dict[str, list[datetime]],
    ]:
        """Publications per account and per column (with rules) and office day.

        With the times that decide the fixed times, sorted; one query
        (:func:`publications_per_day`).
        """
        account_times = [
            rule
            for rows in accounts.values()
            for _, parsed in rows
            for rule in parsed
            if rule.times
        ]
        column_times = {
            column: [rule for _, parsed in rows for rule in parsed if rule.times]
            for column, rows in columns.items()
            if _has_times(rows)
        }
        daily = publications_per_day(
            s,
            window,
            sqlite=self._db.is_sqlite,
            columns=columns,
            account_times=account_times,
            column_times=column_times,
        )
        by_column = {
            column: {day: sum(per.values()) for day, per in days.items()}
            for column, days in daily.per_column.items()
        }
        to_time = self._time_parser()
        timed = {a for a, rows in accounts.items() if _has_times(rows)}
        near_account = {
            a: sorted(map(to_time, raw)) for a, raw in daily.near_account.items() if a in timed
        }
        near_column = {c: sorted(map(to_time, raw)) for c, raw in daily.near_column.items()}
        return daily.per_account, by_column, near_account, near_column

    @staticmethod
    def _latest_in_period(
        s: Session,
        window: tuple[datetime, datetime, datetime],
        days_account: dict[int, dict[date, int]],
        days_column: dict[str, dict[date, int]],
    ) -> tuple[dict[int, datetime], dict[str, datetime]]:
        """The latest publication time of each account and column in the period.

        Read from their last days only (known from the day counts): one small query.
        """
        last_days = [max(d) for d in (*days_account.values(), *days_column.values()) if d]
        by_account: dict[int, datetime] = {}
        by_column: dict[str, datetime] = {}
        for account_id, column, latest in latest_times(s, window, last_days):
            if account_id in days_account and latest > by_account.get(account_id, latest - _ONE):
                by_account[account_id] = latest
            if column in days_column and latest > by_column.get(column, latest - _ONE):
                by_column[column] = latest
        return by_account, by_column

    def silent_accounts(self, actor: Principal | None) -> list[SilentAccount]:
        """Open accounts quiet for at least the yellow number of days, longest first.

        The yellow number is a setting; never published counts as red.
        """
        self._may_view(actor)
        now = self._clock.now()
        today = office_date(now)
        yellow = self._settings.get(SILENCE_YELLOW_DAYS)
        low, high = day_bounds(today - timedelta(days=yellow), today)
        with self._db.read() as s:
            accounts = self._accounts(s)
            recent: dict[int, list[datetime]] = defaultdict(list)
            to_time = self._time_parser()
            stmt = (
                select(Publication.account_id, self._time_column())
                .where(
                    Publication.removed_at.is_(None),
                    Publication.published_at >= low,
                    Publication.published_at < high,
                )
                .order_by(Publication.published_at)
            )
            for account_id, raw in s.connection().execute(stmt).all():
                recent[account_id].append(to_time(raw))
            in_period: dict[int, datetime] = {}
            for account_id, times in recent.items():
                index = bisect.bisect_right(times, now)  # the times are sorted
                if index:
                    in_period[account_id] = times[index - 1]
            open_ids = [a.id for a in accounts.values() if a.status == AccountStatus.OPEN.value]
            latest, _ = self._latest(s, low, high, now, in_period, {}, open_ids, [])
        found: list[SilentAccount] = []
        for info in accounts.values():
            if info.status != AccountStatus.OPEN.value:
                continue
            last = latest.get(info.id)
            since = None if last is None else (today - office_date(last)).days
            level = silence_level(since, yellow_days=yellow)
            if level is Silence.OK:
                continue
            found.append(
                SilentAccount(
                    account_id=info.id,
                    name=info.name,
                    platform=info.platform,
                    unit_id=info.unit_id,
                    unit_name=info.unit_name,
                    days_since_last=since,
                    last_published_at=last,
                    silence=level,
                    warning=silence_warning(since),
                )
            )
        return sorted(
            found,
            key=lambda a: (
                -(a.days_since_last if a.days_since_last is not None else 10**6),
                a.account_id,
            ),
        )

    # -- slots, deadlines, calendar --------------------------------------------------------

    def due_today(self, actor: Principal | None) -> list[DueSlot]:
        """Today's fixed times of every open account and column, and what covers each.

        For the start view: published, approved, planned, still open, or missed.
        """
        today = office_date(self._clock.now())
        return self.slots(actor, today, today)

    def slots(self, actor: Principal | None, start: date, end: date) -> list[DueSlot]:
        """The fixed times of the office dates ``start``–``end``, in time order."""
        self._may_view(actor)
        low, high = day_bounds(start, end)
        tolerance_minutes = self._settings.get(SLOT_TOLERANCE_MINUTES)
        with self._db.read() as s:
            accounts = self._accounts(s)
            by_account, by_column = self._active_rules(s, tolerance_minutes)
            return self._slots(
                s, accounts, by_account, by_column, (start, end, low, high), tolerance_minutes
            )

    def _slots(
        self,
        s: Session,
        accounts: dict[int, _AccountInfo],
        by_account: dict[int, list[_Active]],
        by_column: dict[str, list[_Active]],
        period: tuple[date, date, datetime, datetime],
        tolerance_minutes: int,
    ) -> list[DueSlot]:
        start, end, low, high = period
        timed_accounts = {
            a: rules
            for a, rules in by_account.items()
            if a in accounts
            and accounts[a].status == AccountStatus.OPEN.value
            and any(r.times or r.optional_times for _, parsed in rules for r in parsed)
        }
        timed_columns = {
            c: rules
            for c, rules in by_column.items()
            if any(r.times or r.optional_times for _, parsed in rules for r in parsed)
        }
        if not timed_accounts and not timed_columns:
            return []
        tolerance = timedelta(minutes=tolerance_minutes)
        lo, hi = low - tolerance, high + tolerance
        published = self._publication_times(s, lo, hi, set(timed_accounts), set(timed_columns))
        planned = self._planned_posts(s, lo, hi, set(timed_accounts), set(timed_columns))
        now = self._clock.now()
        found: list[DueSlot] = []

        def judge(
            target: Target,
            key: int | str,
            rules: list[_Active],
            info: _AccountInfo | None,
        ) -> None:
            pubs = published.get(key, ([], []))
            posts = planned.get(key, [])
            post_times = [p[0] for p in posts]
            # Each time with (optional, effective from) of every rule naming it: a slot is
            # shown from the first rule's date on, optional unless a rule requires it.
            fixed: dict[time, list[tuple[bool, date | None]]] = defaultdict(list)
            for _, parsed in rules:
                for rule in parsed:
                    for at in rule.optional_times:
                        fixed[at].append((True, rule.effective_from))
                    for at in rule.times:
                        fixed[at].append((False, rule.effective_from))
            for day in _days(start, end):
                for at, given in sorted(fixed.items()):
                    live = [opt for opt, since in given if since is None or since <= day]
                    if not live:
                        continue  # no rule in effect yet that day
                    optional = all(live)
                    due = datetime.combine(day, at, OFFICE_TZ)
                    state, post_id, title = SlotState.OPEN, None, ""
                    hit = _near(pubs[0], due, tolerance)
                    if hit is not None:
                        state, post_id, title = (
                            SlotState.PUBLISHED,
                            pubs[1][hit][0],
                            pubs[1][hit][1],
                        )
                    else:
                        best = self._best_planned(posts, post_times, due, tolerance)
                        if best is not None:
                            _, post_id, status, title = best
                            state = (
                                SlotState.APPROVED
                                if status == PostStatus.APPROVED.value
                                else SlotState.PLANNED
                            )
                        elif due + tolerance <= now:
                            state = SlotState.MISSED
                    found.append(
                        DueSlot(
                            target=target,
                            account_id=info.id if info else None,
                            column=None if info else str(key),
                            name=info.name if info else str(key),
                            platform=info.platform if info else "",
                            unit_id=info.unit_id if info else None,
                            day=day,
                            at=due,
                            optional=optional,
                            state=state,
                            post_id=post_id,
                            title=title,
                        )
                    )

        for account_id, rules in timed_accounts.items():
            judge(Target.ACCOUNT, account_id, rules, accounts[account_id])
        for column, rules in timed_columns.items():
            judge(Target.COLUMN, column, rules, None)
        return sorted(found, key=lambda d: (d.at, d.target != Target.ACCOUNT, d.name))

    @staticmethod
    def _best_planned(
        posts: Sequence[tuple[datetime, int, str, str]],
        times: Sequence[datetime],
        due: datetime,
        tolerance: timedelta,
    ) -> tuple[datetime, int, str, str] | None:
        """An approved post near ``due`` if there is one, else a planned one."""
        first = bisect.bisect_left(times, due - tolerance)
        best: tuple[datetime, int, str, str] | None = None
        for i in range(first, len(times)):
            if times[i] > due + tolerance:
                break
            if posts[i][2] == PostStatus.APPROVED.value:
                return posts[i]
            best = best or posts[i]
        return best

    def upcoming_deliveries(self, actor: Principal | None) -> list[Delivery]:
        """For each delivery rule, the deadline that matters now.

        This week's while it is ahead, or passed with next week not fully planned (late);
        else next week's.
        """
        self._may_view(actor)
        today = office_date(self._clock.now())
        monday = today - timedelta(days=today.weekday())
        with self._db.read() as s:
            rules = self._delivery_rules(s)
            found: list[Delivery] = []
            for rule_id, target, key, name, weekday, since in rules:
                due = monday + timedelta(days=weekday)
                while due < since:  # the first deadline once the rule is in effect
                    due += timedelta(days=7)
                delivery = self._delivery(s, rule_id, target, key, name, due, today)
                if due < today and delivery.covered:
                    delivery = self._delivery(
                        s, rule_id, target, key, name, due + timedelta(days=7), today
                    )
                found.append(delivery)
        return sorted(found, key=lambda d: (d.due_on, d.name))

    def deliveries(self, actor: Principal | None, start: date, end: date) -> list[Delivery]:
        """Every delivery deadline falling on ``start``–``end``."""
        self._may_view(actor)
        day_bounds(start, end)
        today = office_date(self._clock.now())
        with self._db.read() as s:
            return self._deliveries(s, start, end, today)

    def _deliveries(self, s: Session, start: date, end: date, today: date) -> list[Delivery]:
        found: list[Delivery] = []
        for rule_id, target, key, name, weekday, since in self._delivery_rules(s):
            for day in _days(start, end):
                if day.weekday() == weekday and day >= since:
                    found.append(self._delivery(s, rule_id, target, key, name, day, today))
        return sorted(found, key=lambda d: (d.due_on, d.name))

    def _delivery_rules(self, s: Session) -> list[tuple[int, Target, int | str, str, int, date]]:
        """(rule row, target, account or column, name, weekday, effective from) of each."""
        accounts = self._accounts(s)
        found: list[tuple[int, Target, int | str, str, int, date]] = []
        by_account, by_column = self._active_rules(s, 30)
        for account_id, rows in by_account.items():
            info = accounts.get(account_id)
            if info is None or info.status != AccountStatus.OPEN.value:
                continue
            for row, parsed in rows:
                for rule in parsed:
                    if rule.delivery_weekday is not None:
                        found.append(
                            (
                                row.id,
                                Target.ACCOUNT,
                                account_id,
                                info.name,
                                rule.delivery_weekday,
                                row.effective_from,
                            )
                        )
        for column, rows in by_column.items():
            for row, parsed in rows:
                for rule in parsed:
                    if rule.delivery_weekday is not None:
                        found.append(
                            (
                                row.id,
                                Target.COLUMN,
                                column,
                                column,
                                rule.delivery_weekday,
                                row.effective_from,
                            )
                        )
        return found

    @staticmethod
    def _delivery(
        s: Session,
        rule_id: int,
        target: Target,
        key: int | str,
        name: str,
        due: date,
        today: date,
    ) -> Delivery:
        week_start = due + timedelta(days=7 - due.weekday())
        week_end = week_start + timedelta(days=6)
        low, high = day_bounds(week_start, week_end)
        stmt = select(Post.planned_at).where(
            Post.planned_at >= low,
            Post.planned_at < high,
            Post.status.not_in([PostStatus.CANCELLED.value, PostStatus.WITHDRAWN.value]),
        )
        if target is Target.ACCOUNT:
            stmt = stmt.join(PostTarget, PostTarget.post_id == Post.id).where(
                PostTarget.account_id == key
            )
        else:
            stmt = stmt.where(Post.column == key)
        days = sorted({office_date(t) for t in s.scalars(stmt) if t is not None})
        covered = len(days) == 7
        return Delivery(
            rule_id=rule_id,
            target=target,
            account_id=key if isinstance(key, int) else None,
            column=key if isinstance(key, str) else None,
            name=name,
            due_on=due,
            week_start=week_start,
            week_end=week_end,
            planned_days=tuple(days),
            late=due < today and not covered,
        )

    def calendar(
        self, actor: Principal | None, start: date, end: date, *, account_id: int | None = None
    ) -> CalendarData:
        """What the calendar shows on the office dates ``start``–``end``.

        Posts planned, approved and published, the fixed times with their state and the
        delivery deadlines; optionally of one account only.
        """
        self._may_view(actor)
        low, high = day_bounds(start, end)
        today = office_date(self._clock.now())
        tolerance = self._settings.get(SLOT_TOLERANCE_MINUTES)
        with self._db.read() as s:
            accounts = self._accounts(s)
            names = {a.id: a.name for a in accounts.values()}
            items = self._planned_items(s, low, high, names, account_id)
            items += self._published_items(s, low, high, names, account_id)
            by_account, by_column = self._active_rules(s, tolerance)
            if account_id is not None:
                by_account = {k: v for k, v in by_account.items() if k == account_id}
                by_column = {}
            slots = self._slots(
                s, accounts, by_account, by_column, (start, end, low, high), tolerance
            )
            deliveries = self._deliveries(s, start, end, today)
            if account_id is not None:
                deliveries = [d for d in deliveries if d.account_id == account_id]
        items.sort(key=lambda i: (i.at or low, i.title))
        return CalendarData(start, end, tuple(items), tuple(slots), tuple(deliveries))

    def unplanned_drafts(self, actor: Principal) -> list[CalendarItem]:
        """Drafts this person may plan that have no planned time (or expired), newest first."""
        require(actor, Permission.VIEW_POSTS)
        with self._db.read() as s:
            names = {a.id: a.name for a in self._accounts(s).values()}
            rows = s.scalars(
                select(Post)
                .where(
                    Post.status.in_([st.value for st in UNPLANNED_STATUSES]),
                    (Post.planned_at.is_(None)) | (Post.status == PostStatus.EXPIRED.value),
                )
                .order_by(Post.updated_at.desc(), Post.id.desc())
                .limit(500)
            ).all()
            rows = [r for r in rows if actor.can(Permission.DRAFT_POSTS, r.unit_id)]
            targets = self._targets(s, [r.id for r in rows], names)
            return [
                CalendarItem(
                    kind=ItemKind.PLANNED,
                    post_id=r.id,
                    status=PostStatus(r.status),
                    at=r.planned_at,
                    title=r.title,
                    column=r.column,
                    accounts=targets.get(r.id, ()),
                    unit_id=r.unit_id,
                    version=r.version,
                )
                for r in rows
            ]

    # -- queries ---------------------------------------------------------------------------

    def _planned_items(
        self,
        s: Session,
        low: datetime,
        high: datetime,
        names: dict[int, str],
        account_id: int | None,
    ) -> list[CalendarItem]:
        stmt = select(Post).where(
            Post.planned_at >= low,
            Post.planned_at < high,
            Post.status.in_([st.value for st in CALENDAR_STATUSES]),
        )
        if account_id is not None:
            stmt = stmt.join(PostTarget, PostTarget.post_id == Post.id).where(
                PostTarget.account_id == account_id
            )
        rows = s.scalars(stmt).all()
        targets = self._targets(s, [r.id for r in rows], names)
        return [
            CalendarItem(
                kind=ItemKind.APPROVED
                if r.status == PostStatus.APPROVED.value
                else ItemKind.PLANNED,
                post_id=r.id,
                status=PostStatus(r.status),
                at=r.planned_at,
                title=r.title,
                column=r.column,
                accounts=targets.get(r.id, ()),
                unit_id=r.unit_id,
                version=r.version,
            )
            for r in rows
        ]

    @staticmethod
    def _published_items(
        s: Session,
        low: datetime,
        high: datetime,
        names: dict[int, str],
        account_id: int | None,
    ) -> list[CalendarItem]:
        stmt = (
            select(
                Publication.id,
                Publication.post_id,
                Publication.account_id,
                Publication.published_at,
                Publication.title,
                Publication.column,
                Post.status,
                Post.title,
                Post.unit_id,
                Post.version,
            )
            .outerjoin(Post, Post.id == Publication.post_id)
            .where(
                Publication.removed_at.is_(None),
                Publication.published_at >= low,
                Publication.published_at < high,
            )
            .order_by(Publication.published_at)
        )
        if account_id is not None:
            stmt = stmt.where(Publication.account_id == account_id)
        grouped: dict[tuple[str, int], list[Any]] = {}
        for row in s.execute(stmt):
            key = ("post", row[1]) if row[1] is not None else ("pub", row[0])
            grouped.setdefault(key, []).append(row)
        items: list[CalendarItem] = []
        for (_, _), rows in grouped.items():
            first = rows[0]
            accounts = tuple(dict.fromkeys(names.get(r[2], "") for r in rows))
            status = None if first[6] is None else PostStatus(first[6])
            items.append(
                CalendarItem(
                    kind=ItemKind.PUBLISHED,
                    post_id=first[1],
                    status=status,
                    at=first[3],
                    title=first[7] or first[4],
                    column=first[5],
                    accounts=accounts,
                    unit_id=first[8],
                    version=first[9] or 0,
                )
            )
        return items

    @staticmethod
    def _targets(
        s: Session, post_ids: Sequence[int], names: dict[int, str]
    ) -> dict[int, tuple[str, ...]]:
        found: dict[int, list[str]] = defaultdict(list)
        ids = list(post_ids)
        for i in range(0, len(ids), 500):
            rows = s.execute(
                select(PostTarget.post_id, PostTarget.account_id)
                .where(PostTarget.post_id.in_(ids[i : i + 500]))
                .order_by(PostTarget.post_id, PostTarget.account_id)
            )
            for post_id, account in rows:
                found[post_id].append(names.get(account, ""))
        return {k: tuple(v) for k, v in found.items()}

    @staticmethod
    def _publication_times(
        s: Session, low: datetime, high: datetime, accounts: set[int], columns: set[str]
    ) -> dict[int | str, tuple[list[datetime], list[tuple[int | None, str]]]]:
        """Publication times (sorted) and (post, title) per account id and per column."""
        rows = s.execute(
            select(
                Publication.account_id,
                Publication.column,
                Publication.published_at,
                Publication.post_id,
                Publication.title,
            )
            .where(
                Publication.removed_at.is_(None),
                Publication.published_at >= low,
                Publication.published_at < high,
            )
            .order_by(Publication.published_at)
        ).all()
        found: dict[int | str, tuple[list[datetime], list[tuple[int | None, str]]]] = {}
        for account_id, column, published_at, post_id, title in rows:
            keys: list[int | str] = [account_id] if account_id in accounts else []
            if column in columns:
                keys.append(column)
            for key in keys:
                times, info = found.setdefault(key, ([], []))
                times.append(published_at)
                info.append((post_id, title))
        return found

    @staticmethod
    def _planned_posts(
        s: Session, low: datetime, high: datetime, accounts: set[int], columns: set[str]
    ) -> dict[int | str, list[tuple[datetime, int, str, str]]]:
        """(planned at, post, status, title) per account id and per column, by time."""
        statuses = [st.value for st in PLANNED_STATUSES] + [PostStatus.APPROVED.value]
        rows = s.execute(
            select(
                Post.planned_at,
                Post.id,
                Post.status,
                Post.title,
                Post.column,
                PostTarget.account_id,
            )
            .join(PostTarget, PostTarget.post_id == Post.id)
            .where(Post.planned_at >= low, Post.planned_at < high, Post.status.in_(statuses))
            .order_by(Post.planned_at, Post.id)
        ).all()
        found: dict[int | str, list[tuple[datetime, int, str, str]]] = {}
        seen: set[tuple[str, int]] = set()
        for planned_at, post_id, status, title, column, account_id in rows:
            if planned_at is None:
                continue
            entry = (planned_at, post_id, status, title)
            if account_id in accounts:
                found.setdefault(account_id, []).append(entry)
            if column in columns and (column, post_id) not in seen:
                seen.add((column, post_id))  # one row per target: count the post once
                found.setdefault(column, []).append(entry)
        return found

    def _time_column(self) -> ColumnElement[Any]:
        """``published_at`` as stored, for ``_time_parser``.

        SQLite's text is parsed faster here than by the ORM's type: a year of
        publications is tens of thousands of rows.
        """
        if self._db.is_sqlite:
            return type_coerce(Publication.published_at, String)
        return Publication.published_at.expression

    def _time_parser(self) -> Callable[[Any], datetime]:
        return _sqlite_utc if self._db.is_sqlite else _as_is

    def _latest(
        self,
        s: Session,
        low: datetime,
        high: datetime,
        now: datetime,
        in_period_account: dict[int, datetime],
        in_period_column: dict[str, datetime],
        account_ids: Sequence[int],
        columns: Sequence[str],
    ) -> tuple[dict[int, datetime], dict[str, datetime]]:
        """The latest publication up to now of each account and column.

        The period's latest (up to now) where they have one; then one query for the time
        after the period (if it ended before now); then, for those still without, the last
        one before the period, one query each.
        """
        accounts = dict(in_period_account)
        by_column = dict(in_period_column)
        if high <= now:
            after = (
                Publication.removed_at.is_(None),
                Publication.published_at >= high,
                Publication.published_at <= now,
            )
            for account_id, latest in s.execute(
                select(Publication.account_id, func.max(Publication.published_at))
                .where(*after)
                .group_by(Publication.account_id)
            ):
                if latest is not None:
                    accounts[account_id] = latest
            if columns:
                for column, latest in s.execute(
                    select(Publication.column, func.max(Publication.published_at))
                    .where(*after, Publication.column.in_(list(columns)))
                    .group_by(Publication.column)
                ):
                    if latest is not None:
                        by_column[column] = latest
        before = (Publication.removed_at.is_(None), Publication.published_at < low)
        last = select(Publication.published_at).order_by(Publication.published_at.desc()).limit(1)
        for account_id in account_ids:
            if account_id not in accounts:
                found = s.scalar(last.where(*before, Publication.account_id == account_id))
                if found is not None:
                    accounts[account_id] = found
        for column in columns:
            if column not in by_column:
                found = s.scalar(last.where(*before, Publication.column == column))
                if found is not None:
                    by_column[column] = found
        return accounts, by_column

    @staticmethod
    def _accounts(s: Session) -> dict[int, _AccountInfo]:
        rows = s.execute(
            select(
                Account.id, Account.name, Platform.name, Account.unit_id, Unit.name, Account.status
            )
            .join(Platform, Platform.id == Account.platform_id)
            .join(Unit, Unit.id == Account.unit_id)
            .order_by(Account.id)
        )
        return {r[0]: _AccountInfo(r[0], r[1], r[2], r[3], r[4], r[5]) for r in rows}

    @staticmethod
    def _active_rules(
        s: Session, tolerance_minutes: int
    ) -> tuple[
        dict[int, list[_Active]],
        dict[str, list[_Active]],
    ]:
        by_account: dict[int, list[_Active]] = {}
        by_column: dict[str, list[_Active]] = {}
        rows = s.scalars(
            select(CadenceRuleRow)
            .where(CadenceRuleRow.active.is_(True))
            .order_by(CadenceRuleRow.id)
        )
        for row in rows:
            parsed = tuple(
                dataclasses.replace(rule, effective_from=row.effective_from)
                for rule in rules_from_json(row.parsed, tolerance_minutes=tolerance_minutes)
            )
            active = (_RowInfo(row.id, row.text, row.unparsed, row.effective_from), parsed)
            if row.account_id is not None:
                by_account.setdefault(row.account_id, []).append(active)
            elif row.column:
                by_column.setdefault(row.column, []).append(active)
        return by_account, by_column

    # -- helpers ---------------------------------------------------------------------------

    @staticmethod
    def _may_view(actor: Principal | None) -> None:
        if actor is not None:
            require(actor, Permission.VIEW_POSTS)

    @staticmethod
    def _may_manage_account(s: Session, actor: Principal, account_id: int) -> Account:
        account = s.get(Account, account_id)
        if account is None:
            raise NotFoundError("account not found")
        require(actor, Permission.MANAGE_ACCOUNTS, account.unit_id)
        return account

    def _may_change(self, s: Session, actor: Principal, row: CadenceRuleRow) -> None:
        if row.account_id is not None:
            self._may_manage_account(s, actor, row.account_id)
        else:
            require(actor, Permission.MANAGE_SETTINGS)

    @staticmethod
    def _refuse_duplicate(
        s: Session, text: str, account_id: int | None, column: str | None, rule_id: int | None
    ) -> None:
        stmt = select(CadenceRuleRow.id).where(CadenceRuleRow.text == text)
        if account_id is not None:
            stmt = stmt.where(CadenceRuleRow.account_id == account_id)
        else:
            stmt = stmt.where(CadenceRuleRow.column == column)
        if rule_id is not None:
            stmt = stmt.where(CadenceRuleRow.id != rule_id)
        if s.scalar(stmt) is not None:
            raise ValidationError("this rule is already there", field="cadence_text")

    @staticmethod
    def _row(s: Session, rule_id: int) -> CadenceRuleRow:
        row = s.get(CadenceRuleRow, rule_id)
        if row is None:
            raise NotFoundError("cadence rule not found", entity="cadence_rule")
        return row

    def _fresh(self, s: Session, row: CadenceRuleRow, tolerance: int) -> RuleRecord:
        s.flush()
        s.refresh(row)
        return self._record(row, self._accounts(s), tolerance)

    @staticmethod
    def _record(
        row: CadenceRuleRow, accounts: dict[int, _AccountInfo], tolerance: int
    ) -> RuleRecord:
        info = None if row.account_id is None else accounts.get(row.account_id)
        return RuleRecord(
            id=row.id,
            account_id=row.account_id,
            column=row.column,
            name=info.name if info else (row.column or ""),
            platform=info.platform if info else "",
            unit_id=info.unit_id if info else None,
            text=row.text,
            rules=rules_from_json(row.parsed, tolerance_minutes=tolerance),
            unparsed=tuple(u for u in row.unparsed.split("\n") if u),
            active=row.active,
            effective_from=row.effective_from,
            created_at=row.created_at,
            updated_at=row.updated_at,
            version=row.version,
        )
