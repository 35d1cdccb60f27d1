"""Reports over posts: the simple post list, the 发布台账 and the import of an old ledger.

* :meth:`PostReports.ledger_rows` reads one row per publication of a period with two
  queries in all (the publications with their accounts and posts, then the approvers of
  those posts), never one query per row.
* :meth:`PostReports.import_publications` brings in an existing Excel ledger (账号,
  发布时间, 标题, 链接, 栏目): every row is checked first and the file is imported whole or
  not at all, with every problem listed by row and column (``ImportRejectedError``).

Read-only methods take ``actor=None`` for the local command line, as the account registry
does; the import always needs a signed-in person who may draft posts for each row's
account (DOMAIN.md "Posts and approval"; issue 5 "Publication log").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import and_, select
from sqlalchemy.orm import Session

from newmedia_desk.domain.accounts import (
    DECISION_LABELS,
    Decision,
    ImportRejectedError,
    ImportRowError,
)
from newmedia_desk.domain.clock import Clock
from newmedia_desk.domain.errors import ValidationError
from newmedia_desk.domain.posts import (
    MAX_SHORT,
    MAX_TITLE,
    STATUS_LABELS,
    TIER_LABELS,
    PostStatus,
    Tier,
)
from newmedia_desk.domain.roles import Permission
from newmedia_desk.domain.staff import Principal
from newmedia_desk.domain.working_days import OFFICE_TZ
from newmedia_desk.services.audit import AuditService
from newmedia_desk.services.common import require
from newmedia_desk.services.posts import PublicationView
from newmedia_desk.services.sheet_reader import SheetLayout, SheetRow, read_sheet
from newmedia_desk.storage.database import Database
from newmedia_desk.storage.models import Account, Platform, Staff
from newmedia_desk.storage.post_models import Post, PostSignOff, PostTarget, Publication

if TYPE_CHECKING:
    pass

IMPORT_COLUMNS = ("账号", "发布时间", "标题", "链接", "栏目", "平台")
"""The columns of a publication ledger; extra columns are ignored. 平台 is optional: an
office's accounts often share one name across platforms (江城气象 on 微博, 微信, 抖音), and
the platform, or failing that the link's site, tells them apart."""

LINK_PLATFORMS: tuple[tuple[str, str], ...] = (
    ("weibo.com", "微博"),
    ("weibo.cn", "微博"),
    ("mp.weixin.qq.com", "微信"),
    ("douyin.com", "抖音"),
    ("toutiao.com", "头条"),
    ("tieba.baidu.com", "贴吧"),
)
"""Sites whose links show the platform (host suffix → a word of the platform's name)."""

REQUIRED_COLUMNS = ("账号", "发布时间", "标题")
"""Columns the header must have and a data row must fill; 链接 and 栏目 may be missing."""

MAX_IMPORT_ROWS = 50_000
"""More data rows than this are refused (split the file)."""

MAX_LINK = 500
FUTURE_SLACK = timedelta(minutes=5)
"""A publication time later than now by more than this is refused."""

TIME_FORMATS = (
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d %H:%M:%S",
    "%Y/%m/%d %H:%M",
    "%Y/%m/%d %H:%M:%S",
    "%Y年%m月%d日 %H:%M",
    "%Y年%m月%d日%H:%M",
    "%Y-%m-%dT%H:%M",
    "%Y-%m-%dT%H:%M:%S",
)
"""Texts accepted in 发布时间, read as Beijing time."""

REMOVAL_LABELS = {"withdrawn": "撤回", "deleted": "删除"}
DIRECT_APPROVERS = "无需审批（直接发布）"


@dataclass(frozen=True, slots=True)
class PostSummary:
    """One line of ``list posts``."""

    id: int
    status: PostStatus
    tier: Tier
    title: str
    accounts: tuple[str, ...]
    planned_at: datetime | None
    drafter: str

    @property
    def status_label(self) -> str:
        """The status in Chinese (草稿, 审批中 …)."""
        return STATUS_LABELS[self.status]

    @property
    def tier_label(self) -> str:
        """The tier in Chinese (一般, 重要, 敏感)."""
        return TIER_LABELS[self.tier]


