"""The monthly assessment (考核) of every unit, read from the records in a few queries.

:meth:`AssessmentService.month` counts what ``domain.assessment`` judges, for every unit
with an open account or anything counted that month; :meth:`AssessmentService.trend` does
the same for a run of months at once (the charts). Either way the work is a fixed number of
queries over the whole period — each one filtered by time and grouped or bucketed in one
pass — never one query per unit, account or post, so a database of 100 000 posts answers in
well under the 2-second goal (``python -m tests.perf.assessment``).

Where each figure comes from (months are office months, Asia/Shanghai):

* *published*, *silence* and *cadence*: the publication log without withdrawn or deleted
  rows, as the cadence report counts it — counted per account and office day by the
  database (GROUP BY the Beijing date), with only the times near fixed times (预报 07:30)
  read one by one. Cadence rules are the active rule rows, each judged from its
  effective-from date (生效日期). Silence is counted per open account from its last post
  before the month (or its opening day).
* *column rules* (栏目, ``account_id`` empty) apply to the column's posts on every account,
  and no table says which unit owns a column (a column is only a name on posts), so a
  column's misses in a month go to the units that *carry* it: the units of the accounts
  that published the column that month, or — when nobody did — of the accounts that
  published it on the last day it was published before the month (the column went quiet
  on them). Each carrying unit gets all of the column's misses (a shared column is each
  carrier's duty; a whole requirement is not split into fractions). A column never
  published yet is given to nobody; the cadence report still shows its misses.
* *mismatches* and *serious errors*: publications of the month on the unit's accounts,
  removed ones included (they were published); see ``domain.assessment``.
* *approval turnaround*: posts of the unit approved in the month that needed an approver;
  submission is the time of the post's last ``post_submitted`` audit entry before the
  approval (the audit log is the record of it), or, for posts written in bulk without
  history, the time the approved revision was saved.
* *rejections*: sign-off steps decided 退回 in the month; *checker blocks*: revisions
  saved in the month with a blocking finding — both for posts of the unit.
* *late answers*: messages needing an answer on the unit's accounts and feedback handed to
  the unit, due in the month, answered late or not yet (``domain.incidents`` rules).
* *late incident steps*: clocks of the unit's incidents opened in the month
  (``domain.incidents.clock_states``, limits from the office settings).
* *rotation overdue*: the unit's open accounts whose password was due for a change at
  the month's end (older than the rotation setting, or a change pending after a holder
  left). Only the current password's dates are kept, so for a past month this is as the
  records stand now.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import String, and_, func, select, type_coerce
from sqlalchemy.orm import Session

from newmedia_desk.domain.accounts import AccountStatus, Decision
from newmedia_desk.domain.assessment import (
    DEDUCTION_SETTINGS,
    AccountMonth,
    AssessmentRules,
    ColumnMonth,
    Deduction,
    Month,
    SeriousError,
    UnitAssessment,
    UnitMonth,
    assess,
    longest_silence,
    serious_terms,
)
from newmedia_desk.domain.cadence import CadenceRule
from newmedia_desk.domain.checker.lexicon import Lexicon
from newmedia_desk.domain.clock import Clock
from newmedia_desk.domain.compliance import compliance_by_day
from newmedia_desk.domain.errors import NotFoundError, ValidationError
from newmedia_desk.domain.incidents import (
    ClockRules,
    IncidentLevel,
    IncidentRecord,
    IncidentStep,
    answer_late,
    clock_states,
    feedback_late,
)
from newmedia_desk.domain.roles import Permission
from newmedia_desk.domain.settings import (
    ALL_SETTINGS,
    ASSESS_COMMEND_SCORE,
    ASSESS_CRITICISE_SILENT_DAYS,
    ASSESS_SLOW_APPROVAL_HOURS,
    INCIDENT_AUTHORITATIVE_HOURS,
    INCIDENT_CHIEF_HOURS,
    INCIDENT_HANDLING_HOURS,
    INCIDENT_RESPONSE_MAJOR_HOURS,
    INCIDENT_RESPONSE_OTHER_HOURS,
    INCIDENT_UPWARD_HOURS,
    ROTATION_DAYS,
    SILENCE_YELLOW_DAYS,
    SLOT_TOLERANCE_MINUTES,
)
from newmedia_desk.domain.staff import Principal
from newmedia_desk.domain.working_days import OFFICE_TZ, office_date
from newmedia_desk.services.cadence import publications_per_day, rules_from_json
from newmedia_desk.services.common import require
from newmedia_desk.services.settings import OfficeSettingsService
from newmedia_desk.storage.cadence_models import (
    CadenceRuleRow,
    Feedback,
    Incident,
    ModerationEntry,
)
from newmedia_desk.storage.credential_models import Credential
from newmedia_desk.storage.database import Database
from newmedia_desk.storage.models import Account, AuditRow, Platform, Unit
from newmedia_desk.storage.post_models import Post, PostRevision, PostSignOff, Publication

MAX_TREND_MONTHS = 36
LOOKBACK = timedelta(days=62)
"""How far before the period the publications are read in the same scan (an account that
posted in these days has its last post before the period among them)."""
_IN_CHUNK = 5000
"""Ids per ``IN (…)`` list (well under every driver's limit of bound parameters)."""


@dataclass(frozen=True, slots=True)
class TrendPoint:
    """One unit's result in one month (the line chart)."""

    month: Month
    unit_id: int
    unit_name: str
    score: int
    qualified: bool


def trend_points(
    by_month: dict[Month, list[UnitAssessment]], unit_id: int | None = None
) -> list[TrendPoint]:
    """The scores of ``AssessmentService.months``, month by month (one unit or all)."""
    return [
        TrendPoint(m, r.unit_id, r.unit_name, r.score, r.qualified)
        for m in sorted(by_month)
        for r in by_month[m]
        if unit_id is None or r.unit_id == unit_id
    ]


@dataclass(frozen=True, slots=True)
class _AccountInfo:
    id: int
    name: str
    platform: str
    unit_id: int
    opened: date
    open: bool


@dataclass
class _Counts:
    """What one unit collected in one month."""

    published: int = 0
    approval_hours: list[float] = field(default_factory=list)
    rejections: int = 0
    checker_blocks: int = 0
    mismatches: int = 0
    late_answers: int = 0
    late_incident_steps: int = 0
    rotation_overdue: int = 0
    serious: list[SeriousError] = field(default_factory=list)


def _when(column: Any) -> Any:
    """Select a time column as the driver gives it: SQLite's text, parsed by :func:`_utc`.

    SQLAlchemy's own parsing of SQLite times costs about ten times ``fromisoformat``; the
    reports read tens of thousands of them. Filters still use the typed column.
    """
    return type_coerce(column, String)


def _timed(rules: Sequence[CadenceRule]) -> bool:
    """Whether some of the rules have fixed times (预报 07:30)."""
    return any(rule.times for rule in rules)


def _utc(value: object) -> datetime:
    """An aware UTC datetime from what :func:`_when` selected (text or a datetime)."""
    if isinstance(value, str):
        moment = datetime.fromisoformat(value)
        return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
    if not isinstance(value, datetime):
        raise TypeError(f"not a time: {value!r}")
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


_OFFSET = timedelta(hours=8)
"""Beijing time is UTC+8 all year (``working_days.OFFICE_TZ``)."""
_MONTHS: dict[tuple[int, int], Month] = {}


def _month_of(moment: datetime) -> Month:
    """The office month of an aware time (cheap: it is called for every row read)."""
    local = moment + _OFFSET if moment.tzinfo is UTC else moment.astimezone(OFFICE_TZ)
    key = (local.year, local.month)
    month = _MONTHS.get(key)
    if month is None:
        month = _MONTHS.setdefault(key, Month(*key))
    return month


class AssessmentService:
    """Monthly figures, scores and suggestions per unit (read-only)."""

    def __init__(
        self,
        db: Database,
        clock: Clock,
        settings: OfficeSettingsService,
        *,
        lexicons: Callable[[], Lexicon] | None = None,
    ) -> None:
        self._db = db
        self._clock = clock
        self._settings = settings
        self._lexicons = lexicons

    # -- reading -----------------------------------------------------------------------------

    def rules(self) -> AssessmentRules:
        """The assessment figures from the office settings."""
        return self._rules(self._settings.values(ALL_SETTINGS))

    @staticmethod
    def _rules(value: dict[str, int]) -> AssessmentRules:
        return AssessmentRules(
            deductions={
                item: Deduction(value[points.key], value[cap.key])
                for item, (points, cap) in DEDUCTION_SETTINGS.items()
            },
            commend_score=value[ASSESS_COMMEND_SCORE.key],
            criticise_silent_days=value[ASSESS_CRITICISE_SILENT_DAYS.key],
            yellow_days=value[SILENCE_YELLOW_DAYS.key],
            slow_approval_hours=value[ASSESS_SLOW_APPROVAL_HOURS.key],
        )

    def current_month(self) -> Month:
        """The office month of now."""
        return Month.of(office_date(self._clock.now()))

    def month(self, actor: Principal | None, month: str | Month) -> list[UnitAssessment]:
        """Every unit's assessment of ``month`` ("YYYY-MM"), in the order of the unit tree.

        Units are listed when they have an open account or anything counted in the month.
        A month that has not begun is refused; the current month is judged up to now.
        """
        self._may_view(actor)
        wanted = month if isinstance(month, Month) else Month.parse(month)
        self._check_not_future(wanted)
        return self._assess([wanted])[wanted]

    def months(
        self, actor: Principal | None, until: str | Month, count: int
    ) -> dict[Month, list[UnitAssessment]]:
        """Every unit's assessment of ``count`` months ending with ``until``, oldest first.

        One pass over the whole span (the same queries as one month), for charts.
        """
        self._may_view(actor)
        if not 1 <= count <= MAX_TREND_MONTHS:
            raise ValidationError(
                "the number of months is from 1 to {maximum}",
                field="months",
                maximum=MAX_TREND_MONTHS,
            )
        last = until if isinstance(until, Month) else Month.parse(until)
        self._check_not_future(last)
        return self._assess(last.back(count))

    def trend(
        self,
        actor: Principal | None,
        unit_id: int | None,
        months: int = 12,
        *,
        until: str | Month | None = None,
    ) -> list[TrendPoint]:
        """Scores of the last ``months`` months up to ``until`` (default: this month).

        ``unit_id`` ``None`` gives every unit; points are in month order, then unit order.
        """
        by_month = self.months(actor, until or self.current_month(), months)
        if unit_id is not None and not any(
            r.unit_id == unit_id for results in by_month.values() for r in results
        ):
            with self._db.read() as s:
                if s.get(Unit, unit_id) is None:
                    raise NotFoundError("no such unit", entity="unit", id=unit_id)
        return trend_points(by_month, unit_id)

    # -- the work ----------------------------------------------------------------------------

    def _check_not_future(self, month: Month) -> None:
        if month > self.current_month():
            raise ValidationError("the month has not begun", field="month", month=str(month))

    def _assess(self, span: Sequence[Month]) -> dict[Month, list[UnitAssessment]]:
        value = self._settings.values(ALL_SETTINGS)
        rules = self._rules(value)
        clocks = ClockRules(
            chief_hours=value[INCIDENT_CHIEF_HOURS.key],
            authoritative_hours=value[INCIDENT_AUTHORITATIVE_HOURS.key],
            response_major_hours=value[INCIDENT_RESPONSE_MAJOR_HOURS.key],
            response_other_hours=value[INCIDENT_RESPONSE_OTHER_HOURS.key],
            handling_hours=value[INCIDENT_HANDLING_HOURS.key],
            upward_hours=value[INCIDENT_UPWARD_HOURS.key],
        )
        rotation = timedelta(days=value[ROTATION_DAYS.key])
        tolerance = value[SLOT_TOLERANCE_MINUTES.key]
        now = self._clock.now()
        low, high = span[0].start, span[-1].end
        counts: dict[tuple[Month, int], _Counts] = defaultdict(_Counts)
        with self._db.read() as s:
            units = self._units(s)
            accounts = self._accounts(s)
            unit_of = {a.id: a.unit_id for a in accounts.values()}
            names = {a.id: a.name for a in accounts.values()}
            open_ids = {a.id for a in accounts.values() if a.open}
            rule_sets, column_rules = self._rule_sets(s, tolerance)
            timed = {a: r for a, r in rule_sets.items() if a in open_ids and _timed(r)}
            # One GROUP BY (account, office day) over the span and the look-back, with the
            # columns' counts and the times that decide the fixed times in the same pass.
            daily = publications_per_day(
                s,
                (low - LOOKBACK, high, now),
                sqlite=self._db.is_sqlite,
                columns=column_rules,
                account_times=[r for rules in timed.values() for r in rules if r.times],
                column_times={
                    c: [r for r in rules if r.times]
                    for c, rules in column_rules.items()
                    if _timed(rules)
                },
            )
            days, last_before, first = self._publication_days(
                s, daily.per_account, low, counts, unit_of, open_ids
            )
            near_accounts = {
                a: sorted(map(_utc, raw)) for a, raw in daily.near_account.items() if a in timed
            }
            near_columns = {c: sorted(map(_utc, raw)) for c, raw in daily.near_column.items()}
            carried = self._column_days(s, daily.per_column, low, column_rules)
            self._mismatches(s, low, high, counts, unit_of, names, self._lexicons)
            self._blocked_revisions(s, low, high, counts, unit_of, names)
            self._approvals(s, low, high, counts)
            self._rejections(s, low, high, counts)
            self._late_answers(s, span, now, counts, unit_of)
            self._late_incidents(s, low, high, now, clocks, counts)
            credentials = self._credentials(s)
        for account_id, earliest in first.items():
            info = accounts.get(account_id)
            if info is not None and earliest < info.opened:
                # Posts older than the recorded opening (an account registered later).
                accounts[account_id] = replace(info, opened=earliest)
        result: dict[Month, list[UnitAssessment]] = {}
        for month in span:
            last = min(month.last_day, office_date(now))
            per_unit: dict[int, list[AccountMonth]] = defaultdict(list)
            for info in accounts.values():
                if not info.open or info.opened > last:
                    continue
                per_unit[info.unit_id].append(
                    self._account_month(
                        info, month, days.get(info.id, {}), last_before.get(info.id),
                        rule_sets.get(info.id, ()), near_accounts.get(info.id, []), now,
                        rules.yellow_days,
                    )
                )  # fmt: skip
            per_unit_columns = self._column_months(
                month, column_rules, carried, near_columns, now, unit_of, names
            )
            ref = min(month.end, now)
            for info in accounts.values():
                if (
                    info.open
                    and info.opened <= last
                    and self._rotation_due(credentials.get(info.id), ref, rotation)
                ):
                    counts[(month, info.unit_id)].rotation_overdue += 1
            listed = set(per_unit) | set(per_unit_columns) | {u for (m, u) in counts if m == month}
            result[month] = [
                assess(
                    self._figures(month, unit_id, name, per_unit, per_unit_columns, counts),
                    rules,
                )
                for unit_id, name in units
                if unit_id in listed
            ]
        return result

    @staticmethod
    def _figures(
        month: Month,
        unit_id: int,
        name: str,
        per_unit: dict[int, list[AccountMonth]],
        per_unit_columns: dict[int, list[ColumnMonth]],
        counts: dict[tuple[Month, int], _Counts],
    ) -> UnitMonth:
        c = counts.get((month, unit_id), _Counts())
        return UnitMonth(
            unit_id=unit_id,
            unit_name=name,
            month=month,
            accounts=tuple(per_unit.get(unit_id, ())),
            columns=tuple(per_unit_columns.get(unit_id, ())),
            published=c.published,
            approval_hours=tuple(c.approval_hours),
            rejections=c.rejections,
            checker_blocks=c.checker_blocks,
            mismatches=c.mismatches,
            late_answers=c.late_answers,
            late_incident_steps=c.late_incident_steps,
            rotation_overdue=c.rotation_overdue,
            serious_errors=tuple(sorted(c.serious, key=lambda e: e.published_at)),
        )

    @staticmethod
    def _account_month(
        info: _AccountInfo,
        month: Month,
        per_day: dict[date, int],
        before_span: date | None,
        rules: tuple[CadenceRule, ...],
        near: list[datetime],
        now: datetime,
        yellow_days: int,
    ) -> AccountMonth:
        """Silence and cadence of one account.

        ``per_day``: its publications per office day over the span (and the look-back before
        it); ``near``: its publication times near its rules' fixed times (sorted).
        """
        first, last = month.first_day, min(month.last_day, office_date(now))
        posted = sorted(d for d, n in per_day.items() if n > 0)
        start = bisect.bisect_left(posted, first)
        stop = bisect.bisect_right(posted, month.last_day)
        in_month = posted[start:stop]
        previous = posted[start - 1] if start > 0 else before_span
        # Never posted before: silent since the day it opened.
        before = previous if previous is not None else info.opened - timedelta(days=1)
        silent, since = longest_silence(in_month, first, last, before=before)
        expected = misses = 0
        if rules:
            figures = compliance_by_day(
                rules,
                {d: per_day[d] for d in in_month},
                near,
                first,
                month.last_day,
                now,
                yellow_days=yellow_days,
            )
            expected, misses = figures.expected, len(figures.misses)
        return AccountMonth(
            account_id=info.id,
            name=info.name,
            platform=info.platform,
            published=sum(per_day[d] for d in in_month),
            silent_days=silent,
            silent_from=since,
            has_rules=bool(rules),
            cadence_expected=expected,
            cadence_misses=misses,
        )

    @staticmethod
    def _column_months(
        month: Month,
        column_rules: dict[str, tuple[CadenceRule, ...]],
        carried: dict[str, dict[date, dict[int, int]]],
        near: dict[str, list[datetime]],
        now: datetime,
        unit_of: dict[int, int],
        names: dict[int, str],
    ) -> dict[int, list[ColumnMonth]]:
        """Each column's cadence in the month, given to the units that carry the column.

        The carriers are the units of the accounts that published the column in the month;
        when nobody did, those of the accounts that published it on the last day it was
        published before the month. A column never published is given to nobody (the
        cadence report still shows it). Every carrier gets all of the column's misses.
        """
        found: dict[int, list[ColumnMonth]] = defaultdict(list)
        first, last = month.first_day, month.last_day
        for column, rules in column_rules.items():
            by_day = carried.get(column, {})
            days = sorted(by_day)
            start, stop = bisect.bisect_left(days, first), bisect.bisect_right(days, last)
            in_month = days[start:stop]
            carriers_from = in_month if in_month else days[start - 1 : start]
            if not carriers_from:
                continue
            figures = compliance_by_day(
                rules,
                {d: sum(by_day[d].values()) for d in in_month},
                near.get(column, []),
                first,
                last,
                now,
            )
            accounts_of: dict[int, set[int]] = defaultdict(set)
            for day in carriers_from:
                for account_id in by_day[day]:
                    unit = unit_of.get(account_id)
                    if unit is not None:
                        accounts_of[unit].add(account_id)
            for unit, account_ids in accounts_of.items():
                found[unit].append(
                    ColumnMonth(
                        column=column,
                        expected=figures.expected,
                        misses=len(figures.misses),
                        accounts=tuple(sorted(names.get(a, "") for a in account_ids)),
                        carried_in_month=bool(in_month),
                    )
                )
        return found

    @staticmethod
    def _rotation_due(
        cred: tuple[datetime | None, str | None, datetime | None] | None,
        ref: datetime,
        rotation: timedelta,
    ) -> bool:
        if cred is None:
            return False
        changed_at, reason, since = cred
        if reason is not None and since is not None and since <= ref:
            return True
        return changed_at is not None and changed_at <= ref and ref - changed_at > rotation

    # -- queries (each over the whole span, once) ----------------------------------------------

    @staticmethod
    def _units(s: Session) -> list[tuple[int, str]]:
        """(id, name) of every unit, depth first in the tree's order."""
        rows = s.execute(
            select(Unit.id, Unit.name, Unit.parent_id).order_by(Unit.sort_order, Unit.id)
        ).all()
        children: dict[int | None, list[tuple[int, str]]] = defaultdict(list)
        for unit_id, name, parent in rows:
            children[parent].append((unit_id, name))
        ordered: list[tuple[int, str]] = []
        stack = list(reversed(children[None]))
        seen: set[int] = set()
        while stack:
            unit_id, name = stack.pop()
            if unit_id in seen:
                continue
            seen.add(unit_id)
            ordered.append((unit_id, name))
            stack.extend(reversed(children.get(unit_id, [])))
        ordered += [(u, n) for u, n, _ in rows if u not in seen]
        return ordered

    @staticmethod
    def _accounts(s: Session) -> dict[int, _AccountInfo]:
        rows = s.execute(
            select(
                Account.id,
                Account.name,
                Platform.name,
                Account.unit_id,
                Account.status,
                Account.opened_on,
                Account.created_at,
            ).join(Platform, Platform.id == Account.platform_id)
        ).all()
        return {
            r[0]: _AccountInfo(
                r[0],
                r[1],
                r[2],
                r[3],
                r[5] if r[5] is not None else office_date(r[6]),
                r[4] == AccountStatus.OPEN.value,
            )
            for r in rows
        }

    @staticmethod
    def _publication_days(
        s: Session,
        per_day: dict[int, dict[date, int]],
        low: datetime,
        counts: dict[tuple[Month, int], _Counts],
        unit_of: dict[int, int],
        open_ids: set[int],
    ) -> tuple[dict[int, dict[date, int]], dict[int, date], dict[int, date]]:
        """Publications per account and office day; the last day before the span; the first.

        ``per_day`` covers the span and the ``LOOKBACK`` before it (where the last post
        before the span of every active account lies); only the accounts quiet for that
        long are looked up further back, by account.
        """
        shown = Publication.removed_at.is_(None)
        days: dict[int, dict[date, int]] = defaultdict(dict)
        before: dict[int, date] = {}
        first: dict[int, date] = {}
        span_start = office_date(low)
        for account_id, counted in per_day.items():
            first[account_id] = min(counted)
            earlier = [d for d in counted if d < span_start]
            if earlier:
                before[account_id] = max(earlier)
            unit = unit_of.get(account_id)
            for day, n in counted.items():
                if day < span_start:
                    continue
                days[account_id][day] = n
                if unit is not None:
                    counts[(Month.of(day), unit)].published += n
        quiet = sorted(open_ids - set(before))
        for i in range(0, len(quiet), _IN_CHUNK):
            for account_id, latest, earliest in s.execute(
                select(
                    Publication.account_id,
                    func.max(Publication.published_at),
                    func.min(Publication.published_at),
                )
                .where(shown, Publication.account_id.in_(quiet[i : i + _IN_CHUNK]))
                .where(Publication.published_at < low - LOOKBACK)
                .group_by(Publication.account_id)
            ):
                if latest is not None and earliest is not None:
                    before[account_id] = office_date(latest)
                    first[account_id] = office_date(earliest)
        return days, before, first

    @staticmethod
    def _column_days(
        s: Session,
        per_column: dict[str, dict[date, dict[int, int]]],
        low: datetime,
        columns: dict[str, tuple[CadenceRule, ...]],
    ) -> dict[str, dict[date, dict[int, int]]]:
        """Publications of each column with rules, per office day and account.

        From ``per_column`` (the span and the ``LOOKBACK`` before it); a column with none
        in the look-back gets the day it was last published before, with its accounts (for
        the months nobody publishes it, see :meth:`_column_months`).
        """
        found = {c: dict(per_column[c]) for c in columns if c in per_column}
        shown = Publication.removed_at.is_(None)
        span_start = office_date(low)
        for column in sorted(columns):
            days = found.get(column, {})
            if any(d < span_start for d in days):
                continue  # carried in the look-back: enough for any month of the span
            latest = s.scalar(
                select(func.max(Publication.published_at)).where(
                    shown, Publication.column == column, Publication.published_at < low - LOOKBACK
                )
            )
            if latest is None:
                continue
            last_day = office_date(latest)
            day_low = datetime.combine(last_day, time(0), OFFICE_TZ)
            day_high = day_low + timedelta(days=1)
            for account_id, n in s.execute(
                select(Publication.account_id, func.count())
                .where(shown, Publication.column == column)
                .where(Publication.published_at >= day_low, Publication.published_at < day_high)
                .group_by(Publication.account_id)
            ):
                found.setdefault(column, {}).setdefault(last_day, {})[account_id] = int(n)
        return found

    @staticmethod
    def _rule_sets(
        s: Session, tolerance: int
    ) -> tuple[dict[int, tuple[CadenceRule, ...]], dict[str, tuple[CadenceRule, ...]]]:
        """The active rules of each account and of each column, with their effective dates."""
        by_account: dict[int, list[CadenceRule]] = defaultdict(list)
        by_column: dict[str, list[CadenceRule]] = defaultdict(list)
        rows = s.execute(
            select(
                CadenceRuleRow.account_id,
                CadenceRuleRow.column,
                CadenceRuleRow.parsed,
                CadenceRuleRow.effective_from,
            ).where(CadenceRuleRow.active.is_(True))
        )
        for account_id, column, parsed, effective_from in rows:
            rules = [
                replace(rule, effective_from=effective_from)
                for rule in rules_from_json(parsed, tolerance_minutes=tolerance)
            ]
            if account_id is not None:
                by_account[account_id].extend(rules)
            elif column:
                by_column[column].extend(rules)
        return (
            {k: tuple(v) for k, v in by_account.items() if v},
            {k: tuple(v) for k, v in by_column.items() if v},
        )

    @staticmethod
    def _mismatches(
        s: Session,
        low: datetime,
        high: datetime,
        counts: dict[tuple[Month, int], _Counts],
        unit_of: dict[int, int],
        names: dict[int, str],
        lexicons: Callable[[], Lexicon] | None,
    ) -> None:
        """Mismatched publications, and the serious errors in their pasted texts."""
        flagged = s.execute(
            select(
                Publication.id,
                Publication.account_id,
                _when(Publication.published_at),
                Publication.published_text,
            ).where(
                Publication.published_at >= low,
                Publication.published_at < high,
                Publication.mismatch.is_(True),
            )
        ).all()
        lexicon: Lexicon | None = None
        for pub_id, account_id, raw, text in flagged:
            unit = unit_of.get(account_id)
            if unit is None:
                continue
            published_at = _utc(raw)
            bucket = counts[(_month_of(published_at), unit)]
            bucket.mismatches += 1
            # The office's lexicons are read only when there is a pasted text to check.
            if text and lexicon is None and lexicons is not None:
                lexicon = lexicons()
            terms = serious_terms(text, lexicon) if text else ()
            if terms:
                bucket.serious.append(
                    SeriousError(
                        pub_id, names.get(account_id, ""), published_at, "published_text", terms
                    )
                )

    @staticmethod
    def _blocked_revisions(
        s: Session,
        low: datetime,
        high: datetime,
        counts: dict[tuple[Month, int], _Counts],
        unit_of: dict[int, int],
        names: dict[int, str],
    ) -> None:
        """Revisions saved with blocking findings; publications of such an approved revision.

        One pass over the (few) blocked revisions, then their posts' publications.
        """
        rows = s.execute(
            select(
                PostRevision.post_id,
                PostRevision.number,
                _when(PostRevision.created_at),
                Post.unit_id,
            )
            .join(Post, Post.id == PostRevision.post_id)
            .where(PostRevision.checker_blocks.is_(True))
        ).all()
        blocked: set[tuple[int, int]] = set()
        for post_id, number, raw, unit_id in rows:
            blocked.add((post_id, number))
            created_at = _utc(raw)
            if low <= created_at < high:
                counts[(_month_of(created_at), unit_id)].checker_blocks += 1
        posts = sorted({post_id for post_id, _ in blocked})
        for i in range(0, len(posts), _IN_CHUNK):
            published = s.execute(
                select(
                    Publication.id,
                    Publication.account_id,
                    _when(Publication.published_at),
                    Publication.post_id,
                    Publication.revision,
                ).where(
                    Publication.post_id.in_(posts[i : i + _IN_CHUNK]),
                    Publication.published_at >= low,
                    Publication.published_at < high,
                )
            )
            for pub_id, account_id, raw, post_id, revision in published:
                unit = unit_of.get(account_id)
                if unit is None or (post_id, revision) not in blocked:
                    continue
                published_at = _utc(raw)
                counts[(_month_of(published_at), unit)].serious.append(
                    SeriousError(pub_id, names.get(account_id, ""), published_at, "approved")
                )

    @staticmethod
    def _approvals(
        s: Session, low: datetime, high: datetime, counts: dict[tuple[Month, int], _Counts]
    ) -> None:
        rows = s.execute(
            select(
                Post.id,
                Post.unit_id,
                _when(Post.approved_at),
                _when(PostRevision.created_at),
            )
            .join(
                PostRevision,
                and_(PostRevision.post_id == Post.id, PostRevision.number == Post.round_revision),
            )
            .where(Post.approved_at >= low, Post.approved_at < high, Post.direct.is_(False))
        ).all()
        submitted: dict[str, datetime] = {}
        ids = [str(r[0]) for r in rows]
        for i in range(0, len(ids), _IN_CHUNK):
            chunk = ids[i : i + _IN_CHUNK]
            for entity_id, at in s.execute(
                select(AuditRow.entity_id, func.max(AuditRow.at))
                .where(
                    AuditRow.entity == "post",
                    AuditRow.entity_id.in_(chunk),
                    AuditRow.action == "post_submitted",
                )
                .group_by(AuditRow.entity_id)
            ):
                if at is not None:
                    submitted[entity_id] = at
        for post_id, unit_id, approved_raw, saved_raw in rows:
            if approved_raw is None:
                continue
            approved_at = _utc(approved_raw)
            start = submitted.get(str(post_id))
            if start is None or start > approved_at:
                start = _utc(saved_raw)
            hours = max((approved_at - start).total_seconds(), 0.0) / 3600
            counts[(_month_of(approved_at), unit_id)].approval_hours.append(hours)

    @staticmethod
    def _rejections(
        s: Session, low: datetime, high: datetime, counts: dict[tuple[Month, int], _Counts]
    ) -> None:
        returned = s.execute(
            select(Post.unit_id, _when(PostSignOff.signed_at))
            .join(Post, Post.id == PostSignOff.post_id)
            .where(
                PostSignOff.decision == Decision.RETURN.value,
                PostSignOff.signed_at >= low,
                PostSignOff.signed_at < high,
            )
        )
        for unit_id, raw in returned:
            if raw is not None:
                counts[(_month_of(_utc(raw)), unit_id)].rejections += 1

    @staticmethod
    def _late_answers(
        s: Session,
        span: Sequence[Month],
        now: datetime,
        counts: dict[tuple[Month, int], _Counts],
        unit_of: dict[int, int],
    ) -> None:
        low, high = span[0].start, span[-1].end
        messages = s.execute(
            select(
                ModerationEntry.account_id, ModerationEntry.due_at, ModerationEntry.handled_at
            ).where(
                ModerationEntry.needs_answer.is_(True),
                ModerationEntry.due_at >= low,
                ModerationEntry.due_at < high,
            )
        )
        for account_id, due_at, handled_at in messages:
            unit = unit_of.get(account_id)
            if unit is not None and due_at is not None and answer_late(due_at, handled_at, now):
                counts[(_month_of(due_at), unit)].late_answers += 1
        feedback = s.execute(
            select(Feedback.unit_id, Feedback.due_on, Feedback.answered_at).where(
                Feedback.due_on >= span[0].first_day, Feedback.due_on <= span[-1].last_day
            )
        )
        for unit_id, due_on, answered_at in feedback:
            if feedback_late(due_on, answered_at, now):
                counts[(Month.of(due_on), unit_id)].late_answers += 1

    @staticmethod
    def _late_incidents(
        s: Session,
        low: datetime,
        high: datetime,
        now: datetime,
        clocks: ClockRules,
        counts: dict[tuple[Month, int], _Counts],
    ) -> None:
        rows = s.scalars(
            select(Incident).where(Incident.opened_at >= low, Incident.opened_at < high)
        )
        for row in rows:
            try:
                level = IncidentLevel(row.level)
            except ValueError:
                level = IncidentLevel.GENERAL
            record = IncidentRecord(
                id=row.id,
                title=row.title,
                level=level,
                description="",
                unit_id=row.unit_id,
                unit_name="",
                opened_at=row.opened_at,
                done={
                    IncidentStep.CHIEF: row.reported_to_chief_at,
                    IncidentStep.AUTHORITATIVE: row.authoritative_at,
                    IncidentStep.RESPONSE: row.responded_at,
                    IncidentStep.HANDLED: row.handled_at,
                    IncidentStep.UPWARD: row.reported_upward_at,
                },
                closed_at=row.closed_at,
                notes="",
                recorded_at=row.recorded_at,
                recorded_by_name="",
                version=row.version,
            )
            late = sum(1 for c in clock_states(record, now, clocks) if c.late)
            counts[(_month_of(row.opened_at), row.unit_id)].late_incident_steps += late

    @staticmethod
    def _credentials(
        s: Session,
    ) -> dict[int, tuple[datetime | None, str | None, datetime | None]]:
        rows = s.execute(
            select(
                Credential.account_id,
                Credential.changed_at,
                Credential.rotation_reason,
                Credential.rotation_since,
            ).where(Credential.secret_ref.is_not(None))
        )
        return {r[0]: (r[1], r[2], r[3]) for r in rows}

    # -- helpers -----------------------------------------------------------------------------

    @staticmethod
    def _may_view(actor: Principal | None) -> None:
        if actor is not None:
            require(actor, Permission.VIEW_POSTS)
