"""The post service: drafting, routes, signed sign-offs, voiding, expiry, publication, verify."""

from __future__ import annotations

import dataclasses
import io
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import update

from newmedia_desk.cli import main
from newmedia_desk.context import AppContext, build_context
from newmedia_desk.domain.accounts import AccountDraft, Decision
from newmedia_desk.domain.clock import FixedClock
from newmedia_desk.domain.errors import (
    ConflictError,
    PermissionDeniedError,
    SignInFailedError,
    ValidationError,
)
from newmedia_desk.domain.posts import DelegationSpec, PostContent, PostKind, PostStatus, Tier
from newmedia_desk.domain.roles import Role
from newmedia_desk.domain.staff import Principal
from newmedia_desk.security.passwords import PasswordHashing
from newmedia_desk.security.secrets import MemorySecretStore
from newmedia_desk.services.posts import PostRecord
from newmedia_desk.storage.post_models import PostRevision, PostSignOff
from tests.conftest import STAFF_PASSWORD, make_staff

pytestmark = pytest.mark.all_backends


@dataclasses.dataclass
class Office:
    admin: Principal
    clerk: Principal
    head: Principal
    other_head: Principal
    sup: Principal
    sup2: Principal
    chief: Principal
    weibo: int
    wechat: int


@pytest.fixture
def office(ctx: AppContext, admin: Principal) -> Office:
    service = ctx.directory.create_unit(admin, "气象科技服务中心", admin.unit_id).id
    other = ctx.directory.create_unit(admin, "办公室", admin.unit_id).id

    def person(login: str, roles: set[Role], unit: int, name: str) -> Principal:
        return make_staff(ctx, admin, login, roles, unit, name=name)[1]

    clerk = person("clerk", {Role.CLERK}, service, "张晓")
    head = person("head", {Role.RESPONSIBLE}, service, "钱芳")
    platforms = {p.name: p.id for p in ctx.accounts.list_platforms(admin)}

    def account(platform: str, name: str, handle: str) -> int:
        draft = AccountDraft(
            platform_id=platforms[platform],
            name=name,
            unit_id=service,
            administrator_id=clerk.staff_id,
            responsible_id=head.staff_id,
            handle=handle,
            purpose="发布天气预报和预警",
        )
        return ctx.accounts.register_existing(admin, draft, "已开设").id

    return Office(
        admin=admin,
        clerk=clerk,
        head=head,
        other_head=person("otherhead", {Role.RESPONSIBLE}, other, "赵敏"),
        sup=person("sup", {Role.SUPERVISOR}, admin.unit_id, "刘志强"),
        sup2=person("sup2", {Role.SUPERVISOR}, admin.unit_id, "王海燕"),
        chief=person("chief", {Role.CHIEF}, admin.unit_id, "李建国"),
        weibo=account("微博", "江城气象", "jcqx"),
        wechat=account("微信公众号", "江城气象服务", "jcqxfw"),
    )


def content(o: Office, **changes: object) -> PostContent:
    values: dict[str, object] = {
        "title": "明日天气",
        "body": "#天气预报# 明天多云转晴，最高气温18度，最低气温9度。",
        "column": "#天气预报#",
        "category": "预报类",
        "tier": Tier.GENERAL,
        "kind": PostKind.ORIGINAL,
        "account_ids": (o.weibo,),
    }
    values.update(changes)
    return PostContent(**values)  # type: ignore[arg-type]


def submitted(ctx: AppContext, o: Office, **changes: object) -> PostRecord:
    post = ctx.posts.create(
        o.clerk, content(o, **changes), planned_at=ctx.clock.now() + timedelta(hours=6)
    )
    return ctx.posts.submit(o.clerk, post.id, expected_version=post.version)


def sign(
    ctx: AppContext,
    who: Principal,
    post: PostRecord,
    decision: Decision = Decision.AGREE,
    opinion: str = "同意",
) -> PostRecord:
    return ctx.posts.sign(
        who, post.id, decision, opinion, revision=post.round_revision or 0, password=STAFF_PASSWORD
    )


def test_general_post_goes_through_the_responsible_person(ctx: AppContext, office: Office) -> None:
    post = submitted(ctx, office)
    assert post.status is PostStatus.IN_APPROVAL
    assert [s.key for s in post.round_steps()] == ["responsible"]
    assert [p.id for p in ctx.posts.waiting_for(office.head)] == [post.id]
    assert ctx.posts.waiting_for(office.other_head) == []  # head of another unit
    assert ctx.posts.waiting_for(office.sup) == []
    done = sign(ctx, office.head, post)
    assert done.status is PostStatus.APPROVED
    [step] = done.round_steps()
    assert (step.signer_name, step.decision, step.signed) == ("钱芳", Decision.AGREE, True)
    assert ctx.posts.verify().ok


