"""Posts (稿件) and their approval: tiers, routes, content hashes, signer rules, expiry.

Pure rules, no storage. Sources: DOMAIN.md "Posts and approval"; 000 § 篇1 art.8 (tiered
approval, reposts and general knowledge may go out on the clerk's own authority), § 篇3
art.10 (major and sensitive content is filed), art.12 (publish only after approval);
001 § 篇1 art.5, art.17 and § 篇3 art.14 (activities need a higher approval); 001 § 篇4 八
(a deputy may sign for the leader with the executive leader's consent).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from newmedia_desk.domain.accounts import (
    MAX_STEP_TITLE,
    ApprovalStepSpec,
    Decision,
    steps_to_json,
    validate_steps,
)
from newmedia_desk.domain.errors import ValidationError
from newmedia_desk.domain.roles import Role

MAX_TITLE = 200
MAX_BODY = 200_000
"""A post body longer than this is refused (never cut); it is far above any platform's."""
MAX_SHORT = 100
MAX_OPINION = 2000
MAX_REASON = 500


class Tier(StrEnum):
    """信息分级: how sensitive a post is, which decides its route."""

    GENERAL = "general"  # 一般
    IMPORTANT = "important"  # 重要
    SENSITIVE = "sensitive"  # 敏感（重要案件、社会敏感、重大/突发）


TIER_RANK: dict[Tier, int] = {Tier.GENERAL: 0, Tier.IMPORTANT: 1, Tier.SENSITIVE: 2}
TIER_LABELS: dict[Tier, str] = {
    Tier.GENERAL: "一般",
    Tier.IMPORTANT: "重要",
    Tier.SENSITIVE: "敏感",
}


def check_tier(chosen: Tier, required: Tier) -> None:
    """Refuse a tier below what the checker's findings require."""
    if TIER_RANK[chosen] < TIER_RANK[required]:
        raise ValidationError(
            "the checker's findings require a higher tier",
            field="tier",
            chosen=chosen.value,
            required=required.value,
        )


def higher_tier(a: Tier, b: Tier) -> Tier:
    """The more sensitive of two tiers."""
    return a if TIER_RANK[a] >= TIER_RANK[b] else b


class PostKind(StrEnum):
    """What kind of post it is."""

    ORIGINAL = "original"  # 原创
    REPOST = "repost"  # 转发 (a source is required)
    ACTIVITY = "activity"  # 互动活动 (one more approval level)


KIND_LABELS: dict[PostKind, str] = {
    PostKind.ORIGINAL: "原创",
    PostKind.REPOST: "转发",
    PostKind.ACTIVITY: "互动活动",
}


class ActivityType(StrEnum):
    """互动活动的形式 (001 § 篇1 art.5)."""

    VOTE = "vote"  # 投票
    TOPIC = "topic"  # 话题
    INTERVIEW = "interview"  # 微访谈
    LOTTERY = "lottery"  # 抽奖
    CALL = "call"  # 征集


ACTIVITY_LABELS: dict[ActivityType, str] = {
    ActivityType.VOTE: "投票",
    ActivityType.TOPIC: "话题",
    ActivityType.INTERVIEW: "微访谈",
    ActivityType.LOTTERY: "抽奖",
    ActivityType.CALL: "征集",
}


class PostStatus(StrEnum):
    """Where a post is in its life."""

    DRAFT = "draft"  # 草稿
    IN_APPROVAL = "in_approval"  # 审批中
    RETURNED = "returned"  # 已退回
    APPROVED = "approved"  # 已批准, waiting to be published by hand
    PUBLISHED = "published"  # 已发布 (at least one account)
    EXPIRED = "expired"  # 已过期: not approved by its planned time, must be re-planned
    WITHDRAWN = "withdrawn"  # 已撤回: every publication withdrawn or deleted
    CANCELLED = "cancelled"  # 已作废


STATUS_LABELS: dict[PostStatus, str] = {
    PostStatus.DRAFT: "草稿",
    PostStatus.IN_APPROVAL: "审批中",
    PostStatus.RETURNED: "已退回",
    PostStatus.APPROVED: "已批准",
    PostStatus.PUBLISHED: "已发布",
    PostStatus.EXPIRED: "已过期",
    PostStatus.WITHDRAWN: "已撤回",
    PostStatus.CANCELLED: "已作废",
}