@dataclass(frozen=True, slots=True)
class LedgerRow:
    """One publication as the 发布台账 lists it; texts are what the cells show."""

    publication_id: int
    post_id: int | None
    published_at: datetime
    account: str
    platform: str
    column: str
    title: str
    link: str
    platform_post_id: str
    tier: str
    approvers: str
    """Every step of the approving round in order.

    For example "责任人审核：钱芳；分管领导审批：赵敏 代 刘志强".
    """
    matches: str
    """是, 否（不一致）, 未核对 (no pasted text) or — (imported)."""
    removal: str
    """撤回 or 删除 with the Beijing time, or empty."""
    removal_reason: str
    imported: bool


def period_bounds(start: date, end: date) -> tuple[datetime, datetime]:
    """The instants from ``start`` 00:00 to the day after ``end`` 00:00, Beijing time."""
    if end < start:
        raise ValidationError("the period ends before it starts", field="end")
    return (
        datetime.combine(start, time(0), OFFICE_TZ),
        datetime.combine(end + timedelta(days=1), time(0), OFFICE_TZ),
    )


def approver_text(steps: Sequence[tuple[str, str, str, str | None]]) -> str:
    """Render (step title, signer, leader signed for, decision) as one ledger cell."""
    parts = []
    for title, signer, leader, decision in steps:
        who = f"{signer} 代 {leader}" if leader else signer
        said = "" if decision in (None, Decision.AGREE.value) else f"（{_decision(decision)}）"
        parts.append(f"{title}：{who}{said}")
    return "；".join(parts)


def _decision(value: str | None) -> str:
    return "" if value is None else DECISION_LABELS[Decision(value)]