def test_sensitive_post_needs_three_levels_and_filing(ctx: AppContext, office: Office) -> None:
    post = submitted(ctx, office, tier=Tier.SENSITIVE)
    assert [s.key for s in post.round_steps()] == ["responsible", "supervisor", "chief"]
    assert post.filing_required
    with pytest.raises(ValidationError, match="another role"):
        sign(ctx, office.chief, post)  # in order: the chief is last
    post = sign(ctx, office.head, post)
    post = sign(ctx, office.sup, post)
    post = sign(ctx, office.chief, post)
    assert post.status is PostStatus.APPROVED
    post = ctx.posts.mark_filed(office.clerk, post.id, expected_version=post.version)
    assert post.filed_at is not None


def test_drafter_and_double_signing_refused(
    ctx: AppContext, office: Office, admin: Principal
) -> None:
    both = make_staff(
        ctx, admin, "both", {Role.RESPONSIBLE, Role.SUPERVISOR, Role.CLERK}, office.head.unit_id
    )[1]
    post = ctx.posts.create(both, content(office, tier=Tier.IMPORTANT))
    post = ctx.posts.submit(both, post.id, expected_version=post.version)
    with pytest.raises(ValidationError, match="own post"):
        sign(ctx, both, post)
    post2 = submitted(ctx, office, tier=Tier.IMPORTANT)
    post2 = sign(ctx, both, post2)
    with pytest.raises(ValidationError, match="only one step"):
        sign(ctx, both, post2)


def test_wrong_password_signs_nothing(ctx: AppContext, office: Office) -> None:
    post = submitted(ctx, office)
    with pytest.raises(SignInFailedError):
        ctx.posts.sign(
            office.head,
            post.id,
            Decision.AGREE,
            "",
            revision=post.round_revision or 0,
            password="wrong",
        )
    assert ctx.posts.get(office.head, post.id).next_step() is not None


def test_tier_and_blocking_findings_are_enforced(ctx: AppContext, office: Office) -> None:
    post = ctx.posts.create(office.clerk, content(office, body="联系电话13812345678，欢迎来电。"))
    assert post.current.checker_blocks
    with pytest.raises(ValidationError, match="checker"):
        ctx.posts.submit(office.clerk, post.id, expected_version=post.version)
    sensitive_body = "关于突发事件的情况通报。"
    post = ctx.posts.create(office.clerk, content(office, body=sensitive_body))
    assert post.current.checker_tier is Tier.SENSITIVE
    with pytest.raises(ValidationError, match="higher tier"):
        ctx.posts.submit(office.clerk, post.id, expected_version=post.version)
    raised = ctx.posts.save(
        office.clerk,
        post.id,
        content(office, body=sensitive_body, tier=Tier.SENSITIVE),
        planned_at=None,
        expected_version=post.version,
    )
    assert ctx.posts.submit(office.clerk, post.id, expected_version=raised.version).filing_required


def test_change_voids_the_round_and_old_signoffs_stay(ctx: AppContext, office: Office) -> None:
    post = submitted(ctx, office, tier=Tier.IMPORTANT)
    post = sign(ctx, office.head, post)
    changed = ctx.posts.save(
        office.clerk,
        post.id,
        content(office, tier=Tier.IMPORTANT, body="明天晴，最高气温20度。"),
        planned_at=post.planned_at,
        expected_version=post.version,
    )
    assert changed.status is PostStatus.IN_APPROVAL
    assert changed.approval_round == 2 and changed.round_revision == 2
    assert [s.decision for s in changed.round_steps()] == [None, None]
    old = [s for s in changed.signoffs if s.round == 1]
    assert old[0].decision is Decision.AGREE and old[0].revision == 1
    # The leader read revision 1: signing it now is refused.
    with pytest.raises(ValidationError, match="changed"):
        ctx.posts.sign(
            office.head, post.id, Decision.AGREE, "", revision=1, password=STAFF_PASSWORD
        )
    assert ctx.posts.verify().ok