EDITABLE = frozenset({PostStatus.DRAFT, PostStatus.RETURNED, PostStatus.EXPIRED})
"""Statuses in which the drafter may change the content (a change in approval voids it)."""

DEFAULT_CATEGORIES: tuple[str, ...] = (
    "预报类",
    "科普宣传类",
    "重点服务类",
    "互动类",
    "聊天类",
    "转发",
    "工作动态",
    "其他",
)
"""信息类别 (DOMAIN.md glossary); the office may change the list."""

GENERAL_KNOWLEDGE_CATEGORIES = frozenset({"科普宣传类"})
"""Categories that count as general knowledge (000 § 篇1 art.8) for the direct route."""


RouteStep = ApprovalStepSpec
"""One approval level: who signs it. The same shape as the opening form's opinion steps, so
one JSON format, one validation and one editor serve both (``own_unit``: the signer must
belong to the post's unit or a unit above it — its own head)."""


RESPONSIBLE_STEP = RouteStep("responsible", "责任人审核", Role.RESPONSIBLE, own_unit=True)
SUPERVISOR_STEP = RouteStep("supervisor", "分管领导审批", Role.SUPERVISOR)
CHIEF_STEP = RouteStep("chief", "主要领导审批", Role.CHIEF)

DEFAULT_ROUTES: Mapping[Tier, tuple[RouteStep, ...]] = {
    Tier.GENERAL: (RESPONSIBLE_STEP,),
    Tier.IMPORTANT: (RESPONSIBLE_STEP, SUPERVISOR_STEP),
    Tier.SENSITIVE: (RESPONSIBLE_STEP, SUPERVISOR_STEP, CHIEF_STEP),
}
"""The routes of the rules (issue 5): 一般 → 责任人; 重要 → + 分管领导; 敏感 → + 主要领导."""

TIER_ORDER: tuple[Tier, ...] = (Tier.GENERAL, Tier.IMPORTANT, Tier.SENSITIVE)

MAX_ROUTE_STEPS = 4
"""The 发布内容审批表 (forms/post_approval.xlsx) has four sign-off lines."""

Routes = Mapping[Tier, tuple[RouteStep, ...]]
"""The steps of each tier's route, as the office configured them."""


def validate_routes(
    routes: Mapping[Tier, Sequence[RouteStep]],
) -> dict[Tier, tuple[RouteStep, ...]]:
    """Check the office's routes; raise ``ValidationError`` naming the tier at fault.

    Each tier needs 1–4 well-formed steps (the form has four sign-off lines). The office
    may add, rename or reorder steps but not go below the rules: a 重要 post needs a
    leader (分管领导 or 主要领导) and a 敏感 post the 主要领导 (000 § 篇1 art.8; DOMAIN.md
    "Posts and approval").
    """
    clean: dict[Tier, tuple[RouteStep, ...]] = {}
    for tier in TIER_ORDER:
        steps = routes.get(tier)
        try:
            clean[tier] = validate_steps(steps or ())
            if len(clean[tier]) > MAX_ROUTE_STEPS:
                raise ValidationError("too many steps", field="routes")
        except ValidationError as exc:
            raise ValidationError(
                "a route needs 1 to 4 steps, each with a title",
                field="routes",
                tier=TIER_LABELS[tier],
                limit=MAX_STEP_TITLE,
                steps=MAX_ROUTE_STEPS,
            ) from exc
    roles = {tier: {step.role for step in clean[tier]} for tier in TIER_ORDER}
    if not roles[Tier.IMPORTANT] & {Role.SUPERVISOR, Role.CHIEF}:
        raise ValidationError(
            "the route of 重要 needs a step signed by a leader (分管领导 or 主要领导)",
            field="routes",
            tier=TIER_LABELS[Tier.IMPORTANT],
        )
    if Role.CHIEF not in roles[Tier.SENSITIVE]:
        raise ValidationError(
            "the route of 敏感 needs a step signed by the 主要领导",
            field="routes",
            tier=TIER_LABELS[Tier.SENSITIVE],
        )
    return clean


def routes_to_json(routes: Routes) -> str:
    """Render routes as the JSON text kept in the office settings."""
    return json.dumps(
        {tier.value: json.loads(steps_to_json(routes[tier])) for tier in TIER_ORDER},
        ensure_ascii=False,
    )