class PostReports:
    """The post list, the publication ledger and the import of an old ledger."""

    def __init__(self, db: Database, audit: AuditService, clock: Clock) -> None:
        self._db = db
        self._audit = audit
        self._clock = clock

    # -- reading -------------------------------------------------------------------------

    @staticmethod
    def _may_view(actor: Principal | None) -> None:
        if actor is not None:
            require(actor, Permission.VIEW_POSTS)

    def list_posts(
        self,
        actor: Principal | None,
        *,
        status: PostStatus | None = None,
        limit: int | None = None,
    ) -> list[PostSummary]:
        """Posts, newest first, optionally of one status (two queries in all)."""
        self._may_view(actor)
        wanted = select(Post.id)
        if status is not None:
            wanted = wanted.where(Post.status == PostStatus(status).value)
        wanted = wanted.order_by(Post.id.desc())
        if limit is not None:
            wanted = wanted.limit(max(limit, 0))
        with self._db.read() as s:
            rows = s.execute(
                select(
                    Post.id,
                    Post.status,
                    Post.tier,
                    Post.title,
                    Post.planned_at,
                    Staff.name,
                )
                .join(Staff, Staff.id == Post.drafter_id)
                .where(Post.id.in_(wanted.scalar_subquery()))
                .order_by(Post.id.desc())
            ).all()
            accounts: dict[int, list[str]] = {}
            for post_id, name, platform in s.execute(
                select(PostTarget.post_id, Account.name, Platform.name)
                .join(Account, Account.id == PostTarget.account_id)
                .join(Platform, Platform.id == Account.platform_id)
                .where(PostTarget.post_id.in_(wanted.scalar_subquery()))
                .order_by(PostTarget.post_id, Account.id)
            ):
                # With the platform: one office's accounts often share a name.
                accounts.setdefault(post_id, []).append(f"{name}({platform})")
        return [
            PostSummary(
                id=i,
                status=PostStatus(st),
                tier=Tier(tier),
                title=title,
                accounts=tuple(accounts.get(i, ())),
                planned_at=planned,
                drafter=drafter,
            )
            for i, st, tier, title, planned, drafter in rows
        ]

    def ledger_rows(self, actor: Principal | None, start: date, end: date) -> list[LedgerRow]:
        """Every publication from ``start`` to ``end`` (Beijing dates, inclusive), by time.

        Two queries: the publications joined with account, platform and post; then the
        decided steps of the approving round (the post's latest round) of those posts.
        """
        self._may_view(actor)
        begin, stop = period_bounds(start, end)
        in_period = and_(Publication.published_at >= begin, Publication.published_at < stop)
        with self._db.read() as s:
            pubs = s.execute(
                select(
                    Publication.id,
                    Publication.post_id,
                    Publication.published_at,
                    Account.name,
                    Platform.name,
                    Publication.column,
                    Publication.title,
                    Publication.link,
                    Publication.platform_post_id,
                    Post.tier,
                    Post.direct,
                    Publication.published_text,
                    Publication.mismatch,
                    Publication.removed_at,
                    Publication.removal_kind,
                    Publication.removal_reason,
                    Publication.imported,
                )
                .join(Account, Account.id == Publication.account_id)
                .join(Platform, Platform.id == Account.platform_id)
                .outerjoin(Post, Post.id == Publication.post_id)
                .where(in_period)
                .order_by(Publication.published_at, Publication.id)
            ).all()
            steps: dict[int, list[tuple[str, str, str, str | None]]] = {}
            for step_post, step_title, signer, leader, decision in s.execute(
                select(
                    PostSignOff.post_id,
                    PostSignOff.title,
                    PostSignOff.signer_name,
                    PostSignOff.on_behalf_of_name,
                    PostSignOff.decision,
                )
                .join(
                    Post,
                    and_(Post.id == PostSignOff.post_id, Post.approval_round == PostSignOff.round),
                )
                .where(
                    PostSignOff.post_id.in_(
                        select(Publication.post_id)
                        .where(in_period, Publication.post_id.is_not(None))
                        .scalar_subquery()
                    ),
                    PostSignOff.decision.is_not(None),
                    PostSignOff.voided_at.is_(None),
                )
                .order_by(PostSignOff.post_id, PostSignOff.position)
            ):
                steps.setdefault(step_post, []).append((step_title, signer, leader, decision))
        rows: list[LedgerRow] = []
        for (
            pub_id,
            post_id,
            published_at,
            account,
            platform,
            column,
            title,
            link,
            platform_ref,
            tier,
            direct,
            text,
            mismatch,
            removed_at,
            removal_kind,
            removal_reason,
            imported,
        ) in pubs:
            if post_id is None:
                approvers, matches = "", "—"
            else:
                found = steps.get(post_id)
                approvers = approver_text(found) if found else (DIRECT_APPROVERS if direct else "")
                matches = "未核对" if text is None else ("否（不一致）" if mismatch else "是")
            removal = ""
            if removed_at is not None:
                label = REMOVAL_LABELS.get(removal_kind or "", removal_kind or "")
                removal = f"{label} {removed_at.astimezone(OFFICE_TZ):%Y-%m-%d %H:%M}"
            rows.append(
                LedgerRow(
                    publication_id=pub_id,
                    post_id=post_id,
                    published_at=published_at,
                    account=account,
                    platform=platform,
                    column=column,
                    title=title,
                    link=link,
                    platform_post_id=platform_ref,
                    tier="" if tier is None else TIER_LABELS[Tier(tier)],
                    approvers=approvers,
                    matches=matches,
                    removal=removal,
                    removal_reason=removal_reason,
                    imported=imported,
                )
            )
        return rows

    # -- import --------------------------------------------------------------------------

    def import_publications(self, actor: Principal, path: Path) -> list[PublicationView]:
        """Import an Excel publication ledger: all rows or none.

        Each row becomes a ``Publication`` without a post (``imported``), published at the
        row's 发布时间 in Beijing time. Any problem raises ``ImportRejectedError`` listing
        every row and column at fault, and nothing is written. One audit entry records the
        file and the number of rows.
        """
        require(actor, Permission.DRAFT_POSTS, actor.unit_id)
        rows, errors = read_publication_ledger(Path(path))
        now = self._clock.now()
        with self._db.write() as s:
            accounts = list(
                s.execute(
                    select(Account.id, Account.name, Account.handle, Account.unit_id, Platform.name)
                    .join(Platform, Platform.id == Account.platform_id)
                    .order_by(Account.id)
                )
            )
            by_name: dict[str, list[int]] = {}
            by_handle: dict[str, list[int]] = {}
            info: dict[int, tuple[str, int, str]] = {}
            for known, name, handle, unit_id, platform in accounts:
                info[known] = (name, unit_id, platform)
                by_name.setdefault(name, []).append(known)
                if handle:
                    by_handle.setdefault(handle, []).append(known)
            ready: list[tuple[int, _Parsed]] = []
            for line in rows:
                parsed, problems = _check_row(line, now)
                account_id: int | None = None
                text = line.values.get("账号", "")
                if text:
                    candidates = _narrow(
                        sorted(set(by_name.get(text) or by_handle.get(text) or [])),
                        info,
                        line.values.get("平台", ""),
                        line.values.get("链接", ""),
                    )
                    if not candidates:
                        problems.append(
                            ImportRowError(line.row, "账号", f"no account called {text}")
                        )
                    elif len(set(candidates)) > 1:
                        ids = ", ".join(f"{i} ({info[i][2]})" for i in sorted(set(candidates)))
                        problems.append(
                            ImportRowError(
                                line.row,
                                "账号",
                                f"several accounts are called {text} ({ids}): add a 平台 "
                                "column naming the platform",
                            )
                        )
                    else:
                        account_id = candidates[0]
                        if not actor.can(Permission.DRAFT_POSTS, info[account_id][1]):
                            problems.append(
                                ImportRowError(
                                    line.row,
                                    "账号",
                                    "you may not record publications of this account's unit",
                                )
                            )
                if problems or parsed is None or account_id is None:
                    errors += problems
                    continue
                ready.append((account_id, parsed))
            errors += self._duplicates(s, ready)
            if errors:
                raise ImportRejectedError(sorted(errors, key=lambda e: (e.row, e.column)))
            created = [
                Publication(
                    post_id=None,
                    revision=None,
                    account_id=account_id,
                    published_at=p.published_at,
                    title=p.title,
                    column=p.column,
                    link=p.link,
                    platform_post_id="",
                    published_text=None,
                    mismatch=False,
                    imported=True,
                    recorded_at=now,
                    recorded_by=actor.staff_id,
                )
                for account_id, p in ready
            ]
            s.add_all(created)
            s.flush()
            self._audit.append(
                s,
                actor,
                "publications_imported",
                "publication",
                "import",
                after={
                    "file": Path(path).name,
                    "rows": len(created),
                    "first_id": created[0].id,
                    "last_id": created[-1].id,
                },
            )
            return [
                PublicationView(
                    id=p.id,
                    post_id=None,
                    revision=None,
                    account_id=p.account_id,
                    account_name=info[p.account_id][0],
                    platform=info[p.account_id][2],
                    published_at=p.published_at,
                    title=p.title,
                    column=p.column,
                    link=p.link,
                    platform_post_id="",
                    published_text=None,
                    mismatch=False,
                    imported=True,
                    removed_at=None,
                    removal_kind=None,
                    removal_reason="",
                    version=p.version,
                )
                for p in created
            ]

    @staticmethod
    def _duplicates(s: Session, ready: list[tuple[int, _Parsed]]) -> list[ImportRowError]:
        """Rows repeated in the file, or already recorded (same account, time and title)."""
        errors: list[ImportRowError] = []
        if not ready:
            return errors
        seen: dict[tuple[int, datetime, str], int] = {}
        for account_id, p in ready:
            key = (account_id, p.published_at, p.title)
            if key in seen:
                errors.append(
                    ImportRowError(
                        p.row, "标题", f"the same publication is already in row {seen[key]}"
                    )
                )
            seen.setdefault(key, p.row)
        earliest = min(p.published_at for _, p in ready)
        latest = max(p.published_at for _, p in ready)
        existing = {
            (a, at.astimezone(OFFICE_TZ), t)
            for a, at, t in s.execute(
                select(Publication.account_id, Publication.published_at, Publication.title).where(
                    Publication.published_at >= earliest,
                    Publication.published_at <= latest,
                    Publication.account_id.in_({a for a, _ in ready}),
                )
            )
        }
        for account_id, p in ready:
            if (account_id, p.published_at, p.title) in existing:
                errors.append(
                    ImportRowError(
                        p.row,
                        "标题",
                        "already recorded (same account, time and title)",
                    )
                )
        return errors


