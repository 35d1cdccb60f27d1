"""The monthly assessment of a unit (考核): its figures, veto items, score and suggestion.

The scheme follows the national inspection indicators (国办秘函〔2019〕19号, gov-rules.md §1):

* **Veto items (单项否决)** make the month 不合格 whatever else happened; nothing else is
  weighed then (the deduction score is still shown, for the office's own use):

  - *内容不更新*: an open account of the unit went ``veto_silent_days`` (14) days without a
    post at some day of the month ("监测时间点前2周内无更新", gov-rules.md §1, §9, §14). The
    days are counted from the account's last post before the month, so a silence that began
    in the previous month counts; an account that never posted counts from its opening day.
  - *严重表述错误 / 泄密 / 反动暴力色情*: a publication of the month whose text contains a
    lexicon term of severity ``block`` — the shipped 严重差错 list (wrong names of the state,
    institutions) and the banned-content lists (泄露国家秘密, 暴力恐怖, 色情 …). Two ways are
    counted, both explicit in :class:`SeriousError`: the approved revision was saved with
    blocking checker findings (``PostRevision.checker_blocks``; the approval normally
    refuses that, so this catches old or imported data), or the text actually published
    differs from the approved one (``Publication.mismatch``) and that pasted text has a
    blocking lexicon term. Privacy and platform-length findings block publishing too, but
    they are not in the national veto list and do not count here.

* **Deductions (扣分, 100 points)**: each item below takes ``points`` per occurrence, never
  more than its ``cap`` ("One item's deductions never exceed that item's points"). Every
  figure is an office setting (``domain.settings``, 考核扣分 …); the defaults are this
  office's starting point, not national numbers. A score below ``pass_score`` (60) is
  不合格.

* **Suggestions** per 001 § 篇3 art.17–18:

  - 表扬 (art.17(一) "发布微博信息及时，主动性强，信息质量优"): qualified, score at least
    ``commend_score`` (90), something published, no account silent to yellow (7 days), no
    cadence miss, no late answer, no late incident step, no mismatched publication.
    (Art.17(二), suggestions adopted, is not recorded by the program; the office adds it.)
  - 批评 (art.18(1) "不按要求报送信息，经多次督促仍不及时改进"; (2)–(3) violations): the month
    is 不合格; or an account stayed silent ``criticise_silent_days`` (12) days, i.e. through
    the reminders at 7 and 10 days and up to the third (gov-rules.md §9); or a publication's
    text differs from the approved one (publishing what was not approved breaks 000 § 篇3
    art.12 and 001 § 篇3 art.9).

Likes, shares, comments and follower counts are **not** inputs, by design (中央网信委
《关于防治"指尖上的形式主义"的若干意见》, gov-rules.md §13): no field here could carry them.
Pure: no Qt, no SQL.
"""

from __future__ import annotations

import calendar
import re
import statistics
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum

from newmedia_desk.domain.checker.check import check
from newmedia_desk.domain.checker.lexicon import Lexicon, Severity
from newmedia_desk.domain.compliance import RED_SILENT_DAYS
from newmedia_desk.domain.errors import ValidationError
from newmedia_desk.domain.settings import (
    ASSESS_CADENCE_MISS_CAP,
    ASSESS_CADENCE_MISS_POINTS,
    ASSESS_CHECKER_BLOCK_CAP,
    ASSESS_CHECKER_BLOCK_POINTS,
    ASSESS_COMMEND_SCORE,
    ASSESS_CRITICISE_SILENT_DAYS,
    ASSESS_LATE_ANSWER_CAP,
    ASSESS_LATE_ANSWER_POINTS,
    ASSESS_LATE_INCIDENT_CAP,
    ASSESS_LATE_INCIDENT_POINTS,
    ASSESS_MISMATCH_CAP,
    ASSESS_MISMATCH_POINTS,
    ASSESS_REJECTION_CAP,
    ASSESS_REJECTION_POINTS,
    ASSESS_ROTATION_CAP,
    ASSESS_ROTATION_POINTS,
    ASSESS_SILENT_ACCOUNT_CAP,
    ASSESS_SILENT_ACCOUNT_POINTS,
    ASSESS_SLOW_APPROVAL_CAP,
    ASSESS_SLOW_APPROVAL_HOURS,
    ASSESS_SLOW_APPROVAL_POINTS,
    SILENCE_YELLOW_DAYS,
    IntSetting,
)
from newmedia_desk.domain.working_days import OFFICE_TZ