def routes_from_json(text: str) -> dict[Tier, tuple[RouteStep, ...]]:
    """Parse and check routes kept as JSON text; raise ``ValidationError`` when unusable."""
    try:
        data = json.loads(text)
        routes = {
            Tier(tier): tuple(
                RouteStep(
                    str(item["key"]),
                    str(item["title"]),
                    Role(item["role"]),
                    bool(item["own_unit"]),
                )
                for item in steps
            )
            for tier, steps in data.items()
        }
    except (ValueError, TypeError, KeyError, AttributeError) as exc:
        raise ValidationError("the stored approval routes cannot be read", field="routes") from exc
    return validate_routes(routes)


@dataclass(frozen=True, slots=True)
class Route:
    """The steps a post must pass, and what else its tier demands."""

    steps: tuple[RouteStep, ...]
    filing_required: bool
    direct: bool = False
    """No approver: a repost of a superior body or general knowledge in tier 一般."""


def direct_route_allowed(tier: Tier, kind: PostKind, category: str) -> bool:
    """Whether the rules let this post go out without an approver (000 § 篇1 art.8)."""
    return tier is Tier.GENERAL and (
        kind is PostKind.REPOST or category in GENERAL_KNOWLEDGE_CATEGORIES
    )


def route_for(
    tier: Tier,
    kind: PostKind,
    category: str,
    *,
    direct: bool = False,
    allow_direct: bool = True,
    routes: Mapping[Tier, tuple[RouteStep, ...]] = DEFAULT_ROUTES,
) -> Route:
    """The route of a post.

    An activity takes the route of the next tier up (one more level); a sensitive
    activity already goes to the chief, the top. ``direct`` asks for the route without an
    approver; it is refused unless the office allows it and the post qualifies.
    """
    if direct:
        if not allow_direct:
            raise ValidationError("the office has switched off the direct route", field="route")
        if kind is PostKind.ACTIVITY or not direct_route_allowed(tier, kind, category):
            raise ValidationError(
                "only reposts and general knowledge of tier 一般 may go out without approval",
                field="route",
            )
        return Route((), filing_required=False, direct=True)
    effective = tier
    if kind is PostKind.ACTIVITY and tier is not Tier.SENSITIVE:
        effective = Tier.IMPORTANT if tier is Tier.GENERAL else Tier.SENSITIVE
    steps = tuple(routes[effective])
    if not steps:
        raise ValidationError("the route of this tier has no step", field="route")
    return Route(steps, filing_required=tier is Tier.SENSITIVE)


# -- content and its hash ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PostContent:
    """What an approver reads and signs: everything that, when changed, voids a sign-off."""

    title: str
    body: str
    column: str
    category: str
    tier: Tier
    kind: PostKind
    account_ids: tuple[int, ...]
    image_hashes: tuple[str, ...] = ()
    activity_type: ActivityType | None = None
    source: str = ""

    def canonical(self) -> dict[str, Any]:
        """The fields in a stable JSON-ready form (accounts sorted, images in order)."""
        return {
            "title": self.title,
            "body": self.body,
            "column": self.column,
            "category": self.category,
            "tier": self.tier.value,
            "kind": self.kind.value,
            "activity_type": None if self.activity_type is None else self.activity_type.value,
            "source": self.source,
            "account_ids": sorted(self.account_ids),
            "image_hashes": list(self.image_hashes),
        }

    def sha256(self) -> str:
        """SHA-256 of the canonical JSON (printed on the approval form)."""
        text = json.dumps(
            self.canonical(), ensure_ascii=False, sort_keys=True, separators=(",", ":")
        )
        return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _line(value: str, name: str, limit: int, *, required: bool) -> str:
    text = value.strip()
    if "\n" in text or "\r" in text:
        raise ValidationError(f"{name} is one line", field=name)
    if required and not text:
        raise ValidationError(f"{name} is required", field=name)
    if len(text) > limit:
        raise ValidationError(f"{name} is too long", field=name, limit=limit, length=len(text))
    return text