# --------------------------------------------------------------------------- reading files


@dataclass(frozen=True, slots=True)
class _Parsed:
    row: int
    published_at: datetime
    title: str
    link: str
    column: str


def parse_time(value: object) -> datetime | str:
    """Read a 发布时间 cell as an aware Beijing time, or return what is wrong with it."""
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            return value.astimezone(OFFICE_TZ)
        return value.replace(tzinfo=OFFICE_TZ)
    if isinstance(value, date):
        return "give the time as well, e.g. 2026-03-02 09:30"
    if isinstance(value, str):
        text = " ".join(value.replace("：", ":").replace("／", "/").split())
        for fmt in TIME_FORMATS:
            try:
                return datetime.strptime(text, fmt).replace(tzinfo=OFFICE_TZ)
            except ValueError:
                continue
        return f"expected a date and time such as 2026-03-02 09:30, not {value.strip()!r}"
    if value is None:
        return "this value is required"
    return "expected a date and time such as 2026-03-02 09:30, not a number"


def _check_row(line: SheetRow, now: datetime) -> tuple[_Parsed | None, list[ImportRowError]]:
    problems: list[ImportRowError] = []
    v = line.values
    for column in REQUIRED_COLUMNS:
        if column not in ("发布时间", *line.bad_columns) and not v.get(column):
            problems.append(ImportRowError(line.row, column, "this value is required"))
    when = parse_time(line.raw.get("发布时间"))
    if isinstance(when, str):
        if "发布时间" not in line.bad_columns:
            problems.append(ImportRowError(line.row, "发布时间", when))
    elif when > now + FUTURE_SLACK:
        problems.append(ImportRowError(line.row, "发布时间", "the time is in the future"))
    title, link, column = v.get("标题", ""), v.get("链接", ""), v.get("栏目", "")
    for name, value, limit in (("标题", title, MAX_TITLE), ("链接", link, MAX_LINK)):
        if "\n" in value:
            problems.append(ImportRowError(line.row, name, "must be one line"))
        elif len(value) > limit:
            problems.append(ImportRowError(line.row, name, f"longer than {limit} characters"))
    if len(column) > MAX_SHORT or "\n" in column:
        problems.append(
            ImportRowError(line.row, "栏目", f"one line of at most {MAX_SHORT} characters")
        )
    if link and not link.lower().startswith(("http://", "https://")):
        problems.append(ImportRowError(line.row, "链接", "a link starts with http:// or https://"))
    if problems or isinstance(when, str):
        return None, problems
    return _Parsed(line.row, when, title, link, column), problems


