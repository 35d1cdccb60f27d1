"""The content library (素材库): texts and images with tags; audited; searchable."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import select

from newmedia_desk.context import AppContext
from newmedia_desk.domain.errors import (
    ConflictError,
    NotFoundError,
    PermissionDeniedError,
    ValidationError,
)
from newmedia_desk.domain.roles import Role
from newmedia_desk.domain.staff import Principal
from newmedia_desk.services.library import normalise_tags
from newmedia_desk.storage.models import AuditRow
from tests.conftest import make_staff

pytestmark = pytest.mark.all_backends

RAINSTORM = "暴雨天气请尽量减少外出，远离河道、低洼地带，注意防范山洪和地质灾害。"


@pytest.fixture
def clerk(ctx: AppContext, admin: Principal) -> Principal:
    return make_staff(ctx, admin, "clerk", {Role.CLERK}, name="张晓")[1]


def _actions(ctx: AppContext) -> list[str]:
    with ctx.db.read() as s:
        return list(
            s.scalars(
                select(AuditRow.action)
                .where(AuditRow.entity == "library_item")
                .order_by(AuditRow.seq)
            )
        )


def test_add_update_archive_are_audited(ctx: AppContext, clerk: Principal) -> None:
    item = ctx.library.add(clerk, "暴雨防御提示", RAINSTORM, tags="暴雨, 防御 暴雨、汛期")
    assert item.tags == ("暴雨", "防御", "汛期")
    assert item.created_by == "张晓"
    changed = ctx.library.update(
        clerk,
        item.id,
        title="暴雨防御指南",
        text=RAINSTORM,
        image_sha256=None,
        tags=["暴雨", "#科普#"],
        expected_version=item.version,
    )
    assert (changed.title, changed.tags) == ("暴雨防御指南", ("暴雨", "科普"))
    assert changed.version == item.version + 1
    with pytest.raises(ConflictError):
        ctx.library.archive(clerk, item.id, expected_version=item.version)
    archived = ctx.library.archive(clerk, item.id, expected_version=changed.version)
    assert archived.archived_at == ctx.clock.now()
    assert _actions(ctx) == [
        "library_item_created",
        "library_item_updated",
        "library_item_archived",
    ]
    with pytest.raises(ValidationError):
        ctx.library.update(
            clerk,
            item.id,
            title="x",
            text="y",
            image_sha256=None,
            tags="",
            expected_version=archived.version,
        )


def test_search_by_text_and_tag(ctx: AppContext, clerk: Principal) -> None:
    rain = ctx.library.add(clerk, "暴雨防御提示", RAINSTORM, tags="暴雨 防御")
    heat = ctx.library.add(clerk, "高温防暑", "高温天气注意防暑降温，多喝水。", tags="高温 防御")
    percent = ctx.library.add(clerk, "降水概率", "明天降水概率100%。", tags="预报")
    assert [i.id for i in ctx.library.search(clerk)] == [percent.id, heat.id, rain.id]
    assert [i.id for i in ctx.library.search(clerk, "河道")] == [rain.id]
    assert [i.id for i in ctx.library.search(clerk, "防暑")] == [heat.id]
    assert [i.id for i in ctx.library.search(clerk, tag="防御")] == [heat.id, rain.id]
    assert [i.id for i in ctx.library.search(clerk, "高温", tag="防御")] == [heat.id]
    assert ctx.library.search(clerk, tag="防") == []  # a tag matches whole
    assert [i.id for i in ctx.library.search(clerk, "100%")] == [percent.id]
    assert ctx.library.search(clerk, "%") == [ctx.library.get(clerk, percent.id)]
    assert ctx.library.tags(clerk) == ["防御", "暴雨", "预报", "高温"]
    ctx.library.archive(clerk, heat.id, expected_version=heat.version)
    assert [i.id for i in ctx.library.search(clerk, tag="防御")] == [rain.id]
    assert [i.id for i in ctx.library.search(clerk, tag="防御", include_archived=True)] == [
        heat.id,
        rain.id,
    ]
    assert ctx.library.tags(clerk) == ["暴雨", "防御", "预报"]


def test_an_image_item(ctx: AppContext, clerk: Principal, tmp_path: Path) -> None:
    picture = tmp_path / "雷达图.png"
    Image.new("RGB", (30, 20), (10, 90, 200)).save(picture)
    sha = ctx.images.add(clerk, picture)
    item = ctx.library.add(clerk, "雷达回波图", image_sha256=sha, tags="雷达")
    assert (item.text, item.image_sha256) == ("", sha)
    with pytest.raises(ValidationError) as caught:
        ctx.library.add(clerk, "不存在的图", image_sha256="f" * 64)
    assert caught.value.field == "image"


def test_bad_input_is_refused(ctx: AppContext, clerk: Principal) -> None:
    with pytest.raises(ValidationError) as caught:
        ctx.library.add(clerk, "  ", "正文")
    assert caught.value.field == "title"
    with pytest.raises(ValidationError) as caught:
        ctx.library.add(clerk, "空的", "  ")
    assert caught.value.field == "text"
    with pytest.raises(ValidationError):
        ctx.library.add(clerk, "两行\n标题", "正文")
    with pytest.raises(ValidationError):
        normalise_tags("标" * 21)
    with pytest.raises(ValidationError):
        normalise_tags([f"t{i}" for i in range(21)])
    with pytest.raises(NotFoundError):
        ctx.library.get(clerk, 999)


def test_permissions(ctx: AppContext, admin: Principal, clerk: Principal) -> None:
    leader = make_staff(ctx, admin, "leader", {Role.SUPERVISOR})[1]
    item = ctx.library.add(clerk, "暴雨防御提示", RAINSTORM)
    assert [i.id for i in ctx.library.search(leader)] == [item.id]  # reading is allowed
    with pytest.raises(PermissionDeniedError):
        ctx.library.add(leader, "标题", "正文")
    with pytest.raises(PermissionDeniedError):
        ctx.library.archive(leader, item.id, expected_version=item.version)
