"""Pure post rules: tiers, routes, content hash, signer segregation, delegation, expiry."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from newmedia_desk.domain.accounts import Decision
from newmedia_desk.domain.errors import ValidationError
from newmedia_desk.domain.posts import (
    CHIEF_STEP,
    RESPONSIBLE_STEP,
    SUPERVISOR_STEP,
    ActivityType,
    DelegationGrant,
    DelegationSpec,
    PostContent,
    PostKind,
    PostStatus,
    SignOffRecord,
    Tier,
    check_post_signer,
    check_tier,
    diff_contents,
    is_expired,
    route_for,
    text_matches,
    validate_content,
    validate_delegation,
    validate_opinion,
)
from newmedia_desk.domain.roles import Role

NOW = datetime(2026, 11, 20, 2, 0, tzinfo=UTC)


def content(**changes: object) -> PostContent:
    base: dict[str, object] = {
        "title": "今日天气",
        "body": "今天晴，最高气温18度。",
        "column": "#天气预报#",
        "category": "预报类",
        "tier": Tier.GENERAL,
        "kind": PostKind.ORIGINAL,
        "account_ids": (2, 1),
    }
    base.update(changes)
    return PostContent(**base)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("tier", "keys", "filing"),
    [
        (Tier.GENERAL, ["responsible"], False),
        (Tier.IMPORTANT, ["responsible", "supervisor"], False),
        (Tier.SENSITIVE, ["responsible", "supervisor", "chief"], True),
    ],
)
def test_default_routes_follow_the_rules(tier: Tier, keys: list[str], filing: bool) -> None:
    route = route_for(tier, PostKind.ORIGINAL, "预报类")
    assert [s.key for s in route.steps] == keys
    assert route.filing_required is filing
    assert not route.direct


def test_an_activity_takes_one_more_level() -> None:
    assert route_for(Tier.GENERAL, PostKind.ACTIVITY, "互动类").steps == (
        RESPONSIBLE_STEP,
        SUPERVISOR_STEP,
    )
    assert route_for(Tier.IMPORTANT, PostKind.ACTIVITY, "互动类").steps[-1] == CHIEF_STEP
    assert route_for(Tier.SENSITIVE, PostKind.ACTIVITY, "互动类").steps[-1] == CHIEF_STEP


def test_direct_route_only_for_general_reposts_and_knowledge_when_allowed() -> None:
    assert route_for(Tier.GENERAL, PostKind.REPOST, "转发", direct=True).direct
    assert route_for(Tier.GENERAL, PostKind.ORIGINAL, "科普宣传类", direct=True).steps == ()
    with pytest.raises(ValidationError):
        route_for(Tier.GENERAL, PostKind.ORIGINAL, "预报类", direct=True)
    with pytest.raises(ValidationError):
        route_for(Tier.IMPORTANT, PostKind.REPOST, "转发", direct=True)
    with pytest.raises(ValidationError):
        route_for(Tier.GENERAL, PostKind.REPOST, "转发", direct=True, allow_direct=False)


def test_tier_never_below_the_checker() -> None:
    check_tier(Tier.SENSITIVE, Tier.IMPORTANT)
    with pytest.raises(ValidationError) as info:
        check_tier(Tier.GENERAL, Tier.SENSITIVE)
    assert info.value.params["required"] == "sensitive"


def test_content_hash_covers_what_is_signed_and_ignores_account_order() -> None:
    a = content()
    assert a.sha256() == content(account_ids=(1, 2)).sha256()
    for change in (
        {"title": "今日天气 "},
        {"body": "今天晴，最高气温19度。"},
        {"tier": Tier.IMPORTANT},
        {"account_ids": (1,)},
        {"image_hashes": ("ab" * 32,)},
    ):
        assert content(**change).sha256() != a.sha256(), change


def test_validation_refuses_rather_than_cuts() -> None:
    with pytest.raises(ValidationError) as info:
        validate_content(content(body="字" * 200_001))
    assert info.value.params["length"] == 200_001
    with pytest.raises(ValidationError):
        validate_content(content(kind=PostKind.REPOST, category="转发"))
    with pytest.raises(ValidationError):
        validate_content(content(kind=PostKind.ACTIVITY))
    with pytest.raises(ValidationError):
        validate_content(content(account_ids=()))
    ok = validate_content(content(kind=PostKind.ACTIVITY, activity_type=ActivityType.VOTE))
    assert ok.account_ids == (1, 2)


def steps(*decided: tuple[int, int | None]) -> list[SignOffRecord]:
    specs = [RESPONSIBLE_STEP, SUPERVISOR_STEP, CHIEF_STEP]
    out = []
    for i, spec in enumerate(specs, start=1):
        signer = decided[i - 1][0] if i <= len(decided) else None
        behalf = decided[i - 1][1] if i <= len(decided) else None
        out.append(
            SignOffRecord(
                i,
                spec.key,
                spec.title,
                spec.role,
                spec.own_unit,
                signer,
                behalf,
                Decision.AGREE if signer else None,
            )
        )
    return out


def sign(
    round_steps: list[SignOffRecord],
    signer: int,
    roles: set[Role],
    *,
    scope: set[int] | None = None,
    grants: tuple[DelegationGrant, ...] = (),
) -> int | None:
    pending = next(s for s in round_steps if s.decision is None)
    return check_post_signer(
        step=pending,
        round_steps=round_steps,
        signer_id=signer,
        signer_roles=frozenset(roles),
        signer_unit_scope=frozenset(scope if scope is not None else {5}),
        post_unit_id=5,
        drafter_id=1,
        grants=grants,
    )


def test_signer_rules() -> None:
    assert sign(steps(), 2, {Role.RESPONSIBLE}) is None
    with pytest.raises(ValidationError, match="own post"):
        sign(steps(), 1, {Role.RESPONSIBLE})
    with pytest.raises(ValidationError, match="another role"):
        sign(steps(), 2, {Role.SUPERVISOR})
    with pytest.raises(ValidationError, match="another role"):
        sign(steps(), 2, {Role.RESPONSIBLE}, scope={9})  # head of another unit
    with pytest.raises(ValidationError, match="only one step"):
        sign(steps((2, None)), 2, {Role.RESPONSIBLE, Role.SUPERVISOR})


def test_delegation_signs_for_the_leader_and_counts_for_both() -> None:
    grant = DelegationGrant(7, frozenset({Role.SUPERVISOR}), frozenset({1}))
    assert sign(steps((2, None)), 8, {Role.RESPONSIBLE}, scope={9}, grants=(grant,)) == 7
    # The leader cannot then sign the next step for himself: he already signed through 8.
    chief_grant = DelegationGrant(9, frozenset({Role.CHIEF}), frozenset({1}))
    with pytest.raises(ValidationError, match="only one step"):
        sign(steps((2, None), (8, 7)), 7, {Role.SUPERVISOR}, grants=(chief_grant,))
    # A delegation from the drafter does not let anyone approve the drafter's post.
    own = DelegationGrant(1, frozenset({Role.SUPERVISOR}), frozenset({1}))
    with pytest.raises(ValidationError, match="own post"):
        sign(steps((2, None)), 8, {Role.CLERK}, grants=(own,))


def test_delegation_needs_the_chiefs_consent_and_a_real_period() -> None:
    spec = DelegationSpec(7, 8, 9, NOW, NOW + timedelta(days=3), "出差")
    roles = {
        "leader_roles": frozenset({Role.SUPERVISOR}),
        "deputy_roles": frozenset({Role.RESPONSIBLE}),
        "consenter_roles": frozenset({Role.CHIEF}),
    }
    assert validate_delegation(spec, **roles).reason == "出差"
    with pytest.raises(ValidationError):
        validate_delegation(spec, **{**roles, "consenter_roles": frozenset({Role.SUPERVISOR})})
    with pytest.raises(ValidationError):
        validate_delegation(DelegationSpec(7, 8, 9, NOW, NOW - timedelta(hours=1)), **roles)
    with pytest.raises(ValidationError):
        validate_delegation(spec, **{**roles, "deputy_roles": frozenset({Role.CLERK})})


def test_expiry_and_opinions() -> None:
    assert is_expired(PostStatus.IN_APPROVAL, NOW, NOW)
    assert not is_expired(PostStatus.APPROVED, NOW - timedelta(hours=1), NOW)
    assert not is_expired(PostStatus.IN_APPROVAL, None, NOW)
    with pytest.raises(ValidationError):
        validate_opinion(Decision.RETURN, "  ")
    assert validate_opinion(Decision.AGREE, " 同意 ") == "同意"


def test_text_match_ignores_only_layout_whitespace() -> None:
    assert text_matches("第一行\n第二行", "第一行  \r\n第二行\n")
    assert not text_matches("气温18度", "气温19度")
    assert not text_matches("气温18度", "气温 18度")


def test_diff_is_character_level_for_chinese() -> None:
    [change] = diff_contents(content(), content(body="今天多云，最高气温18度。"))
    assert change.name == "body"
    assert change.spans == (("replace", 2, 3, 2, 4),)