def test_return_and_resubmit(ctx: AppContext, office: Office) -> None:
    post = submitted(ctx, office, tier=Tier.IMPORTANT)
    with pytest.raises(ValidationError, match="opinion"):
        sign(ctx, office.head, post, Decision.RETURN, "")
    post = sign(ctx, office.head, post, Decision.RETURN, "气温数据请核实")
    assert post.status is PostStatus.RETURNED
    post = ctx.posts.submit(office.clerk, post.id, expected_version=post.version)
    assert post.approval_round == 2 and post.status is PostStatus.IN_APPROVAL


def test_expiry(ctx: AppContext, office: Office, fixed_clock: FixedClock) -> None:
    post = submitted(ctx, office)
    fixed_clock.advance(hours=7)
    with pytest.raises(ValidationError, match="planned"):
        sign(ctx, office.head, post)
    assert ctx.posts.expire_due() == 1
    post = ctx.posts.get(office.clerk, post.id)
    assert post.status is PostStatus.EXPIRED
    post = ctx.posts.save(
        office.clerk,
        post.id,
        post.content,
        planned_at=ctx.clock.now() + timedelta(hours=2),
        expected_version=post.version,
    )
    assert post.status is PostStatus.DRAFT


def test_publication_only_after_approval_and_mismatch_flagged(
    ctx: AppContext, office: Office
) -> None:
    post = submitted(ctx, office)
    with pytest.raises(ValidationError, match="approval"):
        ctx.posts.record_publication(
            office.clerk,
            post.id,
            office.weibo,
            published_at=ctx.clock.now(),
            expected_version=post.version,
        )
    post = sign(ctx, office.head, post)
    post = ctx.posts.record_publication(
        office.clerk,
        post.id,
        office.weibo,
        published_at=ctx.clock.now(),
        link="https://weibo.com/1/abc",
        published_text=post.content.body.replace("18度", "19度"),
        expected_version=post.version,
    )
    assert post.status is PostStatus.PUBLISHED
    [pub] = post.publications
    assert pub.mismatch
    assert [p.id for p in ctx.posts.mismatched_publications(office.clerk)] == [pub.id]
    with pytest.raises(ValidationError, match="account"):
        ctx.posts.record_publication(
            office.clerk,
            post.id,
            office.wechat,
            published_at=ctx.clock.now(),
            expected_version=post.version,
        )
    view = ctx.posts.remove_publication(
        office.clerk, pub.id, kind="withdrawn", reason="数据有误", expected_version=pub.version
    )
    assert view.removed_at is not None
    assert ctx.posts.get(office.clerk, post.id).status is PostStatus.WITHDRAWN


def test_direct_route_for_a_repost(ctx: AppContext, office: Office) -> None:
    post = ctx.posts.create(
        office.clerk, content(office, kind=PostKind.REPOST, category="转发", source="中国气象局")
    )
    post = ctx.posts.submit(office.clerk, post.id, expected_version=post.version, direct=True)
    assert post.status is PostStatus.APPROVED and post.direct
    plain = ctx.posts.create(office.clerk, content(office))
    with pytest.raises(ValidationError):
        ctx.posts.submit(office.clerk, plain.id, expected_version=plain.version, direct=True)


def test_permissions_and_conflicts(ctx: AppContext, office: Office) -> None:
    with pytest.raises(PermissionDeniedError):
        ctx.posts.create(office.head, content(office))
    post = ctx.posts.create(office.clerk, content(office))
    ctx.posts.save(
        office.clerk,
        post.id,
        content(office, body="改过的正文。"),
        planned_at=None,
        expected_version=post.version,
    )
    with pytest.raises(ConflictError):
        ctx.posts.save(
            office.clerk,
            post.id,
            content(office, body="另一版。"),
            planned_at=None,
            expected_version=post.version,
        )


def test_delegated_signoff_shows_deputy_for_leader(ctx: AppContext, office: Office) -> None:
    now = ctx.clock.now()
    spec = DelegationSpec(
        office.sup.staff_id,
        office.sup2.staff_id,
        office.chief.staff_id,
        now - timedelta(hours=1),
        now + timedelta(days=2),
        "出差",
    )
    with pytest.raises(SignInFailedError):
        ctx.delegations.create(office.chief, spec, consenter_password="wrong")
    ctx.delegations.create(office.chief, spec, consenter_password=STAFF_PASSWORD)
    # sup2 is a supervisor anyway; use a responsible person of another unit as deputy instead
    post = submitted(ctx, office, tier=Tier.IMPORTANT)
    post = sign(ctx, office.head, post)
    post = sign(ctx, office.sup2, post)
    step = post.round_steps()[1]
    assert step.on_behalf_of_id is None  # holds the role in their own right
    deputy_spec = DelegationSpec(
        office.sup.staff_id,
        office.other_head.staff_id,
        office.chief.staff_id,
        now - timedelta(hours=1),
        now + timedelta(days=2),
        "出差",
    )
    ctx.delegations.create(office.admin, deputy_spec, consenter_password=STAFF_PASSWORD)
    post = submitted(ctx, office, tier=Tier.IMPORTANT)
    post = sign(ctx, office.head, post)
    post = sign(ctx, office.other_head, post)
    step = post.round_steps()[1]
    assert (step.signer_name, step.on_behalf_of_name) == ("赵敏", "刘志强")
    assert ctx.posts.verify().ok


