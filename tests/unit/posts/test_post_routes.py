"""The office's approval routes per tier: validation, storage, use for new rounds, the form."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from newmedia_desk.context import AppContext
from newmedia_desk.domain.accounts import Decision
from newmedia_desk.domain.errors import PermissionDeniedError, ValidationError
from newmedia_desk.domain.posts import (
    CHIEF_STEP,
    DEFAULT_ROUTES,
    RESPONSIBLE_STEP,
    SUPERVISOR_STEP,
    PostKind,
    PostStatus,
    RouteStep,
    Tier,
    route_for,
    routes_from_json,
    routes_to_json,
    validate_routes,
)
from newmedia_desk.domain.roles import Role
from newmedia_desk.domain.staff import Principal
from newmedia_desk.exports.post_forms import export_post_form
from newmedia_desk.services.settings import POST_ROUTES_KEY
from tests.unit.posts.office import Office, make_office, sign, submitted


@pytest.fixture
def office(ctx: AppContext, admin: Principal) -> Office:
    return make_office(ctx, admin)


OFFICE_HEAD = RouteStep("office_head", "办公室主任核稿", Role.RESPONSIBLE)
WITH_OFFICE_HEAD = {
    Tier.GENERAL: (RESPONSIBLE_STEP, OFFICE_HEAD),
    Tier.IMPORTANT: (RESPONSIBLE_STEP, OFFICE_HEAD, SUPERVISOR_STEP),
    Tier.SENSITIVE: (RESPONSIBLE_STEP, SUPERVISOR_STEP, CHIEF_STEP),
}


def test_routes_round_trip_through_json() -> None:
    assert routes_from_json(routes_to_json(WITH_OFFICE_HEAD)) == WITH_OFFICE_HEAD
    assert routes_from_json(routes_to_json(DEFAULT_ROUTES)) == DEFAULT_ROUTES


@pytest.mark.parametrize(
    ("routes", "tier"),
    [
        ({**DEFAULT_ROUTES, Tier.GENERAL: ()}, "一般"),
        ({**DEFAULT_ROUTES, Tier.IMPORTANT: (RESPONSIBLE_STEP,)}, "重要"),
        ({**DEFAULT_ROUTES, Tier.SENSITIVE: (RESPONSIBLE_STEP, SUPERVISOR_STEP)}, "敏感"),
        ({**DEFAULT_ROUTES, Tier.SENSITIVE: (*DEFAULT_ROUTES[Tier.SENSITIVE],) * 2}, "敏感"),
        (
            {
                **DEFAULT_ROUTES,
                Tier.SENSITIVE: (
                    RouteStep("a", "一", Role.RESPONSIBLE),
                    RouteStep("b", "二", Role.RESPONSIBLE),
                    RouteStep("c", "三", Role.SUPERVISOR),
                    RouteStep("d", "四", Role.SUPERVISOR),
                    CHIEF_STEP,
                ),
            },
            "敏感",  # five steps: the form has four sign-off lines
        ),
        ({Tier.GENERAL: (RESPONSIBLE_STEP,)}, "重要"),
    ],
)
def test_routes_below_the_rules_are_refused(
    routes: dict[Tier, tuple[RouteStep, ...]], tier: str
) -> None:
    with pytest.raises(ValidationError) as info:
        validate_routes(routes)
    assert info.value.params["tier"] == tier


def test_an_activity_takes_the_configured_route_of_the_next_tier() -> None:
    route = route_for(Tier.GENERAL, PostKind.ACTIVITY, "互动类", routes=WITH_OFFICE_HEAD)
    assert route.steps == WITH_OFFICE_HEAD[Tier.IMPORTANT]


def test_only_an_administrator_changes_the_routes(ctx: AppContext, office: Office) -> None:
    with pytest.raises(PermissionDeniedError):
        ctx.settings.set_post_routes(office.clerk, WITH_OFFICE_HEAD)
    assert ctx.settings.post_routes() == DEFAULT_ROUTES
    ctx.settings.set_post_routes(office.admin, WITH_OFFICE_HEAD)
    assert ctx.settings.post_routes() == WITH_OFFICE_HEAD
    entry = ctx.audit.recent(1)[0]
    assert entry.action == "post_routes_changed" and entry.entity_id == POST_ROUTES_KEY


def test_new_rounds_follow_the_routes_and_running_ones_keep_theirs(
    ctx: AppContext, office: Office
) -> None:
    running = submitted(ctx, office)
    ctx.settings.set_post_routes(office.admin, WITH_OFFICE_HEAD)
    fresh = submitted(ctx, office, title="后天天气")
    assert [s.key for s in fresh.round_steps()] == ["responsible", "office_head"]
    assert [s.key for s in ctx.posts.get(None, running.id).round_steps()] == ["responsible"]
    # The added step is signed by somebody else with the role: not the head who signed first.
    fresh = sign(ctx, office.head, fresh)
    assert fresh.status is PostStatus.IN_APPROVAL
    fresh = sign(ctx, office.other_head, fresh, Decision.AGREE)
    assert fresh.status is PostStatus.APPROVED


def test_an_unreadable_stored_route_falls_back_to_the_rules(
    ctx: AppContext, office: Office
) -> None:
    from newmedia_desk.storage.models import OfficeSetting

    with ctx.db.write() as s:
        s.add(OfficeSetting(key=POST_ROUTES_KEY, value='{"general": "garbage"}'))
    assert ctx.settings.post_routes() == DEFAULT_ROUTES


def test_the_form_of_a_draft_names_the_configured_steps(
    ctx: AppContext, office: Office, tmp_path: Path
) -> None:
    ctx.settings.set_post_routes(office.admin, WITH_OFFICE_HEAD)
    draft = ctx.posts.create(office.clerk, submitted(ctx, office).content)
    out = export_post_form(
        ctx.posts.get(None, draft.id),
        audit_head="head",
        out=tmp_path / "form.xlsx",
        routes=ctx.settings.post_routes(),
    )
    ws = load_workbook(out).worksheets[0]
    texts = [str(c.value) for row in ws.iter_rows() for c in row if c.value is not None]
    assert "办公室主任核稿" in texts
    assert any("应经：责任人审核 → 办公室主任核稿" in t for t in texts)