FULL_SCORE = 100
PASS_SCORE = 60
"""Below this the month is 不合格 (national rule, gov-rules.md §1; not a setting)."""
BONUS_SCORE = 80
"""Above this the national scheme adds bonus points (加分); this program has no bonus items
yet, so the figure is only shown for reference."""


# -- months ------------------------------------------------------------------------------

_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


@dataclass(frozen=True, slots=True, order=True)
class Month:
    """A calendar month of the office (Asia/Shanghai)."""

    year: int
    month: int

    @classmethod
    def parse(cls, text: str) -> Month:
        """``"2026-03"`` → ``Month(2026, 3)``; anything else raises ``ValidationError``."""
        m = _MONTH.match(text.strip())
        if m is None or not 1 <= int(m.group(2)) <= 12 or int(m.group(1)) < 1900:
            raise ValidationError("write the month as YYYY-MM, e.g. 2026-03", field="month")
        return cls(int(m.group(1)), int(m.group(2)))

    @classmethod
    def of(cls, day: date) -> Month:
        """The month ``day`` belongs to."""
        return cls(day.year, day.month)

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    @property
    def first_day(self) -> date:
        """The 1st of the month."""
        return date(self.year, self.month, 1)

    @property
    def last_day(self) -> date:
        """The last day of the month."""
        return date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])

    @property
    def start(self) -> datetime:
        """The first moment of the month, Beijing time (aware)."""
        return datetime(self.year, self.month, 1, tzinfo=OFFICE_TZ)

    @property
    def end(self) -> datetime:
        """The first moment of the next month, Beijing time (exclusive end)."""
        return self.next().start

    def next(self) -> Month:
        """The month after."""
        return Month(self.year + self.month // 12, self.month % 12 + 1)

    def previous(self) -> Month:
        """The month before."""
        return Month(self.year - (self.month == 1), (self.month - 2) % 12 + 1)

    def back(self, count: int) -> list[Month]:
        """``count`` months ending with this one, oldest first."""
        months = [self]
        while len(months) < count:
            months.append(months[-1].previous())
        return months[::-1]

    @property
    def label(self) -> str:
        """``2026年3月``."""
        return f"{self.year}年{self.month}月"


# -- items and rules ---------------------------------------------------------------------


class Item(StrEnum):
    """A deduction item: something counted per month that costs points."""

    CADENCE_MISSES = "cadence_misses"
    """Cadence requirements missed (slots, daily/weekly/monthly counts), all accounts, and
    the rules of the columns the unit carries."""
    SILENT_ACCOUNTS = "silent_accounts"
    """Accounts that reached the yellow silence (default 7 days) at some day of the month."""
    SLOW_APPROVALS = "slow_approvals"
    """Approvals that took longer than ``slow_approval_hours`` from submission."""
    REJECTIONS = "rejections"
    """Sign-off steps decided 退回."""
    CHECKER_BLOCKS = "checker_blocks"
    """Revisions saved with a blocking checker finding (the checker stopped them)."""
    MISMATCHES = "mismatches"
    """Publications whose text differs from the approved one (与审批稿不一致)."""
    LATE_ANSWERS = "late_answers"
    """Messages needing an answer and public feedback due this month, answered late or not."""
    LATE_INCIDENT_STEPS = "late_incident_steps"
    """Clocks of incidents opened this month that were (or are) late."""
    ROTATION_OVERDUE = "rotation_overdue"
    """Account passwords due for a change at the end of the month (age or holder change)."""


ITEM_LABELS: dict[Item, str] = {
    Item.CADENCE_MISSES: "更新频次未达标",
    Item.SILENT_ACCOUNTS: "账号长期未更新",
    Item.SLOW_APPROVALS: "审批超时",
    Item.REJECTIONS: "审批退回",
    Item.CHECKER_BLOCKS: "内容检查拦截",
    Item.MISMATCHES: "发布与审批稿不一致",
    Item.LATE_ANSWERS: "留言/反馈逾期回复",
    Item.LATE_INCIDENT_STEPS: "突发事件处置超时",
    Item.ROTATION_OVERDUE: "密码逾期未更换",
}
"""The items' names in Chinese (exports and the command line)."""


@dataclass(frozen=True, slots=True)
class Deduction:
    """Points per occurrence, and the most the item may cost in one month."""

    points: int
    cap: int

    def of(self, count: int) -> int:
        """The points taken for ``count`` occurrences."""
        return min(max(count, 0) * self.points, self.cap)


DEDUCTION_SETTINGS: dict[Item, tuple[IntSetting, IntSetting]] = {
    Item.CADENCE_MISSES: (ASSESS_CADENCE_MISS_POINTS, ASSESS_CADENCE_MISS_CAP),
    Item.SILENT_ACCOUNTS: (ASSESS_SILENT_ACCOUNT_POINTS, ASSESS_SILENT_ACCOUNT_CAP),
    Item.SLOW_APPROVALS: (ASSESS_SLOW_APPROVAL_POINTS, ASSESS_SLOW_APPROVAL_CAP),
    Item.REJECTIONS: (ASSESS_REJECTION_POINTS, ASSESS_REJECTION_CAP),
    Item.CHECKER_BLOCKS: (ASSESS_CHECKER_BLOCK_POINTS, ASSESS_CHECKER_BLOCK_CAP),
    Item.MISMATCHES: (ASSESS_MISMATCH_POINTS, ASSESS_MISMATCH_CAP),
    Item.LATE_ANSWERS: (ASSESS_LATE_ANSWER_POINTS, ASSESS_LATE_ANSWER_CAP),
    Item.LATE_INCIDENT_STEPS: (ASSESS_LATE_INCIDENT_POINTS, ASSESS_LATE_INCIDENT_CAP),
    Item.ROTATION_OVERDUE: (ASSESS_ROTATION_POINTS, ASSESS_ROTATION_CAP),
}
"""The two office settings (points, cap) of each item."""


def _default_deductions() -> dict[Item, Deduction]:
    return {item: Deduction(p.default, c.default) for item, (p, c) in DEDUCTION_SETTINGS.items()}


@dataclass(frozen=True)
class AssessmentRules:
    """The figures the assessment is made with (the office settings, or their defaults)."""

    deductions: Mapping[Item, Deduction] = field(default_factory=_default_deductions)
    pass_score: int = PASS_SCORE
    commend_score: int = ASSESS_COMMEND_SCORE.default
    criticise_silent_days: int = ASSESS_CRITICISE_SILENT_DAYS.default
    veto_silent_days: int = RED_SILENT_DAYS
    yellow_days: int = SILENCE_YELLOW_DAYS.default
    slow_approval_hours: int = ASSESS_SLOW_APPROVAL_HOURS.default

    def deduction(self, item: Item) -> Deduction:
        """The deduction of ``item`` (0 points when the office left it out)."""
        return self.deductions.get(item, Deduction(0, 0))


DEFAULT_RULES = AssessmentRules()


# -- figures (input) ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AccountMonth:
    """One open account's figures for the month."""

    account_id: int
    name: str
    platform: str
    published: int
    silent_days: int
    """The most days in a row without a post reached on any day of the month (see
    :func:`longest_silence`)."""
    silent_from: date | None = None
    """The first day of that silence."""
    has_rules: bool = False
    cadence_expected: int = 0
    cadence_misses: int = 0


@dataclass(frozen=True, slots=True)
class ColumnMonth:
    """A column's cadence (栏目, e.g. ``#气象科普#`` 每天至少一条) counted against a unit.

    A column rule applies to the column's posts on every account, so its misses are the
    column's, not one account's; the assessment gives them to each unit whose accounts
    carried the column (see ``services.assessment``).
    """

    column: str
    expected: int
    misses: int
    accounts: tuple[str, ...]
    """The unit's accounts that published the column (in the month, or last before it)."""
    carried_in_month: bool = True
    """False: nobody published the column in the month; the unit carried it last before."""


@dataclass(frozen=True, slots=True)
class SeriousError:
    """A publication of the month that carries a serious error (a veto item).

    ``source`` says how it was found: ``approved`` — the approved revision had blocking
    checker findings when saved; ``published_text`` — the pasted published text differs
    from the approved one and has blocking lexicon ``terms``.
    """

    publication_id: int
    account: str
    published_at: datetime
    source: str
    terms: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class UnitMonth:
    """Everything counted for one unit in one month (the input of :func:`assess`)."""

    unit_id: int
    unit_name: str
    month: Month
    accounts: tuple[AccountMonth, ...] = ()
    published: int = 0
    """Publications on the unit's accounts (each account a post went out on counts)."""
    approval_hours: tuple[float, ...] = ()
    """Hours from submission to approval of each post of the unit approved this month
    (posts that needed no approver are left out)."""
    rejections: int = 0
    checker_blocks: int = 0
    mismatches: int = 0
    late_answers: int = 0
    late_incident_steps: int = 0
    rotation_overdue: int = 0
    serious_errors: tuple[SeriousError, ...] = ()
    columns: tuple[ColumnMonth, ...] = ()
    """The columns with cadence rules that this unit carries, and their misses."""

    @property
    def cadence_misses(self) -> int:
        """Cadence requirements missed over every account, and of the columns carried."""
        return sum(a.cadence_misses for a in self.accounts) + sum(c.misses for c in self.columns)

    @property
    def max_silent_days(self) -> int:
        """The longest silence of any account (0 without accounts)."""
        return max((a.silent_days for a in self.accounts), default=0)

    @property
    def turnaround_hours(self) -> float | None:
        """The median hours from submission to approval, or ``None`` without approvals."""
        return median(self.approval_hours)


# -- result ------------------------------------------------------------------------------


class VetoKind(StrEnum):
    """Why a month failed outright."""

    SILENT = "silent"  # 内容不更新
    SERIOUS_ERROR = "serious_error"  # 严重表述错误 / 泄密 / 反动暴力色情


@dataclass(frozen=True, slots=True)
class Veto:
    """One veto item: the account concerned, and the days (silence) or terms (errors)."""

    kind: VetoKind
    account: str
    days: int = 0
    terms: tuple[str, ...] = ()


class Suggestion(StrEnum):
    """What the office may propose for the unit this month."""

    NONE = "none"
    COMMEND = "commend"  # 表扬 (001 § 篇3 art.17)
    CRITICISE = "criticise"  # 批评 (001 § 篇3 art.18)


SUGGESTION_LABELS: dict[Suggestion, str] = {
    Suggestion.NONE: "",
    Suggestion.COMMEND: "表扬",
    Suggestion.CRITICISE: "批评",
}


class Why(StrEnum):
    """A reason given with a suggestion."""

    FAILED = "failed"  # 考核不合格
    SILENT_AFTER_REMINDERS = "silent_after_reminders"  # 多次提醒仍未更新
    MISMATCH = "mismatch"  # 发布稿与审批稿不一致
    EXEMPLARY = "exemplary"  # 发布及时、质量优


@dataclass(frozen=True, slots=True)
class Reason:
    """One reason of a suggestion: what, about which account, how many days or times."""

    why: Why
    account: str = ""
    count: int = 0


@dataclass(frozen=True, slots=True)
class ItemResult:
    """One deduction item: how many times, and the points taken."""

    item: Item
    count: int
    points: int


@dataclass(frozen=True, slots=True)
class UnitAssessment:
    """The month of one unit, judged."""

    figures: UnitMonth
    items: tuple[ItemResult, ...]
    score: int
    """100 minus the deductions (kept even when a veto fails the month)."""
    vetoes: tuple[Veto, ...]
    qualified: bool
    suggestion: Suggestion
    reasons: tuple[Reason, ...]

    @property
    def unit_id(self) -> int:
        """The unit."""
        return self.figures.unit_id

    @property
    def unit_name(self) -> str:
        """The unit's name."""
        return self.figures.unit_name

    @property
    def vetoed(self) -> bool:
        """Whether a veto item failed the month."""
        return bool(self.vetoes)

    def count(self, item: Item) -> int:
        """How many times ``item`` occurred."""
        return next((r.count for r in self.items if r.item is item), 0)

    def points(self, item: Item) -> int:
        """The points ``item`` cost."""
        return next((r.points for r in self.items if r.item is item), 0)

    @property
    def deducted(self) -> int:
        """All points taken."""
        return sum(r.points for r in self.items)

    @property
    def result_label(self) -> str:
        """合格 or 不合格."""
        return "合格" if self.qualified else "不合格"


# -- arithmetic --------------------------------------------------------------------------


def median(values: Iterable[float]) -> float | None:
    """The median, or ``None`` for no values."""
    data = list(values)
    return float(statistics.median(data)) if data else None


def longest_silence(
    published: Iterable[date], first: date, last: date, *, before: date | None
) -> tuple[int, date | None]:
    """The most days in a row without a post reached on a day of ``first``–``last``.

    On a day without a post the account has been silent since the day after its last post;
    the largest such count over the period is returned with the first silent day. ``before``
    is the day of the last post before the period, or — for an account that never posted —
    the day before it opened (``None`` when not known: the silence then starts on
    ``first``). A post every day gives 0; posts on the 1st and the 15th give 13 (the 2nd to
    the 14th); 14 is the national veto ("no update within two weeks").
    """
    if last < first:
        return 0, None
    previous = before if before is not None else first - timedelta(days=1)
    best, since = 0, None
    for day in sorted({d for d in published if first <= d <= last}):
        length = (day - previous).days - 1
        if length > best and day - timedelta(days=1) >= first:
            best, since = length, previous + timedelta(days=1)
        previous = max(previous, day)
    length = (last - previous).days
    if length > best:
        best, since = length, previous + timedelta(days=1)
    return best, since


def serious_terms(text: str, lexicon: Lexicon | None = None) -> tuple[str, ...]:
    """The lexicon terms of severity ``block`` in ``text`` (严重差错, banned content).

    Privacy and platform findings are left out: they are not veto items (see the module
    text). ``lexicon`` defaults to the shipped lexicons.
    """
    result = check(text, lexicons=lexicon)
    terms = [
        f.term
        for f in result.findings
        if f.severity is Severity.BLOCK and f.rule.startswith("lexicon:")
    ]
    return tuple(dict.fromkeys(terms))


def item_counts(figures: UnitMonth, rules: AssessmentRules) -> dict[Item, int]:
    """How often each deduction item occurred."""
    slow = sum(1 for h in figures.approval_hours if h > rules.slow_approval_hours)
    silent = sum(1 for a in figures.accounts if a.silent_days >= rules.yellow_days)
    return {
        Item.CADENCE_MISSES: figures.cadence_misses,
        Item.SILENT_ACCOUNTS: silent,
        Item.SLOW_APPROVALS: slow,
        Item.REJECTIONS: figures.rejections,
        Item.CHECKER_BLOCKS: figures.checker_blocks,
        Item.MISMATCHES: figures.mismatches,
        Item.LATE_ANSWERS: figures.late_answers,
        Item.LATE_INCIDENT_STEPS: figures.late_incident_steps,
        Item.ROTATION_OVERDUE: figures.rotation_overdue,
    }


def _vetoes(figures: UnitMonth, rules: AssessmentRules) -> list[Veto]:
    vetoes = [
        Veto(VetoKind.SILENT, a.name, days=a.silent_days)
        for a in figures.accounts
        if a.silent_days >= rules.veto_silent_days
    ]
    vetoes += [
        Veto(VetoKind.SERIOUS_ERROR, e.account, terms=e.terms) for e in figures.serious_errors
    ]
    return vetoes


def _suggestion(
    figures: UnitMonth,
    counts: Mapping[Item, int],
    score: int,
    qualified: bool,
    rules: AssessmentRules,
) -> tuple[Suggestion, tuple[Reason, ...]]:
    reasons: list[Reason] = []
    if not qualified:
        reasons.append(Reason(Why.FAILED, count=score))
    reasons += [
        Reason(Why.SILENT_AFTER_REMINDERS, a.name, a.silent_days)
        for a in figures.accounts
        if a.silent_days >= rules.criticise_silent_days
    ]
    if figures.mismatches:
        reasons.append(Reason(Why.MISMATCH, count=figures.mismatches))
    if reasons:
        return Suggestion.CRITICISE, tuple(reasons)
    exemplary = (
        score >= rules.commend_score
        and figures.published > 0
        and counts[Item.SILENT_ACCOUNTS] == 0
        and counts[Item.CADENCE_MISSES] == 0
        and counts[Item.LATE_ANSWERS] == 0
        and counts[Item.LATE_INCIDENT_STEPS] == 0
    )
    if exemplary:
        return Suggestion.COMMEND, (Reason(Why.EXEMPLARY, count=score),)
    return Suggestion.NONE, ()


def assess(figures: UnitMonth, rules: AssessmentRules = DEFAULT_RULES) -> UnitAssessment:
    """Judge one unit's month: vetoes, deductions (each capped), score, suggestion."""
    counts = item_counts(figures, rules)
    items = tuple(ItemResult(item, n, rules.deduction(item).of(n)) for item, n in counts.items())
    score = max(FULL_SCORE - sum(r.points for r in items), 0)
    vetoes = tuple(_vetoes(figures, rules))
    qualified = not vetoes and score >= rules.pass_score
    suggestion, reasons = _suggestion(figures, counts, score, qualified, rules)
    return UnitAssessment(figures, items, score, vetoes, qualified, suggestion, reasons)


# -- texts (exports and the command line; the window translates its own) ------------------


def veto_text(veto: Veto) -> str:
    """One veto in Chinese: 江城气象连续14天未更新 / 江城气象发布严重差错（中华人民共合国）."""
    if veto.kind is VetoKind.SILENT:
        return f"{veto.account}连续{veto.days}天未更新"
    terms = "、".join(veto.terms)
    return f"{veto.account}发布内容有严重差错" + (f"（{terms}）" if terms else "")


def reason_text(reason: Reason) -> str:
    """One reason of a suggestion in Chinese."""
    if reason.why is Why.FAILED:
        return "考核不合格"
    if reason.why is Why.SILENT_AFTER_REMINDERS:
        return f"{reason.account}连续{reason.count}天未更新，经多次提醒仍未改进"
    if reason.why is Why.MISMATCH:
        return f"{reason.count}条发布内容与审批稿不一致"
    return "发布及时、更新达标、回应及时"


def suggestion_text(result: UnitAssessment) -> str:
    """``批评：考核不合格；…`` or ``表扬：…`` or empty."""
    if result.suggestion is Suggestion.NONE:
        return ""
    reasons = "；".join(reason_text(r) for r in result.reasons)
    return f"{SUGGESTION_LABELS[result.suggestion]}：{reasons}"