def validate_content(content: PostContent) -> PostContent:
    """Check and tidy a post's content; never shorten anything silently."""
    title = _line(content.title, "title", MAX_TITLE, required=False)
    body = content.body.replace("\r\n", "\n").replace("\r", "\n")
    if not body.strip():
        raise ValidationError("body is required", field="body")
    if len(body) > MAX_BODY:
        raise ValidationError("body is too long", field="body", limit=MAX_BODY, length=len(body))
    column = _line(content.column, "column", MAX_SHORT, required=False)
    category = _line(content.category, "category", MAX_SHORT, required=True)
    source = _line(content.source, "source", MAX_TITLE, required=False)
    if content.kind is PostKind.REPOST and not source:
        raise ValidationError("a repost needs its source (来源)", field="source")
    if content.kind is PostKind.ACTIVITY and content.activity_type is None:
        raise ValidationError("an activity needs its form (投票、话题…)", field="activity_type")
    activity = content.activity_type if content.kind is PostKind.ACTIVITY else None
    accounts = tuple(sorted(set(content.account_ids)))
    if not accounts:
        raise ValidationError("choose at least one account", field="accounts")
    return PostContent(
        title,
        body,
        column,
        category,
        Tier(content.tier),
        PostKind(content.kind),
        accounts,
        tuple(content.image_hashes),
        activity,
        source,
    )


# -- sign-offs -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SignOffRecord:
    """One step of one approval round of a post, decided or not."""

    position: int
    key: str
    title: str
    role: Role
    own_unit: bool
    signer_id: int | None = None
    on_behalf_of_id: int | None = None
    decision: Decision | None = None


@dataclass(frozen=True, slots=True)
class DelegationGrant:
    """An active delegation to the person signing: they may sign in the leader's place."""

    leader_id: int
    leader_roles: frozenset[Role]
    leader_unit_scope: frozenset[int]


def next_pending(steps: Sequence[SignOffRecord]) -> SignOffRecord | None:
    """The first undecided step of a round (``None`` when all are decided)."""
    for step in sorted(steps, key=lambda s: s.position):
        if step.decision is None:
            return step
    return None


def check_post_signer(
    *,
    step: SignOffRecord,
    round_steps: Sequence[SignOffRecord],
    signer_id: int,
    signer_roles: frozenset[Role],
    signer_unit_scope: frozenset[int],
    post_unit_id: int,
    drafter_id: int,
    grants: Sequence[DelegationGrant] = (),
) -> int | None:
    """Raise ``ValidationError`` unless this person may sign ``step`` now.

    Returns the leader signed for (``X 代 Y``) when the signer holds the step only by
    delegation, else ``None``. Nobody approves their own post, and one person never signs
    two steps of the same round — neither in their own name nor for somebody else.
    """
    if step.decision is not None:
        raise ValidationError("this step is already signed", field="step", step=step.key)
    pending = next_pending(round_steps)
    if pending is None or pending.position != step.position:
        raise ValidationError(
            "the steps are signed in order; an earlier step is still open", field="step"
        )
    if signer_id == drafter_id:
        raise ValidationError("nobody approves their own post", field="signer")

    def qualifies(roles: frozenset[Role], scope: frozenset[int]) -> bool:
        return step.role in roles and (not step.own_unit or post_unit_id in scope)

    on_behalf: int | None = None
    if not qualifies(signer_roles, signer_unit_scope):
        grant = next((g for g in grants if qualifies(g.leader_roles, g.leader_unit_scope)), None)
        if grant is None:
            raise ValidationError(
                "this step must be signed by someone with another role",
                field="step",
                step=step.key,
                role=step.role.value,
            )
        if grant.leader_id == drafter_id:
            raise ValidationError("nobody approves their own post", field="signer")
        on_behalf = grant.leader_id
    people = {signer_id} if on_behalf is None else {signer_id, on_behalf}
    for other in round_steps:
        if other.decision is None:
            continue
        if people & {other.signer_id, other.on_behalf_of_id} - {None}:
            raise ValidationError(
                "one person may sign only one step of a post", field="signer", step=step.key
            )
    return on_behalf


def signoff_payload(
    *,
    post_id: int,
    revision: int,
    round_no: int,
    step_key: str,
    decision: Decision,
    opinion: str,
    content_sha256: str,
    signer_id: int,
    on_behalf_of_id: int | None,
    signed_at: datetime,
) -> bytes:
    """The exact bytes the signer's personal key signs for one sign-off."""
    body = {
        "kind": "post_signoff",
        "post_id": post_id,
        "revision": revision,
        "round": round_no,
        "step": step_key,
        "decision": decision.value,
        "opinion": opinion,
        "content_sha256": content_sha256,
        "signer_id": signer_id,
        "on_behalf_of_id": on_behalf_of_id,
        "signed_at": signed_at.astimezone(UTC).isoformat(),  # as stored and read back
    }
    return json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def validate_opinion(decision: Decision, opinion: str) -> str:
    """A return needs an opinion; opinions are bounded, never cut."""
    text = opinion.strip()
    if len(text) > MAX_OPINION:
        raise ValidationError("opinion is too long", field="opinion", limit=MAX_OPINION)
    if decision is Decision.RETURN and not text:
        raise ValidationError("a return needs an opinion", field="opinion")
    return text