@pytest.mark.sqlite_only
def test_verify_catches_forged_signoff_and_edited_revision(ctx: AppContext, office: Office) -> None:
    post = submitted(ctx, office, tier=Tier.IMPORTANT)
    post = sign(ctx, office.head, post)
    with ctx.db.write() as s:
        s.execute(
            update(PostSignOff)
            .where(PostSignOff.post_id == post.id, PostSignOff.key == "supervisor")
            .values(
                signer_id=office.sup.staff_id,
                signer_name="刘志强",
                decision="agree",
                signed_at=ctx.clock.now(),
                signature="AAAA",
            )
        )
    report = ctx.posts.verify()
    assert any("supervisor" in b for b in report.bad)
    with ctx.db.write() as s:
        s.execute(
            update(PostRevision).where(PostRevision.post_id == post.id).values(body="被篡改的正文")
        )
    assert any("content changed" in b for b in ctx.posts.verify().bad)


@pytest.mark.sqlite_only
def test_verify_command_names_a_forged_signoff(
    ctx: AppContext,
    office: Office,
    db_url: str,
    memory_secrets: MemorySecretStore,
    fast_hashing: PasswordHashing,
    data_dir: Path,
) -> None:
    post = submitted(ctx, office, tier=Tier.IMPORTANT)
    sign(ctx, office.head, post)

    def factory(_db: str | None) -> AppContext:
        return build_context(
            db_url, secrets=memory_secrets, hashing=fast_hashing, data_dir=data_dir
        )

    def run() -> tuple[int, str, str]:
        out, err = io.StringIO(), io.StringIO()
        code = main(["verify"], context_factory=factory, stdout=out, stderr=err)
        return code, out.getvalue(), err.getvalue()

    code, out, _ = run()
    assert code == 0 and "post sign-offs 1 valid" in out
    with ctx.db.write() as s:
        s.execute(
            update(PostSignOff)
            .where(PostSignOff.post_id == post.id, PostSignOff.key == "responsible")
            .values(opinion="同意（已改）")
        )
    code, _, err = run()
    assert code == 1 and f"post {post.id} round 1 step responsible" in err


def test_publication_refused_while_the_account_is_held(ctx: AppContext, office: Office) -> None:
    from newmedia_desk.storage.cadence_models import CrisisHold, Incident

    post = sign(ctx, office.head, submitted(ctx, office))
    now = ctx.clock.now()
    with ctx.db.write() as s:
        incident = Incident(
            title="暴雨舆情",
            level="major",
            unit_id=office.admin.unit_id,
            opened_at=now,
            recorded_at=now,
            recorded_by=office.admin.staff_id,
        )
        s.add(incident)
        s.flush()
        s.add(
            CrisisHold(
                incident_id=incident.id,
                account_id=office.weibo,
                held_at=now,
                held_by=office.admin.staff_id,
            )
        )
    with pytest.raises(ValidationError, match="crisis hold"):
        ctx.posts.record_publication(
            office.clerk, post.id, office.weibo, published_at=now, expected_version=post.version
        )


def test_a_delegation_entered_in_office_time_still_verifies(
    ctx: AppContext, office: Office
) -> None:
    """Times typed in Beijing time (+08:00) are stored as UTC; the consent must still verify."""
    from newmedia_desk.domain.working_days import OFFICE_TZ

    now = ctx.clock.now().astimezone(OFFICE_TZ)
    ctx.delegations.create(
        office.chief,
        DelegationSpec(
            office.sup.staff_id,
            office.sup2.staff_id,
            office.chief.staff_id,
            now,
            now + timedelta(days=2),
            "出差",
        ),
        consenter_password=STAFF_PASSWORD,
    )
    assert ctx.delegations.verify() == (1, ())