def _narrow(
    candidates: list[int], info: dict[int, tuple[str, int, str]], platform: str, link: str
) -> list[int]:
    """The accounts of one name on the row's platform (its 平台, else its link's site)."""
    if len(candidates) < 2:
        return candidates
    wanted = platform.strip()
    if not wanted and link:
        from urllib.parse import urlsplit

        host = (urlsplit(link.strip()).hostname or "").lower()
        wanted = next(
            (word for site, word in LINK_PLATFORMS if host == site or host.endswith("." + site)),
            "",
        )
    if not wanted:
        return candidates
    exact = [i for i in candidates if info[i][2] == wanted]
    return exact or [i for i in candidates if wanted in info[i][2]] or candidates


PUBLICATION_LAYOUT = SheetLayout(
    columns=IMPORT_COLUMNS,
    required=REQUIRED_COLUMNS,
    max_rows=MAX_IMPORT_ROWS,
    raw_columns=("发布时间",),
)


def read_publication_ledger(path: Path) -> tuple[list[SheetRow], list[ImportRowError]]:
    """Read the first sheet of an xlsx publication ledger (发布时间 as stored in the cell).

    Returns the data rows and the problems of single cells (formulas, wrong types, missing
    header columns are raised at once as ``ImportRejectedError``).
    """
    return read_sheet(path, PUBLICATION_LAYOUT)
