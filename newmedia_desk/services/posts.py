"""Posts: drafting with revisions, tiered approval signed on this PC, publication log.

Rules (DOMAIN.md "Posts and approval", issue 5): the tier is chosen by the clerk but never
below what the checker requires, and nothing blocking may be submitted; each route step is
signed in order by a holder of its role, with the signer's personal key (so a sign-off
cannot be forged by writing to the database); nobody approves their own post or signs two
steps; any change of the content voids the sign-offs of the round and starts a new round on
the new revision; a post not approved by its planned time expires; publication is recorded
only after the route is complete, and a published text that differs from the approved one
is flagged.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from newmedia_desk.domain.accounts import Decision
from newmedia_desk.domain.checker.check import CheckResult, Finding, SuggestedTier, check
from newmedia_desk.domain.checker.lexicon import Lexicon
from newmedia_desk.domain.clock import Clock
from newmedia_desk.domain.errors import NotFoundError, SignInFailedError, ValidationError
from newmedia_desk.domain.posts import (
    DEFAULT_ROUTES,
    MAX_REASON,
    ActivityType,
    PostContent,
    PostKind,
    PostStatus,
    Route,
    Routes,
    RouteStep,
    SignOffRecord,
    Tier,
    check_post_signer,
    check_tier,
    is_expired,
    route_for,
    signoff_payload,
    text_matches,
    validate_content,
    validate_opinion,
)
from newmedia_desk.domain.roles import Permission, Role
from newmedia_desk.domain.staff import Principal
from newmedia_desk.security.personal_keys import PersonalKeyError
from newmedia_desk.services.audit import Actor, AuditService
from newmedia_desk.services.common import check_version, require
from newmedia_desk.services.delegations import active_grants
from newmedia_desk.services.keys import KeyService
from newmedia_desk.storage.cadence_models import CrisisHold
from newmedia_desk.storage.database import Database
from newmedia_desk.storage.models import Account, Platform, Staff
from newmedia_desk.storage.post_models import (
    Post,
    PostRevision,
    PostSignOff,
    PostTarget,
    Publication,
)
from newmedia_desk.storage.post_search import index_post
from newmedia_desk.storage.repositories import StaffRepository, UnitRepository

LexiconSource = Callable[[], Lexicon]


@dataclass(frozen=True, slots=True)
class PostAccount:
    """A target account as the post shows it."""

    id: int
    name: str
    platform: str
    unit_id: int


@dataclass(frozen=True, slots=True)
class SignOffView:
    """One route step of one round, as shown and printed."""

    id: int
    revision: int
    round: int
    position: int
    key: str
    title: str
    role: Role
    signer_id: int | None
    signer_name: str
    on_behalf_of_id: int | None
    on_behalf_of_name: str
    decision: Decision | None
    opinion: str
    signed_at: datetime | None
    content_sha256: str
    signed: bool
    """Whether the decision carries a personal-key signature."""
    voided_at: datetime | None


@dataclass(frozen=True, slots=True)
class PublicationView:
    """One recorded publication of a post on one account."""

    id: int
    post_id: int | None
    revision: int | None
    account_id: int
    account_name: str
    platform: str
    published_at: datetime
    title: str
    column: str
    link: str
    platform_post_id: str
    published_text: str | None
    mismatch: bool
    imported: bool
    removed_at: datetime | None
    removal_kind: str | None
    removal_reason: str
    version: int


@dataclass(frozen=True, slots=True)
class RevisionView:
    """One saved revision of a post."""

    number: int
    content: PostContent
    content_sha256: str
    planned_at: datetime | None
    checker_tier: Tier
    checker_blocks: bool
    checker_findings: int
    created_at: datetime
    created_by: str
    note: str


@dataclass(frozen=True, slots=True)
class PostRecord:
    """A post with its current revision, targets, sign-offs and publications."""

    id: int
    unit_id: int
    unit_name: str
    drafter_id: int
    drafter_name: str
    status: PostStatus
    current: RevisionView
    accounts: tuple[PostAccount, ...]
    approval_round: int
    round_revision: int | None
    direct: bool
    filing_required: bool
    filed_at: datetime | None
    approved_at: datetime | None
    created_at: datetime
    updated_at: datetime
    version: int
    signoffs: tuple[SignOffView, ...]
    publications: tuple[PublicationView, ...]

    @property
    def content(self) -> PostContent:
        """The current revision's content."""
        return self.current.content

    @property
    def planned_at(self) -> datetime | None:
        """When the post is planned to go out."""
        return self.current.planned_at

    def round_steps(self) -> tuple[SignOffView, ...]:
        """The steps of the current round, in order."""
        return tuple(
            s for s in self.signoffs if s.round == self.approval_round and s.voided_at is None
        )

    def next_step(self) -> SignOffView | None:
        """The step waiting for a decision (``None`` when none is)."""
        if self.status is not PostStatus.IN_APPROVAL:
            return None
        return next((s for s in self.round_steps() if s.decision is None), None)