# -- delegation ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DelegationSpec:
    """A deputy signs in a leader's place for a period, with a named person's consent."""

    leader_id: int
    deputy_id: int
    consented_by_id: int
    starts_at: datetime
    ends_at: datetime
    reason: str = ""


def validate_delegation(
    spec: DelegationSpec,
    *,
    leader_roles: frozenset[Role],
    deputy_roles: frozenset[Role],
    consenter_roles: frozenset[Role],
) -> DelegationSpec:
    """Check a delegation (001 § 篇4 八: the deputy signs with the executive leader's consent).

    The leader must be an approver (responsible person, supervisor or chief); the deputy
    is somebody else who can approve at all; the consent is given by a chief (the
    executive leader) — the leader themself when the leader is the chief.
    """
    approver_roles = {Role.RESPONSIBLE, Role.SUPERVISOR, Role.CHIEF}
    if not leader_roles & approver_roles:
        raise ValidationError("only an approver can delegate signing", field="leader")
    if spec.deputy_id == spec.leader_id:
        raise ValidationError("the deputy is somebody else", field="deputy")
    if not deputy_roles & approver_roles:
        raise ValidationError("the deputy must be a responsible person or a leader", field="deputy")
    if Role.CHIEF not in consenter_roles:
        raise ValidationError("the consent is given by the chief", field="consented_by")
    if spec.consented_by_id == spec.deputy_id:
        raise ValidationError("the deputy cannot consent to their own delegation", field="deputy")
    if spec.ends_at <= spec.starts_at:
        raise ValidationError("the period ends after it starts", field="ends_at")
    reason = spec.reason.strip()
    if len(reason) > MAX_REASON:
        raise ValidationError("reason is too long", field="reason", limit=MAX_REASON)
    return DelegationSpec(
        spec.leader_id,
        spec.deputy_id,
        spec.consented_by_id,
        spec.starts_at,
        spec.ends_at,
        reason,
    )


# -- expiry and publication ----------------------------------------------------------------

EXPIRABLE = frozenset({PostStatus.IN_APPROVAL, PostStatus.RETURNED})


def is_expired(status: PostStatus, planned_at: datetime | None, now: datetime) -> bool:
    """A post in approval (or returned) whose planned time has passed is 已过期."""
    return status in EXPIRABLE and planned_at is not None and planned_at <= now


def comparable_text(text: str) -> str:
    """Text as compared for 与审批稿不一致: line endings and trailing spaces do not count."""
    unified = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    return "\n".join(line.rstrip() for line in unified.strip().split("\n"))


def text_matches(approved: str, published: str) -> bool:
    """Whether the published text is the approved one (ignoring only layout whitespace)."""
    return comparable_text(approved) == comparable_text(published)


@dataclass(frozen=True, slots=True)
class FieldChange:
    """One field that differs between two revisions."""

    name: str
    before: str
    after: str
    spans: tuple[tuple[str, int, int, int, int], ...] = ()
    """``difflib`` opcodes (tag, i1, i2, j1, j2) over the characters, equal runs left out."""


def diff_contents(a: PostContent, b: PostContent) -> list[FieldChange]:
    """The fields changed from ``a`` to ``b``; text fields with character-level opcodes.

    Chinese has no spaces, so a line diff would mark a whole paragraph for one character;
    the body is compared character by character.
    """
    import difflib

    changes: list[FieldChange] = []
    left, right = a.canonical(), b.canonical()
    for name in left:
        before, after = left[name], right[name]
        if before == after:
            continue
        text_before = before if isinstance(before, str) else json.dumps(before)
        text_after = after if isinstance(after, str) else json.dumps(after)
        matcher = difflib.SequenceMatcher(None, text_before, text_after, autojunk=False)
        ops = tuple(op for op in matcher.get_opcodes() if op[0] != "equal")
        changes.append(FieldChange(name, text_before, text_after, ops))
    return changes