@dataclass(frozen=True, slots=True)
class SignatureCheck:
    """What checking every post sign-off found (for ``newmedia-desk verify``)."""

    checked: int
    bad: tuple[str, ...]

    @property
    def ok(self) -> bool:
        """Whether nothing failed."""
        return not self.bad


def _tier_of(suggested: SuggestedTier) -> Tier:
    return Tier(suggested.value)


def _merge_results(results: Sequence[CheckResult]) -> CheckResult:
    seen: set[tuple[str, int, int, str, str]] = set()
    findings: list[Finding] = []
    for result in results:
        for f in result.findings:
            key = (f.field, f.start, f.end, f.rule, f.term)
            if key not in seen:
                seen.add(key)
                findings.append(f)
    tiers = [r.suggested_tier for r in results] or [SuggestedTier.GENERAL]
    order = [SuggestedTier.GENERAL, SuggestedTier.IMPORTANT, SuggestedTier.SENSITIVE]
    tier = max(tiers, key=order.index)
    return CheckResult(tuple(findings), tier, any(r.blocks for r in results))


class PostService:
    """Use cases of posts. Every write is one transaction with its audit entries."""

    def __init__(
        self,
        db: Database,
        audit: AuditService,
        clock: Clock,
        keys: KeyService,
        lexicons: LexiconSource | None = None,
        *,
        allow_direct: Callable[[], bool] | None = None,
        routes: Callable[[], Routes] | None = None,
    ) -> None:
        self._db = db
        self._audit = audit
        self._clock = clock
        self._keys = keys
        self._lexicons = lexicons
        self._allow_direct = allow_direct if allow_direct is not None else (lambda: True)
        self._routes = routes if routes is not None else (lambda: DEFAULT_ROUTES)

    # -- checking ------------------------------------------------------------------------

    def check_content(self, content: PostContent, platforms: Sequence[str]) -> CheckResult:
        """Run the checker over title and body, once per target platform's rules."""
        lexicon = self._lexicons() if self._lexicons is not None else None
        names: Sequence[str | None] = sorted(set(platforms)) or [None]
        return _merge_results(
            [check(content.body, title=content.title, platform=p, lexicons=lexicon) for p in names]
        )

    # -- reading -------------------------------------------------------------------------

    def get(self, actor: Principal | None, post_id: int) -> PostRecord:
        """One post with everything shown about it (``actor=None``: the local command line)."""
        if actor is not None:
            require(actor, Permission.VIEW_POSTS)
        with self._db.read() as s:
            return self._record(s, self._row(s, post_id))

    def status_counts(self, actor: Principal) -> dict[PostStatus, int]:
        """How many posts are in each status (the start view's figures)."""
        require(actor, Permission.VIEW_POSTS)
        with self._db.read() as s:
            rows = s.execute(select(Post.status, func.count()).group_by(Post.status))
            return {PostStatus(status): int(n) for status, n in rows}

    def expiring(self, actor: Principal, *, hours: int = 24) -> list[tuple[int, str, datetime]]:
        """Posts still in approval whose planned time comes within ``hours``: (id, title, at)."""
        require(actor, Permission.VIEW_POSTS)
        now = self._clock.now()
        with self._db.read() as s:
            rows = s.execute(
                select(Post.id, Post.title, Post.planned_at)
                .where(
                    Post.status.in_([PostStatus.IN_APPROVAL.value, PostStatus.RETURNED.value]),
                    Post.planned_at.is_not(None),
                    Post.planned_at > now,
                    Post.planned_at <= now + timedelta(hours=hours),
                )
                .order_by(Post.planned_at)
            )
            return [(i, t, at) for i, t, at in rows if at is not None]

    def filing_pending(self, actor: Principal) -> int:
        """Approved sensitive posts whose content is not filed (备案) yet."""
        require(actor, Permission.VIEW_POSTS)
        with self._db.read() as s:
            stmt = select(func.count()).where(
                Post.filing_required.is_(True),
                Post.filed_at.is_(None),
                Post.status.in_([PostStatus.APPROVED.value, PostStatus.PUBLISHED.value]),
            )
            return int(s.scalar(stmt) or 0)

    def revisions(self, actor: Principal, post_id: int) -> list[RevisionView]:
        """Every revision of a post, oldest first."""
        require(actor, Permission.VIEW_POSTS)
        with self._db.read() as s:
            self._row(s, post_id)
            rows = s.scalars(
                select(PostRevision)
                .where(PostRevision.post_id == post_id)
                .order_by(PostRevision.number)
            )
            names = self._names(s)
            return [self._revision_view(r, names) for r in rows]

    def revision(self, actor: Principal, post_id: int, number: int) -> RevisionView:
        """One revision of a post."""
        require(actor, Permission.VIEW_POSTS)
        with self._db.read() as s:
            row = self._revision_row(s, post_id, number)
            return self._revision_view(row, self._names(s))

    def waiting_for(self, actor: Principal) -> list[PostRecord]:
        """Posts whose next step this person may sign now (in their name or as deputy)."""
        require(actor, Permission.VIEW_POSTS)
        with self._db.read() as s:
            person = StaffRepository(s).get(actor.staff_id)
            if person is None or person.left_at is not None:
                return []
            roles = frozenset(Role(r.role) for r in person.roles)
            scope = UnitRepository(s).subtree(person.unit_id)
            grants = active_grants(s, actor.staff_id, self._clock.now(), self._keys)
            rows = s.scalars(
                select(Post)
                .where(Post.status == PostStatus.IN_APPROVAL.value)
                .order_by(Post.planned_at.is_(None), Post.planned_at, Post.id)
            )
            found: list[PostRecord] = []
            for row in rows:
                steps = self._round_records(s, row)
                pending = next((st for st in steps if st.decision is None), None)
                if pending is None:
                    continue
                try:
                    check_post_signer(
                        step=pending,
                        round_steps=steps,
                        signer_id=actor.staff_id,
                        signer_roles=roles,
                        signer_unit_scope=scope,
                        post_unit_id=row.unit_id,
                        drafter_id=row.drafter_id,
                        grants=grants,
                    )
                except ValidationError:
                    continue
                found.append(self._record(s, row))
            return found

    # -- drafting ------------------------------------------------------------------------

    def create(
        self,
        actor: Principal,
        content: PostContent,
        *,
        planned_at: datetime | None = None,
        note: str = "",
    ) -> PostRecord:
        """Save a new draft (revision 1) for the drafter's own unit."""
        require(actor, Permission.DRAFT_POSTS, actor.unit_id)
        clean = validate_content(content)
        now = self._clock.now()
        with self._db.write() as s:
            self._check_accounts(s, actor, clean.account_ids)
            row = Post(
                unit_id=actor.unit_id,
                drafter_id=actor.staff_id,
                status=PostStatus.DRAFT.value,
                kind=clean.kind.value,
                tier=clean.tier.value,
                title=clean.title,
                column=clean.column,
                category=clean.category,
                revision=1,
                planned_at=planned_at,
                created_at=now,
                updated_at=now,
            )
            s.add(row)
            s.flush()
            revision = self._add_revision(s, row, clean, planned_at, actor, note)
            self._set_targets(s, row.id, clean.account_ids)
            index_post(s, row.id, clean.title, clean.body)
            self._audit.append(
                s,
                actor,
                "post_created",
                "post",
                row.id,
                after={"revision": 1, "content_sha256": revision.content_sha256},
            )
            return self._record(s, row)

    def save(
        self,
        actor: Principal,
        post_id: int,
        content: PostContent,
        *,
        planned_at: datetime | None,
        expected_version: int,
        note: str = "",
    ) -> PostRecord:
        """Save a new revision when content or planned time changed.

        A content change while in approval (or after approval, before publication) voids
        the round's sign-offs — they stay visible on the old revision — and a new round
        starts on the new revision; if the new content has a blocking finding, the post
        goes back to 草稿 instead.
        """
        clean = validate_content(content)
        with self._db.write() as s:
            row = self._row(s, post_id)
            self._require_drafting(actor, row)
            check_version("post", row.version, expected_version)
            status = PostStatus(row.status)
            if status in {PostStatus.PUBLISHED, PostStatus.WITHDRAWN, PostStatus.CANCELLED}:
                raise ValidationError(
                    "a published or cancelled post cannot be changed",
                    field="status",
                    status=status.value,
                )
            self._check_accounts(s, actor, clean.account_ids)
            current = self._revision_row(s, row.id, row.revision)
            content_changed = clean.sha256() != current.content_sha256
            if not content_changed and planned_at == current.planned_at:
                return self._record(s, row)
            now = self._clock.now()
            row.revision += 1
            revision = self._add_revision(s, row, clean, planned_at, actor, note)
            self._set_targets(s, row.id, clean.account_ids)
            index_post(s, row.id, clean.title, clean.body)
            row.title, row.column, row.category = clean.title, clean.column, clean.category
            row.tier, row.kind = clean.tier.value, clean.kind.value
            row.planned_at = planned_at
            row.updated_at = now
            after: dict[str, object] = {
                "revision": row.revision,
                "content_sha256": revision.content_sha256,
                "content_changed": content_changed,
            }
            if content_changed and status in {PostStatus.IN_APPROVAL, PostStatus.APPROVED}:
                voided = self._void_round(s, row, now)
                after["voided_signoffs"] = voided
                row.approved_at = None
                if revision.checker_blocks or self._below_required(revision):
                    row.status = PostStatus.DRAFT.value
                else:
                    self._start_round(s, row, clean, direct=False)
            elif status is PostStatus.EXPIRED and planned_at is not None and planned_at > now:
                # Re-planned: back to the drafter, to be submitted again.
                row.status = PostStatus.DRAFT.value
            elif status is PostStatus.IN_APPROVAL and planned_at != current.planned_at:
                row.round_revision = row.revision  # only the time moved; the round goes on
                s.execute(
                    update(PostSignOff)
                    .where(
                        PostSignOff.post_id == row.id,
                        PostSignOff.round == row.approval_round,
                    )
                    .values(revision=row.revision)
                )
            self._audit.append(s, actor, "post_saved", "post", row.id, after=after)
            return self._record(s, row)

    def submit(
        self, actor: Principal, post_id: int, *, expected_version: int, direct: bool = False
    ) -> PostRecord:
        """Send the current revision into approval (请领导审批 comes next).

        Refused while the checker finds something blocking, when the tier is below what
        the findings require, or when the planned time has passed. ``direct`` asks for the
        route without an approver (reposts and general knowledge of tier 一般 only, and
        only while the office allows it): the post is then approved at once.
        """
        with self._db.write() as s:
            row = self._row(s, post_id)
            self._require_drafting(actor, row)
            check_version("post", row.version, expected_version)
            status = PostStatus(row.status)
            if status not in {PostStatus.DRAFT, PostStatus.RETURNED}:
                raise ValidationError(
                    "only a draft or a returned post can be submitted",
                    field="status",
                    status=status.value,
                )
            revision = self._revision_row(s, row.id, row.revision)
            if revision.checker_blocks:
                raise ValidationError(
                    "the checker found something that must be fixed first", field="body"
                )
            check_tier(Tier(revision.tier), Tier(revision.checker_tier))
            now = self._clock.now()
            if revision.planned_at is not None and revision.planned_at <= now:
                raise ValidationError(
                    "the planned time has passed; plan the post again", field="planned_at"
                )
            content = self._content(revision)
            route = self._start_round(s, row, content, direct=direct)
            after = {
                "revision": row.revision,
                "round": row.approval_round,
                "route": [step.key for step in route.steps],
                "direct": route.direct,
            }
            self._audit.append(s, actor, "post_submitted", "post", row.id, after=after)
            return self._record(s, row)

    def recall(self, actor: Principal, post_id: int, *, expected_version: int) -> PostRecord:
        """Take a post back out of approval (the open round is voided)."""
        with self._db.write() as s:
            row = self._row(s, post_id)
            self._require_drafting(actor, row)
            check_version("post", row.version, expected_version)
            if row.status not in {PostStatus.IN_APPROVAL.value, PostStatus.APPROVED.value}:
                raise ValidationError("the post is not in approval", field="status")
            voided = self._void_round(s, row, self._clock.now())
            row.status = PostStatus.DRAFT.value
            row.approved_at = None
            row.updated_at = self._clock.now()
            self._audit.append(
                s, actor, "post_recalled", "post", row.id, after={"voided_signoffs": voided}
            )
            return self._record(s, row)

    def cancel(
        self, actor: Principal, post_id: int, reason: str, *, expected_version: int
    ) -> PostRecord:
        """Cancel (作废) a post that was not published."""
        why = reason.strip()
        if not why:
            raise ValidationError("give a reason", field="reason")
        if len(why) > MAX_REASON:
            raise ValidationError("reason is too long", field="reason", limit=MAX_REASON)
        with self._db.write() as s:
            row = self._row(s, post_id)
            self._require_drafting(actor, row)
            check_version("post", row.version, expected_version)
            if row.status in {PostStatus.PUBLISHED.value, PostStatus.WITHDRAWN.value}:
                raise ValidationError(
                    "a published post is withdrawn, not cancelled", field="status"
                )
            self._void_round(s, row, self._clock.now())
            before = row.status
            row.status = PostStatus.CANCELLED.value
            row.updated_at = self._clock.now()
            self._audit.append(
                s,
                actor,
                "post_cancelled",
                "post",
                row.id,
                before={"status": before},
                after={"reason": why},
            )
            return self._record(s, row)

    def expire_due(self) -> int:
        """Mark posts not approved by their planned time as 已过期; returns how many."""
        now = self._clock.now()
        with self._db.write() as s:
            rows = list(
                s.scalars(
                    select(Post).where(
                        Post.status.in_([PostStatus.IN_APPROVAL.value, PostStatus.RETURNED.value]),
                        Post.planned_at.is_not(None),
                        Post.planned_at <= now,
                    )
                )
            )
            for row in rows:
                if not is_expired(PostStatus(row.status), row.planned_at, now):
                    continue
                self._void_round(s, row, now)
                row.status = PostStatus.EXPIRED.value
                row.updated_at = now
                planned = None if row.planned_at is None else row.planned_at.isoformat()
                self._audit.append(
                    s, None, "post_expired", "post", row.id, after={"planned_at": planned}
                )
            return len(rows)

    # -- approval ------------------------------------------------------------------------

    def sign(
        self,
        signer: Principal,
        post_id: int,
        decision: Decision,
        opinion: str,
        *,
        revision: int,
        password: str,
    ) -> PostRecord:
        """Record the next approver's decision on the revision they read, signed with their key.

        ``signer`` has just signed in on this PC; ``password`` (typed now, never kept)
        unlocks their personal key. ``revision`` is the revision shown to them: if the
        post changed meanwhile, nothing is signed.
        """
        wanted = Decision(decision)
        text = validate_opinion(wanted, opinion)
        now = self._clock.now()
        with self._db.write() as s:
            row = self._row(s, post_id)
            if row.status != PostStatus.IN_APPROVAL.value:
                raise ValidationError(
                    "the post is not waiting for approval", field="status", status=row.status
                )
            if is_expired(PostStatus(row.status), row.planned_at, now):
                raise ValidationError(
                    "the planned time has passed; the post must be planned again",
                    field="planned_at",
                )
            if revision != row.round_revision:
                raise ValidationError(
                    "the post changed while you were reading it; read it again",
                    field="content",
                )
            stored = self._revision_row(s, row.id, revision)
            digest = self._content(stored).sha256()
            if digest != stored.content_sha256:
                raise ValidationError(
                    "the stored revision does not match its content hash", field="content"
                )
            person = StaffRepository(s).get(signer.staff_id)
            if person is None or person.left_at is not None:
                raise ValidationError("this person can no longer sign", field="signer")
            steps = self._round_rows(s, row)
            records = [self._signoff_record(r) for r in steps]
            pending = next((r for r in steps if r.decision is None), None)
            if pending is None:
                raise ValidationError("every step is already decided", field="step")
            on_behalf = check_post_signer(
                step=self._signoff_record(pending),
                round_steps=records,
                signer_id=person.id,
                signer_roles=frozenset(Role(r.role) for r in person.roles),
                signer_unit_scope=UnitRepository(s).subtree(person.unit_id),
                post_unit_id=row.unit_id,
                drafter_id=row.drafter_id,
                grants=active_grants(s, person.id, now, self._keys),
            )
            pending.signer_id = person.id
            pending.signer_name = person.name
            if on_behalf is not None:
                leader = StaffRepository(s).get(on_behalf)
                pending.on_behalf_of_id = on_behalf
                pending.on_behalf_of_name = "" if leader is None else leader.name
            pending.decision = wanted.value
            pending.opinion = text
            pending.signed_at = now
            payload = self.payload_of(pending)
            try:
                pending.signature = self._keys.sign(person.id, password, payload)
            except PersonalKeyError as exc:
                raise SignInFailedError("the signer's password is wrong") from exc
            if wanted is Decision.RETURN:
                for other in steps:
                    if other.decision is None and other is not pending:
                        other.voided_at = now
                row.status = PostStatus.RETURNED.value
            elif all(r.decision is not None for r in steps):
                row.status = PostStatus.APPROVED.value
                row.approved_at = now
            row.updated_at = now
            s.flush()
            self._audit.append(
                s,
                Actor(person.id, person.login),
                "post_signed",
                "post",
                row.id,
                after={
                    "revision": revision,
                    "round": row.approval_round,
                    "step": pending.key,
                    "decision": wanted.value,
                    "opinion": text,
                    "on_behalf_of": on_behalf,
                    "content_sha256": stored.content_sha256,
                },
            )
            return self._record(s, row)

    @staticmethod
    def payload_of(step: PostSignOff) -> bytes:
        """The bytes the signer's key signs for one decided step."""
        assert step.signer_id is not None and step.signed_at is not None
        assert step.decision is not None
        return signoff_payload(
            post_id=step.post_id,
            revision=step.revision,
            round_no=step.round,
            step_key=step.key,
            decision=Decision(step.decision),
            opinion=step.opinion,
            content_sha256=step.content_sha256,
            signer_id=step.signer_id,
            on_behalf_of_id=step.on_behalf_of_id,
            signed_at=step.signed_at,
        )

    def mark_filed(self, actor: Principal, post_id: int, *, expected_version: int) -> PostRecord:
        """Record that a sensitive post's content was filed (备案)."""
        with self._db.write() as s:
            row = self._row(s, post_id)
            self._require_drafting(actor, row)
            check_version("post", row.version, expected_version)
            if not row.filing_required:
                raise ValidationError("this post needs no filing", field="filing")
            row.filed_at = self._clock.now()
            row.updated_at = row.filed_at
            self._audit.append(s, actor, "post_filed", "post", row.id)
            return self._record(s, row)

    # -- publication ---------------------------------------------------------------------

    def record_publication(
        self,
        actor: Principal,
        post_id: int,
        account_id: int,
        *,
        published_at: datetime,
        link: str = "",
        platform_post_id: str = "",
        published_text: str | None = None,
        expected_version: int,
    ) -> PostRecord:
        """Record that the approved post went out on one of its accounts.

        Refused before the route is complete. A pasted text that differs from the
        approved body is saved as it is and flagged 与审批稿不一致.
        """
        link_text = link.strip()
        if len(link_text) > 500 or "\n" in link_text:
            raise ValidationError("the link is one line of at most 500 characters", field="link")
        post_ref = platform_post_id.strip()
        if len(post_ref) > 100:
            raise ValidationError("the platform post ID is too long", field="platform_post_id")
        with self._db.write() as s:
            row = self._row(s, post_id)
            self._require_drafting(actor, row)
            check_version("post", row.version, expected_version)
            if row.status not in {PostStatus.APPROVED.value, PostStatus.PUBLISHED.value}:
                raise ValidationError(
                    "a post is published only after its approval is complete",
                    field="status",
                    status=row.status,
                )
            targets = set(
                s.scalars(select(PostTarget.account_id).where(PostTarget.post_id == row.id))
            )
            if account_id not in targets:
                raise ValidationError("the post is not for this account", field="account")
            held = s.scalar(
                select(CrisisHold.id).where(
                    CrisisHold.account_id == account_id, CrisisHold.released_at.is_(None)
                )
            )
            if held is not None:
                raise ValidationError(
                    "publishing on this account is paused by a crisis hold",
                    field="account_ids",
                    accounts=[account_id],
                )
            approved = self._revision_row(s, row.id, row.round_revision or row.revision)
            mismatch = published_text is not None and not text_matches(
                approved.body, published_text
            )
            now = self._clock.now()
            pub = Publication(
                post_id=row.id,
                revision=approved.number,
                account_id=account_id,
                published_at=published_at,
                title=approved.title,
                column=approved.column,
                link=link_text,
                platform_post_id=post_ref,
                published_text=published_text,
                mismatch=mismatch,
                imported=False,
                recorded_at=now,
                recorded_by=actor.staff_id,
            )
            s.add(pub)
            row.status = PostStatus.PUBLISHED.value
            row.updated_at = now
            s.flush()
            self._audit.append(
                s,
                actor,
                "post_published",
                "publication",
                pub.id,
                after={
                    "post": row.id,
                    "account": account_id,
                    "published_at": published_at.isoformat(),
                    "mismatch": mismatch,
                },
            )
            return self._record(s, row)

    def remove_publication(
        self,
        actor: Principal,
        publication_id: int,
        *,
        kind: str,
        reason: str,
        expected_version: int,
    ) -> PublicationView:
        """Record that a publication was withdrawn (撤回) or deleted (删除), with why."""
        if kind not in {"withdrawn", "deleted"}:
            raise ValidationError("withdrawn or deleted", field="kind")
        why = reason.strip()
        if not why:
            raise ValidationError("give a reason", field="reason")
        if len(why) > MAX_REASON:
            raise ValidationError("reason is too long", field="reason", limit=MAX_REASON)
        with self._db.write() as s:
            pub = s.get(Publication, publication_id)
            if pub is None:
                raise NotFoundError("no such publication", entity="publication")
            account = s.get(Account, pub.account_id)
            require(actor, Permission.DRAFT_POSTS, None if account is None else account.unit_id)
            check_version("publication", pub.version, expected_version)
            if pub.removed_at is not None:
                raise ValidationError("this publication is already removed", field="status")
            now = self._clock.now()
            pub.removed_at, pub.removal_kind, pub.removal_reason = now, kind, why
            pub.removed_by = actor.staff_id
            if pub.post_id is not None:
                post = self._row(s, pub.post_id)
                live = s.scalar(
                    select(Publication.id).where(
                        Publication.post_id == post.id,
                        Publication.removed_at.is_(None),
                        Publication.id != pub.id,
                    )
                )
                if live is None:
                    post.status = PostStatus.WITHDRAWN.value
                    post.updated_at = now
            s.flush()
            self._audit.append(
                s,
                actor,
                "publication_removed",
                "publication",
                pub.id,
                after={"kind": kind, "reason": why},
            )
            return self._publication_view(s, pub)

    def mismatched_publications(self, actor: Principal) -> list[PublicationView]:
        """Publications whose text differs from the approved one (shown on the start view)."""
        require(actor, Permission.VIEW_POSTS)
        with self._db.read() as s:
            rows = s.scalars(
                select(Publication)
                .where(Publication.mismatch.is_(True), Publication.removed_at.is_(None))
                .order_by(Publication.published_at.desc())
            )
            return [self._publication_view(s, p) for p in rows]

    # -- verification --------------------------------------------------------------------

    def verify(self) -> SignatureCheck:
        """Check every revision's content hash and every decided sign-off's signature."""
        checked = 0
        bad: list[str] = []
        with self._db.read() as s:
            for rev in s.scalars(select(PostRevision).order_by(PostRevision.id)):
                if self._content(rev).sha256() != rev.content_sha256:
                    bad.append(f"post {rev.post_id} revision {rev.number}: content changed")
            hashes = {
                (r.post_id, r.number): r.content_sha256
                for r in s.execute(
                    select(PostRevision.post_id, PostRevision.number, PostRevision.content_sha256)
                )
            }
            decided = list(
                s.scalars(
                    select(PostSignOff)
                    .where(PostSignOff.decision.is_not(None))
                    .order_by(PostSignOff.id)
                )
            )
            work = []
            for step in decided:
                where = f"post {step.post_id} round {step.round} step {step.key}"
                if hashes.get((step.post_id, step.revision)) != step.content_sha256:
                    bad.append(f"{where}: signed content is not the revision's")
                if step.signature is None or step.signer_id is None:
                    bad.append(f"{where}: decision without a signature")
                    continue
                work.append((where, step.signer_id, self.payload_of(step), step.signature))
        verify = self._keys.checker()
        for where, signer_id, payload, signature in work:
            if verify(signer_id, payload, signature):
                checked += 1
            else:
                bad.append(f"{where}: signature does not match")
        return SignatureCheck(checked, tuple(bad))

    # -- internals -----------------------------------------------------------------------

    @staticmethod
    def _row(s: Session, post_id: int) -> Post:
        row = s.get(Post, post_id)
        if row is None:
            raise NotFoundError("no such post", entity="post", id=post_id)
        return row

    @staticmethod
    def _revision_row(s: Session, post_id: int, number: int) -> PostRevision:
        row = s.scalar(
            select(PostRevision).where(
                PostRevision.post_id == post_id, PostRevision.number == number
            )
        )
        if row is None:
            raise NotFoundError("no such revision", entity="post_revision", number=number)
        return row

    @staticmethod
    def _require_drafting(actor: Principal, row: Post) -> None:
        require(actor, Permission.DRAFT_POSTS, row.unit_id)

    @staticmethod
    def _check_accounts(s: Session, actor: Principal, account_ids: Sequence[int]) -> None:
        for account_id in account_ids:
            account = s.get(Account, account_id)
            if account is None:
                raise ValidationError("no such account", field="accounts", id=account_id)
            if not actor.can(Permission.DRAFT_POSTS, account.unit_id):
                raise ValidationError(
                    "this account belongs to another unit", field="accounts", id=account_id
                )

    def _platforms(self, s: Session, account_ids: Sequence[int]) -> list[str]:
        if not account_ids:
            return []
        rows = s.execute(
            select(Platform.name)
            .join(Account, Account.platform_id == Platform.id)
            .where(Account.id.in_(list(account_ids)))
        )
        return [name for (name,) in rows]

    @staticmethod
    def _content(row: PostRevision) -> PostContent:
        return PostContent(
            title=row.title,
            body=row.body,
            column=row.column,
            category=row.category,
            tier=Tier(row.tier),
            kind=PostKind(row.kind),
            account_ids=tuple(json.loads(row.account_ids)),
            image_hashes=tuple(json.loads(row.image_hashes)),
            activity_type=None if row.activity_type is None else ActivityType(row.activity_type),
            source=row.source,
        )

    def _add_revision(
        self,
        s: Session,
        row: Post,
        content: PostContent,
        planned_at: datetime | None,
        actor: Principal,
        note: str,
    ) -> PostRevision:
        result = self.check_content(content, self._platforms(s, content.account_ids))
        revision = PostRevision(
            post_id=row.id,
            number=row.revision,
            title=content.title,
            body=content.body,
            column=content.column,
            category=content.category,
            tier=content.tier.value,
            kind=content.kind.value,
            activity_type=None if content.activity_type is None else content.activity_type.value,
            source=content.source,
            account_ids=json.dumps(sorted(content.account_ids)),
            image_hashes=json.dumps(list(content.image_hashes)),
            content_sha256=content.sha256(),
            checker_tier=_tier_of(result.suggested_tier).value,
            checker_blocks=result.blocks,
            checker_findings=len(result.findings),
            planned_at=planned_at,
            created_at=self._clock.now(),
            created_by=actor.staff_id,
            note=_short_note(note),
        )
        s.add(revision)
        s.flush()
        return revision

    @staticmethod
    def _below_required(revision: PostRevision) -> bool:
        try:
            check_tier(Tier(revision.tier), Tier(revision.checker_tier))
        except ValidationError:
            return True
        return False

    @staticmethod
    def _set_targets(s: Session, post_id: int, account_ids: Sequence[int]) -> None:
        s.execute(delete(PostTarget).where(PostTarget.post_id == post_id))
        s.add_all(PostTarget(post_id=post_id, account_id=a) for a in account_ids)

    def _start_round(self, s: Session, row: Post, content: PostContent, *, direct: bool) -> Route:
        route = route_for(
            content.tier,
            content.kind,
            content.category,
            direct=direct,
            allow_direct=self._allow_direct(),
            routes=self._routes(),
        )
        now = self._clock.now()
        row.approval_round += 1
        row.round_revision = row.revision
        row.direct = route.direct
        row.filing_required = route.filing_required
        row.updated_at = now
        digest = content.sha256()
        for position, step in enumerate(route.steps, start=1):
            s.add(self._step_row(row, position, step, digest))
        if route.direct:
            row.status = PostStatus.APPROVED.value
            row.approved_at = now
        else:
            row.status = PostStatus.IN_APPROVAL.value
            row.approved_at = None
        s.flush()
        return route

    @staticmethod
    def _step_row(row: Post, position: int, step: RouteStep, digest: str) -> PostSignOff:
        return PostSignOff(
            post_id=row.id,
            revision=row.revision,
            round=row.approval_round,
            position=position,
            key=step.key,
            title=step.title,
            role=step.role.value,
            own_unit=step.own_unit,
            content_sha256=digest,
        )

    @staticmethod
    def _void_round(s: Session, row: Post, now: datetime) -> int:
        """Void the open steps of the current round; decided ones stay as they were."""
        result = s.execute(
            update(PostSignOff)
            .where(
                PostSignOff.post_id == row.id,
                PostSignOff.round == row.approval_round,
                PostSignOff.voided_at.is_(None),
            )
            .values(voided_at=now)
        )
        return int(getattr(result, "rowcount", 0) or 0)

    @staticmethod
    def _round_rows(s: Session, row: Post) -> list[PostSignOff]:
        return list(
            s.scalars(
                select(PostSignOff)
                .where(
                    PostSignOff.post_id == row.id,
                    PostSignOff.round == row.approval_round,
                    PostSignOff.voided_at.is_(None),
                )
                .order_by(PostSignOff.position)
            )
        )

    def _round_records(self, s: Session, row: Post) -> list[SignOffRecord]:
        return [self._signoff_record(r) for r in self._round_rows(s, row)]

    @staticmethod
    def _signoff_record(r: PostSignOff) -> SignOffRecord:
        return SignOffRecord(
            position=r.position,
            key=r.key,
            title=r.title,
            role=Role(r.role),
            own_unit=r.own_unit,
            signer_id=r.signer_id,
            on_behalf_of_id=r.on_behalf_of_id,
            decision=None if r.decision is None else Decision(r.decision),
        )

    @staticmethod
    def _names(s: Session) -> dict[int, str]:
        return {i: n for i, n in s.execute(select(Staff.id, Staff.name))}

    def _revision_view(self, row: PostRevision, names: dict[int, str]) -> RevisionView:
        return RevisionView(
            number=row.number,
            content=self._content(row),
            content_sha256=row.content_sha256,
            planned_at=row.planned_at,
            checker_tier=Tier(row.checker_tier),
            checker_blocks=row.checker_blocks,
            checker_findings=row.checker_findings,
            created_at=row.created_at,
            created_by=names.get(row.created_by, ""),
            note=row.note,
        )

    def _publication_view(self, s: Session, p: Publication) -> PublicationView:
        account = s.get(Account, p.account_id)
        platform = None if account is None else s.get(Platform, account.platform_id)
        return PublicationView(
            id=p.id,
            post_id=p.post_id,
            revision=p.revision,
            account_id=p.account_id,
            account_name="" if account is None else account.name,
            platform="" if platform is None else platform.name,
            published_at=p.published_at,
            title=p.title,
            column=p.column,
            link=p.link,
            platform_post_id=p.platform_post_id,
            published_text=p.published_text,
            mismatch=p.mismatch,
            imported=p.imported,
            removed_at=p.removed_at,
            removal_kind=p.removal_kind,
            removal_reason=p.removal_reason,
            version=p.version,
        )

    def _record(self, s: Session, row: Post) -> PostRecord:
        s.flush()
        names = self._names(s)
        current = self._revision_view(self._revision_row(s, row.id, row.revision), names)
        accounts = tuple(
            PostAccount(a.id, a.name, p.name, a.unit_id)
            for a, p in s.execute(
                select(Account, Platform)
                .join(Platform, Platform.id == Account.platform_id)
                .join(PostTarget, PostTarget.account_id == Account.id)
                .where(PostTarget.post_id == row.id)
                .order_by(Account.id)
            )
        )
        signoffs = tuple(
            SignOffView(
                id=r.id,
                revision=r.revision,
                round=r.round,
                position=r.position,
                key=r.key,
                title=r.title,
                role=Role(r.role),
                signer_id=r.signer_id,
                signer_name=r.signer_name,
                on_behalf_of_id=r.on_behalf_of_id,
                on_behalf_of_name=r.on_behalf_of_name,
                decision=None if r.decision is None else Decision(r.decision),
                opinion=r.opinion,
                signed_at=r.signed_at,
                content_sha256=r.content_sha256,
                signed=r.signature is not None,
                voided_at=r.voided_at,
            )
            for r in s.scalars(
                select(PostSignOff)
                .where(PostSignOff.post_id == row.id)
                .order_by(PostSignOff.round, PostSignOff.position)
            )
        )
        publications = tuple(
            self._publication_view(s, p)
            for p in s.scalars(
                select(Publication)
                .where(Publication.post_id == row.id)
                .order_by(Publication.published_at, Publication.id)
            )
        )
        unit = UnitRepository(s).get(row.unit_id)
        return PostRecord(
            id=row.id,
            unit_id=row.unit_id,
            unit_name="" if unit is None else unit.name,
            drafter_id=row.drafter_id,
            drafter_name=names.get(row.drafter_id, ""),
            status=PostStatus(row.status),
            current=current,
            accounts=accounts,
            approval_round=row.approval_round,
            round_revision=row.round_revision,
            direct=row.direct,
            filing_required=row.filing_required,
            filed_at=row.filed_at,
            approved_at=row.approved_at,
            created_at=row.created_at,
            updated_at=row.updated_at,
            version=row.version,
            signoffs=signoffs,
            publications=publications,
        )


def _short_note(note: str) -> str:
    text = " ".join(note.split())
    if len(text) > 200:
        raise ValidationError("the note is too long", field="note", limit=200)
    return text
